// What a sign-in or sign-up form shows after the server has answered: the problem in words and
// what the person had typed (never the password), so a form posted without JavaScript comes
// back filled in.
export type AuthFormState = { error: string | null; name?: string; email?: string };

export const EMPTY_AUTH_FORM_STATE: AuthFormState = { error: null };

/** Only same-site paths are followed after signing in, never another origin. */
export function safeCallback(callbackUrl: unknown): string {
  return typeof callbackUrl === "string" &&
    callbackUrl.startsWith("/") &&
    !callbackUrl.startsWith("//") &&
    !callbackUrl.startsWith("/\\")
    ? callbackUrl
    : "/";
}
