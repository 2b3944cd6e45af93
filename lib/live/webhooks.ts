import "server-only";
import { createHash } from "node:crypto";
import { TokenVerifier, WebhookEvent } from "livekit-server-sdk";
import { db } from "../db";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../http";
import { forgetOpenRoom } from "../livekit/rooms";
import { logger } from "../logger";
import { recordJoin, recordLeave, recordRoomClosed } from "./attendance";
import { presentParticipant } from "./livekit-state";

let verifier: TokenVerifier | undefined;

/**
 * Checks that LiveKit signed this exact body (else 401), then reads the event (else 400).
 * Fields this version does not know are ignored: newer LiveKit servers add some.
 */
async function verify(body: string, authorization: string | null): Promise<WebhookEvent> {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  verifier ??= new TokenVerifier(LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
  if (!authorization) throw new AppError(401, "unsigned_webhook", "The webhook carries no signature.");
  const signed = await verifier.verify(authorization).catch(() => null);
  if (!signed || signed.sha256 !== createHash("sha256").update(body).digest("base64")) {
    throw new AppError(401, "invalid_webhook_signature", "The webhook's signature does not match its body.");
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new AppError(400, "invalid_json", "The request body is not valid JSON.");
  }
  try {
    return WebhookEvent.fromJson(json as Parameters<typeof WebhookEvent.fromJson>[0], { ignoreUnknownFields: true });
  } catch (error) {
    throw new AppError(400, "invalid_webhook", `The webhook is not a LiveKit event: ${error instanceof Error ? error.message : "unreadable"}.`);
  }
}

/** Notes the delivery; false when this event was handled before (LiveKit redelivers). */
async function firstDelivery(event: WebhookEvent): Promise<boolean> {
  try {
    await db.webhookDelivery.create({ data: { id: event.id, event: event.event } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

async function apply(event: WebhookEvent): Promise<void> {
  const at = Number(event.createdAt) > 0 ? new Date(Number(event.createdAt) * 1000) : new Date();
  const room = event.room;
  switch (event.event) {
    case "participant_joined":
      if (room && event.participant) await recordJoin(room.name, room.sid, presentParticipant(event.participant, at));
      return;
    case "participant_left":
    case "participant_connection_aborted":
      if (event.participant) await recordLeave(event.participant.sid, at);
      return;
    case "room_finished":
      if (room) forgetOpenRoom(room.name);
      if (room) await recordRoomClosed(room.name, at);
      return;
    default:
      // room_started opens nothing until someone joins; track events need no record.
      return;
  }
}

/** Verifies, de-duplicates and applies one webhook delivery. */
export async function receiveLiveKitWebhook(body: string, authorization: string | null): Promise<{ duplicate: boolean }> {
  const event = await verify(body, authorization);
  if (!event.id) throw new AppError(400, "invalid_webhook", "The webhook has no event id.");
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
