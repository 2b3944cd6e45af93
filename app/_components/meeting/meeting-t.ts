// The meeting's words in the person's language, for modules that build sentences outside React
// (they take the `t` of the component that calls them).
import type { useTranslations } from "next-intl";

export type MeetingT = ReturnType<typeof useTranslations<"meeting">>;
