// The rows of a timeline: one per whole calendar year or month for the place asked for, and, on
// request, its parts (the places inside it, by the gazetteer's nesting) shown as rows of their
// own or summed beside the place's own figures.
import type { Fact } from "../core/linking/index.js";
import { placeContains } from "../core/places.js";
import type { EventType, Period, Qualifier } from "../core/types.js";
import { rangeEnd } from "../store/iso-range.js";

/** What a timeline does with the places inside the place asked for. */
export type TimelineParts = "none" | "show" | "sum";

/** The values a timeline can ask for --parts. */
export const TIMELINE_PARTS: readonly TimelineParts[] = ["none", "show", "sum"];

/** True when a period is one whole calendar year (by year) or month (by month). */
export function isCalendarPeriod(p: Period, by: "year" | "month"): boolean {
  if (by === "year") return p.start.endsWith("-01-01") && p.end === `${p.start.slice(0, 4)}-12-31`;
  return p.start.endsWith("-01") && p.start.slice(0, 7) === p.end.slice(0, 7) && p.end === rangeEnd(p.start.slice(0, 7));
}

/** The sum of the parts of one period: the outermost places inside with a fact of their own. */
export interface PartsSum {
  low: number;
  best: number;
  high: number;
  places: string[];
}

/** Facts picked for a timeline: the place's own (one per period) and, by period, those of places inside it. */
export interface TimelinePick {
  own: Fact[];
  parts: Map<string, Fact[]>;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The facts of a family, place (case-insensitive) and victim groups for whole calendar periods;
 * with `parts` other than "none", also the facts of places inside the place, by period.
 */
export function pickTimelineFacts(facts: readonly Fact[], place: string, victims: string, by: "year" | "month", parts: TimelineParts): TimelinePick {
  const own: Fact[] = [];
  const inside = new Map<string, Fact[]>();
  for (const f of facts) {
    const p = f.scope.period;
    if (!p || f.scope.place === null || f.scope.part || f.scope.combined || f.scope.split || !isCalendarPeriod(p, by)) continue;
    if (f.scope.victims.join("+") !== victims) continue;
    if (same(f.scope.place, place)) own.push(f);
    else if (parts !== "none" && placeContains(place, f.scope.place)) {
      const k = p.start;
      const list = inside.get(k);
      if (list) list.push(f);
      else inside.set(k, [f]);
    }
  }
  return { own, parts: inside };
}

/**
 * The sum of one period's parts: only the outermost places (a prison inside a counted city is
 * already in the city's figure), each place's low, best and high added up.
 */
export function sumParts(parts: readonly Fact[]): PartsSum {
  const outer = parts.filter((f) => !parts.some((g) => g !== f && g.scope.place !== null && f.scope.place !== null && !same(g.scope.place, f.scope.place) && placeContains(g.scope.place, f.scope.place)));
  return {
    low: outer.reduce((n, f) => n + f.low, 0),
    best: outer.reduce((n, f) => n + f.best, 0),
    high: outer.reduce((n, f) => n + f.high, 0),
    places: outer.map((f) => f.scope.place as string).sort(),
  };
}

/** One independent voice of a fact, as shown to people. */
export interface VoiceView {
  id: string;
  label: string;
  /** Network id from the registry, or null for an unregistered voice. */
  network: string | null;
  networkName: string | null;
  count: number;
  qualifier: Qualifier;
  figure: string;
  registered: boolean;
  claimIds: string[];
}

/** One period of a timeline: the fact's range and each voice's figure. */
export interface TimelineRow {
  period: Period;
  label: string;
  /** The fact of the row; null for a period only the parts speak of (parts: "sum"). */
  factId: string | null;
  /** Set on the rows of places inside the place asked for (parts: "show"). */
  place?: string;
  /** The sum of the parts of the period (parts: "sum"). */
  partsSum?: PartsSum;
  low: number;
  best: number;
  high: number;
  highIsMinimum: boolean;
  /** The fact's status, or "sum_of_parts" for a row only the parts speak of. */
  status: Fact["status"] | "sum_of_parts";
  /** Voice id → that voice's figure for the period. */
  voices: Record<string, VoiceView>;
}

/** A timeline: the voices heard (columns) and one row per period. */
export interface Timeline {
  event: EventType;
  place: string;
  by: "year" | "month";
  voices: { id: string; label: string }[];
  /** Voices left out of `voices` and of the rows (a `voices` limit); each row's fact lists them. */
  hiddenVoices: number;
  rows: TimelineRow[];
}
