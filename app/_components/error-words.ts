// What a person reads when Parley refuses something: a heading for each error code
// (lib/error-codes.ts), in each language (messages/<locale>/errors.json). The server's `message`
// gives the details under it. A code without its words fails the typecheck (lib/i18n/messages.ts).
import type { ErrorCode } from "@/lib/error-codes";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
// Only the error words, not every catalogue: this module is in every page's first load.
import en from "@/messages/en/errors.json";
import ru from "@/messages/ru/errors.json";

export type ErrorWords = {
  /** The heading for this refusal. */
  title: string;
  /** The heading on the meeting page when joining fails, where `title` is too general for that. */
  joining?: string;
  /** The refusal explained, for languages other than the English of the server's own messages. */
  message: string;
};

type Catalogue = {
  errors: Record<ErrorCode, ErrorWords>;
  /** The browser could not reach Parley at all: no code, no message from the server. */
  offline: { title: string; message: string };
  /** The server answered, but not with the JSON error shape (a proxy's error page, say). */
  unreadable: { message: string };
};

/** The language of the page this runs in (the server sets <html lang>); the default on the server. */
export function pageLocale(): Locale {
  const lang = typeof document === "undefined" ? undefined : document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** The words in a language: the page's own in the browser; server code passes the request's. */
export function errorWords(locale: Locale = pageLocale()): Catalogue {
  const { codes, offline, unreadable } = { en, ru }[locale];
  return { errors: codes, offline, unreadable };
}

/** The heading for a refusal with this code. */
export const errorTitle = (code: ErrorCode, locale?: Locale): string => errorWords(locale).errors[code].title;

/** The heading on the meeting page when joining is refused with this code. */
export const joiningTitle = (code: ErrorCode, locale?: Locale): string => {
  const words = errorWords(locale).errors[code];
  return words.joining ?? words.title;
};
