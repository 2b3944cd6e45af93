"use client";
// The door, as hosts and co-hosts see it inside the meeting: who is knocking (oldest first), a
// live picture of each, whether they are a guest, which link they came through and how long they
// have waited; admit, deny with a message, admit all. A chime sounds for each new knock. The list
// is read from the server every second, so a reload or a late host sees every knock.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { AdmitAllResponse } from "@/app/api/rooms/[slug]/knocks/admit-all/route";
import type { AdmitKnockResponse } from "@/app/api/rooms/[slug]/knocks/[knockId]/admit/route";
import type { DenyKnockResponse } from "@/app/api/rooms/[slug]/knocks/[knockId]/deny/route";
import type { KnockListResponse } from "@/app/api/rooms/[slug]/knocks/route";
import { DENIAL_MESSAGE_MAX } from "@/lib/door/rules";
import { callApi } from "../api";
import type { Json } from "../json";
import { playChime } from "./chime";
import { DoorPreview } from "./DoorPreview";
import "./door.css";
import { useNow } from "./hands";
import type { MeetingT } from "./meeting-t";
import { knockWaited } from "./waiting-time";

type Knock = Json<KnockListResponse>["knocks"][number];

const LIST_EVERY_MS = 1_000;

function via(t: MeetingT, link: Knock["link"]): string {
  if (!link) return t("knocks.viaRoom");
  if (link.invitee) return t("knocks.viaPersonal", { invitee: link.invitee });
  return link.label ? t("knocks.viaLabel", { label: link.label }) : t("knocks.viaShared");
}

function KnockCard({
  slug,
  knock,
  now,
  onDecided,
}: {
  slug: string;
  knock: Knock;
  now: number;
  onDecided: (error: string | null) => void;
}) {
  const t = useTranslations("meeting");
  const [denying, setDenying] = useState(false);
  const [busy, setBusy] = useState(false);
  const base = `/api/rooms/${encodeURIComponent(slug)}/knocks/${encodeURIComponent(knock.id)}`;

  async function decide(path: "admit" | "deny", json?: { message?: string }) {
    setBusy(true);
    const result = await callApi<AdmitKnockResponse | DenyKnockResponse>(`${base}/${path}`, { method: "POST", json });
    setBusy(false);
    onDecided(result.ok ? null : result.message);
  }

  function deny(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const message = String(new FormData(event.currentTarget).get("message") ?? "").trim();
    void decide("deny", message ? { message } : {});
  }

  return (
    <li className="knock" data-testid="knock" data-knock-id={knock.id}>
      <DoorPreview slug={slug} knockId={knock.id} name={knock.name} />
      <div className="knock-about">
        <strong className="knock-name">{knock.name}</strong>
        {knock.isGuest ? <span className="badge">{t("knocks.guest")}</span> : null}
        <span className="muted knock-via">{via(t, knock.link)}</span>
        <span className="muted" data-testid="knock-waited">
          {t("knocks.waiting", { waited: knockWaited(t, new Date(knock.since).getTime(), now) })}
        </span>
      </div>
      {denying ? (
        <form className="knock-actions" onSubmit={deny}>
          <input
            name="message"
            maxLength={DENIAL_MESSAGE_MAX}
            placeholder={t("knocks.messagePlaceholder")}
            aria-label={t("knocks.messageTo", { name: knock.name })}
            autoFocus
          />
          <button type="submit" className="danger" disabled={busy}>
            {t("knocks.deny")}
          </button>
          <button type="button" className="secondary" onClick={() => setDenying(false)}>
            {t("knocks.cancel")}
          </button>
        </form>
      ) : (
        <div className="knock-actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => void decide("admit")}
            aria-label={t("knocks.admitOf", { name: knock.name })}
          >
            {t("knocks.admit")}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => setDenying(true)}
            aria-label={t("knocks.denyOf", { name: knock.name })}
          >
            {t("knocks.deny")}
          </button>
        </div>
      )}
    </li>
  );
}

export function KnockList({ slug }: { slug: string }) {
  const t = useTranslations("meeting.knocks");
  const [knocks, setKnocks] = useState<Knock[]>([]);
  const [locked, setLocked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [allowed, setAllowed] = useState(true);
  const [refresh, setRefresh] = useState(0);
  const heard = useRef(new Set<string>());
  const now = useNow(1_000);

  useEffect(() => {
    if (!allowed) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const result = await callApi<KnockListResponse>(`/api/rooms/${encodeURIComponent(slug)}/knocks`, {
        method: "GET",
      });
      if (!active) return;
      // No longer a host here (e.g. no longer a co-host): the door is not ours to keep.
      if (!result.ok && (result.code === "forbidden" || result.code === "unauthenticated")) return setAllowed(false);
      if (result.ok) {
        const fresh = result.body.knocks.filter((knock) => !heard.current.has(knock.id));
        fresh.forEach((knock) => heard.current.add(knock.id));
        if (fresh.length) void playChime();
        setKnocks(result.body.knocks);
        setLocked(result.body.locked);
      }
      timer = setTimeout(() => void read(), LIST_EVERY_MS);
    };
    void read();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [slug, allowed, refresh]);

  async function admitAll() {
    const result = await callApi<AdmitAllResponse>(`/api/rooms/${encodeURIComponent(slug)}/knocks/admit-all`, {
      method: "POST",
    });
    afterDecision(result.ok ? null : result.message);
  }

  function afterDecision(message: string | null) {
    setError(message);
    setRefresh((n) => n + 1);
  }

  if (!allowed || knocks.length === 0) return null;
  return (
    <section className="knock-list" aria-label={t("label")} data-testid="knock-list">
      <header className="knock-list-header">
        <strong role="status">{t("count", { count: knocks.length })}</strong>
        {knocks.length > 1 ? (
          <button type="button" onClick={() => void admitAll()}>
            {t("admitAll")}
          </button>
        ) : null}
      </header>
      {locked ? <p className="muted knock-note">{t("lockedNote")}</p> : null}
      {error ? (
        <p className="error knock-note" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="knock-items">
        {knocks.map((knock) => (
          <KnockCard key={knock.id} slug={slug} knock={knock} now={now} onDecided={afterDecision} />
        ))}
      </ul>
    </section>
  );
}
