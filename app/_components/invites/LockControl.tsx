"use client";
// Locking the room: nobody new gets in, not even with a valid link, until a host unlocks it.
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { LockRoomResponse } from "@/app/api/rooms/[slug]/lock/route";
import { callApi } from "../api";
import { FormError } from "../FormError";

export function LockControl({ slug, locked, onChanged }: { slug: string; locked: boolean; onChanged: () => void }) {
  const t = useTranslations("invites.lock");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function toggle() {
    setBusy(true);
    const result = await callApi<LockRoomResponse>(`/api/rooms/${encodeURIComponent(slug)}/lock`, {
      method: "POST",
      json: { locked: !locked },
    });
    setBusy(false);
    setError(result.ok ? null : result.message);
    if (result.ok) onChanged();
  }

  return (
    <section className="card stack" data-testid="room-lock">
      <h2>{t("title")}</h2>
      <p className="muted" role="status">
        {locked ? t("locked") : t("open")}
      </p>
      <FormError message={error} />
      <div>
        <button type="button" disabled={busy} onClick={() => void toggle()}>
          {locked ? t("unlock") : t("lock")}
        </button>
      </div>
    </section>
  );
}
