// Deleting recordings, counting their space and reading how they ended, through lib/ on a database
// and a recordings folder of this file's own (the HTTP side, with the recorder and ffmpeg, is
// ./recordings.test.ts). No recorder runs here: to lib/, it cannot be reached.
import { existsSync, mkdirSync, mkdtempSync, statfsSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

const recordingsDir = path.join(mkdtempSync(path.join(tmpdir(), "parley-recordings-")), "recordings");
vi.stubEnv("RECORDINGS_DIR", recordingsDir);

const { db } = await import("@/lib/db");
const { checkRecording, deleteRecording, reconcileRecordings } = await import("@/lib/recordings/recordings");
const { composingSettled } = await import("@/lib/recordings/compose");
const { recordingsStorage } = await import("@/lib/recordings/storage");
const { findRoomBySlug } = await import("@/lib/rooms/rooms");
const { generateSlug } = await import("@/lib/rooms/slug");

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}`;

async function roomWithOwner() {
  const owner = await db.user.create({ data: { name: unique("Owner"), email: `${unique("o")}@example.org` } });
  const created = await db.room.create({ data: { slug: generateSlug(), name: unique("Room"), ownerId: owner.id } });
  return { owner: { ...owner, role: owner.role }, room: await findRoomBySlug(created.slug) };
}

type State = "RECORDING" | "STOPPED" | "INTERRUPTED" | "COMPOSING" | "READY" | "FAILED";

/** A recording row in `state`, and a folder with a file of `bytes` bytes, as the recorder leaves one. */
async function recordingIn(roomId: string, ownerId: string, state: State, bytes = 1000) {
  const recording = await db.recording.create({
    data: { roomId, state, startedById: ownerId, startedByName: "Owner" },
  });
  mkdirSync(path.join(recordingsDir, recording.id), { recursive: true });
  writeFileSync(path.join(recordingsDir, recording.id, "track.ivf"), Buffer.alloc(bytes));
  return recording;
}

const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => "none",
    (error: { code?: string }) => error.code,
  );

describe("deleting a recording", () => {
  it("is refused while it is being recorded or put together, and keeps its files", async () => {
    const { owner, room } = await roomWithOwner();
    for (const state of ["RECORDING", "COMPOSING"] as const) {
      const recording = await recordingIn(room.id, owner.id, state);
      expect(await errorCode(deleteRecording(owner, room, recording.id))).toBe("recording_busy");
      expect(await db.recording.count({ where: { id: recording.id } })).toBe(1);
      expect(existsSync(path.join(recordingsDir, recording.id, "track.ivf"))).toBe(true);
    }
  });

  it("removes the row, the folder and writes the audit entry once it is done, failed or broke off", async () => {
    const { owner, room } = await roomWithOwner();
    for (const state of ["STOPPED", "INTERRUPTED", "READY", "FAILED"] as const) {
      const recording = await recordingIn(room.id, owner.id, state);
      await deleteRecording(owner, room, recording.id);
      expect(await db.recording.count({ where: { id: recording.id } })).toBe(0);
      expect(existsSync(path.join(recordingsDir, recording.id))).toBe(false);
      expect(await db.auditEntry.count({ where: { action: "recording.delete", targetId: recording.id } })).toBe(1);
    }
  });

  it("is a 404 for another room's recording, which stays", async () => {
    const first = await roomWithOwner();
    const second = await roomWithOwner();
    const recording = await recordingIn(second.room.id, second.owner.id, "READY");
    expect(await errorCode(deleteRecording(first.owner, first.room, recording.id))).toBe("not_found");
    expect(await db.recording.count({ where: { id: recording.id } })).toBe(1);
  });
});

describe("the space recordings take", () => {
  it("counts every file under the folder, and the disk's free space beside it", async () => {
    const before = await recordingsStorage();
    const { owner, room } = await roomWithOwner();
    await recordingIn(room.id, owner.id, "READY", 250_000);
    await recordingIn(room.id, owner.id, "STOPPED", 50_000);
    const after = await recordingsStorage();
    expect(after.usedBytes - before.usedBytes).toBe(300_000);
    const disk = statfsSync(recordingsDir);
    expect(after.totalBytes).toBe(disk.blocks * disk.bsize);
    expect(after.freeBytes).toBeGreaterThan(0);
    expect(after.freeBytes).toBeLessThanOrEqual(after.totalBytes);
  });

  it("is nothing, with the disk still measured, before the first recording made the folder", async () => {
    const storage = await recordingsStorage(path.join(recordingsDir, "not-made-yet", "recordings"));
    expect(storage.usedBytes).toBe(0);
    expect(storage.totalBytes).toBeGreaterThan(0);
  });
});

describe("a recording whose recorder is gone", () => {
  const withManifest = async (manifest: Record<string, unknown>) => {
    const { owner, room } = await roomWithOwner();
    const recording = await recordingIn(room.id, owner.id, "RECORDING");
    writeFileSync(
      path.join(recordingsDir, recording.id, "manifest.json"),
      JSON.stringify({ id: recording.id, startedAt: Date.now() - 5_000, tracks: [], ...manifest }),
    );
    await checkRecording(recording.id);
    await composingSettled();
    return db.recording.findUniqueOrThrow({ where: { id: recording.id } });
  };

  it("broke off for a full disk when its manifest says so, and what was written is still composed", async () => {
    const ended = await withManifest({ state: "failed", error: "the disk is full", stoppedAt: Date.now() });
    expect(ended.problem).toBe("the disk is full");
    expect(ended.state).toBe("READY");
    expect(ended.stoppedByName).toBeNull();
  });

  it("broke off when its manifest never got its end, and says the recorder stopped", async () => {
    const ended = await withManifest({ state: "recording" });
    expect(ended.problem).toBe("the recorder stopped during the recording");
    expect(ended.state).toBe("READY");
  });
});

describe("a recording that waits for room on a full disk", () => {
  it("is put together by reconciliation once the disk has room for it, and not before", async () => {
    const { owner, room } = await roomWithOwner();
    const recording = await recordingIn(room.id, owner.id, "FAILED");
    await db.recording.update({
      where: { id: recording.id },
      data: { problem: "the disk is full", composingProblem: "the disk is full" },
    });
    const folder = path.join(recordingsDir, recording.id);
    writeFileSync(
      path.join(folder, "manifest.json"),
      JSON.stringify({
        id: recording.id,
        state: "failed",
        error: "the disk is full",
        startedAt: Date.now() - 5_000,
        stoppedAt: Date.now(),
        tracks: [],
      }),
    );
    // Its tracks take as much as the disk has free (a sparse file: it takes no real space), so
    // composing them would not fit.
    const disk = statfsSync(recordingsDir);
    truncateSync(path.join(folder, "track.ivf"), disk.bavail * disk.bsize);
    await reconcileRecordings();
    await composingSettled();
    expect(await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).toMatchObject({
      state: "FAILED",
      composingProblem: "the disk is full",
    });

    truncateSync(path.join(folder, "track.ivf"), 1000);
    await reconcileRecordings();
    await composingSettled();
    expect(await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).toMatchObject({
      state: "READY",
      composingProblem: null,
      problem: "the disk is full",
    });
  });

  it("is not tried again when composing failed for another reason", async () => {
    const { owner, room } = await roomWithOwner();
    const recording = await recordingIn(room.id, owner.id, "FAILED");
    await db.recording.update({ where: { id: recording.id }, data: { composingProblem: "ffmpeg exited with 1" } });
    writeFileSync(
      path.join(recordingsDir, recording.id, "manifest.json"),
      JSON.stringify({
        id: recording.id,
        state: "stopped",
        startedAt: Date.now() - 5_000,
        stoppedAt: Date.now(),
        tracks: [],
      }),
    );
    await reconcileRecordings();
    await composingSettled();
    expect((await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).state).toBe("FAILED");
  });
});
