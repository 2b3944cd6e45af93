import { describe, expect, it } from "vitest";
import { newPerson } from "../support/factories";
import { HttpClient } from "../support/http-client";

type ErrorBody = { error: { code: string; message: string } };

describe("signing up and in", () => {
  it("creates an account and signs in with it", async () => {
    const client = new HttpClient();
    const person = newPerson("Ann");
    const user = await client.signUp(person);
    expect(user.id).toEqual(expect.any(String));
    const rooms = await client.json<{ rooms: unknown[] }>("/api/rooms");
    expect(rooms.status).toBe(200);
  });

  it("says an email is taken, without creating a second account", async () => {
    const person = newPerson("Dup");
    await new HttpClient().signUp(person);
    const { status, body } = await new HttpClient().json<ErrorBody>("/api/accounts", {
      method: "POST",
      json: { ...person, password: "another good password" },
    });
    expect(status).toBe(409);
    expect(body.error).toEqual({
      code: "email_taken",
      message: "An account with this email already exists. Sign in instead.",
    });
    // The original password still works: nothing was overwritten.
    expect(await new HttpClient().signIn(person.email, person.password)).toBe(true);
    expect(await new HttpClient().signIn(person.email, "another good password")).toBe(false);
  });

  it("refuses a weak password and a malformed email with 400 and the reason", async () => {
    const weak = await new HttpClient().json<ErrorBody>("/api/accounts", {
      method: "POST",
      json: { ...newPerson(), password: "short" },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toContain("at least 10 characters");
    const malformed = await new HttpClient().json<ErrorBody>("/api/accounts", {
      method: "POST",
      json: { ...newPerson(), email: "not-an-email" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain("doesn't look like an email");
  });

  it("answers malformed JSON and wrong types with 400, not 500", async () => {
    const client = new HttpClient();
    const broken = await client.request("/api/accounts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorBody).error.code).toBe("invalid_json");
    const wrongTypes = await client.json<ErrorBody>("/api/accounts", {
      method: "POST",
      json: { name: 7, email: ["a"], password: null },
    });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.error.code).toBe("invalid_request");
  });

  it("refuses a wrong password and an unknown email", async () => {
    const person = newPerson("Pat");
    await new HttpClient().signUp(person);
    expect(await new HttpClient().signIn(person.email, "wrong password!")).toBe(false);
    expect(await new HttpClient().signIn(`nobody-${person.email}`, person.password)).toBe(false);
  });

  it("cannot sign up as an admin by asking for it", async () => {
    const response = await new HttpClient().json<ErrorBody>("/api/accounts", {
      method: "POST",
      json: { ...newPerson(), role: "ADMIN" },
    });
    expect(response.status).toBe(400);
  });
});
