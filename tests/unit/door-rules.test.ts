import { describe, expect, it } from "vitest";
import { doorRoomName, knockIdOfDoorRoom } from "@/lib/door/door-room";
import { mustWait } from "@/lib/door/rules";
import { denyKnockSchema, lockRoomSchema } from "@/lib/door/schemas";
import { guestPassExpiry } from "@/lib/guests/pass";
import { isSlug } from "@/lib/rooms/slug";

describe("who waits at the door", () => {
  it("hosts and co-hosts never wait, whatever the setting", () => {
    for (const setting of ["EVERYONE", "GUESTS", "NOBODY"] as const) {
      for (const kind of ["member", "guest"] as const) {
        expect(mustWait(setting, kind, "host")).toBe(false);
        expect(mustWait(setting, kind, "cohost")).toBe(false);
      }
    }
  });

  it("GUESTS makes guests wait, members not", () => {
    expect(mustWait("GUESTS", "guest", "participant")).toBe(true);
    expect(mustWait("GUESTS", "guest", "viewer")).toBe(true);
    expect(mustWait("GUESTS", "member", "participant")).toBe(false);
    expect(mustWait("GUESTS", "member", "member")).toBe(false);
  });

  it("EVERYONE makes members and guests wait", () => {
    expect(mustWait("EVERYONE", "member", "member")).toBe(true);
    expect(mustWait("EVERYONE", "member", "viewer")).toBe(true);
    expect(mustWait("EVERYONE", "guest", "participant")).toBe(true);
  });

  it("NOBODY lets everyone straight in", () => {
    expect(mustWait("NOBODY", "guest", "participant")).toBe(false);
    expect(mustWait("NOBODY", "member", "member")).toBe(false);
  });
});

describe("door rooms", () => {
  it("can never be taken for a meeting, and lead back to their knock", () => {
    const name = doorRoomName("cmabc123def456ghi789jkl0");
    expect(isSlug(name)).toBe(false);
    expect(knockIdOfDoorRoom(name)).toBe("cmabc123def456ghi789jkl0");
    expect(knockIdOfDoorRoom("kfp-xqzt-mwe")).toBeNull();
  });
});

describe("what the door routes accept", () => {
  it("a denial may carry a short message, or none", () => {
    expect(denyKnockSchema.parse({})).toEqual({});
    expect(denyKnockSchema.parse({ message: "  Not today  " })).toEqual({ message: "Not today" });
    expect(denyKnockSchema.safeParse({ message: "x".repeat(201) }).success).toBe(false);
    expect(denyKnockSchema.safeParse({ message: "bell\u0007" }).success).toBe(false);
    expect(denyKnockSchema.safeParse({ message: "hi", also: 1 }).success).toBe(false);
  });

  it("the lock takes exactly a boolean", () => {
    expect(lockRoomSchema.parse({ locked: true })).toEqual({ locked: true });
    expect(lockRoomSchema.safeParse({ locked: "yes" }).success).toBe(false);
    expect(lockRoomSchema.safeParse({}).success).toBe(false);
  });
});

describe("a guest pass", () => {
  const issued = new Date("2026-12-02T10:00:00Z");

  it("lasts 24 hours", () => {
    expect(guestPassExpiry(issued, null)).toEqual(new Date("2026-12-03T10:00:00Z"));
    expect(guestPassExpiry(issued, new Date("2027-01-01T00:00:00Z"))).toEqual(new Date("2026-12-03T10:00:00Z"));
  });

  it("ends with its link when the link expires sooner", () => {
    expect(guestPassExpiry(issued, new Date("2026-12-02T12:30:00Z"))).toEqual(new Date("2026-12-02T12:30:00Z"));
  });
});
