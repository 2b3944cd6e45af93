import "server-only";
import { findActiveUser } from "../accounts/accounts";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { permissionFor } from "../livekit/grants";
import { updateLiveKitParticipant } from "../livekit/room-service";
import { publishingRole, type Standing } from "../policy";
import { ATTRIBUTES } from "./attributes";

// A LiveKit participant as Parley knows them: the account or guest behind the identity, and the
// standing they are shown with.

/**
 * The member or guest behind a meeting identity (`kind`: the token's parley.kind attribute); null
 * for a disabled or deleted account, or a guest unknown or whose pass has expired.
 */
export async function actorBehind(identity: string, kind: string | undefined): Promise<Actor | null> {
  if (kind === "guest") {
    const guest = await db.guest.findFirst({
      where: { id: identity, expiresAt: { gt: new Date() } },
      select: { id: true, roomId: true, displayName: true, expiresAt: true },
    });
    return guest ? { kind: "guest", guest } : null;
  }
  const user = await findActiveUser(identity);
  return user ? { kind: "member", user } : null;
}

/**
 * Shows everyone in the meeting the person's standing as it is now (their badge in the
 * participants list), and gives them the publishing rights that go with it.
 */
export function publishStanding(room: string, identity: string, standing: Standing): Promise<boolean> {
  return updateLiveKitParticipant(room, identity, {
    attributes: { [ATTRIBUTES.standing]: standing },
    permission: permissionFor(publishingRole(standing)),
  });
}
