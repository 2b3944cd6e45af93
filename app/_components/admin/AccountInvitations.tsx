"use client";
// Invite people to make an account: a single-use sign-up link for one address, valid 7 days,
// sent by mail when Parley can send mail, and shown here once so the admin can pass it on.
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { AccountInvitationPage, NewAccountInvitation } from "@/app/api/admin/invitations/route";
import type { ResentAccountInvitation } from "@/app/api/admin/invitations/[id]/resend/route";
import { callApi } from "../api";
import { DataTable } from "../DataTable";
import type { Json } from "../json";
import { FormError } from "../FormError";
import { when } from "../format";
import { Pager } from "./Pager";

type Page = Json<AccountInvitationPage>;
type Invitation = Page["invitations"][number];

type T = ReturnType<typeof useTranslations<"admin.invitations">>;
type Format = ReturnType<typeof useFormatter>;

function status(t: T, format: Format, invitation: Invitation): string {
  if (invitation.usedAt) return t("status.accountMade", { at: when(format, invitation.usedAt) });
  if (invitation.expired) return t("status.expired");
  return t("status.openUntil", { at: when(format, invitation.expiresAt) });
}

function mailStatus(t: T, format: Format, invitation: Invitation, mailConfigured: boolean): string {
  if (invitation.mailSentAt) return t("mail.sent", { at: when(format, invitation.mailSentAt) });
  if (invitation.mailError) return t("mail.refused", { error: invitation.mailError });
  return mailConfigured ? t("mail.notSent") : t("mail.noMailServer");
}

export function AccountInvitations({ mailConfigured }: { mailConfigured: boolean }) {
  const t = useTranslations("admin.invitations");
  const format = useFormatter();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Json<NewAccountInvitation> | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await callApi<AccountInvitationPage>(`/api/admin/invitations?page=${page}`, { method: "GET" });
    if (result.ok) setData(result.body);
    else setError(result.message);
  }, [page]);
  useEffect(() => {
    const timer = setTimeout(() => void load(), 0);
    return () => clearTimeout(timer);
  }, [load]);

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    const result = await callApi<NewAccountInvitation>("/api/admin/invitations", {
      method: "POST",
      json: { email: new FormData(form).get("email") },
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setCreated(result.body);
    form.reset();
    await load();
  }

  // A new link goes out (the old one stops working), valid 7 days from now.
  async function sendAgain(invitation: Invitation) {
    setBusy(true);
    const result = await callApi<ResentAccountInvitation>(`/api/admin/invitations/${invitation.id}/resend`, {
      method: "POST",
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setCreated(result.body);
    await load();
  }

  return (
    <section className="stack" data-testid="account-invitations">
      <h2>{t("title")}</h2>
      <p className="muted">{mailConfigured ? t("introMail") : t("introNoMail")}</p>
      <form className="row" onSubmit={(event) => void invite(event)} noValidate>
        <input name="email" type="email" aria-label={t("email")} placeholder={t("emailPlaceholder")} required />
        <button type="submit" disabled={busy}>
          {t("invite")}
        </button>
      </form>
      <FormError message={error} />
      {created ? (
        <p data-testid="created-invitation">
          {t("created", {
            email: created.invitation.email,
            mail: mailStatus(t, format, created.invitation, mailConfigured),
          })}{" "}
          <input
            readOnly
            value={created.link}
            aria-label={t("link")}
            onFocus={(event) => event.currentTarget.select()}
          />
        </p>
      ) : null}
      {data && data.invitations.length > 0 ? (
        <DataTable
          testId="invitation-list"
          label={t("table")}
          columns={[t("columns.email"), t("columns.invitedBy"), t("columns.status"), t("columns.mail"), ""]}
        >
          {data.invitations.map((invitation) => (
            <tr key={invitation.id} data-testid="invitation" data-email={invitation.email}>
              <td>{invitation.email}</td>
              <td>
                {invitation.invitedBy} <div className="muted">{when(format, invitation.createdAt)}</div>
              </td>
              <td>{status(t, format, invitation)}</td>
              <td>{mailStatus(t, format, invitation, mailConfigured)}</td>
              <td>
                {invitation.usedAt ? null : (
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => void sendAgain(invitation)}
                  >
                    {t("sendAgain")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {data && data.total > data.perPage ? (
        <Pager page={page} result={data} noun="invitations" onPage={setPage} />
      ) : null}
    </section>
  );
}
