import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

function authHandler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export { authHandler as GET, authHandler as POST };
