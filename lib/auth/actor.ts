import "server-only";
import type { SessionUser } from "../accounts/accounts";
import { currentGuest, type GuestIdentity } from "../guests/guests";
import { unauthenticated } from "../http";
import { currentUser } from "./session";

// Whoever is calling: a signed-in member, a guest admitted to one room, or nobody.
export type Actor = { kind: "member"; user: SessionUser } | { kind: "guest"; guest: GuestIdentity };

export async function currentActor(): Promise<Actor | null> {
  const user = await currentUser();
  if (user) return { kind: "member", user };
  const guest = await currentGuest();
  return guest ? { kind: "guest", guest } : null;
}

/** For route handlers: the member or guest calling, or a 401 error. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated();
  return actor;
}

export function actorIdentity(actor: Actor): string {
  return actor.kind === "member" ? actor.user.id : actor.guest.id;
}
