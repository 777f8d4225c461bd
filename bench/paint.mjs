// The first paint of Tally's overview in headless chromium, measured from a process of its own
// (bench/web.mjs runs it against its server): first contentful paint, largest contentful paint and
// the time until the key figures are on the page, medians of RUNS runs, each in a new browser
// context (empty cache). Prints JSON.
//
//   node bench/paint.mjs http://127.0.0.1:8080 [RUNS]

const [base, runsArg] = process.argv.slice(2);
if (!base) {
  process.stderr.write("usage: node bench/paint.mjs BASE_URL [RUNS]\n");
  process.exit(2);
}
const paintRuns = Number(runsArg ?? "5");
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
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${base}/`);
      await page.getByTestId("fig-documents").waitFor({ timeout: 120_000 });
      const figures = Date.now() - t0;
      const entries = await page.evaluate(() => {
        const paint = Object.fromEntries(performance.getEntriesByType("paint").map((e) => [e.name, e.startTime]));
        const nav = performance.getEntriesByType("navigation")[0];
        const scripts = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"));
        return { fcp: paint["first-contentful-paint"] ?? null, fp: paint["first-paint"] ?? null, dcl: nav?.domContentLoadedEventEnd ?? null, js: scripts.reduce((a, e) => a + (e.decodedBodySize || 0), 0) };
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
      runs.push({ ...entries, lcp, figures });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const pick = (k) => median(runs.map((r) => r[k]).filter((x) => x !== null));
  return { runs: runs.length, fcp: pick("fcp"), lcp: pick("lcp"), figures: pick("figures"), jsBytes: runs[0]?.js ?? null };
}

process.stdout.write(JSON.stringify(await firstPaint()));
