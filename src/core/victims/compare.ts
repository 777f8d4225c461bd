// Pairwise comparison of two victim records: name similarity (Jaro-Winkler on consonant keys,
// and on folded Latin forms when both are in Latin script), age within one year, place with the
// gazetteer's nesting, date windows, sex and event. Each agreement or disagreement adds or takes
// points (log-odds in the manner of Fellegi and Sunter, set by hand), and says why.
import { jaroWinkler } from "@skyra/jaro-winkler";
import { canonicalPlace, getPlace, placeContains, placeCountry } from "../places.js";
import { nameForm, type NameForm } from "./names.js";
import type { VictimRecord } from "./types.js";

/** Where a score puts a pair. */
export type PairClass = "match" | "uncertain" | "non-match";

/** One reason of a score: what was compared, what it found, and the points it gave. */
export interface ScoreReason {
  field: "name" | "age" | "sex" | "place" | "date" | "event";
  points: number;
  note: string;
}

/** A compared pair. */
export interface PairScore {
  a: string;
  b: string;
  score: number;
  nameSimilarity: number;
  class: PairClass;
  reasons: ScoreReason[];
}

/** Scores at or above `match` merge; between `review` and `match` go to review; below, apart. */
export interface Thresholds {
  match: number;
  review: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { match: 5, review: 2 };

/** A record with its name prepared once (comparison is the hot loop of linkage). */
export interface PreparedRecord {
  record: VictimRecord;
  form: NameForm;
  /** Keys joined in written order and sorted, and folded Latin words sorted. */
  inOrder: string;
  sorted: string;
  latinSorted: string;
  dateRange: [number, number] | null;
  place: string | null;
}

/** Prepares a record for comparison. */
export function prepare(record: VictimRecord): PreparedRecord {
  const form = nameForm(record.name);
  return {
    record,
    form,
    inOrder: form.keys.join(""),
    sorted: [...form.keys].sort().join(""),
    latinSorted: form.script === "latin" ? [...form.words].sort().join(" ") : "",
    dateRange: dayRange(record.date ?? null),
    place: record.place ? canonicalPlace(record.place) : null,
  };
}

const DAY = 86_400_000;

/** The days [first, last] (as day numbers) an ISO date or prefix covers, or null. */
export function dayRange(date: string | null): [number, number] | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const d = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / DAY;
    return [d, d];
  }
  if (m[2] !== undefined) return [Date.UTC(y, Number(m[2]) - 1, 1) / DAY, Date.UTC(y, Number(m[2]), 0) / DAY];
  return [Date.UTC(y, 0, 1) / DAY, Date.UTC(y, 11, 31) / DAY];
}

/** Similarity of two prepared names in [0, 1], and how it was measured. */
export function nameSimilarity(a: PreparedRecord, b: PreparedRecord): { value: number; note: string } {
  if (a.inOrder === "" || b.inOrder === "") return { value: 0, note: "a name without letters" };
  const keys = Math.max(jaroWinkler(a.inOrder, b.inOrder), jaroWinkler(a.sorted, b.sorted));
  if (a.form.script === "latin" && b.form.script === "latin") {
    const latin = jaroWinkler(a.latinSorted, b.latinSorted);
    const value = (keys + latin) / 2;
    return { value, note: `spelling ${latin.toFixed(2)}, consonants ${keys.toFixed(2)}` };
  }
  return { value: keys, note: `consonants across scripts ${keys.toFixed(2)}` };
}

/** Compares two records; the score's reasons name every field that counted. */
export function comparePrepared(a: PreparedRecord, b: PreparedRecord, t: Thresholds = DEFAULT_THRESHOLDS): PairScore {
  const reasons: ScoreReason[] = [];
  const sim = nameSimilarity(a, b);
  const namePoints = sim.value >= 0.97 ? 4 : sim.value >= 0.93 ? 3 : sim.value >= 0.88 ? 1 : sim.value >= 0.8 ? -1 : -6;
  reasons.push({ field: "name", points: namePoints, note: `name ${sim.value.toFixed(2)} (${sim.note})` });
  const ra = a.record;
  const rb = b.record;
  if (ra.age != null && rb.age != null) {
    const d = Math.abs(ra.age - rb.age);
    reasons.push(d <= 1 ? { field: "age", points: 1.5, note: `ages ${ra.age} and ${rb.age} within a year` } : { field: "age", points: d <= 3 ? -2 : -5, note: `ages ${ra.age} and ${rb.age} differ by ${d}` });
  }
  if (ra.sex && rb.sex) reasons.push(ra.sex === rb.sex ? { field: "sex", points: 0.3, note: `both ${ra.sex}` } : { field: "sex", points: -6, note: `${ra.sex} and ${rb.sex}` });
  if (a.place && b.place) reasons.push(placeReason(a.place, b.place));
  if (a.dateRange && b.dateRange) reasons.push(dateReason(a.dateRange, b.dateRange, ra.date ?? "", rb.date ?? ""));
  if (ra.event && rb.event && ra.event !== rb.event) reasons.push({ field: "event", points: -2, note: `events ${ra.event} and ${rb.event}` });
  const score = Math.round(reasons.reduce((s, r) => s + r.points, 0) * 100) / 100;
  return { a: ra.id, b: rb.id, score, nameSimilarity: Math.round(sim.value * 1000) / 1000, class: classify(score, t), reasons };
}

/** Compares two records as given. */
export function compareRecords(a: VictimRecord, b: VictimRecord, t: Thresholds = DEFAULT_THRESHOLDS): PairScore {
  return comparePrepared(prepare(a), prepare(b), t);
}

/** The class of a score. */
export function classify(score: number, t: Thresholds = DEFAULT_THRESHOLDS): PairClass {
  return score >= t.match ? "match" : score >= t.review ? "uncertain" : "non-match";
}

function placeReason(a: string, b: string): ScoreReason {
  if (a.toLowerCase() === b.toLowerCase()) return { field: "place", points: 1.5, note: `both in ${a}` };
  const known = getPlace(a) !== null && getPlace(b) !== null;
  if (known && (placeContains(a, b) || placeContains(b, a))) {
    const [outer, inner] = placeContains(a, b) ? [a, b] : [b, a];
    return { field: "place", points: 0.8, note: `${inner} lies in ${outer}` };
  }
  if (known) {
    const ca = placeCountry(a);
    const same = ca !== null && ca === placeCountry(b);
    return { field: "place", points: same ? -1.5 : -3, note: same ? `${a} and ${b}, two places of ${ca}` : `${a} and ${b}, different countries` };
  }
  return { field: "place", points: -1, note: `places ${a} and ${b} differ (not both in the gazetteer)` };
}

function dateReason(a: [number, number], b: [number, number], da: string, db: string): ScoreReason {
  const gap = Math.max(0, Math.max(a[0], b[0]) - Math.min(a[1], b[1]));
  if (gap === 0) return { field: "date", points: a[0] === a[1] && b[0] === b[1] ? 1.5 : 0.5, note: a[0] === a[1] && b[0] === b[1] ? `same day ${da}` : `dates ${da} and ${db} overlap` };
  if (gap <= 3) return { field: "date", points: 1, note: `dates ${da} and ${db} within ${gap} days` };
  if (gap <= 31) return { field: "date", points: -0.5, note: `dates ${da} and ${db} ${gap} days apart` };
  return { field: "date", points: -3, note: `dates ${da} and ${db} ${gap} days apart` };
}
