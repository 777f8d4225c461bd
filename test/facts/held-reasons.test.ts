// Reasons held as codes by a reader (src/services/held-reasons.ts) are written again, when shown,
// as exactly the sentences the linker stored; a sentence no code gives is kept whole.
import { describe, expect, it } from "vitest";
import { linkClaims, type Contradiction, type Fact, type LinkClaim, type LinkResult } from "../../src/core/linking/index.js";
import { conflictReason, heldConflict, heldRevision, revisionText, type ReasonData } from "../../src/services/held-reasons.js";
import { claim, month, testNetworks, year } from "../linking/claim-factory.js";

function dataOf(r: LinkResult): ReasonData {
  const facts = new Map<string, Fact>(r.facts.map((f) => [f.id, f]));
  const claims = new Map<string, LinkClaim>();
  const factOf = new Map<string, string>();
  for (const f of r.facts) {
    for (const c of f.claims) {
      claims.set(c.id, c);
      factOf.set(c.id, f.id);
    }
  }
  return { claim: (id) => claims.get(id), fact: (id) => facts.get(id), factOfClaim: (id) => factOf.get(id) };
}

// Invented figures of every kind the linker reports.
const result = linkClaims(
  [
    // Two organisations far apart, and one document crediting two sources far apart.
    claim({ id: "a1", source: "HRANA", count: 120, documentName: "north-report.txt", period: year(2016) }),
    claim({ id: "a2", source: "Amnesty International", count: 300, documentName: "south-brief.txt", period: year(2016) }),
    claim({ id: "b1", documentId: "shared", documentName: "digest.txt", source: "HRANA", count: 40, period: year(2017), place: "Tehran" }),
    claim({ id: "b2", documentId: "shared", documentName: "digest.txt", source: "IHRNGO", count: 90, reportedBy: "AFP", period: year(2017), place: "Tehran" }),
    // Two speakers of one network in two documents.
    claim({ id: "n1", source: "NCRI", count: 60, documentName: "council.txt", period: year(2015), place: "Tabriz" }),
    claim({ id: "n2", source: "PMOI/MEK", count: 200, documentName: "mek.txt", period: year(2015), place: "Tabriz" }),
    // One document whose maximum is exceeded by its own larger figure.
    claim({ id: "i1", documentId: "memo", documentName: "memo.txt", count: 30, qualifier: "up_to", period: year(2014), place: "Shiraz" }),
    claim({ id: "i2", documentId: "memo", documentName: "memo.txt", count: 80, period: year(2014), place: "Shiraz" }),
    // The same figure a year apart (a probable dating error).
    claim({ id: "d1", source: "HRANA", count: 75, documentName: "autumn.txt", period: month(2018, 11), place: "Karaj", published: "2018-12-02" }),
    claim({ id: "d2", source: "Hengaw", count: 75, documentName: "later.txt", period: month(2019, 11), place: "Karaj", published: "2019-12-03" }),
    // A month above its year, months adding up to more than their year.
    claim({ id: "w", source: "HRANA", count: 50, event: "arrest", period: year(2022), place: "Ahvaz" }),
    claim({ id: "p", source: "Hengaw", count: 70, event: "arrest", period: month(2022, 3), place: "Ahvaz" }),
    claim({ id: "y", source: "HRANA", count: 50, event: "arrest", period: year(2023), place: "Rasht" }),
    claim({ id: "m1", source: "HRANA", count: 30, event: "arrest", period: month(2023, 1), place: "Rasht" }),
    claim({ id: "m2", source: "HRANA", count: 35, event: "arrest", period: month(2023, 2), place: "Rasht" }),
    // A source revising its own figure.
    claim({ id: "r1", source: "IHRNGO", count: 969, qualifier: "at_least", published: "2016-03-01", documentName: "annual-a.pdf", period: year(2013) }),
    claim({ id: "r2", source: "IHRNGO", count: 972, qualifier: "at_least", published: "2017-03-01", documentName: "annual-b.pdf", period: year(2013) }),
  ],
  { networkOf: testNetworks },
);
const data = dataOf(result);

describe("reasons held as codes", () => {
  it("covers every kind of contradiction and a revision", () => {
    expect(new Set(result.contradictions.map((c) => c.kind))).toEqual(new Set(["incompatible_figures", "internal_inconsistency", "dating_error", "parts_exceed_whole"]));
    expect(result.contradictions.some((c) => c.reason.startsWith("Within one network"))).toBe(true);
    expect(result.revisions).toHaveLength(1);
  });

  it("writes each contradiction's reason again exactly, holding one character for all but a sum of parts", () => {
    for (const con of result.contradictions) {
      const held = heldConflict(con, data);
      expect(conflictReason(held, data)).toBe(con.reason);
      expect(JSON.stringify({ ...held, reason: conflictReason(held, data) })).toBe(JSON.stringify(con));
      if (con.reason.includes("add up to")) expect(held.reason).toBe(con.reason);
      else expect(held.reason).toHaveLength(1);
    }
  });

  it("writes a revision's reason again exactly", () => {
    const rev = result.revisions[0]!;
    const held = heldRevision(rev, data);
    expect(held.reason).toHaveLength(1);
    expect(revisionText(held, data)).toBe(rev.reason);
    expect(JSON.stringify({ ...held, reason: revisionText(held, data) })).toBe(JSON.stringify(rev));
  });

  it("keeps a sentence no code writes as it is", () => {
    const con = result.contradictions[0] as Contradiction;
    const odd = { ...con, reason: `${con.reason} (as stored by an older version)` };
    expect(heldConflict(odd, data).reason).toBe(odd.reason);
    const rev = { ...result.revisions[0]!, reason: "An older sentence." };
    expect(revisionText(heldRevision(rev, data), data)).toBe("An older sentence.");
  });
});
