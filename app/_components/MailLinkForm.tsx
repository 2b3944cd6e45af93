"use client";
// A form that asks for an email address and has a link mailed to it ("Forgot password?", "Send
// the confirmation link again"): posts to a server action (works without JavaScript), and says
// the same thing whether or not the address has an account.
import { useTranslations } from "next-intl";
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
  const t = useTranslations("auth");
  const [state, formAction, busy] = useActionState(action, INITIAL);
  if (state.sentTo) {
    return (
      <div className="card stack" data-testid={testId}>
        <h1>{t("mailLink.checkMail")}</h1>
        <p>{sent(state.sentTo)}</p>
        <Link href="/signin">{t("links.backToSignIn")}</Link>
      </div>
    );
  }
  return (
    <form className="card stack" action={formAction} noValidate>
      <h1>{heading}</h1>
      <p className="muted">{intro}</p>
      <label>
        {t("mailLink.email")}
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <FormError message={state.error} />
      <button type="submit" disabled={busy}>
        {t("mailLink.send")}
      </button>
      <Link href="/signin">{t("links.backToSignIn")}</Link>
    </form>
  );
}
