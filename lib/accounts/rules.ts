// Account input rules, shared by the sign-up form (for instant feedback) and the server (which decides).
import { z } from "zod";
import { hasControlCharacters } from "../text";

const MIN_PASSWORD_LENGTH = 10;
// argon2 cost grows with input; cap it so a huge password cannot tie up the server.
export const MAX_PASSWORD_LENGTH = 256;

export const emailSchema = z
  .string({ message: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, { message: "That email address is too long." })
  .pipe(z.email({ message: "That doesn't look like an email address." }));

export const passwordSchema = z
  .string({ message: "Enter a password." })
  .min(MIN_PASSWORD_LENGTH, { message: `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.` })
  .max(MAX_PASSWORD_LENGTH, { message: `Use at most ${MAX_PASSWORD_LENGTH} characters for your password.` });

export const displayNameSchema = z
  .string({ message: "Enter your name." })
  .trim()
  .min(1, { message: "Enter your name." })
  .max(64, { message: "Use at most 64 characters for your name." })
  .refine((name) => !hasControlCharacters(name), { message: "Your name contains characters we can't show." });

export const signUpSchema = z
  .object({
    name: displayNameSchema,
    email: emailSchema,
    password: passwordSchema,
    // the token of an administrator's invitation (/signup?invitation=...), when there is one
    invitation: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, { message: "That invitation link is not valid." })
      .optional(),
  })
  .strict();

// Not strict: next-auth hands `authorize` the whole sign-in form (csrfToken, callbackUrl, …);
// lib/auth/next-auth-requests.ts has already refused any field beyond those.
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
