// What the registry says of one person, from the records that name them: the name most records
// give (each spelling kept), the age, sex, place, date and event they agree on, and who lists them.
import { placeContains } from "../places.js";
import type { Sex, VictimFields } from "./types.js";

/** The fields of one record a summary reads. */
export interface PersonRecordFields extends VictimFields {
  source: string;
}

/** One person as the registry presents them. */
export interface PersonSummary {
  name: string;
  names: string[];
  age: number | null;
  sex: Sex | null;
  place: string | null;
  date: string | null;
  event: string | null;
  occupation: string | null;
  ethnicity: string | null;
  sources: string[];
  records: number;
}

/** The value most records give (ties: the first given), or null when none gives one. */
function most<T>(values: ReadonlyArray<T | null>): T | null {
  const n = new Map<T, number>();
  for (const v of values) if (v !== null) n.set(v, (n.get(v) ?? 0) + 1);
  let best: T | null = null;
  let count = 0;
  for (const [v, c] of n) if (c > count) [best, count] = [v, c];
  return best;
}

/** The most specific place on one chain (a city before its country), else the most given. */
function place(values: ReadonlyArray<string | null>): string | null {
  const given = values.filter((v): v is string => v !== null);
  const deepest = given.reduce<string | null>((d, p) => (d === null || placeContains(d, p) ? p : d), null);
  return deepest !== null && given.every((p) => placeContains(p, deepest) || placeContains(deepest, p)) ? deepest : most(given);
}

/** Summarises the records of one person. */
export function summarizePerson(records: readonly PersonRecordFields[]): PersonSummary {
  const names = [...new Set(records.map((r) => r.name))];
  const dates = records.map((r) => r.date).filter((d): d is string => d !== null).sort((a, b) => b.length - a.length || a.localeCompare(b));
  return {
    name: most(records.map((r) => r.name)) ?? "",
    names,
    age: most(records.map((r) => r.age)),
    sex: most(records.map((r) => r.sex)),
    place: place(records.map((r) => r.place)),
    date: dates[0] ?? null,
    event: most(records.map((r) => r.event)),
    occupation: most(records.map((r) => r.occupation)),
    ethnicity: most(records.map((r) => r.ethnicity)),
    sources: [...new Set(records.map((r) => r.source))].sort(),
    records: records.length,
  };
}
