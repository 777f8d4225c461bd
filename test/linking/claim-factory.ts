// Builds LinkClaim fixtures for the linking tests with sensible defaults.
import type { LinkClaim } from "../../src/core/linking/index.js";
import type { Period, Qualifier, VictimGroup } from "../../src/core/types.js";

let seq = 0;

/** A year as a period. */
export function year(y: number): Period {
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** A calendar month as a period. */
export function month(y: number, m: number): Period {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(last).padStart(2, "0")}` };
}

/** A claim of executions in Iran in 2020 from an unnamed document, overridden as needed. */
export function claim(over: Partial<LinkClaim> = {}): LinkClaim {
  seq++;
  const doc = over.documentId ?? `doc-${seq}`;
  return {
    id: `c-${seq}`,
    documentId: doc,
    documentName: `${doc}.txt`,
    published: null,
    event: "execution",
    count: 100,
    qualifier: "exact",
    period: year(2020),
    place: "Iran",
    victims: [],
    source: null,
    sourceNetwork: null,
    reportedBy: null,
    duplicateGroup: doc,
    quote: "A sentence written for the tests.",
    ...over,
  };
}

/** A network lookup for tests: a fixed table of source and outlet names. */
export const testNetworks = (name: string): string | null =>
  ({
    IHRNGO: "ihrngo",
    "Amnesty International": "amnesty",
    NCRI: "ncri-pmoi",
    "PMOI/MEK": "ncri-pmoi",
    "Iran Focus": "ncri-pmoi",
    Reuters: "reuters",
    AFP: "afp",
    HRANA: "hrana",
  })[name] ?? null;

/** Values the property tests draw claims from (few, so that claims often share a scope). */
export const PROPERTY_SOURCES = [null, "IHRNGO", "Amnesty International", "NCRI", "PMOI/MEK", "HRANA", "a local blog"];
export const PROPERTY_QUALIFIERS: Qualifier[] = ["exact", "at_least", "more_than", "about", "up_to"];
export const PROPERTY_VICTIMS: VictimGroup[][] = [[], [], ["women"], ["protesters"]];
export const PROPERTY_QUOTES = [
  "The group counted 140 executions, including 20 women, in its report.",
  "Headline: 140 executed this year",
  "Hundreds were executed, the group said.",
  "A sentence written for the tests.",
];
