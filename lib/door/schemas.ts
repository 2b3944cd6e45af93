// What the door's routes accept (lib/door/rules.ts has the rules both sides share).
import { z } from "zod";
import { hasControlCharacters } from "../text";
import { DENIAL_MESSAGE_MAX } from "./rules";

export const denyKnockSchema = z
  .object({
    message: z
      .string()
      .trim()
      .max(DENIAL_MESSAGE_MAX, { message: `Keep the message under ${DENIAL_MESSAGE_MAX} characters.` })
      .refine((text) => !hasControlCharacters(text), { message: "The message contains characters we can't show." })
      .optional(),
  })
  .strict();

export const lockRoomSchema = z.object({ locked: z.boolean({ message: "locked must be true or false." }) }).strict();
