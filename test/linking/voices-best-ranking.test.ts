// Rules of issue 21 about voices (one document, one voice per figure), internal
// inconsistencies, the best figure and the ranking of conflicts.
import { describe, expect, it } from "vitest";
import { linkClaims } from "../../src/core/linking/index.js";
import { claim, month, testNetworks, year } from "./claim-factory.js";

const opts = { networkOf: testNetworks };

describe("voices of one document", () => {
  it("does not count a headline restating the body's credited figure as a second voice", () => {
    const r = linkClaims(
      [
        claim({ documentId: "news", reportedBy: "Daily Paper", quote: "Rights group counts 133 executions last month", count: 133, period: month(2024, 10) }),
        claim({ documentId: "news", source: "IHRNGO", reportedBy: "Daily Paper", count: 133, period: month(2024, 10) }),
      ],
      opts,
    );
    expect(r.facts).toHaveLength(1);
    expect(r.facts[0]?.voices).toHaveLength(1);
    expect(r.facts[0]?.status).not.toBe("corroborated");
  });

  it("keeps the publisher's own figure a voice of its own when it differs from the credited one", () => {
    const r = linkClaims(
      [
        claim({ documentId: "news", reportedBy: "Daily Paper", count: 90, period: month(2024, 10) }),
        claim({ documentId: "news", source: "IHRNGO", reportedBy: "Daily Paper", count: 133, period: month(2024, 10) }),
      ],
      opts,
    );
    expect(r.facts[0]?.voices).toHaveLength(2);
    // A smaller figure in the same document may count a part: no contradiction.
    expect(r.contradictions).toEqual([]);
    // Nor do the two figures confirm each other: they are heard in one document only.
    expect(r.facts[0]?.status).toBe("single_document");
  });

  it("calls two credited voices of one document, or voices of two documents, corroborated when they agree", () => {
    const side = linkClaims(
      [
        claim({ documentId: "digest", source: "IHRNGO", count: 52, period: month(2021, 3) }),
        claim({ documentId: "digest", source: "HRANA", count: 52, period: month(2021, 3) }),
      ],
      opts,
    );
    expect(side.facts[0]?.status).toBe("corroborated");
    const apart = linkClaims(
      [
        claim({ documentId: "wire", reportedBy: "Wire Service", count: 52, period: month(2021, 3) }),
        claim({ documentId: "wire", source: "IHRNGO", reportedBy: "Wire Service", count: 52, period: month(2021, 3) }),
        claim({ documentId: "bulletin", source: "HRANA", count: 52, period: month(2021, 3) }),
      ],
      opts,
    );
    expect(apart.facts[0]?.status).toBe("corroborated");
  });

  it("reports two figures of one document that cannot both hold as an internal inconsistency", () => {
    const r = linkClaims(
      [
        claim({ documentId: "report", source: "HRANA", count: 40, qualifier: "up_to", period: month(2023, 6) }),
        claim({ documentId: "report", source: "HRANA", count: 60, qualifier: "at_least", period: month(2023, 6) }),
      ],
      opts,
    );
    expect(r.contradictions.map((c) => [c.kind, c.independent, c.severity])).toEqual([["internal_inconsistency", false, "low"]]);
    expect(r.contradictions[0]?.reason).toContain("one document cannot hold both");
  });

  it("does not set a smaller figure of one document against a larger one for the same scope", () => {
    const r = linkClaims(
      [
        claim({ documentId: "report", source: "HRANA", count: 12, period: month(2023, 6) }),
        claim({ documentId: "report", source: "HRANA", count: 60, period: month(2023, 6) }),
      ],
      opts,
    );
    expect(r.contradictions).toEqual([]);
  });
});

describe("two voices reported side by side in one document", () => {
  it("is a disagreement between the voices, ranked below the same disagreement across documents", () => {
    const together = linkClaims(
      [
        claim({ documentId: "wire", source: "HRANA", count: 400 }),
        claim({ documentId: "wire", source: "IHRNGO", count: 800, qualifier: "at_least" }),
      ],
      opts,
    );
    const apart = linkClaims([claim({ source: "HRANA", count: 400 }), claim({ source: "IHRNGO", count: 800, qualifier: "at_least" })], opts);
    const [a, b] = [together.contradictions[0], apart.contradictions[0]];
    expect([a?.kind, a?.independent, a?.severity]).toEqual(["incompatible_figures", true, "medium"]);
    expect(a?.reason).toContain("both reported in wire.txt");
    expect(b?.severity).toBe("high");
    expect((b?.score ?? 0) > (a?.score ?? 0)).toBe(true);
  });
});

describe("best figure", () => {
  it("rules out a figure that two independent minimums exclude, and says so", () => {
    const r = linkClaims(
      [
        claim({ source: "NCRI", count: 225, published: "2021-02-04" }),
        claim({ source: "Amnesty International", count: 246, qualifier: "at_least", published: "2021-04-21" }),
        claim({ source: "IHRNGO", count: 267, published: "2021-03-30" }),
      ],
      opts,
    );
    const f = r.facts[0];
    expect([f?.low, f?.best, f?.high]).toEqual([246, 267, 267]);
    expect(f?.bestRule).toMatch(/ruled out by two independent minimums above them: 225 \(NCRI\)/);
    expect(f?.status).toBe("contested");
  });

  it("does not rule a figure out on one minimum alone: the lower figure stands on a tie", () => {
    const r = linkClaims(
      [
        claim({ source: "NCRI", count: 225 }),
        claim({ source: "Amnesty International", count: 246, qualifier: "at_least" }),
      ],
      opts,
    );
    expect(r.facts[0]?.best).toBe(225);
    expect(r.facts[0]?.bestRule).not.toContain("ruled out by");
  });

  it("takes a precise figure over a vague one ('hundreds') from the same voice, even when the vague one is later", () => {
    const r = linkClaims(
      [
        claim({ source: "IHRNGO", count: 246, published: "2021-01-10", quote: "IHRNGO recorded 246 executions in 2020." }),
        claim({ source: "IHRNGO", count: 100, qualifier: "at_least", published: "2021-06-01", quote: "Hundreds were executed in 2020, IHRNGO said." }),
      ],
      opts,
    );
    expect(r.facts[0]?.voices[0]?.count).toBe(246);
    expect(r.facts[0]?.best).toBe(246);
  });

  it("lets a later figure of the same source replace its earlier one", () => {
    const r = linkClaims(
      [
        claim({ source: "IHRNGO", count: 969, qualifier: "at_least", period: year(2015), published: "2016-03-10" }),
        claim({ source: "IHRNGO", count: 972, qualifier: "at_least", period: year(2015), published: "2024-03-05" }),
      ],
      opts,
    );
    expect(r.facts[0]?.best).toBe(972);
    expect(r.revisions).toHaveLength(1);
    expect(r.contradictions).toEqual([]);
  });
});

describe("ranking of conflicts", () => {
  it("puts independent voices on a precise scope above disagreements inside one network, whatever the gap", () => {
    const r = linkClaims(
      [
        claim({ source: "NCRI", count: 225, published: "2021-02-04" }),
        claim({ source: "IHRNGO", count: 267, published: "2021-03-30" }),
        claim({ source: "PMOI/MEK", count: 2000, period: year(2019), published: "2020-01-02" }),
        claim({ source: "NCRI", count: 30, period: year(2019), published: "2020-01-01" }),
      ],
      opts,
    );
    const ranked = [...r.contradictions].sort((a, b) => b.score - a.score);
    expect(ranked.map((c) => c.independent)).toEqual([true, false]);
    expect(ranked[1]?.reason).toContain("Within one network");
    expect(ranked[1]?.severity).toBe("low");
  });

  it("rates high only independent registered voices on a precise scope far apart", () => {
    const far = linkClaims([claim({ source: "IHRNGO", count: 500 }), claim({ source: "HRANA", count: 200 })], opts);
    expect(far.contradictions[0]?.severity).toBe("high");
    const unregistered = linkClaims([claim({ source: "IHRNGO", count: 500 }), claim({ source: "a local blog", count: 200 })], opts);
    expect(unregistered.contradictions[0]?.severity).toBe("medium");
    const vague = linkClaims([claim({ source: "IHRNGO", count: 500, place: null }), claim({ source: "HRANA", count: 200, place: null })], opts);
    expect(vague.contradictions[0]?.severity).toBe("medium");
  });
});
