"use client";
// Sign-in and sign-up. The form posts to a server action (app/(auth)/actions.ts), so it works
// before this script has loaded, or with JavaScript off, and the password travels only in a
// POST body. Once hydrated, the same action is called without a page load, and the fields are
// checked here first for instant feedback; the server decides either way.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState, type FormEvent } from "react";
import { signInAction, signUpAction } from "../(auth)/actions";
import { emailSchema, passwordSchema, displayNameSchema } from "@/lib/accounts/rules";
import { EMPTY_AUTH_FORM_STATE, safeCallback } from "@/lib/auth/form-state";
import { FormError } from "./FormError";
import { fieldProblem, type AuthWords } from "./form-problems";
import { SsoButton } from "./SsoButton";

type Mode = "signin" | "signup";

function firstProblem(t: AuthWords, mode: Mode, form: FormData): string | null {
  const checks =
    mode === "signup"
      ? ([
          ["name", displayNameSchema.safeParse(form.get("name"))],
          ["email", emailSchema.safeParse(form.get("email"))],
          ["password", passwordSchema.safeParse(form.get("password"))],
        ] as const)
      : ([["email", emailSchema.safeParse(form.get("email"))]] as const);
  for (const [field, check] of checks) if (!check.success) return fieldProblem(t, field, check.error.issues[0]);
  return null;
}

type Props = {
  mode: Mode;
  callbackUrl?: string;
  /** A problem to show before anything was sent (e.g. from next-auth's ?error=). */
  notice?: string | null;
  /** A line under the heading: who invited you, which addresses may sign up. */
  hint?: string | null;
  /** An administrator's invitation: the email is theirs and fixed. */
  invitation?: { token: string; email: string };
  /** Single sign-on, when the server has it: the button's label. */
  sso?: { label: string } | null;
  /** false when the server signs people in through single sign-on only (PASSWORD_SIGN_IN=off). */
  passwords?: boolean;
  /** Accounts must confirm their address before signing in: offer to send the link again. */
  confirmAgain?: boolean;
};

export function AuthForm({
  mode,
  callbackUrl,
  notice,
  hint,
  invitation,
  sso,
  passwords = true,
  confirmAgain = false,
}: Props) {
  const t = useTranslations("auth");
  const [state, formAction, busy] = useActionState(
    mode === "signup" ? signUpAction : signInAction,
    EMPTY_AUTH_FORM_STATE,
  );
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const next = safeCallback(callbackUrl);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problem = firstProblem(t, mode, new FormData(event.currentTarget));
    setLocalProblem(problem);
    if (problem) event.preventDefault();
  }

  if (!passwords) {
    return (
      <div className="card stack">
        <h1>{mode === "signup" ? t("form.signUpTitle") : t("form.signInTitle")}</h1>
        {hint ? <p className="muted">{hint}</p> : null}
        <p className="muted">{mode === "signup" ? t("form.ssoOnlySignUp") : t("form.ssoOnlySignIn")}</p>
        <FormError message={notice} />
        {sso ? <SsoButton label={sso.label} next={next} /> : null}
      </div>
    );
  }

  const other =
    mode === "signup" ? { href: "/signin", text: t("form.toSignIn") } : { href: "/signup", text: t("form.toSignUp") };
  return (
    <form className="card stack" action={formAction} onSubmit={onSubmit} noValidate>
      <h1>{mode === "signup" ? t("form.signUpTitle") : t("form.signInTitle")}</h1>
      {hint ? <p className="muted">{hint}</p> : null}
      {sso && !invitation ? (
        <>
          <SsoButton label={sso.label} next={next} />
          <p className="muted">{t("form.orPassword")}</p>
        </>
      ) : null}
      <input type="hidden" name="callbackUrl" value={next} />
      {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
      {mode === "signup" ? (
        <label>
          {t("form.name")}
          <input name="name" autoComplete="name" maxLength={64} required defaultValue={state.name} />
        </label>
      ) : null}
      <label>
        {t("form.email")}
        {invitation ? (
          <input name="email" type="email" autoComplete="email" required readOnly value={invitation.email} />
        ) : (
          <input name="email" type="email" autoComplete="email" required defaultValue={state.email} />
        )}
      </label>
      <label>
        {t("form.password")}
        <input
          name="password"
          type="password"
          autoComplete={mode === "signup" ? "new-password" : "current-password"}
          required
        />
      </label>
      <FormError message={localProblem ?? state.error ?? notice} />
      <button type="submit" disabled={busy}>
        {mode === "signup" ? t("form.submitSignUp") : t("form.submitSignIn")}
      </button>
      {mode === "signin" ? <Link href="/forgot-password">{t("form.forgot")}</Link> : null}
      {mode === "signin" && confirmAgain ? <Link href="/confirm-email/again">{t("form.confirmAgain")}</Link> : null}
      <Link href={`${other.href}${next !== "/" ? `?callbackUrl=${encodeURIComponent(next)}` : ""}`}>{other.text}</Link>
    </form>
  );
}
