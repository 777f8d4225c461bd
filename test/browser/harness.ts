// What the browser tests share: the built pages (built when missing or older than src/web),
// Debian's chromium through playwright-core, and a server over a temporary ledger.
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/api/server.js";
import { makeLedger, type Ledger } from "../api/helpers.js";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const WEB_DIST = join(ROOT, "web-dist");
export const ARTIFACTS = join(ROOT, "test-artifacts");
export const haveChromium = existsSync(CHROMIUM);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the pages (a production build, as users get) when web-dist is missing or older than src/web. */
export async function ensurePagesBuilt(): Promise<void> {
  const index = join(WEB_DIST, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, "src/web"))) return;
  const { build } = await import("vite");
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: join(ROOT, "vite.config.ts"), root: join(ROOT, "src/web"), logLevel: "warn" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** A running server over a fresh fixture ledger, and chromium. */
export interface Bench {
  ledger: Ledger;
  server: RunningServer;
  browser: Browser;
  base: string;
  open(path: string, width?: number): Promise<Page>;
  close(): Promise<void>;
}

/** Starts chromium and a server over a fresh fixture ledger (after `prepare`, which may add to the ledger). */
export async function startBench(prepare?: (ledger: Ledger) => Promise<void>): Promise<Bench> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { chromium } = await import("playwright-core");
  const [ledger, browser] = await Promise.all([
    makeLedger(),
    chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
    }),
    ensurePagesBuilt(),
  ]);
  if (prepare) await prepare(ledger);
  const server = await startServer({ store: ledger.store, config: ledger.config, host: "127.0.0.1", port: 0, webRoot: WEB_DIST, log: () => {} });
  const base = server.url.replace(/\/$/, "");
  return {
    ledger,
    server,
    browser,
    base,
    async open(path: string, width = 1280) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${base}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await ledger.close();
    },
  };
}
