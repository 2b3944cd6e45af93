"use client";
// The meeting's stage: everyone's tiles in a grid or in speaker view (one person large, the others
// in a strip), a pinned person, a self-view that can be hidden, picture-in-picture of the active
// speaker, the control bar and the keyboard shortcuts. Built from LiveKit's layout pieces, as
// its <VideoConference> is, so Parley decides what each tile shows (and says, in its own words:
// ./LiveKitParts.tsx).
import {
  CarouselLayout,
  FocusLayoutContainer,
  LayoutContextProvider,
  RoomAudioRenderer,
  useCreateLayoutContext,
  useLocalParticipant,
  useLocalParticipantPermissions,
  usePinnedTracks,
  useSpeakingParticipants,
  useTracks,
} from "@livekit/components-react";
import { RoomEvent, Track } from "livekit-client";
import { useMemo, useRef, useState } from "react";
import { useChatToggle } from "./Chat";
import { ConnectionToast, PagedGrid } from "./LiveKitParts";
import { MeetingControls } from "./MeetingControls";
import { useShortcuts, type ShortcutActions, type ShortcutId } from "./shortcuts";
import { ShortcutsHelp, type ShortcutsHelpHandle } from "./ShortcutsHelp";
import { sameTrack, Tile } from "./Tile";

export type LayoutMode = "grid" | "speaker";

/** The remote person who spoke last, kept while nobody speaks, so speaker view does not flicker. */
function useLastSpeaker(): string | null {
  const speaking = useSpeakingParticipants();
  const [last, setLast] = useState<string | null>(null);
  const current = speaking.find((participant) => !participant.isLocal)?.identity ?? null;
  // Remembered while rendering (React's pattern for state that follows a prop), not in an effect.
  if (current && current !== last) setLast(current);
  return current ?? last;
}

const supportsPictureInPicture = () =>
  typeof document !== "undefined" && "pictureInPictureEnabled" in document && document.pictureInPictureEnabled;

export function Conference() {
  const layoutContext = useCreateLayoutContext();
  const [mode, setMode] = useState<LayoutMode>("grid");
  const [selfHidden, setSelfHidden] = useState(false);
  const help = useRef<ShortcutsHelpHandle>(null);
  const { localParticipant } = useLocalParticipant();
  const permissions = useLocalParticipantPermissions();
  const lastSpeaker = useLastSpeaker();
  const toggleChat = useChatToggle();

  const allTracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { updateOnlyOn: [RoomEvent.ActiveSpeakersChanged], onlySubscribed: false },
  );
  const tracks = selfHidden
    ? allTracks.filter((track) => !(track.participant.isLocal && track.source === Track.Source.Camera))
    : allTracks;

  const pinned = usePinnedTracks(layoutContext)?.[0];
  const remoteCameras = tracks.filter((t) => !t.participant.isLocal && t.source === Track.Source.Camera);
  const speakerTrack =
    remoteCameras.find((track) => track.participant.identity === lastSpeaker) ?? remoteCameras[0] ?? tracks[0];
  // A pin wins in either layout; speaker view otherwise shows whoever spoke last.
  const focus = pinned ?? (mode === "speaker" ? speakerTrack : undefined);
  const others = tracks.filter((track) => !sameTrack(track, focus));

  const pictureInPicture = async () => {
    const who = (focus ?? speakerTrack)?.participant.identity;
    const video = who
      ? document.querySelector<HTMLVideoElement>(`.lk-participant-tile[data-identity="${CSS.escape(who)}"] video`)
      : null;
    if (!video) return;
    if (document.pictureInPictureElement === video) await document.exitPictureInPicture();
    else await video.requestPictureInPicture();
  };

  const publishes = permissions?.canPublish ?? false;
  const shortcuts: ShortcutActions = useMemo(
    () => ({
      ...(publishes
        ? {
            toggleMicrophone: () => void localParticipant.setMicrophoneEnabled(!localParticipant.isMicrophoneEnabled),
            toggleCamera: () => void localParticipant.setCameraEnabled(!localParticipant.isCameraEnabled),
          }
        : {}),
      openChat: toggleChat,
      help: () => help.current?.toggle(),
    }),
    [publishes, localParticipant, toggleChat],
  );
  useShortcuts(shortcuts);
  // Raising a hand has its shortcut where its button is (RaiseHand.tsx); everyone in a meeting may.
  const listed: ShortcutId[] = [...(Object.keys(shortcuts) as ShortcutId[]), "raiseHand"];

  return (
    <div className="lk-video-conference" data-layout={focus ? "speaker" : "grid"}>
      <LayoutContextProvider value={layoutContext}>
        <div className="lk-video-conference-inner">
          {focus ? (
            <div className="lk-focus-layout-wrapper">
              <FocusLayoutContainer>
                <CarouselLayout tracks={others}>
                  <Tile />
                </CarouselLayout>
                <div className="lk-focused-participant" data-testid="focused-tile">
                  <Tile trackRef={focus} />
                </div>
              </FocusLayoutContainer>
            </div>
          ) : (
            <div className="lk-grid-layout-wrapper">
              <PagedGrid tracks={tracks}>
                <Tile />
              </PagedGrid>
            </div>
          )}
          <MeetingControls
            layout={{
              speakerView: mode === "speaker",
              onSpeakerView: (on) => setMode(on ? "speaker" : "grid"),
              selfHidden,
              onSelfHidden: setSelfHidden,
              onPictureInPicture: supportsPictureInPicture()
                ? () => void pictureInPicture().catch(() => undefined)
                : undefined,
              onHelp: () => help.current?.toggle(),
            }}
          />
        </div>
      </LayoutContextProvider>
      <ShortcutsHelp ref={help} available={listed} />
      <RoomAudioRenderer />
      <ConnectionToast />
    </div>
  );
}
