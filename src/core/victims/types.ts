// What linkage works on: one record of a person as a list or a document gives it.

/** Sex as a list or a text gives it. */
export type Sex = "male" | "female";

/** What a list row or a mention says of a person. */
export interface VictimFields {
  name: string;
  age: number | null;
  sex: Sex | null;
  place: string | null;
  date: string | null;
  event: string | null;
  occupation: string | null;
  ethnicity: string | null;
}

/** One record of a named victim: a row of an imported list or a mention in a document. */
export interface VictimRecord {
  /** Stable id of the record (e.g. "row:12" or "mention:7"). */
  id: string;
  /** The list or document source the record comes from (linkage never merges two rows of one list unless told). */
  source: string;
  name: string;
  age?: number | null;
  sex?: Sex | null;
  /** Place as written or canonical (the gazetteer's nesting is used when it knows it). */
  place?: string | null;
  /** ISO date or prefix (YYYY, YYYY-MM, YYYY-MM-DD) of the event. */
  date?: string | null;
  /** Event type (execution, killing, …). */
  event?: string | null;
}

/** A reviewer's word on a pair: the same person, or not. */
export interface PairDecision {
  a: string;
  b: string;
  same: boolean;
}
