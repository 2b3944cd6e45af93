// Talks to the running app the way a browser does: a cookie jar, next-auth's CSRF dance.
import { newPerson, stack } from "./stack";

export class HttpClient {
  private cookies = new Map<string, string>();

  constructor(private readonly base = stack.appUrl) {}

  async request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    const response = await fetch(new URL(path, this.base), { ...init, headers, body, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return response;
  }

  async json<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await this.request(path, init);
    return { status: response.status, body: (await response.json()) as T };
  }

  /** Signs in with next-auth's credentials provider; returns whether it worked. */
  async signIn(email: string, password: string): Promise<boolean> {
    const { body } = await this.json<{ csrfToken: string }>("/api/auth/csrf");
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: body.csrfToken, email, password }),
    });
    const location = response.headers.get("location") ?? "";
    return response.status === 302 && !location.includes("error=") && [...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"));
  }

  async signUp(person: { name: string; email: string; password: string }): Promise<{ id: string; role: string }> {
    const { status, body } = await this.json<{ user: { id: string; role: string } }>("/api/accounts", { method: "POST", json: person });
    if (status !== 201) throw new Error(`sign-up failed with ${status}: ${JSON.stringify(body)}`);
    if (!(await this.signIn(person.email, person.password))) throw new Error("sign-in after sign-up failed");
    return body.user;
  }

  /**
   * Signs in, creating the account first if it does not exist yet. Test files run in parallel,
   * so another may create the same account between our attempts: then we sign in again.
   */
  async signInOrUp(person: { name: string; email: string; password: string }): Promise<void> {
    if (await this.signIn(person.email, person.password)) return;
    const { status } = await this.json("/api/accounts", { method: "POST", json: person });
    if (status !== 201 && status !== 409) throw new Error(`sign-up failed with ${status}`);
    if (!(await this.signIn(person.email, person.password))) throw new Error(`signing in as ${person.email} failed`);
  }

  async createInvite(slug: string, body: Record<string, unknown>): Promise<{ id: string; token: string; path: string }> {
    const { status, body: created } = await this.json<{ invite: { id: string; path: string } }>(`/api/rooms/${slug}/invites`, { method: "POST", json: body });
    if (status !== 201) throw new Error(`creating an invite failed with ${status}: ${JSON.stringify(created)}`);
    return { ...created.invite, token: created.invite.path.replace("/j/", "") };
  }

  redeem(token: string, name?: string) {
    return this.json<{ token: string; role: string; error?: { code: string; message: string } }>("/api/invites/redeem", {
      method: "POST",
      json: name === undefined ? { token } : { token, name },
    });
  }

  async createRoom(name?: string): Promise<{ slug: string; name: string }> {
    const { status, body } = await this.json<{ room: { slug: string; name: string } }>("/api/rooms", { method: "POST", json: name ? { name } : {} });
    if (status !== 201) throw new Error(`creating a room failed with ${status}`);
    return body.room;
  }
}

export type TestUser = { id: string; name: string; email: string; password: string };

/** A new account that is surely no admin: the first account of a fresh database is one. */
export async function newMember(label = "Member"): Promise<{ client: HttpClient; user: TestUser }> {
  for (;;) {
    const client = new HttpClient();
    const person = newPerson(label);
    const { id, role } = await client.signUp(person);
    if (role === "MEMBER") return { client, user: { id, ...person } };
  }
}

/** The administrator named in ADMIN_EMAILS (scripts/test.ts), signed in. */
export async function signedInAdmin(): Promise<{ client: HttpClient; user: TestUser }> {
  const client = new HttpClient();
  const person = { name: "Test Admin", email: process.env.PARLEY_TEST_ADMIN_EMAIL!, password: "correct horse battery" };
  await client.signInOrUp(person);
  const { body } = await client.json<{ users: { id: string; email: string }[] }>(`/api/admin/users?q=${encodeURIComponent(person.email)}`);
  const id = body.users.find((user) => user.email === person.email)?.id;
  if (!id) throw new Error(`${person.email} is not listed as a user`);
  return { client, user: { id, ...person } };
}
