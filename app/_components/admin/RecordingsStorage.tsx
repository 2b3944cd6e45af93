// On the admin console: how much space the recordings take, and how much is left on their disk,
// with a warning when little is (a recording that runs out of space breaks off).
import { getFormatter, getTranslations } from "next-intl/server";
import { recordingEnabled } from "@/lib/recordings/recorder-client";
import { recordingsStorage } from "@/lib/recordings/storage";

const GB = 1_000_000_000;
// Under this, a long meeting may not fit: about two hours of a four-person recording's tracks.
const LOW_FREE_BYTES = 5 * GB;

export async function RecordingsStorage() {
  const storage = await recordingsStorage();
  if (!recordingEnabled() && storage.usedBytes === 0) return null;
  const t = await getTranslations("admin.storage");
  const format = await getFormatter();
  const size = (bytes: number) =>
    bytes >= GB
      ? format.number(bytes / GB, { style: "unit", unit: "gigabyte", maximumFractionDigits: 1 })
      : format.number(bytes / 1_000_000, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
  const low = storage.freeBytes < LOW_FREE_BYTES;
  return (
    <section
      className="card recordings-storage"
      data-testid="recordings-storage"
      aria-labelledby="recordings-storage-title"
    >
      <h2 id="recordings-storage-title">{t("title")}</h2>
      <p data-used-bytes={storage.usedBytes} data-free-bytes={storage.freeBytes}>
        {t("summary", {
          used: size(storage.usedBytes),
          free: size(storage.freeBytes),
          total: size(storage.totalBytes),
        })}
      </p>
      {low ? (
        <p className="error" role="alert">
          {t("low")}
        </p>
      ) : null}
    </section>
  );
}
