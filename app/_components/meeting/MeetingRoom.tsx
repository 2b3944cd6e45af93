"use client";
import "@livekit/components-styles";
import { LiveKitRoom, VideoConference } from "@livekit/components-react";
import { DisconnectReason, MediaDeviceFailure } from "livekit-client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { CopyInviteLink } from "../CopyInviteLink";
import type { JoinCredentials } from "@/lib/meetings";
import { fetchJoinCredentials } from "./join-credentials";

type Stage =
  | { kind: "joining" }
  | { kind: "connected"; credentials: JoinCredentials }
  | { kind: "failed"; title: string; message: string; retry: boolean };

const disconnectMessages: Partial<Record<DisconnectReason, string>> = {
  [DisconnectReason.ROOM_DELETED]: "This meeting was ended.",
  [DisconnectReason.PARTICIPANT_REMOVED]: "You were removed from this meeting.",
  [DisconnectReason.DUPLICATE_IDENTITY]: "You joined this meeting from another tab or device.",
  [DisconnectReason.SERVER_SHUTDOWN]: "The meeting service restarted.",
};

function deviceProblem(failure: MediaDeviceFailure | undefined, kind: MediaDeviceKind | undefined): string {
  const device = kind === "audioinput" ? "microphone" : kind === "videoinput" ? "camera" : "camera or microphone";
  switch (failure) {
    case MediaDeviceFailure.PermissionDenied:
      return `Your browser blocked the ${device}. Allow it in the address bar, then turn it on again.`;
    case MediaDeviceFailure.NotFound:
      return `No ${device} was found. You can still take part without it.`;
    case MediaDeviceFailure.DeviceInUse:
      return `Your ${device} is in use by another app. Close that app, then turn it on again.`;
    default:
      return `Your ${device} could not be started.`;
  }
}

export function MeetingRoom({ slug, name }: { slug: string; name: string }) {
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ kind: "joining" });
  const [attempt, setAttempt] = useState(0);
  const [deviceNotice, setDeviceNotice] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchJoinCredentials(slug).then((result) => {
      if (cancelled) return;
      setStage(result.ok ? { kind: "connected", credentials: result.credentials } : { kind: "failed", ...result.problem });
    });
    return () => {
      cancelled = true;
    };
  }, [slug, attempt]);

  const retry = () => {
    setStage({ kind: "joining" });
    setAttempt((n) => n + 1);
  };

  const onDisconnected = useCallback(
    (reason?: DisconnectReason) => {
      if (reason === undefined || reason === DisconnectReason.CLIENT_INITIATED) {
        router.push("/");
        return;
      }
      setStage({ kind: "failed", title: "You left the meeting", message: disconnectMessages[reason] ?? "The connection to the meeting was lost.", retry: reason !== DisconnectReason.ROOM_DELETED });
    },
    [router],
  );

  const onError = useCallback((error: Error) => {
    setStage({
      kind: "failed",
      title: "Couldn't connect to the meeting",
      message: `The meeting service can't be reached right now (${error.message}). Check your connection and try again.`,
      retry: true,
    });
  }, []);

  return (
    <div className="meeting" data-testid="meeting" data-stage={stage.kind}>
      <div className="meeting-bar">
        <strong>{name}</strong>
        {deviceNotice ? (
          <span className="error" role="status">
            {deviceNotice}
          </span>
        ) : null}
        <CopyInviteLink slug={slug} />
      </div>
      {stage.kind === "joining" ? <p className="notice muted">Joining…</p> : null}
      {stage.kind === "failed" ? (
        <div className="notice card" role="alert">
          <h1>{stage.title}</h1>
          <p>{stage.message}</p>
          <div className="row" style={{ justifyContent: "center" }}>
            {stage.retry ? <button onClick={retry}>Try again</button> : null}
            <button className="secondary" onClick={() => router.push("/")}>
              Back to home
            </button>
          </div>
        </div>
      ) : null}
      {stage.kind === "connected" ? (
        <LiveKitRoom
          className="meeting-stage"
          data-lk-theme="default"
          serverUrl={stage.credentials.serverUrl}
          token={stage.credentials.token}
          connect
          video
          audio
          onDisconnected={onDisconnected}
          onError={onError}
          onMediaDeviceFailure={(failure, kind) => setDeviceNotice(deviceProblem(failure, kind))}
        >
          <VideoConference />
        </LiveKitRoom>
      ) : null}
    </div>
  );
}
