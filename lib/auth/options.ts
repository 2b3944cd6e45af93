import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "../accounts/accounts";
import { emailConfirmationRequired } from "../accounts/email-check";
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
          // An account whose address still needs confirming does not sign in (lib/accounts/email-check.ts).
          if (user && !user.emailConfirmed && emailConfirmationRequired()) return null;
          return user ? { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } : null;
        },
      }),
    ],
    callbacks: {
      // On sign-in `user` is what authorize() returned: the session carries its version.
      jwt({ token, user }) {
        if (user && "sessionVersion" in user && typeof user.sessionVersion === "number") token.sv = user.sessionVersion;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
  return options;
}
