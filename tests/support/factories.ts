// The people and rooms tests and benchmarks make: unique, valid, and signed in when asked.
import { HttpClient } from "./http-client";

/** Every test account's password (long enough for the sign-up rules). */
export const TEST_PASSWORD = "correct horse battery";

export type Person = { name: string; email: string; password: string };
export type TestUser = Person & { id: string };

/** The test stack's administrator: scripts/test.ts puts this email in ADMIN_EMAILS. */
export const TEST_ADMIN: Person = { name: "Test Admin", email: "admin@parley.test", password: TEST_PASSWORD };

let counter = 0;

/** A unique, valid new account for one test (not yet signed up). */
export function newPerson(label = "person"): Person {
  counter += 1;
  const id = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  return {
    name: `${label} ${counter}`,
    email: `${label.toLowerCase().replace(/\W/g, "")}-${id}@example.org`,
    password: TEST_PASSWORD,
  };
}

/** A new account, signed in as a browser is (next-auth's credentials flow). `base`: another app than the main one. */
export async function signedUp(
  label = "person",
  base?: string,
): Promise<{ client: HttpClient; user: TestUser & { role: string } }> {
  const client = new HttpClient(base);
  const person = newPerson(label);
  const { id, role } = await client.signUp(person);
  return { client, user: { id, role, ...person } };
}

/** A new account that is surely no admin: the first account of a fresh database is one. */
export async function newMember(label = "Member"): Promise<{ client: HttpClient; user: TestUser }> {
  for (;;) {
    const { client, user } = await signedUp(label);
    if (user.role === "MEMBER") return { client, user };
  }
}

/** A new member and a room they have just created (and own). */
export async function hostWithRoom(
  roomName?: string,
  label = "Host",
): Promise<{ host: HttpClient; user: TestUser; room: { slug: string; name: string } }> {
  const { client: host, user } = await newMember(label);
  const room = await host.createRoom(roomName);
  return { host, user, room };
}

/** The administrator named in ADMIN_EMAILS, signed in (the account is made on first use). */
export async function signedInAdmin(): Promise<{ client: HttpClient; user: TestUser }> {
  const client = new HttpClient();
  await client.signInOrUp(TEST_ADMIN);
  const { body } = await client.json<{ users: { id: string; email: string }[] }>(
    `/api/admin/users?q=${encodeURIComponent(TEST_ADMIN.email)}`,
  );
  const id = body.users.find((user) => user.email === TEST_ADMIN.email)?.id;
  if (!id) throw new Error(`${TEST_ADMIN.email} is not listed as a user`);
  return { client, user: { id, ...TEST_ADMIN } };
}
