"use client";
// One button that confirms the address (a POST: link scanners in mail systems confirm nothing).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmEmailAction } from "../(auth)/actions";
import { EMPTY_AUTH_FORM_STATE } from "@/lib/auth/form-state";
import { FormError } from "./FormError";

export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, formAction, busy] = useActionState(confirmEmailAction, EMPTY_AUTH_FORM_STATE);
  return (
    <form className="card stack" action={formAction}>
      <h1>{t("confirmEmail.heading")}</h1>
      <input type="hidden" name="token" value={token} />
      <FormError message={state.error} />
      <button type="submit" disabled={busy}>
        {t("confirmEmail.submit")}
      </button>
    </form>
  );
}
