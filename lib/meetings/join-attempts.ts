import "server-only";
import { z } from "zod";
import { db, newRowId, preparedWrite, sql } from "../db";

// Every token Parley mints for a meeting is a join attempt: someone clicked Join. LiveKit's
// participant_joined webhook says they arrived; the browser says why, when it could not connect.
// Together they show an admin who tried and never got in (lib/admin/join-problems.ts).

/** How long after the token a browser may still report that this attempt failed. */
const REPORT_WITHIN_MS = 15 * 60_000;

export type NewJoinAttempt = {
  roomId: string;
  identity: string;
  name: string;
  userId: string | null;
  guestId: string | null;
  inviteId: string | null;
};

export async function recordJoinAttempt(attempt: NewJoinAttempt): Promise<string> {
  const id = newRowId();
  const { roomId, identity, name, userId, guestId, inviteId } = attempt;
  await insertJoinAttempt.run(id, roomId, identity, name, userId, guestId, inviteId, sql.dateParameter(new Date()));
  return id;
}

// Written for every join token: a prepared statement (lib/db.ts says why), the same row as
// db.joinAttempt.create({ data: attempt }).
const insertJoinAttempt = preparedWrite<
  [
    id: string,
    roomId: string,
    identity: string,
    name: string,
    userId: string | null,
    guestId: string | null,
    inviteId: string | null,
    createdAt: string,
  ]
>(
  `INSERT INTO "JoinAttempt" ("id", "roomId", "identity", "name", "userId", "guestId", "inviteId", "createdAt")
   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
);

/** LiveKit reports `identity` in the room `slug`: their latest attempt there arrived. */
export async function markJoinArrived(slug: string, identity: string, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const latest = await tx.joinAttempt.findFirst({
      where: {
        room: { slug },
        identity,
        arrivedAt: null,
        createdAt: { gte: new Date(at.getTime() - REPORT_WITHIN_MS), lte: new Date(at.getTime() + 5_000) },
      },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (latest) await tx.joinAttempt.update({ where: { id: latest.id }, data: { arrivedAt: at } });
  });
}

/** What a browser reports: LiveKit's reason (a ConnectionErrorReason name) and its message. */
export const joinFailureSchema = z
  .object({
    attemptId: z.string().min(1).max(64),
    reason: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, "must be LiveKit's reason, e.g. ServerUnreachable"),
    message: z.string().max(500).default(""),
  })
  .strict();

/** The browser of `identity` could not connect for this attempt; false if it is not theirs or too old. */
export async function reportJoinFailure(
  attemptId: string,
  identity: string,
  failure: { reason: string; message: string },
): Promise<boolean> {
  const { count } = await db.joinAttempt.updateMany({
    where: { id: attemptId, identity, createdAt: { gte: new Date(Date.now() - REPORT_WITHIN_MS) } },
    data: { failureReason: failure.reason, failureMessage: failure.message, failureReportedAt: new Date() },
  });
  return count > 0;
}
