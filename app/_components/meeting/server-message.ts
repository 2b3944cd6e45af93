// Messages Parley's server sends into a meeting (notices, chat, reactions) arrive on LiveKit's
// data channel. LiveKit stamps a participant's messages with who sent them and the server's
// with no one: anything with a sender is someone in the meeting pretending to be Parley.
import type { z } from "zod";

export type DataMessage = { payload: Uint8Array; from?: unknown };

/** The message's body when the server sent it and it has the expected shape; otherwise null. */
export function serverMessage<T>(message: DataMessage, schema: z.ZodType<T>): T | null {
  if (message.from !== undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(message.payload));
  } catch {
    return null;
  }
  const result = schema.safeParse(parsed);
  return result.success ? result.data : null;
}
