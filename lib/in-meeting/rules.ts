// What people send while in a meeting (a raised hand, a reaction, a chat message), and what the
// server passes on to the room; shared by the meeting page and the server.
import { z } from "zod";

// The server relays reactions and chat as LiveKit data messages on these topics (never a participant:
// their tokens grant no data publishing), so each carries who it is from.
export const REACTION_TOPIC = "parley.reaction";
export const CHAT_TOPIC = "parley.chat";

export const REACTIONS = ["👍", "👏", "😂", "❤️", "🎉", "😮"] as const;
export type Reaction = (typeof REACTIONS)[number];

/** The longest chat message, in characters (as a person counts them). */
export const CHAT_MAX_CHARACTERS = 2000;

export const handSchema = z
  .object({ raised: z.boolean({ message: "Say true (raise your hand) or false (lower it)." }) })
  .strict();

export const reactionSchema = z
  .object({ emoji: z.enum(REACTIONS, { message: `Choose one of ${REACTIONS.join(" ")}.` }) })
  .strict();

// Long messages pass the schema so the refusal can say how long they were (lib/in-meeting/chat.ts).
export const chatMessageSchema = z.object({ text: z.string({ message: "Write a message." }) }).strict();

export const chatSwitchSchema = z
  .object({ enabled: z.boolean({ message: "Say true (chat on) or false (chat off)." }) })
  .strict();

export const reactionEventSchema = z
  .object({ identity: z.string().max(64), emoji: z.enum(REACTIONS), at: z.number() })
  .strict();
export type ReactionEvent = z.infer<typeof reactionEventSchema>;

export const chatLineSchema = z
  .object({
    id: z.string().max(64),
    identity: z.string().max(64),
    name: z.string().max(200),
    text: z.string().max(CHAT_MAX_CHARACTERS * 2),
    sentAt: z.string().max(40),
  })
  .strict();
export type ChatLine = z.infer<typeof chatLineSchema>;

/** Chat is turned on or off for the meeting: sent on the chat topic too. */
export const chatStateSchema = z.object({ enabled: z.boolean(), by: z.string().max(200) }).strict();
export type ChatState = z.infer<typeof chatStateSchema>;

export const chatEventSchema = z.union([
  z.object({ kind: z.literal("message"), message: chatLineSchema }).strict(),
  z.object({ kind: z.literal("state"), state: chatStateSchema }).strict(),
]);
export type ChatEvent = z.infer<typeof chatEventSchema>;

/** Characters as a person counts them (an emoji is one), not UTF-16 code units. */
export const characterCount = (text: string) => [...text].length;
