"use server";
// /account's forms post here (server actions, so they work without JavaScript and the
// passwords travel in POST bodies only). Each checks who is calling first.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import {
  changePassword,
  changePasswordSchema,
  deleteAccount,
  deleteAccountSchema,
  endOtherSessions,
  renameAccount,
  renameSchema,
} from "@/lib/accounts/account-settings";
import { currentUser } from "@/lib/auth/session";
import { issueSessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/http";

export type AccountFormState = { error: string | null; done?: string };

function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (!key.startsWith("$") && typeof value === "string") out[key] = value;
  return out;
}

async function signedIn() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=%2Faccount");
  return user;
}

async function attempt(work: () => Promise<string>): Promise<AccountFormState> {
  try {
    return { error: null, done: await work() };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    if (error instanceof ZodError) return { error: error.issues[0]?.message ?? "Check the form." };
    throw error;
  }
}

export async function renameAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await signedIn();
  return attempt(async () => {
    await renameAccount(user.id, renameSchema.parse(fields(form)).name);
    revalidatePath("/", "layout");
    return "Your name was changed.";
  });
}

export async function changePasswordAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await signedIn();
  return attempt(async () => {
    const { current, password } = changePasswordSchema.parse(fields(form));
    await issueSessionCookie(await changePassword(user.id, current, password));
    return "Your password was changed. Every other session of your account was signed out.";
  });
}

export async function endOtherSessionsAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  void form;
  const user = await signedIn();
  return attempt(async () => {
    await issueSessionCookie(await endOtherSessions(user.id));
    return "Every other session of your account was signed out.";
  });
}

export async function deleteAccountAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await signedIn();
  const outcome = await attempt(async () => {
    await deleteAccount(user.id, deleteAccountSchema.parse(fields(form)));
    (await cookies()).delete(sessionCookieName());
    return "deleted";
  });
  if (outcome.error) return outcome;
  redirect("/signin?deleted=1");
}
