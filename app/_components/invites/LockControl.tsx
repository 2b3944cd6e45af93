"use client";
// Locking the room: nobody new gets in, not even with a valid link, until a host unlocks it.
import { useState } from "react";
import type { LockRoomResponse } from "@/app/api/rooms/[slug]/lock/route";
import { callApi } from "../api";
import { FormError } from "../FormError";

export function LockControl({ slug, locked, onChanged }: { slug: string; locked: boolean; onChanged: () => void }) {
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
      <h2>Lock</h2>
      <p className="muted" role="status">
        {locked
          ? "The room is locked: nobody new can join, not even with a valid link. People already in the meeting stay."
          : "The room is open to everyone its settings and links let in."}
      </p>
      <FormError message={error} />
      <div>
        <button type="button" disabled={busy} onClick={() => void toggle()}>
          {locked ? "Unlock the room" : "Lock the room"}
        </button>
      </div>
    </section>
  );
}
