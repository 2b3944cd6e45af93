import "server-only";
import { db } from "../db";
import { notFound } from "../http";

// Past meetings of a room, for its owner and admins: when, how long, how many, and who.

type AttendanceRow = {
  name: string;
  kind: "MEMBER" | "GUEST";
  joinedAt: Date;
  leftAt: Date | null;
  seconds: number;
  minutes: number;
};
type MeetingRecord = {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  minutes: number;
  peakParticipants: number;
  attendance: AttendanceRow[];
  chat: ChatRow[];
  chatCount: number;
};
type ChatRow = { id: string; name: string; text: string; sentAt: Date };

// The page shows a meeting's latest messages; the whole chat is in its export.
const CHAT_SHOWN = 200;

const secondsBetween = (from: Date, to: Date | null, now: Date) =>
  Math.max(0, Math.round(((to ?? now).getTime() - from.getTime()) / 1000));
const minutesBetween = (from: Date, to: Date | null, now: Date) => Math.round(secondsBetween(from, to, now) / 6) / 10;

export async function listMeetings(
  roomId: string,
  { take = 50 }: { take?: number } = {},
  now = new Date(),
): Promise<MeetingRecord[]> {
  const meetings = await db.meeting.findMany({
    where: { roomId },
    orderBy: { startedAt: "desc" },
    take,
    select: {
      id: true,
      startedAt: true,
      endedAt: true,
      peakParticipants: true,
      attendance: { orderBy: { joinedAt: "asc" }, select: { name: true, kind: true, joinedAt: true, leftAt: true } },
      chatMessages: {
        orderBy: [{ sentAt: "desc" }, { id: "desc" }],
        take: CHAT_SHOWN,
        select: { id: true, name: true, text: true, sentAt: true },
      },
      _count: { select: { chatMessages: true } },
    },
  });
  return meetings.map(({ chatMessages, _count, ...meeting }) => ({
    ...meeting,
    chat: chatMessages.reverse(),
    chatCount: _count.chatMessages,
    minutes: minutesBetween(meeting.startedAt, meeting.endedAt, now),
    attendance: meeting.attendance.map((stay) => ({
      ...stay,
      seconds: secondsBetween(stay.joinedAt, stay.leftAt, now),
      minutes: minutesBetween(stay.joinedAt, stay.leftAt, now),
    })),
  }));
}

const csvField = (value: string) => {
  // Quote always; double inner quotes; defuse cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
};

/** A meeting's attendance as CSV (one row per stay), or 404 when it is not this room's. */
export async function attendanceCsv(
  roomId: string,
  meetingId: string,
  now = new Date(),
): Promise<{ filename: string; csv: string }> {
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, roomId },
    select: {
      startedAt: true,
      room: { select: { slug: true } },
      attendance: { orderBy: { joinedAt: "asc" }, select: { name: true, kind: true, joinedAt: true, leftAt: true } },
    },
  });
  if (!meeting) throw notFound("That meeting");
  const header = ["name", "kind", "joined", "left", "minutes"].join(",");
  const rows = meeting.attendance.map((stay) =>
    [
      csvField(stay.name),
      csvField(stay.kind.toLowerCase()),
      csvField(stay.joinedAt.toISOString()),
      csvField(stay.leftAt?.toISOString() ?? ""),
      String(minutesBetween(stay.joinedAt, stay.leftAt, now)),
    ].join(","),
  );
  const day = meeting.startedAt.toISOString().slice(0, 16).replace(":", "").replace("T", "-");
  return { filename: `attendance-${meeting.room.slug}-${day}.csv`, csv: [header, ...rows].join("\r\n") + "\r\n" };
}
