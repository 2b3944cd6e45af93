// The language of Parley's pages: the browser's Accept-Language first; a choice made with the
// switch is remembered in a cookie (guests) and on the account (it follows the person to another
// browser); anything but a language Parley speaks is refused.
import { describe, expect, it } from "vitest";
import { newMember } from "../support/factories";
import { HttpClient } from "../support/http-client";

type ErrorBody = { error: { code: string; message: string } };

async function pageLanguage(
  client: HttpClient,
  acceptLanguage?: string,
  path = "/signin",
): Promise<{ lang: string; html: string }> {
  const response = await client.request(path, {
    headers: acceptLanguage ? { "accept-language": acceptLanguage } : {},
  });
  const html = await response.text();
  return { lang: /<html lang="([^"]+)"/.exec(html)?.[1] ?? "", html };
}

describe("the language of the pages", () => {
  it("follows the browser's Accept-Language, with English for languages Parley does not speak", async () => {
    expect((await pageLanguage(new HttpClient(), "ru-RU,ru;q=0.9,en;q=0.8")).lang).toBe("ru");
    expect((await pageLanguage(new HttpClient(), "de-DE,de;q=0.9")).lang).toBe("en");
    expect((await pageLanguage(new HttpClient(), "de;q=0.9,ru;q=0.5,en;q=0.4")).lang).toBe("ru");
    const russian = await pageLanguage(new HttpClient(), "ru");
    expect(russian.html).toContain("Язык");
  });

  it("is remembered for a guest in a cookie, over what the browser says", async () => {
    const guest = new HttpClient();
    const chosen = await guest.request("/api/locale", { method: "PUT", json: { locale: "ru" } });
    expect(chosen.status).toBe(204);
    expect((await pageLanguage(guest, "en-US,en;q=0.9")).lang).toBe("ru");
    await guest.request("/api/locale", { method: "PUT", json: { locale: "en" } });
    expect((await pageLanguage(guest, "ru")).lang).toBe("en");
  });

  it("is remembered on the account: the person's next browser shows it too", async () => {
    const { client, user } = await newMember("Polyglot");
    expect((await client.request("/api/locale", { method: "PUT", json: { locale: "ru" } })).status).toBe(204);
    const elsewhere = new HttpClient();
    expect(await elsewhere.signIn(user.email, user.password)).toBe(true);
    expect((await pageLanguage(elsewhere, "en-US", "/account")).lang).toBe("ru");
  });

  it("refuses what is not one of Parley's languages, and changes nothing", async () => {
    const guest = new HttpClient();
    for (const json of [{ locale: "de" }, { locale: "" }, {}, { locale: "ru", extra: 1 }, { locale: ["ru"] }]) {
      const refused = await guest.json<ErrorBody>("/api/locale", { method: "PUT", json });
      expect(refused.status, JSON.stringify(json)).toBe(400);
      expect(refused.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await pageLanguage(guest, "en")).lang).toBe("en");
  });
});
