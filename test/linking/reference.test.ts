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
  report: { title: string; year: number };
  revises?: string;
  verify?: boolean;
}

const path = fileURLToPath(new URL("../../data/reference/iran-executions.json", import.meta.url));
const ref = JSON.parse(readFileSync(path, "utf8")) as { figures: RefFigure[]; notes: string[] };

const claims: LinkClaim[] = ref.figures.map((f) => ({
  id: f.id,
  documentId: `${f.network}-${f.report.year}`,
  documentName: f.report.title,
  published: String(f.report.year),
  event: "execution",
  count: f.count,
  qualifier: f.qualifier,
  period: f.period,
  place: "Iran",
  victims: [],
  source: f.source,
  sourceNetwork: f.network,
  reportedBy: null,
  duplicateGroup: `${f.network}-${f.report.year}`,
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

  const result = linkClaims(claims);

  it("links into one corroborated fact per year with the highest minimum as low", () => {
    expect(result.facts).toHaveLength(15);
    for (const f of result.facts) expect(f.status).toBe("corroborated");
    const y2020 = result.facts.find((f) => f.scope.period?.start === "2020-01-01");
    expect([y2020?.low, y2020?.high, y2020?.highIsMinimum]).toEqual([267, 267, true]);
    const y2014 = result.facts.find((f) => f.scope.period?.start === "2014-01-01");
    expect(y2014?.low).toBe(753);
  });

  it("shows IHRNGO's 2015 revision and no contradictions", () => {
    expect(result.contradictions).toEqual([]);
    expect(result.revisions.map((r) => [r.fromCount, r.toCount])).toEqual([[969, 972]]);
  });
});
