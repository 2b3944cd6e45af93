"use client";
// While a recording on the page is still being made or put together, the page reads the list
// again every few seconds, so its state and progress move on without a reload.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 3000;

export function RefreshWhilePending() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
