import { describe, expect, it } from "vitest";
import { groupJoinProblems, LATE, NO_REASON, type AttemptRow } from "@/lib/admin/join-problems";

const now = new Date("2027-03-01T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
let counter = 0;
function attempt(
  who: string,
  createdSecondsAgo: number,
  outcome: { arrivedAfter?: number; reason?: string; room?: string; guest?: boolean; invite?: boolean } = {},
): AttemptRow {
  counter += 1;
  const createdAt = ago(createdSecondsAgo);
  return {
    id: `a${counter}`,
    identity: who,
    name: who.toUpperCase(),
    guestId: outcome.guest ? who : null,
    inviteId: outcome.invite ? "inv" : null,
    roomSlug: outcome.room ?? "abc-defg-hij",
    roomName: outcome.room ?? "Standup",
    createdAt,
    arrivedAt: outcome.arrivedAfter === undefined ? null : new Date(createdAt.getTime() + outcome.arrivedAfter * 1000),
    failureReason: outcome.reason ?? null,
  };
}

describe("join problems", () => {
  it("counts attempts that did not arrive within 30 s, by reason, and leaves out those still under way", () => {
    const rows = [
      attempt("ann", 600, { arrivedAfter: 3 }),
      attempt("bob", 500, { reason: "ServerUnreachable" }),
      attempt("cy", 400),
      attempt("dee", 300, { arrivedAfter: 45 }),
      attempt("eve", 10),
    ];
    const result = groupJoinProblems(rows, now);
    expect(result.attempts).toBe(4);
    expect(result.failed).toBe(3);
    expect(result.byReason.map((group) => group.reason).sort()).toEqual([LATE, NO_REASON, "ServerUnreachable"].sort());
    expect(result.byPerson.map((person) => person.identity).sort()).toEqual(["bob", "cy", "dee"]);
  });

  it("shows someone who failed and later got into the same room as retried and made it; another room does not count", () => {
    const rows = [
      attempt("fay", 900, { reason: "Timeout" }),
      attempt("fay", 800, { reason: "Timeout" }),
      attempt("fay", 700, { arrivedAfter: 2 }),
      attempt("gus", 900, { reason: "Timeout" }),
      attempt("gus", 800, { arrivedAfter: 1, room: "Other" }),
    ];
    const result = groupJoinProblems(rows, now);
    const fay = result.byPerson.find((person) => person.identity === "fay")!;
    expect(fay).toMatchObject({ failedAttempts: 2, reasons: ["Timeout"], madeItLater: true, links: ["room link"] });
    expect(result.byPerson.find((person) => person.identity === "gus")!.madeItLater).toBe(false);
    expect(result.byReason).toEqual([{ reason: "Timeout", attempts: 3, people: 2, madeItLater: 2 }]);
  });

  it("says which kind of link and whether it was a guest", () => {
    const [person] = groupJoinProblems([attempt("hal", 100, { guest: true, invite: true })], now).byPerson;
    expect(person).toMatchObject({ kind: "guest", links: ["invite link"], rooms: ["Standup"] });
  });
});
