// What a person reads when an account form's field is refused: the zod issue (from the rules in
// lib/accounts/, shared by the form and the server) in the page's language, by field and kind.
import type { useTranslations } from "next-intl";
import type { z } from "zod";

export type AuthWords = ReturnType<typeof useTranslations<"auth">>;

/** The fields of the account forms whose problems have their own words. */
export type AccountField = "email" | "password" | "name" | "invitation" | "resetToken" | "confirmToken";

export function fieldProblem(t: AuthWords, field: AccountField, issue: z.core.$ZodIssue | undefined): string {
  const code = issue?.code;
  switch (field) {
    case "email":
      return code === "invalid_type"
        ? t("problems.enterEmail")
        : code === "too_big"
          ? t("problems.emailTooLong")
          : t("problems.notAnEmail");
    case "password":
      if (issue?.code === "too_small") return t("problems.passwordTooShort", { min: Number(issue.minimum) });
      if (issue?.code === "too_big") return t("problems.passwordTooLong", { max: Number(issue.maximum) });
      return t("problems.enterPassword");
    case "name":
      if (issue?.code === "too_big") return t("problems.nameTooLong", { max: Number(issue.maximum) });
      return code === "custom" ? t("problems.nameUnshowable") : t("problems.enterName");
    case "invitation":
      return t("problems.invitationInvalid");
    case "resetToken":
      return t("problems.resetLinkInvalid");
    case "confirmToken":
      return t("problems.confirmLinkInvalid");
  }
}

const FIELDS: readonly string[] = ["email", "password", "name", "invitation"] satisfies AccountField[];

/** The first problem of a form's zod error, named by the field it is about. */
export function formProblem(t: AuthWords, error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path[0];
  return typeof field === "string" && FIELDS.includes(field)
    ? fieldProblem(t, field as AccountField, issue)
    : t("problems.checkForm");
}
