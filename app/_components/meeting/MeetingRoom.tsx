"use client";
import "@livekit/components-styles";
import { LiveKitRoom, useConnectionState, VideoConference } from "@livekit/components-react";
import { ConnectionError, ConnectionErrorReason, ConnectionState, DisconnectReason } from "livekit-client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { JoinCredentials } from "@/lib/meetings";
import { CopyInviteLink } from "../CopyInviteLink";
import { fetchJoinCredentials, type JoinSource } from "./join-credentials";
import type { UserChoices } from "./user-choices";

// The pre-join screen reads this browser's saved choices and devices: browser-only.
const PreJoin = dynamic(() => import("./PreJoin"), { ssr: false, loading: () => <p className="notice muted">Loading…</p> });

type Stage =
  | { kind: "prejoin"; busy: boolean; error: string | null }
  | { kind: "connected"; credentials: JoinCredentials; choices: UserChoices; session: number }
  | { kind: "reconnecting"; slug: string; choices: UserChoices; session: number }
  | { kind: "failed"; title: string; message: string; retry: boolean }
  | { kind: "left" };

// Disconnections that are meant: said once, no automatic way back.
const finalDisconnects: Partial<Record<DisconnectReason, string>> = {
  [DisconnectReason.ROOM_DELETED]: "This meeting was ended by an administrator.",
  [DisconnectReason.PARTICIPANT_REMOVED]: "You were removed from this meeting.",
  [DisconnectReason.DUPLICATE_IDENTITY]: "You joined this meeting from another tab or device.",
};

// Anything else (the media server restarted, the network went away for longer than LiveKit's
// own reconnection covers) gets a fresh token, which also reopens the room on a restarted
// server, and joins again, for this long before giving up.
const REJOIN_FOR_MS = 60_000;
const rejoinDelay = (attempt: number) => Math.min(500 * 2 ** attempt, 4000);

/** Keeps asking for a way back in while the stage is "reconnecting". */
function useRejoin(stage: Stage, setStage: (stage: Stage) => void) {
  useEffect(() => {
    if (stage.kind !== "reconnecting") return;
    let active = true;
    const started = Date.now();
    const attempt = (n: number) =>
      void fetchJoinCredentials({ kind: "room", slug: stage.slug }).then((result) => {
        if (!active) return;
        if (result.ok) return setStage({ kind: "connected", credentials: result.credentials, choices: stage.choices, session: stage.session + 1 });
        if (!result.problem.retry) return setStage({ kind: "failed", ...result.problem });
        if (Date.now() - started > REJOIN_FOR_MS) return setStage({ kind: "failed", title: "Connection lost", message: "The meeting can't be reached right now. Check your connection and try again.", retry: true });
        setTimeout(() => active && attempt(n + 1), rejoinDelay(n));
      });
    attempt(0);
    return () => {
      active = false;
    };
  }, [stage, setStage]);
}

/** While LiveKit tries to restore a dropped connection, everyone should see that it is trying. */
function ConnectionBanner() {
  const state = useConnectionState();
  if (state !== ConnectionState.Reconnecting && state !== ConnectionState.SignalReconnecting) return null;
  return (
    <div className="connection-banner" role="status" data-testid="connection-banner">
      Reconnecting… your connection to the meeting dropped.
    </div>
  );
}

type Props = {
  title: string;
  source: JoinSource;
  /** The room's code, for its invite link; absent for guests, who cannot share the room. */
  slug: string | null;
  knownName: string | null;
  publishes: boolean;
  canManage: boolean;
  /** Members go home after leaving; guests have no home page here. */
  isGuest: boolean;
};

export function MeetingRoom({ title, source, slug, knownName, publishes, canManage, isGuest }: Props) {
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ kind: "prejoin", busy: false, error: null });
  const lastChoices = useRef<UserChoices | null>(null);

  async function join(choices: UserChoices) {
    lastChoices.current = choices;
    setStage({ kind: "prejoin", busy: true, error: null });
    const result = await fetchJoinCredentials(source, knownName === null ? choices.name.trim() : undefined);
    if (result.ok) return setStage({ kind: "connected", credentials: result.credentials, choices, session: 0 });
    // A problem with what was typed is shown on the pre-join screen, where it can be fixed.
    if (result.problem.fixable) return setStage({ kind: "prejoin", busy: false, error: result.problem.message });
    setStage({ kind: "failed", ...result.problem });
  }

  const retry = () => (lastChoices.current ? void join(lastChoices.current) : setStage({ kind: "prejoin", busy: false, error: null }));

  useRejoin(stage, setStage);

  const onDisconnected = useCallback(
    (reason?: DisconnectReason) => {
      // Leaving by hand always says CLIENT_INITIATED; no reason at all means LiveKit gave up reconnecting.
      if (reason === DisconnectReason.CLIENT_INITIATED) {
        if (isGuest) setStage({ kind: "left" });
        else router.push("/");
        return;
      }
      const final = reason === undefined ? undefined : finalDisconnects[reason];
      if (final) return setStage({ kind: "failed", title: "You left the meeting", message: final, retry: reason !== DisconnectReason.ROOM_DELETED });
      setStage((current) => (current.kind === "connected" ? { kind: "reconnecting", slug: current.credentials.room.slug, choices: current.choices, session: current.session } : current));
    },
    [router, isGuest],
  );

  const onError = useCallback((error: Error) => {
    // Leaving while the connection is still being set up cancels it; onDisconnected follows.
    if (error instanceof ConnectionError && error.reason === ConnectionErrorReason.Cancelled) return;
    setStage({ kind: "failed", title: "Couldn't connect to the meeting", message: `The meeting service can't be reached right now (${error.message}). Check your connection and try again.`, retry: true });
  }, []);

  const backToPreJoin = () => setStage({ kind: "prejoin", busy: false, error: null });
  const publishing = stage.kind === "connected" && stage.credentials.role === "participant";

  return (
    <div className="meeting" data-testid="meeting" data-stage={stage.kind}>
      <div className="meeting-bar">
        <strong>{title}</strong>
        <span className="row">
          {canManage && slug ? (
            <a className="button secondary" href={`/r/${slug}/invites`} target="_blank" rel="noreferrer">
              Invites &amp; settings
            </a>
          ) : null}
          {slug ? <CopyInviteLink slug={slug} /> : null}
        </span>
      </div>
      {stage.kind === "prejoin" ? <PreJoin title={title} knownName={knownName} publishes={publishes} busy={stage.busy} error={stage.error} onJoin={join} /> : null}
      {stage.kind === "left" ? (
        <div className="notice card">
          <h1>You left the meeting</h1>
          <button onClick={backToPreJoin}>Rejoin</button>
        </div>
      ) : null}
      {stage.kind === "reconnecting" ? (
        <div className="notice card" role="status" data-testid="reconnecting">
          <h1>Reconnecting…</h1>
          <p className="muted">The connection to the meeting was lost. Getting you back in.</p>
        </div>
      ) : null}
      {stage.kind === "failed" ? (
        <div className="notice card" role="alert">
          <h1>{stage.title}</h1>
          <p>{stage.message}</p>
          <div className="row" style={{ justifyContent: "center" }}>
            {stage.retry ? <button onClick={retry}>Try again</button> : null}
            {isGuest ? null : (
              <button className="secondary" onClick={() => router.push("/")}>
                Back to home
              </button>
            )}
          </div>
        </div>
      ) : null}
      {stage.kind === "connected" ? (
        <LiveKitRoom
          key={stage.session}
          className="meeting-stage"
          data-lk-theme="default"
          serverUrl={stage.credentials.serverUrl}
          token={stage.credentials.token}
          connect
          video={publishing && stage.choices.videoEnabled ? (stage.choices.videoDeviceId ? { deviceId: stage.choices.videoDeviceId } : true) : false}
          audio={publishing && stage.choices.audioEnabled ? (stage.choices.audioDeviceId ? { deviceId: stage.choices.audioDeviceId } : true) : false}
          onDisconnected={onDisconnected}
          onError={onError}
        >
          <ConnectionBanner />
          <VideoConference />
        </LiveKitRoom>
      ) : null}
    </div>
  );
}
