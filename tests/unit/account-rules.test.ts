import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/accounts/rules";

const ok = { name: "Ann Lee", email: "ann@example.org", password: "correct horse" };

function firstMessage(input: unknown): string | undefined {
  const result = signUpSchema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe("sign-up rules", () => {
  it("accept a good account and normalise the email", () => {
    expect(signUpSchema.parse({ ...ok, email: "  Ann@Example.ORG " }).email).toBe("ann@example.org");
  });

  it("call a password under 10 characters weak", () => {
    expect(firstMessage({ ...ok, password: "123456789" })).toBe("Use at least 10 characters for your password.");
  });

  it("refuse a malformed email", () => {
    expect(firstMessage({ ...ok, email: "ann@" })).toBe("That doesn't look like an email address.");
  });

  it("refuse names that are empty, too long or carry control characters", () => {
    expect(firstMessage({ ...ok, name: "   " })).toBe("Enter your name.");
    expect(firstMessage({ ...ok, name: "x".repeat(65) })).toBe("Use at most 64 characters for your name.");
    expect(firstMessage({ ...ok, name: "Ann\u0007" })).toBe("Your name contains characters we can't show.");
  });

  it("refuse unknown fields, such as a self-chosen role", () => {
    expect(signUpSchema.safeParse({ ...ok, role: "ADMIN" }).success).toBe(false);
  });
});
