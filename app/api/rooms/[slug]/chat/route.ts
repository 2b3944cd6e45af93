// GET /api/rooms/[slug]/chat – the chat of the meeting going on now; anyone in it
// POST /api/rooms/[slug]/chat – send a chat message (stored with the meeting); anyone in it, rate limited
// PATCH /api/rooms/[slug]/chat – turn chat on or off for this meeting; the room's hosts and co-hosts, admins
import { NextResponse } from "next/server";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { readChat, sendChat, switchChat, type ChatSnapshot } from "@/lib/in-meeting/chat";
import { chatMessageSchema, chatSwitchSchema, type ChatLine } from "@/lib/in-meeting/rules";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type ChatResponse = ChatSnapshot;
export type SendChatResponse = { message: ChatLine };
export type SwitchChatResponse = { enabled: boolean };

const noStore = { "cache-control": "no-store" };

export const GET = handler(async (_request: Request, { params }: RouteParams<"slug">) => {
  const { slug } = await params;
  const context = await authorizeRoomAction("takePart", slug);
  return NextResponse.json<ChatResponse>(await readChat(context), { headers: noStore });
});

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  const { text } = await parseJsonBody(request, chatMessageSchema);
  const { slug } = await params;
  const context = await authorizeRoomAction("takePart", slug);
  return NextResponse.json<SendChatResponse>({ message: await sendChat(context, text) }, { status: 201 });
});

export const PATCH = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  const { enabled } = await parseJsonBody(request, chatSwitchSchema);
  const { slug } = await params;
  const context = await authorizeRoomAction("switchChat", slug);
  return NextResponse.json<SwitchChatResponse>(await switchChat(context, enabled));
});
