import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
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
  const notice = typeof error === "string" ? signInErrorMessage(error) : null;
  const { sso, passwords } = signInChoices();
  return (
    <div className="page">
      <AuthForm
        mode={mode}
        sso={sso}
        passwords={passwords}
        confirmAgain={emailConfirmationRequired()}
        callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined}
        notice={notice}
        hint={
          reset === "done"
            ? "Your password was changed and every session of your account was signed out. Sign in with the new password."
            : deleted === "1"
              ? "Your account was deleted."
              : confirm === "sent"
                ? "Your account is made. We mailed you a link: open it to confirm your address, then sign in."
                : confirm === "done"
                  ? "Your email address is confirmed. Sign in."
                  : null
        }
      />
    </div>
  );
}
