// Scope rules of issue 21: parts nest under their whole and never rival it; a part larger than
// its whole is the only part/whole contradiction; breakdowns ("N of them") are parts; to-date
// figures are compared only with figures to the same date; undated figures are never compared.
import { describe, expect, it } from "vitest";
import { linkClaims } from "../../src/core/linking/index.js";
import { claim, month, testNetworks, year } from "./claim-factory.js";

const opts = { networkOf: testNetworks };

describe("parts and wholes", () => {
  it("nests a victim group, a province and a month under the whole without a conflict when they are smaller", () => {
    const r = linkClaims(
      [
        claim({ source: "IHRNGO", count: 975, qualifier: "at_least", published: "2025-02-20" }),
        claim({ source: "HRANA", count: 31, victims: ["women"], published: "2025-01-10" }),
        claim({ source: "Amnesty International", count: 120, place: "Tehran", published: "2025-03-01" }),
        claim({ source: "HRANA", count: 90, period: month(2020, 5), published: "2020-06-02" }),
      ],
      opts,
    );
    expect(r.contradictions).toEqual([]);
    const whole = r.facts.find((f) => f.scope.place === "Iran" && f.scope.victims.length === 0 && f.scope.period?.end === "2020-12-31");
    expect(whole?.children).toHaveLength(3);
    expect(whole?.best).toBe(975);
  });

  it("flags a part larger than its whole, from another voice", () => {
    const r = linkClaims(
      [
        claim({ source: "IHRNGO", count: 200, published: "2021-03-01" }),
        claim({ source: "HRANA", count: 260, place: "Tehran", published: "2021-02-01" }),
      ],
      opts,
    );
    expect(r.contradictions.map((c) => c.kind)).toEqual(["parts_exceed_whole"]);
    expect(r.contradictions[0]?.reason).toContain("more than the 200");
    expect(r.contradictions[0]?.independent).toBe(true);
  });

  it("does not set two monthly figures of one report against each other or against its yearly total", () => {
    const r = linkClaims(
      [
        claim({ documentId: "monthly", source: "HRANA", count: 40, period: month(2020, 1) }),
        claim({ documentId: "monthly", source: "HRANA", count: 55, period: month(2020, 2) }),
        claim({ documentId: "monthly", source: "HRANA", count: 300, period: year(2020) }),
      ],
      opts,
    );
    expect(r.contradictions).toEqual([]);
    expect(r.facts).toHaveLength(3);
  });

  it("reads a current-year figure published before the year ends as a figure to date, which does not contradict the full year", () => {
    const r = linkClaims(
      [
        claim({ source: "IHRNGO", count: 700, qualifier: "at_least", period: year(2024), published: "2024-10-15" }),
        claim({ source: "IHRNGO", count: 975, qualifier: "at_least", period: year(2024), published: "2025-02-20" }),
        claim({ source: "Amnesty International", count: 980, period: year(2024), published: "2025-04-07" }),
      ],
      opts,
    );
    expect(r.contradictions).toEqual([]);
    expect(r.revisions).toEqual([]);
    const toDate = r.facts.find((f) => f.scope.period?.end === "2024-10-15");
    const full = r.facts.find((f) => f.scope.period?.end === "2024-12-31");
    expect(toDate?.parentId).toBe(full?.id);
    expect(full?.voices.map((v) => v.count).sort()).toEqual([975, 980]);
  });

  it("compares figures to date only with figures to the same date", () => {
    const r = linkClaims(
      [
        claim({ source: "IHRNGO", count: 500, qualifier: "at_least", period: year(2022), published: "2022-12-06" }),
        claim({ source: "Amnesty International", count: 300, period: year(2022), published: "2022-12-06" }),
        claim({ source: "HRANA", count: 150, period: year(2022), published: "2022-06-30" }),
      ],
      opts,
    );
    const kinds = r.contradictions.map((c) => c.kind);
    expect(kinds).toEqual(["incompatible_figures"]);
    expect(r.contradictions[0]?.reason).toContain("2022 up to 2022-12-06");
  });

  it("makes the smaller figures of a breakdown ('including', 'N of them') parts of the figure they break down", () => {
    const quote = "In March 140 people were hanged, including 120 men and 7 women, officials said.";
    const r = linkClaims(
      [
        claim({ documentId: "d", source: "HRANA", quote, count: 140, period: month(2021, 3) }),
        claim({ documentId: "d", source: "HRANA", quote, count: 120, period: month(2021, 3) }),
        claim({ documentId: "d", source: "HRANA", quote, count: 7, victims: ["women"], period: month(2021, 3) }),
      ],
      opts,
    );
    expect(r.contradictions).toEqual([]);
    const whole = r.facts.find((f) => !f.scope.part && f.scope.victims.length === 0);
    const part = r.facts.find((f) => f.scope.part && f.scope.victims.length === 0);
    expect(whole?.best).toBe(140);
    expect(part?.claims.map((c) => c.count)).toEqual([120]);
    expect(part?.parentId).toBe(whole?.id);
    const other = "Guards shot 60 protesters, 14 of them teenagers.";
    const r2 = linkClaims([
      claim({ documentId: "e", event: "killing", quote: other, count: 60, period: month(2021, 3) }),
      claim({ documentId: "e", event: "killing", quote: other, count: 14, period: month(2021, 3) }),
    ]);
    expect(r2.facts.find((f) => f.scope.part)?.claims.map((c) => c.count)).toEqual([14]);
  });

  it("makes a figure that names itself part of a period's total ('N of this month's executions') a part of the document's larger figure", () => {
    const whole = claim({ documentId: "g", source: "Lantern Watch", quote: "Lantern Watch counted 52 executions in the country in May.", count: 52, period: month(2021, 5) });
    const part = claim({ documentId: "g", source: "Lantern Watch", quote: "The group said 11 of this month's hangings were carried out in one northern prison.", count: 11, period: month(2021, 5) });
    const r = linkClaims([whole, part], opts);
    expect(r.contradictions).toEqual([]);
    expect(r.facts.find((f) => f.scope.part)?.claims.map((c) => c.count)).toEqual([11]);
    // Alone in its document (no larger figure to be part of), the figure stays a figure of its scope.
    const alone = linkClaims([claim({ documentId: "h", quote: part.quote, count: 11, period: month(2021, 5) })], opts);
    expect(alone.facts.some((f) => f.scope.part)).toBe(false);
  });

  it("does not treat two figures of one sentence as a breakdown without a word that opens one", () => {
    const quote = "HRANA counted 140 executions in March and 120 in April.";
    const r = linkClaims([
      claim({ documentId: "f", quote, count: 140, period: month(2021, 3) }),
      claim({ documentId: "f", quote, count: 120, period: month(2021, 4) }),
    ]);
    expect(r.facts.some((f) => f.scope.part)).toBe(false);
  });

  it("lists figures without a stated period side by side and never compares them", () => {
    const r = linkClaims(
      [
        claim({ source: "HRANA", count: 25, period: null, event: "arrest" }),
        claim({ source: "IHRNGO", count: 12000, qualifier: "more_than", period: null, event: "arrest" }),
      ],
      opts,
    );
    expect(r.facts).toHaveLength(1);
    expect(r.facts[0]?.status).toBe("undated");
    expect(r.contradictions).toEqual([]);
  });

  it("reads a sentence that opens on the group the sentence before counted as parts of that figure ('Of these executions, …', 'از این تعداد …')", () => {
    for (const opener of ["Of these executions, 101 were Saudi nationals and 111 foreigners.", "از این تعداد ۱۰۱ نفر شهروند سعودی بودند.", "Parmi eux, 101 étaient des Saoudiens."]) {
      const r = linkClaims(
        [
          claim({ documentId: "annual", source: "Reprieve", count: 212, place: "Saudi Arabia", quote: "The kingdom put 212 people to death in 2019." }),
          claim({ documentId: "annual", source: "Saudi Press Agency", count: 101, place: "Saudi Arabia", quote: opener }),
        ],
        opts,
      );
      const whole = r.facts.find((f) => !f.scope.part);
      expect(whole?.voices.map((v) => v.count)).toEqual([212]);
      expect(r.facts.find((f) => f.scope.part)?.parentId).toBe(whole?.id);
    }
  });
});
