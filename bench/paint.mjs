// The first paint of Tally's overview in headless chromium, measured from a process of its own
// (bench/web.mjs runs it against its server): first contentful paint, largest contentful paint,
// when the key figures were first on screen, and the page's load event, medians of RUNS runs, each
// in a new browser context (empty cache). Prints JSON.
//
// "Key figures" is the later of the first contentful paint and the moment the figures' element
// was first in the document (a MutationObserver installed before the page loads): nothing is on
// screen before the first paint, and the figures not before they are in the document. When the
// server wrote them into the page that is the first paint itself; when the script draws them it
// is when it did, up to a frame before the browser shows that frame. (The Element Timing API
// would be exact, but Chrome drops the entry of an element replaced before its paint was
// reported, which the script's first render does to the server's.)
//
//   node bench/paint.mjs http://127.0.0.1:8080 [RUNS] [CPU_SLOWDOWN]
//
// CPU_SLOWDOWN (default 1) slows chromium's CPU down that many times (the DevTools protocol's
// Emulation.setCPUThrottlingRate), for a slower machine or one busy with other work.

/* global window, document, MutationObserver -- in functions the page runs */
const [base, runsArg, slowdownArg] = process.argv.slice(2);
const paintRuns = Number(runsArg ?? "5");
const slowdown = Number(slowdownArg ?? "1");
if (!base || !(paintRuns >= 1) || !(slowdown >= 1)) {
  process.stderr.write("usage: node bench/paint.mjs BASE_URL [RUNS] [CPU_SLOWDOWN]\n");
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function firstPaint() {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const runs = [];
  try {
    for (let i = 0; i < paintRuns; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } }); // empty cache
      await context.addInitScript(() => {
        const seen = () => {
          if (window.__figuresAt === undefined && document.querySelector('[data-testid="fig-documents"]')) window.__figuresAt = performance.now();
        };
        new MutationObserver(seen).observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      if (slowdown > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: slowdown });
      await page.goto(`${base}/`);
      await page.getByTestId("fig-documents").waitFor({ timeout: 120_000 });
      const entries = await page.evaluate(() => {
        const paint = Object.fromEntries(performance.getEntriesByType("paint").map((e) => [e.name, e.startTime]));
        const nav = performance.getEntriesByType("navigation")[0];
        const scripts = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"));
        const fcp = paint["first-contentful-paint"] ?? null;
        const inDocument = window.__figuresAt ?? null;
        const figures = fcp === null || inDocument === null ? null : Math.max(fcp, inDocument);
        return { fcp, figures, load: nav?.loadEventEnd ?? null, js: scripts.reduce((a, e) => a + (e.decodedBodySize || 0), 0) };
      });
      const lcp = await page.evaluate(
        () =>
          new Promise((resolve) => {
            new PerformanceObserver((l) => {
              const e = l.getEntries();
              resolve(e.length ? e[e.length - 1].startTime : null);
            }).observe({ type: "largest-contentful-paint", buffered: true });
            setTimeout(() => resolve(null), 1000);
          }),
      );
      runs.push({ ...entries, lcp });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const pick = (k) => median(runs.map((r) => r[k]).filter((x) => x !== null));
  return { runs: runs.length, cpuSlowdown: slowdown, fcp: pick("fcp"), lcp: pick("lcp"), figures: pick("figures"), load: pick("load"), jsBytes: runs[0]?.js ?? null };
}

process.stdout.write(JSON.stringify(await firstPaint()));
