// Asking the real LiveKit server what it thinks: would it accept a token, who is in a room.
import WebSocket from "ws";
import { stack } from "./stack";
import type { Json } from "./webhooks";

export async function livekitValidate(token: string): Promise<number> {
  const response = await fetch(`${stack.livekitUrl}/rtc/validate?access_token=${encodeURIComponent(token)}`);
  return response.status;
}

/** Opens the LiveKit signal connection with a token, as a client does when it joins. */
export async function openSignal(token: string): Promise<WebSocket> {
  const socket = new WebSocket(
    `${stack.livekitUrl.replace(/^http/, "ws")}/rtc?access_token=${encodeURIComponent(token)}&auto_subscribe=1&sdk=js&protocol=15`,
  );
  await new Promise<void>((resolve, reject) => {
    socket.once("message", () => resolve());
    socket.once("error", reject);
    socket.once("unexpected-response", (_request, response) =>
      reject(new Error(`signal refused with ${response.statusCode}`)),
    );
  });
  return socket;
}

export async function participantsIn(room: string): Promise<string[]> {
  try {
    return (await stack.roomService().listParticipants(room)).map((p) => p.identity);
  } catch {
    return [];
  }
}

export type InMeeting = { socket: WebSocket; identity: string; room: Json; participant: Json; joinedAt: Date };

/**
 * Joins with a token from the app and waits until LiveKit lists the participant; returns the room
 * and the participant in webhook JSON. A signal-only participant gets no participant_joined
 * webhook from LiveKit (it never becomes active), so the app hears of it only from the test.
 */
export async function joinMeeting(token: string): Promise<InMeeting> {
  const { sub: identity, video } = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
    sub: string;
    video: { room: string };
  };
  const socket = await openSignal(token);
  const service = stack.roomService();
  for (
    const deadline = Date.now() + 10_000;
    Date.now() < deadline;
    await new Promise((resolve) => setTimeout(resolve, 100))
  ) {
    const [room] = await service.listRooms([video.room]);
    const participant = room && (await service.listParticipants(video.room)).find((p) => p.identity === identity);
    if (room && participant) {
      return {
        socket,
        identity,
        room: room.toJson() as Json,
        participant: participant.toJson() as Json,
        joinedAt: new Date(Number(participant.joinedAtMs)),
      };
    }
  }
  socket.close();
  throw new Error(`LiveKit never listed ${identity} in ${video.room}`);
}

/** Resolves once the server has closed the connection (it removed the participant or closed the room). */
export function closedByServer(socket: WebSocket, timeoutMs = 10_000): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server kept the connection open")), timeoutMs);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
