import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { showErrorWords } from "@/app/_components/error-words";
import { fetchJoinCredentials } from "@/app/_components/meeting/join-credentials";
import { CATALOGUES } from "@/lib/i18n/messages";

function respond(status: number, body: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("joining from the meeting page", () => {
  // The root layout hands the page's words over (ErrorWordsSource); here, English.
  beforeAll(() => showErrorWords(CATALOGUES.en.errors));

  it("passes the credentials through", async () => {
    respond(200, { serverUrl: "ws://x", token: "t", room: { slug: "kfp-xqzt-mwe", name: "Standup" } });
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toEqual({
      ok: true,
      credentials: { serverUrl: "ws://x", token: "t", room: { slug: "kfp-xqzt-mwe", name: "Standup" } },
    });
  });

  it("offers a retry when the meeting service is down", async () => {
    respond(503, {
      error: { code: "livekit_unavailable", message: "The meeting service can't be reached right now." },
    });
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toEqual({
      ok: false,
      problem: {
        title: "Meeting service unavailable",
        message: "The meeting service can't be reached right now.",
        retry: true,
        code: "livekit_unavailable",
      },
    });
  });

  it("does not offer a retry for an ended meeting", async () => {
    respond(410, { error: { code: "room_ended", message: "This meeting has ended." } });
    const result = await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.retry).toBe(false);
  });

  it("names the refusal by its code, and lets a full room be tried again", async () => {
    respond(403, { error: { code: "room_full", message: "This meeting is full (2 people)." } });
    expect(await fetchJoinCredentials({ kind: "invite", token: "t" }, "Ann")).toEqual({
      ok: false,
      problem: {
        title: "This meeting is full",
        message: "This meeting is full (2 people).",
        retry: true,
        code: "room_full",
      },
    });
    respond(403, { error: { code: "guests_no_longer_allowed", message: "This meeting no longer admits guests." } });
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toMatchObject({
      ok: false,
      problem: { title: "Guests can't join this meeting", retry: false },
    });
  });

  it("lets a removed person try again by hand: a host may let them back in", async () => {
    respond(403, {
      error: { code: "removed", message: "Anna removed you from this meeting. A host can let you back in." },
    });
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toEqual({
      ok: false,
      problem: {
        title: "You were removed from this meeting",
        message: "Anna removed you from this meeting. A host can let you back in.",
        retry: true,
        code: "removed",
      },
    });
  });

  it("speaks of the meeting where the code is general", async () => {
    respond(404, { error: { code: "not_found", message: "This meeting does not exist." } });
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toMatchObject({
      ok: false,
      problem: { title: "No such meeting", retry: false },
    });
    respond(401, { error: { code: "unauthenticated", message: "Sign in, or open the invite link you were sent." } });
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toMatchObject({
      ok: false,
      problem: { title: "Sign in to join", retry: false },
    });
  });

  it("lets the caller fix what they typed", async () => {
    respond(400, { error: { code: "name_required", message: "Enter your name to join." } });
    expect(await fetchJoinCredentials({ kind: "invite", token: "t" })).toEqual({
      ok: false,
      problem: {
        title: "Check your details",
        message: "Enter your name to join.",
        retry: true,
        fixable: true,
        code: "name_required",
      },
    });
  });

  it("offers a retry when the answer is not Parley's error shape", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>Bad gateway</html>", { status: 502 })),
    );
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toEqual({
      ok: false,
      problem: { title: "Couldn't join", message: "Something went wrong. Try again.", retry: true, code: "internal" },
    });
  });

  it("hands the page the code of a refusal it handles itself (the waiting room), and lets a locked room be tried again", async () => {
    respond(403, { error: { code: "waiting_room", message: "Waiting for the host to let you in." } });
    expect(await fetchJoinCredentials({ kind: "invite", token: "t".repeat(43) }, "Gina")).toEqual({
      ok: false,
      problem: {
        title: "Waiting for the host to let you in",
        message: "Waiting for the host to let you in.",
        retry: false,
        code: "waiting_room",
      },
    });
    respond(403, { error: { code: "room_locked", message: "This meeting is locked." } });
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toMatchObject({
      ok: false,
      problem: { title: "This meeting is locked", retry: true, code: "room_locked" },
    });
  });

  it("says so when Parley itself cannot be reached", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const result = await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" });
    expect(result).toMatchObject({ ok: false, problem: { title: "You're offline", retry: true } });
  });
});
