"use client";
// LiveKit's pieces that write their own English words, redone with LiveKit's hooks, its markup
// and its styles, in the person's language: the connection toast, the "Start Audio" button a
// browser's autoplay rule calls for, and the grid, whose page control says "1 of 2".
import {
  Chevron,
  SpinnerIcon,
  Toast,
  TrackLoop,
  useConnectionState,
  useGridLayout,
  usePagination,
  useRoomContext,
  useStartAudio,
  useStartVideo,
  useSwipe,
  type TrackReferenceOrPlaceholder,
} from "@livekit/components-react";
import { ConnectionState } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";

/** While the meeting connects, reconnects or has dropped, a small note at the top. */
export function ConnectionToast() {
  const t = useTranslations("meeting.stage");
  const state = useConnectionState();
  const words =
    state === ConnectionState.Reconnecting
      ? t("toastReconnecting")
      : state === ConnectionState.Connecting
        ? t("toastConnecting")
        : state === ConnectionState.Disconnected
          ? t("toastDisconnected")
          : null;
  if (!words) return null;
  return (
    <Toast className="lk-toast-connection-state">
      {state === ConnectionState.Disconnected ? null : <SpinnerIcon className="lk-spinner" aria-hidden="true" />}
      {words}
    </Toast>
  );
}

/** Shown only while the browser refuses to play the meeting's sound (or video) until a click. */
export function StartMediaButton() {
  const t = useTranslations("meeting.controls");
  const room = useRoomContext();
  const { mergedProps: audioProps, canPlayAudio } = useStartAudio({ room, props: { type: "button" } });
  const { mergedProps, canPlayVideo } = useStartVideo({ room, props: audioProps });
  const { style, ...props } = mergedProps;
  return (
    <button {...props} style={{ ...style, display: canPlayAudio && canPlayVideo ? "none" : "block" }}>
      {canPlayAudio ? t("startVideo") : t("startAudio")}
    </button>
  );
}

const INTERACTION_SHOWS_MS = 2000;

/** Whether the pointer moved over the element lately: the page control shows then. */
function useInteracting(element: RefObject<HTMLElement | null>): boolean {
  const [interacting, setInteracting] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const moved = () => {
      setInteracting(true);
      clearTimeout(timer);
      timer = setTimeout(() => setInteracting(false), INTERACTION_SHOWS_MS);
    };
    target.addEventListener("pointermove", moved);
    target.addEventListener("pointerdown", moved);
    return () => {
      clearTimeout(timer);
      target.removeEventListener("pointermove", moved);
      target.removeEventListener("pointerdown", moved);
    };
  }, [element]);
  return interacting;
}

/** LiveKit's grid of tiles, pages of as many as fit, with a labelled page control. */
export function PagedGrid({ tracks, children }: { tracks: TrackReferenceOrPlaceholder[]; children: ReactNode }) {
  const t = useTranslations("meeting.controls");
  const grid = useRef<HTMLDivElement>(null);
  const element = grid as RefObject<HTMLDivElement>;
  const { layout } = useGridLayout(element, tracks.length);
  const pagination = usePagination(layout.maxTiles, tracks);
  useSwipe(element, { onLeftSwipe: pagination.nextPage, onRightSwipe: pagination.prevPage });
  const interacting = useInteracting(grid);
  const { currentPage, totalPageCount } = pagination;
  return (
    <div ref={grid} className="lk-grid-layout" data-lk-pagination={totalPageCount > 1}>
      <TrackLoop tracks={pagination.tracks}>{children}</TrackLoop>
      {tracks.length > layout.maxTiles ? (
        <>
          <div className="lk-pagination-indicator" aria-hidden="true">
            {Array.from({ length: totalPageCount }, (_, index) => (
              <span key={index} data-lk-active={index + 1 === currentPage ? true : undefined} />
            ))}
          </div>
          <div className="lk-pagination-control" data-lk-user-interaction={interacting}>
            <button type="button" className="lk-button" aria-label={t("previousPage")} onClick={pagination.prevPage}>
              <Chevron aria-hidden="true" />
            </button>
            <span className="lk-pagination-count">{t("page", { current: currentPage, total: totalPageCount })}</span>
            <button type="button" className="lk-button" aria-label={t("nextPage")} onClick={pagination.nextPage}>
              <Chevron aria-hidden="true" />
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
