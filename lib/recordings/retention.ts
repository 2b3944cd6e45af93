import "server-only";
import { rm } from "node:fs/promises";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { recordingFolder } from "./files";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the recordings older than RECORDINGS_RETENTION_DAYS (their files, then their rows);
 * ones still being recorded or composed wait for their turn. How many it deleted.
 */
export async function deleteExpiredRecordings(now = new Date()): Promise<number> {
  const days = env().RECORDINGS_RETENTION_DAYS;
  if (!days) return 0;
  const expired = await db.recording.findMany({
    where: { startedAt: { lt: new Date(now.getTime() - days * DAY_MS) }, state: { in: ["READY", "FAILED"] } },
    select: { id: true },
  });
  for (const { id } of expired) {
    await rm(recordingFolder(id), { recursive: true, force: true });
    await db.recording.delete({ where: { id } });
  }
  if (expired.length > 0) logger.info("recordings_expired", { count: expired.length, days });
  return expired.length;
}

const EVERY_MS = 60 * 60 * 1000;
let lastRun = 0;

/** deleteExpiredRecordings at most once an hour (called with each reconciliation pass). */
export async function deleteExpiredRecordingsHourly(now = Date.now()): Promise<void> {
  if (now - lastRun < EVERY_MS) return;
  lastRun = now;
  await deleteExpiredRecordings(new Date(now));
}
