// POST /api/invites/redeem – join through an invite link (/j/<token>); anyone with the link, as a member or a guest
import { NextResponse } from "next/server";
import { actorIdentity, currentActor } from "@/lib/auth/actor";
import { clientIp } from "@/lib/client-ip";
import { rememberGuest } from "@/lib/guests/guests";
import { handler, parseJsonBody } from "@/lib/http";
import { redeemInviteSchema } from "@/lib/invites/rules";
import { enterThroughInvite, issueJoinCredentials, type JoinCredentials } from "@/lib/meetings/join-credentials";
import { enforceRateLimit } from "@/lib/rate-limit";

export const POST = handler(async (request: Request) => {
  const { token, name } = await parseJsonBody(request, redeemInviteSchema);
  const caller = await currentActor();
  // Someone not yet known (a new guest) is counted by their address.
  enforceRateLimit("joinPerCaller", caller ? actorIdentity(caller) : `ip:${clientIp(request.headers)}`);
  const { context, guest, inviteId } = await enterThroughInvite(token, caller, name);
  // Remembered even when the door says "wait" below: the browser knocks as this guest.
  if (guest) await rememberGuest(guest);
  return NextResponse.json<JoinCredentials>(await issueJoinCredentials(context, inviteId), {
    headers: { "Cache-Control": "no-store" },
  });
});
