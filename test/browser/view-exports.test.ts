// Every view exportable, in a real browser (Debian's chromium through playwright-core): the CSV and
// JSON links of a filtered, reordered and paged facts view give exactly the facts on screen, in
// their order; those of a filtered conflicts view the conflicts shown (and the facets of the side
// panel); one fact's CSV a row per voice of its table. Skipped when /usr/bin/chromium is missing.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, CHROMIUM, haveChromium, startBench, type Bench } from "./harness.js";

if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

/** The first column of each data row of a CSV (ids here hold no commas or quotes). */
const firstColumn = (csv: string) => csv.trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[0] ?? "");

/** What a link of the page downloads, fetched by the page itself (its cookies, its origin). */
async function follow(page: Page, testId: string): Promise<{ href: string; body: string; disposition: string | null }> {
  const href = (await page.getByTestId(testId).getAttribute("href")) ?? "";
  const got = await page.evaluate(async (u) => {
    const r = await fetch(u);
    return { body: await r.text(), disposition: r.headers.get("content-disposition") };
  }, href);
  return { href, ...got };
}

describe.skipIf(!haveChromium)("exports of what is on screen in chromium", () => {
  let B: Bench;
  beforeAll(async () => {
    B = await startBench();
  }, 180_000);
  afterAll(() => B?.close());

  it("exports a filtered facts view, by name, second page, as exactly the facts shown", async () => {
    const page = await B.open("/facts");
    const list = page.getByTestId("facts-list");
    await list.waitFor();
    // Filter by place through the form, order by name, one per page, then the second page.
    await page.getByTestId("filter-place").fill("iran");
    await page.getByTestId("filter-place").press("Enter");
    await page.waitForURL(/\/facts\?place=iran$/);
    const matching = (await (await fetch(`${B.base}/api/v1/facts?place=iran`)).json()) as { total: number };
    expect(matching.total).toBeGreaterThan(2);
    await page.getByTestId("facts-order").selectOption("scope");
    await page.waitForURL(/order=scope/);
    await page.goto(`${page.url()}&limit=1`);
    await list.waitFor();
    await page.getByTestId("facts-pager").getByRole("button", { name: "Next page" }).click();
    await page.waitForURL(/offset=1/);
    const ids = () => list.locator(":scope > li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-fact-id") ?? ""));
    await expect.poll(() => page.getByTestId("facts-range").textContent()).toBe(`Showing 2–2 of ${matching.total}`);
    const shown = await ids();
    // What the server gives for that view, by name: the same fact.
    const api = (await (await fetch(`${B.base}/api/v1/facts?place=iran&order=scope&limit=1&offset=1`)).json()) as { facts: Array<{ id: string }> };
    expect(shown).toEqual(api.facts.map((f) => f.id));

    const csv = await follow(page, "facts-csv");
    expect(csv.href).toContain("/api/v1/facts.csv?");
    expect(csv.disposition).toContain("tally-facts.csv");
    expect(firstColumn(csv.body)).toEqual(shown);
    const json = await follow(page, "facts-json");
    expect(json.href).toContain("/api/v1/facts.json?");
    const answer = JSON.parse(json.body) as { total: number; offset: number; facts: Array<{ id: string }>; facets?: Record<string, unknown> };
    expect(answer.facts.map((f) => f.id)).toEqual(shown);
    expect(answer.total).toBe(matching.total);
    expect(answer.offset).toBe(1);
    expect(Object.keys(answer.facets ?? {})).toContain("place");
    await page.screenshot({ path: join(ARTIFACTS, "view-exports-facts.png"), fullPage: true });
    await page.close();
  });

  it("exports a filtered conflicts view and one fact as they are shown", async () => {
    const page = await B.open("/conflicts?event=execution&place=Iran");
    const list = page.getByTestId("conflicts-list");
    await list.waitFor();
    const shown = await list.locator(":scope > li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-conflict-id") ?? ""));
    expect(shown.length).toBeGreaterThan(0);
    expect(firstColumn((await follow(page, "conflicts-csv")).body)).toEqual(shown);
    const json = JSON.parse((await follow(page, "conflicts-json")).body) as { conflicts: Array<{ id: string }>; facets?: Record<string, Array<{ count: number }>> };
    expect(json.conflicts.map((k) => k.id)).toEqual(shown);
    expect((json.facets?.severity ?? []).reduce((n, v) => n + v.count, 0)).toBe(shown.length);

    // One fact: its CSV has a row per voice of the table on its page.
    await list.getByTestId("conflict-fact-link").first().click();
    const detail = page.getByTestId("fact-detail");
    await detail.waitFor();
    const voices = await detail.locator("table tbody tr").count();
    const href = (await detail.getByTestId("item-exports").getByRole("link", { name: "CSV" }).getAttribute("href")) ?? "";
    const csv = await page.evaluate(async (u) => (await fetch(u)).text(), href);
    expect(csv.trimEnd().split("\r\n").length - 1).toBe(voices);
    await page.close();
  });
  it("downloads the search results shown by clicking their CSV link: the hits on screen, in their order", async () => {
    const page = await B.open("/search?q=executed");
    const results = page.getByTestId("search-results");
    await results.waitFor();
    const api = (await (await fetch(`${B.base}/api/v1/search?q=executed`)).json()) as { hits: Array<{ documentId: number }> };
    expect(api.hits.length).toBeGreaterThan(1);
    expect(await results.locator(":scope > li").count()).toBe(api.hits.length);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("search-csv").click()]);
    expect(download.suggestedFilename()).toBe("tally-search.csv");
    const file = await download.path();
    const csv = await readFile(file, "utf8");
    expect(firstColumn(csv)).toEqual(api.hits.map((h) => String(h.documentId)));
    const json = await follow(page, "search-json");
    expect(JSON.parse(json.body)).toEqual(await (await fetch(`${B.base}/api/v1/search?q=executed`)).json());
    await page.close();
  });
});
