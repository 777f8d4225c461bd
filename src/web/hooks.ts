// Loading API data with loading, error and done states.
import { useEffect, useRef, useState } from "react";
import { getJson } from "./api.js";

export type Loaded<T> = { state: "loading" } | { state: "error"; message: string } | { state: "done"; data: T };

/**
 * Fetches `path` (null: nothing to fetch) and refetches when it changes, or when `version`
 * changes: then what is shown stays until the new answer replaces it.
 */
export function useApi<T>(path: string | null, version = 0): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    if (shown.current !== path) setResult({ state: "loading" });
    shown.current = path;
    getJson<T>(path, ctl.signal).then(
      (data) => setResult({ state: "done", data }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        setResult({ state: "error", message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => ctl.abort();
  }, [path, version]);
  return result;
}
