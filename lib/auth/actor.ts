import "server-only";
import type { SessionUser } from "../accounts/accounts";
import { currentGuest, type GuestIdentity } from "../guests/guests";
import { currentUser } from "./session";

// Whoever is calling: a signed-in member, a guest admitted to one room, or nobody.
export type Actor = { kind: "member"; user: SessionUser } | { kind: "guest"; guest: GuestIdentity };

export async function currentActor(): Promise<Actor | null> {
  const user = await currentUser();
  if (user) return { kind: "member", user };
  const guest = await currentGuest();
  return guest ? { kind: "guest", guest } : null;
}

export function actorIdentity(actor: Actor): string {
  return actor.kind === "member" ? actor.user.id : actor.guest.id;
}
