// `npm run db:backup` copies the live database while the app keeps writing to it, and the copy,
// restored as README.md says, is a working Parley with everything that was there.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Managed } from "../../scripts/lib/processes";
import { migrate, startNext, type AppEnv } from "../../scripts/lib/stack";
import { withDatabase } from "../support/database";
import { testStack } from "../support/config";
import { newMember } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { stack } from "../support/stack";

const run = promisify(execFile);
const WRITERS = 2;

type Written = { slug: string; name: string; sentAt: number; answeredAt: number };

/** Creates rooms through the app, `WRITERS` at a time, until `stop()`; every answered one is listed. */
function burstOfWrites(client: HttpClient) {
  const written: Written[] = [];
  let going = true;
  let counter = 0;
  const writer = async () => {
    while (going) {
      counter += 1;
      const sentAt = Date.now();
      const room = await client.createRoom(`Backup burst ${counter}`);
      written.push({ ...room, sentAt, answeredAt: Date.now() });
    }
  };
  const writers = Promise.all(Array.from({ length: WRITERS }, writer));
  return {
    written,
    async stop() {
      going = false;
      await writers;
    },
  };
}

let restored: Managed | undefined;
afterAll(async () => {
  await restored?.stop();
});

describe("backups", () => {
  it("a backup taken during a burst of writes holds every row written before it began, and a Parley restored from it serves them", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "parley-backup-"));
    const backupFile = path.join(folder, "parley-backup.db");
    const { client, user } = await newMember("Backup");
    const burst = burstOfWrites(client);
    while (burst.written.length < 20) await new Promise((resolve) => setTimeout(resolve, 50));

    const backupStarted = Date.now();
    const { stdout } = await run("npm", ["run", "-s", "db:backup", "--", backupFile], {
      env: { ...process.env, DATABASE_URL: `file:${stack.databaseFile}` },
    });
    const backupEnded = Date.now();
    // The app kept writing while the copy was made, and after.
    while (!burst.written.some((room) => room.sentAt > backupEnded))
      await new Promise((resolve) => setTimeout(resolve, 50));
    await burst.stop();
    expect(stdout).toMatch(/^Backed up .* to .*parley-backup\.db/);

    // Answered in the same millisecond the backup started is still answered before it: the
    // backup is a separate process started after this line.
    const before = burst.written.filter((room) => room.answeredAt <= backupStarted);
    const after = burst.written.filter((room) => room.sentAt > backupEnded);
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(after.length).toBeGreaterThan(0);
    const inLiveDatabase = withDatabase(
      (database) =>
        new Set(database.prepare("SELECT slug FROM Room WHERE ownerId = ?").pluck().all(user.id) as string[]),
    );
    for (const room of [...before, ...after]) expect(inLiveDatabase).toContain(room.slug);

    // Restore as README.md says: the copy becomes the database file of a stopped (here: new) app.
    const restoredFile = path.join(folder, "restored", "parley.db");
    mkdirSync(path.dirname(restoredFile));
    copyFileSync(backupFile, restoredFile);
    const port = testStack().spareAppPort;
    const env: AppEnv = {
      DATABASE_URL: `file:${restoredFile}`,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      LIVEKIT_URL: stack.livekitUrl,
      LIVEKIT_PUBLIC_URL: stack.livekitUrl.replace(/^http/, "ws"),
      LIVEKIT_API_KEY: stack.livekitKey,
      LIVEKIT_API_SECRET: stack.livekitSecret,
      LOG_LEVEL: "warn",
    };
    migrate(env); // as `npm start` does: a backup from an older version is brought up to date
    restored = await startNext("start", port, env, { logFile: path.join(folder, "restored-app.log") });

    const inBackup = withDatabase(
      (database) =>
        new Set(database.prepare("SELECT slug FROM Room WHERE ownerId = ?").pluck().all(user.id) as string[]),
      restoredFile,
    );
    for (const room of before)
      expect(inBackup, `room ${room.slug}, answered before the backup began`).toContain(room.slug);
    // A copy of the moment the backup began, not of the live file afterwards.
    for (const room of after) expect(inBackup).not.toContain(room.slug);

    // The restored Parley knows the person (same password) and serves their rooms.
    const visitor = new HttpClient(env.NEXTAUTH_URL);
    expect(await visitor.signIn(user.email, user.password)).toBe(true);
    for (const room of before) {
      const page = await visitor.request(`/r/${room.slug}`);
      expect(page.status, room.slug).toBe(200);
      expect(await page.text()).toContain(room.name);
    }
  }, 180_000);
});
