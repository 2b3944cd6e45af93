"use client";
// What a host did to this person ("Anna muted your microphone"), as the server tells it: shown for a
// few seconds, and kept for the page to explain a disconnection that follows.
import { useDataChannel } from "@livekit/components-react";
import { useCallback, useEffect, useState } from "react";
import { FINAL_NOTICES, NOTICE_TOPIC, noticeSchema, noticeText, type Notice } from "@/lib/moderation/rules";

const SHOW_FOR_MS = 8000;

type Shown = { id: number; text: string };

export function ModerationNotices({ onFinal }: { onFinal: (notice: Notice) => void }) {
  const [shown, setShown] = useState<Shown[]>([]);

  const onMessage = useCallback(
    (message: { payload: Uint8Array; from?: unknown }) => {
      // LiveKit stamps a participant's messages with who sent them; the server's carry no sender.
      // Anything else on this topic is someone in the meeting pretending to be Parley.
      if (message.from !== undefined) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(message.payload));
      } catch {
        return;
      }
      const notice = noticeSchema.safeParse(parsed);
      if (!notice.success) return;
      if (FINAL_NOTICES.includes(notice.data.kind)) onFinal(notice.data);
      setShown((current) => [...current, { id: Date.now() + Math.random(), text: noticeText(notice.data) }]);
    },
    [onFinal],
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
