import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchJoinCredentials } from "@/app/_components/meeting/join-credentials";

function respond(status: number, body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status })));
}

afterEach(() => vi.unstubAllGlobals());

describe("joining from the meeting page", () => {
  it("passes the credentials through", async () => {
    respond(200, { serverUrl: "ws://x", token: "t", room: { slug: "kfp-xqzt-mwe", name: "Standup" } });
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toEqual({ ok: true, credentials: { serverUrl: "ws://x", token: "t", room: { slug: "kfp-xqzt-mwe", name: "Standup" } } });
  });

  it("offers a retry, and the connection check, when the meeting service is down", async () => {
    respond(503, { error: { code: "livekit_unavailable", message: "The meeting service can't be reached right now." } });
    expect(await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" })).toEqual({
      ok: false,
      problem: { title: "Meeting service unavailable", message: "The meeting service can't be reached right now.", retry: true, network: true },
    });
  });

  it("does not offer a retry for an ended meeting", async () => {
    respond(410, { error: { code: "room_ended", message: "This meeting has ended." } });
    const result = await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.retry).toBe(false);
  });

  it("says so when Parley itself cannot be reached", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    const result = await fetchJoinCredentials({ kind: "room", slug: "kfp-xqzt-mwe" });
    expect(result).toMatchObject({ ok: false, problem: { title: "You're offline", retry: true, network: true } });
  });
});
