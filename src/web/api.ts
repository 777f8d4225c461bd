// The pages' client of the JSON API: typed GETs, the one error shape, uploads.
import type { z } from "@hono/zod-openapi";
import type {
  ClaimListSchema,
  ClaimSchema,
  ConflictSchema,
  DocumentDetailSchema,
  DocumentListSchema,
  FactDetailSchema,
  FactListSchema,
  ConflictListSchema,
  IngestResultSchema,
  OverviewSchema,
  SearchSchema,
  SourcesSchema,
} from "../api/schemas.js";

export type Overview = z.infer<typeof OverviewSchema>;
export type DocumentList = z.infer<typeof DocumentListSchema>;
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimList = z.infer<typeof ClaimListSchema>;
export type FactList = z.infer<typeof FactListSchema>;
export type FactDetail = z.infer<typeof FactDetailSchema>;
export type Conflict = z.infer<typeof ConflictSchema>;
export type ConflictList = z.infer<typeof ConflictListSchema>;
export type Sources = z.infer<typeof SourcesSchema>;
export type SearchResults = z.infer<typeof SearchSchema>;
export type IngestResult = z.infer<typeof IngestResultSchema>;

export const API = "/api/v1";

/** A failed API call, with the server's plain-words message. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function problemOf(res: Response): Promise<ApiProblem> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiProblem(res.status, body.error.code ?? "error", body.error.message);
  } catch {
    // not the error shape
  }
  return new ApiProblem(res.status, "error", `the server answered ${res.status}`);
}

/** GET a JSON resource of the API. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, { signal: signal ?? null, headers: { accept: "application/json" } });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiProblem(0, "network", "Tally's server cannot be reached. Is `tally serve` still running?");
  }
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

/** POST a form or JSON body. */
export async function post<T>(path: string, body: FormData | object): Promise<T> {
  const init: RequestInit =
    body instanceof FormData ? { method: "POST", body } : { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } };
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, init);
  } catch {
    throw new ApiProblem(0, "network", "Tally's server cannot be reached. Is `tally serve` still running?");
  }
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

/** A query string of the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}
