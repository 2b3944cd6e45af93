import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { signInErrorKey } from "@/lib/auth/sign-in-errors";
import { signInChoices } from "@/lib/sso/provider";
import { emailConfirmationRequired } from "@/lib/accounts/email-check";
import { AuthForm } from "./AuthForm";

export type AuthPageProps = {
  searchParams: Promise<{
    callbackUrl?: string | string[];
    error?: string | string[];
    reset?: string | string[];
    deleted?: string | string[];
    confirm?: string | string[];
  }>;
};

export async function AuthPage({ mode, searchParams }: AuthPageProps & { mode: "signin" | "signup" }) {
  const { callbackUrl, error, reset, deleted, confirm } = await searchParams;
  if (await currentUser()) redirect("/");
  // next-auth sends people back here with ?error=<code> when its own routes refuse a sign-in.
  const t = await getTranslations("auth");
  const noticeKey = typeof error === "string" ? signInErrorKey(error) : null;
  const { sso, passwords } = signInChoices();
  return (
    <div className="page">
      <AuthForm
        mode={mode}
        sso={sso}
        passwords={passwords}
        confirmAgain={emailConfirmationRequired()}
        callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined}
        notice={noticeKey ? t(`signInErrors.${noticeKey}`) : null}
        hint={
          reset === "done"
            ? t("hints.resetDone")
            : deleted === "1"
              ? t("hints.deleted")
              : confirm === "sent"
                ? t("hints.confirmSent")
                : confirm === "done"
                  ? t("hints.confirmDone")
                  : null
        }
      />
    </div>
  );
}
