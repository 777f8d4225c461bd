// Use case: load a reference dataset (data/reference/<name>.json: published yearly figures with
// their source and report) into the store as documents and claims, so the figures link with
// everything else. One synthetic document per entry, identified by the SHA-256 of the entry's
// JSON, so loading twice stores nothing new.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { formatFigure } from "../core/linking/index.js";
import { EVENT_TYPES, QUALIFIERS, VICTIM_GROUPS, type EventType, type Period, type Qualifier, type VictimGroup } from "../core/types.js";
import { REFERENCE_COLLECTOR, type NewClaim, type NewDocument, type Store } from "../store/index.js";

/** Datasets shipped in data/reference. */
export const REFERENCE_DATASETS = ["iran-executions"] as const;

/** A bad dataset name or a malformed dataset file. */
export class ReferenceError extends Error {}

/** One published figure of a reference dataset. */
export interface ReferenceEntry {
  id: string;
  year?: number;
  source: string;
  network?: string;
  event: EventType;
  place: string | null;
  count: number;
  qualifier: Qualifier;
  period: Period;
  victims?: VictimGroup[];
  /**
   * The report: title, year and date of publication, and a page stating the figure (`urlKind`
   * "own" for the organisation's site, "secondary" for a news report quoting it; `urlDate` its date).
   */
  report: { title: string; year: number; published?: string; index?: string; url?: string; urlDate?: string; urlKind?: "own" | "secondary" };
  /** What the figure counts: "acknowledged" (only executions the authorities acknowledged) or "total". */
  basis?: "acknowledged" | "total";
  /** True when the figure is a sum worked out from the published parts, not stated as one figure. */
  derived?: boolean;
  [extra: string]: unknown;
}

const ISO_PREFIX = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Problems with the optional citation fields of a report. */
function reportProblems(rep: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const k of ["published", "urlDate"] as const) {
    if (rep[k] !== undefined && (typeof rep[k] !== "string" || !ISO_PREFIX.test(rep[k]))) problems.push(`report.${k} must be YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  if (rep.url !== undefined && (typeof rep.url !== "string" || !/^https?:\/\/\S+$/.test(rep.url))) problems.push("report.url must be an http(s) URL");
  if (rep.urlKind !== undefined && rep.urlKind !== "own" && rep.urlKind !== "secondary") problems.push("report.urlKind must be own or secondary");
  return problems;
}

/** What loading did. */
export interface ReferenceLoadResult {
  dataset: string;
  entries: number;
  created: number;
  existing: number;
  claims: number;
}

/** Path of a shipped dataset (works from src/ and from dist/). */
export function referencePath(dataset: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(dataset)) throw new ReferenceError(`not a dataset name: "${dataset}"`);
  return fileURLToPath(new URL(`../../data/reference/${dataset}.json`, import.meta.url));
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one entry of a dataset file; the error names the file, the entry and every problem. */
export function checkEntry(e: unknown, i: number, file: string): ReferenceEntry {
  const at = `${file}: figures[${i}]`;
  if (typeof e !== "object" || e === null) throw new ReferenceError(`${at} must be an object`);
  const r = e as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof r.id !== "string" || !r.id) problems.push("id must be a non-empty string");
  if (typeof r.source !== "string" || !r.source) problems.push("source must be a non-empty string");
  if (!(EVENT_TYPES as readonly unknown[]).includes(r.event)) problems.push(`event must be one of ${EVENT_TYPES.join(", ")}`);
  if (!(QUALIFIERS as readonly unknown[]).includes(r.qualifier)) problems.push(`qualifier must be one of ${QUALIFIERS.join(", ")}`);
  if (typeof r.count !== "number" || !Number.isInteger(r.count) || r.count < 0) problems.push("count must be a whole number ≥ 0");
  if (r.place !== null && typeof r.place !== "string") problems.push("place must be a string or null");
  const p = r.period as Record<string, unknown> | undefined;
  if (!p || typeof p.start !== "string" || typeof p.end !== "string" || !ISO_DAY.test(p.start) || !ISO_DAY.test(p.end) || p.start > p.end) {
    problems.push("period must be {start, end} ISO days with start ≤ end");
  }
  const rep = r.report as Record<string, unknown> | undefined;
  if (!rep || typeof rep.title !== "string" || typeof rep.year !== "number") problems.push("report must be {title, year}");
  else problems.push(...reportProblems(rep));
  if (r.basis !== undefined && r.basis !== "acknowledged" && r.basis !== "total") problems.push("basis must be acknowledged or total");
  if (r.victims !== undefined && !(Array.isArray(r.victims) && r.victims.every((v) => (VICTIM_GROUPS as readonly unknown[]).includes(v)))) {
    problems.push("victims must be a list of victim groups");
  }
  if (problems.length > 0) throw new ReferenceError(`${at}${typeof r.id === "string" ? ` ("${r.id}")` : ""}: ${problems.join("; ")}`);
  return r as ReferenceEntry;
}

/** Reads and checks a dataset file. */
export async function readReference(dataset: string): Promise<ReferenceEntry[]> {
  const file = referencePath(dataset);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new ReferenceError(`no reference dataset "${dataset}" (looked for ${file}); known: ${REFERENCE_DATASETS.join(", ")}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ReferenceError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const figures = (raw as { figures?: unknown } | null)?.figures;
  if (!Array.isArray(figures)) throw new ReferenceError(`${file}: expected an object with a "figures" array`);
  const entries = figures.map((e, i) => checkEntry(e, i, file));
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new ReferenceError(`${file}: entry id "${e.id}" appears twice`);
    ids.add(e.id);
  }
  return entries;
}

function periodWords(p: Period): string {
  if (p.start.endsWith("-01-01") && p.end === `${p.start.slice(0, 4)}-12-31`) return `in ${p.start.slice(0, 4)}`;
  return `between ${p.start} and ${p.end}`;
}

/** The synthetic document and claim for one entry. */
export function referenceDocument(dataset: string, e: ReferenceEntry): { doc: NewDocument; claim: NewClaim } {
  const bytes = new TextEncoder().encode(JSON.stringify(e));
  const where = e.place ? ` in ${e.place}` : "";
  const event = e.event.replace(/_/g, " ");
  const basis = e.basis === "acknowledged" ? " officially acknowledged by the authorities" : "";
  const derived = e.derived ? " (a sum of the figures it published, worked out for this dataset)" : "";
  const sentence =
    `${e.source} reported ${formatFigure(e.count, e.qualifier)} ${event}s${basis}${where} ${periodWords(e.period)}${derived} ` +
    `("${e.report.title}", ${e.report.published ?? e.report.year}).`;
  const doc: NewDocument = {
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes,
    mediaType: "application/json",
    name: `reference/${dataset}/${e.id}`,
    url: e.report.url ?? null,
    path: null,
    publisher: e.source,
    published: e.report.published ?? String(e.report.year),
    capturedAt: new Date().toISOString(),
    collector: REFERENCE_COLLECTOR,
    language: "en",
    title: e.report.title,
    text: sentence,
    textMap: null,
    headers: null,
  };
  const claim: NewClaim = {
    event: e.event,
    count: e.count,
    qualifier: e.qualifier,
    period: { start: e.period.start, end: e.period.end },
    place: e.place,
    victims: e.victims ?? [],
    source: e.source,
    quote: sentence,
    span: [0, sentence.length],
    extractor: `reference:${dataset}`,
  };
  return { doc, claim };
}

/** Loads a dataset into the store; entries already stored (same bytes) are left as they are. */
export async function loadReference(store: Store, dataset = "iran-executions"): Promise<ReferenceLoadResult> {
  const entries = await readReference(dataset);
  let created = 0;
  for (const e of entries) {
    const { doc, claim } = referenceDocument(dataset, e);
    const r = await store.putDocument(doc, [claim]);
    if (r.created) created++;
  }
  return { dataset, entries: entries.length, created, existing: entries.length - created, claims: entries.length };
}
