import "server-only";
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { currentUser } from "../auth/session";
import { CATALOGUES } from "./messages";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";

/** The language of this request: the account's choice, else the cookie's, else the browser's. */
export async function requestLocale(): Promise<Locale> {
  const user = await currentUser();
  if (isLocale(user?.locale)) return user.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

/** The request's language where there is a request; the default in a script or a test calling lib/ directly. */
export async function requestLocaleIfAny(): Promise<Locale> {
  try {
    return await requestLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // Times as the server's clock reads them: a team on its own server mostly shares its time zone.
  return { locale, messages: CATALOGUES[locale], timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
});
