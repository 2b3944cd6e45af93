"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { RevokeInviteResponse } from "@/app/api/rooms/[slug]/invites/[inviteId]/revoke/route";
import type { CreateInviteResponse } from "@/app/api/rooms/[slug]/invites/route";
import type { RoomSettingsResponse } from "@/app/api/rooms/[slug]/settings/route";
import { createInviteSchema, type InviteRole, type InviteView } from "@/lib/invites/rules";
import { roomSettingsSchema } from "@/lib/rooms/rules";
import type { RoomSettings } from "@/lib/rooms/rooms";
import { callApi } from "../api";
import { inviteProblem, settingsProblem } from "./invite-problems";
import type { Json } from "../json";
import { FormError } from "../FormError";
import { LockControl } from "./LockControl";
import { WaitingRoomChoices } from "./WaitingRoomChoices";
import { DataTable } from "../DataTable";
import { when } from "../format";

type Invite = Json<InviteView>;
type T = ReturnType<typeof useTranslations<"invites">>;

/** The people who came in through a link, in the page's language. */
const peopleIn = (t: T, invite: Invite) =>
  invite.usedBy
    .map(({ name, guest }) =>
      name === null ? t("table.usedBySomeone") : guest ? t("table.usedByGuest", { name }) : name,
    )
    .join(", ");

const roles: readonly InviteRole[] = ["participant", "viewer", "cohost"];
const stateKeys = { valid: "valid", revoked: "revoked", expired: "expired", used_up: "usedUp" } as const;
const lifetimeDays = [1, 7, 30];

const absolute = (path: string) => new URL(path, window.location.origin).href;

function CopyButton({ path }: { path: string }) {
  const t = useTranslations("invites.copy");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      onClick={() =>
        void navigator.clipboard.writeText(absolute(path)).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 3000);
          },
          () => window.prompt(t("prompt"), absolute(path)),
        )
      }
    >
      {copied ? t("copied") : t("copy")}
    </button>
  );
}

function CreateInviteForm({ slug, onCreated }: { slug: string; onCreated: (path: string) => void }) {
  const t = useTranslations("invites.create");
  const tRoles = useTranslations("invites.roles");
  const [error, setError] = useState<string | null>(null);
  const [personal, setPersonal] = useState(false);

  // Never rejects: callApi turns every failure into a message for the form.
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lifetime = String(form.get("lifetime"));
    const maxUses = String(form.get("maxUses") ?? "").trim();
    const draft = {
      role: form.get("role"),
      expiresAt: lifetime === "never" ? null : new Date(Date.now() + Number(lifetime) * 86_400_000).toISOString(),
      ...(maxUses ? { maxUses: Number(maxUses) } : {}),
      ...(String(form.get("label") ?? "").trim() ? { label: String(form.get("label")) } : {}),
      ...(personal
        ? {
            invitee: {
              name: String(form.get("inviteeName") ?? ""),
              ...(String(form.get("inviteeEmail") ?? "").trim() ? { email: String(form.get("inviteeEmail")) } : {}),
            },
          }
        : {}),
      // datetime-local is the browser's local time; the server takes an instant.
      ...(personal && String(form.get("startsAt") ?? "")
        ? { startsAt: new Date(String(form.get("startsAt"))).toISOString() }
        : {}),
    };
    const parsed = createInviteSchema.safeParse(draft);
    if (!parsed.success) return setError(inviteProblem(t, parsed.error.issues[0], draft.expiresAt));
    const result = await callApi<CreateInviteResponse>(`/api/rooms/${slug}/invites`, { method: "POST", json: draft });
    if (!result.ok) return setError(result.message);
    setError(null);
    onCreated(result.body.invite.path);
  }

  return (
    <form className="card stack" onSubmit={(event) => void submit(event)}>
      <h2>{t("title")}</h2>
      <div className="row">
        <label>
          <span>
            <input type="radio" name="kind" checked={!personal} onChange={() => setPersonal(false)} /> {t("shared")}
          </span>
        </label>
        <label>
          <span>
            <input type="radio" name="kind" checked={personal} onChange={() => setPersonal(true)} /> {t("personal")}
          </span>
        </label>
      </div>
      {personal ? (
        <div className="row">
          <label>
            {t("name")}
            <input name="inviteeName" maxLength={64} required />
          </label>
          <label>
            {t("email")}
            <input name="inviteeEmail" type="email" />
          </label>
          <label>
            {t("startsAt")}
            <input name="startsAt" type="datetime-local" />
          </label>
        </div>
      ) : null}
      <label>
        {t("role")}
        <select name="role" defaultValue="participant">
          {roles.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <label>
          {t("expiresAfter")}
          <select name="lifetime" defaultValue="7">
            {lifetimeDays.map((days) => (
              <option key={days} value={String(days)}>
                {t("days", { days })}
              </option>
            ))}
            <option value="never">{t("never")}</option>
          </select>
        </label>
        <label>
          {t("maxUses")}
          <input name="maxUses" type="number" min={1} placeholder={personal ? "1" : t("noLimit")} />
        </label>
        <label>
          {t("label")}
          <input name="label" maxLength={80} placeholder={t("labelPlaceholder")} />
        </label>
      </div>
      <FormError message={error} />
      <button type="submit">{t("submit")}</button>
    </form>
  );
}

const linkName = (t: T, invite: Invite) =>
  invite.invitee ? t("table.forPerson", { name: invite.invitee.name }) : (invite.label ?? t("table.sharedLink"));

/**
 * Revoking asks what it should cover: the link only (whoever came in through it keeps their
 * access, though a co-host link's powers end), or also everyone's access through it.
 */
function RevokeDialog({
  invite,
  onChoose,
}: {
  invite: Invite;
  onChoose: (choice: { revokeAccess: boolean } | null) => void;
}) {
  const t = useTranslations("invites");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const linkStillWorks = invite.state !== "revoked";
  return (
    <dialog
      ref={dialog}
      className="card stack revoke-dialog"
      aria-labelledby="revoke-title"
      onCancel={() => onChoose(null)}
    >
      <h2 id="revoke-title">
        {linkStillWorks
          ? t("revoke.title", { name: linkName(t, invite) })
          : t("revoke.accessTitle", { name: linkName(t, invite) })}
      </h2>
      {linkStillWorks ? <p>{t("revoke.nobodyNew")}</p> : null}
      {invite.usedBy.length > 0 ? (
        <p>
          {t("revoke.usedBy", { people: peopleIn(t, invite) })}
          {linkStillWorks && invite.role === "cohost" ? ` ${t("revoke.cohostNote")}` : ""}
        </p>
      ) : null}
      <div className="row">
        {linkStillWorks ? (
          <button type="button" className="secondary" onClick={() => onChoose({ revokeAccess: false })}>
            {t("revoke.linkOnly")}
          </button>
        ) : null}
        {invite.usedBy.length > 0 ? (
          <button type="button" className="danger" onClick={() => onChoose({ revokeAccess: true })}>
            {linkStillWorks ? t("revoke.linkAndAccess") : t("revoke.accessOnly")}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => onChoose(null)}>
          {t("revoke.cancel")}
        </button>
      </div>
    </dialog>
  );
}

function MailStatus({ slug, invite, onChanged }: { slug: string; invite: Invite; onChanged: () => void }) {
  const t = useTranslations("invites.mail");
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  if (!invite.mail) return null;
  async function resend() {
    const result = await callApi(`/api/rooms/${slug}/invites/${invite.id}/send`, { method: "POST" });
    setError(result.ok ? null : result.message);
    onChanged();
  }
  return (
    <div className="muted" data-testid="invite-mail">
      {invite.mail.sentAt
        ? t("sent", { at: when(format, invite.mail.sentAt) })
        : invite.mail.error
          ? t("refused", { error: invite.mail.error })
          : t("notSent")}{" "}
      {invite.state === "revoked" ? null : (
        <button type="button" className="secondary" onClick={() => void resend()}>
          {invite.mail.sentAt ? t("resend") : t("send")}
        </button>
      )}
      <FormError message={error} />
    </div>
  );
}

function InviteTable({ slug, invites, onChanged }: { slug: string; invites: Invite[]; onChanged: () => void }) {
  const t = useTranslations("invites");
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Invite | null>(null);
  async function revoke(invite: Invite, choice: { revokeAccess: boolean } | null) {
    setRevoking(null);
    if (!choice) return;
    const result = await callApi<RevokeInviteResponse>(`/api/rooms/${slug}/invites/${invite.id}/revoke`, {
      method: "POST",
      json: choice,
    });
    if (!result.ok) return setError(result.message);
    setError(null);
    onChanged();
  }
  if (invites.length === 0) return <p className="muted">{t("table.none")}</p>;
  return (
    <>
      <FormError message={error} />
      {revoking ? <RevokeDialog invite={revoking} onChoose={(choice) => void revoke(revoking, choice)} /> : null}
      <DataTable
        testId="invite-table"
        label={t("table.label")}
        columns={[
          t("table.columns.link"),
          t("table.columns.role"),
          t("table.columns.uses"),
          t("table.columns.expires"),
          t("table.columns.status"),
          t("table.columns.usedBy"),
          "",
        ]}
      >
        {invites.map((invite) => (
          <tr key={invite.id} data-invite-url={invite.url}>
            <td>
              {invite.invitee?.email
                ? t("table.forPersonWithEmail", { name: invite.invitee.name, email: invite.invitee.email })
                : linkName(t, invite)}
              <MailStatus slug={slug} invite={invite} onChanged={onChanged} />
            </td>
            <td>{t(`roleNames.${invite.role}`)}</td>
            <td>{invite.maxUses === null ? invite.uses : `${invite.uses} / ${invite.maxUses}`}</td>
            <td>{invite.expiresAt ? when(format, invite.expiresAt) : t("table.never")}</td>
            <td>
              {t(`states.${stateKeys[invite.state]}`)}
              {invite.accessRevoked ? <div className="muted">{t("table.withAccess")}</div> : null}
            </td>
            <td>{peopleIn(t, invite)}</td>
            <td className="row">
              <CopyButton path={invite.url} />
              {invite.state !== "revoked" || (invite.usedBy.length > 0 && !invite.accessRevoked) ? (
                <button type="button" className="secondary" onClick={() => setRevoking(invite)}>
                  {invite.state === "revoked" ? t("table.revokeAccess") : t("table.revoke")}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function SettingsForm({ slug, settings, onSaved }: { slug: string; settings: RoomSettings; onSaved: () => void }) {
  const t = useTranslations("invites.settings");
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // Never rejects: callApi turns every failure into a message for the form.
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const max = String(form.get("maxParticipants") ?? "").trim();
    const draft = {
      joinPolicy: form.get("joinPolicy"),
      allowGuests: form.get("allowGuests") === "on",
      maxParticipants: max ? Number(max) : null,
      waitingRoom: form.get("waitingRoom"),
      e2ee: form.get("e2ee") === "on",
    };
    const parsed = roomSettingsSchema.safeParse(draft);
    if (!parsed.success) return setMessage({ error: true, text: settingsProblem(t, parsed.error.issues[0]) });
    const result = await callApi<RoomSettingsResponse>(`/api/rooms/${slug}/settings`, {
      method: "PATCH",
      json: parsed.data,
    });
    setMessage(result.ok ? { error: false, text: t("saved") } : { error: true, text: result.message });
    if (result.ok) onSaved();
  }
  return (
    <form className="card stack" onSubmit={(event) => void submit(event)}>
      <h2>{t("title")}</h2>
      <fieldset className="stack">
        <legend>{t("whoMayJoin")}</legend>
        <label>
          <span>
            <input type="radio" name="joinPolicy" value="MEMBERS" defaultChecked={settings.joinPolicy === "MEMBERS"} />{" "}
            {t("members")}
          </span>
        </label>
        <label>
          <span>
            <input
              type="radio"
              name="joinPolicy"
              value="INVITE_ONLY"
              defaultChecked={settings.joinPolicy === "INVITE_ONLY"}
            />{" "}
            {t("inviteOnly")}
          </span>
        </label>
      </fieldset>
      <label>
        <span>
          <input type="checkbox" name="allowGuests" defaultChecked={settings.allowGuests} /> {t("allowGuests")}
        </span>
      </label>
      <WaitingRoomChoices value={settings.waitingRoom} />
      <label>
        {t("maxParticipants")}
        <input
          name="maxParticipants"
          type="number"
          min={2}
          defaultValue={settings.maxParticipants ?? ""}
          placeholder={t("noLimit")}
        />
      </label>
      <label>
        <span>
          <input type="checkbox" name="e2ee" defaultChecked={settings.e2ee} aria-describedby="e2ee-hint" /> {t("e2ee")}
        </span>
        <small id="e2ee-hint" className="muted">
          {t("e2eeHint")}
        </small>
      </label>
      {message ? (
        <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      <button type="submit">{t("save")}</button>
    </form>
  );
}

export function InviteManager({
  slug,
  invites,
  settings,
  locked,
}: {
  slug: string;
  invites: Invite[];
  settings: RoomSettings;
  locked: boolean;
}) {
  const t = useTranslations("invites");
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <CreateInviteForm
        slug={slug}
        onCreated={(path) => {
          setCreated(path);
          router.refresh();
        }}
      />
      {created ? (
        <div className="card row" role="status" data-testid="new-invite">
          <span>{t.rich("create.newLink", { url: absolute(created), code: (chunks) => <code>{chunks}</code> })}</span>
          <CopyButton path={created} />
        </div>
      ) : null}
      <section className="card">
        <h2>{t("table.title")}</h2>
        <InviteTable slug={slug} invites={invites} onChanged={() => router.refresh()} />
      </section>
      <SettingsForm slug={slug} settings={settings} onSaved={() => router.refresh()} />
      <LockControl slug={slug} locked={locked} onChanged={() => router.refresh()} />
    </>
  );
}
