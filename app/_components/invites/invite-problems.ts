// What the invite and room-settings forms say when a field is refused before anything is sent:
// the zod issue (from the rules in lib/, shared with the server) in the page's language, by field
// and kind. The schemas' own messages are English for API callers.
import type { useTranslations } from "next-intl";
import type { z } from "zod";

type CreateWords = ReturnType<typeof useTranslations<"invites.create">>;
type SettingsWords = ReturnType<typeof useTranslations<"invites.settings">>;
type Issue = z.core.$ZodIssue;

const limit = (issue: Issue) => Number("maximum" in issue ? issue.maximum : "minimum" in issue ? issue.minimum : 0);

/** The new-link form; `expiresAt` is what was about to be sent, to tell a past expiry from a far one. */
export function inviteProblem(t: CreateWords, issue: Issue | undefined, expiresAt?: string | null): string {
  const [field, inner] = issue?.path ?? [];
  switch (field) {
    case "role":
      return t("problems.role");
    case "expiresAt":
      if (issue?.code !== "custom") return t("problems.expiryNotDate");
      return expiresAt && Date.parse(expiresAt) <= Date.now() ? t("problems.expiryPast") : t("problems.expiryTooFar");
    case "maxUses":
      if (issue?.code === "too_small") return t("problems.maxUsesMin", { min: limit(issue) });
      if (issue?.code === "too_big") return t("problems.maxUsesMax", { max: limit(issue) });
      return t("problems.maxUsesWhole");
    case "label":
      if (issue?.code === "too_big") return t("problems.labelTooLong", { max: limit(issue) });
      return t("problems.labelUnshowable");
    case "invitee":
      if (inner === "email") return issue?.code === "too_big" ? t("problems.emailTooLong") : t("problems.notAnEmail");
      if (issue?.code === "too_big") return t("problems.nameTooLong", { max: limit(issue) });
      return issue?.code === "custom" ? t("problems.nameUnshowable") : t("problems.enterName");
    case "startsAt":
      if (issue?.code === "invalid_format") return t("problems.startNotDate");
      // The form offers a start only with an email, so this is the window's refusal.
      return t("problems.startOutOfRange");
    default:
      return t("checkForm");
  }
}

/** The room-settings form: only the participant limit can be typed wrong. */
export function settingsProblem(t: SettingsWords, issue: Issue | undefined): string {
  if (issue?.path[0] !== "maxParticipants") return t("checkSettings");
  if (issue.code === "too_small") return t("problems.maxAtLeast", { min: limit(issue) });
  if (issue.code === "too_big") return t("problems.maxAtMost", { max: limit(issue) });
  return t("problems.maxWhole");
}
