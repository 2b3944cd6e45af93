import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { handler } from "@/lib/http";
import { issueJoinCredentials } from "@/lib/meetings";

type Context = { params: Promise<{ slug: string }> };

export const POST = handler(async (_request: Request, { params }: Context) => {
  const { slug } = await params;
  const user = await requireUser();
  const credentials = await issueJoinCredentials(user, slug);
  return NextResponse.json(credentials, { headers: { "Cache-Control": "no-store" } });
});
