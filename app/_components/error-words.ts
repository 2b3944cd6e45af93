// What a person reads when Parley refuses something: a heading for each error code
// (lib/error-codes.ts), in the page's language (messages/<locale>/errors.json). The server's
// `message` gives the details under it. Server components use getTranslations("errors") instead.
//
// The words come from next-intl's provider (<ErrorWordsSource> in the root layout), not from an
// import of the catalogues: that would put every language's error words in every page's first load.
import type { ErrorCode } from "@/lib/error-codes";
import type { Messages } from "@/lib/i18n/messages";

export type ErrorWords = {
  /** The heading for this refusal. */
  title: string;
  /** The heading on the meeting page when joining fails, where `title` is too general for that. */
  joining?: string;
  /** The refusal explained, for languages other than the English of the server's own messages. */
  message: string;
};

type Catalogue = {
  codes: Record<ErrorCode, ErrorWords>;
  /** The browser could not reach Parley at all: no code, no message from the server. */
  offline: { title: string; message: string };
  /** The server answered, but not with the JSON error shape (a proxy's error page, say). */
  unreadable: { message: string };
};

let shown: Catalogue | null = null;

/** The page's catalogue. Assigning it here is also the check that every code has its words. */
export function showErrorWords(words: Messages["errors"]): void {
  shown = words;
}

/** The words of the page's language. Until the layout has rendered (never, in practice) they are empty. */
export function errorWords(): Catalogue {
  return shown ?? UNSHOWN;
}

const NONE: ErrorWords = { title: "", message: "" };
const UNSHOWN: Catalogue = {
  codes: new Proxy({} as Record<ErrorCode, ErrorWords>, { get: () => NONE }),
  offline: NONE,
  unreadable: NONE,
};

/** The heading for a refusal with this code. */
export const errorTitle = (code: ErrorCode): string => errorWords().codes[code].title;

/** The heading on the meeting page when joining is refused with this code. */
export const joiningTitle = (code: ErrorCode): string => {
  const words = errorWords().codes[code];
  return words.joining ?? words.title;
};
