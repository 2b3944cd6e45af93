// The retention setting through lib/, on a database and a recordings folder of this file's own.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createAccount } from "@/lib/accounts/accounts";
import { db } from "@/lib/db";
import { deleteExpiredRecordings } from "@/lib/recordings/retention";
import { createRoom } from "@/lib/rooms/rooms";
import { TEST_PASSWORD } from "../support/factories";

// Before any lib/ code reads the environment.
const dir = mkdtempSync(path.join(tmpdir(), "parley-retention-"));
vi.stubEnv("RECORDINGS_DIR", dir);
vi.stubEnv("RECORDINGS_RETENTION_DAYS", "30");

const DAY = 24 * 60 * 60 * 1000;

describe("recordings older than RECORDINGS_RETENTION_DAYS", () => {
  it("are deleted with their files; younger ones, and ones not finished, are kept", async () => {
    const owner = await createAccount({ name: "Keeper", email: "keeper@example.org", password: TEST_PASSWORD });
    const { slug } = await createRoom(owner, "Kept");
    const room = await db.room.findUniqueOrThrow({ where: { slug } });
    const now = new Date("2026-12-01T12:00:00Z");
    const made = async (daysAgo: number, state: "READY" | "FAILED" | "RECORDING" | "COMPOSING") => {
      const { id } = await db.recording.create({
        data: {
          roomId: room.id,
          state,
          startedById: owner.id,
          startedByName: owner.name,
          startedAt: new Date(now.getTime() - daysAgo * DAY),
        },
      });
      mkdirSync(path.join(dir, id));
      writeFileSync(path.join(dir, id, "recording.mp4"), "not really a video");
      return id;
    };
    const old = await made(31, "READY");
    const oldFailed = await made(45, "FAILED");
    const young = await made(29, "READY");
    const stillComposing = await made(40, "COMPOSING");

    expect(await deleteExpiredRecordings(now)).toBe(2);
    const left = (await db.recording.findMany({ select: { id: true } })).map((row) => row.id).sort();
    expect(left).toEqual([young, stillComposing].sort());
    expect(existsSync(path.join(dir, old))).toBe(false);
    expect(existsSync(path.join(dir, oldFailed))).toBe(false);
    expect(existsSync(path.join(dir, young, "recording.mp4"))).toBe(true);
    expect(await deleteExpiredRecordings(now)).toBe(0);
  });
});
