// The account forms word a refused field in the page's language, with the rule's own limits.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { fieldProblem, formProblem } from "@/app/_components/form-problems";
import { displayNameSchema, emailSchema, passwordSchema, signUpSchema } from "@/lib/accounts/rules";
import { CATALOGUES } from "@/lib/i18n/messages";

const en = createTranslator({ locale: "en", messages: CATALOGUES.en, namespace: "auth" });
const ru = createTranslator({ locale: "ru", messages: CATALOGUES.ru, namespace: "auth" });

const issue = (result: { error?: { issues: import("zod").z.core.$ZodIssue[] } }) => result.error?.issues[0];

describe("a refused account field, in words", () => {
  it("says in English what the rule says", () => {
    expect(fieldProblem(en, "password", issue(passwordSchema.safeParse("short")))).toBe(
      "Use at least 10 characters for your password.",
    );
    expect(fieldProblem(en, "email", issue(emailSchema.safeParse("nope")))).toBe(
      "That doesn't look like an email address.",
    );
    expect(fieldProblem(en, "name", issue(displayNameSchema.safeParse("a".repeat(65))))).toBe(
      "Use at most 64 characters for your name.",
    );
    expect(fieldProblem(en, "name", issue(displayNameSchema.safeParse("a\u0007b")))).toBe(
      "Your name contains characters we can't show.",
    );
  });

  it("says it in Russian, with Russian plurals", () => {
    expect(fieldProblem(ru, "password", issue(passwordSchema.safeParse("short")))).toBe(
      "Пароль должен содержать не менее 10 символов.",
    );
    expect(fieldProblem(ru, "email", issue(emailSchema.safeParse(undefined)))).toBe("Введите адрес электронной почты.");
  });

  it("names the field of a whole form's first problem", () => {
    const result = signUpSchema.safeParse({ name: "Ann", email: "ann@example.org", password: "short" });
    expect(result.success).toBe(false);
    if (!result.success) expect(formProblem(en, result.error)).toBe("Use at least 10 characters for your password.");
  });
});
