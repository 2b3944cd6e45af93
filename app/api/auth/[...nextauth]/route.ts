// GET, POST /api/auth/[...nextauth] – next-auth's sign-in, sign-out, session and CSRF endpoints; anyone
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { screenNextAuthRequest } from "@/lib/auth/next-auth-requests";
import { handler, type RouteParams } from "@/lib/http";

// next-auth's own endpoints, behind the same checks as the rest of the API.
const authHandler = handler(async (request: NextRequest, context: RouteParams<"nextauth", string[]>) => {
  const screened = await screenNextAuthRequest(request, (await context.params).nextauth);
  if (screened instanceof Response) return screened;
  return NextAuth(authOptions())(screened, context);
});

export { authHandler as GET, authHandler as POST };
