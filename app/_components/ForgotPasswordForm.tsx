"use client";
// "Forgot password?" (app/(auth)/forgot-password).
import { useTranslations } from "next-intl";
import { requestResetAction } from "../(auth)/actions";
import { MailLinkForm } from "./MailLinkForm";

export function ForgotPasswordForm({ minutes }: { minutes: number }) {
  const t = useTranslations("auth");
  return (
    <MailLinkForm
      action={requestResetAction}
      heading={t("forgot.heading")}
      intro={t("forgot.intro")}
      sent={(email) => t("forgot.sent", { email, minutes })}
      testId="reset-requested"
    />
  );
}
