"use client";
// One knocker's camera, live, for the hosts' knock list: a hidden, subscribe-only connection to
// that knock's door room (docs/waiting-room.md), with a token the watch route hands to hosts only.
import { Room, RoomEvent, Track, type RemoteTrack } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { WatchKnockResponse } from "@/app/api/rooms/[slug]/knocks/[knockId]/watch/route";
import { callApi } from "../api";

export function DoorPreview({ slug, knockId, name }: { slug: string; knockId: string; name: string }) {
  const t = useTranslations("meeting.knocks");
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<"connecting" | "showing" | "none">("connecting");

  useEffect(() => {
    const room = new Room({ adaptiveStream: false });
    let leaving = false;
    const show = (track: RemoteTrack) => {
      if (track.kind !== Track.Kind.Video || !video.current) return;
      track.attach(video.current);
      setCamera("showing");
    };
    room.on(RoomEvent.TrackSubscribed, show);
    room.on(RoomEvent.TrackUnsubscribed, (track) => {
      if (track.kind === Track.Kind.Video) setCamera("none");
    });
    void (async () => {
      const door = await callApi<WatchKnockResponse>(
        `/api/rooms/${encodeURIComponent(slug)}/knocks/${encodeURIComponent(knockId)}/watch`,
        { method: "POST" },
      );
      if (!door.ok || leaving) return;
      await room.connect(door.body.serverUrl, door.body.token).catch(() => undefined);
      if (leaving) return void room.disconnect();
      // A camera, if the knocker has one on, is subscribed to in a moment and shows then.
      setCamera((current) => (current === "showing" ? current : "none"));
    })();
    return () => {
      leaving = true;
      void room.disconnect();
    };
  }, [slug, knockId]);

  return (
    <div className="knock-preview">
      <video
        ref={video}
        autoPlay
        muted
        playsInline
        hidden={camera !== "showing"}
        aria-label={t("cameraOf", { name })}
        data-testid="knock-video"
      />
      {camera === "showing" ? null : <span>{camera === "connecting" ? "…" : t("noCamera")}</span>}
    </div>
  );
}
