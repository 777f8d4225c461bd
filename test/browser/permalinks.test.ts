// A conflict's permalink in chromium: from the facts page's list to /conflicts/{id}, which opens
// as well on its own (a fresh load), shows every claim of the conflict, and downloads the
// conflict as CSV and JSON; a fact's page offers its own CSV and JSON.
// Skipped when /usr/bin/chromium is missing.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, CHROMIUM, haveChromium, startBench, type Bench } from "./harness.js";

if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

describe.skipIf(!haveChromium)("conflict permalinks and single-item exports in chromium", () => {
  let B: Bench;
  beforeAll(async () => {
    B = await startBench();
  }, 180_000);
  afterAll(() => B?.close());

  it("opens a conflict by its permalink, shows its claims and downloads it", async () => {
    const { conflicts } = (await (await fetch(`${B.base}/api/v1/conflicts`)).json()) as { conflicts: Array<{ id: string; claims: Array<{ quote: string }> }> };
    const first = conflicts[0];
    expect(first).toBeDefined();
    const page = await B.open("/facts");
    await page.getByTestId("conflicts-list").waitFor();
    await page.getByTestId("conflict-permalink").first().click();
    await page.getByTestId("conflict-detail").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/conflicts/${first?.id}`);
    expect(await page.title()).toMatch(/^Conflict/);
    expect(await page.getByTestId("conflict-claims").locator("tbody tr").count()).toBe(first?.claims.length);
    await page.screenshot({ path: join(ARTIFACTS, "workbench-conflict.png"), fullPage: true });

    // The permalink opens on its own, and its links download what the page shows.
    const fresh = await B.open(`/conflicts/${first?.id}`);
    await fresh.getByTestId("conflict-detail").waitFor();
    const [csvHref, jsonHref] = await fresh.getByTestId("item-exports").locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const csv = await fresh.evaluate(async (u) => (await fetch(u)).text(), csvHref ?? "");
    expect(csv.trim().split("\r\n").length).toBe((first?.claims.length ?? 0) + 1);
    const json = (await fresh.evaluate(async (u) => (await fetch(u)).json(), jsonHref ?? "")) as { id: string };
    expect(json.id).toBe(first?.id);
    await fresh.close();
    await page.close();
  });

  it("answers an unknown conflict with a message", async () => {
    const page = await B.open("/conflicts/con_nothing");
    await page.getByText(/no conflict con_nothing|not found/i).first().waitFor();
    expect(await page.getByTestId("conflict-detail").count()).toBe(0);
    await page.close();
  });

  it("offers a fact's CSV and JSON on its page", async () => {
    const { facts } = (await (await fetch(`${B.base}/api/v1/facts`)).json()) as { facts: Array<{ id: string; claims: number }> };
    const fact = facts.find((f) => f.claims > 1) ?? facts[0];
    const page = await B.open(`/facts/${fact?.id}`);
    await page.getByTestId("fact-detail").waitFor();
    const hrefs = await page.getByTestId("item-exports").locator("a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toEqual([`/api/v1/facts/${fact?.id}.csv`, `/api/v1/facts/${fact?.id}.json`]);
    const csv = await page.evaluate(async (u) => (await fetch(u)).text(), hrefs[0] ?? "");
    const detail = (await (await fetch(`${B.base}/api/v1/facts/${fact?.id}`)).json()) as { claimViews: unknown[] };
    expect(csv.trim().split("\r\n").length).toBe(detail.claimViews.length + 1);
    await page.close();
  });
});
