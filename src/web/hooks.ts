// Loading API data with loading, error and done states.
import { useEffect, useRef, useState } from "react";
import { getJson, takeLoaded } from "./api.js";

export type Loaded<T> = { state: "loading" } | { state: "error"; message: string } | { state: "done"; data: T };

/**
 * Fetches `path` (null: nothing to fetch) and refetches when it or `version` changes. With
 * `keep`, a refetch of the same path (a new version) keeps showing the data it replaces until
 * the new data arrives.
 */
export function useApi<T>(path: string | null, version = 0, keep = false): Loaded<T> {
  // An answer preloaded before the first render (the landing page's data) is shown at once.
  const [result, setResult] = useState<Loaded<T>>(() => {
    const early = path === null ? null : takeLoaded<T>(path);
    return early ? { state: "done", data: early.data } : { state: "loading" };
  });
  const last = useRef<string | null>(null);
  /** The path and version the first render showed a preloaded answer of, until either changes. */
  const preloaded = useRef(result.state === "done" ? `${path}\u0000${version}` : null);
  useEffect(() => {
    if (path === null) return;
    if (preloaded.current === `${path}\u0000${version}`) {
      last.current = path;
      return;
    }
    preloaded.current = null;
    const ctl = new AbortController();
    const same = last.current === path;
    last.current = path;
    setResult((prev) => (keep && same && prev.state === "done" ? prev : { state: "loading" }));
    getJson<T>(path, ctl.signal).then(
      (data) => setResult({ state: "done", data }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        setResult({ state: "error", message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => ctl.abort();
  }, [path, version, keep]);
  return result;
}
