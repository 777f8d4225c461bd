import { describe, it, expect } from "vitest";
import { claimPartition, claimScope, describeScope, eventFamily, linkClaims, partitionKey } from "../../src/core/linking/index.js";
import { claim, month, year } from "./claim-factory.js";

describe("scopes", () => {
  it("counts killings of prisoners with executions, other killings apart", () => {
    expect(eventFamily({ event: "killing", victims: ["prisoners"] })).toBe("execution");
    expect(eventFamily({ event: "killing", victims: ["protesters"] })).toBe("killing");
    expect(eventFamily({ event: "killing", victims: [] })).toBe("killing");
  });

  it("canonicalises place aliases and drops 'prisoners' from executions", () => {
    const s = claimScope(claim({ place: "Sistan-Baluchestan", victims: ["prisoners", "women"] }));
    expect(s.place).toBe("Sistan and Baluchestan");
    expect(s.victims).toEqual(["women"]);
    expect(describeScope(s)).toBe("executions of women in Sistan and Baluchestan in 2020");
  });

  it("puts an execution and a killing of prisoners in one fact", () => {
    const r = linkClaims([claim({ count: 30 }), claim({ event: "killing", victims: ["prisoners"], count: 30 })]);
    expect(r.facts).toHaveLength(1);
  });

  it("keeps different periods, places and victim groups in different facts", () => {
    const r = linkClaims([
      claim({ period: year(2020) }),
      claim({ period: year(2021) }),
      claim({ period: month(2020, 1), count: 10 }),
      claim({ place: "Iraq" }),
      claim({ period: null }),
    ]);
    expect(r.facts).toHaveLength(5);
  });

  it("keeps a claim without victims as the whole, with the one victim group named for its scope nested under it", () => {
    const r = linkClaims([
      claim({ victims: ["women"], count: 31 }),
      claim({ victims: [], count: 975, qualifier: "at_least" }),
    ]);
    expect(r.facts).toHaveLength(2);
    const all = r.facts.find((f) => f.scope.victims.length === 0);
    const women = r.facts.find((f) => f.scope.victims[0] === "women");
    expect(all?.best).toBe(975);
    expect(women?.parentId).toBe(all?.id);
    expect(r.contradictions).toEqual([]);
  });

  it("keeps unspecified victims apart when several groups are named, as their parent", () => {
    const r = linkClaims([
      claim({ victims: ["women"], count: 20 }),
      claim({ victims: ["child_offenders"], count: 3 }),
      claim({ victims: [], count: 250 }),
    ]);
    expect(r.facts).toHaveLength(3);
    const all = r.facts.find((f) => f.scope.victims.length === 0);
    expect(all?.children).toHaveLength(2);
    expect(r.contradictions).toEqual([]);
  });

  it("does not merge undated claims into dated facts", () => {
    const r = linkClaims([claim({ count: 100 }), claim({ period: null, count: 5000 })]);
    expect(r.facts).toHaveLength(2);
    expect(r.contradictions).toEqual([]);
  });

  it("gives facts ids that depend only on the scope", () => {
    const a = linkClaims([claim({ count: 1 })]).facts[0]?.id;
    const b = linkClaims([claim({ count: 2, source: "X" })]).facts[0]?.id;
    const c = linkClaims([claim({ period: year(2019) })]).facts[0]?.id;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^fact_[0-9a-f]{16}$/);
  });
});

describe("claimPartition", () => {
  it("is the partition of the claim's scope, for places, families, victims and analysts' assignments", () => {
    const claims = [
      claim({ place: "Tehran" }),
      claim({ place: "Zahedan", event: "killing", victims: ["prisoners"] }),
      claim({ place: "Zahedan", event: "killing", victims: ["protesters"] }),
      claim({ place: "Nowhere Valley" }),
      claim({ place: null, period: null }),
      claim({ place: "Iraq", event: "arrest" }),
      claim({ place: "Tehran", override: { scope: { family: "killing", place: "Kurdistan", period: year(2021), victims: [] } } }),
      claim({ place: "Tehran", override: { split: "by-hand" } }),
    ];
    const seen = new Set<string>();
    for (const c of claims) {
      expect(claimPartition(c)).toBe(partitionKey(claimScope(c)));
      seen.add(claimPartition(c));
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });
});
