"use client";
// Sign-in and sign-up. The form posts to a server action (app/(auth)/actions.ts), so it works
// before this script has loaded, or with JavaScript off, and the password travels only in a
// POST body. Once hydrated, the same action is called without a page load, and the fields are
// checked here first for instant feedback; the server decides either way.
import Link from "next/link";
import { useActionState, useState, type FormEvent } from "react";
import { signInAction, signUpAction } from "../(auth)/actions";
import { emailSchema, passwordSchema, displayNameSchema } from "@/lib/accounts/rules";
import { EMPTY_AUTH_FORM_STATE, safeCallback } from "@/lib/auth/form-state";
import { FormError } from "./FormError";
import { SsoButton } from "./SsoButton";

type Mode = "signin" | "signup";

function firstProblem(mode: Mode, form: FormData): string | null {
  const checks =
    mode === "signup"
      ? [
          displayNameSchema.safeParse(form.get("name")),
          emailSchema.safeParse(form.get("email")),
          passwordSchema.safeParse(form.get("password")),
        ]
      : [emailSchema.safeParse(form.get("email"))];
  for (const check of checks) if (!check.success) return check.error.issues[0]?.message ?? "Check the form.";
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
  const [state, formAction, busy] = useActionState(
    mode === "signup" ? signUpAction : signInAction,
    EMPTY_AUTH_FORM_STATE,
  );
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const next = safeCallback(callbackUrl);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problem = firstProblem(mode, new FormData(event.currentTarget));
    setLocalProblem(problem);
    if (problem) event.preventDefault();
  }

  if (!passwords) {
    return (
      <div className="card stack">
        <h1>{mode === "signup" ? "Create your account" : "Sign in"}</h1>
        {hint ? <p className="muted">{hint}</p> : null}
        <p className="muted">
          {mode === "signup"
            ? "Accounts here are made by signing in through your organisation's single sign-on."
            : "This server signs people in through your organisation's single sign-on."}
        </p>
        <FormError message={notice} />
        {sso ? <SsoButton label={sso.label} next={next} /> : null}
      </div>
    );
  }

  const other =
    mode === "signup"
      ? { href: "/signin", text: "Already have an account? Sign in" }
      : { href: "/signup", text: "New here? Create an account" };
  return (
    <form className="card stack" action={formAction} onSubmit={onSubmit} noValidate>
      <h1>{mode === "signup" ? "Create your account" : "Sign in"}</h1>
      {hint ? <p className="muted">{hint}</p> : null}
      {sso && !invitation ? (
        <>
          <SsoButton label={sso.label} next={next} />
          <p className="muted">or with your email and a password:</p>
        </>
      ) : null}
      <input type="hidden" name="callbackUrl" value={next} />
      {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
      {mode === "signup" ? (
        <label>
          Your name
          <input name="name" autoComplete="name" maxLength={64} required defaultValue={state.name} />
        </label>
      ) : null}
      <label>
        Email
        {invitation ? (
          <input name="email" type="email" autoComplete="email" required readOnly value={invitation.email} />
        ) : (
          <input name="email" type="email" autoComplete="email" required defaultValue={state.email} />
        )}
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === "signup" ? "new-password" : "current-password"}
          required
        />
      </label>
      <FormError message={localProblem ?? state.error ?? notice} />
      <button type="submit" disabled={busy}>
        {mode === "signup" ? "Create account" : "Sign in"}
      </button>
      {mode === "signin" ? <Link href="/forgot-password">Forgot password?</Link> : null}
      {mode === "signin" && confirmAgain ? (
        <Link href="/confirm-email/again">Send the confirmation link again</Link>
      ) : null}
      <Link href={`${other.href}${next !== "/" ? `?callbackUrl=${encodeURIComponent(next)}` : ""}`}>{other.text}</Link>
    </form>
  );
}
