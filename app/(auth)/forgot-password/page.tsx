import { getTranslations } from "next-intl/server";
import { RESET_LIFETIME_MINUTES } from "@/lib/accounts/password-reset";
import { mailConfigured } from "@/lib/mail/send";
import { ForgotPasswordForm } from "../../_components/ForgotPasswordForm";
import { Notice } from "../../_components/Notice";

export default async function ForgotPasswordPage() {
  if (!mailConfigured()) {
    const t = await getTranslations("auth");
    return (
      <div className="page">
        <Notice title={t("forgot.unavailableTitle")} action={{ href: "/signin", label: t("links.backToSignIn") }}>
          <p>{t("forgot.unavailableBody")}</p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="page">
      <ForgotPasswordForm minutes={RESET_LIFETIME_MINUTES} />
    </div>
  );
}
