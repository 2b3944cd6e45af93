"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { RevokeInviteResponse } from "@/app/api/rooms/[slug]/invites/[inviteId]/revoke/route";
import type { CreateInviteResponse } from "@/app/api/rooms/[slug]/invites/route";
import type { RoomSettingsResponse } from "@/app/api/rooms/[slug]/settings/route";
import { createInviteSchema, type InviteRole, type InviteView } from "@/lib/invites/rules";
import { roomSettingsSchema } from "@/lib/rooms/rules";
import type { RoomSettings } from "@/lib/rooms/rooms";
import { callApi } from "../api";
import type { Json } from "../json";
import { FormError } from "../FormError";
import { LockControl } from "./LockControl";
import { WaitingRoomChoices } from "./WaitingRoomChoices";
import { DataTable } from "../DataTable";

type Invite = Json<InviteView>;

const roleNames: Record<InviteRole, string> = {
  participant: "Participant: camera, microphone, screen, chat",
  viewer: "Viewer: watch and chat only",
  cohost: "Co-host: participant plus the host's powers",
};
const stateNames = { valid: "Active", revoked: "Revoked", expired: "Expired", used_up: "Used up" } as const;
const lifetimes = [
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "never", label: "Never" },
];

const absolute = (path: string) => new URL(path, window.location.origin).href;

function CopyButton({ path }: { path: string }) {
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
          () => window.prompt("Copy this link", absolute(path)),
        )
      }
    >
      {copied ? "Copied" : "Copy link"}
    </button>
  );
}

function CreateInviteForm({ slug, onCreated }: { slug: string; onCreated: (path: string) => void }) {
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
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the form.");
    const result = await callApi<CreateInviteResponse>(`/api/rooms/${slug}/invites`, { method: "POST", json: draft });
    if (!result.ok) return setError(result.message);
    setError(null);
    onCreated(result.body.invite.path);
  }

  return (
    <form className="card stack" onSubmit={(event) => void submit(event)}>
      <h2>New invite link</h2>
      <div className="row">
        <label>
          <span>
            <input type="radio" name="kind" checked={!personal} onChange={() => setPersonal(false)} /> A link to share
          </span>
        </label>
        <label>
          <span>
            <input type="radio" name="kind" checked={personal} onChange={() => setPersonal(true)} /> A personal link for
            one person
          </span>
        </label>
      </div>
      {personal ? (
        <div className="row">
          <label>
            Their name
            <input name="inviteeName" maxLength={64} required />
          </label>
          <label>
            Their email (optional: Parley mails them the link)
            <input name="inviteeEmail" type="email" />
          </label>
          <label>
            Meeting starts (optional: adds a calendar file to the mail)
            <input name="startsAt" type="datetime-local" />
          </label>
        </div>
      ) : null}
      <label>
        Role
        <select name="role" defaultValue="participant">
          {Object.entries(roleNames).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <label>
          Expires after
          <select name="lifetime" defaultValue="7">
            {lifetimes.map((lifetime) => (
              <option key={lifetime.value} value={lifetime.value}>
                {lifetime.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Maximum uses
          <input name="maxUses" type="number" min={1} placeholder={personal ? "1" : "No limit"} />
        </label>
        <label>
          Label (optional)
          <input name="label" maxLength={80} placeholder="Board members" />
        </label>
      </div>
      <FormError message={error} />
      <button type="submit">Create link</button>
    </form>
  );
}

const linkName = (invite: Invite) => (invite.invitee ? `For ${invite.invitee.name}` : (invite.label ?? "Shared link"));

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
        {linkStillWorks ? `Revoke “${linkName(invite)}”?` : `Revoke the access “${linkName(invite)}” gave?`}
      </h2>
      {linkStillWorks ? <p>Nobody new can join with this link.</p> : null}
      {invite.usedBy.length > 0 ? (
        <p>
          Came in through it: {invite.usedBy.join(", ")}. Revoking their access too removes them from the meeting now;
          they can come back only if the room admits them some other way.
          {linkStillWorks && invite.role === "cohost"
            ? " Revoking the link alone lets them stay, as participants: co-host powers end with the link."
            : ""}
        </p>
      ) : null}
      <div className="row">
        {linkStillWorks ? (
          <button type="button" className="secondary" onClick={() => onChoose({ revokeAccess: false })}>
            Revoke the link only
          </button>
        ) : null}
        {invite.usedBy.length > 0 ? (
          <button type="button" className="danger" onClick={() => onChoose({ revokeAccess: true })}>
            {linkStillWorks ? "Revoke the link and their access" : "Revoke their access"}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => onChoose(null)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

function MailStatus({ slug, invite, onChanged }: { slug: string; invite: Invite; onChanged: () => void }) {
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
        ? `Mailed ${new Date(invite.mail.sentAt).toLocaleString()}`
        : invite.mail.error
          ? `Mail refused: ${invite.mail.error}`
          : "Not mailed"}{" "}
      {invite.state === "revoked" ? null : (
        <button type="button" className="secondary" onClick={() => void resend()}>
          {invite.mail.sentAt ? "Resend" : "Send"}
        </button>
      )}
      <FormError message={error} />
    </div>
  );
}

function InviteTable({ slug, invites, onChanged }: { slug: string; invites: Invite[]; onChanged: () => void }) {
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
  if (invites.length === 0) return <p className="muted">No invite links yet.</p>;
  return (
    <>
      <FormError message={error} />
      {revoking ? <RevokeDialog invite={revoking} onChoose={(choice) => void revoke(revoking, choice)} /> : null}
      <DataTable
        testId="invite-table"
        label="Invite links"
        columns={["Link", "Role", "Uses", "Expires", "Status", "Used by", ""]}
      >
        {invites.map((invite) => (
          <tr key={invite.id} data-invite-url={invite.url}>
            <td>
              {invite.invitee
                ? `For ${invite.invitee.name}${invite.invitee.email ? ` <${invite.invitee.email}>` : ""}`
                : linkName(invite)}
              <MailStatus slug={slug} invite={invite} onChanged={onChanged} />
            </td>
            <td>{invite.role}</td>
            <td>{invite.maxUses === null ? invite.uses : `${invite.uses} / ${invite.maxUses}`}</td>
            <td>{invite.expiresAt ? new Date(invite.expiresAt).toLocaleString() : "Never"}</td>
            <td>
              {stateNames[invite.state]}
              {invite.accessRevoked ? <div className="muted">with their access</div> : null}
            </td>
            <td>{invite.usedBy.join(", ")}</td>
            <td className="row">
              <CopyButton path={invite.url} />
              {invite.state !== "revoked" || (invite.usedBy.length > 0 && !invite.accessRevoked) ? (
                <button type="button" className="secondary" onClick={() => setRevoking(invite)}>
                  {invite.state === "revoked" ? "Revoke access" : "Revoke"}
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
    };
    const parsed = roomSettingsSchema.safeParse(draft);
    if (!parsed.success)
      return setMessage({ error: true, text: parsed.error.issues[0]?.message ?? "Check the settings." });
    const result = await callApi<RoomSettingsResponse>(`/api/rooms/${slug}/settings`, {
      method: "PATCH",
      json: parsed.data,
    });
    setMessage(result.ok ? { error: false, text: "Settings saved." } : { error: true, text: result.message });
    if (result.ok) onSaved();
  }
  return (
    <form className="card stack" onSubmit={(event) => void submit(event)}>
      <h2>Room settings</h2>
      <fieldset className="stack">
        <legend>Who may join with the room&apos;s plain address</legend>
        <label>
          <span>
            <input type="radio" name="joinPolicy" value="MEMBERS" defaultChecked={settings.joinPolicy === "MEMBERS"} />{" "}
            Anyone signed in to this Parley
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
            Nobody: invite links only
          </span>
        </label>
      </fieldset>
      <label>
        <span>
          <input type="checkbox" name="allowGuests" defaultChecked={settings.allowGuests} /> Guests without an account
          may join with an invite link
        </span>
      </label>
      <WaitingRoomChoices value={settings.waitingRoom} />
      <label>
        Maximum participants
        <input
          name="maxParticipants"
          type="number"
          min={2}
          defaultValue={settings.maxParticipants ?? ""}
          placeholder="No limit"
        />
      </label>
      {message ? (
        <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      <button type="submit">Save settings</button>
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
          <span>
            New link: <code>{absolute(created)}</code>
          </span>
          <CopyButton path={created} />
        </div>
      ) : null}
      <section className="card">
        <h2>Invite links</h2>
        <InviteTable slug={slug} invites={invites} onChanged={() => router.refresh()} />
      </section>
      <SettingsForm slug={slug} settings={settings} onSaved={() => router.refresh()} />
      <LockControl slug={slug} locked={locked} onChanged={() => router.refresh()} />
    </>
  );
}
