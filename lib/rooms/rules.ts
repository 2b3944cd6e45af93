import { z } from "zod";
import { WAITING_ROOM_CHOICES } from "../door/rules";
import { hasControlCharacters } from "../text";

export const roomNameSchema = z
  .string()
  .trim()
  .max(80, { message: "Use at most 80 characters for the meeting name." })
  .refine((name) => !hasControlCharacters(name), { message: "The meeting name contains characters we can't show." });

export const createRoomSchema = z.object({ name: roomNameSchema.optional() }).strict();

export const roomSettingsSchema = z
  .object({
    joinPolicy: z.enum(["MEMBERS", "INVITE_ONLY"]).optional(),
    allowGuests: z.boolean().optional(),
    maxParticipants: z.int().min(2, { message: "Allow at least 2 participants." }).max(1000).nullable().optional(),
    waitingRoom: z.enum(WAITING_ROOM_CHOICES, { message: "Choose who waits: EVERYONE, GUESTS or NOBODY." }).optional(),
    e2ee: z.boolean().optional(),
  })
  .strict();
