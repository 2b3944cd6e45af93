"use client";
// "Send the confirmation link again" (app/(auth)/confirm-email/again).
import { confirmAgainAction } from "../(auth)/actions";
import { MailLinkForm } from "./MailLinkForm";

export function ConfirmAgainForm() {
  return (
    <MailLinkForm
      action={confirmAgainAction}
      heading="Confirm your email address"
      intro="Type the address you signed up with and we'll mail you a new link to confirm it."
      sent={(email) =>
        `If ${email} has an account whose address is not confirmed yet, a new confirmation link is on its way. It works for 24 hours.`
      }
      testId="confirmation-requested"
    />
  );
}
