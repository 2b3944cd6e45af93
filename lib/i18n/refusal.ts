import "server-only";
import { getLocale } from "next-intl/server";
import type { AppError } from "../http";
import { DEFAULT_LOCALE } from "./locales";
import { CATALOGUES } from "./messages";

/**
 * A refusal's message for a form that a server action answers, as route handlers answer it: the
 * server's English with its details, or in another language the code's explanation in it.
 */
export async function refusalMessage(error: AppError): Promise<string> {
  const locale = await getLocale();
  return locale === DEFAULT_LOCALE ? error.message : CATALOGUES[locale].errors.codes[error.code].message;
}
