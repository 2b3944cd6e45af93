import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentActor, requireActor, type Actor } from "../auth/actor";
import { AppError } from "../http";
import { authorize, isAllowed, type RoomAction, type Standing } from "../policy";
import { standingIn } from "./access";
import { findRoomBySlug, type Room } from "./rooms";

export type RoomContext = { actor: Actor; room: Room; standing: Standing };

/**
 * For room routes: who is calling (unless the route already knows), which room, and whether
 * the rules let them do this.
 */
export async function authorizeRoomAction(action: RoomAction, slug: string, caller?: Actor): Promise<RoomContext> {
  const actor = caller ?? (await requireActor());
  const room = await findRoomBySlug(slug);
  const standing = await standingIn(actor, room);
  authorize(action, standing, room);
  return { actor, room, standing };
}

/**
 * For room pages that only members may open: signs the visitor in first (coming back to `path`),
 * answers 404 for unknown rooms, and says whether the rules let this member do `action`.
 */
export async function roomForMemberPage(
  action: RoomAction,
  slug: string,
  path: string,
): Promise<{ room: Room; allowed: boolean }> {
  const actor = await currentActor();
  if (actor?.kind !== "member") redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  const room = await findRoomBySlug(slug).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return { room, allowed: isAllowed(action, await standingIn(actor, room), room) };
}
