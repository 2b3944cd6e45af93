"use client";
// What a person sees of end-to-end encryption in the meeting: that it is on, and when something
// could not be decrypted.
import { useRoomContext } from "@livekit/components-react";
import { RoomEvent } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Shown once this browser really encrypts what it sends (LiveKit says so), not merely because the room asks for it. */
export function EncryptionBadge() {
  const t = useTranslations("meeting.e2ee");
  const room = useRoomContext();
  const [on, setOn] = useState(room.isE2EEEnabled);
  useEffect(() => {
    const update = () => setOn(room.isE2EEEnabled);
    update();
    room.on(RoomEvent.ParticipantEncryptionStatusChanged, update);
    return () => void room.off(RoomEvent.ParticipantEncryptionStatusChanged, update);
  }, [room]);
  if (!on) return null;
  return (
    <span
      className="e2ee-badge"
      role="note"
      aria-label={t("badgeLabel")}
      title={t("badgeLabel")}
      data-testid="e2ee-badge"
    >
      <span aria-hidden="true">🔒</span> {t("badge")}
    </span>
  );
}

export function DecryptionProblem() {
  const t = useTranslations("meeting.e2ee");
  return (
    <div className="connection-banner" role="alert" data-testid="e2ee-error">
      {t("decryptError")}
    </div>
  );
}
