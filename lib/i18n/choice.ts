import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { db } from "../db";
import type { SessionUser } from "../accounts/accounts";
import { LOCALE_COOKIE, LOCALES } from "./locales";

export const localeChoiceSchema = z.strictObject({ locale: z.enum(LOCALES) });

/** Remembers a chosen language: in a cookie (guests, this browser) and on the account, if any. */
export async function chooseLocale(user: SessionUser | null, { locale }: z.infer<typeof localeChoiceSchema>) {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
    httpOnly: true,
  });
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
}
