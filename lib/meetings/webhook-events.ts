import "server-only";
import type { WebhookEvent } from "livekit-server-sdk";
import { db, isUniqueViolation } from "../db";
import { forgetOpenRoom, isRecorder } from "../livekit/room-service";
import { noteRecorderLeft } from "../recordings/recordings";
import { verifyLiveKitWebhook } from "../livekit/webhook";
import { logger } from "../logger";
import { recordJoin, recordLeave, recordRoomClosed } from "./attendance";
import { markJoinArrived } from "./join-attempts";
import { noteDoorDeparture } from "../door/knocks";
import { presentParticipant } from "./present-participant";
import { enforceStayRules } from "./stay-rules";

/** Notes the delivery; false when this event was handled before (LiveKit redelivers). */
async function firstDelivery(event: WebhookEvent): Promise<boolean> {
  try {
    await db.webhookDelivery.create({ data: { id: event.id, event: event.event } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function apply(event: WebhookEvent): Promise<void> {
  const at = Number(event.createdAt) > 0 ? new Date(Number(event.createdAt) * 1000) : new Date();
  const room = event.room;
  switch (event.event) {
    case "participant_joined":
      if (!room || !event.participant) return;
      if (isRecorder(event.participant)) return;
      await recordJoin(room.name, room.sid, presentParticipant(event.participant, at));
      await markJoinArrived(room.name, event.participant.identity, at);
      // A token issued before a decision (a removal, a disabled account, an ended meeting, a lock)
      // still connects: whoever the room's rules no longer let in is disconnected here.
      await enforceStayRules(room.name, event.participant);
      return;
    case "participant_left":
    case "participant_connection_aborted":
      if (event.participant && isRecorder(event.participant)) {
        await noteRecorderLeft(event.participant.identity);
        return;
      }
      if (room && event.participant && (await noteDoorDeparture(room.name, event.participant.identity))) return;
      if (event.participant) await recordLeave(event.participant.sid, at);
      return;
    case "room_finished":
      if (room) forgetOpenRoom(room.name);
      if (room) await recordRoomClosed(room.name, at, room.sid);
      return;
    default:
      // room_started opens nothing until someone joins; track events need no record.
      return;
  }
}

/** Verifies, de-duplicates and applies one webhook delivery. */
export async function receiveLiveKitWebhook(
  body: string,
  authorization: string | null,
): Promise<{ duplicate: boolean }> {
  const event = await verifyLiveKitWebhook(body, authorization);
  if (!(await firstDelivery(event))) return { duplicate: true };
  try {
    await apply(event);
  } catch (error) {
    // Not applied after all: forget the delivery, or LiveKit's retry would count as a duplicate.
    await db.webhookDelivery.deleteMany({ where: { id: event.id } });
    throw error;
  }
  logger.debug("livekit_webhook", { event: event.event, room: event.room?.name });
  return { duplicate: false };
}
