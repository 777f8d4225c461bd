// The overlap of sources' lists for one event, place and period: one row per unique person, one
// 0/1 column per source (the layout multiple systems estimation tools take), and the estimate.
import { placeContains } from "../places.js";
import { dayRange } from "./compare.js";
import { estimateTotal, type EstimateList, type EstimateResult } from "./estimate.js";

/** A linked record as the overlap reads it. */
export interface OverlapRecord {
  personId: number;
  source: string;
  network: string | null;
  dependsOn?: readonly string[];
  place: string | null;
  date: string | null;
  event: string | null;
}

/** Which records count: an event, a place (and every place inside it), a period. */
export interface OverlapScope {
  event?: string;
  place?: string;
  from?: string;
  to?: string;
}

/** The overlap table and the estimate from it. */
export interface Overlap {
  sources: string[];
  /** One row per person: the person and a 0/1 per source, in `sources` order. */
  rows: Array<{ person: number; in: number[] }>;
  /** People per capture history ("101": in the first and third source). */
  histories: Record<string, number>;
  estimate: EstimateResult;
}

/** Whether a record lies in the scope. */
export function inScope(r: OverlapRecord, s: OverlapScope): boolean {
  if (s.event && r.event !== s.event) return false;
  if (s.place && !(r.place && placeContains(s.place, r.place))) return false;
  if (s.from || s.to) {
    const d = dayRange(r.date);
    if (!d) return false;
    const from = s.from ? (dayRange(s.from) as [number, number])[0] : -Infinity;
    const to = s.to ? (dayRange(s.to) as [number, number])[1] : Infinity;
    if (d[1] < from || d[0] > to) return false;
  }
  return true;
}

/** Builds the overlap of the records in scope and estimates the total (or says why not). */
export function overlap(records: readonly OverlapRecord[], scope: OverlapScope, opts: { criterion?: "aic" | "bic"; minListSize?: number; minOverlap?: number } = {}): Overlap {
  const kept = records.filter((r) => inScope(r, scope));
  const sources = [...new Set(kept.map((r) => r.source))].sort();
  const index = new Map(sources.map((s, i) => [s, i]));
  const byPerson = new Map<number, Set<number>>();
  for (const r of kept) {
    let s = byPerson.get(r.personId);
    if (!s) byPerson.set(r.personId, (s = new Set()));
    s.add(index.get(r.source) as number);
  }
  const rows = [...byPerson.entries()].sort((a, b) => a[0] - b[0]).map(([person, s]) => ({ person, in: sources.map((_, i) => (s.has(i) ? 1 : 0)) }));
  const histories: Record<string, number> = {};
  for (const r of rows) histories[r.in.join("")] = (histories[r.in.join("")] ?? 0) + 1;
  const lists: EstimateList[] = sources.map((name) => {
    const r = kept.find((x) => x.source === name);
    return { name, network: r?.network ?? null, dependsOn: r?.dependsOn ?? [] };
  });
  const estimate = estimateTotal({ lists, people: rows.map((r) => r.in.flatMap((v, i) => (v ? [i] : []))), ...opts });
  return { sources, rows, histories, estimate };
}
