// Who may make an account on this server (SIGNUP in lib/env.ts). Pure, so the sign-up page can
// explain the rule and the server can enforce it from one place.
import { AppError } from "../http";

export type SignUpPolicy = { mode: "open" | "domains" | "invite" | "closed"; domains: readonly string[] };

/**
 * What lets someone past the policy: being the first account (the server's admin), an
 * administrator's invitation, or an email the operator named in ADMIN_EMAILS.
 */
export type SignUpCircumstances = { isFirstAccount: boolean; invited: boolean; namedAdmin?: boolean };

const exempt = (circumstances: SignUpCircumstances) =>
  circumstances.isFirstAccount || circumstances.invited || circumstances.namedAdmin === true;

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** The domains in words: "example.org", "a.org or b.org", "a.org, b.org or c.org". */
export function domainsInWords(domains: readonly string[]): string {
  return domains.length <= 1
    ? (domains[0] ?? "")
    : `${domains.slice(0, -1).join(", ")} or ${domains[domains.length - 1]}`;
}

/**
 * Why someone may not sign up on their own, before they type anything (the sign-up page says
 * it), or null when the page should show the form.
 */
export function signUpClosedReason(policy: SignUpPolicy, circumstances: SignUpCircumstances): string | null {
  if (exempt(circumstances)) return null;
  if (policy.mode === "invite")
    return "Accounts on this server are by invitation only. Ask an administrator to invite you; the invitation comes by email with a link to sign up.";
  if (policy.mode === "closed")
    return "This server does not take new sign-ups. Accounts come from your organisation's single sign-on or from an administrator.";
  return null;
}

/** Throws the 403 a sign-up gets when the policy refuses it. */
export function enforceSignUpPolicy(policy: SignUpPolicy, email: string, circumstances: SignUpCircumstances): void {
  const closed = signUpClosedReason(policy, circumstances);
  if (closed) throw new AppError("signup_closed", closed);
  if (exempt(circumstances) || policy.mode !== "domains") return;
  if (!policy.domains.includes(domainOf(email))) {
    throw new AppError(
      "signup_domain",
      `Accounts on this server are for email addresses at ${domainsInWords(policy.domains)}. Ask an administrator to invite you if you need one with another address.`,
    );
  }
}
