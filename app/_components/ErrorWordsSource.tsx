"use client";
import { useMessages } from "next-intl";
import { showErrorWords } from "./error-words";

/** Hands the page's error words (already in next-intl's provider) to code outside React: callApi, say. */
export function ErrorWordsSource() {
  const { errors } = useMessages();
  // Only in the browser: on the server this module is shared by every request, in any language.
  if (typeof window !== "undefined") showErrorWords(errors);
  return null;
}
