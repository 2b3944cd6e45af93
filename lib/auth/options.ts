import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "../accounts/accounts";
import { signInSchema } from "../accounts/rules";
import { env } from "../env";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";

let options: NextAuthOptions | undefined;

// Built on first use so that `next build` does not need the runtime secrets.
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().AUTH_SECRET,
    // Password sign-in in next-auth requires JWT sessions; the user is re-read from the
    // database on every server check (lib/auth/session.ts), so a deleted account stops working.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await authenticate(parsed.data.email, parsed.data.password);
          return user ? { id: user.id, name: user.name, email: user.email } : null;
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
  return options;
}
