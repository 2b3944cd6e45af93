"use client";
// The new password for a reset link; posted to a server action (works without JavaScript).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resetPasswordAction } from "../(auth)/actions";
import { EMPTY_AUTH_FORM_STATE } from "@/lib/auth/form-state";
import { FormError } from "./FormError";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth");
  const [state, formAction, busy] = useActionState(resetPasswordAction, EMPTY_AUTH_FORM_STATE);
  return (
    <form className="card stack" action={formAction} noValidate>
      <h1>{t("reset.heading")}</h1>
      <p className="muted">{t("reset.forEmail", { email })}</p>
      <input type="hidden" name="token" value={token} />
      <label>
        {t("reset.newPassword")}
        <input name="password" type="password" autoComplete="new-password" required />
      </label>
      <FormError message={state.error} />
      <button type="submit" disabled={busy}>
        {t("reset.submit")}
      </button>
    </form>
  );
}
