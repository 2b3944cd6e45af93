"use server";
// /account's forms post here (server actions, so they work without JavaScript and the
// passwords travel in POST bodies only). Each checks who is calling first.
import { getTranslations } from "next-intl/server";
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
import { refusalMessage } from "@/lib/i18n/refusal";
import { formProblem } from "../_components/form-problems";

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
    if (error instanceof AppError) return { error: await refusalMessage(error) };
    if (error instanceof ZodError) {
      if (error.issues[0]?.path[0] === "rooms")
        return { error: (await getTranslations("account"))("delete.chooseRooms") };
      return { error: formProblem(await getTranslations("auth"), error) };
    }
    throw error;
  }
}

export async function renameAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await signedIn();
  return attempt(async () => {
    await renameAccount(user.id, renameSchema.parse(fields(form)).name);
    revalidatePath("/", "layout");
    return (await getTranslations("account"))("name.done");
  });
}

export async function changePasswordAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await signedIn();
  return attempt(async () => {
    const { current, password } = changePasswordSchema.parse(fields(form));
    await issueSessionCookie(await changePassword(user.id, current, password));
    return (await getTranslations("account"))("password.done");
  });
}

export async function endOtherSessionsAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  void form;
  const user = await signedIn();
  return attempt(async () => {
    await issueSessionCookie(await endOtherSessions(user.id));
    return (await getTranslations("account"))("sessions.done");
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
