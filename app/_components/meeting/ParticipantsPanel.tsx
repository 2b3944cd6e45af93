"use client";
// Everyone in the meeting, with their role, microphone, camera and who is speaking. Hosts and
// co-hosts act on people and on the meeting from here. Each action is a call to Parley's API,
// which checks the rules again: what this panel offers only mirrors them.
import { useIsSpeaking, useParticipantAttributes, useParticipants } from "@livekit/components-react";
import { ParticipantEvent, type Participant } from "livekit-client";
import { useTranslations } from "next-intl";
import { useShownName } from "./shown-name";
import { useCallback, useEffect, useState } from "react";
import type { EndMeetingResponse } from "@/app/api/rooms/[slug]/end/route";
import type { KnockListResponse } from "@/app/api/rooms/[slug]/knocks/route";
import type { LockRoomResponse } from "@/app/api/rooms/[slug]/lock/route";
import type { MuteEveryoneResponse } from "@/app/api/rooms/[slug]/mute-everyone/route";
import type { CohostResponse } from "@/app/api/rooms/[slug]/participants/[identity]/cohost/route";
import type { MuteResponse } from "@/app/api/rooms/[slug]/participants/[identity]/mute/route";
import type { RemoveResponse } from "@/app/api/rooms/[slug]/participants/[identity]/remove/route";
import type { LetBackInResponse } from "@/app/api/rooms/[slug]/removals/[identity]/route";
import type { RemovalsResponse } from "@/app/api/rooms/[slug]/removals/route";
import type { HandResponse } from "@/app/api/rooms/[slug]/hand/route";
import type { LowerHandResponse } from "@/app/api/rooms/[slug]/participants/[identity]/hand/route";
import { ATTRIBUTES } from "@/lib/meetings/attributes";
import type { MutableSource } from "@/lib/moderation/rules";
import { callApi } from "../api";
import type { Json } from "../json";
import { useNow } from "./hands";
import { useRaisedHandsContext } from "./InMeetingContext";
import { runsTheMeeting, useOwnStanding } from "./own-standing";
import { handWaited } from "./waiting-time";

type Removal = Json<RemovalsResponse["removals"][number]>;
/** Calls the API (after asking `question`, if any); the answer's body, or null when refused or cancelled. */
type Act = <T>(path: string, init: { method: string; json?: unknown }, question?: string) => Promise<Json<T> | null>;

const REMOVED_REFRESH_MS = 5000;

const MEDIA_EVENTS = [
  ParticipantEvent.TrackMuted,
  ParticipantEvent.TrackUnmuted,
  ParticipantEvent.TrackPublished,
  ParticipantEvent.TrackUnpublished,
  ParticipantEvent.LocalTrackPublished,
  ParticipantEvent.LocalTrackUnpublished,
] as const;

/** Whether the person's microphone, camera and screen share are on, kept current. */
function useMediaState(participant: Participant) {
  const read = useCallback(
    () => ({
      microphone: participant.isMicrophoneEnabled,
      camera: participant.isCameraEnabled,
      screen: participant.isScreenShareEnabled,
    }),
    [participant],
  );
  const [state, setState] = useState(read);
  useEffect(() => {
    const update = () => setState(read());
    update();
    for (const event of MEDIA_EVENTS) participant.on(event, update);
    return () => {
      for (const event of MEDIA_EVENTS) participant.off(event, update);
    };
  }, [participant, read]);
  return state;
}

type Badge = "host" | "cohost" | "guest" | "viewer";

function badgesOf(attributes: Readonly<Record<string, string>> | undefined): Badge[] {
  const standing = attributes?.[ATTRIBUTES.standing];
  return [
    standing === "host" ? "host" : null,
    standing === "cohost" ? "cohost" : null,
    attributes?.[ATTRIBUTES.kind] === "guest" ? "guest" : null,
    standing === "viewer" ? "viewer" : null,
  ].filter((badge): badge is Badge => badge !== null);
}

function MediaState({ on, device }: { on: boolean; device: "microphone" | "camera" }) {
  const t = useTranslations("meeting.participants");
  const words = t(`${device}${on ? "On" : "Off"}`);
  return (
    <span
      className={on ? "media-state on" : "media-state off"}
      title={words}
      data-testid={`${device}-state`}
      data-on={on}
    >
      {words}
    </span>
  );
}

/** Where a raised hand stands in the queue (1 is first) and since when it is up. */
type Hand = { place: number; since: number };

function HandLine({ hand, name, lower }: { hand: Hand; name: string; lower: (() => void) | null }) {
  const t = useTranslations("meeting");
  const now = useNow();
  return (
    <div className="participant-line" data-testid="hand" data-place={hand.place}>
      <span className="hand-badge">
        <span aria-hidden="true">✋</span> {hand.place}
      </span>
      <span>{t("participants.handLine", { place: hand.place, waited: handWaited(t, hand.since, now) })}</span>
      {lower ? (
        <button
          type="button"
          className="secondary small"
          aria-label={t("participants.lowerHandOf", { name })}
          onClick={lower}
        >
          {t("participants.lowerHand")}
        </button>
      ) : null}
    </div>
  );
}

function ParticipantRow({
  participant,
  slug,
  moderates,
  act,
  hand,
}: {
  participant: Participant;
  slug: string;
  moderates: boolean;
  act: Act;
  hand: Hand | null;
}) {
  const t = useTranslations("meeting.participants");
  const { attributes } = useParticipantAttributes({ participant });
  const name = useShownName(participant);
  const speaking = useIsSpeaking(participant);
  const media = useMediaState(participant);
  const standing = attributes?.[ATTRIBUTES.standing];
  const guest = attributes?.[ATTRIBUTES.kind] === "guest";
  const path = (action: string) =>
    `/api/rooms/${encodeURIComponent(slug)}/participants/${encodeURIComponent(participant.identity)}/${action}`;
  const mute = (source: MutableSource) => void act<MuteResponse>(path("mute"), { method: "POST", json: { source } });
  // Hosts are out of reach here (admins act on them from the admin console); nobody acts on themselves.
  const actions = moderates && !participant.isLocal && standing !== "host";
  // People lower their own hand; hosts and co-hosts anyone's.
  const lowerHand = participant.isLocal
    ? () =>
        void act<HandResponse>(`/api/rooms/${encodeURIComponent(slug)}/hand`, {
          method: "POST",
          json: { raised: false },
        })
    : moderates
      ? () => void act<LowerHandResponse>(path("hand"), { method: "DELETE" })
      : null;

  return (
    <li
      className="participant"
      data-testid="participant"
      data-identity={participant.identity}
      data-speaking={speaking}
      data-hand={hand ? hand.place : undefined}
    >
      <div className="participant-line">
        <span className={speaking ? "speaking-dot on" : "speaking-dot"} aria-hidden="true" />
        <span className="participant-name">{participant.isLocal ? t("you", { name }) : name}</span>
        {badgesOf(attributes).map((badge) => (
          <span key={badge} className="role-badge" data-testid="badge">
            {t(`badges.${badge}`)}
          </span>
        ))}
      </div>
      <div className="participant-line muted">
        <MediaState on={media.microphone} device="microphone" />
        <MediaState on={media.camera} device="camera" />
        {media.screen ? <span className="media-state on">{t("sharingScreen")}</span> : null}
        {speaking ? <span className="speaking-label">{t("speaking")}</span> : null}
      </div>
      {hand ? <HandLine hand={hand} name={name} lower={lowerHand} /> : null}
      {actions ? (
        <div className="participant-actions">
          {media.microphone ? (
            <button
              type="button"
              className="secondary small"
              aria-label={t("muteOf", { name })}
              onClick={() => mute("microphone")}
            >
              {t("mute")}
            </button>
          ) : null}
          {media.camera ? (
            <button
              type="button"
              className="secondary small"
              aria-label={t("stopCameraOf", { name })}
              onClick={() => mute("camera")}
            >
              {t("stopCamera")}
            </button>
          ) : null}
          {media.screen ? (
            <button
              type="button"
              className="secondary small"
              aria-label={t("stopSharingOf", { name })}
              onClick={() => mute("screen_share")}
            >
              {t("stopSharing")}
            </button>
          ) : null}
          {guest ? null : (
            <button
              type="button"
              className="secondary small"
              aria-label={standing === "cohost" ? t("removeCohostOf", { name }) : t("makeCohostOf", { name })}
              onClick={() =>
                void act<CohostResponse>(path("cohost"), { method: "POST", json: { cohost: standing !== "cohost" } })
              }
            >
              {standing === "cohost" ? t("removeCohost") : t("makeCohost")}
            </button>
          )}
          <button
            type="button"
            className="danger small"
            aria-label={t("removeOf", { name })}
            onClick={() => void act<RemoveResponse>(path("remove"), { method: "POST" }, t("removeConfirm", { name }))}
          >
            {t("remove")}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function RoomControls({ slug, act }: { slug: string; act: Act }) {
  const t = useTranslations("meeting.participants");
  const room = `/api/rooms/${encodeURIComponent(slug)}`;
  // Read with the knock list (the door's), then from the answer to each press.
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    let current = true;
    void callApi<KnockListResponse>(`${room}/knocks`, { method: "GET" }).then((result) => {
      if (current && result.ok) setLocked(result.body.locked);
    });
    return () => {
      current = false;
    };
  }, [room]);
  async function toggleLock() {
    const body = await act<LockRoomResponse>(`${room}/lock`, { method: "POST", json: { locked: !locked } });
    if (body) setLocked(body.locked);
  }
  return (
    <div className="room-controls" data-testid="room-controls">
      <button
        type="button"
        className="secondary small"
        onClick={() => void act<MuteEveryoneResponse>(`${room}/mute-everyone`, { method: "POST" })}
      >
        {t("muteEveryone")}
      </button>
      <button type="button" className="secondary small" onClick={() => void toggleLock()}>
        {locked ? t("unlockRoom") : t("lockRoom")}
      </button>
      <button
        type="button"
        className="danger small"
        onClick={() => void act<EndMeetingResponse>(`${room}/end`, { method: "POST" }, t("endConfirm"))}
      >
        {t("endForEveryone")}
      </button>
    </div>
  );
}

/** People removed from this room's meeting, whom a host can let back in. */
function RemovedList({ slug, version, act }: { slug: string; version: number; act: Act }) {
  const t = useTranslations("meeting.participants");
  const [removals, setRemovals] = useState<Removal[] | null>(null);
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    let current = true;
    const load = () =>
      void callApi<RemovalsResponse>(`/api/rooms/${encodeURIComponent(slug)}/removals`, { method: "GET" }).then(
        (result) => {
          if (current && result.ok) setRemovals(result.body.removals);
        },
      );
    load();
    const timer = setInterval(load, REMOVED_REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [slug, version, refresh]);

  if (!removals || removals.length === 0) return null;
  return (
    <section className="removed-list" data-testid="removed-list">
      <h3>{t("removedTitle")}</h3>
      <ul>
        {removals.map((removal) => (
          <li key={removal.identity} className="participant-line">
            <span className="participant-name">{removal.name}</span>
            <span className="muted">{t("removedBy", { name: removal.removedBy })}</span>
            <button
              type="button"
              className="secondary small"
              aria-label={t("letBackInOf", { name: removal.name })}
              onClick={() =>
                void act<LetBackInResponse>(
                  `/api/rooms/${encodeURIComponent(slug)}/removals/${encodeURIComponent(removal.identity)}`,
                  { method: "DELETE" },
                ).then(() => setRefresh((n) => n + 1))
              }
            >
              {t("letBackIn")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ParticipantsPanel({ slug }: { slug: string }) {
  const t = useTranslations("meeting.participants");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bumped after each action, so the removed list reloads at once.
  const [version, setVersion] = useState(0);
  const participants = useParticipants();
  const standing = useOwnStanding();
  const moderates = runsTheMeeting(standing);
  const queue = useRaisedHandsContext();
  const hands = new Map(
    queue.map((hand, i) => [hand.participant.identity, { place: i + 1, since: hand.since } satisfies Hand]),
  );
  // Raised hands first, in the order they went up; then everyone else as LiveKit lists them.
  const ordered = [
    ...queue.map((hand) => participants.find((p) => p.identity === hand.participant.identity)),
    ...participants.filter((p) => !hands.has(p.identity)),
  ].filter((p) => p !== undefined);

  const act: Act = useCallback(
    async <T,>(path: string, init: { method: string; json?: unknown }, question?: string) => {
      if (question && !window.confirm(question)) return null;
      const result = await callApi<T>(path, init);
      setError(result.ok ? null : result.message);
      setVersion((n) => n + 1);
      return result.ok ? result.body : null;
    },
    [],
  );

  if (!open) {
    return (
      <button
        type="button"
        className="panel-toggle"
        aria-expanded="false"
        aria-controls="participants-panel"
        onClick={() => setOpen(true)}
      >
        {queue.length
          ? t("countWithHands", { count: participants.length, hands: queue.length })
          : t("count", { count: participants.length })}
      </button>
    );
  }
  return (
    <aside
      id="participants-panel"
      className="participants-panel"
      aria-label={t("title")}
      data-testid="participants-panel"
    >
      <div className="participants-header">
        <h2>{t("count", { count: participants.length })}</h2>
        <button
          type="button"
          className="secondary small"
          aria-expanded="true"
          aria-controls="participants-panel"
          onClick={() => setOpen(false)}
        >
          {t("close")}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {moderates ? <RoomControls slug={slug} act={act} /> : null}
      <ul className="participants">
        {ordered.map((participant) => (
          <ParticipantRow
            key={participant.identity}
            participant={participant}
            slug={slug}
            moderates={moderates}
            act={act}
            hand={hands.get(participant.identity) ?? null}
          />
        ))}
      </ul>
      {moderates ? <RemovedList slug={slug} version={version} act={act} /> : null}
    </aside>
  );
}
