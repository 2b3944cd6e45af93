import "server-only";
import { readdir, stat, statfs } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";

// The space recordings take and the space left beside them, for admins (issue: a full disk stops
// recordings, so those who run the server should see it coming).

export type RecordingsStorage = {
  /** Bytes of every file under RECORDINGS_DIR: composed videos, and tracks not composed yet. */
  usedBytes: number;
  /** Bytes free to an unprivileged writer on the disk that holds RECORDINGS_DIR. */
  freeBytes: number;
  /** The disk's size in bytes. */
  totalBytes: number;
};

async function bytesUnder(folder: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return 0; // nothing recorded yet: the folder is made by the first recording
  }
  let total = 0;
  for (const entry of entries) {
    const inside = path.join(folder, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(inside);
    else if (entry.isFile())
      total += await stat(inside).then(
        (info) => info.size,
        () => 0,
      );
  }
  return total;
}

/** The nearest folder that exists, from RECORDINGS_DIR up: where the disk is asked about. */
async function existingFolder(folder: string): Promise<string> {
  for (let current = folder; ; current = path.dirname(current)) {
    if (
      await stat(current).then(
        (info) => info.isDirectory(),
        () => false,
      )
    )
      return current;
    if (path.dirname(current) === current) return current;
  }
}

export async function recordingsStorage(recordingsDir = env().RECORDINGS_DIR): Promise<RecordingsStorage> {
  const folder = path.resolve(recordingsDir);
  const disk = await statfs(await existingFolder(folder));
  return {
    usedBytes: await bytesUnder(folder),
    freeBytes: disk.bavail * disk.bsize,
    totalBytes: disk.blocks * disk.bsize,
  };
}

const COMPOSING_HEADROOM_BYTES = 16 * 1024 * 1024;

/**
 * Whether the disk has room to compose the recording in `folder`: twice what its tracks take (the
 * composed video came to less than its tracks in every recording measured), plus some headroom.
 */
export async function roomToCompose(folder: string): Promise<boolean> {
  const disk = await statfs(folder);
  return disk.bavail * disk.bsize >= 2 * (await bytesUnder(folder)) + COMPOSING_HEADROOM_BYTES;
}
