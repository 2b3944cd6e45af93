"use client";
// The meeting's chat, kept by Parley: what was said before one arrived is read from the server on
// joining, new messages come from the server (which stored them first) over LiveKit. The toggle in
// the toolbar counts what is unread; a live region reads new messages out to screen readers.
import { useConnectionState, useDataChannel, useLocalParticipant } from "@livekit/components-react";
import { ConnectionState } from "livekit-client";
import { useFormatter, useTranslations } from "next-intl";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import type { ChatResponse, SendChatResponse, SwitchChatResponse } from "@/app/api/rooms/[slug]/chat/route";
import {
  CHAT_MAX_CHARACTERS,
  CHAT_TOPIC,
  characterCount,
  chatEventSchema,
  type ChatLine,
} from "@/lib/in-meeting/rules";
import { callApi } from "../api";
import { errorTitle } from "../error-words";
import { ChatText } from "../ChatText";
import { runsTheMeeting, useOwnStanding } from "./own-standing";
import { serverMessage, type DataMessage } from "./server-message";

type ChatState = {
  slug: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  messages: ChatLine[];
  unread: number;
  enabled: boolean;
  offBy: string | null;
  announcement: string;
  add: (lines: ChatLine[]) => void;
  setEnabled: (enabled: boolean, by: string | null) => void;
};

const ChatContext = createContext<ChatState | null>(null);

function useChat(): ChatState {
  const chat = useContext(ChatContext);
  if (!chat) throw new Error("useChat outside ChatProvider");
  return chat;
}

const byTime = (a: ChatLine, b: ChatLine) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id);

export function ChatProvider({ slug, children }: { slug: string; children: ReactNode }) {
  const t = useTranslations("meeting.chat");
  const { localParticipant } = useLocalParticipant();
  const connection = useConnectionState();
  const [open, setOpen] = useState(false);
  const [messages, setMessages] = useState<ChatLine[]>([]);
  const [read, setRead] = useState<ReadonlySet<string>>(new Set());
  const [enabled, setEnabledState] = useState(true);
  const [offBy, setOffBy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const add = useCallback((lines: ChatLine[]) => {
    setMessages((current) => {
      const known = new Set(current.map((line) => line.id));
      const fresh = lines.filter((line) => !known.has(line.id));
      return fresh.length ? [...current, ...fresh].sort(byTime) : current;
    });
  }, []);
  const setEnabled = useCallback((on: boolean, by: string | null) => {
    setEnabledState(on);
    setOffBy(on ? null : by);
  }, []);

  // On arrival (and after a reconnection), what was said so far in this meeting.
  useEffect(() => {
    if (connection !== ConnectionState.Connected) return;
    let current = true;
    void callApi<ChatResponse>(`/api/rooms/${encodeURIComponent(slug)}/chat`, { method: "GET" }).then((result) => {
      if (!current || !result.ok) return;
      add(result.body.messages);
      setEnabled(result.body.enabled, result.body.offBy);
    });
    return () => {
      current = false;
    };
  }, [connection, slug, add, setEnabled]);

  const onData = useCallback(
    (message: DataMessage) => {
      const event = serverMessage(message, chatEventSchema);
      if (!event) return;
      if (event.kind === "state") {
        setEnabled(event.state.enabled, event.state.by);
        setAnnouncement(t(event.state.enabled ? "turnedOn" : "turnedOff", { by: event.state.by }));
        return;
      }
      const line = event.message;
      add([line]);
      if (line.identity !== localParticipant.identity) {
        const text = line.text.length > 300 ? `${line.text.slice(0, 300)}…` : line.text;
        setAnnouncement(t("messageFrom", { name: line.name, text }));
      }
    },
    [add, setEnabled, localParticipant.identity, t],
  );
  useDataChannel(CHAT_TOPIC, onData);

  // While the panel is open, everything in it counts as read; closing it keeps them read.
  const openAndRead = useCallback(
    (next: boolean) => {
      setOpen(next);
      setRead(new Set(messages.map((line) => line.id)));
    },
    [messages],
  );
  const unread = open
    ? 0
    : messages.filter((line) => line.identity !== localParticipant.identity && !read.has(line.id)).length;

  const value = useMemo(
    () => ({ slug, open, setOpen: openAndRead, messages, unread, enabled, offBy, announcement, add, setEnabled }),
    [slug, open, openAndRead, messages, unread, enabled, offBy, announcement, add, setEnabled],
  );
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}

/** Opens or closes the chat panel (the "C" shortcut). */
export function useChatToggle(): () => void {
  const { open, setOpen } = useChat();
  return useCallback(() => setOpen(!open), [open, setOpen]);
}

/** The chat button (on the control bar), with the number of messages not read yet. */
export function ChatToggle({ className = "meeting-action" }: { className?: string }) {
  const t = useTranslations("meeting.chat");
  const { open, setOpen, unread } = useChat();
  return (
    <button
      type="button"
      className={open ? `${className} on` : className}
      aria-expanded={open}
      aria-controls="chat-panel"
      aria-label={unread ? t("toggleUnread", { count: unread }) : t("title")}
      aria-keyshortcuts="C"
      data-testid="chat-toggle"
      onClick={() => setOpen(!open)}
    >
      {t("title")}
      {unread ? (
        <span className="unread-count" data-testid="chat-unread" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </button>
  );
}

/** Reads new messages out to screen readers, whether the panel is open or not. */
export function ChatAnnouncer() {
  const { announcement } = useChat();
  return (
    <div className="visually-hidden" role="log" aria-live="polite" data-testid="chat-announcer">
      {announcement}
    </div>
  );
}

export function ChatPanel() {
  const { slug, open, setOpen, messages, enabled, offBy, add, setEnabled } = useChat();
  const t = useTranslations("meeting.chat");
  const format = useFormatter();
  const { localParticipant } = useLocalParticipant();
  const runs = runsTheMeeting(useOwnStanding());
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const path = `/api/rooms/${encodeURIComponent(slug)}/chat`;

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "end" });
  }, [messages.length, open]);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const text = draft;
    if (!text.trim() || sending) return;
    // Cleared at once, so what the person types next is not lost when the answer comes; put back if refused.
    setDraft("");
    setSending(true);
    const result = await callApi<SendChatResponse>(path, { method: "POST", json: { text } });
    setSending(false);
    if (result.ok) {
      add([result.body.message]);
      setError(null);
    } else {
      setDraft((current) => (current === "" ? text : current));
      setError(result.code === "offline" ? result.message : `${errorTitle(result.code)}. ${result.message}`);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter starts a new line.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) void send(event);
  }

  async function toggleChat() {
    const result = await callApi<SwitchChatResponse>(path, { method: "PATCH", json: { enabled: !enabled } });
    if (result.ok) setEnabled(result.body.enabled, localParticipant.name || null);
    else setError(result.message);
  }

  if (!open) return null;
  const length = characterCount(draft);
  return (
    <aside id="chat-panel" className="chat-panel" aria-label={t("title")} data-testid="chat-panel">
      <div className="participants-header">
        <h2>{t("title")}</h2>
        <div className="row">
          {runs ? (
            <button type="button" className="secondary small" onClick={() => void toggleChat()}>
              {enabled ? t("turnOff") : t("turnOn")}
            </button>
          ) : null}
          <button type="button" className="secondary small" onClick={() => setOpen(false)}>
            {t("close")}
          </button>
        </div>
      </div>
      {messages.length === 0 ? <p className="muted">{t("empty")}</p> : null}
      <ol className="chat-lines" ref={list} data-testid="chat-messages">
        {messages.map((line) => (
          <li key={line.id} className="chat-line" data-testid="chat-line">
            <span className="chat-meta">
              <span className="chat-name">
                {line.identity === localParticipant.identity ? t("you", { name: line.name }) : line.name}
              </span>{" "}
              <time dateTime={line.sentAt}>
                {format.dateTime(new Date(line.sentAt), { hour: "2-digit", minute: "2-digit" })}
              </time>
            </span>
            <ChatText text={line.text} />
          </li>
        ))}
      </ol>
      {error ? (
        <p className="error" role="alert" data-testid="chat-error">
          {error}
        </p>
      ) : null}
      {enabled ? (
        <form className="chat-form" onSubmit={(event) => void send(event)}>
          <label htmlFor="chat-draft" className="visually-hidden">
            {t("draftLabel")}
          </label>
          <textarea
            id="chat-draft"
            rows={2}
            value={draft}
            placeholder={t("draftLabel")}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby="chat-length"
          />
          <div className="row chat-form-foot">
            <span
              id="chat-length"
              className={length > CHAT_MAX_CHARACTERS ? "chat-length over" : "chat-length muted"}
              aria-live={length > CHAT_MAX_CHARACTERS ? "polite" : "off"}
            >
              {t(length > CHAT_MAX_CHARACTERS ? "tooLong" : "length", { length, max: CHAT_MAX_CHARACTERS })}
            </span>
            <button type="submit" className="small" disabled={sending || !draft.trim()}>
              {t("send")}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted" data-testid="chat-off">
          {offBy ? t("offBy", { by: offBy }) : t("off")}
        </p>
      )}
    </aside>
  );
}
