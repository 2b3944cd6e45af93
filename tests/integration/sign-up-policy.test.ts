// SIGNUP on an app started with each policy (its own fresh database): who may make an account
// through the API, what the sign-up page says, and administrators' invitations, which let one
// named address in whatever the policy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConfiguredApp, type ConfiguredApp } from "../support/configurable-app";
import { HttpClient } from "../support/http-client";
import { submitForm } from "../support/html-form";
import { linkIn, waitForMail } from "../support/mailpit";
import { newPerson } from "../support/factories";
import { shownHtml } from "../support/html";

type ErrorBody = { error: { code: string; message: string } };
type Created = {
  link: string;
  invitation: { id: string; email: string; mailSentAt: string | null; mailError: string | null };
};

const ALLOWED_DOMAIN = "parley.test";

for (const mode of ["domains", "invite", "closed"] as const) {
  describe.sequential(`SIGNUP=${mode}`, () => {
    let app: ConfiguredApp;
    let admin: HttpClient;

    beforeAll(async () => {
      app = await startConfiguredApp({
        SIGNUP: mode,
        SIGNUP_DOMAINS: mode === "domains" ? ALLOWED_DOMAIN : undefined,
        ADMIN_EMAILS: undefined,
      });
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
    });

    async function accountExists(email: string): Promise<boolean> {
      const { body } = await admin.json<{ users: { email: string }[] }>(
        `/api/admin/users?q=${encodeURIComponent(email)}`,
      );
      return body.users.some((user) => user.email === email);
    }

    const signUp = (person: object) =>
      new HttpClient(app.url).json<ErrorBody & { user: { role: string } }>("/api/accounts", {
        method: "POST",
        json: person,
      });
    const signUpPage = async (query = "") =>
      shownHtml(await (await new HttpClient(app.url).request(`/signup${query}`)).text());

    it("the first account can be made on a fresh server, whatever the domain, and is an admin", async () => {
      const first = { ...newPerson("First"), email: `first-${Date.now()}@example.org` };
      admin = new HttpClient(app.url);
      const { status, body } = await admin.json<{ user: { role: string } }>("/api/accounts", {
        method: "POST",
        json: first,
      });
      expect(status).toBe(201);
      expect(body.user.role).toBe("ADMIN");
      expect(await admin.signIn(first.email, first.password)).toBe(true);
    });

    it("someone on their own is refused with the reason, and no account appears", async () => {
      const stranger = newPerson("Stranger");
      const { status, body } = await signUp(stranger);
      expect(status).toBe(403);
      if (mode === "domains") {
        expect(body.error).toEqual({
          code: "signup_domain",
          message: expect.stringContaining(`email addresses at ${ALLOWED_DOMAIN}`),
        });
      } else {
        expect(body.error).toEqual({
          code: "signup_closed",
          message: expect.stringMatching(mode === "invite" ? /by invitation only/ : /does not take new sign-ups/),
        });
      }
      expect(await accountExists(stranger.email)).toBe(false);
      expect(await new HttpClient(app.url).signIn(stranger.email, stranger.password)).toBe(false);
    });

    it("the sign-up page says who may sign up", async () => {
      const html = await signUpPage();
      if (mode === "domains") {
        expect(html).toContain(`Accounts here are for email addresses at ${ALLOWED_DOMAIN}.`);
        expect(html).toContain("Create account");
      } else {
        expect(html).toContain("Sign-up is closed");
        expect(html).not.toContain("Create account");
      }
    });

    if (mode === "domains") {
      it("an address at an allowed domain may sign up, and signs in once it confirmed the address by mail", async () => {
        const ann = { ...newPerson("Ann"), email: `ann-${Date.now()}@${ALLOWED_DOMAIN}` };
        const made = await signUp(ann);
        expect(made.status).toBe(201);
        expect(made.body).toMatchObject({ confirmationSent: true, mustConfirm: true });
        expect(await new HttpClient(app.url).signIn(ann.email, ann.password)).toBe(false);

        const mail = await waitForMail(ann.email, 1, "Confirm your email address for Parley");
        const link = linkIn(mail, `${app.url}/confirm-email?token=`);
        const page = await (
          await new HttpClient(app.url).request(new URL(link).pathname + new URL(link).search)
        ).text();
        expect(page).toContain("Confirm my address");
        // Opening the link confirms nothing (mail scanners open links); the button does.
        expect(await new HttpClient(app.url).signIn(ann.email, ann.password)).toBe(false);
        const confirmed = await submitForm(new HttpClient(app.url), new URL(link).pathname + new URL(link).search);
        expect(confirmed.status).toBe(303);
        expect(confirmed.headers.get("location")).toBe("/signin?confirm=done");
        expect(await new HttpClient(app.url).signIn(ann.email, ann.password)).toBe(true);
      });

      it("a look-alike domain may not sign up", async () => {
        const lookalike = { ...newPerson("Eve"), email: `eve-${Date.now()}@evil.${ALLOWED_DOMAIN}` };
        expect((await signUp(lookalike)).body.error.code).toBe("signup_domain");
        expect(await accountExists(lookalike.email)).toBe(false);
      });
    }

    it("an invited person signs up with the link once, with the invited address only", async () => {
      const invitee = newPerson("Invitee");
      const created = await admin.json<Created>("/api/admin/invitations", {
        method: "POST",
        json: { email: invitee.email },
      });
      expect(created.status).toBe(201);
      const token = new URL(created.body.link).searchParams.get("invitation")!;
      expect(created.body.link).toBe(`${app.url}/signup?invitation=${token}`);

      expect(await signUpPage(`?invitation=${token}`)).toContain(
        `invited you to Parley. Your account will be for ${invitee.email}.`,
      );
      const otherAddress = await signUp({ ...newPerson("Other"), invitation: token });
      expect(otherAddress.status).toBe(403);
      expect(otherAddress.body.error.code).toBe("invitation_email");

      const made = await signUp({ ...invitee, invitation: token });
      expect(made.status).toBe(201);
      expect(made.body.user.role).toBe("MEMBER");
      expect(await new HttpClient(app.url).signIn(invitee.email, invitee.password)).toBe(true);

      const again = await signUp({
        ...newPerson("Again"),
        email: invitee.email.replace("@", "+2@"),
        invitation: token,
      });
      expect(again.status).toBe(410);
      expect(again.body.error.code).toBe("invitation_used");
      expect(await signUpPage(`?invitation=${token}`)).toContain("already been used");
      const listed = await admin.json<{ invitations: { email: string; usedAt: string | null }[] }>(
        "/api/admin/invitations",
      );
      expect(listed.body.invitations.find((invitation) => invitation.email === invitee.email)?.usedAt).toEqual(
        expect.any(String),
      );
    });

    it("a made-up or malformed invitation is refused, and nothing is made", async () => {
      const person = newPerson("Forger");
      const madeUp = await signUp({ ...person, invitation: "A".repeat(43) });
      expect(madeUp.status).toBe(404);
      const malformed = await signUp({ ...person, invitation: "short" });
      expect(malformed.status).toBe(400);
      expect(await accountExists(person.email)).toBe(false);
      expect(await signUpPage(`?invitation=${"B".repeat(43)}`)).toContain("This invitation can&#x27;t be used");
    });

    it("only admins invite", async () => {
      const member = new HttpClient(app.url);
      const invitee = newPerson("Member invite");
      const made = await admin.json<Created>("/api/admin/invitations", {
        method: "POST",
        json: { email: invitee.email },
      });
      const token = new URL(made.body.link).searchParams.get("invitation")!;
      await member.signUp({ ...invitee, invitation: token });
      const { status } = await member.json<ErrorBody>("/api/admin/invitations", {
        method: "POST",
        json: { email: newPerson().email },
      });
      expect(status).toBe(403);
      expect(
        (
          await new HttpClient(app.url).json<ErrorBody>("/api/admin/invitations", {
            method: "POST",
            json: { email: newPerson().email },
          })
        ).status,
      ).toBe(401);
    });
  });
}
