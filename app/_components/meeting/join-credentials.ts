// Asks the server to let us in and turns every refusal into words a person can act on.
import { ERROR_STATUS, type ErrorCode } from "@/lib/error-codes";
import type { JoinCredentials } from "@/lib/meetings/join-credentials";
import { callApi, type ApiFailure } from "../api";
import { errorWords, joiningTitle } from "../error-words";

export type JoinSource = { kind: "room"; slug: string } | { kind: "invite"; token: string };

/**
 * `fixable`: the caller typed something wrong (e.g. their name) and can correct it. `code`: why,
 * for refusals the page handles itself (`waiting_room`: knock and wait).
 */
export type Problem = {
  title: string;
  message: string;
  retry: boolean;
  fixable?: boolean;
  code: ErrorCode | "offline";
};

// Refusals that may be lifted while the person waits: a place frees up, a host unlocks the room or
// lets them back in.
const mayChange: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["room_full", "room_locked", "removed"]);

export async function fetchJoinCredentials(
  source: JoinSource,
  name?: string,
): Promise<{ ok: true; credentials: JoinCredentials } | { ok: false; problem: Problem }> {
  const result =
    source.kind === "room"
      ? await callApi<JoinCredentials>(`/api/rooms/${encodeURIComponent(source.slug)}/token`, { method: "POST" })
      : await callApi<JoinCredentials>("/api/invites/redeem", {
          method: "POST",
          json: name === undefined ? { token: source.token } : { token: source.token, name },
        });
  return result.ok ? { ok: true, credentials: result.body } : { ok: false, problem: problemOf(result) };
}

/** A refusal of joining (or of knocking at the door) in words a person can act on. */
export function problemOf({ code, message }: ApiFailure): Problem {
  if (code === "offline") return { title: errorWords().offline.title, message, retry: true, code };
  const title = joiningTitle(code);
  switch (ERROR_STATUS[code]) {
    case 400:
      return { title, message, retry: true, fixable: true, code };
    // Who the caller is, what the room allows and whether it still exists do not change by
    // trying again; a full room may have a seat in a moment, a locked one may be unlocked.
    case 401:
    case 403:
    case 404:
    case 410:
      return { title, message, retry: mayChange.has(code), code };
    default:
      return { title, message, retry: true, code };
  }
}
