import { describe, expect, it } from "vitest";
import {
  enforceSignUpPolicy,
  signUpClosedReason,
  type SignUpCircumstances,
  type SignUpPolicy,
} from "@/lib/accounts/sign-up-policy";
import { AppError } from "@/lib/http";

const stranger = { isFirstAccount: false, invited: false };

function refusal(policy: SignUpPolicy, email: string, circumstances: SignUpCircumstances = stranger): string | null {
  try {
    enforceSignUpPolicy(policy, email, circumstances);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBe(403);
    return error.code;
  }
}

describe("sign-up policy", () => {
  it("open: anyone", () => {
    expect(refusal({ mode: "open", domains: [] }, "a@anywhere.net")).toBeNull();
  });

  it("domains: only the listed domains, exactly", () => {
    const policy: SignUpPolicy = { mode: "domains", domains: ["example.org", "corp.example"] };
    expect(refusal(policy, "ann@example.org")).toBeNull();
    expect(refusal(policy, "bob@corp.example")).toBeNull();
    expect(refusal(policy, "eve@evil.example.org")).toBe("signup_domain");
    expect(refusal(policy, "eve@example.org.evil.net")).toBe("signup_domain");
    expect(refusal(policy, "eve@gmail.com")).toBe("signup_domain");
  });

  it("invite and closed: nobody on their own", () => {
    for (const mode of ["invite", "closed"] as const) {
      expect(refusal({ mode, domains: [] }, "ann@example.org")).toBe("signup_closed");
      expect(signUpClosedReason({ mode, domains: [] }, stranger)).toMatch(/invitation|single sign-on/);
    }
  });

  it("the first account, an invited person and an address in ADMIN_EMAILS always may", () => {
    for (const mode of ["domains", "invite", "closed"] as const) {
      const policy: SignUpPolicy = { mode, domains: ["example.org"] };
      expect(refusal(policy, "first@elsewhere.net", { isFirstAccount: true, invited: false })).toBeNull();
      expect(refusal(policy, "guest@elsewhere.net", { isFirstAccount: false, invited: true })).toBeNull();
      expect(
        refusal(policy, "boss@elsewhere.net", { isFirstAccount: false, invited: false, namedAdmin: true }),
      ).toBeNull();
    }
  });
});
