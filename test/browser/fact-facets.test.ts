// Facets of the facts and conflicts pages in a real browser (Debian's chromium through
// playwright-core): the side panel counts the matching facts (conflicts), choosing a value narrows
// the list and the address, the form follows the address, and the chosen value can be taken off.
// Skipped when /usr/bin/chromium is missing.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/pipeline/ingest.js";
import { ARTIFACTS, CHROMIUM, haveChromium, startBench, type Bench } from "./harness.js";

if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

/** Invented figures for two cities (Shiraz in Fars, Karaj in Alborz), two voices disagreeing on one. */
const CITY_REPORT = [
  "Figures from two cities",
  "",
  "At least 52 people were executed in Shiraz in 2024, according to HRANA.",
  "",
  "Hengaw said 19 people were executed in Shiraz in 2024.",
  "",
  "Security forces killed 12 protesters in Karaj in 2024, Hengaw said.",
].join("\n");

/** The values of a facet and their counts, as the panel shows them. */
async function counts(panel: Locator, facet: string): Promise<Record<string, number>> {
  const rows = await panel
    .locator(`[data-facet="${facet}"] li`)
    .evaluateAll((lis) => lis.map((li) => [li.querySelector("bdi")?.textContent ?? li.querySelector(".meta")?.textContent ?? "", Number((li.querySelector(".count")?.textContent ?? "").replace(/,/g, ""))]));
  return Object.fromEntries(rows) as Record<string, number>;
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((n, v) => n + v, 0);

describe.skipIf(!haveChromium)("facets of facts and conflicts in chromium", () => {
  let B: Bench;
  beforeAll(async () => {
    B = await startBench(async (L) => {
      const dir = join(L.dir, "cities");
      await mkdir(dir);
      await writeFile(join(dir, "lark-gazette-cities.txt"), CITY_REPORT);
      await ingest([join(dir, "lark-gazette-cities.txt")], L.store, { config: L.config, published: "2025-01-15", publisher: "Lark Gazette" });
    });
  }, 180_000);
  afterAll(() => B?.close());

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it("counts the facts beside the list; choosing a place narrows the list, the address and the form", async () => {
    const page = await B.open("/facts");
    const facets = page.getByTestId("facets");
    const list = page.getByTestId("facts-list");
    await facets.locator('[data-facet="place"] li').first().waitFor();
    const items = await list.locator(":scope > li").count();
    const places = await counts(facets, "place");
    // Nesting: every fact lies in Iran; Shiraz's facts are Fars's too.
    expect(places.Iran).toBe(items);
    expect(places.Shiraz).toBeGreaterThan(0);
    expect(places.Fars).toBe(places.Shiraz);
    expect(sum(await counts(facets, "status"))).toBe(items);
    const yearsBefore = await counts(facets, "year");
    expect(Object.keys(yearsBefore).length).toBeGreaterThan(1);

    await facets.locator('[data-facet="place"] a[data-facet-value="Fars"]').click();
    await page.waitForURL(/\/facts\?place=Fars$/);
    await expect.poll(async () => list.locator(":scope > li").count()).toBe(places.Fars);
    expect(await page.getByTestId("facts-count").textContent()).toBe(places.Fars === 1 ? "1 fact matches this filter" : `${places.Fars} facts match this filter`);
    // The other facets now count Fars's facts only.
    await expect.poll(async () => counts(facets, "year")).toEqual({ "2024": places.Fars });
    expect(await counts(facets, "year")).not.toEqual(yearsBefore);
    expect(await page.getByTestId("filter-place").inputValue()).toBe("Fars");
    for (const text of await list.locator(":scope > li > a").allTextContents()) expect(text).toContain("Shiraz");
    // The conflicts beside them are those touching Fars's facts.
    await expect.poll(async () => page.getByTestId("conflicts-list").locator(":scope > li").count()).toBeGreaterThan(0);
    await shot(page, "fact-facets-place");

    // A network chosen is a source filter; the form shows it too.
    await facets.locator('[data-facet="network"] a[data-facet-value="hengaw"]').click();
    await page.waitForURL(/place=Fars&source=hengaw|source=hengaw&place=Fars/);
    await expect.poll(async () => page.getByTestId("filter-source").inputValue()).toBe("hengaw");
    await facets.getByRole("link", { name: /Remove the filter place Fars/ }).click();
    await page.waitForURL(/\/facts\?source=hengaw$/);
    await expect.poll(async () => page.getByTestId("filter-place").inputValue()).toBe("");
    await expect.poll(async () => sum(await counts(facets, "event"))).toBe(await list.locator(":scope > li").count());
    await page.close();
  });

  it("counts the conflicts by severity and place; choosing a value narrows the list and the address", async () => {
    const page = await B.open("/conflicts");
    const facets = page.getByTestId("facets");
    const list = page.getByTestId("conflicts-list");
    await facets.locator('[data-facet="severity"] li').first().waitFor();
    const all = await list.locator(":scope > li").count();
    expect(sum(await counts(facets, "severity"))).toBe(all);
    const places = await counts(facets, "place");
    expect(places.Iran).toBe(all);
    expect(places.Shiraz).toBeGreaterThan(0);
    expect(places.Shiraz).toBeLessThan(all);

    await facets.locator('[data-facet="place"] a[data-facet-value="Shiraz"]').click();
    await page.waitForURL(/\/conflicts\?place=Shiraz$/);
    await expect.poll(async () => list.locator(":scope > li").count()).toBe(places.Shiraz);
    expect(await page.getByTestId("filter-place").inputValue()).toBe("Shiraz");
    await expect.poll(async () => sum(await counts(facets, "severity"))).toBe(places.Shiraz);
    expect(await page.getByTestId("conflicts-csv").getAttribute("href")).toContain("/conflicts.csv?place=Shiraz");
    // Back: the whole list and the empty form again.
    await page.goBack();
    await expect.poll(async () => list.locator(":scope > li").count()).toBe(all);
    expect(await page.getByTestId("filter-place").inputValue()).toBe("");
    await shot(page, "conflict-facets");
    await page.close();
  });

  it("counts the claims by network and language; choosing a network narrows the claims, the other counts and the download", async () => {
    const page = await B.open("/claims");
    const facets = page.getByTestId("facets");
    const hengaw = facets.locator('[data-facet="network"] a[data-facet-value="hengaw"]');
    await hengaw.waitFor();
    const shown = Number(((await hengaw.locator("xpath=..").locator(".count").textContent()) ?? "").replace(/,/g, ""));
    const api = (await (await fetch(`${B.base}/api/v1/claims?network=hengaw&limit=1`)).json()) as { total: number };
    expect(shown).toBe(api.total);
    const all = (await (await fetch(`${B.base}/api/v1/claims?limit=1`)).json()) as { total: number };
    expect(sum(await counts(facets, "language"))).toBe(all.total);
    expect(api.total).toBeLessThan(all.total);

    await hengaw.click();
    await page.waitForURL(/\/claims\?network=hengaw$/);
    await expect.poll(() => page.getByTestId("claims-count").textContent()).toContain(`of ${api.total} claims`);
    await expect.poll(async () => sum(await counts(facets, "language"))).toBe(api.total);
    await expect.poll(async () => sum(await counts(facets, "event"))).toBe(api.total);
    expect(await page.getByTestId("export-all-csv").getAttribute("href")).toContain("/claims.csv?network=hengaw&limit=all");
    await page.getByRole("link", { name: /Remove the filter network/ }).click();
    await page.waitForURL(/\/claims$/);
    await expect.poll(async () => sum(await counts(facets, "language"))).toBe(all.total);
    await shot(page, "claim-facets-network");
    await page.close();
  });

  it("opens the conflicts of the overview's event and place from the overview, filtered in the form", async () => {
    const page = await B.open("/");
    await page.getByTestId("overview-conflicts-link").click();
    await page.waitForURL(/\/conflicts\?event=execution&place=Iran$/);
    const list = page.getByTestId("conflicts-list");
    await list.waitFor();
    expect(await page.getByTestId("filter-place").inputValue()).toBe("Iran");
    expect(await page.getByTestId("filter-event").inputValue()).toBe("execution");
    const api = (await (await fetch(`${B.base}/api/v1/conflicts?event=execution&place=Iran`)).json()) as { conflicts: unknown[] };
    expect(api.conflicts.length).toBeGreaterThan(0);
    expect(await list.locator(":scope > li").count()).toBe(api.conflicts.length);
    await page.close();
  });
});
