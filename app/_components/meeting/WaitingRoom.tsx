"use client";
// The screen of someone the room makes wait: their own picture, "Waiting for the host to let you
// in", and nothing of the meeting. Pressing Join already knocked; this screen knocks again only to
// fetch its door, shows the knocker's camera to the hosts through their door room (LiveKit, camera
// only, see docs/waiting-room.md) and asks every second how the knock stands.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { LocalVideoTrack, Room } from "livekit-client";
import type { KnockResponse, KnockStateResponse, WithdrawKnockResponse } from "@/app/api/rooms/[slug]/knock/route";
import type { DoorCredentials } from "@/lib/door/knocks";
import { KNOCKER_REPORT_EVERY_MS } from "@/lib/door/rules";
import type { ErrorCode } from "@/lib/error-codes";
import { callApi } from "../api";
import type { CapturedMedia } from "./captured-media";
import { problemOf, type Problem } from "./join-credentials";
import type { UserChoices } from "./user-choices";
import "./door.css";

type Props = {
  slug: string;
  title: string;
  choices: UserChoices;
  /** Whether to show the camera at the door (viewers and people who turned it off do not). */
  showsCamera: boolean;
  /** The pre-join screen's camera, when handed over; handed on to the meeting when let in. */
  captured: CapturedMedia;
  onAdmitted: () => void;
  onLeave: () => void;
  onProblem: (problem: Problem) => void;
};

type Knock =
  | { state: "knocking" }
  | { state: "waiting"; hostPresent: boolean; unreachable: boolean }
  | { state: "denied"; message: string | null };

const doorCall = <T,>(slug: string, method: "POST" | "GET" | "DELETE") =>
  callApi<T>(`/api/rooms/${encodeURIComponent(slug)}/knock`, { method });

// A lost door is fetched again at most this often.
const DOOR_RETRY_MS = 10_000;
// While the app or the media server is away for a moment, the knock stands: keep asking.
const PASSING: readonly (ErrorCode | "offline")[] = ["offline", "internal", "livekit_unavailable", "rate_limited"];

/**
 * The knocker's own camera, for their preview and for the door: the pre-join screen's, when it
 * was handed over. Once handed on to the meeting (held by `captured` again), it is not stopped.
 */
function useCamera(enabled: boolean, deviceId: string, captured: CapturedMedia): LocalVideoTrack | null {
  const [track, setTrack] = useState<LocalVideoTrack | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let created: LocalVideoTrack | null = null;
    let cancelled = false;
    void import("./publish-captured")
      .then(({ takeCamera }) => takeCamera(captured, deviceId))
      .then((video) => {
        // Not wanted any more: left for whoever comes next (another visit, the meeting), or closed
        // by MeetingRoom with the rest of what nobody took.
        if (cancelled) return captured.hold([video.mediaStreamTrack]);
        created = video;
        setTrack(video);
      })
      // No camera after all: the knock goes on without a face at the door.
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (created && !captured.holds(created.mediaStreamTrack)) created.stop();
      setTrack(null);
    };
  }, [enabled, deviceId, captured]);
  return track;
}

/** Joins the door room and shows the camera there; `onLost` when the door closes unasked. */
function useDoor(
  door: DoorCredentials | null,
  track: LocalVideoTrack | null,
  showsCamera: boolean,
  onLost: () => void,
) {
  const lost = useRef(onLost);
  useEffect(() => {
    lost.current = onLost;
  }, [onLost]);
  useEffect(() => {
    // With the camera on, wait for it: the door is only for showing it.
    if (!door || (showsCamera && !track)) return;
    let room: Room | null = null;
    let leaving = false;
    void import("livekit-client").then(async ({ Room, RoomEvent, Track }) => {
      if (leaving) return;
      room = new Room({ stopLocalTrackOnUnpublish: false });
      room.on(RoomEvent.Disconnected, () => {
        if (!leaving) lost.current();
      });
      try {
        await room.connect(door.serverUrl, door.token, { autoSubscribe: false });
        if (track && !leaving) await room.localParticipant.publishTrack(track, { source: Track.Source.Camera });
      } catch {
        if (!leaving) lost.current();
      }
    });
    return () => {
      leaving = true;
      void room?.disconnect();
    };
  }, [door, track, showsCamera]);
}

export function WaitingRoom({ slug, title, choices, showsCamera, captured, onAdmitted, onLeave, onProblem }: Props) {
  const t = useTranslations("meeting");
  const [knock, setKnock] = useState<Knock>({ state: "knocking" });
  const [door, setDoor] = useState<DoorCredentials | null>(null);
  const [visit, setVisit] = useState(0);
  const doorLost = useRef(false);
  const knockedAt = useRef(0);
  const video = useRef<HTMLVideoElement>(null);
  const track = useCamera(showsCamera, choices.videoDeviceId, captured);
  // Let in: the camera goes on to the meeting, which sends it without reopening it.
  const admitted = () => {
    if (track) captured.hold([track.mediaStreamTrack]);
    onAdmitted();
  };
  const handlers = useRef({ onAdmitted: admitted, onProblem, onLeave });
  useEffect(() => {
    handlers.current = { onAdmitted: admitted, onProblem, onLeave };
  });

  useEffect(() => {
    const element = video.current;
    if (!track || !element) return;
    track.attach(element);
    return () => void track.detach(element);
  }, [track]);

  // Knock (again, on a new visit): the answer says whether to wait, and gives the door.
  useEffect(() => {
    let active = true;
    void doorCall<KnockResponse>(slug, "POST").then((result) => {
      if (!active) return;
      if (!result.ok) return handlers.current.onProblem(problemOf(result));
      if (result.body.status === "admitted") return handlers.current.onAdmitted();
      doorLost.current = false;
      knockedAt.current = Date.now();
      setDoor(result.body.door);
      setKnock({ state: "waiting", hostPresent: result.body.hostPresent, unreachable: false });
    });
    return () => {
      active = false;
    };
  }, [slug, visit]);

  // While waiting: how does the knock stand? (Asking is also the knocker's sign of life.)
  const waiting = knock.state === "waiting";
  useEffect(() => {
    if (!waiting) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const result = await doorCall<KnockStateResponse>(slug, "GET");
      if (!active) return;
      if (!result.ok) {
        // Our knock is gone (e.g. the room's records were reset): knock again.
        if (result.code === "knock_not_found") return setVisit((n) => n + 1);
        if (!PASSING.includes(result.code)) return handlers.current.onProblem(problemOf(result));
        setKnock((current) => (current.state === "waiting" ? { ...current, unreachable: true } : current));
      } else if (result.body.status === "admitted") {
        return handlers.current.onAdmitted();
      } else if (result.body.status === "denied") {
        return setKnock({ state: "denied", message: result.body.message });
      } else if (result.body.status === "withdrawn") {
        return handlers.current.onLeave();
      } else {
        // The door closed under us (the media server restarted): knock again for a new one, but
        // not in a loop if it keeps failing; the knock stands without the camera.
        if (doorLost.current && Date.now() - knockedAt.current > DOOR_RETRY_MS) return setVisit((n) => n + 1);
        setKnock({ state: "waiting", hostPresent: result.body.hostPresent, unreachable: false });
      }
      timer = setTimeout(() => void ask(), KNOCKER_REPORT_EVERY_MS);
    };
    timer = setTimeout(() => void ask(), KNOCKER_REPORT_EVERY_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [slug, waiting, visit]);

  useDoor(knock.state === "waiting" ? door : null, track, showsCamera, () => {
    doorLost.current = true;
  });

  function knockAgain() {
    setKnock({ state: "knocking" });
    setVisit((n) => n + 1);
  }

  async function leave() {
    await doorCall<WithdrawKnockResponse>(slug, "DELETE");
    onLeave();
  }

  return (
    <div className="waiting-room card" data-testid="waiting-room" data-state={knock.state}>
      <h1>{title}</h1>
      <div className="prejoin-preview">
        <video ref={video} autoPlay muted playsInline data-testid="waiting-video" hidden={!track} />
        {!track ? (
          <p className="muted">{showsCamera ? t("prejoin.startingCamera") : t("prejoin.cameraIsOff")}</p>
        ) : null}
      </div>
      {knock.state === "denied" ? (
        <div role="alert" className="stack">
          <h2>{t("waiting.deniedTitle")}</h2>
          {knock.message ? (
            <blockquote className="denial" data-testid="denial-message">
              {knock.message}
            </blockquote>
          ) : null}
          <div className="row">
            <button type="button" onClick={knockAgain}>
              {t("waiting.askAgain")}
            </button>
            <button type="button" className="secondary" onClick={onLeave}>
              {t("waiting.back")}
            </button>
          </div>
        </div>
      ) : (
        <div role="status" className="stack">
          <h2>{t("waiting.title")}</h2>
          <p className="muted" data-testid="waiting-detail">
            {knock.state === "knocking"
              ? t("waiting.knocking")
              : knock.unreachable
                ? t("waiting.unreachable")
                : knock.hostPresent
                  ? t("waiting.hostPresent")
                  : t("waiting.noHost")}
          </p>
          <div className="row">
            <button type="button" className="secondary" onClick={() => void leave()}>
              {t("waiting.stop")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
