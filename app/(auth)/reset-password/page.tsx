import { getTranslations } from "next-intl/server";
import { findUsableReset, resetTokenSchema } from "@/lib/accounts/password-reset";
import { ZodError } from "zod";
import { AppError } from "@/lib/http";
import { refusalMessage } from "@/lib/i18n/refusal";
import { Notice } from "../../_components/Notice";
import { ResetPasswordForm } from "../../_components/ResetPasswordForm";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** The link's token and address, or why it cannot be used, in words. */
async function checkLink(token: unknown): Promise<{ token: string; email: string } | { problem: string }> {
  try {
    const valid = resetTokenSchema.parse(token);
    return { token: valid, ...(await findUsableReset(valid)) };
  } catch (error) {
    if (error instanceof AppError && error.status === 410) return { problem: await refusalMessage(error) };
    if (error instanceof AppError || error instanceof ZodError)
      return { problem: (await getTranslations("auth"))("reset.invalid") };
    throw error;
  }
}

// Opened from the reset mail: the form for a new password, or why the link no longer works.
export default async function ResetPasswordPage({ searchParams }: Props) {
  const link = await checkLink((await searchParams).token);
  if ("problem" in link) {
    const t = await getTranslations("auth");
    return (
      <div className="page">
        <Notice title={t("reset.badLinkTitle")} action={{ href: "/forgot-password", label: t("reset.askNew") }}>
          <p>{link.problem}</p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="page">
      <ResetPasswordForm token={link.token} email={link.email} />
    </div>
  );
}
