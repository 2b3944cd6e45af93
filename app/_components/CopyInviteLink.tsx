"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function CopyInviteLink({ slug }: { slug: string }) {
  const t = useTranslations("invites.copyInviteLink");
  const [state, setState] = useState<{ kind: "idle" } | { kind: "copied" } | { kind: "failed"; url: string }>({
    kind: "idle",
  });

  async function copy() {
    const url = new URL(`/r/${slug}`, window.location.origin).href;
    try {
      await navigator.clipboard.writeText(url);
      setState({ kind: "copied" });
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): show the link to copy by hand.
      setState({ kind: "failed", url });
    }
    setTimeout(() => setState({ kind: "idle" }), 4000);
  }

  return (
    <span className="row">
      <button type="button" className="secondary" onClick={() => void copy()}>
        {state.kind === "copied" ? t("copied") : t("copy")}
      </button>
      {state.kind === "failed" ? (
        <input readOnly value={state.url} aria-label={t("link")} onFocus={(event) => event.currentTarget.select()} />
      ) : null}
    </span>
  );
}
