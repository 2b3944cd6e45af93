"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { CreateRoomResponse } from "@/app/api/rooms/route";
import { roomNameSchema } from "@/lib/rooms/rules";
import { callApi } from "./api";
import { FormError } from "./FormError";

export function NewMeetingForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Never rejects: callApi turns every failure into a message for the form.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = roomNameSchema.safeParse(new FormData(event.currentTarget).get("name") ?? "");
    if (!name.success) return setError(name.error.issues[0]?.message ?? "Check the name.");
    setBusy(true);
    setError(null);
    const result = await callApi<CreateRoomResponse>("/api/rooms", {
      method: "POST",
      json: name.data ? { name: name.data } : {},
    });
    if (!result.ok) {
      setBusy(false);
      return setError(result.message);
    }
    router.push(`/r/${result.body.room.slug}`);
  }

  return (
    <form className="row" onSubmit={(event) => void onSubmit(event)}>
      <input name="name" placeholder="Meeting name (optional)" maxLength={80} aria-label="Meeting name" />
      <button type="submit" disabled={busy}>
        New meeting
      </button>
      <FormError message={error} />
    </form>
  );
}
