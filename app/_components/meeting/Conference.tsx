"use client";
// The stage: everyone's tiles (a grid, or a focus layout while someone is pinned or shares a screen),
// LiveKit's control bar, and the room's sound. Built from LiveKit's parts as its <VideoConference>
// is, so each tile can carry Parley's own marks (ParleyTile: raised hands, reactions). LiveKit's own
// chat is left out: chat goes through Parley (Chat.tsx).
import {
  CarouselLayout,
  ConnectionStateToast,
  ControlBar,
  FocusLayout,
  FocusLayoutContainer,
  GridLayout,
  isTrackReference,
  LayoutContextProvider,
  RoomAudioRenderer,
  useCreateLayoutContext,
  usePinnedTracks,
  useTracks,
  type TrackReferenceOrPlaceholder,
} from "@livekit/components-react";
import { RoomEvent, Track } from "livekit-client";
import { useEffect, useRef } from "react";
import { ParleyTile } from "./ParleyTile";

const sameTrack = (a: TrackReferenceOrPlaceholder, b: TrackReferenceOrPlaceholder | undefined) =>
  !!b && a.participant.identity === b.participant.identity && a.source === b.source;

export function Conference() {
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { updateOnlyOn: [RoomEvent.ActiveSpeakersChanged], onlySubscribed: false },
  );
  const layout = useCreateLayoutContext();
  const focused = usePinnedTracks(layout)?.[0];
  const others = tracks.filter((track) => !sameTrack(track, focused));
  const screenShares = tracks
    .filter(isTrackReference)
    .filter((track) => track.publication.source === Track.Source.ScreenShare);
  const autoFocused = useRef<TrackReferenceOrPlaceholder | null>(null);

  // A new screen share takes the focus; when it ends, the focus goes back to the grid.
  const shareKey = screenShares
    .map((track) => `${track.publication.trackSid}_${track.publication.isSubscribed}`)
    .join();
  useEffect(() => {
    if (screenShares.some((track) => track.publication.isSubscribed) && autoFocused.current === null) {
      layout.pin.dispatch?.({ msg: "set_pin", trackReference: screenShares[0]! });
      autoFocused.current = screenShares[0]!;
    } else if (
      autoFocused.current &&
      !screenShares.some((track) => sameTrack(track, autoFocused.current ?? undefined))
    ) {
      layout.pin.dispatch?.({ msg: "clear_pin" });
      autoFocused.current = null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the screen shares, as LiveKit's own conference does
  }, [shareKey]);

  return (
    <div className="lk-video-conference">
      <LayoutContextProvider value={layout}>
        <div className="lk-video-conference-inner">
          {focused ? (
            <div className="lk-focus-layout-wrapper">
              <FocusLayoutContainer>
                <CarouselLayout tracks={others}>
                  <ParleyTile />
                </CarouselLayout>
                <FocusLayout trackRef={focused} />
              </FocusLayoutContainer>
            </div>
          ) : (
            <div className="lk-grid-layout-wrapper">
              <GridLayout tracks={tracks}>
                <ParleyTile />
              </GridLayout>
            </div>
          )}
          <ControlBar controls={{ chat: false, settings: false }} />
        </div>
      </LayoutContextProvider>
      <RoomAudioRenderer />
      <ConnectionStateToast />
    </div>
  );
}
