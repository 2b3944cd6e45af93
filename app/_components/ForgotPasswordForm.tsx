"use client";
// "Forgot password?" (app/(auth)/forgot-password).
import { requestResetAction } from "../(auth)/actions";
import { MailLinkForm } from "./MailLinkForm";

export function ForgotPasswordForm({ minutes }: { minutes: number }) {
  return (
    <MailLinkForm
      action={requestResetAction}
      heading="Forgot your password?"
      intro="Type your account's email address and we'll mail you a link to choose a new password."
      sent={(email) =>
        `If there is an account for ${email}, a link to choose a new password is on its way. It works once, for ${minutes} minutes.`
      }
      testId="reset-requested"
    />
  );
}
