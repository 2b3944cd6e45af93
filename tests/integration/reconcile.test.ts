// Reconciliation: when webhooks were missed, live state is rebuilt from what LiveKit reports.
// A database of our own, pointed at the test LiveKit server. LiveKit's webhooks go to the main
// test app, never to this database, so every change seen here comes from reconciliation alone.
// (tests/support/isolated-app-env.ts prepares that database and points lib/ at it.)
import { describe, expect, it, onTestFinished } from "vitest";
import { createAccount } from "@/lib/accounts/accounts";
import { adminRoomQuerySchema, listRoomsForAdmin } from "@/lib/admin/room-list";
import { db } from "@/lib/db";
import { deleteLiveKitRoom, ensureLiveKitRoom } from "@/lib/livekit/room-service";
import { mintJoinToken } from "@/lib/livekit/token";
import { recordLeave } from "@/lib/meetings/attendance";
import { reconcileLiveState } from "@/lib/meetings/reconcile";
import { createRoom } from "@/lib/rooms/rooms";
import { newPerson } from "../support/factories";
import { openSignal } from "../support/livekit";
import { stack } from "../support/stack";

async function openRoom(name: string) {
  const owner = await createAccount(newPerson("Owner"));
  const room = await createRoom(owner, name);
  await ensureLiveKitRoom(room.slug);
  onTestFinished(() => deleteLiveKitRoom(room.slug));
  return { owner, room };
}

/** Connects to LiveKit as the app's token would have it; the connection closes after the test. */
async function connect(slug: string, identity: string, name: string, kind: "member" | "guest") {
  const socket = await openSignal(
    await mintJoinToken({ room: slug, identity, name, role: "participant", attributes: { "parley.kind": kind } }),
  );
  onTestFinished(() => socket.close());
  return socket;
}

const listedByLiveKit = async (slug: string) =>
  (await stack.roomService().listParticipants(slug)).map((p) => p.identity).sort();
const livekitRoomSids = async (slug: string) => (await stack.roomService().listRooms([slug])).map((open) => open.sid);

async function adminRow(name: string) {
  const { rooms } = await listRoomsForAdmin(adminRoomQuerySchema.parse({ q: name }));
  expect(rooms).toHaveLength(1);
  return rooms[0]!;
}

describe("reconciling with LiveKit", () => {
  it("adds who LiveKit has in a room, ends the stays of those who left, and the meeting once the room is gone", async () => {
    const { owner, room } = await openRoom("Reconciled");
    const ownerSocket = await connect(room.slug, owner.id, owner.name, "member");
    const guestSocket = await connect(room.slug, "guest_reconcile", "Gail (guest)", "guest");
    await expect
      .poll(() => listedByLiveKit(room.slug), { timeout: 10_000 })
      .toEqual([owner.id, "guest_reconcile"].sort());

    // No webhook reaches this database: until reconciliation, nobody is known to be there.
    expect(await adminRow(room.name)).toMatchObject({ status: "idle", participants: [] });

    await reconcileLiveState();
    const live = await adminRow(room.name);
    expect(live).toMatchObject({ status: "live", totalMeetings: 1 });
    expect(live.participants.map(({ identity, name, kind }) => ({ identity, name, kind }))).toEqual([
      { identity: owner.id, name: owner.name, kind: "MEMBER" },
      { identity: "guest_reconcile", name: "Gail (guest)", kind: "GUEST" },
    ]);
    expect(live.liveSince).toEqual(live.participants[0]!.joinedAt);

    // A second pass with nothing new adds nothing.
    await reconcileLiveState();
    expect(await db.meeting.count({ where: { room: { slug: room.slug } } })).toBe(1);
    expect(await db.attendance.count({ where: { meeting: { room: { slug: room.slug } } } })).toBe(2);

    guestSocket.close();
    await expect.poll(() => listedByLiveKit(room.slug), { timeout: 10_000 }).toEqual([owner.id]);
    await reconcileLiveState();
    const afterGuest = await adminRow(room.name);
    expect(afterGuest).toMatchObject({
      status: "live",
      participants: [expect.objectContaining({ identity: owner.id })],
    });
    expect(await db.attendance.findFirst({ where: { identity: "guest_reconcile" }, select: { leftAt: true } })).toEqual(
      { leftAt: expect.any(Date) },
    );

    ownerSocket.close();
    await deleteLiveKitRoom(room.slug);
    await expect.poll(() => livekitRoomSids(room.slug), { timeout: 10_000 }).toEqual([]);
    await reconcileLiveState();
    expect(await adminRow(room.name)).toMatchObject({
      status: "idle",
      liveSince: null,
      participants: [],
      totalMeetings: 1,
    });
    expect(await db.meeting.findMany({ where: { room: { slug: room.slug } }, select: { endedAt: true } })).toEqual([
      { endedAt: expect.any(Date) },
    ]);
    expect(await db.attendance.count({ where: { leftAt: null, meeting: { room: { slug: room.slug } } } })).toBe(0);
  });

  it("a stay a webhook ended is not brought back by a pass whose list still shows that connection", async () => {
    const { owner, room } = await openRoom("Left just now");
    await connect(room.slug, owner.id, owner.name, "member");
    await expect.poll(() => listedByLiveKit(room.slug), { timeout: 10_000 }).toEqual([owner.id]);
    await reconcileLiveState();
    const [connection] = await stack.roomService().listParticipants(room.slug);

    // participant_left arrives while a pass holds a list read a moment earlier. The connection is
    // kept open here, so that every pass sees such a list.
    await recordLeave(connection!.sid, new Date());
    await reconcileLiveState();
    expect(await adminRow(room.name)).toMatchObject({ status: "idle", participants: [], totalMeetings: 1 });
    expect(await db.meeting.findMany({ where: { room: { slug: room.slug } }, select: { endedAt: true } })).toEqual([
      { endedAt: expect.any(Date) },
    ]);
  });

  it("a room LiveKit opened anew is a new meeting, and the old one ends", async () => {
    const { owner, room } = await openRoom("Reopened on LiveKit");
    const first = await connect(room.slug, owner.id, owner.name, "member");
    await expect.poll(() => listedByLiveKit(room.slug), { timeout: 10_000 }).toEqual([owner.id]);
    const [oldSid] = await livekitRoomSids(room.slug);
    await reconcileLiveState();

    // The room closes and opens again on LiveKit while no webhook gets through.
    first.close();
    await deleteLiveKitRoom(room.slug);
    await expect.poll(() => livekitRoomSids(room.slug), { timeout: 10_000 }).toEqual([]);
    await ensureLiveKitRoom(room.slug);
    await connect(room.slug, owner.id, owner.name, "member");
    await expect.poll(() => listedByLiveKit(room.slug), { timeout: 10_000 }).toEqual([owner.id]);
    const [newSid] = await livekitRoomSids(room.slug);
    expect(newSid).not.toBe(oldSid);

    await reconcileLiveState();
    const meetings = await db.meeting.findMany({
      where: { room: { slug: room.slug } },
      orderBy: { startedAt: "asc" },
      select: { livekitRoomSid: true, endedAt: true },
    });
    expect(meetings).toEqual([
      { livekitRoomSid: oldSid, endedAt: expect.any(Date) },
      { livekitRoomSid: newSid, endedAt: null },
    ]);
    expect(await adminRow(room.name)).toMatchObject({
      status: "live",
      totalMeetings: 2,
      participants: [expect.objectContaining({ identity: owner.id })],
    });
  });
});
