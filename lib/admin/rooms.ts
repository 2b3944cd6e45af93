import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

export const ROOM_STATUSES = ["live", "idle", "ended"] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

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
export type AdminRoomQuery = z.infer<typeof adminRoomQuerySchema>;

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

const liveMeeting = { some: { endedAt: null } } as const;

function whereFor({ q, status }: Pick<AdminRoomQuery, "q" | "status">): Prisma.RoomWhereInput {
  const search: Prisma.RoomWhereInput = q
    ? { OR: [{ name: { contains: q } }, { owner: { name: { contains: q } } }, { owner: { email: { contains: q } } }] }
    : {};
  const byStatus: Record<AdminRoomQuery["status"], Prisma.RoomWhereInput> = {
    all: {},
    live: { endedAt: null, meetings: liveMeeting },
    idle: { endedAt: null, meetings: { none: { endedAt: null } } },
    ended: { endedAt: { not: null } },
  };
  return { ...search, ...byStatus[status] };
}

/** One page of every room on this server, with who is in each right now (from lib/live). */
export async function listRoomsForAdmin(query: AdminRoomQuery): Promise<{ total: number; page: number; perPage: number; rooms: AdminRoomRow[] }> {
  const where = whereFor(query);
  const orderBy: Prisma.RoomOrderByWithRelationInput[] =
    query.sort === "name" ? [{ name: query.dir }, { id: query.dir }] : [{ createdAt: query.dir }, { id: query.dir }];
  const [total, rooms] = await Promise.all([
    db.room.count({ where }),
    db.room.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: {
        slug: true,
        name: true,
        createdAt: true,
        endedAt: true,
        owner: { select: { name: true, email: true } },
        _count: { select: { meetings: true } },
        meetings: {
          where: { endedAt: null },
          take: 1,
          select: {
            startedAt: true,
            attendance: { where: { leftAt: null }, orderBy: { joinedAt: "asc" }, select: { identity: true, name: true, kind: true, joinedAt: true } },
          },
        },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    perPage: query.perPage,
    rooms: rooms.map(({ meetings, _count, ...room }) => {
      const live = meetings[0];
      const status: RoomStatus = room.endedAt ? "ended" : live ? "live" : "idle";
      return { ...room, status, liveSince: live?.startedAt ?? null, participants: live?.attendance ?? [], totalMeetings: _count.meetings };
    }),
  };
}
