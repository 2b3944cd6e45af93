// A large, made-up server for benchmarking the admin console: owners, rooms, past meetings with
// their attendance, and meetings going on now. Written with better-sqlite3 in one transaction,
// in the formats Prisma uses, so the app reads it like its own data.
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { generateSlug } from "../../lib/rooms/slug";
import { seededRandom } from "./seeded-random";

/** The one account that can sign in. */
export const BENCH_ADMIN = {
  name: "Bench Admin",
  email: "admin@bench.parley.test",
  password: "bench admin password",
} as const;

/** A word in about 6% of room names and in no owner's name or email: a search with hundreds of hits. */
export const BENCH_SEARCH_WORD = "retro";

export type AdminBenchShape = {
  owners: number;
  rooms: number;
  attendance: number;
  liveMeetings: number;
  endedRoomShare: number;
};

export const ADMIN_BENCH_SHAPE: AdminBenchShape = {
  owners: 300,
  rooms: 10_000,
  attendance: 100_000,
  liveMeetings: 300,
  endedRoomShare: 0.08,
};

export type AdminBenchSummary = AdminBenchShape & { meetings: number; openAttendance: number; searchMatches: number };

const FIRST_NAMES = [
  "Ada",
  "Bea",
  "Carl",
  "Dana",
  "Elif",
  "Femi",
  "Gus",
  "Hana",
  "Ivo",
  "Jana",
  "Kofi",
  "Lena",
  "Mats",
  "Nia",
  "Omar",
  "Pia",
  "Quinn",
  "Rosa",
  "Sami",
  "Tove",
  "Uma",
  "Vik",
  "Wen",
  "Yara",
  "Zoe",
];
const LAST_NAMES = [
  "Abara",
  "Berg",
  "Costa",
  "Dube",
  "Eklund",
  "Fischer",
  "Garcia",
  "Horvat",
  "Ito",
  "Jensen",
  "Kowalski",
  "Lind",
  "Moreau",
  "Novak",
  "Okafor",
  "Petrov",
  "Quist",
  "Rossi",
  "Silva",
  "Tanaka",
  "Urban",
  "Varga",
  "Weber",
  "Yilmaz",
];
const TEAMS = [
  "Design",
  "Platform",
  "Sales",
  "Marketing",
  "Support",
  "Finance",
  "Legal",
  "Research",
  "Data",
  "Mobile",
  "Web",
  "Infra",
  "Security",
  "People",
  "Growth",
  "Product",
  "QA",
  "Ops",
  "Partners",
  "Onboarding",
];
const KINDS = [
  "standup",
  "sync",
  "retro",
  "review",
  "planning",
  "1:1",
  "all-hands",
  "interview",
  "workshop",
  "demo",
  "office hours",
  "kickoff",
  "postmortem",
  "brainstorm",
  "training",
  "check-in",
];
const SUFFIXES = [
  "",
  "",
  "",
  "weekly",
  "Q1",
  "Q2",
  "Q3",
  "Q4",
  "EMEA",
  "APAC",
  "Berlin",
  "Lagos",
  "Lisbon",
  "#2",
  "(old)",
  "2026",
];

const SID_CHARACTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"];

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** How Prisma's SQLite adapter stores a DateTime: ISO 8601 text with "+00:00", not "Z". */
const sqliteDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

type Room = { id: string; slug: string; name: string; ownerId: string; createdAt: number; endedAt: number | null };
type Meeting = { id: string; roomId: string; sid: string; startedAt: number; endedAt: number | null; peak: number };
type Stay = {
  id: string;
  meetingId: string;
  sid: string;
  identity: string;
  name: string;
  kind: "MEMBER" | "GUEST";
  joinedAt: number;
  leftAt: number | null;
};

/**
 * Fills a migrated, empty Parley database. Refuses a database that already has accounts, so it
 * never mixes with real data.
 */
export async function seedAdminBench(
  file: string,
  shape: AdminBenchShape = ADMIN_BENCH_SHAPE,
  now = Date.now(),
): Promise<AdminBenchSummary> {
  const sqlite = new Database(file);
  try {
    const tables = sqlite
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('User', 'Room', 'Meeting', 'Attendance')",
      )
      .get() as { n: number };
    if (tables.n !== 4)
      throw new Error(
        `${file} has no Parley tables: apply the migrations first (DATABASE_URL=file:${file} npx prisma migrate deploy).`,
      );
    const users = sqlite.prepare("SELECT count(*) AS n FROM User").get() as { n: number };
    if (users.n > 0) throw new Error(`${file} already has ${users.n} accounts; seed an empty database.`);

    const random = seededRandom(4); // the same data on every run, so runs measure the same shape
    const int = (max: number) => Math.floor(random() * max);
    const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
    const between = (from: number, to: number) => from + random() * (to - from);
    const id = (at: number) =>
      `c${Math.floor(at).toString(36).padStart(8, "0")}${Array.from({ length: 15 }, () => int(36).toString(36)).join("")}`;
    const sid = (prefix: string) => `${prefix}_${Array.from({ length: 12 }, () => pick(SID_CHARACTERS)).join("")}`;

    const adminHash = await hash(BENCH_ADMIN.password);
    const owners = Array.from({ length: shape.owners }, (_, index) => {
      const [first, last] = [pick(FIRST_NAMES), pick(LAST_NAMES)];
      const createdAt = now - 800 * DAY_MS + index * MINUTE_MS;
      return index === 0
        ? {
            id: id(createdAt),
            name: BENCH_ADMIN.name,
            email: BENCH_ADMIN.email,
            role: "ADMIN",
            passwordHash: adminHash,
            createdAt,
          }
        : {
            id: id(createdAt),
            name: `${first} ${last}`,
            email: `${first}.${last}.${index}@example.test`.toLowerCase(),
            role: "MEMBER",
            passwordHash: null,
            createdAt,
          };
    });

    // A few owners hold most rooms, as on a real server.
    const slugs = new Set<string>();
    const rooms: Room[] = Array.from({ length: shape.rooms }, () => {
      let slug = generateSlug(int);
      while (slugs.has(slug)) slug = generateSlug(int);
      slugs.add(slug);
      const owner = owners[Math.floor(shape.owners * random() ** 2)]!;
      const createdAt = Math.floor(between(now - 730 * DAY_MS, now - MINUTE_MS));
      const name =
        random() < 0.15
          ? `${owner.name.split(" ")[0]}'s room`
          : [pick(TEAMS), pick(KINDS), pick(SUFFIXES)].join(" ").trim();
      const endedAt = random() < shape.endedRoomShare ? Math.floor(between(createdAt, now)) : null;
      return { id: id(createdAt), slug, name, ownerId: owner.id, createdAt, endedAt };
    }).sort((a, b) => a.createdAt - b.createdAt);

    const meetings: Meeting[] = [];
    const stays: Stay[] = [];
    const attendee = (meetingId: string, from: number, to: number | null): Stay => {
      const guest = random() < 0.2;
      const person = pick(owners);
      const joinedAt = Math.floor(between(from, to ?? now));
      const leftAt = to === null ? null : Math.floor(between(joinedAt, to));
      return guest
        ? {
            id: id(joinedAt),
            meetingId,
            sid: sid("PA"),
            identity: sid("g"),
            name: `${pick(FIRST_NAMES)} (guest)`,
            kind: "GUEST",
            joinedAt,
            leftAt,
          }
        : {
            id: id(joinedAt),
            meetingId,
            sid: sid("PA"),
            identity: person.id,
            name: person.name,
            kind: "MEMBER",
            joinedAt,
            leftAt,
          };
    };

    // Meetings going on now, in rooms that have not ended: everyone still there.
    const openRooms = rooms.filter((room) => room.endedAt === null && room.createdAt < now - 3 * 60 * MINUTE_MS);
    const liveRooms = new Set<Room>();
    while (liveRooms.size < shape.liveMeetings) liveRooms.add(pick(openRooms));
    for (const room of liveRooms) {
      const startedAt = Math.floor(between(now - 3 * 60 * MINUTE_MS, now - MINUTE_MS));
      const meeting: Meeting = {
        id: id(startedAt),
        roomId: room.id,
        sid: sid("RM"),
        startedAt,
        endedAt: null,
        peak: 1 + int(8),
      };
      meetings.push(meeting);
      for (let i = 0; i < meeting.peak; i += 1) stays.push(attendee(meeting.id, startedAt, null));
    }
    const openAttendance = stays.length;

    // Past meetings, until the attendance reaches its total; busy rooms meet more often.
    while (stays.length < shape.attendance) {
      const room = rooms[Math.floor(shape.rooms * (1 - random() ** 1.5))]!;
      const latest = Math.min(room.endedAt ?? now, now - 3 * 60 * MINUTE_MS);
      if (latest <= room.createdAt) continue;
      const startedAt = Math.floor(between(room.createdAt, latest));
      const endedAt = Math.min(startedAt + Math.floor(between(5, 120) * MINUTE_MS), latest);
      const people = Math.min(1 + int(9), shape.attendance - stays.length);
      const meeting: Meeting = { id: id(startedAt), roomId: room.id, sid: sid("RM"), startedAt, endedAt, peak: people };
      meetings.push(meeting);
      for (let i = 0; i < people; i += 1) stays.push(attendee(meeting.id, startedAt, endedAt));
    }
    meetings.sort((a, b) => a.startedAt - b.startedAt);
    stays.sort((a, b) => a.joinedAt - b.joinedAt);

    const insertUser = sqlite.prepare(
      `INSERT INTO User (id, name, email, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertRoom = sqlite.prepare(
      `INSERT INTO Room (id, slug, name, ownerId, createdAt, endedAt, joinPolicy, allowGuests) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMeeting = sqlite.prepare(
      `INSERT INTO Meeting (id, roomId, livekitRoomSid, startedAt, endedAt, peakParticipants) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertStay = sqlite.prepare(
      `INSERT INTO Attendance (id, meetingId, participantSid, identity, name, kind, joinedAt, leftAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const date = (ms: number | null) => (ms === null ? null : sqliteDate(ms));
    sqlite.transaction(() => {
      for (const u of owners)
        insertUser.run(u.id, u.name, u.email, u.passwordHash, u.role, date(u.createdAt), date(u.createdAt));
      for (const r of rooms)
        insertRoom.run(
          r.id,
          r.slug,
          r.name,
          r.ownerId,
          date(r.createdAt),
          date(r.endedAt),
          random() < 0.1 ? "INVITE_ONLY" : "MEMBERS",
          random() < 0.9 ? 1 : 0,
        );
      for (const m of meetings) insertMeeting.run(m.id, m.roomId, m.sid, date(m.startedAt), date(m.endedAt), m.peak);
      for (const s of stays)
        insertStay.run(s.id, s.meetingId, s.sid, s.identity, s.name, s.kind, date(s.joinedAt), date(s.leftAt));
    })();

    const searchMatches = rooms.filter((room) => room.name.toLowerCase().includes(BENCH_SEARCH_WORD)).length;
    return { ...shape, meetings: meetings.length, openAttendance, searchMatches };
  } finally {
    sqlite.close();
  }
}
