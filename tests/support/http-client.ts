// Talks to the running app the way a browser does: a cookie jar, next-auth's CSRF dance.
import { request as httpRequest } from "node:http";
import { stack } from "./stack";

/**
 * One HTTP request from a chosen local address (any of 127.0.0.0/8 works on loopback), so a
 * test can be a different client as the app's rate limits see it.
 */
function requestFrom(
  localAddress: string,
  url: URL,
  init: { method?: string; headers: Headers; body?: string },
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: init.method ?? "GET", headers: Object.fromEntries(init.headers), localAddress },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
              headers.append(name, one);
          }
          const status = incoming.statusCode ?? 500;
          resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers }));
        });
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}

export class HttpClient {
  private cookies = new Map<string, string>();

  /** `from`: the local address to connect from (default: the system's choice, 127.0.0.1). */
  constructor(
    private readonly base = stack.appUrl,
    private readonly options: { from?: string } = {},
  ) {}

  async request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    const url = new URL(path, this.base);
    const response = this.options.from
      ? await requestFrom(this.options.from, url, {
          method: init.method,
          headers,
          body: body === undefined || body === null ? undefined : String(body),
        })
      : await fetch(url, { ...init, headers, body, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return response;
  }

  /** The Cookie header this client sends (e.g. for a load generator acting as the same browser). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async json<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await this.request(path, init);
    return { status: response.status, body: (await response.json()) as T };
  }

  /** Posts next-auth's credentials sign-in form (with a fresh CSRF token); the raw answer. */
  async attemptSignIn(email: string, password: string, extra: Record<string, string> = {}): Promise<Response> {
    const { body } = await this.json<{ csrfToken: string }>("/api/auth/csrf");
    return this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: body.csrfToken, email, password, ...extra }),
    });
  }

  /** Signs in with next-auth's credentials provider; returns whether it worked. */
  async signIn(email: string, password: string): Promise<boolean> {
    const response = await this.attemptSignIn(email, password);
    const location = response.headers.get("location") ?? "";
    return (
      response.status === 302 &&
      !location.includes("error=") &&
      [...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))
    );
  }

  async signUp(person: {
    name: string;
    email: string;
    password: string;
    invitation?: string;
  }): Promise<{ id: string; role: string }> {
    const { status, body } = await this.json<{ user: { id: string; role: string } }>("/api/accounts", {
      method: "POST",
      json: person,
    });
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

  async createInvite(
    slug: string,
    body: Record<string, unknown>,
  ): Promise<{ id: string; token: string; path: string }> {
    const { status, body: created } = await this.json<{ invite: { id: string; path: string } }>(
      `/api/rooms/${slug}/invites`,
      { method: "POST", json: body },
    );
    if (status !== 201) throw new Error(`creating an invite failed with ${status}: ${JSON.stringify(created)}`);
    return { ...created.invite, token: created.invite.path.replace("/j/", "") };
  }

  redeem(token: string, name?: string) {
    return this.json<{ token: string; role: string; error?: { code: string; message: string } }>(
      "/api/invites/redeem",
      {
        method: "POST",
        json: name === undefined ? { token } : { token, name },
      },
    );
  }

  /**
   * Lets everyone the room admits straight in, without knocking (new rooms make guests wait):
   * for tests that are not about the waiting room.
   */
  async letEveryoneIn(slug: string): Promise<void> {
    const { status, body } = await this.json(`/api/rooms/${slug}/settings`, {
      method: "PATCH",
      json: { waitingRoom: "NOBODY" },
    });
    if (status !== 200) throw new Error(`opening the door failed with ${status}: ${JSON.stringify(body)}`);
  }

  async createRoom(name?: string): Promise<{ slug: string; name: string }> {
    const { status, body } = await this.json<{ room: { slug: string; name: string } }>("/api/rooms", {
      method: "POST",
      json: name ? { name } : {},
    });
    if (status !== 201) throw new Error(`creating a room failed with ${status}`);
    return body.room;
  }
}
