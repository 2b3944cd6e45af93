import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { accountDetails } from "@/lib/accounts/account-settings";
import { currentUser } from "@/lib/auth/session";
import { AccountForm } from "../_components/account/AccountForm";
import { changePasswordAction, deleteAccountAction, endOtherSessionsAction, renameAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("metaTitle") };
}

// Name, password, sessions, and deleting the account, each a form that works without JavaScript.
export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=%2Faccount");
  const { hasPassword, emailConfirmed, rooms } = await accountDetails(user.id);
  const t = await getTranslations("account");
  return (
    <div className="page">
      <section className="card stack">
        <h1>{t("title")}</h1>
        <p>
          {user.email}
          {emailConfirmed ? <span className="muted"> · {t("confirmed")}</span> : null}
          {user.role === "ADMIN" ? <span className="muted"> · {t("administrator")}</span> : null}
        </p>
      </section>
      <AccountForm action={renameAction} title={t("name.title")} submit={t("name.submit")} testId="rename">
        <label>
          {t("name.label")}
          <input name="name" defaultValue={user.name} maxLength={64} required autoComplete="name" />
        </label>
      </AccountForm>
      <AccountForm
        action={changePasswordAction}
        title={hasPassword ? t("password.changeTitle") : t("password.setTitle")}
        submit={hasPassword ? t("password.changeSubmit") : t("password.setSubmit")}
        testId="change-password"
      >
        {hasPassword ? (
          <label>
            {t("password.current")}
            <input name="current" type="password" autoComplete="current-password" required />
          </label>
        ) : null}
        <label>
          {t("password.new")}
          <input name="password" type="password" autoComplete="new-password" required />
        </label>
        <p className="muted">{t("password.note")}</p>
      </AccountForm>
      <AccountForm
        action={endOtherSessionsAction}
        title={t("sessions.title")}
        submit={t("sessions.submit")}
        testId="end-sessions"
      >
        <p className="muted">{t("sessions.note")}</p>
      </AccountForm>
      <AccountForm
        action={deleteAccountAction}
        title={t("delete.title")}
        submit={t("delete.submit")}
        testId="delete-account"
        danger
      >
        <p className="muted">{t("delete.note", { rooms })}</p>
        <fieldset className="stack">
          <legend>{t("delete.roomsLegend")}</legend>
          <label>
            <span>
              <input type="radio" name="rooms" value="hand_over" defaultChecked /> {t("delete.handOver")}
            </span>
          </label>
          <label>
            <span>
              <input type="radio" name="rooms" value="delete" /> {t("delete.deleteRooms")}
            </span>
          </label>
        </fieldset>
        <label>
          {hasPassword ? t("delete.confirmPassword") : t("delete.confirmEmail")}
          <input
            name="confirmation"
            type={hasPassword ? "password" : "email"}
            autoComplete={hasPassword ? "current-password" : "off"}
            required
          />
        </label>
      </AccountForm>
    </div>
  );
}
