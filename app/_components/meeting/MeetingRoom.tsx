"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { JoinCredentials } from "@/lib/meetings/join-credentials";
import { CopyInviteLink } from "../CopyInviteLink";
import { CheckConnectionLink } from "../check/CheckConnectionLink";
import { CapturedMedia } from "./captured-media";
import { fetchJoinCredentials, type JoinSource, type Problem } from "./join-credentials";
import { JOIN_MARKS, markJoin } from "./join-marks";
import PreJoin, { type EncryptionSupport } from "./PreJoin";
import type { StageEnd } from "./MeetingStage";
import { useLoadedModule, type Loaded } from "./use-loaded-module";
import type { UserChoices } from "./user-choices";
import { WaitingRoom } from "./WaitingRoom";

// The meeting stage (LiveKit and its conference UI, most of this page's JavaScript) is not among
// the page's first scripts, so the page shows without waiting for it. Its download starts as soon
// as this module runs in the browser (during hydration), so it is usually in place by the time
// "Join meeting" is pressed.
const loadMeetingStage = () => import("./MeetingStage");
if (typeof window !== "undefined") void loadMeetingStage().catch(() => undefined);

// The pre-join screen reads this browser's saved choices and devices, so it is rendered in the
// browser only: false on the server and while hydrating, true right after.
const noSubscription = () => () => undefined;
const useInBrowser = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/** For an encrypted room: can this browser encrypt? Asked with import(), so other rooms load none of it. */
function useEncryptionSupport(encrypted: boolean): EncryptionSupport | undefined {
  const [support, setSupport] = useState<EncryptionSupport>("checking");
  useEffect(() => {
    if (!encrypted) return;
    let current = true;
    import("./e2ee-support").then(
      ({ default: isSupported }) => current && setSupport(isSupported() ? "supported" : "unsupported"),
      () => current && setSupport("unsupported"),
    );
    return () => {
      current = false;
    };
  }, [encrypted]);
  return encrypted ? support : undefined;
}

function StageNotLoaded({ loaded }: { loaded: Loaded<unknown> }) {
  const t = useTranslations("meeting.room");
  if (loaded.state === "failed") {
    return (
      <div className="notice card" role="alert">
        <h1>{t("notLoadedTitle")}</h1>
        <p>{t("notLoadedBody")}</p>
        <p>
          <CheckConnectionLink />
        </p>
      </div>
    );
  }
  return <p className="notice muted">{t("connecting")}</p>;
}

type Stage =
  | { kind: "prejoin"; busy: boolean; error: string | null }
  // the room makes them wait: knocked, waiting for a host (each visit knocks afresh)
  | { kind: "waiting"; choices: UserChoices; visit: number }
  | { kind: "connected"; credentials: JoinCredentials; choices: UserChoices; session: number }
  | { kind: "reconnecting"; slug: string; choices: UserChoices; session: number }
  // network: the connection failed (not a refusal): the connection check may tell why;
  // code: the server's refusal, or "offline"
  | { kind: "failed"; title: string; message: string; retry: boolean; network?: boolean; code?: Problem["code"] }
  | { kind: "left" };

// A connection lost for longer than LiveKit's own reconnection covers (the media server restarted,
// the network went away) gets a fresh token, which also reopens the room on a restarted server,
// and joins again, for this long before giving up.
const REJOIN_FOR_MS = 60_000;
const rejoinDelay = (attempt: number) => Math.min(500 * 2 ** attempt, 4000);

/** Keeps asking for a way back in while the stage is "reconnecting". */
function useRejoin(stage: Stage, setStage: (stage: Stage) => void) {
  const t = useTranslations("meeting.room");
  useEffect(() => {
    if (stage.kind !== "reconnecting") return;
    let active = true;
    const started = Date.now();
    const attempt = (n: number) =>
      void fetchJoinCredentials({ kind: "room", slug: stage.slug }).then((result) => {
        if (!active) return;
        if (result.ok)
          return setStage({
            kind: "connected",
            credentials: result.credentials,
            choices: stage.choices,
            session: stage.session + 1,
          });
        // A removal may be lifted by a host, but not by asking again and again.
        if (!result.problem.retry || result.problem.code === "removed")
          return setStage({ kind: "failed", ...result.problem });
        if (Date.now() - started > REJOIN_FOR_MS)
          return setStage({
            kind: "failed",
            title: t("connectionLostTitle"),
            message: t("connectionLostBody"),
            retry: true,
            network: true,
          });
        setTimeout(() => active && attempt(n + 1), rejoinDelay(n));
      });
    attempt(0);
    return () => {
      active = false;
    };
  }, [stage, setStage, t]);
}

type Props = {
  title: string;
  source: JoinSource;
  /** The room's code, for its invite link; absent for guests, who cannot share the room. */
  slug: string | null;
  /** The room's code for its API (knocking at its door): guests too. */
  roomSlug: string;
  knownName: string | null;
  publishes: boolean;
  canManage: boolean;
  /** Members go home after leaving; guests have no home page here. */
  isGuest: boolean;
  /** The room is end-to-end encrypted: a browser that cannot encrypt is told so and cannot join. */
  encrypted: boolean;
};

export function MeetingRoom({
  title,
  source,
  slug,
  roomSlug,
  knownName,
  publishes,
  canManage,
  isGuest,
  encrypted,
}: Props) {
  const t = useTranslations("meeting.room");
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ kind: "prejoin", busy: false, error: null });
  const inBrowser = useInBrowser();
  const meetingStage = useLoadedModule(loadMeetingStage);
  const lastChoices = useRef<UserChoices | null>(null);
  const encryption = useEncryptionSupport(encrypted);
  const [captured] = useState(() => new CapturedMedia());
  // What the pre-join screen handed over is closed if neither the waiting room nor the meeting
  // takes it: joining failed, or the meeting's code could not be loaded.
  const mayTakeCaptured =
    stage.kind === "prejoin" ||
    stage.kind === "waiting" ||
    (stage.kind === "connected" && meetingStage.state !== "failed");
  useEffect(() => {
    if (!mayTakeCaptured) captured.release();
  }, [mayTakeCaptured, captured]);
  useEffect(() => () => captured.release(), [captured]);

  // Refusals and network failures come back as values and become a stage the page shows.
  async function join(choices: UserChoices) {
    lastChoices.current = choices;
    setStage({ kind: "prejoin", busy: true, error: null });
    const result = await fetchJoinCredentials(source, knownName === null ? choices.name.trim() : undefined);
    if (result.ok) {
      markJoin(JOIN_MARKS.tokenReceived);
      return setStage({ kind: "connected", credentials: result.credentials, choices, session: 0 });
    }
    // The room makes them wait: this Join was their knock. The camera goes on to the door; the
    // microphone is closed while they wait.
    if (result.problem.code === "waiting_room") {
      captured.release("audio");
      return setStage({ kind: "waiting", choices, visit: 0 });
    }
    captured.giveBack();
    // A problem with what was typed is shown on the pre-join screen, where it can be fixed.
    if (result.problem.fixable) return setStage({ kind: "prejoin", busy: false, error: result.problem.message });
    setStage({ kind: "failed", ...result.problem });
  }

  /** A host let them in: in at once, no reload. (If the admission lapsed meanwhile, they knock again.) */
  const enterAfterAdmission = useCallback(
    async (choices: UserChoices, visit: number) => {
      const result = await fetchJoinCredentials({ kind: "room", slug: roomSlug });
      if (result.ok) return setStage({ kind: "connected", credentials: result.credentials, choices, session: 0 });
      if (result.problem.code === "waiting_room") return setStage({ kind: "waiting", choices, visit: visit + 1 });
      setStage({ kind: "failed", ...result.problem });
    },
    [roomSlug],
  );

  const retry = () =>
    lastChoices.current ? void join(lastChoices.current) : setStage({ kind: "prejoin", busy: false, error: null });

  useRejoin(stage, setStage);

  const onEnd = useCallback(
    (end: StageEnd) => {
      if (end.kind === "failed") return setStage(end);
      if (end.kind === "lost") {
        return setStage((current) =>
          current.kind === "connected"
            ? {
                kind: "reconnecting",
                slug: current.credentials.room.slug,
                choices: current.choices,
                session: current.session,
              }
            : current,
        );
      }
      if (isGuest) setStage({ kind: "left" });
      else router.push("/");
    },
    [router, isGuest],
  );

  const backToPreJoin = () => setStage({ kind: "prejoin", busy: false, error: null });

  return (
    <div className="meeting" data-testid="meeting" data-stage={stage.kind}>
      <div className="meeting-bar">
        <strong>{title}</strong>
        <span className="row">
          {canManage && slug ? (
            <a className="button secondary" href={`/r/${slug}/invites`} target="_blank" rel="noreferrer">
              {t("invitesAndSettings")}
            </a>
          ) : null}
          {slug ? <CopyInviteLink slug={slug} /> : null}
        </span>
      </div>
      {stage.kind === "prejoin" ? (
        inBrowser ? (
          <PreJoin
            title={title}
            knownName={knownName}
            publishes={publishes}
            busy={stage.busy}
            error={stage.error}
            encryption={encryption}
            captured={captured}
            onJoin={(choices) => void join(choices)}
          />
        ) : (
          <p className="notice muted">{t("loading")}</p>
        )
      ) : null}
      {stage.kind === "waiting" ? (
        <WaitingRoom
          key={stage.visit}
          slug={roomSlug}
          title={title}
          choices={stage.choices}
          showsCamera={publishes && stage.choices.videoEnabled}
          captured={captured}
          onAdmitted={() => void enterAfterAdmission(stage.choices, stage.visit)}
          onLeave={backToPreJoin}
          onProblem={(problem) => setStage({ kind: "failed", ...problem })}
        />
      ) : null}
      {stage.kind === "left" ? (
        <div className="notice card">
          <h1>{t("leftTitle")}</h1>
          <button onClick={backToPreJoin}>{t("rejoin")}</button>
        </div>
      ) : null}
      {stage.kind === "reconnecting" ? (
        <div className="notice card" role="status" data-testid="reconnecting">
          <h1>{t("reconnectingTitle")}</h1>
          <p className="muted">{t("reconnectingBody")}</p>
        </div>
      ) : null}
      {stage.kind === "failed" ? (
        <div className="notice card" role="alert">
          <h1>{stage.title}</h1>
          <p>{stage.message}</p>
          {stage.network || stage.code === "offline" || stage.code === "livekit_unavailable" ? (
            <p>
              <CheckConnectionLink />
            </p>
          ) : null}
          <div className="row" style={{ justifyContent: "center" }}>
            {stage.retry ? <button onClick={retry}>{t("tryAgain")}</button> : null}
            {isGuest ? null : (
              <button className="secondary" onClick={() => router.push("/")}>
                {t("backHome")}
              </button>
            )}
          </div>
        </div>
      ) : null}
      {stage.kind === "connected" ? (
        meetingStage.state === "ready" ? (
          <meetingStage.value
            key={stage.session}
            credentials={stage.credentials}
            choices={stage.choices}
            captured={captured}
            onEnd={onEnd}
          />
        ) : (
          <StageNotLoaded loaded={meetingStage} />
        )
      ) : null}
    </div>
  );
}
