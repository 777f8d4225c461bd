// Sign-in, roles and review in a real browser (Debian's chromium through playwright-core) against
// `tally serve` with accounts configured, over a temporary ledger of invented documents: an
// analyst reviews with the keyboard, a viewer gets no review controls, a claim is added from
// text selected on a document page, and facts are merged and split. Skipped without chromium.
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/api/server.js";
import { AuthService } from "../../src/services/auth.js";
import { claimHistory } from "../../src/services/claim-history.js";
import { makeLedger, type Ledger } from "../api/helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WEB_DIST = join(ROOT, "web-dist");
const ARTIFACTS = join(ROOT, "test-artifacts");
const haveChromium = existsSync(CHROMIUM);

const PASSWORDS = { ann: "analyst-pass-for-tests", vic: "viewer-pass-for-tests", lou: "locked-out-pass-for-tests" } as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the pages when web-dist is missing or older than src/web. */
async function ensurePagesBuilt(): Promise<void> {
  const index = join(WEB_DIST, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, "src/web"))) return;
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "vite.config.ts"), root: join(ROOT, "src/web"), logLevel: "warn" });
}

interface ApiClaim {
  id: number;
  documentId: number;
  status: string;
  count: number;
  quote: string;
  span: [number, number];
  reviewedBy: string | null;
  reviewReason: string | null;
  proposal: { count: number } | null;
}

describe.skipIf(!haveChromium)(`review pages with accounts (${haveChromium ? CHROMIUM : "skipped: no " + CHROMIUM})`, () => {
  let L: Ledger;
  let server: RunningServer;
  let browser: Browser;
  let base: string;

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
    const auth = new AuthService(L.store);
    await auth.addUser("ann", "analyst", PASSWORDS.ann, "setup");
    await auth.addUser("vic", "viewer", PASSWORDS.vic, "setup");
    await auth.addUser("lou", "analyst", PASSWORDS.lou, "setup");
    // Accounts exist, so even on loopback every page needs a sign-in (no single-user mode).
    server = await startServer({ store: L.store, config: L.config, host: "127.0.0.1", port: 0, webRoot: WEB_DIST, secureCookies: false, log: () => {} });
    base = server.url.replace(/\/$/, "");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await L?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${base}${path}`);
    return page;
  }

  async function signIn(page: Page, name: keyof typeof PASSWORDS): Promise<void> {
    await page.getByLabel("User name").fill(name);
    await page.getByLabel("Password").fill(PASSWORDS[name]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("user-box").waitFor();
  }

  /** GET through the page's own session (its cookie). */
  const apiGet = <T,>(page: Page, path: string): Promise<T> => page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path) as Promise<T>;

  const announced = (page: Page) => page.getByTestId("announce").textContent();

  it("an analyst signs in, then accepts with a, rejects with r + reason and corrects with e, all recorded under their name", async () => {
    const page = await open("/review");
    await page.getByLabel("User name").waitFor();
    expect(await page.getByTestId("review-card").count()).toBe(0);
    await page.getByLabel("User name").fill("ann");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Wrong user name or password");
    expect(await page.getByLabel("Password").inputValue()).toBe("");
    await shot(page, "login");
    await signIn(page, "ann");
    expect(page.url()).not.toContain("pass");
    expect(await page.getByTestId("user-box").textContent()).toMatch(/ann.*analyst/);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)).not.toContain("pass");

    const card = page.getByTestId("review-card");
    await card.waitFor();
    await page.getByTestId("claim-context").locator("mark").waitFor();
    const idOf = async () => Number(await card.getAttribute("data-claim-id"));
    const first = await idOf();
    await page.keyboard.press("a");
    await expect.poll(() => announced(page)).toContain(`Accepted claim ${first}`);

    const second = await idOf();
    expect(second).not.toBe(first);
    await page.keyboard.press("r");
    const reason = page.getByLabel("Reason for rejecting");
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    // Shortcut letters typed into the reason (a, e, j, k, n, p, r) must not act on the claim.
    await page.keyboard.type("a duplicate of the report's own earlier paragraph");
    await shot(page, "review-reject");
    await page.keyboard.press("Enter");
    await expect.poll(() => announced(page)).toContain(`Rejected claim ${second}`);

    const third = await idOf();
    expect(third).not.toBe(second);
    const before = (await apiGet<{ claim: ApiClaim }>(page, `/claims/${third}`)).claim;
    await page.keyboard.press("e");
    const form = page.getByTestId("review-edit-form");
    await form.waitFor();
    await expect.poll(() => form.getByLabel("Event").evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByLabel("Count").fill(String(before.count + 11));
    await form.getByLabel("Reason (optional)").fill("the report's table gives a higher figure");
    await shot(page, "review-edit");
    await page.keyboard.press("Enter");
    await expect.poll(() => announced(page)).toContain(`Corrected claim ${third}`);

    await page.keyboard.press("?");
    await page.getByTestId("shortcuts").waitFor();
    expect(await page.getByTestId("shortcuts").textContent()).toContain("reject");
    await page.getByRole("button", { name: "Close the shortcuts" }).click();

    await page.getByLabel("Most consequential first").check();
    await expect.poll(() => page.url()).toContain("order=consequential");
    await card.waitFor();
    await shot(page, "review");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "review-phone");

    // Through the API, with the browser's session: statuses, reasons and the actor.
    const a = await apiGet<{ claim: ApiClaim; history: { actor: string; action: string; reason: string | null }[] }>(page, `/claims/${first}`);
    expect(a.claim.status).toBe("accepted");
    expect(a.claim.reviewedBy).toBe("ann");
    expect(a.history.at(-1)).toMatchObject({ actor: "ann", action: "claim.accept" });
    const r = await apiGet<{ claim: ApiClaim; history: { actor: string; action: string; reason: string | null }[] }>(page, `/claims/${second}`);
    expect(r.claim.status).toBe("rejected");
    expect(r.claim.reviewReason).toBe("a duplicate of the report's own earlier paragraph");
    expect(r.history.at(-1)).toMatchObject({ actor: "ann", action: "claim.reject", reason: "a duplicate of the report's own earlier paragraph" });
    const c = (await L.store.getClaim(third)) as unknown as ApiClaim;
    expect(c.status).toBe("corrected");
    expect(c.count).toBe(before.count + 11);
    expect(c.proposal?.count).toBe(before.count);
    const history = await claimHistory(L.store, c.documentId, third);
    expect(history.at(-1)).toMatchObject({ actor: "ann", action: "claim.correct", reason: "the report's table gives a higher figure" });

    // The history panel on the document page shows who changed what.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/documents/${c.documentId}`);
    await page.locator(`[data-testid=doc-text] .claim-button[data-claim-id="${third}"]`).click();
    const panel = page.getByTestId("claim-history");
    await panel.waitFor();
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("ann corrected");
    expect(text).toContain(`count: ${before.count} → ${before.count + 11}`);
    expect(text).toContain("higher figure");
    expect(await page.getByTestId("claim-panel").getByTestId("review-badge").textContent()).toBe("corrected");
    await shot(page, "document-history");
    await page.close();
  });

  it("a viewer sees no review, ingest or restrict controls, and the review page says they cannot review", async () => {
    const page = await open("/review");
    await signIn(page, "vic");
    expect(await page.getByTestId("user-box").textContent()).toMatch(/vic.*viewer/);
    await expect.poll(() => page.getByTestId("cannot-review").textContent()).toContain("cannot review");
    expect(await page.getByRole("button", { name: /^Accept/ }).count()).toBe(0);
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).count()).toBe(0);
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Add a document" }).count()).toBe(0);
    await shot(page, "review-viewer");

    const docs = await apiGet<{ documents: { id: number; name: string }[] }>(page, "/documents");
    await page.goto(`${base}/documents/${docs.documents[0]?.id}`);
    await page.locator("[data-testid=doc-text] .claim-button").first().click();
    await page.getByTestId("claim-panel").waitFor();
    expect(await page.getByTestId("claim-actions").count()).toBe(0);
    expect(await page.getByRole("button", { name: /Add a claim|Restrict|Reject|Edit/ }).count()).toBe(0);
    expect(await page.getByTestId("claim-history").count()).toBe(0);

    await page.goto(`${base}/add`);
    await page.getByTestId("cannot-ingest").waitFor();
    expect(await page.locator("input[type=file]").count()).toBe(0);

    await page.goto(`${base}/facts`);
    await page.getByTestId("facts-list").waitFor();
    expect(await page.locator("[data-testid=facts-list] input[type=checkbox]").count()).toBe(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("User name").waitFor();
    expect((await apiGet<{ user: unknown }>(page, "/auth/session")).user).toBeNull();
    await page.close();
  });

  it("a locked account is told so in plain words, even with the right password", async () => {
    // Five wrong passwords (through the in-process app: the lock is kept in the store).
    for (let i = 0; i < 5; i++) {
      await L.app.request("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "lou", password: `guess-${i}-wrong` }) });
    }
    const page = await open("/");
    await page.getByLabel("User name").fill("lou");
    await page.getByLabel("Password").fill(PASSWORDS.lou);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/Too many sign-in attempts: this name is locked after too many failed logins; try again later\./);
    expect(await page.getByTestId("user-box").count()).toBe(0);
    await shot(page, "login-locked");
    await page.close();
  });

  it("an analyst uploads a document and adds a claim from text selected on its page (UTF-16 offsets)", async () => {
    const page = await open("/add");
    await signIn(page, "ann");
    const sentence = "Witnesses in Bandar 𝔸bbas described the crackdown to our reporter 🙂.";
    const text = ["Coastal notes 🙂 — naïve “field” report", "", "At least 7 people were executed in Iran in 2023, according to Iran Human Rights.", sentence, ""].join("\n");
    // The upload is a POST through the session: it only works with the CSRF header.
    await page.getByLabel("Document (.txt, .md, .html or .pdf)").setInputFiles({ name: "coastal-notes.txt", mimeType: "text/plain", buffer: Buffer.from(text) });
    await page.getByLabel("Published (when the document does not say)").first().fill("2024-06-01");
    await page.getByRole("button", { name: "Upload and extract" }).click();
    await page.getByTestId("ingested-link").click();
    const docText = page.getByTestId("doc-text");
    await docText.waitFor();
    const marksBefore = await page.locator("[data-testid=doc-text] .claim-button").count();

    await docText.evaluate((el, s) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(s);
        if (at >= 0) {
          document.getSelection()?.setBaseAndExtent(n, at, n, at + s.length);
          return;
        }
      }
      throw new Error("sentence not rendered");
    }, sentence);
    await expect.poll(() => page.getByTestId("selection-preview").textContent()).toContain("described the crackdown");
    await page.getByRole("button", { name: "Add a claim from the selected text" }).click();
    const form = page.getByTestId("add-claim-form");
    await form.waitFor();
    expect(await form.getByLabel("Sentence (exactly as it stands in the text)").inputValue()).toBe(sentence);
    await form.getByLabel("Event").selectOption("arrest");
    await form.getByLabel("Count").fill("12");
    await form.getByLabel("Qualifier").selectOption("about");
    await form.getByLabel("Period start").fill("2024-05-01");
    await form.getByLabel("Period end").fill("2024-05-31");
    await form.getByLabel("Place").fill("Bandar Abbas");
    await form.getByLabel("protesters").check();
    await form.getByLabel("Source").fill("local witnesses");
    await shot(page, "document-add-claim");
    await form.getByRole("button", { name: "Add the claim" }).click();
    await expect.poll(() => announced(page)).toMatch(/Added claim \d+/);
    const id = Number(/Added claim (\d+)/.exec((await announced(page)) ?? "")?.[1]);
    await expect.poll(() => page.locator("[data-testid=doc-text] .claim-button").count()).toBe(marksBefore + 1);

    const added = await apiGet<{ claim: ApiClaim & { event: string; place: string; victims: string[]; period: unknown } }>(page, `/claims/${id}`);
    expect(added.claim.quote).toBe(sentence);
    expect(added.claim.status).toBe("added");
    expect(added.claim).toMatchObject({ event: "arrest", count: 12, place: "Bandar Abbas", victims: ["protesters"], period: { start: "2024-05-01", end: "2024-05-31" } });
    const doc = await apiGet<{ document: { text: string } }>(page, `/documents/${added.claim.documentId}`);
    expect(doc.document.text.slice(added.claim.span[0], added.claim.span[1])).toBe(sentence);
    expect(await page.getByTestId("claim-panel").getByTestId("review-badge").textContent()).toBe("added by hand");
    await shot(page, "document-added-claim");

    // Restrict the document and release it again; the badge follows.
    await page.getByTestId("restrict-document").click();
    await expect.poll(() => page.locator("h1 + .meta .badge.restricted").count()).toBe(1);
    await page.getByTestId("restrict-document").click();
    await expect.poll(() => page.locator("h1 + .meta .badge.restricted").count()).toBe(0);
    await page.close();
  });

  it("an analyst merges two facts and splits a claim out again", async () => {
    const page = await open("/facts");
    await signIn(page, "ann");
    const list = page.getByTestId("facts-list");
    await list.waitFor();
    const facts = await apiGet<{ facts: { id: string; description: string; event: string; claims: number }[] }>(page, "/facts");
    const executions = facts.facts.filter((f) => f.event === "execution").slice(0, 2);
    expect(executions.length).toBe(2);
    for (const f of executions) await page.getByLabel(`Select “${f.description}” for merging`).check();
    const into = executions[0] as { id: string; description: string; claims: number };
    await page.getByLabel("Merge into…").selectOption(into.id);
    await page.getByRole("button", { name: "Merge 2 facts" }).click();
    await expect.poll(() => announced(page)).toContain("Merged 1 fact");
    await expect.poll(() => page.url()).toContain(`/facts/${into.id}`);
    const detail = page.getByTestId("fact-detail");
    await detail.waitFor();
    const merged = await apiGet<{ claimViews: { id: string }[] }>(page, `/facts/${into.id}`);
    expect(merged.claimViews.length).toBe(into.claims + (executions[1]?.claims ?? 0));
    await shot(page, "facts-merged");

    const moved = merged.claimViews[0]?.id as string;
    await detail.getByLabel(new RegExp(`^Select claim ${moved} `)).check();
    await page.getByTestId("split-button").click();
    await expect.poll(() => announced(page)).toContain("Split 1 claim out");
    await expect.poll(() => page.url()).not.toContain(into.id);
    await page.close();
  });
});
