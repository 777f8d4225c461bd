// The pages' client of the JSON API: typed GETs, the one error shape, uploads, and the session
// (its CSRF token goes with every request that changes something; a 401 asks for sign-in).
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
import type { ClaimHistoryEntrySchema } from "../shared/entities/claim.js";

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

export type Role = "admin" | "analyst" | "viewer";
export interface Session {
  mode: "single-user" | "users";
  user: { name: string; role: Role } | null;
  csrf: string | null;
}
/** One step of a claim's history (src/shared/entities/claim.ts). */
export type HistoryEntry = z.infer<typeof ClaimHistoryEntrySchema>;
export interface ClaimDetail {
  claim: Claim;
  history: HistoryEntry[] | null;
}
export interface ReviewQueue {
  total: number;
  claims: Claim[];
}
/** The fields of a claim an analyst can set. */
export type ClaimFields = Pick<Claim, "event" | "count" | "qualifier" | "period" | "place" | "victims" | "source">;

export const API = "/api/v1";

/** The session's CSRF token (null in single-user mode or when signed out); kept in memory only. */
let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

export function setCsrf(token: string | null): void {
  csrfToken = token;
}

/** Calls `fn` whenever the server answers 401 (the session ended or never began). */
export function onSignedOut(fn: () => void): () => void {
  signedOutListeners.add(fn);
  return () => signedOutListeners.delete(fn);
}

function checkSignedIn(res: Response, path: string): void {
  if (res.status === 401 && !path.startsWith("/auth/")) for (const l of signedOutListeners) l();
}

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

/** How long an answer fetched ahead (`preload`) may wait for the page that wants it. */
const PRELOAD_MS = 5000;

/** A GET started before the page that asks for it is drawn; `done` once its answer is read. */
interface Preloaded {
  at: number;
  /** The parsed body, or null when the request failed or the answer was an error. */
  answer: Promise<unknown>;
  done?: { body: unknown };
}

const preloaded = new Map<string, Preloaded>();

/**
 * Starts a GET now, for a page that will ask for it soon (the first page's data, asked while the
 * session loads) and reads its body as soon as it arrives: the page's `getJson` (or `takeLoaded`)
 * of the same path takes it, once, within a few seconds. A failed or error answer is not kept:
 * the page asks again and reports what the server says then.
 */
export function preload(path: string): void {
  if (preloaded.has(path)) return;
  const entry: Preloaded = {
    at: Date.now(),
    answer: fetch(`${API}${path}`, { headers: { accept: "application/json" } })
      .then((res) => (res.ok ? (res.json() as Promise<unknown>) : null))
      .then(
        (body) => {
          if (body !== null) entry.done = { body };
          return body;
        },
        () => null,
      ),
  };
  preloaded.set(path, entry);
}

/**
 * Answers the server put into the page (its data block, `ANSWERS_ELEMENT_ID`), path → body:
 * taken like preloaded ones that have arrived, by the first page that asks.
 */
export function adoptAnswers(answers: Readonly<Record<string, unknown>>): void {
  const at = Date.now();
  for (const [path, body] of Object.entries(answers)) {
    if (body === null || preloaded.has(path)) continue;
    preloaded.set(path, { at, answer: Promise.resolve(body), done: { body } });
  }
}

/** Resolves once every preloaded path's answer is in (or failed), or after `maxMs`, whichever is first. */
export function preloadsSettled(paths: readonly string[], maxMs: number): Promise<void> {
  const answers = paths.flatMap((p) => {
    const entry = preloaded.get(p);
    return entry ? [entry.answer] : [];
  });
  return Promise.race([Promise.all(answers).then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, maxMs))]);
}

/** The entry preloaded for `path` if it is recent (taken: it serves one caller). */
function takeEntry(path: string): Preloaded | null {
  const entry = preloaded.get(path);
  if (!entry) return null;
  preloaded.delete(path);
  return Date.now() - entry.at <= PRELOAD_MS ? entry : null;
}

/**
 * The body preloaded for `path` if it has already arrived (taken once), so a page can show it
 * in its first render instead of rendering a loading state first.
 */
export function takeLoaded<T>(path: string): { data: T } | null {
  if (!preloaded.get(path)?.done) return null;
  const done = takeEntry(path)?.done;
  return done ? { data: done.body as T } : null;
}

/** GET a JSON resource of the API. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const early = takeEntry(path);
  if (early) {
    const body = await early.answer;
    if (body !== null) return body as T;
  }
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, { signal: signal ?? null, headers: { accept: "application/json" } });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiProblem(0, "network", "Tally's server cannot be reached. Is `tally serve` still running?");
  }
  checkSignedIn(res, path);
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

/** Sends a request that changes something (POST, PATCH, DELETE) with the session's CSRF token. */
export async function send<T>(method: "POST" | "PATCH" | "DELETE", path: string, body?: FormData | object): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, init);
  } catch {
    throw new ApiProblem(0, "network", "Tally's server cannot be reached. Is `tally serve` still running?");
  }
  checkSignedIn(res, path);
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

/** POST a form or JSON body. */
export function post<T>(path: string, body: FormData | object): Promise<T> {
  return send<T>("POST", path, body);
}

/** Who is signed in; remembers the CSRF token. */
export async function fetchSession(): Promise<Session> {
  const s = await getJson<Session>("/auth/session");
  setCsrf(s.csrf);
  return s;
}

/** Signs in; the password goes only into this request's body. */
export async function login(name: string, password: string): Promise<Session> {
  const s = await post<Session>("/auth/login", { name, password });
  setCsrf(s.csrf);
  return s;
}

export async function logout(): Promise<void> {
  try {
    await post<{ ok: boolean }>("/auth/logout", {});
  } finally {
    setCsrf(null);
  }
}

/** A query string of the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}

/** An analyst's decision on a claim. */
export type Decision =
  | { action: "accept"; reason?: string }
  | { action: "reject"; reason: string }
  | { action: "correct"; fields: Partial<ClaimFields>; reason?: string }
  | { action: "reopen"; reason?: string };

export function decide(claimId: number, d: Decision): Promise<Claim> {
  return post<Claim>(`/claims/${claimId}/review`, d);
}

/** Marks a document, claim or source restricted (hidden from viewers and public exports), or releases it. */
export function setRestricted(type: "document" | "claim" | "source", id: number, restricted: boolean): Promise<{ ok: boolean }> {
  return post<{ ok: boolean }>("/restrict", { type, id, restricted });
}

/** The message of a failed call, in the server's plain words. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
