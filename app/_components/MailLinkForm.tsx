"use client";
// A form that asks for an email address and has a link mailed to it ("Forgot password?", "Send
// the confirmation link again"): posts to a server action (works without JavaScript), and says
// the same thing whether or not the address has an account.
import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import type { MailLinkState } from "../(auth)/actions";
import { FormError } from "./FormError";

const INITIAL: MailLinkState = { error: null };

type Props = {
  action: (previous: MailLinkState, form: FormData) => Promise<MailLinkState>;
  heading: string;
  intro: ReactNode;
  /** What the person reads once it is sent, for the address they typed. */
  sent: (email: string) => ReactNode;
  testId: string;
};

export function MailLinkForm({ action, heading, intro, sent, testId }: Props) {
  const [state, formAction, busy] = useActionState(action, INITIAL);
  if (state.sentTo) {
    return (
      <div className="card stack" data-testid={testId}>
        <h1>Check your mail</h1>
        <p>{sent(state.sentTo)}</p>
        <Link href="/signin">Back to sign in</Link>
      </div>
    );
  }
  return (
    <form className="card stack" action={formAction} noValidate>
      <h1>{heading}</h1>
      <p className="muted">{intro}</p>
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
