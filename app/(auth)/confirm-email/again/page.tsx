import { getTranslations } from "next-intl/server";
import { mailConfigured } from "@/lib/mail/send";
import { ConfirmAgainForm } from "../../../_components/ConfirmAgainForm";
import { Notice } from "../../../_components/Notice";

export default async function ConfirmAgainPage() {
  if (!mailConfigured()) {
    const t = await getTranslations("auth");
    return (
      <div className="page">
        <Notice title={t("confirmAgain.unavailableTitle")} action={{ href: "/signin", label: t("links.backToSignIn") }}>
          <p>{t("confirmAgain.unavailableBody")}</p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="page">
      <ConfirmAgainForm />
    </div>
  );
}
