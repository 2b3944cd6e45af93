"use client";
// "Send the confirmation link again" (app/(auth)/confirm-email/again).
import { useTranslations } from "next-intl";
import { confirmAgainAction } from "../(auth)/actions";
import { MailLinkForm } from "./MailLinkForm";

export function ConfirmAgainForm() {
  const t = useTranslations("auth");
  return (
    <MailLinkForm
      action={confirmAgainAction}
      heading={t("confirmAgain.heading")}
      intro={t("confirmAgain.intro")}
      sent={(email) => t("confirmAgain.sent", { email })}
      testId="confirmation-requested"
    />
  );
}
