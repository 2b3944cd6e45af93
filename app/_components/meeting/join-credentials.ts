// Asks the server to let us in and turns every refusal into words a person can act on.
import type { JoinCredentials } from "@/lib/meetings/join-credentials";

export type JoinSource = { kind: "room"; slug: string } | { kind: "invite"; token: string };

/** `fixable`: the caller typed something wrong (e.g. their name) and can correct it. */
type Problem = { title: string; message: string; retry: boolean; fixable?: boolean; network?: boolean };

const titles: Record<string, string> = {
  room_full: "This meeting is full",
  invite_required: "This meeting is invite-only",
  guests_not_allowed: "Guests can't join this meeting",
  account_required: "Sign in to join",
  invite_revoked: "This invite link was revoked",
  invite_expired: "This invite link has expired",
  invite_used_up: "This invite link has been used up",
  room_ended: "This meeting has ended",
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
    return { ok: false, problem: { title: "You're offline", message: "Parley can't be reached. Check your connection and try again.", retry: true, network: true } };
  }
  if (response.ok) return { ok: true, credentials: (await response.json()) as JoinCredentials };
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const message = body?.error?.message ?? "Something went wrong. Try again.";
  const title = titles[body?.error?.code ?? ""];
  switch (response.status) {
    case 400:
      return { ok: false, problem: { title: "Check your details", message, retry: true, fixable: true } };
    case 401:
      return { ok: false, problem: { title: title ?? "Sign in to join", message, retry: false } };
    case 403:
      return { ok: false, problem: { title: title ?? "You can't join this meeting", message, retry: body?.error?.code === "room_full" } };
    case 404:
      return { ok: false, problem: { title: "No such meeting", message, retry: false } };
    case 410:
      return { ok: false, problem: { title: title ?? "This meeting has ended", message, retry: false } };
    case 429:
      return { ok: false, problem: { title: "Too many attempts", message, retry: true } };
    case 503:
      return { ok: false, problem: { title: "Meeting service unavailable", message, retry: true, network: true } };
    default:
      return { ok: false, problem: { title: "Couldn't join", message, retry: true } };
  }
}
