import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "../admin/audit";
import { actorIdentity, type Actor } from "../auth/actor";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../http";
import { deleteLiveKitRoom, ensureLiveKitRoom } from "../livekit/room-service";
import { mintDoorToken } from "../livekit/token";
import { logger } from "../logger";
import { checkMayEnter } from "../meetings/join-credentials";
import type { RoomContext } from "../rooms/guard";
import type { Room } from "../rooms/rooms";
import { doorFor } from "./admission";
import { doorRoomName, knockIdOfDoorRoom } from "./door-room";
import { hostPresent } from "./host-presence";
import { isKnockId, KNOCKER_GONE_AFTER_MS } from "./rules";

// Knocks: each is a row, so a host who reloads or joins late, or an app restart, loses no one.
// The knocker's screen reports every second (reportAtDoor); the hosts' list shows the knocks
// that reported lately, oldest first.

// Knocking again this soon after the last report is the same visit (a reload keeps one's place).
const SAME_VISIT_MS = 2 * 60_000;
const MAX_LISTED = 100;

export type DoorCredentials = { serverUrl: string; token: string };

/** What pressing Join gets someone the room makes wait: in after all, or a place at the door and a way to show their face there. */
export type KnockAnswer = { status: "admitted" } | { status: "waiting"; hostPresent: boolean; door: DoorCredentials };

/** The knocker's view of their knock, polled by their waiting screen. */
export type KnockState = {
  status: "waiting" | "admitted" | "denied" | "withdrawn";
  message: string | null;
  hostPresent: boolean;
};

/** A knock as hosts and co-hosts see it. */
export type KnockView = {
  id: string;
  name: string;
  isGuest: boolean;
  /** The invite link they came through (its label, or whom a personal link was for); null: the room's own link. */
  link: { label: string | null; invitee: string | null } | null;
  since: Date;
};

const knockNotFound = () => new AppError("knock_not_found", "Nobody is knocking with that id in this meeting.");

const displayName = (actor: Actor) => (actor.kind === "member" ? actor.user.name : actor.guest.displayName);

export async function knock(context: RoomContext): Promise<KnockAnswer> {
  await checkMayEnter(context);
  const { actor, room, standing } = context;
  const identity = actorIdentity(actor);
  if ((await doorFor({ identity, kind: actor.kind, standing, room })) === "open") return { status: "admitted" };
  const now = new Date();
  const name = displayName(actor);
  const knockId = await db.$transaction(async (tx) => {
    const current = await tx.knock.findFirst({
      where: { roomId: room.id, identity, status: "WAITING" },
      orderBy: { createdAt: "desc" },
      select: { id: true, seenAt: true },
    });
    if (current?.seenAt && now.getTime() - current.seenAt.getTime() < SAME_VISIT_MS) {
      await tx.knock.update({ where: { id: current.id }, data: { seenAt: now } });
      return current.id;
    }
    if (current) await tx.knock.update({ where: { id: current.id }, data: { status: "WITHDRAWN" } });
    const access = await tx.roomAccess.findFirst({
      where: {
        roomId: room.id,
        ...(actor.kind === "member" ? { userId: actor.user.id } : { guestId: actor.guest.id }),
      },
      orderBy: { createdAt: "desc" },
      select: { inviteId: true },
    });
    const created = await tx.knock.create({
      data: {
        roomId: room.id,
        identity,
        name,
        isGuest: actor.kind === "guest",
        inviteId: access?.inviteId ?? null,
        seenAt: now,
      },
      select: { id: true },
    });
    return created.id;
  });
  const doorRoom = doorRoomName(knockId);
  await ensureLiveKitRoom(doorRoom);
  const token = await mintDoorToken({ room: doorRoom, identity, name, role: "knocker" });
  return {
    status: "waiting",
    hostPresent: await hostPresent(room.slug),
    door: { serverUrl: env().LIVEKIT_PUBLIC_URL, token },
  };
}

/** The knocker's screen asks how things stand; while they wait, asking is also their sign of life. */
export async function reportAtDoor({ actor, room }: RoomContext): Promise<KnockState> {
  const knock = await db.knock.findFirst({
    where: { roomId: room.id, identity: actorIdentity(actor) },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, message: true },
  });
  if (!knock) throw new AppError("knock_not_found", "You have not knocked at this meeting's door.");
  if (knock.status !== "WAITING") {
    return {
      status: knock.status === "ADMITTED" ? "admitted" : knock.status === "DENIED" ? "denied" : "withdrawn",
      message: knock.status === "DENIED" ? knock.message : null,
      hostPresent: false,
    };
  }
  await db.knock.update({ where: { id: knock.id }, data: { seenAt: new Date() } });
  return { status: "waiting", message: null, hostPresent: await hostPresent(room.slug) };
}

/** The knocker gives up waiting. */
export async function withdrawKnock({ actor, room }: RoomContext): Promise<{ status: "withdrawn" }> {
  const waiting = await db.knock.findMany({
    where: { roomId: room.id, identity: actorIdentity(actor), status: "WAITING" },
    select: { id: true },
  });
  await db.knock.updateMany({
    where: { id: { in: waiting.map((knock) => knock.id) }, status: "WAITING" },
    data: { status: "WITHDRAWN" },
  });
  for (const { id } of waiting) await closeDoor(id);
  return { status: "withdrawn" };
}

/** The knocks at the door now (waiting, and reported lately without leaving since), oldest first. */
async function presentKnocks(roomId: string, now = new Date()) {
  const knocks = await db.knock.findMany({
    where: { roomId, status: "WAITING", seenAt: { gt: new Date(now.getTime() - KNOCKER_GONE_AFTER_MS) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_LISTED,
    select: {
      id: true,
      identity: true,
      name: true,
      isGuest: true,
      createdAt: true,
      seenAt: true,
      leftAt: true,
      invite: { select: { label: true, inviteeName: true } },
    },
  });
  return knocks.filter((knock) => !knock.leftAt || (knock.seenAt !== null && knock.leftAt < knock.seenAt));
}

/** Who is at the door now, oldest knock first. */
export async function listKnocks(room: Pick<Room, "id">): Promise<KnockView[]> {
  return (await presentKnocks(room.id)).map((knock) => ({
    id: knock.id,
    name: knock.name,
    isGuest: knock.isGuest,
    link: knock.invite ? { label: knock.invite.label, invitee: knock.invite.inviteeName } : null,
    since: knock.createdAt,
  }));
}

export type Decision = { admit: true } | { admit: false; message?: string };
export type DecidedKnock = { id: string; status: "admitted" | "denied" };

/** A host or co-host lets someone in, or turns them away with an optional message. */
export async function decideKnock(by: Actor, room: Room, knockId: string, decision: Decision): Promise<DecidedKnock> {
  if (!isKnockId(knockId)) throw knockNotFound();
  const knock = await db.knock.findFirst({
    where: { id: knockId, roomId: room.id },
    select: { id: true, name: true, identity: true },
  });
  if (!knock) throw knockNotFound();
  const message = decision.admit ? null : decision.message || null;
  const { count } = await db.knock.updateMany({
    where: { id: knock.id, status: "WAITING" },
    data: {
      status: decision.admit ? "ADMITTED" : "DENIED",
      message,
      decidedAt: new Date(),
      decidedById: actorIdentity(by),
    },
  });
  if (count === 0) throw new AppError("knock_closed", `${knock.name} is no longer waiting.`);
  await closeDoor(knock.id);
  await auditDecision(by, room, knock, decision.admit, message);
  return { id: knock.id, status: decision.admit ? "admitted" : "denied" };
}

/** Lets in everyone at the door now (the knocks the hosts' list shows). */
export async function admitEveryone(by: Actor, room: Room): Promise<{ admitted: number }> {
  let admitted = 0;
  for (const knock of await presentKnocks(room.id)) {
    const { count } = await db.knock.updateMany({
      where: { id: knock.id, status: "WAITING" },
      data: { status: "ADMITTED", decidedAt: new Date(), decidedById: actorIdentity(by) },
    });
    if (count === 0) continue;
    admitted += 1;
    await closeDoor(knock.id);
    await auditDecision(by, room, knock, true, null);
  }
  return { admitted };
}

/** A token for a host's browser to watch one knocker's camera, hidden from them. */
export async function watchKnock(by: Actor, room: Room, knockId: string): Promise<DoorCredentials> {
  if (!isKnockId(knockId)) throw knockNotFound();
  const knock = await db.knock.findFirst({
    where: { id: knockId, roomId: room.id },
    select: { id: true, name: true, status: true },
  });
  if (!knock) throw knockNotFound();
  if (knock.status !== "WAITING") throw new AppError("knock_closed", `${knock.name} is no longer waiting.`);
  const doorRoom = doorRoomName(knock.id);
  await ensureLiveKitRoom(doorRoom);
  // Each watching tab is its own participant: one host may watch from two tabs.
  const identity = `${actorIdentity(by)}-watch-${randomBytes(6).toString("hex")}`;
  const token = await mintDoorToken({ room: doorRoom, identity, name: displayName(by), role: "watcher" });
  return { serverUrl: env().LIVEKIT_PUBLIC_URL, token };
}

/**
 * LiveKit says someone left a room: when it is a knocker leaving their door room (a closed tab),
 * their knock leaves the hosts' list now rather than when its reports stop counting. Returns
 * whether the room was a door room.
 */
export async function noteDoorDeparture(livekitRoom: string, identity: string): Promise<boolean> {
  const knockId = knockIdOfDoorRoom(livekitRoom);
  if (knockId === null) return false;
  // The time it is heard of, not the event's whole second: a report after it must outweigh it.
  await db.knock.updateMany({ where: { id: knockId, identity }, data: { leftAt: new Date() } });
  return true;
}

/** Ends a door room once its knock is decided: the knocker's camera stops reaching anyone. */
async function closeDoor(knockId: string): Promise<void> {
  try {
    await deleteLiveKitRoom(doorRoomName(knockId));
  } catch {
    // The media server is away; the room closes by itself once empty, and the decision stands.
    logger.warn("door_close_failed", { knock: knockId });
  }
}

async function auditDecision(
  by: Actor,
  room: Room,
  knock: { identity: string; name: string },
  admitted: boolean,
  message: string | null,
): Promise<void> {
  // Guests never hold host powers (co-host links need an account), so a decider is a member.
  if (by.kind !== "member") return;
  await recordAudit(by.user.id, admitted ? "door.admit" : "door.deny", {
    type: "participant",
    id: knock.identity,
    label: knock.name,
    detail: `at the door of ${room.name} (${room.slug})${message ? `: “${message}”` : ""}`,
  });
}
