import { describe, expect, it } from "vitest";
import { signedUp } from "../support/factories";
import { HttpClient } from "../support/http-client";

type Room = { slug: string; name: string };
type ErrorBody = { error: { code: string; message: string } };

describe("rooms", () => {
  it("need a signed-in user to create or list", async () => {
    const anonymous = new HttpClient();
    for (const method of ["GET", "POST"]) {
      const { status, body } = await anonymous.json<ErrorBody>("/api/rooms", {
        method,
        ...(method === "POST" ? { json: {} } : {}),
      });
      expect(status, method).toBe(401);
      expect(body.error.code).toBe("unauthenticated");
    }
  });

  it("are created with an unguessable code and listed for their owner only", async () => {
    const { client: owner, user: ownerUser } = await signedUp("Owner");
    const named = await owner.createRoom("Weekly review");
    const unnamed = await owner.createRoom();
    expect(named.slug).toMatch(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(named.name).toBe("Weekly review");
    expect(unnamed.name).toBe(`${ownerUser.name}'s meeting`);

    const list = await owner.json<{ rooms: Room[] }>("/api/rooms");
    expect(list.body.rooms.map((room) => room.slug)).toEqual([unnamed.slug, named.slug]);

    const { client: other } = await signedUp("Other");
    const theirs = await other.json<{ rooms: Room[] }>("/api/rooms");
    expect(theirs.body.rooms).toEqual([]);
  });

  it("refuse bad names and unknown fields with 400, creating nothing", async () => {
    const { client } = await signedUp("Picky");
    for (const json of [
      { name: "x".repeat(81) },
      { name: 42 },
      { name: "ok", slug: "abc-defg-hij" },
      { name: "bell\u0007" },
    ]) {
      const { status, body } = await client.json<ErrorBody>("/api/rooms", { method: "POST", json });
      expect(status, JSON.stringify(json)).toBe(400);
      expect(body.error.code).toBe("invalid_request");
    }
    const list = await client.json<{ rooms: Room[] }>("/api/rooms");
    expect(list.body.rooms).toEqual([]);
  });
});
