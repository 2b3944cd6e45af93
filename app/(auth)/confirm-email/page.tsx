import { getTranslations } from "next-intl/server";
import { emailCheckTokenSchema } from "@/lib/accounts/email-check";
import { ConfirmEmailForm } from "../../_components/ConfirmEmailForm";
import { Notice } from "../../_components/Notice";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// Opened from the confirmation mail; the button does the confirming.
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const token = emailCheckTokenSchema.safeParse((await searchParams).token);
  if (!token.success) {
    const t = await getTranslations("auth");
    return (
      <div className="page">
        <Notice title={t("confirmEmail.badLinkTitle")} action={{ href: "/signin", label: t("links.signIn") }}>
          <p>{t("confirmEmail.badLinkBody")}</p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="page">
      <ConfirmEmailForm token={token.data} />
    </div>
  );
}
