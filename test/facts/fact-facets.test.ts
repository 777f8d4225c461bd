// The facets of facts and contradictions (services/fact-facets.ts) on invented facts: each value's
// count is the number of items the filter on that value selects, for periods over several years,
// undated and unplaced facts, a source named by an alias of the registry and a network.
import { describe, expect, it } from "vitest";
import type { Contradiction, Fact, LinkClaim } from "../../src/core/linking/index.js";
import { defaultRegistry } from "../../src/core/sources.js";
import { FactViews } from "../../src/services/fact-presenter.js";
import { conflictFacets, conflictMatcher, factFacets, factMatcher } from "../../src/services/fact-facets.js";
import type { Linked } from "../../src/services/fact-lookups.js";
import type { ConflictFilters, FactFilters } from "../../src/services/fact-views.js";

let nextClaim = 0;
function claim(source: string | null, reportedBy: string | null, sourceNetwork: string | null = null): LinkClaim {
  const id = String(++nextClaim);
  return { id, documentId: "1", documentName: "d.txt", published: null, event: "execution", count: 10, qualifier: "exact", period: null, place: null, victims: [], source, sourceNetwork, reportedBy, duplicateGroup: id, quote: "" };
}

function fact(id: string, scope: Partial<Fact["scope"]>, status: Fact["status"], claims: LinkClaim[]): Fact {
  return { id, scope: { family: "execution", place: null, period: null, victims: [], ...scope }, status, claims } as Fact;
}

const FACTS: Fact[] = [
  fact("a", { place: "Shiraz", period: { start: "2022-06-01", end: "2023-03-31" } }, "contested", [claim("IHRNGO", "Lantern Wire"), claim("HRANA", "Lantern Wire"), claim("IHRNGO", "Quarry Post")]),
  fact("b", { place: "Iran", period: { start: "2023-01-01", end: "2023-12-31" }, victims: ["protesters"] }, "corroborated", [claim(null, "Iran Human Rights"), claim("Amnesty International", null)]),
  fact("c", { place: null, period: null }, "undated", [claim(null, "Lantern Wire")]),
  fact("d", { family: "arrest", place: "Karaj", period: { start: "2024-02-01", end: "2024-02-29" } }, "single_source", [claim("Hengaw", "Meadow Post", "hengaw")]),
];

const views = new FactViews(defaultRegistry);
const FIELDS = ["event", "place", "year", "source", "network", "victims", "status"] as const;

/** The filter a facet value sets. */
function narrowing(field: string, value: string): FactFilters {
  if (field === "year") return { from: value, to: value };
  if (field === "network") return { source: value };
  return { [field]: value } as FactFilters;
}

const select = (filters: FactFilters) => FACTS.filter(factMatcher(filters, filters.source ? views.sourceMatcher(filters.source) : null));

describe("fact facets", () => {
  it("counts each value as many times as its filter selects facts", () => {
    for (const base of [{}, { place: "Iran" }, { from: "2023" }, { source: "IHRNGO" }] as FactFilters[]) {
      const facets = factFacets(select(base), FIELDS, defaultRegistry);
      for (const field of FIELDS) {
        for (const { value, count } of facets[field] ?? []) {
          if (value === null || Object.keys(narrowing(field, value)).some((k) => k in base)) continue;
          expect(select({ ...base, ...narrowing(field, value) }).map((f) => f.id), `${JSON.stringify(base)} ${field}=${value}`).toHaveLength(count);
        }
      }
    }
  });

  it("counts a period under every year it touches, and facts without a period, place or source under null", () => {
    const f = factFacets(FACTS, FIELDS, defaultRegistry);
    expect(Object.fromEntries((f.year ?? []).map((v) => [v.value, v.count]))).toEqual({ "2022": 1, "2023": 2, "2024": 1, null: 1 });
    expect(Object.fromEntries((f.place ?? []).map((v) => [v.value, v.count]))).toEqual({ Iran: 3, Fars: 1, Shiraz: 1, Alborz: 1, Karaj: 1, null: 1 });
    // A source named by an alias counts the facts of the registered source it names, as its filter finds them.
    const sources = Object.fromEntries((f.source ?? []).map((v) => [v.value, v.count]));
    expect(sources["Iran Human Rights"]).toBe(2);
    expect(sources.IHRNGO).toBe(2);
    // The outlet is heard only where the claim credits no source.
    expect(sources["Lantern Wire"]).toBe(1);
    expect(f.network?.find((v) => v.value === "hengaw")).toEqual({ value: "hengaw", count: 1, label: "Hengaw Organization for Human Rights" });
    expect(f.victims).toContainEqual({ value: null, count: 3 });
  });
});

describe("conflict facets", () => {
  const con = (id: string, facts: string[], claims: LinkClaim[], severity: Contradiction["severity"]): Contradiction => ({ id, kind: "incompatible_figures", reason: "", claims: claims.map((c) => c.id), facts, severity, independent: true, score: 1 });
  const byId = new Map(FACTS.map((f) => [f.id, f]));
  const conflicts = [con("k1", ["a", "b"], [FACTS[0]!.claims[0]!, FACTS[1]!.claims[1]!], "high"), con("k2", ["d"], FACTS[3]!.claims, "low"), con("k3", ["a"], FACTS[0]!.claims.slice(0, 2), "medium")];
  const linked = { facts: byId, claims: new Map(FACTS.flatMap((f) => f.claims.map((c) => [c.id, c] as const))) } as unknown as Linked;
  const select = (filters: ConflictFilters) => conflicts.filter(conflictMatcher(filters, linked, filters.source ? views.sourceMatcher(filters.source) : null));
  const FIELDS = ["event", "place", "year", "source", "network", "severity", "kind"] as const;

  it("counts each value as many times as its filter selects contradictions, from the facts in the filter's scope", () => {
    for (const base of [{}, { place: "Shiraz" }, { from: "2023", to: "2023" }, { severity: "high" }] as ConflictFilters[]) {
      const facets = conflictFacets(select(base), base, FIELDS, linked, defaultRegistry);
      for (const field of FIELDS) {
        for (const { value, count } of facets[field] ?? []) {
          // A value of a field the filter already holds replaces it (a place containing the chosen one widens the list).
          if (value === null || Object.keys(narrowing(field, value)).some((k) => k in base)) continue;
          expect(select({ ...base, ...narrowing(field, value) }), `${JSON.stringify(base)} ${field}=${value}`).toHaveLength(count);
        }
      }
    }
    const all = conflictFacets(conflicts, {}, FIELDS, linked, defaultRegistry);
    expect(Object.fromEntries((all.place ?? []).map((v) => [v.value, v.count]))).toEqual({ Iran: 3, Fars: 2, Shiraz: 2, Alborz: 1, Karaj: 1 });
    expect(Object.fromEntries((all.event ?? []).map((v) => [v.value, v.count]))).toEqual({ execution: 2, arrest: 1 });
    // Within Shiraz, k1 counts only its Shiraz fact's years (2022, 2023), not the other fact's.
    const shiraz = conflictFacets(select({ place: "Shiraz" }), { place: "Shiraz" }, ["year"], linked, defaultRegistry);
    expect(Object.fromEntries((shiraz.year ?? []).map((v) => [v.value, v.count]))).toEqual({ "2022": 2, "2023": 2 });
  });
});
