"use client";
// The screen before a meeting: see yourself, check your microphone, pick devices and noise
// suppression, choose to join muted or with the camera off. Rendered in the browser only (it reads
// localStorage).
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { captureConstraints, type CapturedMedia } from "./captured-media";
import { classifyMediaError, explainDeviceProblem, type DeviceKind, type DeviceProblem } from "./device-errors";
import { NoiseSuppressionToggle } from "./NoiseSuppressionToggle";
import { loadChoices, saveChoices, type UserChoices } from "./user-choices";
import { useBackgroundChoice } from "./background/background-choice";
import { BackgroundPicker } from "./background/BackgroundPicker";
import { useBackgroundPreview } from "./background/use-background-effect";
import { FormError } from "../FormError";
import { CheckConnectionLink } from "../check/CheckConnectionLink";

type Props = {
  title: string;
  /** The name others will see, when it is already known (members). */
  knownName: string | null;
  /** Viewers publish nothing, so they need no camera or microphone. */
  publishes: boolean;
  busy: boolean;
  error: string | null;
  /** Only for an end-to-end encrypted room: whether this browser can encrypt; it cannot join otherwise. */
  encryption?: EncryptionSupport;
  /** Where the camera and microphone go when Join is pressed, so the meeting sends them without reopening. */
  captured: CapturedMedia;
  onJoin: (choices: UserChoices) => void;
};

export type EncryptionSupport = "checking" | "supported" | "unsupported";

type Devices = { cameras: MediaDeviceInfo[]; microphones: MediaDeviceInfo[] };
type Problems = Partial<Record<DeviceKind, DeviceProblem>>;

async function acquire(choices: UserChoices): Promise<{ tracks: MediaStreamTrack[]; problems: Problems }> {
  const wanted = { video: choices.videoEnabled, audio: choices.audioEnabled };
  if (!wanted.video && !wanted.audio) return { tracks: [], problems: {} };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: wanted.video && captureConstraints("video", choices.videoDeviceId),
      audio: wanted.audio && captureConstraints("audio", choices.audioDeviceId),
    });
    return { tracks: stream.getTracks(), problems: {} };
  } catch {
    // Ask for each device alone to tell which one failed, and keep the one that works.
    const tracks: MediaStreamTrack[] = [];
    const problems: Problems = {};
    for (const kind of ["camera", "microphone"] as const) {
      if (kind === "camera" ? !wanted.video : !wanted.audio) continue;
      try {
        const stream = await navigator.mediaDevices.getUserMedia(
          kind === "camera"
            ? { video: captureConstraints("video", choices.videoDeviceId) }
            : { audio: captureConstraints("audio", choices.audioDeviceId) },
        );
        tracks.push(...stream.getTracks());
      } catch (error) {
        problems[kind] = classifyMediaError(error);
      }
    }
    return { tracks, problems };
  }
}

function useMicrophoneLevel(track: MediaStreamTrack | undefined, meter: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const element = meter.current;
    if (!track || !element) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    let level = 0;
    const draw = () => {
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += ((sample - 128) / 128) ** 2;
      // Rise at once, fall slowly, like a VU meter: short syllables stay visible.
      level = Math.max(Math.sqrt(sum / samples.length), level * 0.92);
      element.style.width = `${Math.min(100, Math.round(level * 400))}%`;
      element.dataset.level = level.toFixed(3);
      frame = requestAnimationFrame(draw);
    };
    draw();
    // Browsers may start audio suspended until the page is touched.
    const resume = () => void context.resume();
    window.addEventListener("pointerdown", resume);
    window.addEventListener("keydown", resume);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("pointerdown", resume);
      window.removeEventListener("keydown", resume);
      void context.close();
    };
  }, [track, meter]);
}

function DevicePicker(props: {
  label: string;
  /** What to call a device the browser gives no name: "Camera 2". */
  numbered: (number: number) => string;
  devices: MediaDeviceInfo[];
  value: string;
  disabled: boolean;
  onPick: (deviceId: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onPick(e.target.value)} disabled={props.disabled}>
        {props.devices.map((device, i) => (
          <option key={device.deviceId || i} value={device.deviceId}>
            {device.label || props.numbered(i + 1)}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function PreJoin({ title, knownName, publishes, busy, error, encryption, captured, onJoin }: Props) {
  const t = useTranslations("meeting");
  const [choices, setChoices] = useState<UserChoices>(() => loadChoices());
  const [attempt, setAttempt] = useState(0);
  const [tracks, setTracks] = useState<MediaStreamTrack[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [devices, setDevices] = useState<Devices>({ cameras: [], microphones: [] });
  const video = useRef<HTMLVideoElement>(null);
  const meter = useRef<HTMLDivElement>(null);
  const nameId = useId();
  const update = (change: Partial<UserChoices>) => setChoices((current) => ({ ...current, ...change }));

  const { videoEnabled, audioEnabled, videoDeviceId, audioDeviceId } = choices;
  useEffect(() => {
    if (!publishes) return;
    let cancelled = false;
    let acquired: MediaStreamTrack[] = [];
    void acquire({ videoEnabled, audioEnabled, videoDeviceId, audioDeviceId, name: "" }).then(async (result) => {
      acquired = result.tracks;
      if (cancelled) return acquired.forEach((track) => track.stop());
      setTracks(result.tracks);
      setProblems(result.problems);
      const all = await navigator.mediaDevices.enumerateDevices();
      if (!cancelled)
        setDevices({
          cameras: all.filter((d) => d.kind === "videoinput"),
          microphones: all.filter((d) => d.kind === "audioinput"),
        });
    });
    return () => {
      cancelled = true;
      for (const track of acquired) if (!captured.holds(track)) track.stop();
    };
  }, [publishes, videoEnabled, audioEnabled, videoDeviceId, audioDeviceId, attempt, captured]);

  const videoTrack = tracks.find((track) => track.kind === "video");
  const audioTrack = tracks.find((track) => track.kind === "audio");
  const background = useBackgroundPreview(videoTrack, useBackgroundChoice());
  const shownTrack = background.track;
  useEffect(() => {
    if (video.current) video.current.srcObject = shownTrack ? new MediaStream([shownTrack]) : null;
  }, [shownTrack]);
  useMicrophoneLevel(audioTrack, meter);

  const name = knownName ?? choices.name;
  const blockedByEncryption = encryption !== undefined && encryption !== "supported";
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || blockedByEncryption) return;
    saveChoices(choices);
    // Handed over, not stopped. The device controls are disabled while joining (busy), so these
    // stay the tracks the meeting gets; if joining fails here, the screen keeps them.
    captured.hold(tracks);
    onJoin(choices);
  }

  return (
    <form className={publishes ? "prejoin prejoin-split card" : "prejoin card"} onSubmit={submit} data-testid="prejoin">
      <h1>{title}</h1>
      {publishes ? (
        <div className="prejoin-media">
          <div className="prejoin-preview">
            <video ref={video} autoPlay muted playsInline data-testid="prejoin-video" hidden={!videoTrack} />
            {!videoTrack ? (
              <p className="muted">{videoEnabled ? t("prejoin.startingCamera") : t("prejoin.cameraIsOff")}</p>
            ) : null}
          </div>
          <div className="row">
            <button
              type="button"
              className="secondary"
              aria-pressed={videoEnabled}
              disabled={busy}
              onClick={() => update({ videoEnabled: !videoEnabled })}
            >
              {videoEnabled ? t("prejoin.turnCameraOff") : t("prejoin.turnCameraOn")}
            </button>
            <button
              type="button"
              className="secondary"
              aria-pressed={audioEnabled}
              disabled={busy}
              onClick={() => update({ audioEnabled: !audioEnabled })}
            >
              {audioEnabled ? t("prejoin.muteMicrophone") : t("prejoin.unmuteMicrophone")}
            </button>
          </div>
          <div
            className="meter"
            role="img"
            aria-label={t("prejoin.microphoneLevel")}
            title={t("prejoin.microphoneLevel")}
          >
            <div ref={meter} className="meter-fill" data-testid="mic-level" />
          </div>
        </div>
      ) : (
        <p className="muted">{t("prejoin.viewer")}</p>
      )}
      <div className="prejoin-side">
        {publishes ? (
          <div className="prejoin-pickers">
            <DevicePicker
              label={t("prejoin.camera")}
              numbered={(number) => t("prejoin.cameraNumber", { number })}
              devices={devices.cameras}
              value={videoTrack?.getSettings().deviceId ?? videoDeviceId}
              disabled={busy || !videoEnabled}
              onPick={(id) => update({ videoDeviceId: id })}
            />
            <DevicePicker
              label={t("prejoin.microphone")}
              numbered={(number) => t("prejoin.microphoneNumber", { number })}
              devices={devices.microphones}
              value={audioTrack?.getSettings().deviceId ?? audioDeviceId}
              disabled={busy || !audioEnabled}
              onPick={(id) => update({ audioDeviceId: id })}
            />
            <NoiseSuppressionToggle live={false} />
            <BackgroundPicker status={background.status} />
          </div>
        ) : null}
        {(Object.entries(problems) as [DeviceKind, DeviceProblem][]).map(([kind, problem]) => (
          <div key={kind} className="device-problem" role="alert" data-testid={`${kind}-problem`}>
            <p>{explainDeviceProblem(t, kind, problem)}</p>
            <div className="row">
              <button type="button" className="secondary" disabled={busy} onClick={() => setAttempt((n) => n + 1)}>
                {t("prejoin.tryAgain")}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => update(kind === "camera" ? { videoEnabled: false } : { audioEnabled: false })}
              >
                {kind === "camera" ? t("prejoin.joinWithoutCamera") : t("prejoin.joinWithoutMicrophone")}
              </button>
            </div>
          </div>
        ))}
        {knownName ? (
          <p>{t.rich("prejoin.joiningAs", { name: knownName, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        ) : (
          <div className="field">
            <label htmlFor={nameId}>{t("prejoin.yourName")}</label>
            <input
              id={nameId}
              value={choices.name}
              onChange={(e) => update({ name: e.target.value })}
              maxLength={64}
              required
              autoComplete="name"
            />
          </div>
        )}
        {encryption === "supported" ? (
          <p className="muted" data-testid="prejoin-e2ee">
            <span aria-hidden="true">🔒</span> {t("e2ee.prejoinOn")}
          </p>
        ) : null}
        {encryption === "checking" ? <p className="muted">{t("e2ee.checking")}</p> : null}
        {encryption === "unsupported" ? (
          <p className="error" role="alert" data-testid="e2ee-unsupported">
            {t("e2ee.unsupported")}
          </p>
        ) : null}
        <FormError message={error} />
        <button type="submit" disabled={busy || !name.trim() || blockedByEncryption}>
          {busy ? t("prejoin.joining") : t("prejoin.join")}
        </button>
        <p className="muted">{t.rich("prejoin.trouble", { check: () => <CheckConnectionLink /> })}</p>
      </div>
    </form>
  );
}
