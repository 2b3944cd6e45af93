// JSON calls to our API from client components: the body the route answers with, typed by the
// type the route exports, or the server's error code and its message for people.
import { isErrorCode, type ErrorCode } from "@/lib/error-codes";
import { errorWords } from "./error-words";
import type { Json } from "./json";

/** Why a call failed: the server's code and message, or `offline` when Parley could not be reached. */
export type ApiFailure = { ok: false; code: ErrorCode | "offline"; message: string };

/** `T` is the response type the route exports; it arrives as JSON, so its dates are strings. */
export type ApiResult<T> = { ok: true; body: Json<T> } | ApiFailure;

export async function callApi<T>(path: string, init: { method: string; json?: unknown }): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method,
      headers: init.json === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  } catch {
    return { ok: false, code: "offline", message: errorWords().offline.message };
  }
  const body: unknown = await response.json().catch(() => null);
  // The one place a body is taken on trust: the route's exported type says what it sends.
  if (response.ok) return { ok: true, body: body as Json<T> };
  return { ok: false, ...(refusalIn(body) ?? { code: "internal", message: errorWords().unreadable.message }) };
}

/** The `{ "error": { "code", "message" } }` in a body, if that is what the body is. */
function refusalIn(body: unknown): { code: ErrorCode; message: string } | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const { error } = body;
  if (typeof error !== "object" || error === null || !("code" in error) || !("message" in error)) return null;
  return isErrorCode(error.code) && typeof error.message === "string"
    ? { code: error.code, message: error.message }
    : null;
}
