"use client";
import { useEffect, useState } from "react";

export type Loaded<T> = { state: "loading" } | { state: "ready"; value: T } | { state: "failed" };

/**
 * A module's default export, loaded with import() once the page runs, or where it stands.
 * Not React.lazy (nor next/dynamic, built on it): a component that suspends is revealed under
 * React's Suspense fallback throttle, up to 300 ms after its code is there, and on the way into a
 * meeting that is time spent waiting for nothing.
 */
export function useLoadedModule<T>(load: () => Promise<{ default: T }>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    let current = true;
    load().then(
      (module) => current && setLoaded({ state: "ready", value: module.default }),
      () => current && setLoaded({ state: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [load]);
  return loaded;
}
