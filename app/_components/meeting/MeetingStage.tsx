"use client";
// The meeting itself: LiveKit's room and its conference UI. Its own chunk, the heaviest part of the
// page (livekit-client and the components), loaded by MeetingRoom while the pre-join screen shows.
import "@livekit/components-styles";
import { LiveKitRoom, useConnectionState, useLocalParticipant, useParticipantAttribute, VideoConference } from "@livekit/components-react";
import { ConnectionError, ConnectionErrorReason, ConnectionState, DisconnectReason } from "livekit-client";
import { useCallback } from "react";
import type { JoinCredentials } from "@/lib/meetings/join-credentials";
import { JOIN_MARKS, markJoin } from "./join-marks";
import { KnockList } from "./KnockList";
import { ReconnectingNotice } from "./ReconnectingNotice";
import { reportJoinFailure } from "./report-join-failure";
import type { UserChoices } from "./user-choices";

/**
 * How a meeting ended for this browser: the person left; it ended for them for good (said once,
 * maybe with a retry button); or the connection was lost and a fresh token may get them back in.
 */
export type StageEnd = { kind: "left" } | { kind: "failed"; title: string; message: string; retry: boolean; network?: boolean } | { kind: "lost" };

// Disconnections that are meant: said once, no automatic way back.
const finalDisconnects: Partial<Record<DisconnectReason, string>> = {
  [DisconnectReason.ROOM_DELETED]: "This meeting was ended by an administrator.",
  [DisconnectReason.PARTICIPANT_REMOVED]: "You were removed from this meeting.",
  [DisconnectReason.DUPLICATE_IDENTITY]: "You joined this meeting from another tab or device.",
};

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

/** The knock list, for hosts and co-hosts: their standing is what their join token says. */
function DoorForHosts({ slug }: { slug: string }) {
  const { localParticipant } = useLocalParticipant();
  const standing = useParticipantAttribute("parley.standing", { participant: localParticipant });
  return standing === "host" || standing === "cohost" ? <KnockList slug={slug} /> : null;
}

type Props = {
  credentials: JoinCredentials;
  choices: UserChoices;
  onEnd: (end: StageEnd) => void;
};

export default function MeetingStage({ credentials, choices, onEnd }: Props) {
  const publishing = credentials.role === "participant";

  const onDisconnected = useCallback(
    (reason?: DisconnectReason) => {
      // Leaving by hand always says CLIENT_INITIATED; no reason at all means LiveKit gave up reconnecting.
      if (reason === DisconnectReason.CLIENT_INITIATED) return onEnd({ kind: "left" });
      const final = reason === undefined ? undefined : finalDisconnects[reason];
      if (final) return onEnd({ kind: "failed", title: "You left the meeting", message: final, retry: reason !== DisconnectReason.ROOM_DELETED });
      onEnd({ kind: "lost" });
    },
    [onEnd],
  );

  const onError = useCallback(
    (error: Error) => {
      // Leaving while the connection is still being set up cancels it; onDisconnected follows.
      if (error instanceof ConnectionError && error.reason === ConnectionErrorReason.Cancelled) return;
      reportJoinFailure(credentials.attemptId, error);
      onEnd({ kind: "failed", title: "Couldn't connect to the meeting", message: `The meeting service can't be reached right now (${error.message}). Check your connection and try again.`, retry: true, network: true });
    },
    [onEnd, credentials.attemptId],
  );

  return (
    <LiveKitRoom
      className="meeting-stage"
      data-lk-theme="default"
      serverUrl={credentials.serverUrl}
      token={credentials.token}
      connect
      connectOptions={credentials.iceTransportPolicy ? { rtcConfig: { iceTransportPolicy: credentials.iceTransportPolicy } } : undefined}
      video={publishing && choices.videoEnabled ? (choices.videoDeviceId ? { deviceId: choices.videoDeviceId } : true) : false}
      audio={publishing && choices.audioEnabled ? (choices.audioDeviceId ? { deviceId: choices.audioDeviceId } : true) : false}
      onConnected={() => markJoin(JOIN_MARKS.connected)}
      onDisconnected={onDisconnected}
      onError={onError}
    >
      <div className="meeting-notices">
        <ConnectionBanner />
        <ReconnectingNotice />
      </div>
      <VideoConference />
      <DoorForHosts slug={credentials.room.slug} />
    </LiveKitRoom>
  );
}
