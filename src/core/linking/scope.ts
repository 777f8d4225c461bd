// Scopes of facts: event family, canonical place, period and victims, their keys and nesting.
import { allPlaces, canonicalPlace, placeAncestors, placeContains, placeCountry } from "../places.js";
import type { Period, VictimGroup } from "../types.js";
import { countsDeadAndInjured } from "./combined.js";
import { flat } from "./strings.js";
import type { EventFamily, FactScope, LinkClaim } from "./types.js";

/** Victim groups that a killing of which is, in these texts, almost always an execution. */
const SENTENCED: ReadonlySet<VictimGroup> = new Set(["prisoners", "political_prisoners", "drug_offenders", "child_offenders"]);

/**
 * The event family of a claim. A killing of prisoners (political or not), drug offenders or child
 * offenders ("27 prisoners were put to death", "civilians killed by prison officials") is counted
 * with executions: the texts use the two words for the same acts. Every other event type is its
 * own family.
 */
export function eventFamily(c: Pick<LinkClaim, "event" | "victims">): EventFamily {
  if (c.event === "killing" && c.victims.some((v) => SENTENCED.has(v))) {
    return "execution";
  }
  return c.event;
}

/**
 * The victim groups that define a claim's scope, sorted. "prisoners" and "civilians" add nothing
 * to an execution (everyone executed is a prisoner and a non-combatant), so they are dropped
 * there; empty means all victims.
 */
export function scopeVictims(family: EventFamily, victims: readonly VictimGroup[]): VictimGroup[] {
  const kept = victims.filter((v) => !(family === "execution" && (v === "prisoners" || v === "civilians")));
  return [...new Set(kept)].sort();
}

/** Text key of a period ("2021-01-01..2021-01-31") or "undated". */
export function periodKey(p: Period | null): string {
  return p ? `${p.start}..${p.end}` : "undated";
}

/** True when outer covers inner; undated covers only undated. */
export function periodContains(outer: Period | null, inner: Period | null): boolean {
  if (!outer || !inner) return outer === inner;
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** True when two periods share no day. */
export function periodsDisjoint(a: Period, b: Period): boolean {
  return a.end < b.start || b.end < a.start;
}

/** Length of a period in days (0 for undated, which sorts first). */
export function periodDays(p: Period | null): number {
  if (!p) return 0;
  return Math.round((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000) + 1;
}

/** True when outer is the same place as inner or contains it; an unknown place only itself. */
export function scopePlaceContains(outer: string | null, inner: string | null): boolean {
  if (outer === null || inner === null) return outer === inner;
  return placeContains(outer, inner);
}

/** The places containing a place, nearest first, itself included. */
export function placeChain(place: string | null): (string | null)[] {
  return place === null ? [null] : [place, ...placeAncestors(place)];
}

let descendants: Map<string, string[]> | null = null;

/** The gazetteer's places inside a place (canonical names, any depth); [] for an unknown place. */
export function placeDescendants(place: string): readonly string[] {
  if (!descendants) {
    descendants = new Map();
    for (const p of allPlaces()) {
      for (const a of placeAncestors(p.name)) {
        const list = descendants.get(a);
        if (list) list.push(p.name);
        else descendants.set(a, [p.name]);
      }
    }
  }
  return descendants.get(place) ?? [];
}

const prefixEnds = new Map<string, string | null>();

/** The last day an ISO date or prefix names ("2021" → 2021-12-31, "2021-02" → 2021-02-28). */
export function prefixEnd(iso: string): string | null {
  let end = prefixEnds.get(iso);
  if (end === undefined) {
    end = computePrefixEnd(iso);
    // Publication dates repeat across claims; keep a bounded memo of them.
    if (prefixEnds.size > 50_000) prefixEnds.clear();
    prefixEnds.set(iso, end);
  }
  return end;
}

function computePrefixEnd(iso: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
  if (m[2]) return `${m[1]}-${m[2]}-${String(lastDay(y, Number(m[2]))).padStart(2, "0")}`;
  return `${m[1]}-12-31`;
}

/**
 * The period a claim can speak for. A figure published before its period ends ("2024" in an
 * October article, "so far this year") is a to-date figure: its period ends at the publication
 * date, so that it is compared only with figures to the same date and nests under the full period.
 */
export function statedPeriod(period: Period | null, published: string | null): Period | null {
  if (!period) return null;
  const end = published ? prefixEnd(published) : null;
  if (end && period.start <= end && end < period.end) return { start: period.start, end };
  return { start: period.start, end: period.end };
}

/**
 * The scope of one claim: from its fields, unless an analyst merged it into another fact or split
 * it out. `part` marks a figure its document gives as a breakdown of a larger one.
 */
export function claimScope(c: LinkClaim, part = false): FactScope {
  const o = c.override?.scope;
  const family = o ? o.family : eventFamily(c);
  const scope: FactScope = o
    ? { family, place: o.place, period: o.period ? { start: o.period.start, end: o.period.end } : null, victims: [...o.victims].sort() }
    : {
        family,
        place: c.place === null ? null : canonicalPlace(c.place),
        period: statedPeriod(c.period, c.published),
        victims: scopeVictims(family, c.victims),
      };
  const split = c.override?.split ?? o?.split;
  if (split) scope.split = split;
  if (o ? o.combined : countsDeadAndInjured(c)) scope.combined = true;
  if (part && !o && !split) scope.part = true;
  return scope;
}

/** The stable text key of a scope. */
export function scopeKey(s: FactScope): string {
  const key = [s.combined ? `${s.family}+dead-and-injured` : s.family, s.place ?? "", periodKey(s.period), s.victims.join("+")].join("|");
  return flat(s.split ? `${key}|split:${s.split}` : s.part ? `${key}|part` : key);
}

/**
 * The partition of a claim's scope, partitionKey(claimScope(c)), without building the scope (its
 * period and victims): linking a million claims asks it once for each.
 */
export function claimPartition(c: LinkClaim): string {
  const o = c.override?.scope;
  const family = o ? o.family : eventFamily(c);
  const place = o ? o.place : c.place === null ? null : canonicalPlace(c.place);
  const country = place === null ? "" : (placeCountry(place) ?? place);
  return `${family}|${country}`;
}

/** The recomputation unit of a scope: its family and country (or its own place when unknown). */
export function partitionKey(s: FactScope): string {
  const country = s.place === null ? "" : (placeCountry(s.place) ?? s.place);
  return `${s.family}|${country}`;
}

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A period in words: "2021", "January 2021", "2021-01-05 to 2021-02-10", "no period". */
export function describePeriod(p: Period | null): string {
  if (!p) return "no stated period";
  const [sy, sm, sd] = p.start.split("-").map(Number);
  const [ey, em, ed] = p.end.split("-").map(Number);
  if (sy !== undefined && sy === ey && sm === 1 && sd === 1 && em === 12 && ed === 31) return String(sy);
  if (sy !== undefined && sm !== undefined && sy === ey && sm === em && sd === 1 && ed === lastDay(sy, sm)) {
    return `${MONTHS[sm - 1] ?? sm} ${sy}`;
  }
  if (sy !== undefined && sy === ey && sm === 1 && sd === 1) return `${sy} up to ${p.end}`;
  return p.start === p.end ? p.start : `${p.start} to ${p.end}`;
}

/** A scope in words: "executions of women in Iran in 2021". */
export function describeScope(s: FactScope): string {
  const plural = s.combined ? "people killed or injured" : s.family === "death_row" ? "people on death row" : s.family === "injury" ? "injuries"
    : s.family === "torture" ? "cases of torture" : `${s.family.replace(/_/g, " ")}s`;
  const victims = s.victims.length ? ` of ${s.victims.map((v) => v.replace(/_/g, " ")).join(" and ")}` : "";
  const place = s.place ? ` in ${s.place}` : "";
  const period = s.period ? ` in ${describePeriod(s.period)}` : " (no stated period)";
  const note = s.split ? " (split out by hand)" : s.part ? " (a breakdown of a larger figure)" : "";
  return `${plural}${victims}${place}${period}${note}`;
}
