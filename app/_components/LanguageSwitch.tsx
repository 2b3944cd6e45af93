"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { isLocale, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { callApi } from "./api";

/** Picks the language of Parley's pages; the server remembers it (cookie, and the account). */
export function LanguageSwitch() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();

  async function choose(value: string) {
    if (!isLocale(value)) return;
    const result = await callApi<null>("/api/locale", { method: "PUT", json: { locale: value } });
    setFailed(!result.ok);
    if (result.ok) startTransition(() => router.refresh());
  }

  return (
    <span className="language-switch">
      <select
        aria-label={t("language")}
        value={locale}
        disabled={pending}
        onChange={(event) => void choose(event.target.value)}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      {failed ? <span role="alert">{t("languageNotSaved")}</span> : null}
    </span>
  );
}
