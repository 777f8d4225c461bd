// The country-year fact sheet (services/report.ts) through the API (`/report`, `.md`, `.html`)
// and `tally report`: the timeline with each voice, every quote cited with its document, the
// conflicts and sources; text from documents never becomes markup.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import type { Report } from "../../src/services/report.js";
import { reportHtml, reportMarkdown } from "../../src/services/report-render.js";
import { makeLedger, type Ledger } from "./helpers.js";

describe("report: a fact sheet for a place and a year", () => {
  let L: Ledger;
  const get = (path: string) => L.app.request(`/api/v1${path}`);
  beforeAll(async () => {
    L = await makeLedger();
  });
  afterAll(() => L.close());

  it("gives the year's timeline with every voice, the facts with each quote cited with its document, conflicts and sources", async () => {
    const r = (await (await get("/report?place=iran&year=2023")).json()) as Report;
    expect(r).toMatchObject({ place: "Iran", year: 2023 });
    const executions = r.timelines.find((t) => t.event === "execution");
    const row = executions?.rows.find((x) => x.label === "2023");
    expect(row).toBeDefined();
    // Three independent voices for 2023 (834, 853, 746), and the years before for context.
    expect(Object.keys(row?.voices ?? {})).toHaveLength(3);
    expect(executions?.rows.map((x) => x.label)).toContain("2022");
    expect(executions?.rows.some((x) => x.label === "2020")).toBe(false);

    const fact = r.facts.find((f) => f.event === "execution" && f.description.includes("2023"));
    expect(fact?.quotes.map((q) => q.figure).sort()).toEqual(["746", "853", "at least 834"]);
    const harbour = r.documents.find((d) => d.title === "Executions climb again");
    expect(harbour).toMatchObject({ publisher: "Harbour Review", published: "2024-01-20" });
    expect(harbour?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fact?.quotes.every((q) => q.cite === harbour?.cite)).toBe(true);
    // Every cited number names a listed document, and only documents cited are listed.
    const cited = new Set(r.facts.flatMap((f) => f.quotes.map((q) => q.cite)));
    expect([...cited].sort()).toEqual(r.documents.map((d) => d.cite).sort());
    expect(r.conflicts.length).toBeGreaterThan(0);
    expect(r.conflicts.every((k) => k.facts.some((f) => r.facts.some((x) => x.id === f.id)))).toBe(true);
    expect(r.sources.map((s) => s.voice)).toEqual(expect.arrayContaining(["IHRNGO", "Amnesty International", "HRANA"]));
    // No fact of another year.
    expect(r.facts.every((f) => !f.description.includes("2022"))).toBe(true);
  });

  it("serves the same sheet as Markdown and HTML, and `tally report` prints it", async () => {
    const json = (await (await get("/report?place=Iran&year=2023")).json()) as Report;
    const md = await (await get("/report.md?place=Iran&year=2023")).text();
    expect(md).toContain("# Fact sheet: Iran, 2023");
    expect(md).toContain("“At least 834 people were executed in Iran in 2023, according to Iran Human Rights.”");
    expect(md.replace(/Generated \S+/, "")).toBe(reportMarkdown(json).replace(/Generated \S+/, ""));
    const html = await get("/report.html?place=Iran&year=2023");
    expect(html.headers.get("content-disposition")).toContain("tally-report-iran-2023.html");
    expect(await html.text()).toContain("@media print");

    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: () => undefined, isTTY: false, exitCode: 0 };
    expect(await main(["node", "tally", "--data", L.config.dataDir, "report", "--place", "Iran", "--year", "2023", "--format", "md"], io)).toBe(0);
    expect(out.join("\n").replace(/Generated \S+/, "")).toBe(md.replace(/Generated \S+/, ""));
    const bad = await get("/report?place=Iran&year=twenty");
    expect(bad.status).toBe(400);
  });

  it("escapes text from documents in both renderings", () => {
    const hostile = '<script>alert(1)</script> | **bold** [link](javascript:x)';
    const r: Report = {
      place: "Iran", year: 2023, event: null, generatedAt: "2026-01-01T00:00:00.000Z", timelines: [], conflicts: [], sources: [],
      facts: [{ id: "fact_1", description: hostile, event: "execution", status: "single_source", bestRule: "x", low: 1, best: 1, high: 1, highIsMinimum: false, quotes: [{ claimId: "1", figure: "1", voice: hostile, network: null, quote: hostile, cite: 1 }] }],
      documents: [{ cite: 1, id: 1, title: hostile, publisher: null, published: null, url: "javascript:alert(1)", sha256: "ab" }],
    };
    const html = reportHtml(r);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("&#60;script&#62;");
    const md = reportMarkdown(r);
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("[link](");
    expect(md).toContain("\\<script\\>");
    expect(md).not.toContain("<javascript:");
  });
});
