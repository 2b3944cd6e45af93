// The one error type of the app and the one JSON error shape: { "error": { "code", "message" } }.
import { NextResponse } from "next/server";
import { z, ZodError, type ZodType } from "zod";
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorStatus } from "./error-codes";
import { DEFAULT_LOCALE, type Locale } from "./i18n/locales";
import { CATALOGUES } from "./i18n/messages";
import { logger } from "./logger";

/** A refusal with its code; the HTTP status comes from the code (lib/error-codes.ts). */
export class AppError extends Error {
  readonly status: ErrorStatus;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const unauthenticated = () => new AppError("unauthenticated", "Sign in to continue.");
export const notFound = (what = "That") => new AppError("not_found", `${what} does not exist.`);

// Every JSON body this API takes is a few hundred bytes; nothing legitimate comes near this.
export const MAX_BODY_BYTES = 64 * 1024;
export const payloadTooLarge = () =>
  new AppError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} kB.`);

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** A refusal's message in `locale`: the server's English, or the code's explanation in another language. */
export function messageIn(locale: Locale, code: ErrorCode, english: string): string {
  return locale === DEFAULT_LOCALE ? english : CATALOGUES[locale].errors.codes[code].message;
}

/**
 * The error as the JSON error body. The server's messages are written in English, with details
 * (names, limits, fields); in another language the message is the code's explanation in it
 * (messages/<locale>/errors.json), while the code stays the same.
 */
export function errorResponse(error: unknown, locale: Locale = DEFAULT_LOCALE): NextResponse {
  const inLanguage = (code: ErrorCode, english: string) => messageIn(locale, code, english);
  if (error instanceof AppError) {
    return NextResponse.json(errorBody(error.code, inLanguage(error.code, error.message)), {
      status: error.status,
      headers: error.headers,
    });
  }
  if (error instanceof ZodError) {
    const message = error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ` : "") + issue.message)
      .join("; ");
    return NextResponse.json(errorBody("invalid_request", inLanguage("invalid_request", message)), {
      status: ERROR_STATUS.invalid_request,
    });
  }
  logger.error("unhandled_error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return NextResponse.json(errorBody("internal", inLanguage("internal", "Something went wrong on our side.")), {
    status: ERROR_STATUS.internal,
  });
}

/**
 * The body as text, refused with a 413 past MAX_BODY_BYTES: by its Content-Length before
 * reading, and by the bytes actually read (a chunked body declares no length).
 */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw payloadTooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw payloadTooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("invalid_encoding", "The request body is not UTF-8 text.");
  }
}

/** For routes that take no input: nothing, or an empty JSON object. */
export const emptyBody = z.object({}).strict();

/** Reads and validates a JSON body; a missing or malformed body is a 400, never a 500. */
export async function parseJsonBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const text = await readBodyText(request);
  let body: unknown;
  try {
    body = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}

/** Reads and validates a query string; a parameter sent twice counts once (the last). */
export function parseQuery<T>(request: Request, schema: ZodType<T>): T {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}

/** The second argument of a route handler under dynamic segments, e.g. `RouteParams<"slug">` for [slug]. */
export type RouteParams<Segment extends string, Value extends string | string[] = string> = {
  params: Promise<Record<Segment, Value>>;
};

/** Wraps a route handler so every thrown error becomes the JSON error body. */
export function handler<Args extends unknown[]>(
  fn: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      // Loaded here, not above: it reads the request (cookies, the session), which the proxy,
      // the other user of this module, has no need of.
      const { requestLocale } = await import("./i18n/request");
      return errorResponse(error, await requestLocale().catch(() => DEFAULT_LOCALE));
    }
  };
}
