import "server-only";
import { db } from "../db";
import type { AttendeeKind, Prisma } from "../generated/prisma/client";
import { dropMediaKey } from "./media-key";

// Meetings and attendance, written from two sources that may overlap or arrive twice: LiveKit's
// webhooks as they happen, and reconciliation against LiveKit's own lists. Every function here
// is idempotent and takes the time of the event, so replaying or reordering them is harmless.

export type PresentParticipant = {
  sid: string;
  identity: string;
  name: string;
  kind: AttendeeKind;
  joinedAt: Date;
};

type Tx = Prisma.TransactionClient;

/** The `parley.kind` attribute on every token (participantAttributes in ./join-credentials.ts) tells members from guests. */
export function attendeeKind(attributes: Record<string, string> | undefined): AttendeeKind {
  return attributes?.["parley.kind"] === "guest" ? "GUEST" : "MEMBER";
}

async function roomIdFor(tx: Tx, slug: string): Promise<string | null> {
  return (await tx.room.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

async function openMeeting(tx: Tx, roomId: string, livekitRoomSid: string, startedAt: Date) {
  const open = await tx.meeting.findFirst({
    where: { roomId, endedAt: null },
    select: { id: true, livekitRoomSid: true },
  });
  if (open && open.livekitRoomSid === livekitRoomSid) return open.id;
  // A different LiveKit room instance means the earlier one closed without our hearing of it.
  if (open) await closeMeeting(tx, open.id, startedAt);
  return (await tx.meeting.create({ data: { roomId, livekitRoomSid, startedAt }, select: { id: true } })).id;
}

async function closeMeeting(tx: Tx, meetingId: string, at: Date): Promise<void> {
  await tx.attendance.updateMany({ where: { meetingId, leftAt: null }, data: { leftAt: at } });
  await tx.meeting.update({ where: { id: meetingId }, data: { endedAt: at } });
}

async function refreshPeak(tx: Tx, meetingId: string): Promise<void> {
  const present = await tx.attendance.count({ where: { meetingId, leftAt: null } });
  await tx.meeting.updateMany({
    where: { id: meetingId, peakParticipants: { lt: present } },
    data: { peakParticipants: present },
  });
}

/** The room's meeting in this LiveKit room instance, opened if our records have none yet. */
export async function ensureOpenMeeting(roomId: string, livekitRoomSid: string, startedAt: Date): Promise<string> {
  return db.$transaction((tx) => openMeeting(tx, roomId, livekitRoomSid, startedAt));
}

/** Someone joined: opens the room's meeting if this is its first person. Unknown rooms are ignored. */
export async function recordJoin(slug: string, livekitRoomSid: string, participant: PresentParticipant): Promise<void> {
  await db.$transaction(async (tx) => {
    const roomId = await roomIdFor(tx, slug);
    if (!roomId) return;
    const known = await tx.attendance.findUnique({ where: { participantSid: participant.sid }, select: { id: true } });
    if (known) return;
    const meetingId = await openMeeting(tx, roomId, livekitRoomSid, participant.joinedAt);
    await tx.attendance.create({
      data: {
        meetingId,
        participantSid: participant.sid,
        identity: participant.identity,
        name: participant.name,
        kind: participant.kind,
        joinedAt: participant.joinedAt,
      },
    });
    await refreshPeak(tx, meetingId);
  });
}

/** Someone left: their stay ends, and the meeting with it when they were the last one. */
export async function recordLeave(participantSid: string, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const stay = await tx.attendance.findUnique({
      where: { participantSid },
      select: { id: true, meetingId: true, leftAt: true },
    });
    if (!stay || stay.leftAt) return;
    await tx.attendance.update({ where: { id: stay.id }, data: { leftAt: at } });
    const remaining = await tx.attendance.count({ where: { meetingId: stay.meetingId, leftAt: null } });
    if (remaining === 0) await tx.meeting.update({ where: { id: stay.meetingId }, data: { endedAt: at } });
  });
}

/** The media server closed the room (or it is gone): whatever was open there ends now. */
export async function recordRoomClosed(slug: string, at: Date, livekitRoomSid?: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const roomId = await roomIdFor(tx, slug);
    if (!roomId) return;
    for (const meeting of await tx.meeting.findMany({ where: { roomId, endedAt: null }, select: { id: true } })) {
      await closeMeeting(tx, meeting.id, at);
    }
    await dropMediaKey(tx, roomId, { at, livekitRoomSid });
  });
}

/**
 * Makes the records agree with who LiveKit says is in the room now: stays of people no longer
 * there end at `now`, people we never heard of are added, and an empty room has no open meeting.
 */
export async function syncRoom(
  slug: string,
  livekitRoomSid: string,
  listed: PresentParticipant[],
  now: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const roomId = await roomIdFor(tx, slug);
    if (!roomId) return;
    // Each connection has its own sid, so one whose stay has ended is gone for good, even when
    // this list was read a moment before it left: it must not open a meeting again.
    const ended = await tx.attendance.findMany({
      where: { participantSid: { in: listed.map((p) => p.sid) }, leftAt: { not: null } },
      select: { participantSid: true },
    });
    const endedSids = new Set(ended.map((stay) => stay.participantSid));
    const present = listed.filter((p) => !endedSids.has(p.sid));
    const open = await tx.meeting.findFirst({
      where: { roomId, endedAt: null },
      select: { id: true, livekitRoomSid: true },
    });
    if (present.length === 0) {
      if (open) await closeMeeting(tx, open.id, now);
      return;
    }
    const firstJoin = new Date(Math.min(...present.map((p) => p.joinedAt.getTime())));
    const meetingId = await openMeeting(tx, roomId, livekitRoomSid, firstJoin);
    const presentSids = new Set(present.map((p) => p.sid));
    await tx.attendance.updateMany({
      where: { meetingId, leftAt: null, participantSid: { notIn: [...presentSids] } },
      data: { leftAt: now },
    });
    const recorded = new Set(
      (
        await tx.attendance.findMany({
          where: { participantSid: { in: [...presentSids] } },
          select: { participantSid: true },
        })
      ).map((a) => a.participantSid),
    );
    const missing = present.filter((p) => !recorded.has(p.sid));
    if (missing.length) {
      await tx.attendance.createMany({
        data: missing.map((p) => ({
          meetingId,
          participantSid: p.sid,
          identity: p.identity,
          name: p.name,
          kind: p.kind,
          joinedAt: p.joinedAt,
        })),
      });
    }
    await refreshPeak(tx, meetingId);
  });
}

export type OpenMeeting = { livekitRoomSid: string; peakParticipants: number; presentSids: Set<string> };

/** Meetings open in our records, by room slug, with who is still in each: for reconciliation to check against LiveKit. */
export async function openMeetingsBySlug(): Promise<Map<string, OpenMeeting>> {
  const meetings = await db.meeting.findMany({
    where: { endedAt: null },
    select: {
      livekitRoomSid: true,
      peakParticipants: true,
      room: { select: { slug: true } },
      attendance: { where: { leftAt: null }, select: { participantSid: true } },
    },
  });
  return new Map(
    meetings.map(({ room, attendance, ...meeting }) => [
      room.slug,
      { ...meeting, presentSids: new Set(attendance.map((stay) => stay.participantSid)) },
    ]),
  );
}
