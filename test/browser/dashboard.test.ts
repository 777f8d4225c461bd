// The pages in a real browser (Debian's chromium through playwright-core) against `tally serve`
// over a temporary ledger of invented documents. Skipped when /usr/bin/chromium is missing.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/api/server.js";
import { HOSTILE_HTML } from "../api/fixtures.js";
import { makeLedger, type Ledger } from "../api/helpers.js";
import { ARTIFACTS, CHROMIUM, ensurePagesBuilt, haveChromium, WEB_DIST } from "./harness.js";

if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

describe.skipIf(!haveChromium)(`pages in chromium (${haveChromium ? CHROMIUM : "skipped: no " + CHROMIUM})`, () => {
  let L: Ledger;
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  const pwnedRequests: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const { chromium } = await import("playwright-core");
    const [ledger, b] = await Promise.all([
      makeLedger(),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
      }),
      ensurePagesBuilt(),
    ]);
    L = ledger;
    browser = b;
    server = await startServer({ store: L.store, config: L.config, host: "127.0.0.1", port: 0, webRoot: WEB_DIST, log: () => {} });
    base = server.url.replace(/\/$/, "");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await L?.close();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on("request", (r) => {
      if (/pwned|127\.0\.0\.1:9\//.test(r.url())) pwnedRequests.push(r.url());
    });
    page.on("dialog", (d) => {
      pwnedRequests.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${base}${path}`);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it("overview draws the yearly chart with each network and the band", async () => {
    const page = await open("/");
    await page.locator("[data-testid=timeline-chart] .recharts-line-curve").first().waitFor();
    // best + three networks (IHRNGO, Amnesty, HRANA) and the low–high area
    expect(await page.locator("[data-testid=timeline-chart] .recharts-line-curve").count()).toBe(4);
    expect(await page.locator("[data-testid=timeline-chart] .recharts-area-area").count()).toBe(1);
    expect(await page.getByTestId("fig-documents").textContent()).toBe("4");
    await expect.poll(() => page.getByText("Open conflicts").count()).toBeGreaterThan(0);
    // The session and the overview's data were not asked at all: they came inside the page.
    const asked = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/api/")),
    );
    expect(asked.filter((p) => p === "/api/v1/auth/session" || p === "/api/v1/overview")).toEqual([]);
    expect(await page.locator("script:not([src])").count()).toBe(0);
    await shot(page, "overview");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "overview-phone");
    await page.close();
  });

  it("the overview's key figures are on the page before its script runs, and a place in the address cannot add markup", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const place = '<img src="http://127.0.0.1:9/img" onerror="alert(1)"></script><script>alert(2)</script>';
    await page.goto(`${base}/?place=${encodeURIComponent(place)}`);
    expect(await page.getByTestId("fig-documents").textContent()).toBe("4");
    expect(await page.getByText(`Claims naming ${place}`).count()).toBe(1);
    expect(await page.locator("img").count()).toBe(0);
    await page.goto(`${base}/`);
    expect(await page.getByTestId("fig-documents").textContent()).toBe("4");
    expect(await page.getByRole("heading", { name: "Overview" }).count()).toBe(1);
    await context.close();
    // With the script: the same address draws the page over it, and nothing from the address runs.
    const live = await open(`/?place=${encodeURIComponent(place)}`);
    await live.getByRole("button", { name: "Show" }).waitFor();
    expect(await live.getByText(`Claims naming ${place}`).count()).toBe(1);
    await live.close();
    expect(pwnedRequests).toEqual([]);
  });

  it("a document highlights its claims; choosing one shows the claim, its fact and the other voices", async () => {
    const docs = (await (await L.app.request("/api/v1/documents")).json()) as { documents: { id: number; name: string }[] };
    const harbour = docs.documents.find((d) => d.name === "harbour-review-2023.txt");
    const page = await open(`/documents/${harbour?.id}`);
    const marks = page.locator("[data-testid=doc-text] .claim-button");
    await marks.first().waitFor();
    expect(await marks.count()).toBe(3);
    await marks.nth(2).focus();
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("claim-panel");
    await panel.waitFor();
    expect(await panel.textContent()).toContain("HRANA");
    const fact = page.getByTestId("fact-panel");
    await fact.waitFor();
    const text = (await fact.textContent()) ?? "";
    expect(text).toContain("contested");
    expect(text).toContain("at least 834");
    expect(text).toContain("853");
    expect(await page.getByTestId("provenance").textContent()).toMatch(/[0-9a-f]{64}/);
    await shot(page, "document");
    await page.close();
  });

  it("the claims table filters, and its CSV export is exactly what is shown and what the API gives", async () => {
    const page = await open("/claims");
    await page.getByTestId("claims-table").waitFor();
    await page.getByLabel("Event").selectOption("execution");
    await page.getByLabel("From").fill("2022");
    await page.getByLabel("Sort by").selectOption("count");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await expect.poll(() => page.getByTestId("claims-count").textContent()).toBe("Showing 1–5 of 5 claims");
    expect(page.url()).toContain("event=execution");
    const shownIds = await page.locator("[data-testid=claims-table] tbody tr").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-claim-id"))));
    const href = await page.getByTestId("export-csv").getAttribute("href");
    const csv = await page.evaluate(async (u) => (await fetch(u as string)).text(), href);
    const csvIds = csv.trimEnd().split("\r\n").slice(1).map((l) => Number(l.split(",")[0]));
    expect(csvIds).toEqual(shownIds);
    const api = (await (await L.app.request("/api/v1/claims?event=execution&from=2022&sort=count")).json()) as { claims: { id: number }[] };
    expect(csvIds).toEqual(api.claims.map((c) => c.id));
    await shot(page, "claims");
    await page.close();
  });

  it("opens a conflict and shows every voice side by side", async () => {
    const page = await open("/facts");
    await page.getByTestId("conflicts-list").waitFor();
    await page.getByTestId("conflict-fact-link").first().click();
    const detail = page.getByTestId("fact-detail");
    await detail.waitFor();
    const text = (await detail.textContent()) ?? "";
    expect(text).toContain("Contradictions");
    expect(text).toContain("cannot both be right");
    expect(page.url()).toMatch(/\/facts\/fact_/);
    await shot(page, "conflict");
    await page.close();
  });

  it("searches and highlights the matched words", async () => {
    const page = await open("/search");
    await page.getByLabel("Words to find").fill("protesters");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByTestId("search-results").waitFor();
    expect(await page.locator("[data-testid=search-results] mark").first().textContent()).toMatch(/protesters/i);
    await shot(page, "search");
    await page.close();
  });

  it("says when more documents match than it ranked, and ranks more on request", async () => {
    const page = await open("/search?q=said&window=1");
    const note = page.getByTestId("search-window");
    await note.waitFor();
    expect(await note.textContent()).toContain("these are the best of the 1 most recently stored");
    expect(await page.locator("[data-testid=search-results] li").count()).toBe(1);
    await note.getByRole("link", { name: "rank the 10 most recent" }).click();
    await page.waitForURL(/window=10/);
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=search-results] li").length > 1);
    await page.close();
  });

  it("an uploaded hostile page is shown as text and nothing in it runs", async () => {
    const page = await open("/add");
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text());
    });
    await page.getByLabel("Document (.txt, .md, .html or .pdf)").setInputFiles({ name: "hostile.html", mimeType: "text/html", buffer: Buffer.from(HOSTILE_HTML) });
    await page.getByRole("button", { name: "Upload and extract" }).click();
    await page.getByTestId("ingested-link").click();
    const text = page.getByTestId("doc-text");
    await text.waitFor();
    const buttons = page.locator("[data-testid=doc-text] .claim-button");
    for (let i = 0; i < (await buttons.count()); i++) {
      await buttons.nth(i).hover();
      await buttons.nth(i).click();
    }
    await page.locator("h1").hover();
    await page.waitForTimeout(300);
    // Only our own markup inside the text: no element the document brought along.
    const tags = await text.evaluate((el) => [...new Set([...el.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()))].sort());
    expect(tags.every((t) => t === "mark" || t === "button")).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator("script:not([src])").count()).toBe(0);
    expect(await page.locator("iframe, object, embed, svg script, base").count()).toBe(0);
    expect(pwnedRequests).toEqual([]);
    // The title is text, isolated in one <bdi> of the page's own (for right-to-left titles), with nothing inside it.
    expect(await page.locator("h1 *:not(bdi), h1 bdi *").count()).toBe(0);
    expect(await page.locator("h1 bdi").count()).toBeLessThanOrEqual(1);
    // Escaped markup in the document stays visible as literal text.
    expect((await text.textContent()) ?? "").toContain('<script>window.__pwned="escaped"</script>');
    await shot(page, "hostile");
    await page.close();
    expect(violations.filter((v) => !/pwned/.test(v))).toEqual([]);
  });
});
