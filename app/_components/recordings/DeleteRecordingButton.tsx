"use client";
// Deletes one recording after asking; the list is read again from the server afterwards.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DeleteRecordingResponse } from "@/app/api/rooms/[slug]/recordings/[recordingId]/route";
import { callApi } from "../api";

export function DeleteRecordingButton({ slug, recordingId }: { slug: string; recordingId: string }) {
  const t = useTranslations("history.recordings");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    if (!window.confirm(t("deleteQuestion"))) return;
    setBusy(true);
    const result = await callApi<DeleteRecordingResponse>(
      `/api/rooms/${encodeURIComponent(slug)}/recordings/${encodeURIComponent(recordingId)}`,
      { method: "DELETE" },
    );
    setBusy(false);
    setError(result.ok ? null : result.message);
    if (result.ok) router.refresh();
  }

  return (
    <>
      <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
        {t("delete")}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
