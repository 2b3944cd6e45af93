// Asking the real LiveKit server what it thinks: would it accept a token, who is in a room.
import WebSocket from "ws";
import { stack } from "./stack";

export async function livekitValidate(token: string): Promise<number> {
  const response = await fetch(`${stack.livekitUrl}/rtc/validate?access_token=${encodeURIComponent(token)}`);
  return response.status;
}

/** Opens the LiveKit signal connection with a token, as a client does when it joins. */
export async function openSignal(token: string): Promise<WebSocket> {
  const socket = new WebSocket(`${stack.livekitUrl.replace(/^http/, "ws")}/rtc?access_token=${encodeURIComponent(token)}&auto_subscribe=1&sdk=js&protocol=15`);
  await new Promise<void>((resolve, reject) => {
    socket.once("message", () => resolve());
    socket.once("error", reject);
    socket.once("unexpected-response", (_request, response) => reject(new Error(`signal refused with ${response.statusCode}`)));
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
