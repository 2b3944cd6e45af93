import "server-only";
import { db } from "../db";

// The admin's "Join problems": attempts to join (lib/meetings/join-attempts.ts) of the last
// 7 days that did not arrive within 30 seconds, by reason and by person.

export const JOIN_PROBLEM_DAYS = 7;
/** An attempt that has not arrived this long after its token was minted counts as a problem. */
export const ARRIVAL_WINDOW_MS = 30_000;
// A week of attempts on a busy Parley stays far below this; past it the oldest are left out.
const MAX_ATTEMPTS = 20_000;

export const NO_REASON = "Never arrived (the browser reported no reason)";
export const LATE = "Arrived, but after more than 30 seconds";

export type AttemptRow = {
  id: string;
  identity: string;
  name: string;
  guestId: string | null;
  inviteId: string | null;
  roomSlug: string;
  roomName: string;
  createdAt: Date;
  arrivedAt: Date | null;
  failureReason: string | null;
};

export type ReasonGroup = { reason: string; attempts: number; people: number; madeItLater: number };
export type PersonGroup = {
  identity: string;
  name: string;
  kind: "member" | "guest";
  failedAttempts: number;
  reasons: string[];
  rooms: string[];
  links: string[];
  lastFailedAt: Date;
  /** They tried again later in the same room and got in. */
  madeItLater: boolean;
};
export type JoinProblems = {
  since: Date;
  byReason: ReasonGroup[];
  byPerson: PersonGroup[];
  attempts: number;
  failed: number;
};

const arrivedInTime = (row: AttemptRow) =>
  row.arrivedAt !== null && row.arrivedAt.getTime() - row.createdAt.getTime() <= ARRIVAL_WINDOW_MS;

/** Groups a week of attempts (oldest first); attempts younger than the window are still open and left out. */
export function groupJoinProblems(rows: AttemptRow[], now: Date): Omit<JoinProblems, "since"> {
  const settled = rows.filter(
    (row) =>
      row.arrivedAt !== null ||
      row.failureReason !== null ||
      now.getTime() - row.createdAt.getTime() > ARRIVAL_WINDOW_MS,
  );
  const failures = settled.filter((row) => !arrivedInTime(row));
  const laterArrival = (failure: AttemptRow) =>
    rows.some(
      (other) =>
        other.identity === failure.identity &&
        other.roomSlug === failure.roomSlug &&
        other.createdAt > failure.createdAt &&
        other.arrivedAt !== null,
    );
  const reasonOf = (row: AttemptRow) => row.failureReason ?? (row.arrivedAt ? LATE : NO_REASON);

  const byReason = new Map<string, { attempts: number; people: Set<string>; madeItLater: number }>();
  const byPerson = new Map<string, PersonGroup>();
  for (const failure of failures) {
    const reason = reasonOf(failure);
    const recovered = laterArrival(failure);
    const group = byReason.get(reason) ?? { attempts: 0, people: new Set<string>(), madeItLater: 0 };
    group.attempts += 1;
    group.people.add(failure.identity);
    if (recovered) group.madeItLater += 1;
    byReason.set(reason, group);

    const person = byPerson.get(failure.identity) ?? {
      identity: failure.identity,
      name: failure.name,
      kind: failure.guestId ? ("guest" as const) : ("member" as const),
      failedAttempts: 0,
      reasons: [],
      rooms: [],
      links: [],
      lastFailedAt: failure.createdAt,
      madeItLater: true,
    };
    person.failedAttempts += 1;
    if (!person.reasons.includes(reason)) person.reasons.push(reason);
    if (!person.rooms.includes(failure.roomName)) person.rooms.push(failure.roomName);
    const link = failure.inviteId ? "invite link" : "room link";
    if (!person.links.includes(link)) person.links.push(link);
    if (failure.createdAt > person.lastFailedAt) person.lastFailedAt = failure.createdAt;
    // Shown as recovered only when every failed attempt of theirs was followed by one that arrived.
    person.madeItLater &&= recovered;
    byPerson.set(failure.identity, person);
  }
  return {
    attempts: settled.length,
    failed: failures.length,
    byReason: [...byReason]
      .map(([reason, group]) => ({
        reason,
        attempts: group.attempts,
        people: group.people.size,
        madeItLater: group.madeItLater,
      }))
      .sort((a, b) => b.attempts - a.attempts),
    byPerson: [...byPerson.values()].sort((a, b) => b.lastFailedAt.getTime() - a.lastFailedAt.getTime()),
  };
}

export async function listJoinProblems(now = new Date()): Promise<JoinProblems> {
  const since = new Date(now.getTime() - JOIN_PROBLEM_DAYS * 24 * 3600_000);
  const rows = await db.joinAttempt.findMany({
    where: { createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_ATTEMPTS,
    select: {
      id: true,
      identity: true,
      name: true,
      guestId: true,
      inviteId: true,
      createdAt: true,
      arrivedAt: true,
      failureReason: true,
      room: { select: { slug: true, name: true } },
    },
  });
  const attempts = rows.reverse().map(({ room, ...row }) => ({ ...row, roomSlug: room.slug, roomName: room.name }));
  return { since, ...groupJoinProblems(attempts, now) };
}
