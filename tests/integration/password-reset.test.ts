// "Forgot password?" over HTTP, with the mail read from the test Mailpit: the same answer for
// any address, a link that works once within 30 minutes, the old password and every session
// ended by a reset, and the requests rate limited.
import { describe, expect, it } from "vitest";
import { withDatabase } from "../support/database";
import { HttpClient } from "../support/http-client";
import { linkIn, mailsTo, waitForMail } from "../support/mailpit";
import { newPerson } from "../support/factories";
import { stack } from "../support/stack";

type ErrorBody = { error: { code: string; message: string } };

const requestReset = (email: string, client = new HttpClient()) =>
  client.json<{ message: string } & ErrorBody>("/api/password-reset", { method: "POST", json: { email } });
const confirm = (token: string, password: string) =>
  new HttpClient().json<ErrorBody>("/api/password-reset/confirm", { method: "POST", json: { token, password } });
const pageFor = async (token: string) => (await new HttpClient().request(`/reset-password?token=${token}`)).text();

async function resetTokenFor(email: string, count = 1): Promise<string> {
  const mail = await waitForMail(email, count, "Reset your Parley password");
  expect(mail.Subject).toBe("Reset your Parley password");
  return new URL(linkIn(mail, `${stack.appUrl}/reset-password?token=`)).searchParams.get("token")!;
}

describe("password reset", () => {
  it("answers the same whether or not the address has an account, and mails only an account's owner", async () => {
    const person = newPerson("Forgetful");
    await new HttpClient().signUp(person);
    const unknown = newPerson("Nobody").email;
    const known = await requestReset(person.email);
    const stranger = await requestReset(unknown);
    expect(known.status).toBe(202);
    expect(stranger.status).toBe(202);
    expect(stranger.body.message.replace(unknown, "X")).toBe(known.body.message.replace(person.email, "X"));
    await resetTokenFor(person.email);
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it("works once: the new password signs in, the old one and every earlier session stop working", async () => {
    const person = newPerson("Resetter");
    const first = new HttpClient();
    await first.signUp(person);
    const second = new HttpClient();
    expect(await second.signIn(person.email, person.password)).toBe(true);
    expect((await second.request("/api/rooms")).status).toBe(200);

    await requestReset(person.email);
    const token = await resetTokenFor(person.email);
    expect(await pageFor(token)).toContain("Choose a new password");
    const newPassword = "a brand new password";
    expect((await confirm(token, newPassword)).status).toBe(200);

    for (const client of [first, second]) expect((await client.request("/api/rooms")).status).toBe(401);
    expect(await new HttpClient().signIn(person.email, person.password)).toBe(false);
    expect(await new HttpClient().signIn(person.email, newPassword)).toBe(true);

    const again = await confirm(token, "yet another password");
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe("reset_used");
    expect(await pageFor(token)).toContain("already been used");
    expect(await new HttpClient().signIn(person.email, "yet another password")).toBe(false);
  });

  it("refuses an expired link with a page that says so, and changes nothing", async () => {
    const person = newPerson("Late");
    await new HttpClient().signUp(person);
    await requestReset(person.email);
    const token = await resetTokenFor(person.email);
    withDatabase((db) =>
      db
        .prepare(
          `UPDATE "AccountToken" SET "expiresAt" = ? WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`,
        )
        .run(Date.now() - 1000, person.email),
    );
    expect(await pageFor(token)).toContain("This reset link has expired");
    const late = await confirm(token, "a late new password");
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe("reset_expired");
    expect(await new HttpClient().signIn(person.email, person.password)).toBe(true);
  });

  it("refuses a made-up link with 404 and a page that says so", async () => {
    const madeUp = "C".repeat(43);
    expect((await confirm(madeUp, "whatever password")).status).toBe(404);
    expect(await pageFor(madeUp)).toContain("This reset link can&#x27;t be used");
    expect(await pageFor("short")).toContain("not valid");
  });

  it("is rate limited per address, whether or not it has an account", async () => {
    const { limit } = stack.strictAppEnv.RATE_LIMIT_PASSWORD_RESET_PER_EMAIL;
    const email = newPerson("Hammer").email;
    const client = new HttpClient(stack.strictAppUrl);
    for (let i = 0; i < limit; i++) expect((await requestReset(email, client)).status).toBe(202);
    const refused = await requestReset(email, client);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
  });

  it("writes the mail in the language the page was asked in, and in the owner's chosen language above that", async () => {
    const person = newPerson("Забывчивая");
    await new HttpClient().signUp(person);
    const inRussian = await new HttpClient().json<{ message: string }>("/api/password-reset", {
      method: "POST",
      headers: { "accept-language": "ru-RU,ru;q=0.9" },
      json: { email: person.email },
    });
    expect(inRussian.status).toBe(202);
    const mail = await waitForMail(person.email, 1, "Сброс пароля Parley");
    expect(mail.Text).toContain("30 минут");
    expect(mail.Text).not.toContain("Someone");

    const chooser = newPerson("Chooser");
    const client = new HttpClient();
    await client.signUp(chooser);
    expect((await client.request("/api/locale", { method: "PUT", json: { locale: "ru" } })).status).toBe(204);
    await requestReset(chooser.email);
    expect((await waitForMail(chooser.email, 1, "Сброс пароля Parley")).Subject).toBe("Сброс пароля Parley");
  });
});
