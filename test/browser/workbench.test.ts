// The analyst's workbench in a real browser (Debian's chromium through playwright-core): wide
// tables not cut off, the facts page in consequential order, the documents list and a document's
// page, the country-year report. Skipped when /usr/bin/chromium is missing.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/pipeline/ingest.js";
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
    await page.getByTestId("facts-order").selectOption("name");
    const names = await list.locator("li > a").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await page.close();
  });
});
