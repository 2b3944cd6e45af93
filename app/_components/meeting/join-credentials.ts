// Asks the server to let us in and turns every refusal into words a person can act on.
import type { JoinCredentials } from "@/lib/meetings/join-credentials";

export type JoinSource = { kind: "room"; slug: string } | { kind: "invite"; token: string };

/**
 * `fixable`: the caller typed something wrong (e.g. their name) and can correct it. `code`: the
 * server's error code, for refusals the page handles itself (`waiting_room`: knock and wait).
 */
export type Problem = { title: string; message: string; retry: boolean; fixable?: boolean; code?: string };

const titles: Record<string, string> = {
  room_full: "This meeting is full",
  invite_required: "This meeting is invite-only",
  guests_not_allowed: "Guests can't join this meeting",
  account_required: "Sign in to join",
  invite_revoked: "This invite link was revoked",
  invite_expired: "This invite link has expired",
  invite_used_up: "This invite link has been used up",
  room_ended: "This meeting has ended",
  room_locked: "This meeting is locked",
  waiting_room: "Waiting for the host to let you in",
};

export async function fetchJoinCredentials(
  source: JoinSource,
  name?: string,
): Promise<{ ok: true; credentials: JoinCredentials } | { ok: false; problem: Problem }> {
  let response: Response;
  try {
    response =
      source.kind === "room"
        ? await fetch(`/api/rooms/${encodeURIComponent(source.slug)}/token`, { method: "POST" })
        : await fetch("/api/invites/redeem", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(name === undefined ? { token: source.token } : { token: source.token, name }),
          });
  } catch {
    return { ok: false, problem: OFFLINE };
  }
  if (response.ok) return { ok: true, credentials: (await response.json()) as JoinCredentials };
  return { ok: false, problem: await problemOf(response) };
}

export const OFFLINE: Problem = { title: "You're offline", message: "Parley can't be reached. Check your connection and try again.", retry: true };

/** A refusal of the token route (or of knocking at the door) in words a person can act on. */
export async function problemOf(response: Response): Promise<Problem> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const message = body?.error?.message ?? "Something went wrong. Try again.";
  const code = body?.error?.code;
  const title = titles[code ?? ""];
  return { ...problemFor(response.status, title, message, code), ...(code ? { code } : {}) };
}

function problemFor(status: number, title: string | undefined, message: string, code: string | undefined): Problem {
  switch (status) {
    case 400:
      return { title: "Check your details", message, retry: true, fixable: true };
    case 401:
      return { title: title ?? "Sign in to join", message, retry: false };
    case 403:
      return { title: title ?? "You can't join this meeting", message, retry: code === "room_full" || code === "room_locked" };
    case 404:
      return { title: "No such meeting", message, retry: false };
    case 410:
      return { title: title ?? "This meeting has ended", message, retry: false };
    case 429:
      return { title: "Too many attempts", message, retry: true };
    case 503:
      return { title: "Meeting service unavailable", message, retry: true };
    default:
      return { title: "Couldn't join", message, retry: true };
  }
}
