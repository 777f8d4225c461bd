// The range of a fact across independent voices (low / best / high) and its status.
import { overlaps } from "./intervals.js";
import type { FactStatus, Voice } from "./types.js";

/** The rule behind low / best / high, stated in every fact. */
export const ESTIMATE_RULE =
  "One figure per independent voice (its latest). Among registered voices (all voices when none is registered): " +
  "low = the lower of the highest minimum ('at least', 'more than') and the lowest exact, approximate or maximum figure; " +
  "best = the lowest figure at or above low that no other voice contradicts, else low; " +
  "high = the highest figure. Exact figures agree within 2%, 'about' within 10%.";

/** low / best / high of a fact and whether high is only a minimum. */
export interface Estimate {
  low: number;
  best: number;
  high: number;
  highIsMinimum: boolean;
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

/** low / best / high across voices, following ESTIMATE_RULE. */
export function estimate(voices: readonly Voice[], contradicted: ReadonlySet<string>): Estimate {
  const registered = voices.filter((v) => v.registered);
  const pool = registered.length > 0 ? registered : [...voices];
  const minima = pool.filter(isMinimum).map(voicePoint);
  const others = pool.filter((v) => !isMinimum(v)).map(voicePoint);
  const highestMinimum = minima.reduce((a, b) => Math.max(a, b), -Infinity);
  const lowestOther = others.reduce((a, b) => Math.min(a, b), Infinity);
  const low = Math.min(minima.length ? highestMinimum : Infinity, lowestOther);
  let top = pool[0] as Voice;
  for (const v of pool) {
    const p = voicePoint(v);
    const tp = voicePoint(top);
    if (p > tp || (p === tp && isMinimum(v))) top = v;
  }
  const high = voicePoint(top);
  const uncontested = pool
    .filter((v) => !contradicted.has(v.id))
    .map(voicePoint)
    .filter((p) => p >= low);
  const best = uncontested.length ? uncontested.reduce((a, b) => Math.min(a, b), Infinity) : low;
  return { low, best, high, highIsMinimum: isMinimum(top) };
}

/**
 * single_source: one voice heard through one name; single_network: one voice heard through
 * several sources of one network; corroborated: two or more voices whose figures all agree
 * within their qualifiers; contested: two voices whose figures cannot both be right.
 */
export function factStatus(voices: readonly Voice[], hasIncompatible: boolean): FactStatus {
  if (voices.length >= 2) return hasIncompatible ? "contested" : "corroborated";
  const only = voices[0];
  return only && only.id.startsWith("net:") && only.sources.length >= 2 ? "single_network" : "single_source";
}
