// Writes the screenshots of docs/screenshots/ that show the sample data: a fresh temporary
// ledger with samples/corpus ingested (as the README's first command does), two small invented
// victim lists, an admin and an analyst locked out after failed logins; then Tally's own server
// and Debian's chromium (/usr/bin/chromium, through playwright-core), signed in as the admin.
//
//   node scripts/screenshots.mjs [NAME...]     (default: every screenshot below)
//
// `claims-total` is made over a ledger of its own: 1,000 synthetic documents of bench/corpus.mjs
// (invented sentences, about 13,000 claims), so that a period filter matches more claims than the
// claims page counts ("10,000+").
//
// The pages are built first when web-dist is missing or older than src/web.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = join(ROOT, "docs/screenshots");
const CHROMIUM = "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  process.exit(2);
}
const load = (path) => tsImport(path, import.meta.url);
const { loadConfig } = await load("../src/config.ts");
const { openStore } = await load("../src/store/index.ts");
const { ingest } = await load("../src/pipeline/ingest.ts");
const { startServer } = await load("../src/api/server.ts");
const { AuthService } = await load("../src/services/auth.ts");
const { importVictims, linkVictimRecords } = await load("../src/services/use-cases/victims.ts");
const { perform } = await load("../src/services/use-cases/use-case.ts");
// Through the use cases, which check the input (the services take it checked).
const operatorOn = (store) => ({ store, caller: { name: "screenshots", role: "admin" }, dataDir: "" });
const importVictimList = (store, input) => perform(importVictims, operatorOn(store), input);
const linkVictims = (store) => perform(linkVictimRecords, operatorOn(store), {});
const { ensurePagesBuilt, WEB_DIST } = await load("../test/browser/harness.ts");
const { getPlace } = await load("../src/core/places.ts");

// Invented people; the same person is on both lists once in Latin and once in Persian script.
const LIST_A = ["name,age,sex,place,date", "Reza Mousavi,29,m,Isfahan,2024-02-11", "Shirin Tavakoli,33,f,Karaj,2024-02-19", "Hamid Nouri,52,m,Zahedan,2024-02-03"].join("\n");
const LIST_B = ["name,age,sex,place,date", "رضا موسوی,30,مرد,اصفهان,2024-02-11", "Kaveh Jafari,24,m,Shiraz,2024-02-25"].join("\n");
const ADMIN = { name: "ada", password: "screenshot-admin-password" };

const SHOTS = {
  /** A conflict's permalink: the top-ranked conflict of the sample data. */
  conflict: async (page, base) => {
    const { conflicts } = await (await page.request.get(`${base}/api/v1/conflicts`)).json();
    if (!conflicts[0]) throw new Error("the samples yield no conflict");
    await page.goto(`${base}/conflicts/${conflicts[0].id}`);
    await page.getByTestId("conflict-detail").waitFor();
  },
  victims: async (page, base) => {
    await page.goto(`${base}/victims`);
    await page.getByTestId("victims-table").waitFor();
  },
  "victim-person": async (page, base) => {
    await page.goto(`${base}/victims`);
    await page.getByTestId("victims-table").getByRole("link", { name: "Reza Mousavi" }).click();
    await page.getByTestId("victim-records").waitFor();
  },
  /** The source of the samples with the most rows in its year-by-year table (the page's top only: the table). */
  "source-years": async (page, base) => {
    const { sources } = await (await page.request.get(`${base}/api/v1/sources`)).json();
    let best = null;
    for (const s of sources) {
      const name = typeof s === "string" ? s : s.name;
      const answer = await (await page.request.get(`${base}/api/v1/sources/${encodeURIComponent(name)}`)).json();
      if (answer.years?.length > (best?.rows ?? 0)) best = { name, rows: answer.years.length };
    }
    if (!best) throw new Error("no source of the samples has a year-by-year table");
    await page.goto(`${base}/sources/${encodeURIComponent(best.name)}`);
    await page.getByTestId("source-years").waitFor();
    return { fullPage: false };
  },
  /** The documents page with its facets, narrowed to the year of publication with the most documents. */
  "documents-facets": async (page, base) => {
    await page.goto(`${base}/documents`);
    const facets = page.getByTestId("facets");
    await facets.locator('[data-facet="year"] a[data-facet-value]').first().click();
    await page.waitForURL(/from=\d{4}&to=\d{4}|to=\d{4}/);
    await facets.getByRole("link", { name: /Remove the filter year published/ }).waitFor();
    await page.getByTestId("documents-table").waitFor();
  },
  /** The facts page with its facets, narrowed to the first place of the panel inside a country (the panel then shows the places containing it). */
  "facts-facets": async (page, base) => {
    const { facets: counted } = await (await page.request.get(`${base}/api/v1/facts?facets=place`)).json();
    const values = counted.place.map((v) => v.value).filter((v) => v !== null);
    const value = values.find((v) => getPlace(v) && getPlace(v).kind !== "country") ?? values[0];
    await page.goto(`${base}/facts`);
    const facets = page.getByTestId("facets");
    const place = facets.locator(`[data-facet="place"] a[data-facet-value="${value}"]`);
    await place.click();
    await page.waitForURL(/place=/);
    await facets.getByRole("link", { name: `Remove the filter place ${value}` }).waitFor();
    await page.getByTestId("facts-list").waitFor();
  },
  /** The conflicts page with its facets, narrowed to the severity with the most conflicts. */
  "conflicts-facets": async (page, base) => {
    await page.goto(`${base}/conflicts`);
    const facets = page.getByTestId("facets");
    await facets.locator('[data-facet="severity"] a[data-facet-value]').first().click();
    await page.waitForURL(/severity=/);
    await facets.getByRole("link", { name: /Remove the filter severity/ }).waitFor();
    await page.getByTestId("conflicts-list").waitFor();
  },
  "accounts-unlock": async (page, base) => {
    await page.goto(`${base}/admin/accounts`);
    await page.locator('tr[data-user="bahram"]').getByRole("button", { name: "Unlock" }).waitFor();
  },
};

/** Screenshots over a ledger of their own (not the samples), each given the browser. */
const OWN_LEDGER = {
  /** The claims page over more claims than it counts: "Showing 1–100 of 10,000+ claims" for a period filter. */
  "claims-total": async (browser) => {
    const { documents } = await import("../bench/corpus.mjs");
    const own = await mkdtemp(join(tmpdir(), "tally-shots-10k-"));
    const docs = join(own, "docs");
    await mkdir(docs);
    const manifest = [];
    let i = 0;
    for (const doc of documents(7)) {
      if (i++ >= 1000) break;
      await writeFile(join(docs, doc.meta.document), doc.text);
      manifest.push({ file: doc.meta.document, published: doc.meta.published, publisher: doc.meta.publisher, url: null });
    }
    await writeFile(join(docs, "manifest.json"), JSON.stringify({ documents: manifest }));
    const ownConfig = loadConfig({ data: join(own, "data"), collector: "screenshots" }, {});
    const ownStore = await openStore({ dataDir: ownConfig.dataDir });
    let ownServer = null;
    try {
      const summary = await ingest([docs], ownStore, { config: ownConfig });
      if (summary.claims <= 10_000) throw new Error(`the synthetic ledger has only ${summary.claims} claims`);
      ownServer = await startServer({ store: ownStore, config: ownConfig, host: "127.0.0.1", port: 0, webRoot: WEB_DIST, log: () => {} });
      const base = ownServer.url.replace(/\/$/, "");
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      // Single-user on loopback (no account in this ledger): no sign-in.
      await page.goto(`${base}/claims?from=1990&to=2030`);
      await page.getByTestId("claims-count").filter({ hasText: "10,000+" }).waitFor();
      await page.getByTestId("facets").locator('[data-facet="event"] li').first().waitFor();
      await page.evaluate(() => document.fonts.ready); // eslint-disable-line no-undef -- runs in the page
      const path = join(OUT, "claims-total.png");
      await page.screenshot({ path, fullPage: false });
      console.log(`wrote ${path} (${summary.claims} claims)`);
      await page.close();
    } finally {
      await ownServer?.close();
      await ownStore.close();
      await rm(own, { recursive: true, force: true });
    }
  },
};

const wanted = process.argv.slice(2);
for (const w of wanted) if (!(w in SHOTS) && !(w in OWN_LEDGER)) throw new Error(`unknown screenshot ${w}; known: ${[...Object.keys(SHOTS), ...Object.keys(OWN_LEDGER)].join(", ")}`);

const dir = await mkdtemp(join(tmpdir(), "tally-shots-"));
const config = loadConfig({ data: join(dir, "data"), collector: "screenshots" }, {});
const store = await openStore({ dataDir: config.dataDir });
let server = null;
let browser = null;
try {
  const summary = await ingest([join(ROOT, "samples/corpus")], store, { config });
  if (summary.failed > 0) throw new Error(`sample ingest failed: ${JSON.stringify(summary)}`);
  const enc = (s) => new TextEncoder().encode(s);
  await importVictimList(store, { fileName: "monitor-a-february.csv", bytes: enc(LIST_A), source: "Monitor A" });
  await importVictimList(store, { fileName: "monitor-b-february.csv", bytes: enc(LIST_B), source: "Monitor B" });
  await linkVictims(store);
  const auth = new AuthService(store);
  await auth.addUser(ADMIN.name, "admin", ADMIN.password, "setup");
  await auth.addUser("rahel", "analyst", null, "setup");
  const { user: locked } = await auth.addUser("bahram", "analyst", null, "setup");
  await store.setLoginState(locked.id, { failedLogins: 0, lockedUntil: new Date(Date.now() + 15 * 60_000).toISOString() }, { actor: "bahram" });

  await ensurePagesBuilt();
  server = await startServer({ store, config, host: "127.0.0.1", port: 0, webRoot: WEB_DIST, log: () => {} });
  const base = server.url.replace(/\/$/, "");
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByLabel("User name").fill(ADMIN.name);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Accounts" }).waitFor();
  for (const [name, go] of Object.entries(SHOTS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const opts = (await go(page, base)) ?? { fullPage: true };
    await page.evaluate(() => document.fonts.ready); // eslint-disable-line no-undef -- runs in the page
    const path = join(OUT, `${name}.png`);
    await page.screenshot({ path, ...opts });
    console.log(`wrote ${path}`);
  }
  for (const [name, shoot] of Object.entries(OWN_LEDGER)) if (wanted.length === 0 || wanted.includes(name)) await shoot(browser);
} finally {
  await browser?.close();
  await server?.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
