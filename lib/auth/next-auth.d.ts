import "next-auth";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The account's sessionVersion when this session began (lib/auth/session.ts). */
    sv?: number;
  }
}
