import "server-only";
import type { SessionUser } from "../accounts/accounts";
import { currentUser } from "../auth/session";
import { AppError, unauthenticated } from "../http";

/** For admin APIs: the signed-in admin, else 401 (nobody) or 403 (not an admin). */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw unauthenticated();
  if (user.role !== "ADMIN") throw new AppError("admin_only", "Only administrators can do that.");
  return user;
}

/** For admin pages: the signed-in admin, or null (the page then answers 404 and reveals nothing). */
export async function currentAdmin(): Promise<SessionUser | null> {
  const user = await currentUser();
  return user?.role === "ADMIN" ? user : null;
}
