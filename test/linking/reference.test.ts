import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { linkClaims, type LinkClaim } from "../../src/core/linking/index.js";
import type { Period, Qualifier } from "../../src/core/types.js";

interface RefFigure {
  id: string;
  year: number;
  source: string;
  network: string;
  count: number;
  qualifier: Qualifier;
  period: Period;
  report: { title: string; year: number; published?: string; url?: string; urlKind?: string };
  basis?: "acknowledged" | "total";
  revises?: string;
}

const path = fileURLToPath(new URL("../../data/reference/iran-executions.json", import.meta.url));
const ref = JSON.parse(readFileSync(path, "utf8")) as { figures: RefFigure[]; notes: string[] };

const claims: LinkClaim[] = ref.figures.map((f) => ({
  id: f.id,
  documentId: f.id,
  documentName: f.report.title,
  published: f.report.published ?? String(f.report.year),
  event: "execution",
  count: f.count,
  qualifier: f.qualifier,
  period: f.period,
  place: "Iran",
  victims: [],
  source: f.source,
  sourceNetwork: f.network,
  reportedBy: null,
  duplicateGroup: f.id,
  quote: `${f.source}: ${f.count} in ${f.year}`,
}));

describe("reference dataset: executions in Iran 2010–2024", () => {
  it("holds both monitors for every year and notes Amnesty's acknowledged-only years", () => {
    for (let y = 2010; y <= 2024; y++) {
      expect(ref.figures.filter((f) => f.year === y).map((f) => f.network)).toEqual(
        expect.arrayContaining(["ihrngo", "amnesty"]),
      );
      for (const f of ref.figures) {
        expect(f.report.title.length).toBeGreaterThan(0);
        expect(f.period.start.startsWith(String(f.year))).toBe(true);
      }
    }
    expect(ref.notes.join(" ")).toMatch(/officially acknowledged/);
  });

  it("cites a page stating each figure, and keeps Amnesty's acknowledged count beside its total where both were published", () => {
    for (const f of ref.figures) {
      expect(f.report.url, f.id).toMatch(/^https?:\/\//);
      expect(["own", "secondary"], f.id).toContain(f.report.urlKind);
    }
    const amnesty = (y: number) => ref.figures.filter((f) => f.network === "amnesty" && f.year === y).map((f) => [f.basis, f.count]);
    expect(amnesty(2011)).toEqual([["acknowledged", 360], ["total", 634]]);
    expect(amnesty(2013)).toEqual([["acknowledged", 369], ["total", 704]]);
    expect(amnesty(2014)).toEqual([["acknowledged", 289], ["total", 743]]);
    expect(amnesty(2012)).toEqual([["acknowledged", 314]]);
  });

  const result = linkClaims(claims);

  it("links into one corroborated fact per year with the highest minimum as low", () => {
    expect(result.facts).toHaveLength(15);
    for (const f of result.facts) expect(f.status).toBe("corroborated");
    const y2020 = result.facts.find((f) => f.scope.period?.start === "2020-01-01");
    expect([y2020?.low, y2020?.high, y2020?.highIsMinimum]).toEqual([267, 267, true]);
    const y2014 = result.facts.find((f) => f.scope.period?.start === "2014-01-01");
    expect(y2014?.low).toBe(753);
    // Amnesty's total, published with its acknowledged count, stands for Amnesty: like with like.
    expect(y2014?.voices.find((v) => v.id === "net:amnesty")?.count).toBe(743);
  });

  it("shows IHRNGO's 2015 revision and no contradictions", () => {
    expect(result.contradictions).toEqual([]);
    expect(result.revisions.map((r) => [r.fromCount, r.toCount])).toEqual([[969, 972]]);
  });
});
