import { describe, it, expect } from "vitest";
import { ESTIMATE_RULE, linkClaims } from "../../src/core/linking/index.js";
import { claim, testNetworks } from "./claim-factory.js";

const opts = { networkOf: testNetworks };
const one = (claims: Parameters<typeof linkClaims>[0]) => {
  const r = linkClaims(claims, opts);
  expect(r.facts).toHaveLength(1);
  return { fact: r.facts[0]!, r };
};

describe("low / best / high and status", () => {
  it("does not contest agreeing figures with different qualifiers", () => {
    const { fact, r } = one([
      claim({ source: "Amnesty International", count: 246, qualifier: "at_least" }),
      claim({ source: "IHRNGO", count: 267 }),
    ]);
    expect(fact.status).toBe("corroborated");
    expect(r.contradictions).toEqual([]);
    // 267 is allowed by both voices, 246 only by its own: best is the figure most voices allow.
    expect([fact.low, fact.best, fact.high]).toEqual([246, 267, 267]);
    expect(fact.bestRule).toContain("267 (IHRNGO), a figure every voice not ruled out allows");
    expect(fact.highIsMinimum).toBe(false);
    expect(fact.rule).toBe(ESTIMATE_RULE);
  });

  it("contests figures that cannot both be right", () => {
    const { fact, r } = one([
      claim({ source: "HRANA", count: 225 }),
      claim({ source: "Amnesty International", count: 280, qualifier: "at_least" }),
    ]);
    expect(fact.status).toBe("contested");
    expect([fact.low, fact.best, fact.high]).toEqual([225, 225, 280]);
    expect(fact.highIsMinimum).toBe(true);
    expect(r.contradictions).toHaveLength(1);
    const con = r.contradictions[0]!;
    expect(con.kind).toBe("incompatible_figures");
    expect(con.severity).toBe("medium");
    expect(con.reason).toContain("HRANA");
    expect(con.reason).toContain("at least 280");
    expect(fact.contradictionIds).toEqual([con.id]);
  });

  it("takes the highest minimum as low when every figure is a minimum", () => {
    const { fact } = one([
      claim({ source: "IHRNGO", count: 834, qualifier: "at_least" }),
      claim({ source: "Amnesty International", count: 853, qualifier: "at_least" }),
    ]);
    expect([fact.low, fact.best, fact.high, fact.highIsMinimum]).toEqual([853, 853, 853, true]);
  });

  it("ranges from a documented minimum to a high credible figure", () => {
    const { fact } = one([
      claim({ event: "killing", victims: ["protesters"], source: "Amnesty International", count: 304, qualifier: "at_least" }),
      claim({ event: "killing", victims: ["protesters"], source: "Reuters", count: 1500 }),
    ]);
    expect(fact.status).toBe("corroborated");
    expect([fact.low, fact.best, fact.high]).toEqual([304, 1500, 1500]);
  });

  it("prefers registered voices and falls back to all when none is registered", () => {
    const { fact } = one([
      claim({ source: "IHRNGO", count: 100 }),
      claim({ source: "an anonymous blog", count: 5000 }),
    ]);
    expect(fact.status).toBe("contested");
    expect([fact.low, fact.high]).toEqual([100, 100]);
    expect(fact.bestRule).toBe("best = the only registered voice's figure, 100 (IHRNGO)");
    const { fact: unreg } = one([claim({ source: "blog a", count: 10 }), claim({ source: "blog b", count: 11, qualifier: "about" })]);
    expect([unreg.low, unreg.best, unreg.high]).toEqual([10, 10, 11]);
  });

  it("reports a single source", () => {
    const { fact } = one([claim({ source: "HRANA", count: 12 })]);
    expect(fact.status).toBe("single_source");
    expect([fact.low, fact.best, fact.high]).toEqual([12, 12, 12]);
  });
});
