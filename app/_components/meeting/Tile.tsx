"use client";
// One person's tile: their video (or a placeholder), name, microphone state and connection, and a
// labelled "Pin" button a keyboard reaches (LiveKit's own tile has an unlabelled, hover-only one).
// data-identity lets the layout find a person's video (picture-in-picture) and tests find a tile.
import {
  ConnectionQualityIndicator,
  ParticipantPlaceholder,
  TrackMutedIndicator,
  useConnectionQualityIndicator,
  useEnsureTrackRef,
  useLayoutContext,
  useParticipantTile,
  VideoTrack,
  type TrackReferenceOrPlaceholder,
} from "@livekit/components-react";
import { Track } from "livekit-client";
import { useTranslations } from "next-intl";
import { useShownName } from "./shown-name";
import { TileMarks } from "./TileMarks";

export const sameTrack = (a: TrackReferenceOrPlaceholder | undefined, b: TrackReferenceOrPlaceholder | undefined) =>
  !!a && !!b && a.participant.identity === b.participant.identity && a.source === b.source;

export function Tile({ trackRef }: { trackRef?: TrackReferenceOrPlaceholder }) {
  const t = useTranslations("meeting.tile");
  const track = useEnsureTrackRef(trackRef);
  const layout = useLayoutContext();
  const { elementProps } = useParticipantTile<HTMLDivElement>({ trackRef: track, htmlProps: {} });
  const pinned = layout.pin.state?.some((pin) => sameTrack(pin, track)) ?? false;
  const name = useShownName(track.participant);
  const screen = track.source === Track.Source.ScreenShare;
  const { quality } = useConnectionQualityIndicator({ participant: track.participant });
  const pinLabel = screen
    ? t(pinned ? "unpinScreen" : "pinScreen", { name })
    : t(pinned ? "unpinPerson" : "pinPerson", { name });
  return (
    <div {...elementProps} style={{ position: "relative" }} data-identity={track.participant.identity}>
      {track.publication ? (
        <VideoTrack
          trackRef={{ ...track, publication: track.publication }}
          onSubscriptionStatusChanged={(subscribed) => {
            if (!subscribed && pinned) layout.pin.dispatch?.({ msg: "clear_pin" });
          }}
        />
      ) : null}
      <div className="lk-participant-placeholder">
        <ParticipantPlaceholder />
      </div>
      <div className="lk-participant-metadata">
        <div className="lk-participant-metadata-item">
          {screen ? null : (
            <TrackMutedIndicator
              trackRef={{ participant: track.participant, source: Track.Source.Microphone }}
              show="muted"
            />
          )}
          {/* A person's name as LiveKit keeps it current (in the page's words); their screen's, in a sentence of ours. */}
          <span className="lk-participant-name">{screen ? t("screenOf", { name }) : name}</span>
        </div>
        <ConnectionQualityIndicator
          participant={track.participant}
          className="lk-participant-metadata-item"
          role="img"
          aria-label={t(`quality.${quality}`)}
          title={t(`quality.${quality}`)}
        />
      </div>
      <button
        type="button"
        className="tile-pin"
        aria-pressed={pinned}
        aria-label={pinLabel}
        onClick={() => layout.pin.dispatch?.(pinned ? { msg: "clear_pin" } : { msg: "set_pin", trackReference: track })}
      >
        {pinned ? t("unpin") : t("pin")}
      </button>
      {screen ? null : <TileMarks participant={track.participant} />}
    </div>
  );
}
