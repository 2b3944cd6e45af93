import { NextResponse } from "next/server";
import { decideKnock } from "@/lib/door/knocks";
import { denyKnockSchema } from "@/lib/door/rules";
import { handler, parseJsonBody } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; knockId: string }> };

// POST /api/rooms/[slug]/knocks/[knockId]/deny – turn someone away, with an optional message they will see (hosts and co-hosts)
export const POST = handler(async (request: Request, { params }: Context) => {
  const { message } = await parseJsonBody(request, denyKnockSchema);
  const { slug, knockId } = await params;
  const { actor, room } = await authorizeRoomAction("manageDoor", slug);
  return NextResponse.json({ knock: await decideKnock(actor, room, knockId, { admit: false, message }) });
});
