"use client";
// Invite people to make an account: a single-use sign-up link for one address, valid 7 days,
// sent by mail when Parley can send mail, and shown here once so the admin can pass it on.
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

function status(invitation: Invitation): string {
  if (invitation.usedAt) return `Account made ${when(invitation.usedAt)}`;
  if (invitation.expired) return "Expired";
  return `Open until ${when(invitation.expiresAt)}`;
}

function mailStatus(invitation: Invitation, mailConfigured: boolean): string {
  if (invitation.mailSentAt) return `Mail sent ${when(invitation.mailSentAt)}`;
  if (invitation.mailError) return `Mail refused: ${invitation.mailError}`;
  return mailConfigured ? "Mail not sent" : "Not mailed (no mail server configured)";
}

export function AccountInvitations({ mailConfigured }: { mailConfigured: boolean }) {
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
      <h2>Invite someone</h2>
      <p className="muted">
        They get a link to make an account with this email address. It works once, for 7 days, whatever the sign-up
        setting.
        {mailConfigured
          ? " Parley mails it to them."
          : " Parley cannot send mail (no SMTP_URL): copy the link and send it yourself."}
      </p>
      <form className="row" onSubmit={(event) => void invite(event)} noValidate>
        <input name="email" type="email" aria-label="Email to invite" placeholder="name@example.org" required />
        <button type="submit" disabled={busy}>
          Invite
        </button>
      </form>
      <FormError message={error} />
      {created ? (
        <p data-testid="created-invitation">
          Invitation for {created.invitation.email} ({mailStatus(created.invitation, mailConfigured)}). Link, shown only
          now:{" "}
          <input
            readOnly
            value={created.link}
            aria-label="Sign-up link"
            onFocus={(event) => event.currentTarget.select()}
          />
        </p>
      ) : null}
      {data && data.invitations.length > 0 ? (
        <DataTable testId="invitation-list" label="Invitations" columns={["Email", "Invited by", "Status", "Mail", ""]}>
          {data.invitations.map((invitation) => (
            <tr key={invitation.id} data-testid="invitation" data-email={invitation.email}>
              <td>{invitation.email}</td>
              <td>
                {invitation.invitedBy} <div className="muted">{when(invitation.createdAt)}</div>
              </td>
              <td>{status(invitation)}</td>
              <td>{mailStatus(invitation, mailConfigured)}</td>
              <td>
                {invitation.usedAt ? null : (
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => void sendAgain(invitation)}
                  >
                    Send again
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
