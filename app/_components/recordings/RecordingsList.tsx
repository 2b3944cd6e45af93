// A room's recordings on its history page: who started each, how long and how large it is, and,
// once composed, a player and a download; a delete unless it is still being made. For the room's
// owner, co-hosts and admins.
import { getFormatter, getTranslations } from "next-intl/server";
import type { RecordingListing } from "@/lib/recordings/recordings";
import { isDiskFull } from "@/lib/recordings/rules";
import { ClientMessages } from "../ClientMessages";
import { when } from "../format";
import { DeleteRecordingButton } from "./DeleteRecordingButton";
import { RefreshWhilePending } from "./RefreshWhilePending";

const PENDING = new Set<RecordingListing["state"]>(["RECORDING", "STOPPED", "INTERRUPTED", "COMPOSING"]);

const clock = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const hours = Math.floor(seconds / 3600);
  const rest = `${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
};

export async function RecordingsList({ slug, recordings }: { slug: string; recordings: RecordingListing[] }) {
  const t = await getTranslations("history.recordings");
  const format = await getFormatter();
  return (
    <ClientMessages namespaces={["history.recordings"]}>
      <section className="card" data-testid="recordings">
        <h2>{t("title")}</h2>
        {recordings.length === 0 ? <p className="muted">{t("none")}</p> : null}
        {recordings.some((recording) => PENDING.has(recording.state)) ? <RefreshWhilePending /> : null}
        {recordings.map((recording) => {
          const video = `/api/rooms/${slug}/recordings/${recording.id}/video`;
          return (
            <article key={recording.id} className="recording" data-testid="recording" data-state={recording.state}>
              <h3>{when(format, recording.startedAt)}</h3>
              <p>
                {t("startedBy", { name: recording.startedByName })}
                {recording.durationMs !== null ? (
                  <>
                    {" · "}
                    <span data-testid="recording-duration" data-ms={recording.durationMs}>
                      {clock(recording.durationMs)}
                    </span>
                  </>
                ) : null}
                {recording.bytes !== null ? (
                  <>
                    {" · "}
                    <span data-testid="recording-size" data-bytes={recording.bytes}>
                      {t("megabytes", {
                        size: format.number(recording.bytes / 1_000_000, { maximumFractionDigits: 1 }),
                      })}
                    </span>
                  </>
                ) : null}
              </p>
              <p className="muted" data-testid="recording-state">
                {recording.state === "COMPOSING" && recording.progress !== null
                  ? t("composingProgress", { share: recording.progress })
                  : recording.state === "FAILED" && isDiskFull(recording.composingProblem)
                    ? t("waitingForSpace")
                    : t(`state.${recording.state}`)}
              </p>
              {isDiskFull(recording.problem) ? (
                <p className="muted" data-testid="recording-problem">
                  {t("diskFull")}
                </p>
              ) : null}
              {recording.state === "READY" ? (
                <>
                  <video controls preload="metadata" src={video} className="recording-player" />
                  <p>
                    <a className="button secondary" href={`${video}?download=1`} download>
                      {t("download")}
                    </a>
                  </p>
                </>
              ) : null}
              {recording.state !== "RECORDING" && recording.state !== "COMPOSING" ? (
                <p>
                  <DeleteRecordingButton slug={slug} recordingId={recording.id} />
                </p>
              ) : null}
            </article>
          );
        })}
      </section>
    </ClientMessages>
  );
}
