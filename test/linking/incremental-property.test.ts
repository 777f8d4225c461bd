// Property: updating facts with a document's claims gives exactly what linking everything again
// gives, also with the rules of parts and wholes (breakdowns, figures to date, headlines, one
// document's figures) that look across the claims of a document.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkClaims, updateFacts, type LinkClaim } from "../../src/core/linking/index.js";
import { month, PROPERTY_QUALIFIERS as QUALIFIERS, PROPERTY_QUOTES as QUOTES, PROPERTY_SOURCES as SOURCES, PROPERTY_VICTIMS as VICTIMS, testNetworks, year } from "./claim-factory.js";

const opts = { networkOf: testNetworks };

// Few places and periods, so that claims of one document often share a scope.
const PLACES = ["Iran", "Iran", "Iran", "Tehran", "Iraq", null];

const claimArb = fc.record({
  doc: fc.integer({ min: 0, max: 3 }),
  source: fc.constantFrom(...SOURCES),
  place: fc.constantFrom(...PLACES),
  count: fc.constantFrom(20, 140, 150, 225, 246, 267, 1500),
  qualifier: fc.constantFrom(...QUALIFIERS),
  victims: fc.constantFrom(...VICTIMS),
  period: fc.constantFrom(year(2020), year(2020), year(2020), year(2021), month(2020, 11), month(2021, 11), null),
  published: fc.constantFrom("2020-10-15", "2021-02", "2022-01-10", null),
  quote: fc.constantFrom(...QUOTES),
  event: fc.constantFrom("execution" as const, "killing" as const),
});

type RawClaim = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

function toClaims(raw: RawClaim[], prefix: string, docBase: number): LinkClaim[] {
  return raw.map((r, i) => {
    const doc = `d${docBase + r.doc}`;
    return {
      id: `${prefix}${i}`, documentId: doc, documentName: `${doc}.txt`, published: r.published, event: r.event,
      count: r.count, qualifier: r.qualifier, period: r.period, place: r.place, victims: r.victims, source: r.source,
      sourceNetwork: null, reportedBy: r.source ? null : "Daily Paper", duplicateGroup: doc, quote: r.quote,
    };
  });
}

describe("updateFacts against a full relink", () => {
  it("adds a document's claims with the same outcome as linking everything again", () => {
    fc.assert(
      fc.property(fc.array(claimArb, { maxLength: 25 }), fc.array(claimArb, { minLength: 1, maxLength: 6 }), (a, b) => {
        const base = toClaims(a, "a", 0);
        const added = toClaims(b.map((x) => ({ ...x, doc: 0 })), "b", 10);
        expect(updateFacts(linkClaims(base, opts), added, [], opts)).toEqual(linkClaims([...base, ...added], opts));
      }),
      { numRuns: 300 },
    );
  });

  it("removes a document with the same outcome as linking the rest", () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 25 }), (a) => {
        const all = toClaims(a, "a", 0);
        const rest = all.filter((c) => c.documentId !== "d0");
        expect(updateFacts(linkClaims(all, opts), [], ["d0"], opts)).toEqual(linkClaims(rest, opts));
      }),
      { numRuns: 150 },
    );
  });
});
