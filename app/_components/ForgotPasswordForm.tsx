"use client";
// "Forgot password?": posts the address to a server action (works without JavaScript), and
// says the same thing whether or not the address has an account.
import Link from "next/link";
import { useActionState } from "react";
import { requestResetAction, type ResetRequestState } from "../(auth)/actions";
import { FormError } from "./FormError";

const INITIAL: ResetRequestState = { error: null };

export function ForgotPasswordForm({ minutes }: { minutes: number }) {
  const [state, formAction, busy] = useActionState(requestResetAction, INITIAL);
  if (state.sentTo) {
    return (
      <div className="card stack" data-testid="reset-requested">
        <h1>Check your mail</h1>
        <p>
          If there is an account for {state.sentTo}, a link to choose a new password is on its way. It works once, for{" "}
          {minutes} minutes.
        </p>
        <Link href="/signin">Back to sign in</Link>
      </div>
    );
  }
  return (
    <form className="card stack" action={formAction} noValidate>
      <h1>Forgot your password?</h1>
      <p className="muted">
        Type your account&apos;s email address and we&apos;ll mail you a link to choose a new password.
      </p>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <FormError message={state.error} />
      <button type="submit" disabled={busy}>
        Send the link
      </button>
      <Link href="/signin">Back to sign in</Link>
    </form>
  );
}
