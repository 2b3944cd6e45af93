"use server";
// The forms that carry a password or a reset link post here (server actions): a plain POST
// that works before the page's JavaScript has loaded, or without it, and never puts a secret
// in an address. Each answers with a redirect on success, or the form again with the reason.
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { signUp } from "@/lib/accounts/sign-up";
import { passwordSchema, signUpSchema } from "@/lib/accounts/rules";
import {
  requestPasswordReset,
  resetPassword,
  resetRequestSchema,
  resetTokenSchema,
} from "@/lib/accounts/password-reset";
import { clientIp } from "@/lib/client-ip";
import { safeCallback, type AuthFormState } from "@/lib/auth/form-state";
import { signInWithPassword } from "@/lib/auth/password-sign-in";
import { issueSessionCookie } from "@/lib/auth/session-cookie";
import {
  confirmationAgainSchema,
  confirmEmail,
  emailCheckTokenSchema,
  requestEmailCheckAgain,
} from "@/lib/accounts/email-check";
import { AppError } from "@/lib/http";
import { refusalMessage } from "@/lib/i18n/refusal";
import { enforceRateLimit } from "@/lib/rate-limit";
import { MAX_PASSWORD_LENGTH } from "@/lib/accounts/rules";
import { fieldProblem, formProblem, type AccountField } from "../_components/form-problems";

const text = z.string().max(2048).optional();
const signInForm = z.object({
  email: text,
  password: z.string().max(MAX_PASSWORD_LENGTH).optional(),
  callbackUrl: text,
});
const signUpForm = z.object({ name: text, email: text, password: text, invitation: text, callbackUrl: text });

/** The form's fields as strings; React's own hidden fields ($ACTION_…) are left out. */
function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (!key.startsWith("$") && typeof value === "string") out[key] = value;
  return out;
}

/** The reason in the request's language; a standalone field's schema names no field, so it is given. */
async function problem(error: unknown, field?: AccountField): Promise<string> {
  if (error instanceof AppError) return refusalMessage(error);
  if (error instanceof ZodError) {
    const t = await getTranslations("auth");
    return field ? fieldProblem(t, field, error.issues[0]) : formProblem(t, error);
  }
  throw error;
}

export async function signInAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = signInForm.safeParse(fields(form));
  // A password longer than any allowed is simply a wrong one.
  if (!input.success) return { error: (await getTranslations("auth"))("signInErrors.wrongCredentials") };
  const email = input.data.email ?? "";
  let next: string;
  try {
    const user = await signInWithPassword(await headers(), email, input.data.password ?? "");
    if (!user) return { error: (await getTranslations("auth"))("signInErrors.wrongCredentials"), email };
    await issueSessionCookie(user);
    next = safeCallback(input.data.callbackUrl);
  } catch (error) {
    return { error: await problem(error), email };
  }
  redirect(next);
}

export async function signUpAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const raw = signUpForm.safeParse(fields(form));
  if (!raw.success) return { error: await problem(raw.error) };
  const kept = { name: raw.data.name ?? "", email: raw.data.email ?? "" };
  let next: string;
  try {
    const input = signUpSchema.parse({
      name: raw.data.name,
      email: raw.data.email,
      password: raw.data.password,
      invitation: raw.data.invitation || undefined,
    });
    const requestHeaders = await headers();
    enforceRateLimit("signUpPerIp", clientIp(requestHeaders));
    enforceRateLimit("signUpPerEmail", input.email);
    const { user, mustConfirm } = await signUp(input);
    if (mustConfirm) {
      next = "/signin?confirm=sent";
    } else {
      await issueSessionCookie(user);
      next = safeCallback(raw.data.callbackUrl);
    }
  } catch (error) {
    return { error: await problem(error), ...kept };
  }
  redirect(next);
}

/** A form that has a link mailed (app/_components/MailLinkForm.tsx): the problem, or where it went. */
export type MailLinkState = { error: string | null; sentTo?: string };

export async function requestResetAction(_previous: MailLinkState, form: FormData): Promise<MailLinkState> {
  try {
    const { email } = resetRequestSchema.parse({ email: fields(form).email ?? "" });
    requestPasswordReset(await headers(), email);
    return { error: null, sentTo: email };
  } catch (error) {
    return { error: await problem(error) };
  }
}

export async function resetPasswordAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const { token, password } = fields(form);
  const validToken = resetTokenSchema.safeParse(token ?? "");
  if (!validToken.success) return { error: await problem(validToken.error, "resetToken") };
  const validPassword = passwordSchema.safeParse(password ?? "");
  if (!validPassword.success) return { error: await problem(validPassword.error, "password") };
  try {
    await resetPassword(validToken.data, validPassword.data);
  } catch (error) {
    return { error: await problem(error) };
  }
  redirect("/signin?reset=done");
}

export async function confirmEmailAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    await confirmEmail(emailCheckTokenSchema.parse(fields(form).token ?? ""));
  } catch (error) {
    return { error: await problem(error, "confirmToken") };
  }
  redirect("/signin?confirm=done");
}

export async function confirmAgainAction(_previous: MailLinkState, form: FormData): Promise<MailLinkState> {
  try {
    const { email } = confirmationAgainSchema.parse({ email: fields(form).email ?? "" });
    requestEmailCheckAgain(await headers(), email);
    return { error: null, sentTo: email };
  } catch (error) {
    return { error: await problem(error) };
  }
}
