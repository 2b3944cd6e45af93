"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { roomNameSchema } from "@/lib/rooms/rules";

export function NewMeetingForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = roomNameSchema.safeParse(new FormData(event.currentTarget).get("name") ?? "");
    if (!name.success) return setError(name.error.issues[0]?.message ?? "Check the name.");
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/rooms", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(name.data ? { name: name.data } : {}),
      });
      const body = (await response.json().catch(() => null)) as { room?: { slug: string }; error?: { message: string } } | null;
      if (!response.ok || !body?.room) return setError(body?.error?.message ?? "Could not create the meeting. Try again.");
      router.push(`/r/${body.room.slug}`);
    } catch {
      setError("Parley can't be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="row" onSubmit={onSubmit}>
      <input name="name" placeholder="Meeting name (optional)" maxLength={80} aria-label="Meeting name" />
      <button type="submit" disabled={busy}>
        New meeting
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
