// Asks the server for a LiveKit token and turns every failure into words a person can act on.
import type { JoinCredentials } from "@/lib/meetings";

type Problem = { title: string; message: string; retry: boolean };

export async function fetchJoinCredentials(
  slug: string,
): Promise<{ ok: true; credentials: JoinCredentials } | { ok: false; problem: Problem }> {
  let response: Response;
  try {
    response = await fetch(`/api/rooms/${encodeURIComponent(slug)}/token`, { method: "POST" });
  } catch {
    return { ok: false, problem: { title: "You're offline", message: "Parley can't be reached. Check your connection and try again.", retry: true } };
  }
  if (response.ok) return { ok: true, credentials: (await response.json()) as JoinCredentials };
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const message = body?.error?.message ?? "Something went wrong. Try again.";
  switch (response.status) {
    case 401:
      return { ok: false, problem: { title: "Sign in to join", message, retry: false } };
    case 404:
      return { ok: false, problem: { title: "No such meeting", message, retry: false } };
    case 410:
      return { ok: false, problem: { title: "This meeting has ended", message, retry: false } };
    case 503:
      return { ok: false, problem: { title: "Meeting service unavailable", message, retry: true } };
    default:
      return { ok: false, problem: { title: "Couldn't join", message, retry: true } };
  }
}
