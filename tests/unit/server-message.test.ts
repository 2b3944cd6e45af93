import { describe, expect, it } from "vitest";
import { z } from "zod";
import { serverMessage } from "@/app/_components/meeting/server-message";

const schema = z.object({ kind: z.literal("ping"), n: z.number() });
const bytes = (text: string) => new TextEncoder().encode(text);

describe("messages from Parley's server in a meeting", () => {
  it("reads a message the server sent", () => {
    expect(serverMessage({ payload: bytes('{"kind":"ping","n":1}') }, schema)).toEqual({ kind: "ping", n: 1 });
  });

  it("ignores one a participant sent, however well formed", () => {
    expect(
      serverMessage({ payload: bytes('{"kind":"ping","n":1}'), from: { identity: "mallory" } }, schema),
    ).toBeNull();
  });

  it("ignores what is not JSON or not of the expected shape", () => {
    expect(serverMessage({ payload: bytes("not json") }, schema)).toBeNull();
    expect(serverMessage({ payload: bytes('{"kind":"pong","n":1}') }, schema)).toBeNull();
  });
});
