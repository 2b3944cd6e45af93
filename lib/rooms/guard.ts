import "server-only";
import { currentActor, type Actor } from "../auth/actor";
import { unauthenticated } from "../http";
import { authorize, type RoomAction, type Standing } from "../policy";
import { standingIn } from "./access";
import { findRoomBySlug, type Room } from "./rooms";

export type RoomContext = { actor: Actor; room: Room; standing: Standing };

/** For room routes: who is calling, which room, and whether the rules let them do this. */
export async function authorizeRoomAction(action: RoomAction, slug: string): Promise<RoomContext> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated();
  const room = await findRoomBySlug(slug);
  const standing = await standingIn(actor, room);
  authorize(action, standing, room);
  return { actor, room, standing };
}
