import "server-only";
import { db } from "../db";
import { AppError, notFound } from "../http";
import { sendLiveKitData } from "../livekit/room-service";
import { errorMessage } from "../error-message";
import { logger } from "../logger";
import { enforceRateLimit } from "../rate-limit";
import type { RoomContext } from "../rooms/guard";
import { moderatorOf } from "../moderation/participant-actions";
import { currentMeetingId, kindOf, requireInMeeting, shownName } from "./presence";
import { CHAT_MAX_CHARACTERS, CHAT_TOPIC, characterCount, type ChatEvent, type ChatLine } from "./rules";

// The meeting's chat goes through Parley: each message is stored with the meeting first, then sent
// to everyone in the room. Latecomers read the earlier ones here; the room's owner finds them in the
// meeting's history (lib/meetings/history.ts).

/** The most a latecomer is handed at once: the latest ones. */
const HISTORY_LIMIT = 500;

// Control characters other than line breaks and tabs have no place in a message people read.
const UNWANTED_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const lineOf = (message: { id: string; identity: string; name: string; text: string; sentAt: Date }): ChatLine => ({
  id: message.id,
  identity: message.identity,
  name: message.name,
  text: message.text,
  sentAt: message.sentAt.toISOString(),
});

const lineFields = { id: true, identity: true, name: true, text: true, sentAt: true } as const;

export type ChatSnapshot = { enabled: boolean; offBy: string | null; messages: ChatLine[] };

/** What the chat of the meeting going on now holds, oldest first, and whether it is on. */
export async function readChat(context: RoomContext): Promise<ChatSnapshot> {
  const meetingId = await currentMeetingId((await requireInMeeting(context)).room);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      chatOffAt: true,
      chatOffBy: true,
      chatMessages: { orderBy: [{ sentAt: "desc" }, { id: "desc" }], take: HISTORY_LIMIT, select: lineFields },
    },
  });
  return {
    enabled: meeting.chatOffAt === null,
    offBy: meeting.chatOffBy,
    messages: meeting.chatMessages.reverse().map(lineOf),
  };
}

/** Stores the caller's message with the meeting, then sends it to everyone in it. */
export async function sendChat(context: RoomContext, raw: string): Promise<ChatLine> {
  const meeting = await requireInMeeting(context);
  const text = raw.replace(UNWANTED_CONTROLS, "").trim();
  if (text.length === 0) throw new AppError("invalid_request", "Write a message first.");
  const length = characterCount(text);
  if (length > CHAT_MAX_CHARACTERS) {
    throw new AppError(
      "message_too_long",
      `A chat message can be at most ${CHAT_MAX_CHARACTERS.toLocaleString("en")} characters; this one has ${length.toLocaleString("en")}. Shorten it or split it in parts.`,
    );
  }
  const meetingId = await currentMeetingId(meeting.room);
  const refuseWhenOff = async (tx: Pick<typeof db, "meeting">) => {
    const { chatOffAt, chatOffBy } = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { chatOffAt: true, chatOffBy: true },
    });
    if (chatOffAt) throw new AppError("chat_off", `${chatOffBy ?? "A host"} turned chat off for this meeting.`);
  };
  // Chat being off is the answer whether or not the sender is also over the rate limit; a
  // refused message does not use up the sender's allowance.
  await refuseWhenOff(db);
  enforceRateLimit("chatPerCaller", `${meeting.room.slug}:${meeting.identity}`);
  const stored = await db.$transaction(async (tx) => {
    await refuseWhenOff(tx);
    return tx.chatMessage.create({
      data: { meetingId, identity: meeting.identity, name: shownName(meeting), kind: kindOf(meeting), text },
      select: lineFields,
    });
  });
  const line = lineOf(stored);
  await broadcast(meeting.room.slug, { kind: "message", message: line });
  return line;
}

/** A host or co-host (or an admin, from anywhere) turns chat on or off for the meeting going on now; everyone in it sees the change. */
export async function switchChat(context: RoomContext, enabled: boolean): Promise<{ enabled: boolean }> {
  const by = moderatorOf(context.actor).name;
  const meetingId = await currentMeetingId(context.room);
  await db.meeting.update({
    where: { id: meetingId },
    data: enabled ? { chatOffAt: null, chatOffBy: null } : { chatOffAt: new Date(), chatOffBy: by },
  });
  await broadcast(context.room.slug, { kind: "state", state: { enabled, by } });
  return { enabled };
}

/**
 * What is stored is the chat; sending it on is best effort. A message LiveKit did not pass on is
 * still kept, shown to its sender, and read by everyone else when their page next loads the chat.
 */
async function broadcast(room: string, event: ChatEvent): Promise<void> {
  try {
    await sendLiveKitData(room, new TextEncoder().encode(JSON.stringify(event)), { topic: CHAT_TOPIC });
  } catch (error) {
    logger.warn("chat_not_sent", { room, kind: event.kind, error: errorMessage(error) });
  }
}

/** A meeting's chat as plain text, one message a paragraph, for the owner to keep; 404 when the meeting is not this room's. */
export async function chatTranscript(roomId: string, meetingId: string): Promise<{ filename: string; text: string }> {
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, roomId },
    select: {
      startedAt: true,
      room: { select: { slug: true, name: true } },
      chatMessages: { orderBy: [{ sentAt: "asc" }, { id: "asc" }], select: { name: true, text: true, sentAt: true } },
    },
  });
  if (!meeting) throw notFound("That meeting");
  const header = `Chat of ${meeting.room.name} (${meeting.room.slug}), meeting of ${meeting.startedAt.toISOString()}`;
  const lines = meeting.chatMessages.map(
    (message) => `[${message.sentAt.toISOString()}] ${message.name}:\n${message.text.replace(/^/gm, "  ")}`,
  );
  const day = meeting.startedAt.toISOString().slice(0, 16).replace(":", "").replace("T", "-");
  return {
    filename: `chat-${meeting.room.slug}-${day}.txt`,
    text: [header, "", ...(lines.length ? lines : ["(no messages)"])].join("\n") + "\n",
  };
}
