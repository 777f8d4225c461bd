// The range of a fact across independent voices (low / best / high) and its status.
import { formatFigure, overlaps } from "./intervals.js";
import type { FactStatus, Voice } from "./types.js";
import { flat } from "./strings.js";

/** The rule behind low / best / high, stated in every fact. */
export const ESTIMATE_RULE =
  "One figure per independent voice: its latest, a precise figure before a vague one ('hundreds') from the same voice; " +
  "a voice's later figure replaces its earlier one (a revision). Among registered voices (all voices when none is): " +
  "a figure is ruled out when two other independent voices' minimums lie above it; " +
  "low = the lower of the highest minimum ('at least', 'more than') and the lowest exact, approximate or maximum figure not ruled out; " +
  "best = the figure not ruled out that the most voices allow, the lower one on a tie; " +
  "high = the highest figure. Exact figures agree within 2%, 'about' within 10%. " +
  "Figures without a stated period are listed, never compared.";

/** low / best / high of a fact, whether high is only a minimum, and which rule chose best. */
export interface Estimate {
  low: number;
  best: number;
  high: number;
  highIsMinimum: boolean;
  bestRule: string;
}

function isMinimum(v: Voice): boolean {
  return v.qualifier === "at_least" || v.qualifier === "more_than";
}

/** The figure a voice puts forward as a single number ("more than 10" puts forward 11). */
export function voicePoint(v: Voice): number {
  return v.qualifier === "more_than" ? v.count + 1 : v.count;
}

/** Above this many voices, each voice is paired only with the one furthest above it. */
const ALL_PAIRS_LIMIT = 30;

/**
 * Pairs of voices whose figures cannot both be right, as [lower, higher] index pairs. With
 * many voices (more than ALL_PAIRS_LIMIT) each voice that is contradicted from above is paired
 * only with the voice whose lower bound is highest, so the work stays linear.
 */
export function incompatiblePairs(voices: readonly Voice[]): [number, number][] {
  const pairs: [number, number][] = [];
  if (voices.length > ALL_PAIRS_LIMIT) {
    let top = 0;
    voices.forEach((v, i) => {
      if (v.lo > (voices[top] as Voice).lo) top = i;
    });
    const topLo = (voices[top] as Voice).lo;
    voices.forEach((v, i) => {
      if (v.hi !== null && v.hi < topLo) pairs.push([i, top]);
    });
    return pairs;
  }
  for (let i = 0; i < voices.length; i++) {
    for (let j = i + 1; j < voices.length; j++) {
      const a = voices[i] as Voice;
      const b = voices[j] as Voice;
      if (!overlaps(a, b)) pairs.push(voicePoint(a) <= voicePoint(b) ? [i, j] : [j, i]);
    }
  }
  return pairs;
}

/** The voices of a pool whose figure two other voices' minimums rule out (both lie above its highest value). */
export function ruledOut(pool: readonly Voice[]): Voice[] {
  return pool.filter((v) => v.hi !== null && pool.filter((u) => u !== v && u.lo > (v.hi as number)).length >= 2);
}

/** How many voices' ranges contain a point. */
function support(point: number, voices: readonly Voice[]): number {
  return voices.filter((v) => v.lo <= point && (v.hi === null || point <= v.hi)).length;
}

function figureText(v: Voice): string {
  return `${formatFigure(v.count, v.qualifier)} (${v.label})`;
}

/** low / best / high across voices, following ESTIMATE_RULE, with the rule that chose best. */
export function estimate(voices: readonly Voice[]): Estimate {
  const registered = voices.filter((v) => v.registered);
  const pool = registered.length > 0 ? registered : [...voices];
  const out = ruledOut(pool);
  const kept = pool.filter((v) => !out.includes(v));
  const minima = kept.filter(isMinimum).map(voicePoint);
  const others = kept.filter((v) => !isMinimum(v)).map(voicePoint);
  const highestMinimum = minima.reduce((a, b) => Math.max(a, b), -Infinity);
  const lowestOther = others.reduce((a, b) => Math.min(a, b), Infinity);
  const low = Math.min(minima.length ? highestMinimum : Infinity, lowestOther);
  let top = pool[0] as Voice;
  for (const v of pool) {
    const p = voicePoint(v);
    const tp = voicePoint(top);
    if (p > tp || (p === tp && isMinimum(v))) top = v;
  }
  let best = kept[0] as Voice;
  let bestSupport = -1;
  for (const v of kept) {
    const n = support(voicePoint(v), kept);
    if (n > bestSupport || (n === bestSupport && voicePoint(v) < voicePoint(best))) {
      best = v;
      bestSupport = n;
    }
  }
  const scope = registered.length > 0 && registered.length < voices.length ? " among registered voices" : "";
  let bestRule: string;
  if (kept.length === 1 && pool.length === 1) bestRule = `best = the only${scope ? " registered" : ""} voice's figure, ${figureText(best)}`;
  else if (bestSupport === kept.length) bestRule = `best = ${figureText(best)}, a figure every${scope} voice not ruled out allows`;
  else bestRule = `best = ${figureText(best)}, allowed by ${bestSupport} of ${kept.length}${scope} voices not ruled out (the lower figure on a tie)`;
  if (out.length > 0) {
    bestRule += `; ruled out by two independent minimums above them: ${out.map(figureText).join(", ")}`;
  }
  return { low, best: voicePoint(best), high: voicePoint(top), highIsMinimum: isMinimum(top), bestRule: flat(bestRule) };
}

/**
 * single_source: one voice heard through one name; single_network: one voice heard through
 * several sources of one network; single_document: two or more voices, none heard apart from
 * the others (one document, crediting at most one of them: a publisher's figure beside the one
 * it credits restates or breaks it down, it neither confirms nor contests it); corroborated: two
 * or more voices heard apart whose figures all agree within their qualifiers; contested: two
 * voices heard apart whose figures cannot both be right; undated: two or more voices for no
 * stated period, never compared.
 */
export function factStatus(voices: readonly Voice[], hasIncompatible: boolean, dated = true, heardApart = true): FactStatus {
  if (!dated && voices.length >= 2) return "undated";
  if (voices.length >= 2) return hasIncompatible ? "contested" : heardApart ? "corroborated" : "single_document";
  const only = voices[0];
  return only && only.id.startsWith("net:") && only.sources.length >= 2 ? "single_network" : "single_source";
}
