// Small display helpers shared by the admin console and room history, in the page's language:
// `format` is next-intl's formatter (useFormatter() in the browser, getFormatter() on the server).
import type { createFormatter, useTranslations } from "next-intl";

type Formatter = ReturnType<typeof createFormatter>;

export const when = (format: Formatter, at: string | Date | null) =>
  at ? format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" }) : "—";

/** How long since `at`: "3 min", "1 h 5 min". */
export function since(t: ReturnType<typeof useTranslations<"admin">>, at: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - new Date(at).getTime()) / 60_000));
  return minutes < 60
    ? t("duration.minutes", { minutes })
    : t("duration.hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
