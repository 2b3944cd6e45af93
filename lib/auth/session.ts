import "server-only";
import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { findSessionUser, type SessionUser } from "../accounts/accounts";
import { unauthenticated } from "../http";
import { authOptions } from "./options";

/** The signed-in user, read fresh from the database, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  // Reading the session makes a page per-request; saying so first keeps `next build` from
  // trying to prerender it (and needing runtime secrets).
  await connection();
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  return id ? findSessionUser(id) : null;
}

/** For route handlers: the signed-in user, or a 401 error. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw unauthenticated();
  return user;
}
