import { describe, it, expect } from "vitest";
import { linkClaims } from "../../src/core/linking/index.js";
import { claim, month, testNetworks, year } from "./claim-factory.js";

const opts = { networkOf: testNetworks };

describe("revisions", () => {
  it("lists a source revising its own figure, not as a contradiction", () => {
    const r = linkClaims([
      claim({ id: "late", source: "IHRNGO", count: 972, qualifier: "at_least", published: "2017-03-01", documentName: "report-2017.pdf", period: year(2015) }),
      claim({ id: "early", source: "IHRNGO", count: 969, qualifier: "at_least", published: "2016-03-01", documentName: "report-2016.pdf", period: year(2015) }),
    ], opts);
    expect(r.contradictions).toEqual([]);
    expect(r.revisions).toHaveLength(1);
    const rev = r.revisions[0]!;
    expect([rev.fromClaimId, rev.toClaimId, rev.fromCount, rev.toCount]).toEqual(["early", "late", 969, 972]);
    expect(rev.reason).toContain("report-2016.pdf");
    expect(rev.reason).toContain("from at least 969");
    expect(r.facts[0]?.voices[0]?.count).toBe(972);
    expect(r.facts[0]?.status).toBe("single_source");
  });

  it("does not list repeats of the same figure as revisions", () => {
    const r = linkClaims([claim({ source: "HRANA", count: 5 }), claim({ source: "HRANA", count: 5 })], opts);
    expect(r.revisions).toEqual([]);
  });
});

describe("yearly and monthly figures", () => {
  it("are not a contradiction, and nest", () => {
    const r = linkClaims([
      claim({ source: "IHRNGO", count: 300, period: year(2021) }),
      claim({ source: "Amnesty International", count: 27, period: month(2021, 1) }),
    ], opts);
    expect(r.contradictions).toEqual([]);
    const yearly = r.facts.find((f) => f.scope.period?.end === "2021-12-31")!;
    const monthly = r.facts.find((f) => f.scope.period?.end === "2021-01-31")!;
    expect(monthly.parentId).toBe(yearly.id);
    expect(yearly.children).toEqual([monthly.id]);
  });
});

describe("parts exceeding the whole", () => {
  it("flags months of one source adding up to more than its yearly figure", () => {
    const r = linkClaims([
      claim({ id: "y", source: "HRANA", count: 50, period: year(2022) }),
      claim({ id: "m1", source: "HRANA", count: 30, period: month(2022, 1) }),
      claim({ id: "m2", source: "HRANA", count: 35, period: month(2022, 2) }),
    ], opts);
    const cons = r.contradictions.filter((c) => c.kind === "parts_exceed_whole");
    expect(cons).toHaveLength(1);
    expect(cons[0]?.claims).toEqual(["m1", "m2", "y"]);
    expect(cons[0]?.reason).toContain("add up to at least 65");
  });

  it("flags provinces adding up to more than the country", () => {
    const r = linkClaims([
      claim({ id: "all", source: "HRANA", count: 100, event: "arrest", place: "Iran" }),
      claim({ id: "k", source: "HRANA", count: 80, event: "arrest", place: "Kordestan" }),
      claim({ id: "t", source: "HRANA", count: 40, event: "arrest", place: "Tehran Province" }),
    ], opts);
    expect(r.contradictions.map((c) => c.kind)).toEqual(["parts_exceed_whole"]);
  });

  it("does not flag parts within a minimum, or parts from another source", () => {
    const r = linkClaims([
      claim({ source: "HRANA", count: 50, qualifier: "at_least", period: year(2022) }),
      claim({ source: "HRANA", count: 30, period: month(2022, 1) }),
      claim({ source: "HRANA", count: 35, period: month(2022, 2) }),
      claim({ source: "IHRNGO", count: 60, period: year(2023) }),
      claim({ source: "HRANA", count: 40, period: month(2023, 1) }),
      claim({ source: "Amnesty International", count: 40, period: month(2023, 2) }),
    ], opts);
    expect(r.contradictions.filter((c) => c.kind === "parts_exceed_whole")).toEqual([]);
  });
});

describe("dating errors", () => {
  const killed = { event: "killing" as const, victims: ["protesters" as const], count: 1500 };

  it("names both documents when one figure appears under two years", () => {
    const r = linkClaims([
      claim({ ...killed, id: "wrong", source: "a columnist", documentName: "op-ed.html", period: month(2018, 11) }),
      claim({ ...killed, id: "right", source: "Reuters", documentName: "wire.html", period: month(2019, 11) }),
      claim({ ...killed, source: "Amnesty International", count: 304, qualifier: "at_least", period: month(2019, 11) }),
    ], opts);
    const cons = r.contradictions.filter((c) => c.kind === "dating_error");
    expect(cons).toHaveLength(1);
    expect(cons[0]?.claims).toEqual(["right", "wrong"]);
    expect(cons[0]?.reason).toContain("op-ed.html");
    expect(cons[0]?.reason).toContain("wire.html");
    expect(cons[0]?.reason).toContain("November 2018");
    expect(cons[0]?.reason).toContain("figure in op-ed.html is probably misdated");
    expect(cons[0]?.facts).toHaveLength(2);
  });

  it("ignores equal figures in different years that other voices support", () => {
    const r = linkClaims([
      claim({ source: "Amnesty International", count: 314, qualifier: "at_least", period: year(2012) }),
      claim({ source: "IHRNGO", count: 580, qualifier: "at_least", period: year(2012) }),
      claim({ source: "Amnesty International", count: 314, qualifier: "at_least", period: year(2021) }),
      claim({ source: "IHRNGO", count: 333, qualifier: "at_least", period: year(2021) }),
    ], opts);
    expect(r.contradictions).toEqual([]);
  });

  it("ignores small figures that repeat by chance", () => {
    const r = linkClaims([claim({ count: 12, period: month(2020, 3) }), claim({ count: 12, period: month(2021, 3) })], opts);
    expect(r.contradictions).toEqual([]);
  });
});
