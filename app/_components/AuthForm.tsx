"use client";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { SignUpResponse } from "@/app/api/accounts/route";
import { emailSchema, passwordSchema, displayNameSchema } from "@/lib/accounts/rules";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { callApi } from "./api";
import { words } from "./error-words";
import { FormError } from "./FormError";

type Mode = "signin" | "signup";

/** Only same-site paths are followed after sign-in, never another origin. */
function safeCallback(callbackUrl: string | undefined): string {
  return callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
}

function firstProblem(mode: Mode, form: FormData): string | null {
  const checks =
    mode === "signup"
      ? [displayNameSchema.safeParse(form.get("name")), emailSchema.safeParse(form.get("email")), passwordSchema.safeParse(form.get("password"))]
      : [emailSchema.safeParse(form.get("email"))];
  for (const check of checks) if (!check.success) return check.error.issues[0]?.message ?? "Check the form.";
  return null;
}

export function AuthForm({ mode, callbackUrl }: { mode: Mode; callbackUrl?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeCallback(callbackUrl);

  // Never rejects: every failure ends up in the form's error line.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const problem = firstProblem(mode, form);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const email = String(form.get("email"));
      const password = String(form.get("password"));
      if (mode === "signup") {
        const created = await callApi<SignUpResponse>("/api/accounts", { method: "POST", json: { name: form.get("name"), email, password } });
        if (!created.ok) return setError(created.message);
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) return setError(signInErrorMessage(result?.error ?? "unknown"));
      router.replace(next);
      router.refresh();
    } catch {
      setError(words.offline.message);
    } finally {
      setBusy(false);
    }
  }

  const other = mode === "signup" ? { href: "/signin", text: "Already have an account? Sign in" } : { href: "/signup", text: "New here? Create an account" };
  return (
    <form className="card stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h1>{mode === "signup" ? "Create your account" : "Sign in"}</h1>
      {mode === "signup" ? (
        <label>
          Your name
          <input name="name" autoComplete="name" maxLength={64} required />
        </label>
      ) : null}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete={mode === "signup" ? "new-password" : "current-password"} required />
      </label>
      <FormError message={error} />
      <button type="submit" disabled={busy}>
        {mode === "signup" ? "Create account" : "Sign in"}
      </button>
      <Link href={`${other.href}${next !== "/" ? `?callbackUrl=${encodeURIComponent(next)}` : ""}`}>{other.text}</Link>
    </form>
  );
}
