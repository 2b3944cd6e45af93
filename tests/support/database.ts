// Reading the test database directly, to see what the app stored (or that it stored nothing).
import Database from "better-sqlite3";
import { env } from "../../lib/env";
import { sqliteFileFromUrl } from "../../lib/sqlite-url";
import { stack } from "./stack";

/** The test file's own database, which lib/ code called from the test uses (./isolated-app-env.ts). */
export const ownDatabaseFile = () => sqliteFileFromUrl(env().DATABASE_URL);

export function withDatabase<T>(work: (database: Database.Database) => T, file = stack.databaseFile): T {
  const database = new Database(file);
  try {
    return work(database);
  } finally {
    database.close();
  }
}

/** Every row a query returns. */
export function select<T>(sql: string, ...params: unknown[]): T[] {
  return withDatabase((database) => database.prepare(sql).all(...params) as T[]);
}

export type MeetingRow = {
  id: string;
  livekitRoomSid: string;
  startedAt: string;
  endedAt: string | null;
  peakParticipants: number;
};
export type StayRow = {
  meetingId: string;
  participantSid: string;
  identity: string;
  name: string;
  kind: "MEMBER" | "GUEST";
  joinedAt: string;
  leftAt: string | null;
};

/** A room's meetings, oldest first. */
export const meetingsOf = (slug: string) =>
  select<MeetingRow>(
    `SELECT m.* FROM "Meeting" m JOIN "Room" r ON r."id" = m."roomId" WHERE r."slug" = ? ORDER BY m."startedAt", m.rowid`,
    slug,
  );

/** Every stay in any meeting of a room, in the order people came. */
export const staysIn = (slug: string) =>
  select<StayRow>(
    `SELECT a.* FROM "Attendance" a JOIN "Meeting" m ON m."id" = a."meetingId" JOIN "Room" r ON r."id" = m."roomId" WHERE r."slug" = ? ORDER BY a."joinedAt", a.rowid`,
    slug,
  );

/** A stored time as milliseconds (null stays null), to compare with the event that set it. */
export const ms = (stored: string | null) => (stored === null ? null : new Date(stored).getTime());
