// The facts page a page at a time, and its language facet, in a real browser (Debian's chromium
// through playwright-core): the count is of every matching fact, Next and Previous walk the pages
// the server orders, the facets count every matching fact whatever the page; choosing a language
// narrows the list, the address and the form. Skipped when /usr/bin/chromium is missing.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/pipeline/ingest.js";
import { FRENCH_REPORT, PERSIAN_REPORT } from "../support/languages.js";
import { ARTIFACTS, CHROMIUM, haveChromium, startBench, type Bench } from "./harness.js";

if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

/** The values of a facet and their counts, as the panel shows them. */
async function counts(panel: Locator, facet: string): Promise<Record<string, number>> {
  const rows = await panel
    .locator(`[data-facet="${facet}"] li`)
    .evaluateAll((lis) => lis.map((li) => [li.querySelector("bdi")?.textContent ?? li.querySelector(".meta")?.textContent ?? "", Number((li.querySelector(".count")?.textContent ?? "").replace(/,/g, ""))]));
  return Object.fromEntries(rows) as Record<string, number>;
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((n, v) => n + v, 0);

describe.skipIf(!haveChromium)("the facts page's pages and language facet in chromium", () => {
  let B: Bench;
  beforeAll(async () => {
    B = await startBench(async (L) => {
      const dir = join(L.dir, "languages");
      await mkdir(dir);
      await writeFile(join(dir, "gozaresh.txt"), PERSIAN_REPORT);
      await writeFile(join(dir, "rapport.txt"), FRENCH_REPORT);
      await ingest([dir], L.store, { config: L.config, published: "2024-11-30", publisher: "Test Monitor" });
    });
  }, 180_000);
  afterAll(() => B?.close());

  const api = async (q: string) => (await (await fetch(`${B.base}/api/v1/facts${q}`)).json()) as { total: number; facts: Array<{ id: string }> };

  it("walks the facts two at a time in the server's order, the count and the facets of them all", async () => {
    const all = await api("?order=consequential");
    expect(all.total).toBeGreaterThan(4);
    const page = await B.open("/facts?limit=2");
    const list = page.getByTestId("facts-list");
    const facets = page.getByTestId("facets");
    await list.waitFor();
    await facets.locator('[data-facet="status"] li').first().waitFor();
    const ids = () => list.locator(":scope > li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-fact-id")));
    expect(await ids()).toEqual(all.facts.slice(0, 2).map((f) => f.id));
    expect(await page.getByTestId("facts-count").textContent()).toBe(`${all.total} facts`);
    expect(await page.getByTestId("facts-range").textContent()).toBe(`Showing 1–2 of ${all.total}`);
    expect(sum(await counts(facets, "status"))).toBe(all.total);
    const pager = page.getByTestId("facts-pager");
    expect(await pager.getByRole("button", { name: "Previous page" }).isDisabled()).toBe(true);

    await pager.getByRole("button", { name: "Next page" }).click();
    await page.waitForURL(/\/facts\?limit=2&offset=2$/);
    await expect.poll(ids).toEqual(all.facts.slice(2, 4).map((f) => f.id));
    expect(await page.getByTestId("facts-range").textContent()).toBe(`Showing 3–4 of ${all.total}`);
    expect(sum(await counts(facets, "status"))).toBe(all.total);
    await page.screenshot({ path: join(ARTIFACTS, "fact-pages.png"), fullPage: true });

    // By name: the server's scope order, from the first page again (the order in the address).
    await page.getByTestId("facts-order").selectOption("scope");
    await page.waitForURL(/\/facts\?limit=2&order=scope$/);
    const byName = await api("?order=scope&limit=2");
    await expect.poll(ids).toEqual(byName.facts.map((f) => f.id));
    await page.close();
  });

  it("counts the facts by language, named; choosing one narrows the list, the address and the form", async () => {
    const page = await B.open("/facts");
    const facets = page.getByTestId("facets");
    const list = page.getByTestId("facts-list");
    await facets.locator('[data-facet="language"] li').first().waitFor();
    const languages = await counts(facets, "language");
    expect(languages.Persian).toBe(1);
    expect(languages.French).toBe(1);
    expect(languages.English).toBe((await api("?language=en")).total);

    await facets.locator('[data-facet="language"] a[data-facet-value="fa"]').click();
    await page.waitForURL(/\/facts\?language=fa$/);
    await expect.poll(async () => list.locator(":scope > li").count()).toBe(1);
    expect(await page.getByTestId("facts-count").textContent()).toBe("1 fact matches this filter");
    expect(await page.getByTestId("filter-language").inputValue()).toBe("fa");
    await expect.poll(async () => counts(facets, "language")).toEqual({ Persian: 1 });
    expect(await list.locator(":scope > li").getAttribute("data-fact-id")).toBe((await api("?language=fa")).facts[0]?.id);
    await page.close();
  });
});
