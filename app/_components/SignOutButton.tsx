"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

// next-auth's own sign-out, asked for directly: its browser library (next-auth/react) would put
// about 9 kB gzip into every page's first load for these two requests.
async function signOut(): Promise<boolean> {
  try {
    const csrf = await fetch("/api/auth/csrf", { cache: "no-store" });
    const { csrfToken } = (await csrf.json()) as { csrfToken?: unknown };
    if (!csrf.ok || typeof csrfToken !== "string") return false;
    const done = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/signin", json: "true" }),
    });
    return done.ok;
  } catch {
    return false;
  }
}

export function SignOutButton() {
  const t = useTranslations("common");
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");

  async function leave() {
    setState("working");
    // A full navigation, not the router's: every page and cache of the signed-in person is left behind.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (await signOut()) window.location.assign("/signin");
    else setState("failed");
  }

  return (
    <>
      <button type="button" className="secondary" disabled={state === "working"} onClick={() => void leave()}>
        {t("signOut")}
      </button>
      {state === "failed" ? <span role="alert">{t("signOutFailed")}</span> : null}
    </>
  );
}
