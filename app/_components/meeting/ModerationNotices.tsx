"use client";
// What a host did to this person ("Anna muted your microphone"), as the server tells it: shown for a
// few seconds, and kept for the page to explain a disconnection that follows.
import { useDataChannel } from "@livekit/components-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { FINAL_NOTICES, NOTICE_TOPIC, noticeSchema, type Notice } from "@/lib/moderation/rules";
import { noticeText } from "./notice-text";
import { serverMessage, type DataMessage } from "./server-message";

const SHOW_FOR_MS = 8000;

type Shown = { id: number; text: string };

export function ModerationNotices({ onFinal }: { onFinal: (notice: Notice) => void }) {
  const t = useTranslations("meeting");
  const [shown, setShown] = useState<Shown[]>([]);

  const onMessage = useCallback(
    (message: DataMessage) => {
      const notice = serverMessage(message, noticeSchema);
      if (!notice) return;
      if (FINAL_NOTICES.includes(notice.kind)) onFinal(notice);
      setShown((current) => [...current, { id: Date.now() + Math.random(), text: noticeText(t, notice) }]);
    },
    [onFinal, t],
  );
  useDataChannel(NOTICE_TOPIC, onMessage);

  useEffect(() => {
    if (shown.length === 0) return;
    const timer = setTimeout(() => setShown((current) => current.slice(1)), SHOW_FOR_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  return (
    <>
      {shown.map((notice) => (
        <div key={notice.id} className="moderation-notice" role="status" data-testid="moderation-notice">
          {notice.text}
        </div>
      ))}
    </>
  );
}
