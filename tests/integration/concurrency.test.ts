// Many people at once against one app process and one SQLite file: token requests (reads, and
// LiveKit's CreateRoom) while rooms are being created (writes).
import { readFileSync, statSync } from "node:fs";
import { TokenVerifier } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { select } from "../support/database";
import { newMember } from "../support/factories";
import { stack } from "../support/stack";

type Credentials = { token: string; room: { slug: string } };

const TOKEN_REQUESTS = 200;
const ROOM_CREATIONS = 50;

describe("under concurrent load", () => {
  it(`answers ${TOKEN_REQUESTS} token requests and ${ROOM_CREATIONS} room creations at once without an error, and keeps every room`, async () => {
    const logStart = statSync(stack.appLog).size;
    // Five rooms with a host each, and twenty members who join them.
    const hosts = await Promise.all(Array.from({ length: 5 }, () => newMember("Host")));
    const rooms = await Promise.all(hosts.map(({ client }, i) => client.createRoom(`Busy room ${i}`)));
    const members = await Promise.all(Array.from({ length: 20 }, () => newMember("Member")));
    const creator = await newMember("Creator");

    const tokenRequests = Array.from({ length: TOKEN_REQUESTS }, (_, i) => {
      const { client, user } = members[i % members.length]!;
      const room = rooms[i % rooms.length]!;
      return client
        .json<Credentials>(`/api/rooms/${room.slug}/token`, { method: "POST" })
        .then((answer) => ({ ...answer, user, room }));
    });
    const creations = Array.from({ length: ROOM_CREATIONS }, (_, i) =>
      creator.client.json<{ room: { slug: string; name: string } }>("/api/rooms", {
        method: "POST",
        json: { name: `Burst ${i}` },
      }),
    );
    const [tokens, created] = await Promise.all([Promise.all(tokenRequests), Promise.all(creations)]);

    expect(tokens.map(({ status }) => status)).toEqual(Array(TOKEN_REQUESTS).fill(200));
    const verifier = new TokenVerifier(stack.livekitKey, stack.livekitSecret);
    for (const { body, user, room } of tokens) {
      const claims = await verifier.verify(body.token);
      expect(claims.sub).toBe(user.id);
      expect(claims.video?.room).toBe(room.slug);
    }
    // Every room was opened on the media server.
    const open = await stack.roomService().listRooms(rooms.map(({ slug }) => slug));
    expect(open.map(({ name }) => name).sort()).toEqual(rooms.map(({ slug }) => slug).sort());

    expect(created.map(({ status }) => status)).toEqual(Array(ROOM_CREATIONS).fill(201));
    const slugs = created.map(({ body }) => body.room.slug);
    expect(new Set(slugs).size).toBe(ROOM_CREATIONS);
    // Every room is there afterwards: in the creator's list and in the database.
    const { body: listed } = await creator.client.json<{ rooms: { slug: string; name: string }[] }>("/api/rooms");
    expect(listed.rooms.map(({ slug }) => slug).sort()).toEqual([...slugs].sort());
    const stored = select<{ slug: string; name: string }>(
      `SELECT "slug", "name" FROM "Room" WHERE "slug" IN (${slugs.map(() => "?").join(",")})`,
      ...slugs,
    );
    expect(stored.map(({ name }) => name).sort()).toEqual(
      Array.from({ length: ROOM_CREATIONS }, (_, i) => `Burst ${i}`).sort(),
    );

    // Nothing went wrong underneath either: the app logged no busy database. (Other test files
    // run at the same time and provoke errors of their own on purpose, so only this is checked.)
    const log = readFileSync(stack.appLog, "utf8").slice(logStart);
    expect(log).not.toMatch(/SQLITE_BUSY|database is locked/i);
  }, 60_000);
});
