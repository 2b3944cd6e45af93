// How long someone has waited, in the person's language: a raised hand's wait, roughly ("3 min"),
// and a knock's, to the second ("3 min 5 s"), since a knocker counts every one.
import type { MeetingT } from "./meeting-t";

const secondsBetween = (sinceMs: number, nowMs: number) => Math.max(0, Math.floor((nowMs - sinceMs) / 1000));

/** "just now", "45 s", "3 min", "1 h 5 min". */
export function handWaited(t: MeetingT, sinceMs: number, nowMs: number): string {
  const seconds = secondsBetween(sinceMs, nowMs);
  if (seconds < 5) return t("waited.justNow");
  if (seconds < 60) return t("waited.seconds", { seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t("waited.minutes", { minutes });
  return t("waited.hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** "45 s", "3 min 5 s", "1 h 5 min". */
export function knockWaited(t: MeetingT, sinceMs: number, nowMs: number): string {
  const seconds = secondsBetween(sinceMs, nowMs);
  if (seconds < 60) return t("waited.seconds", { seconds });
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? t("waited.minutesSeconds", { minutes, seconds: seconds % 60 })
    : t("waited.hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
