import { z } from "zod";
import { hasControlCharacters } from "../text";

export const roomNameSchema = z
  .string()
  .trim()
  .max(80, { message: "Use at most 80 characters for the meeting name." })
  .refine((name) => !hasControlCharacters(name), { message: "The meeting name contains characters we can't show." });

export const createRoomSchema = z.object({ name: roomNameSchema.optional() }).strict();
