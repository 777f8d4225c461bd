// Dates the figures of one sentence with the time expressions found in it.
import { clauseOf } from "../text/segment.js";
import type { Period } from "../types.js";
import { isAside } from "./associate.js";
import { comparedTime } from "./comparison.js";
import type { NumberMention } from "./numbers.js";
import type { TimeMention } from "./periods.js";
import { matchesOf } from "./scan.js";

export interface Dated {
  n: NumberMention;
  npEnd: number;
  triggerStart: number;
  inherited?: Dated;
}

/** "the total for", "the death toll in": the time that follows is the period of the figure the total comes to. */
const TOTAL_FOR = /\b(?:total|tally|toll|number|figure|count)\s+(?:for|in|of)\s+(?:the\s+(?:year|month)\s+)?$/i;
/** "the total" right before a time that starts "for", "in" or "of" ("the total for the month"). */
const TOTAL_BEFORE = /\b(?:total|tally|toll|number|figure|count)\s+$/i;

/** A time that names a total's own period: "this month's total", "the annual toll". */
const OWN_TOTAL = /^[^,;]*?(?:'s|\b(?:monthly|annual|yearly|weekly))\s+(?:total|tally|toll|figure|count|number)\b/i;
/** "The number of women executed this year rose to 18 on Tuesday": a time in a total's subject is the total's. */
const NUMBER_OF_BEFORE = /\b(?:the\s+)?(?:total\s+)?(?:number|total|tally|toll|count)\s+of\s+[a-z][^,;\d]{0,40}$/i;
/** What stands between a total's time and its figure: "'s total to", "total stood at", "tally of". */
const TOTAL_COMES_TO = /^(?:'s)?\s*(?:total|tally|toll|figure|count|number)?\s+(?:(?:has\s+|had\s+)?(?:reached|rose|climbed|jumped|stood|stands|hit|grew)\s+)?(?:to|of|at)?\s*$/i;
/** Words that set one figure against another: such figures do not share a time. */
const COMPARING = /\b(?:from|than|compared|against|versus|vs|up|down|rise|fall|increase|decrease|while|whereas)\b|\d/i;

const REPORT_THAT = /\b(?:said|says|reported|reports|announced|stated|told [^,.;]{1,40}|warned|noted|confirmed|estimated|found|concluded|wrote|added|acknowledged|revealed)\s+(?:on [^,.;]{1,30}\s+)?that\b/g;

/**
 * Dates each figure. A time expression belongs to the figure it stands closest to (same clause
 * first); a figure with none of its own takes a nearby one no other figure claims, and a part
 * ("including 31 women") takes its whole's. Dates of reporting ("In June 2020, X said that …")
 * never date what was reported.
 */
export function assignPeriods(s: string, times: TimeMention[], found: Dated[], breaks: number[]): Map<Dated, Period | null> {
  // REPORT_THAT ends in "that": most sentences have none.
  const reportThat = s.includes("that") ? matchesOf(REPORT_THAT, s).map((m) => ({ verb: m.index, that: m.index + m[0].length })) : [];
  const usable = (t: TimeMention, f: Dated) =>
    t.role === "event" && t.period !== null && !reportThat.some((r) => t.end <= r.verb && f.n.start >= r.that) && !comparedTime(s, t.start, f.n);
  // How far a point of the figure stands from the time (0 inside it).
  const gap = (t: TimeMention, p: number) => (p < t.start ? t.start - p : p > t.end ? p - t.end : 0);
  const dist = (t: TimeMention, f: Dated) => {
    const d = Math.min(gap(t, f.n.phraseStart), gap(t, f.n.end), gap(t, f.npEnd), gap(t, f.triggerStart));
    return d + (clauseOf(breaks, t.start) === clauseOf(breaks, f.n.start) ? 0 : 1000);
  };
  // A time expression belongs to the figure whose stretch (up to the next figure) holds it,
  // unless it sits in the next figure's clause ("… in November 2018, although … 1988 when …").
  // A figure's stretch starts at its event word when that comes first ("the number of
  // executions this year to 214").
  // A figure that shares the event word of a figure before it ("3 died in April, bringing to 19
  // the number …") starts its stretch at its own figure: the times between are the first's.
  const shared = (f: Dated) => f.triggerStart < f.n.phraseStart && found.some((x) => x !== f && x.triggerStart === f.triggerStart && x.n.start < f.n.start);
  const from = (f: Dated) => (shared(f) ? f.n.phraseStart : Math.min(f.n.phraseStart, f.triggerStart));
  const ordered = [...found].sort((a, b) => from(a) - from(b));
  const owner = new Map<TimeMention, Dated>();
  // A time inside a figure's own noun phrase ("13 of this month's executions") is that figure's,
  // and such a figure leaves the other times of its stretch to the figures after it.
  const inPhrase = (t: TimeMention, f: Dated) => f.n.end <= t.start && t.end <= f.npEnd;
  const datedInPhrase = new Set<Dated>();
  /** Times that name a total's own period ("this month's total"): the total's before any other. */
  const totalTimes = new Set<TimeMention>();
  for (const t of times) {
    const f = found.find((x) => inPhrase(t, x));
    if (f && usable(t, f)) {
      owner.set(t, f);
      datedInPhrase.add(f);
    }
  }
  for (const t of times) {
    if (owner.has(t)) continue;
    // "this month's total to 58", "the monthly tally of 58": a total's own time is the total's.
    if (t.forNext || OWN_TOTAL.test(s.slice(t.start, t.end + 12)) || NUMBER_OF_BEFORE.test(s.slice(Math.max(0, t.start - 60), t.start))) {
      const total = ordered.find((x) => x.n.start >= t.end);
      if (total && usable(t, total) && (t.forNext || TOTAL_COMES_TO.test(s.slice(t.end, total.n.phraseStart)))) {
        owner.set(t, total);
        totalTimes.add(t);
        continue;
      }
    }
    let k = -1;
    for (let i = 0; i < ordered.length; i++) if (from(ordered[i] as Dated) <= t.start) k = i;
    if (k < 0) continue; // before every figure: free for all
    let f = ordered[k] as Dated;
    const next = ordered[k + 1];
    const tc = clauseOf(breaks, t.start);
    // "… bringing the total for 2024 to 400": a time naming a total's period is the total's.
    const lead = s.slice(Math.max(0, t.start - 30), t.start);
    const ofTotal = TOTAL_FOR.test(lead) || (TOTAL_BEFORE.test(lead) && /^(?:for|in|of)\b/i.test(s.slice(t.start, t.end)));
    if (next && ((tc !== clauseOf(breaks, f.n.start) && tc === clauseOf(breaks, next.n.start)) || datedInPhrase.has(f) || ofTotal)) f = next;
    // "detained 1,444 protesters, including 24 teenagers, in April": a time after the aside has
    // closed is the whole's (the part takes its whole's below).
    if (f.inherited && isAside(s, f.n) && s.slice(Math.max(f.n.end, f.npEnd), t.start).includes(",") && usable(t, f.inherited)) f = f.inherited;
    if (usable(t, f)) owner.set(t, f);
  }
  const claimClauses = new Set(found.map((f) => clauseOf(breaks, f.n.start)));
  const out = new Map<Dated, Period | null>();
  const pick = (f: Dated): Period | null => {
    if (out.has(f)) return out.get(f) ?? null;
    const mine = times.filter((t) => owner.get(t) === f).sort((a, b) => Number(totalTimes.has(b)) - Number(totalTimes.has(a)) || dist(a, f) - dist(b, f))[0];
    let period: Period | null = mine?.period ?? null;
    if (!period && f.inherited && isAside(s, f.n)) period = pick(f.inherited);
    if (!period && !f.inherited) {
      const myClause = clauseOf(breaks, f.n.start);
      const free = times
        .filter((t) => usable(t, f) && !owner.has(t))
        .filter((t) => clauseOf(breaks, t.start) === myClause || !claimClauses.has(clauseOf(breaks, t.start)))
        .sort((a, b) => dist(a, f) - dist(b, f))[0];
      period = free?.period ?? null;
      // A sentence-wide date ("In 2023, 834 … including 31 women") dates every figure in its clause.
      if (!period) {
        const shared = times.filter((t) => usable(t, f) && clauseOf(breaks, t.start) === myClause && t.start < f.n.start)
          .sort((a, b) => a.start - b.start)[0];
        if (shared && times.filter((t) => usable(t, f) && clauseOf(breaks, t.start) === myClause).length === 1) period = shared.period;
      }
      // "18 were killed and dozens injured when police fired on Friday": figures joined by "and"
      // share the one time that closes their clause.
      if (!period) {
        const g = ordered.find((x) => x.n.start > f.n.start);
        const between = g ? s.slice(f.n.end, g.n.phraseStart) : "";
        if (g && clauseOf(breaks, g.n.start) === myClause && /\band\s*$/.test(between) && !COMPARING.test(between)) {
          const last = times.filter((t) => owner.get(t) === g && Math.max(g.npEnd, g.triggerStart) > g.n.end && t.start > Math.max(g.npEnd, g.triggerStart) && usable(t, f) && clauseOf(breaks, t.start) === myClause);
          if (last.length === 1 && !ordered.some((x) => x.n.start > g.n.start && x.n.start < (last[0] as TimeMention).start)) period = (last[0] as TimeMention).period;
        }
      }
    }
    out.set(f, period);
    return period;
  };
  for (const f of found) pick(f);
  return out;
}
