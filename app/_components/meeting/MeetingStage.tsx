"use client";
// The meeting itself: LiveKit's room and its conference UI. Its own chunk, the heaviest part of the
// page (livekit-client and the components), loaded by MeetingRoom while the pre-join screen shows.
import "@livekit/components-styles";
import { LiveKitRoom, useConnectionState, useRoomContext } from "@livekit/components-react";
import { useTranslations } from "next-intl";
import {
  ConnectionError,
  ConnectionErrorReason,
  ConnectionState,
  DisconnectReason,
  RoomEvent,
  type Room,
  type RoomConnectOptions,
  type RoomOptions,
} from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { JoinCredentials } from "@/lib/meetings/join-credentials";
import type { Notice } from "@/lib/moderation/rules";
import type { CapturedMedia, MediaKind } from "./captured-media";
import { ChatAnnouncer, ChatPanel, ChatProvider } from "./Chat";
import { Conference } from "./Conference";
import { explainDeparture } from "./departure";
import { DecryptionProblem, EncryptionBadge } from "./Encryption";
import { InMeetingProvider } from "./InMeetingContext";
import "./in-meeting.css";
import { JOIN_MARKS, markJoin } from "./join-marks";
import { KnockList } from "./KnockList";
import { JoinLeaveAnnouncer } from "./JoinLeaveAnnouncer";
import { MeetingToolbar } from "./MeetingToolbar";
import { ModerationNotices } from "./ModerationNotices";
import { MutedWhileSpeaking } from "./MutedWhileSpeaking";
import { NoiseSuppressionController, NoiseSuppressionNotice } from "./NoiseSuppression";
import { runsTheMeeting, useOwnStanding } from "./own-standing";
import { ParticipantsPanel } from "./ParticipantsPanel";
import { afterFirstRemotePicture, publishCaptured } from "./publish-captured";
import { HandAnnouncer } from "./RaiseHand";
import { ReconnectingNotice } from "./ReconnectingNotice";
import { RecordingNotices } from "./Recording";
import { reportJoinFailure } from "./report-join-failure";
import type { UserChoices } from "./user-choices";

/**
 * How a meeting ended for this browser: the person left; it ended for them for good (said once,
 * maybe with a retry button); or the connection was lost and a fresh token may get them back in.
 */
export type StageEnd =
  | { kind: "left" }
  | { kind: "failed"; title: string; message: string; retry: boolean; network?: boolean }
  | { kind: "lost" };

// Disconnections that are meant: said once, no automatic way back. Someone's decision (a removal,
// the meeting ended) is explained with who took it: see ./departure.ts.
const finalDisconnects: Partial<Record<DisconnectReason, "duplicateIdentity">> = {
  [DisconnectReason.DUPLICATE_IDENTITY]: "duplicateIdentity",
};
const decidedDisconnects: Partial<Record<DisconnectReason, "removed" | "room_closed">> = {
  [DisconnectReason.PARTICIPANT_REMOVED]: "removed",
  [DisconnectReason.ROOM_DELETED]: "room_closed",
};

/** While LiveKit tries to restore a dropped connection, everyone should see that it is trying. */
function ConnectionBanner() {
  const t = useTranslations("meeting.stage");
  const state = useConnectionState();
  if (state !== ConnectionState.Reconnecting && state !== ConnectionState.SignalReconnecting) return null;
  return (
    <div className="connection-banner" role="status" data-testid="connection-banner">
      {t("reconnectingBanner")}
    </div>
  );
}

/** The knock list, for hosts and co-hosts. */
function DoorForHosts({ slug }: { slug: string }) {
  return runsTheMeeting(useOwnStanding()) ? <KnockList slug={slug} /> : null;
}

// Nobody receives video nobody sees, nor at a size larger than shown (adaptiveStream: a small or
// hidden tile asks the server for a lower layer or none), and nobody encodes a layer that no one
// receives (dynacast). One object per codec: a new object each render would make a new room.
const ROOM_OPTIONS: RoomOptions = { adaptiveStream: true, dynacast: true };
const CODEC_OPTIONS = new Map<NonNullable<JoinCredentials["videoCodec"]>, RoomOptions>();
function roomOptions({ videoCodec }: JoinCredentials): RoomOptions {
  if (!videoCodec) return ROOM_OPTIONS;
  let options = CODEC_OPTIONS.get(videoCodec);
  if (!options) CODEC_OPTIONS.set(videoCodec, (options = { ...ROOM_OPTIONS, publishDefaults: { videoCodec } }));
  return options;
}

// The encryption part (LiveKit's key provider and worker) is fetched only for an encrypted meeting.
const loadEncryption = () => import("./e2ee");

type Prepared = { state: "plain" } | { state: "preparing" } | { state: "ready"; room: Room } | { state: "failed" };

/**
 * With a media key, the room is made with encryption switched on before it connects, so nothing
 * is ever published in the clear; if the browser cannot do that, it does not connect at all.
 */
function usePreparedRoom(key: string | undefined, options: RoomOptions): Prepared {
  const [prepared, setPrepared] = useState<Prepared>(key ? { state: "preparing" } : { state: "plain" });
  useEffect(() => {
    if (!key) return;
    let current = true;
    let close: (() => void) | undefined;
    loadEncryption()
      .then(({ createEncryptedRoom }) => createEncryptedRoom(key, options))
      .then(
        (encrypted) => {
          close = encrypted.close;
          if (current) setPrepared({ state: "ready", room: encrypted.room });
          else close();
        },
        () => current && setPrepared({ state: "failed" }),
      );
    return () => {
      current = false;
      close?.();
    };
  }, [key, options]);
  return prepared;
}

/**
 * Publishes the camera and microphone the person chose: the tracks the pre-join screen handed
 * over, or, for a kind it had not captured yet (Join clicked before the preview came up) or that
 * ended since, a device opened now (<LiveKitRoom> is told to open none). Once the room is
 * connected and the others' first picture plays, not as soon as signalling connects, as LiveKit
 * does with the devices it opens itself: publishing competes with receiving for the page's main
 * thread, and slowed the first picture of the others by 100-200 ms (bench:join,
 * docs/benchmarks.md section 1).
 */
function PublishOwnMedia(props: {
  captured: CapturedMedia;
  kinds: readonly MediaKind[];
  choices: UserChoices;
  onError: (error: Error) => void;
}) {
  const room = useRoomContext();
  const { captured, kinds, choices, onError } = props;
  useEffect(() => {
    if (kinds.length === 0) return;
    const publish = () =>
      void Promise.all(
        kinds.map((kind) =>
          publishCaptured(room, captured, kind, kind === "video" ? choices.videoDeviceId : choices.audioDeviceId),
        ),
      ).catch(onError);
    let cancelWait = () => {};
    const connected = () => void (cancelWait = afterFirstRemotePicture(room, publish));
    room.on(RoomEvent.Connected, connected);
    return () => {
      room.off(RoomEvent.Connected, connected);
      cancelWait();
    };
  }, [room, captured, kinds, choices, onError]);
  return null;
}

const connectOptions = (credentials: JoinCredentials): RoomConnectOptions | undefined =>
  credentials.iceTransportPolicy ? { rtcConfig: { iceTransportPolicy: credentials.iceTransportPolicy } } : undefined;

type Props = {
  credentials: JoinCredentials;
  choices: UserChoices;
  /** The pre-join screen's camera and microphone, when it handed them over. */
  captured: CapturedMedia;
  onEnd: (end: StageEnd) => void;
};

export default function MeetingStage({ credentials, choices, captured, onEnd }: Props) {
  const t = useTranslations("meeting");
  const publishing = credentials.role === "participant";
  const slug = credentials.room.slug;
  // The last notice that ends this person's meeting ("Anna removed you"), to explain the disconnection.
  const finalNotice = useRef<Notice | null>(null);
  const onFinalNotice = useCallback((notice: Notice) => void (finalNotice.current = notice), []);
  // Decided once: what this person sends (the toolbar turns it on and off from then on).
  const [ownMedia] = useState<readonly MediaKind[]>(() =>
    publishing
      ? (["video", "audio"] as const).filter((kind) => (kind === "video" ? choices.videoEnabled : choices.audioEnabled))
      : [],
  );
  const prepared = usePreparedRoom(credentials.e2ee?.key, roomOptions(credentials));
  const [decryptionFailed, setDecryptionFailed] = useState(false);
  const onEncryptionError = useCallback(() => setDecryptionFailed(true), []);
  useEffect(() => {
    if (prepared.state === "failed")
      onEnd({ kind: "failed", title: t("e2ee.failedTitle"), message: t("e2ee.failedBody"), retry: false });
  }, [prepared.state, onEnd, t]);

  const onDisconnected = useCallback(
    (reason?: DisconnectReason) => {
      // Leaving by hand always says CLIENT_INITIATED; no reason at all means LiveKit gave up reconnecting.
      if (reason === DisconnectReason.CLIENT_INITIATED) return onEnd({ kind: "left" });
      const decided = reason === undefined ? undefined : decidedDisconnects[reason];
      if (decided)
        return void explainDeparture(slug, decided, finalNotice.current, t).then((why) =>
          onEnd({ kind: "failed", ...why }),
        );
      const final = reason === undefined ? undefined : finalDisconnects[reason];
      if (final)
        return onEnd({ kind: "failed", title: t("room.leftTitle"), message: t(`stage.${final}`), retry: true });
      onEnd({ kind: "lost" });
    },
    [onEnd, slug, t],
  );

  const onError = useCallback(
    (error: Error) => {
      // Leaving while the connection is still being set up cancels it; onDisconnected follows.
      if (error instanceof ConnectionError && error.reason === ConnectionErrorReason.Cancelled) return;
      reportJoinFailure(credentials.attemptId, error);
      onEnd({
        kind: "failed",
        title: t("stage.connectFailedTitle"),
        message: t("stage.connectFailedBody", { reason: error.message }),
        retry: true,
        network: true,
      });
    },
    [onEnd, credentials.attemptId, t],
  );

  if (prepared.state === "preparing" || prepared.state === "failed")
    return <p className="notice muted">{t("room.connecting")}</p>;
  const encrypted = prepared.state === "ready";

  return (
    <LiveKitRoom
      className="meeting-stage"
      data-lk-theme="default"
      serverUrl={credentials.serverUrl}
      token={credentials.token}
      connect
      {...(encrypted ? { room: prepared.room } : { options: roomOptions(credentials) })}
      onEncryptionError={encrypted ? onEncryptionError : undefined}
      connectOptions={connectOptions(credentials)}
      onConnected={() => markJoin(JOIN_MARKS.connected)}
      onDisconnected={onDisconnected}
      onError={onError}
    >
      <PublishOwnMedia captured={captured} kinds={ownMedia} choices={choices} onError={onError} />
      <InMeetingProvider>
        <ChatProvider slug={slug}>
          <div className="meeting-notices">
            <ConnectionBanner />
            <ReconnectingNotice />
            <RecordingNotices />
            <ModerationNotices onFinal={onFinalNotice} />
            <MutedWhileSpeaking />
            <NoiseSuppressionNotice />
            {decryptionFailed ? <DecryptionProblem /> : null}
          </div>
          <NoiseSuppressionController />
          <div className="meeting-layout">
            <Conference />
            <ParticipantsPanel slug={slug} />
            <ChatPanel />
          </div>
          <MeetingToolbar slug={slug} recordable={credentials.recordable === true}>
            {encrypted ? <EncryptionBadge /> : null}
          </MeetingToolbar>
          <JoinLeaveAnnouncer />
          <HandAnnouncer />
          <ChatAnnouncer />
          <DoorForHosts slug={slug} />
        </ChatProvider>
      </InMeetingProvider>
    </LiveKitRoom>
  );
}
