// POST /api/rooms/[slug]/participants/[identity]/cohost – a host makes someone a co-host, or no longer one
import { NextResponse } from "next/server";
import { handler, parseJsonBody } from "@/lib/http";
import { moderatorOf, setCohost } from "@/lib/moderation/participant-actions";
import { cohostSchema } from "@/lib/moderation/rules";
import type { Standing } from "@/lib/policy";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; identity: string }> };

export type CohostResponse = { standing: Standing };

export const POST = handler(async (request: Request, { params }: Context) => {
  const { cohost } = await parseJsonBody(request, cohostSchema);
  const { slug, identity } = await params;
  const { actor, room } = await authorizeRoomAction("appointCohosts", slug);
  return NextResponse.json((await setCohost(moderatorOf(actor), room, identity, cohost)) satisfies CohostResponse);
});
