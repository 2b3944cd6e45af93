// Why the meeting ended for this person, in words: from the notice the server sent just before
// (if it arrived), else from asking the server (GET /api/rooms/[slug]/departure).
import type { DepartureResponse } from "@/app/api/rooms/[slug]/departure/route";
import { noticeText, type Notice } from "@/lib/moderation/rules";
import { callApi } from "../api";

export type Explained = { title: string; message: string; retry: boolean };

const out = (message: string): Explained => ({ title: "You're no longer in the meeting", message, retry: true });
const ended = (message: string, retry = false): Explained => ({ title: "The meeting has ended", message, retry });

function fromNotice(notice: Notice): Explained {
  const message = noticeText(notice);
  return notice.kind === "meeting_ended" || notice.kind === "room_closed" ? ended(message) : out(message);
}

async function askServer(slug: string): Promise<DepartureResponse | "gone" | null> {
  const result = await callApi<DepartureResponse>(`/api/rooms/${encodeURIComponent(slug)}/departure`, {
    method: "GET",
  });
  if (result.ok) return result.body;
  return result.code === "not_found" ? "gone" : null;
}

/** `how`: LiveKit removed this person, or closed the whole room. */
export async function explainDeparture(
  slug: string,
  how: "removed" | "room_closed",
  notice: Notice | null,
): Promise<Explained> {
  if (notice) return fromNotice(notice);
  const known = await askServer(slug);
  if (how === "removed") {
    if (known && known !== "gone" && known.removedBy) return out(noticeText({ kind: "removed", by: known.removedBy }));
    if (known && known !== "gone" && known.accessRevokedBy)
      return out(noticeText({ kind: "access_revoked", by: known.accessRevokedBy }));
    return out("You were removed from this meeting.");
  }
  // A room deleted, or closed until an admin reopens it, was an admin's doing; otherwise a host's.
  if (known === "gone" || known?.roomClosed) return ended(noticeText({ kind: "room_closed", by: "" }));
  return ended(
    known?.endedBy
      ? noticeText({ kind: "meeting_ended", by: known.endedBy })
      : "The host ended this meeting for everyone.",
  );
}
