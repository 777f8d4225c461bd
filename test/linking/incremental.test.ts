import { describe, it, expect } from "vitest";
import { linkClaims, updateFacts } from "../../src/core/linking/index.js";
import { claim, month, testNetworks, year } from "./claim-factory.js";

const opts = { networkOf: testNetworks };

describe("updateFacts", () => {
  const base = [
    claim({ documentId: "d1", source: "IHRNGO", count: 267, period: year(2020) }),
    claim({ documentId: "d1", source: "IHRNGO", count: 20, period: month(2020, 2) }),
    claim({ documentId: "d2", event: "arrest", source: "HRANA", count: 900, place: "Iraq" }),
  ];
  const added = [
    claim({ documentId: "d3", source: "Amnesty International", count: 246, qualifier: "at_least", period: year(2020) }),
    claim({ documentId: "d3", source: "HRANA", count: 200, period: year(2020) }),
  ];

  it("gives the same result as linking everything again", () => {
    const prev = linkClaims(base, opts);
    expect(updateFacts(prev, added, [], opts)).toEqual(linkClaims([...base, ...added], opts));
  });

  it("removes documents and recomputes their facts", () => {
    const full = linkClaims([...base, ...added], opts);
    expect(full.contradictions.length).toBeGreaterThan(0);
    const removed = updateFacts(full, [], ["d3"], opts);
    expect(removed).toEqual(linkClaims(base, opts));
  });

  it("leaves untouched partitions as they were", () => {
    const prev = linkClaims(base, opts);
    const next = updateFacts(prev, added, [], opts);
    const iraq = (r: typeof prev) => r.facts.find((f) => f.scope.place === "Iraq");
    expect(iraq(next)).toBe(iraq(prev));
  });
});
