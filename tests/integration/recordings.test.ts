// Recording over HTTP against the real app, parley-recorder, livekit-server and ffmpeg: a host
// records a meeting (here one whose only participant sends no media, so the video is black and
// silent), the app composes it, and only the room's owner, co-hosts and admins may list, play or
// download it, each act in the audit log; everyone else gets 401, 403 or 404, guessed names too.
import { existsSync } from "node:fs";
import path from "node:path";
import type WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { select } from "../support/database";
import { hostWithRoom, newMember, signedInAdmin } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { joinMeeting } from "../support/livekit";
import { stack } from "../support/stack";

type Listing = { id: string; state: string; startedByName: string; durationMs: number | null; bytes: number | null };

let owner: HttpClient;
let ownerName: string;
let slug: string;
let recording: Listing;
const callers = {} as Record<
  "anonymous" | "guest" | "memberWithoutLink" | "participant" | "cohost" | "admin",
  HttpClient
>;
const sockets: WebSocket[] = [];

afterAll(() => sockets.forEach((socket) => socket.close()));

const list = (client: HttpClient) => client.json<{ recordings: Listing[] }>(`/api/rooms/${slug}/recordings`);
const video = (id: string, room = slug) => `/api/rooms/${room}/recordings/${id}/video`;
const audits = (action: string) =>
  select<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "AuditEntry" WHERE "action" = ? AND "targetId" = ?`,
    action,
    recording.id,
  )[0]!.n;

beforeAll(async () => {
  const made = await hostWithRoom("Recorded", "Rec owner");
  owner = made.host;
  ownerName = made.user.name;
  slug = made.room.slug;
  // Guests come straight in (no waiting room), as the callers below need.
  expect(
    (await owner.request(`/api/rooms/${slug}/settings`, { method: "PATCH", json: { waitingRoom: "NOBODY" } })).status,
  ).toBe(200);
  callers.anonymous = new HttpClient();
  callers.memberWithoutLink = (await newMember("Rec member")).client;
  callers.participant = (await newMember("Rec participant")).client;
  expect(
    (await callers.participant.redeem((await owner.createInvite(slug, { role: "participant" })).token)).status,
  ).toBe(200);
  callers.cohost = (await newMember("Rec cohost")).client;
  expect((await callers.cohost.redeem((await owner.createInvite(slug, { role: "cohost" })).token)).status).toBe(200);
  callers.guest = new HttpClient();
  expect(
    (await callers.guest.redeem((await owner.createInvite(slug, { role: "participant" })).token, "Rec guest")).status,
  ).toBe(200);
  callers.admin = (await signedInAdmin()).client;

  // The owner is in the meeting (which opens the room on LiveKit) and records two seconds of it.
  const { body: credentials } = await owner.json<{ token: string; recordable?: boolean }>(`/api/rooms/${slug}/token`, {
    method: "POST",
  });
  // The meeting page shows hosts the Record button only when the server says it can record.
  expect(credentials.recordable).toBe(true);
  sockets.push((await joinMeeting(credentials.token)).socket);
  const started = await owner.request(`/api/rooms/${slug}/recording`, { method: "POST" });
  expect(started.status, await started.clone().text()).toBe(201);
  // A second start while it runs is refused; a participant may not stop it.
  expect(
    (await owner.json<{ error: { code: string } }>(`/api/rooms/${slug}/recording`, { method: "POST" })).body.error.code,
  ).toBe("already_recording");
  expect((await callers.participant.request(`/api/rooms/${slug}/recording`, { method: "DELETE" })).status).toBe(403);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect((await owner.request(`/api/rooms/${slug}/recording`, { method: "DELETE" })).status).toBe(200);

  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await list(owner);
    recording = body.recordings[0]!;
    if (recording.state === "READY" || recording.state === "FAILED" || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 120_000);

describe("a recorded meeting", () => {
  it("is composed into a video as long as the recording, listed with who started it", () => {
    expect(recording).toMatchObject({ state: "READY", startedByName: ownerName });
    expect(recording.durationMs).toBeGreaterThan(2000);
    expect(recording.durationMs).toBeLessThan(6000);
    expect(recording.bytes).toBeGreaterThan(1000);
  });

  it("starting and stopping it are in the audit log", () => {
    expect(audits("recording.start")).toBe(1);
    expect(audits("recording.stop")).toBe(1);
  });

  it("plays in byte ranges for the owner, and counts one viewing from its start", async () => {
    const before = audits("recording.play");
    const whole = await owner.request(video(recording.id));
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes.length).toBe(recording.bytes);
    expect(bytes.subarray(4, 8).toString()).toBe("ftyp");

    const middle = await owner.request(video(recording.id), { headers: { range: "bytes=100-199" } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe(`bytes 100-199/${recording.bytes}`);
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(bytes.subarray(100, 200));
    const beyond = await owner.request(video(recording.id), { headers: { range: `bytes=${recording.bytes}-` } });
    expect(beyond.status).toBe(416);
    expect(audits("recording.play")).toBe(before + 1);
  });

  it("downloads as an attachment for co-hosts and admins, each download in the audit log", async () => {
    const before = audits("recording.download");
    for (const client of [callers.cohost, callers.admin]) {
      const response = await client.request(`${video(recording.id)}?download=1`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect((await response.arrayBuffer()).byteLength).toBe(recording.bytes);
    }
    expect(audits("recording.download")).toBe(before + 2);
  });

  it("is listed for the owner, co-hosts and admins only", async () => {
    for (const client of [owner, callers.cohost, callers.admin]) {
      const { status, body } = await list(client);
      expect(status).toBe(200);
      expect(body.recordings.map((listed) => listed.id)).toEqual([recording.id]);
    }
    expect((await list(callers.anonymous)).status).toBe(401);
    for (const client of [callers.guest, callers.memberWithoutLink, callers.participant])
      expect((await list(client)).status).toBe(403);
  });

  it("cannot be played or downloaded by anyone else, nor found by guessing", async () => {
    const downloads = audits("recording.download") + audits("recording.play");
    expect((await callers.anonymous.request(video(recording.id))).status).toBe(401);
    for (const client of [callers.guest, callers.memberWithoutLink, callers.participant]) {
      expect((await client.request(video(recording.id))).status).toBe(403);
      expect((await client.request(`${video(recording.id)}?download=1`)).status).toBe(403);
    }
    // Guessed ids and file names, even by the owner: 404 (or 400 for what cannot be an id).
    for (const guess of ["recording.mp4", "manifest.json", `${recording.id}x`, "..%2F..%2Fparley.db", "%2E%2E"])
      expect([400, 404]).toContain((await owner.request(video(guess))).status);
    // The same recording through another room the caller owns: 404.
    const other = await owner.createRoom("Not the recorded one");
    expect((await owner.request(video(recording.id, other.slug))).status).toBe(404);
    expect(audits("recording.download") + audits("recording.play")).toBe(downloads);
  });

  it("is refused in an end-to-end encrypted room, whose media the server must not read", async () => {
    const encrypted = await owner.createRoom("Encrypted");
    const switched = await owner.request(`/api/rooms/${encrypted.slug}/settings`, {
      method: "PATCH",
      json: { e2ee: true },
    });
    expect(switched.status).toBe(200);
    // No Record button in the meeting: the server does not offer it...
    const { body: credentials } = await owner.json<{ recordable?: boolean }>(`/api/rooms/${encrypted.slug}/token`, {
      method: "POST",
    });
    expect(credentials).not.toHaveProperty("recordable");
    // ...and refuses it when asked anyway.
    const refused = await owner.json<{ error: { code: string } }>(`/api/rooms/${encrypted.slug}/recording`, {
      method: "POST",
    });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "recording_encrypted" } } });
    expect(
      (await owner.json<{ recordings: unknown[] }>(`/api/rooms/${encrypted.slug}/recordings`)).body.recordings,
    ).toEqual([]);
  });

  // Last: it deletes the recording the others read.
  it("is deleted by a co-host only, files and all, in the audit log; nobody else may, through any room", async () => {
    const remove = (client: HttpClient, room = slug, id = recording.id) =>
      client.request(`/api/rooms/${room}/recordings/${id}`, { method: "DELETE" });
    const folder = path.join(stack.recordingsDir, recording.id);
    expect(existsSync(path.join(folder, "recording.mp4"))).toBe(true);

    expect((await remove(callers.anonymous)).status).toBe(401);
    for (const client of [callers.guest, callers.memberWithoutLink, callers.participant])
      expect((await remove(client)).status).toBe(403);
    const other = await owner.createRoom("Not the recorded one either");
    expect((await remove(owner, other.slug)).status).toBe(404);
    expect((await list(owner)).body.recordings).toHaveLength(1);
    expect(audits("recording.delete")).toBe(0);

    expect((await remove(callers.cohost)).status).toBe(200);
    expect((await list(owner)).body.recordings).toEqual([]);
    expect(existsSync(folder)).toBe(false);
    expect((await owner.request(video(recording.id))).status).toBe(404);
    expect(audits("recording.delete")).toBe(1);
    // Gone is gone: again is a 404, and is not logged again.
    expect((await remove(owner)).status).toBe(404);
    expect(audits("recording.delete")).toBe(1);
  });
});
