// A stand-in for LiveKit's room API (the two Twirp calls reconciliation makes), answering with
// the meetings a seeded database says are going on. A real livekit-server with nobody connected
// would report no rooms, and the app's first reconciliation would end every seeded meeting.
import { createServer, type Server } from "node:http";
import Database from "better-sqlite3";

type Participant = { sid: string; identity: string; name: string; kind: "MEMBER" | "GUEST"; joinedAt: string };
type LiveRoom = { sid: string; name: string; creationTime: string; participants: Participant[] };

function liveRoomsIn(file: string): Map<string, LiveRoom> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const rows = sqlite
      .prepare(
        `SELECT r.slug, m.livekitRoomSid AS roomSid, m.startedAt, a.participantSid, a.identity, a.name, a.kind, a.joinedAt
         FROM Meeting m JOIN Room r ON r.id = m.roomId JOIN Attendance a ON a.meetingId = m.id AND a.leftAt IS NULL
         WHERE m.endedAt IS NULL`,
      )
      .all() as {
      slug: string;
      roomSid: string;
      startedAt: string;
      participantSid: string;
      identity: string;
      name: string;
      kind: "MEMBER" | "GUEST";
      joinedAt: string;
    }[];
    const rooms = new Map<string, LiveRoom>();
    for (const row of rows) {
      const room = rooms.get(row.slug) ?? {
        sid: row.roomSid,
        name: row.slug,
        creationTime: seconds(row.startedAt),
        participants: [],
      };
      room.participants.push({
        sid: row.participantSid,
        identity: row.identity,
        name: row.name,
        kind: row.kind,
        joinedAt: row.joinedAt,
      });
      rooms.set(row.slug, room);
    }
    return rooms;
  } finally {
    sqlite.close();
  }
}

const seconds = (date: string) => String(Math.floor(Date.parse(date) / 1000));

function participantJson(p: Participant) {
  return {
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    state: "ACTIVE",
    joinedAt: seconds(p.joinedAt),
    joinedAtMs: String(Date.parse(p.joinedAt)),
    attributes: { "parley.kind": p.kind === "GUEST" ? "guest" : "member" },
  };
}

/** Listens on 127.0.0.1:`port` until the returned server is closed. */
export async function startLiveKitStandIn(
  databaseFile: string,
  port: number,
): Promise<{ server: Server; rooms: number; participants: number }> {
  const rooms = liveRoomsIn(databaseFile);
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const reply = (status: number, json: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(json));
      };
      const method = request.url?.replace("/twirp/livekit.RoomService/", "");
      if (method === "ListRooms") {
        return reply(200, {
          rooms: [...rooms.values()].map(({ sid, name, creationTime, participants }) => ({
            sid,
            name,
            creationTime,
            numParticipants: participants.length,
          })),
        });
      }
      if (method === "ListParticipants") {
        const room = rooms.get((JSON.parse(body || "{}") as { room?: string }).room ?? "");
        return room
          ? reply(200, { participants: room.participants.map(participantJson) })
          : reply(404, { code: "not_found", msg: "requested room does not exist" });
      }
      reply(404, { code: "bad_route", msg: `the stand-in does not answer ${request.url}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    server,
    rooms: rooms.size,
    participants: [...rooms.values()].reduce((sum, room) => sum + room.participants.length, 0),
  };
}
