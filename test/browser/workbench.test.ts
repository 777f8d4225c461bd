// The analyst's workbench in a real browser (Debian's chromium through playwright-core): wide
// tables not cut off, the facts page in consequential order, the documents list and a document's
// page, the country-year report. Skipped when /usr/bin/chromium is missing.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/pipeline/ingest.js";
import { LONG_ARTICLE, LONG_ARTICLE_SYNDICATED } from "../pipeline/articles.js";
import { makePdf } from "../support/pdf.js";
import { ARTIFACTS, CHROMIUM, haveChromium, startBench, type Bench } from "./harness.js";

if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

/** A report whose file name is one long word: it must wrap in its cell, not widen the table. */
const LONG_NAME = "northern_monitoring_desk_annual_compilation_of_documented_executions_and_arrests_2023_final.txt";

describe.skipIf(!haveChromium)("the analyst's workbench in chromium", () => {
  let B: Bench;
  beforeAll(async () => {
    B = await startBench(async (L) => {
      const file = join(L.dir, LONG_NAME);
      await writeFile(file, "Compilation of the northern desk\n\nAt least 19 prisoners were executed in Mashhad in 2023, the Northern Monitoring Desk said.");
      await ingest([file], L.store, { config: L.config, published: "2024-02-01", publisher: "Northern Monitoring Desk" });
      // A PDF report of two pages, a page without claims, and a story with its syndicated copy.
      const pdf = join(L.dir, "juniper-review.pdf");
      await writeFile(pdf, makePdf([["Annual review of the Juniper Rights Desk", "At least 21 prisoners were executed in Shiraz in 2023, the Juniper Rights Desk said."], ["Detentions", "More than 340 protesters were arrested in Tabriz in 2023, according to the Juniper Rights Desk."]], "Juniper annual review 2023"));
      const minutes = join(L.dir, "minutes.txt");
      await writeFile(minutes, "Minutes of the volunteers' meeting\n\nThe group agreed to meet again next month to plan the archive.");
      const story = join(L.dir, "saltmarsh-story.txt");
      const copy = join(L.dir, "tideway-copy.txt");
      await writeFile(story, LONG_ARTICLE);
      await writeFile(copy, LONG_ARTICLE_SYNDICATED);
      await ingest([pdf, minutes, story, copy], L.store, { config: L.config, published: "2024-03-05", publisher: "Juniper Rights Desk" });
    });
  }, 180_000);
  afterAll(() => B?.close());

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it("shows every column of the claims table at 1400 px, long document names wrapping in their cell", async () => {
    const page = await B.open("/claims", 1400);
    await page.getByTestId("claims-table").waitFor();
    const fit = await page.evaluate(() => {
      const table = document.querySelector('[data-testid="claims-table"]') as HTMLElement;
      const wrap = table.parentElement as HTMLElement;
      const last = table.querySelector("thead th:last-child") as HTMLElement;
      return { table: table.scrollWidth, wrap: wrap.clientWidth, lastRight: last.getBoundingClientRect().right, window: window.innerWidth, page: document.documentElement.scrollWidth };
    });
    expect(fit.table).toBeLessThanOrEqual(fit.wrap);
    expect(fit.lastRight).toBeLessThanOrEqual(fit.window);
    expect(fit.page).toBeLessThanOrEqual(fit.window);
    expect(await page.getByRole("link", { name: LONG_NAME }).first().isVisible()).toBe(true);
    await shot(page, "workbench-claims-1400");
    await page.close();
  });

  it("lists facts most consequential first (those of the top-ranked conflict first), or by name", async () => {
    const conflicts = (await (await fetch(`${B.base}/api/v1/conflicts`)).json()) as { conflicts: Array<{ facts: Array<{ id: string; description: string }> }> };
    const top = new Set((conflicts.conflicts[0]?.facts ?? []).map((f) => f.description));
    expect(top.size).toBeGreaterThan(0);
    const page = await B.open("/facts");
    const list = page.getByTestId("facts-list");
    await list.waitFor();
    await page.getByTestId("conflicts-list").waitFor();
    const first = (await list.locator("li > a").first().textContent()) ?? "";
    expect(top.has(first)).toBe(true);
    await page.getByTestId("facts-order").selectOption("scope");
    const names = await list.locator("li > a").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await page.close();
  });

  it("lists documents with filters in the address, the count and exports matching what is on screen", async () => {
    const page = await B.open("/documents");
    await page.getByTestId("documents-table").waitFor();
    await page.getByTestId("filter-hasClaims").selectOption("false");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/hasClaims=false/);
    await page.getByText(/^Showing 1–\d+ of \d+ documents$/).waitFor();
    const rows = page.locator('[data-testid="documents-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Minutes of the volunteers' meeting");
    await shot(page, "workbench-documents-without-claims");

    // Publisher and date range, shareable through the address; the exports list exactly the rows shown.
    await page.goto(`${B.base}/documents?publisher=juniper%20rights%20desk&from=2024-03`);
    await page.getByTestId("documents-table").waitFor();
    const shown = await page.locator('[data-testid="documents-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-document-id"))));
    expect(shown.length).toBe(4);
    expect(await page.getByTestId("documents-count").textContent()).toBe("Showing 1–4 of 4 documents");
    const csvHref = (await page.getByTestId("export-documents-csv").getAttribute("href")) ?? "";
    const csv = await (await fetch(`${B.base}${csvHref}`)).text();
    expect(csv.trim().split("\r\n").slice(1).map((l) => Number(l.split(",")[0]))).toEqual(shown);
    const jsonHref = (await page.getByTestId("export-documents-json").getAttribute("href")) ?? "";
    const json = (await (await fetch(`${B.base}${jsonHref}`)).json()) as { documents: Array<{ id: number }> };
    expect(json.documents.map((d) => d.id)).toEqual(shown);
    await shot(page, "workbench-documents");
    await page.close();
  });

  it("shows a PDF's page: provenance, its claims highlighted and linked with their pages, a permalink to a claim", async () => {
    const list = (await (await fetch(`${B.base}/api/v1/documents?publisher=Juniper%20Rights%20Desk`)).json()) as { documents: Array<{ id: number; name: string }> };
    const pdf = list.documents.find((d) => d.name === "juniper-review.pdf");
    const page = await B.open(`/documents/${pdf?.id}`);
    await page.getByTestId("doc-text").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Juniper annual review 2023");
    expect(await page.getByTestId("provenance").textContent()).toContain("application/pdf");
    const claimLinks = page.getByTestId("document-claims").locator("li");
    await expect.poll(() => claimLinks.count()).toBe(2);
    expect(await claimLinks.nth(1).textContent()).toContain("page 2");
    await claimLinks.nth(1).locator("a").click();
    await page.getByTestId("claim-panel").waitFor();
    expect(await page.getByTestId("claim-page").textContent()).toBe("2");
    expect(await page.getByTestId("claim-quote").textContent()).toContain("340 protesters were arrested in Tabriz");
    await page.waitForURL(/\?claim=\d+$/);
    const permalink = page.url();
    expect(await page.locator("mark.selected").textContent()).toContain("340 protesters");
    await shot(page, "workbench-document-pdf");
    // The permalink opens the document with that claim chosen.
    const again = await B.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await again.goto(permalink);
    await again.getByTestId("claim-panel").waitFor();
    expect(await again.getByTestId("claim-quote").textContent()).toContain("340 protesters");
    await again.close();
    await page.close();
  });

  it("shows a story's syndicated copy beside it", async () => {
    const list = (await (await fetch(`${B.base}/api/v1/documents?publisher=Juniper%20Rights%20Desk`)).json()) as { documents: Array<{ id: number; name: string }> };
    const story = list.documents.find((d) => d.name === "saltmarsh-story.txt");
    const page = await B.open(`/documents/${story?.id}`);
    const related = page.getByTestId("related");
    await related.waitFor();
    await related.locator("li").first().waitFor();
    expect(await related.textContent()).toMatch(/tideway-copy\.txt|Reposted from our partners/);
    expect(await related.textContent()).toMatch(/syndicated copy|near-duplicate/);
    await page.close();
  });

  it("makes the country-year fact sheet, printable: timeline with each voice, quotes cited with their documents", async () => {
    const page = await B.open("/report");
    await page.getByTestId("report-place").fill("iran");
    await page.getByTestId("report-year").fill("2023");
    await page.getByRole("button", { name: "Make the fact sheet" }).click();
    await page.waitForURL(/\/report\?place=iran&year=2023$/);
    const sheet = page.getByTestId("report");
    await sheet.waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Fact sheet: Iran, 2023");
    const timeline = page.getByTestId("report-timeline-execution");
    const heads = (await timeline.locator("thead th").allTextContents()).join(" | ");
    for (const voice of [/IHRNGO/, /Amnesty International/, /HRANA/]) expect(heads).toMatch(voice);
    expect(await timeline.locator("tbody tr").filter({ hasText: /^2023/ }).count()).toBe(1);
    // Each quote's citation leads to its document in the list at the end.
    const cite = page.getByTestId("report-cite").first();
    const target = ((await cite.getAttribute("href")) ?? "").slice(1);
    expect(await page.locator(`[id="${target}"]`).textContent()).toContain("Harbour Review");
    expect(await page.getByTestId("report-conflicts").locator("li").count()).toBeGreaterThan(0);
    await shot(page, "workbench-report");
    // On paper: only the sheet (no menu, no form).
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.top").isVisible()).toBe(false);
    expect(await page.locator("form.no-print").isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await page.pdf({ path: join(ARTIFACTS, "workbench-report.pdf") });
    await page.close();
  });

  it("shows facets beside the claims whose counts follow the filter, kept in the address", async () => {
    const page = await B.open("/claims");
    const facets = page.getByTestId("facets");
    await facets.locator('[data-facet="event"] li').first().waitFor();
    const eventCounts = async () =>
      Object.fromEntries(
        await facets.locator('[data-facet="event"] li').evaluateAll((lis) => lis.map((li) => [li.querySelector("bdi")?.textContent ?? "", Number((li.querySelector(".count")?.textContent ?? "").replace(/,/g, ""))])),
      );
    const before = await eventCounts();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["execution", "killing"]));
    const total = Object.values(before).reduce((n, v) => n + Number(v), 0);
    expect(await page.getByTestId("claims-count").textContent()).toMatch(new RegExp(`of ${total.toLocaleString("en-US")} claims$`));
    const killingsBefore = Number(before.killing);
    const victimsBefore = await facets.locator('[data-facet="victims"] .count').allTextContents();
    await shot(page, "workbench-claims-facets");

    await facets.locator('[data-facet="event"] a[data-facet-value="killing"]').click();
    await page.waitForURL(/event=killing/);
    await expect.poll(async () => Object.keys(await eventCounts())).toEqual(["killing"]);
    expect(await page.getByTestId("claims-count").textContent()).toMatch(new RegExp(`of ${killingsBefore} claims$`));
    const victimsAfter = await facets.locator('[data-facet="victims"] .count').allTextContents();
    expect(victimsAfter).not.toEqual(victimsBefore);
    // The address holds the view: opened anew, it shows the same.
    const again = await B.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await again.goto(page.url());
    await again.getByTestId("claims-table").waitFor();
    expect(await again.getByTestId("claims-count").textContent()).toBe(await page.getByTestId("claims-count").textContent());
    await again.close();
    // Taking the value off brings every event back.
    await facets.getByRole("link", { name: /Remove the filter event killing/ }).click();
    await expect.poll(async () => Object.keys(await eventCounts()).length).toBe(Object.keys(before).length);
    await page.close();
  });

  it("shows facets beside the documents whose counts follow the filter, kept in the address and the form", async () => {
    const page = await B.open("/documents");
    const facets = page.getByTestId("facets");
    await facets.locator('[data-facet="publisher"] li').first().waitFor();
    const counts = async (facet: string) =>
      Object.fromEntries(
        await facets.locator(`[data-facet="${facet}"] li`).evaluateAll((lis) => lis.map((li) => [li.querySelector("bdi")?.textContent ?? "", Number((li.querySelector(".count")?.textContent ?? "").replace(/,/g, ""))])),
      ) as Record<string, number>;
    const publishers = await counts("publisher");
    const total = Object.values(publishers).reduce((n, v) => n + v, 0);
    expect(await page.getByTestId("documents-count").textContent()).toMatch(new RegExp(`of ${total} documents$`));
    const yearsBefore = await counts("year");
    expect(Object.keys(yearsBefore).length).toBeGreaterThan(1);
    const juniper = publishers["Juniper Rights Desk"] ?? 0;
    expect(juniper).toBeGreaterThan(1);

    await facets.locator('[data-facet="publisher"] a[data-facet-value="Juniper Rights Desk"]').click();
    await page.waitForURL(/publisher=Juniper/);
    await expect.poll(async () => Object.keys(await counts("publisher"))).toEqual(["Juniper Rights Desk"]);
    // The other facets now count that publisher's documents only.
    await expect.poll(async () => Object.values(await counts("year")).reduce((n, v) => n + v, 0)).toBe(juniper);
    expect(await counts("year")).not.toEqual(yearsBefore);
    expect(await page.getByTestId("documents-count").textContent()).toMatch(new RegExp(`of ${juniper} documents$`));
    expect(await page.getByTestId("filter-publisher").inputValue()).toBe("Juniper Rights Desk");
    await shot(page, "workbench-documents-facets");
    await facets.getByRole("link", { name: /Remove the filter publisher Juniper Rights Desk/ }).click();
    await expect.poll(async () => Object.keys(await counts("publisher")).length).toBe(Object.keys(publishers).length);
    expect(await page.getByTestId("filter-publisher").inputValue()).toBe("");
    await page.close();
  });

  it("opens a source's page from the sources: its figures beside the other networks', its contradictions and claims", async () => {
    const page = await B.open("/sources");
    await page.getByRole("link", { name: "IHRNGO", exact: true }).click();
    await page.waitForURL(/\/sources\/IHRNGO$/);
    const table = page.getByTestId("source-figures");
    await table.waitFor();
    const row = table.locator("tbody tr").filter({ hasText: "executions in Iran in 2023" });
    expect(await row.count()).toBe(1);
    const cells = await row.locator("td").allTextContents();
    expect(cells).toEqual(expect.arrayContaining(["at least 834", "853", "746"]));
    expect(await page.getByTestId("source-contradicted").locator("li").count()).toBeGreaterThan(0);
    const years = page.getByTestId("source-years");
    expect(await years.locator("tbody tr").filter({ hasText: "2023" }).filter({ hasText: "at least 834" }).count()).toBe(1);
    await page.getByTestId("source-claims").locator("li").first().waitFor();
    // Its CSV: a row per fact of the figures table, in its order.
    const shownFacts = await table.locator("tbody tr td:first-child a").evaluateAll((as) => as.map((a) => (a.getAttribute("href") ?? "").replace(/^\/facts\//, "")));
    const csvHref = (await page.getByTestId("source-csv").getAttribute("href")) ?? "";
    const csv = await page.evaluate(async (u) => (await fetch(u)).text(), csvHref);
    expect(csv.trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[0])).toEqual(shownFacts);
    await shot(page, "workbench-source");
    await page.close();
  });
});
