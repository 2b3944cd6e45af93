"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { CreateRoomResponse } from "@/app/api/rooms/route";
import { roomNameSchema } from "@/lib/rooms/rules";
import { callApi } from "./api";
import { FormError } from "./FormError";

export function NewMeetingForm() {
  const t = useTranslations("home");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Never rejects: callApi turns every failure into a message for the form.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = roomNameSchema.safeParse(new FormData(event.currentTarget).get("name") ?? "");
    if (!name.success) {
      const issue = name.error.issues[0];
      return setError(
        issue?.code === "too_big"
          ? t("form.nameTooLong", { max: Number(issue.maximum) })
          : issue?.code === "custom"
            ? t("form.nameUnshowable")
            : t("form.checkName"),
      );
    }
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
      <input name="name" placeholder={t("form.namePlaceholder")} maxLength={80} aria-label={t("form.nameLabel")} />
      <button type="submit" disabled={busy}>
        {t("form.submit")}
      </button>
      <FormError message={error} />
    </form>
  );
}
