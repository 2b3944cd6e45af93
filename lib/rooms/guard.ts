import "server-only";
import { requireActor, type Actor } from "../auth/actor";
import { authorize, type RoomAction, type Standing } from "../policy";
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
