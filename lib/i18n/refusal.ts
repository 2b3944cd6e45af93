import "server-only";
import { getLocale } from "next-intl/server";
import { messageIn, type AppError } from "../http";

/** A refusal's message for a form that a server action answers, as route handlers answer it. */
export async function refusalMessage(error: AppError): Promise<string> {
  return messageIn(await getLocale(), error.code, error.message);
}
