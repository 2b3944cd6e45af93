// Why the meeting ended for this person, in words: from the notice the server sent just before
// (if it arrived), else from asking the server (GET /api/rooms/[slug]/departure).
import type { DepartureResponse } from "@/app/api/rooms/[slug]/departure/route";
import type { Notice } from "@/lib/moderation/rules";
import { callApi } from "../api";
import type { MeetingT } from "./meeting-t";
import { noticeText } from "./notice-text";

export type Explained = { title: string; message: string; retry: boolean };

function fromNotice(notice: Notice, t: MeetingT): Explained {
  const message = noticeText(t, notice);
  return notice.kind === "meeting_ended" || notice.kind === "room_closed"
    ? { title: t("departure.endedTitle"), message, retry: false }
    : { title: t("departure.outTitle"), message, retry: true };
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
  t: MeetingT,
): Promise<Explained> {
  if (notice) return fromNotice(notice, t);
  const known = await askServer(slug);
  const out = (message: string): Explained => ({ title: t("departure.outTitle"), message, retry: true });
  const ended = (message: string): Explained => ({ title: t("departure.endedTitle"), message, retry: false });
  if (how === "removed") {
    if (known && known !== "gone" && known.removedBy)
      return out(noticeText(t, { kind: "removed", by: known.removedBy }));
    if (known && known !== "gone" && known.accessRevokedBy)
      return out(noticeText(t, { kind: "access_revoked", by: known.accessRevokedBy }));
    return out(t("departure.removed"));
  }
  // A room deleted, or closed until an admin reopens it, was an admin's doing; otherwise a host's.
  if (known === "gone" || known?.roomClosed) return ended(noticeText(t, { kind: "room_closed", by: "" }));
  return ended(
    known?.endedBy ? noticeText(t, { kind: "meeting_ended", by: known.endedBy }) : t("departure.endedByHost"),
  );
}
