import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

const ROOM_STATUSES = ["live", "idle", "ended"] as const;
type RoomStatus = (typeof ROOM_STATUSES)[number];

export const adminRoomQuerySchema = z
  .object({
    q: z.string().trim().max(100).default(""),
    status: z.enum(["all", ...ROOM_STATUSES]).default("all"),
    sort: z.enum(["created", "name"]).default("created"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    perPage: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
type AdminRoomQuery = z.infer<typeof adminRoomQuerySchema>;

export type LiveParticipant = { identity: string; name: string; kind: "MEMBER" | "GUEST"; joinedAt: Date };

export type AdminRoomRow = {
  slug: string;
  name: string;
  owner: { name: string; email: string };
  createdAt: Date;
  endedAt: Date | null;
  status: RoomStatus;
  liveSince: Date | null;
  participants: LiveParticipant[];
  totalMeetings: number;
};

/** One page of the admin's room list (GET /api/admin/rooms). */
export type AdminRoomPage = { total: number; page: number; perPage: number; rooms: AdminRoomRow[] };

const BY_STATUS: Record<AdminRoomQuery["status"], Prisma.RoomWhereInput> = {
  all: {},
  live: { endedAt: null, meetings: { some: { endedAt: null } } },
  idle: { endedAt: null, meetings: { none: { endedAt: null } } },
  ended: { endedAt: { not: null } },
};

// Above this many matching owners the search joins User instead of listing their ids.
const MAX_OWNER_IDS = 500;

// Matching owners are looked up first: a filter on the relation would join User for every room.
async function searchFor(q: string): Promise<Prisma.RoomWhereInput> {
  if (!q) return {};
  const ownerMatch = { OR: [{ name: { contains: q } }, { email: { contains: q } }] };
  const owners = await db.user.findMany({ where: ownerMatch, select: { id: true }, take: MAX_OWNER_IDS + 1 });
  const byOwner: Prisma.RoomWhereInput =
    owners.length > MAX_OWNER_IDS ? { owner: ownerMatch } : { ownerId: { in: owners.map((owner) => owner.id) } };
  return { OR: [{ name: { contains: q } }, byOwner] };
}

// Live rooms are counted from the open meetings (few, and indexed): counting the rooms that have
// an open meeting would look for one in every room.
async function countRooms(status: AdminRoomQuery["status"], search: Prisma.RoomWhereInput): Promise<number> {
  if (status !== "live") return db.room.count({ where: { ...search, ...BY_STATUS[status] } });
  const live = await db.meeting.groupBy({
    by: ["roomId"],
    where: { endedAt: null, room: { ...search, endedAt: null } },
  });
  return live.length;
}

/** How many meetings each of these rooms has had, counted for one page rather than every room. */
async function meetingCounts(roomIds: string[]): Promise<Map<string, number>> {
  const counts = await db.meeting.groupBy({
    by: ["roomId"],
    where: { roomId: { in: roomIds } },
    _count: { _all: true },
  });
  return new Map(counts.map((row) => [row.roomId, row._count._all]));
}

/** One page of every room on this server, with who is in each right now (from lib/meetings). */
export async function listRoomsForAdmin(query: AdminRoomQuery): Promise<AdminRoomPage> {
  const search = await searchFor(query.q);
  const where = { ...search, ...BY_STATUS[query.status] };
  const orderBy: Prisma.RoomOrderByWithRelationInput[] =
    query.sort === "name" ? [{ name: query.dir }, { id: query.dir }] : [{ createdAt: query.dir }, { id: query.dir }];
  const [total, rooms] = await Promise.all([
    countRooms(query.status, search),
    db.room.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: {
        id: true,
        slug: true,
        name: true,
        createdAt: true,
        endedAt: true,
        owner: { select: { name: true, email: true } },
        meetings: {
          where: { endedAt: null },
          take: 1,
          select: {
            startedAt: true,
            attendance: {
              where: { leftAt: null },
              orderBy: { joinedAt: "asc" },
              select: { identity: true, name: true, kind: true, joinedAt: true },
            },
          },
        },
      },
    }),
  ]);
  const totals = await meetingCounts(rooms.map((room) => room.id));
  return {
    total,
    page: query.page,
    perPage: query.perPage,
    rooms: rooms.map(({ id, meetings, ...room }) => {
      const live = meetings[0];
      const status: RoomStatus = room.endedAt ? "ended" : live ? "live" : "idle";
      return {
        ...room,
        status,
        liveSince: live?.startedAt ?? null,
        participants: live?.attendance ?? [],
        totalMeetings: totals.get(id) ?? 0,
      };
    }),
  };
}
