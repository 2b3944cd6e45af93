import "server-only";
import { sendLiveKitData } from "../livekit/room-service";
import { logger } from "../logger";
import { NOTICE_TOPIC, type Notice } from "./rules";

/**
 * Tells people in the meeting what was done to them and by whom (everyone when `identities` is
 * absent). A notice that cannot be sent does not stop the decision: the page also asks the
 * server why it was disconnected (GET /api/rooms/[slug]/departure).
 */
export async function tell(room: string, notice: Notice, identities?: string[]): Promise<void> {
  try {
    await sendLiveKitData(room, new TextEncoder().encode(JSON.stringify(notice)), { topic: NOTICE_TOPIC, identities });
  } catch (error) {
    logger.warn("notice_not_sent", {
      room,
      kind: notice.kind,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
