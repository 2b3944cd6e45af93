import "server-only";
import { NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { env } from "../env";
import { AppError, errorBody, notFound, readBodyText } from "../http";
import { countSignInAttempt, refuseWhenPasswordsOff } from "./password-sign-in";
import { SIGN_IN_RATE_LIMITED } from "./sign-in-errors";

// next-auth's route (/api/auth/...) answers many actions and parses bodies its own way (a
// malformed JSON body is a 500 there). In front of it: only the actions Parley uses, forms
// checked like every other body here, and sign-in attempts counted per address and per email.

// What next-auth/react's getCsrfToken, getProviders, getSession, signIn("credentials") and
// signOut call, and the pages next-auth redirects to.
const ACTIONS = new Map<string, ReadonlySet<string>>([
  ["GET", new Set(["csrf", "providers", "session", "signin", "signout", "error"])],
  ["POST", new Set(["callback/credentials", "signout"])],
]);

const field = z.string().max(2048);
const flag = z.enum(["true", "false"]).optional();
// next-auth/react sends the credentials with csrfToken, callbackUrl, json and redirect.
const signInForm = z
  .object({
    csrfToken: field,
    email: field,
    password: field,
    callbackUrl: field.optional(),
    json: flag,
    redirect: flag,
  })
  .strict();
const signOutForm = z.object({ csrfToken: field, callbackUrl: field.optional(), json: flag }).strict();

/** The form in a request body, which this reads (next-auth gets a copy: see below). */
async function readForm(request: Request): Promise<{ text: string; form: Record<string, string> }> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    throw new AppError("invalid_request", "Send the form as application/x-www-form-urlencoded.");
  }
  const text = await readBodyText(request);
  const params = new URLSearchParams(text);
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (seen.has(name)) throw new AppError("invalid_request", `${name}: sent more than once.`);
    seen.add(name);
  }
  return { text, form: Object.fromEntries(params) };
}

/**
 * The request for next-auth to handle, its form already read and checked; or the answer
 * instead: 404 for what Parley does not use, 400 or 413 for a bad form (thrown), 429 for too
 * many sign-in attempts.
 */
export async function screenNextAuthRequest(
  request: NextRequest,
  segments: string[] = [],
): Promise<NextRequest | Response> {
  const method = request.method === "HEAD" ? "GET" : request.method;
  const action = segments.join("/");
  if (!ACTIONS.get(method)?.has(action)) throw notFound("That");
  if (method !== "POST") return request;

  const { text, form } = await readForm(request);
  // The body can be read once; next-auth reads this copy of the request.
  const forNextAuth = new NextRequest(request.url, { method, headers: request.headers, body: text });
  if (action === "signout") {
    signOutForm.parse(form);
    return forNextAuth;
  }
  const signIn = signInForm.parse(form);
  try {
    refuseWhenPasswordsOff();
    countSignInAttempt(request.headers, signIn.email);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // next-auth/react's signIn() reads the outcome from a `url` whose `error` it returns.
    const url =
      signIn.json === "true"
        ? { url: `${env().NEXTAUTH_URL.replace(/\/$/, "")}/signin?error=${SIGN_IN_RATE_LIMITED}` }
        : {};
    return NextResponse.json(
      { ...errorBody(error.code, error.message), ...url },
      { status: error.status, headers: error.headers },
    );
  }
  return forNextAuth;
}
