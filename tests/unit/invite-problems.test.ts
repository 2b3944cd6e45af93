import { describe, expect, it } from "vitest";
import { inviteProblem, settingsProblem } from "@/app/_components/invites/invite-problems";
import { createInviteSchema } from "@/lib/invites/rules";
import { roomSettingsSchema } from "@/lib/rooms/rules";

// A translator that says which words it was asked for, so the test reads the mapping itself.
const words = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as Parameters<typeof inviteProblem>[0];
const settingsWords = words as unknown as Parameters<typeof settingsProblem>[0];

const inviteRefusal = (draft: Record<string, unknown>) => {
  const parsed = createInviteSchema.safeParse({ role: "participant", ...draft });
  expect(parsed.success, JSON.stringify(draft)).toBe(false);
  return inviteProblem(words, parsed.error?.issues[0], draft.expiresAt as string | undefined);
};

describe("the invite form's problems, in the page's words", () => {
  it("names each field's problem by its kind, with the limit", () => {
    expect(inviteRefusal({ maxUses: 0 })).toBe('problems.maxUsesMin {"min":1}');
    expect(inviteRefusal({ maxUses: 1.5 })).toBe("problems.maxUsesWhole");
    expect(inviteRefusal({ maxUses: 10_001 })).toBe('problems.maxUsesMax {"max":10000}');
    expect(inviteRefusal({ label: "x".repeat(81) })).toBe('problems.labelTooLong {"max":80}');
    expect(inviteRefusal({ label: "bell\u0007" })).toBe("problems.labelUnshowable");
    expect(inviteRefusal({ invitee: { name: "" } })).toBe("problems.enterName");
    expect(inviteRefusal({ invitee: { name: "Ann", email: "not an email" } })).toBe("problems.notAnEmail");
    expect(inviteRefusal({ role: "owner" })).toBe("problems.role");
  });

  it("tells an expiry in the past from one too far ahead", () => {
    expect(inviteRefusal({ expiresAt: new Date(Date.now() - 60_000).toISOString() })).toBe("problems.expiryPast");
    expect(inviteRefusal({ expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() })).toBe(
      "problems.expiryTooFar",
    );
  });

  it("says so for the participant limit of the room settings", () => {
    const refusal = (maxParticipants: unknown) =>
      settingsProblem(settingsWords, roomSettingsSchema.safeParse({ maxParticipants }).error?.issues[0]);
    expect(refusal(1)).toBe('problems.maxAtLeast {"min":2}');
    expect(refusal(1001)).toBe('problems.maxAtMost {"max":1000}');
    expect(refusal(2.5)).toBe("problems.maxWhole");
  });
});
