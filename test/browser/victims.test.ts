// The named-victims pages in chromium: the registry lists each person once (a name linked across
// scripts shows its other spellings), the counts set against the names, and a person's page shows
// what their records agree on and every record, with a link back to its list. Invented lists.
// Skipped when /usr/bin/chromium is missing.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importVictims, linkVictimRecords } from "../../src/services/use-cases/victims.js";
import { perform } from "../../src/services/use-cases/use-case.js";
import { ARTIFACTS, CHROMIUM, haveChromium, startBench, type Bench } from "./harness.js";

if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const enc = (s: string) => new TextEncoder().encode(s);
const LIST_A = ["name,age,sex,place,date", "Mohammad Rezaei,34,m,Tehran,2024-03-10", "Parisa Ahangar,27,f,Rasht,2024-03-14", "Ali Karimi,41,m,Tabriz,2024-03-02"].join("\n");
const LIST_B = ["name,age,sex,place,date", "محمد رضایی,35,مرد,تهران,2024-03-10", "Ali Karimi,63,m,Zahedan,2024-03-20"].join("\n");

describe.skipIf(!haveChromium)("victims pages in chromium", () => {
  let B: Bench;
  beforeAll(async () => {
    B = await startBench(async (L) => {
      await perform(importVictims, { store: L.store, caller: { name: "tests", role: "admin" }, dataDir: "" }, { fileName: "list-a.csv", bytes: enc(LIST_A), source: "Monitor A" });
      await perform(importVictims, { store: L.store, caller: { name: "tests", role: "admin" }, dataDir: "" }, { fileName: "list-b.csv", bytes: enc(LIST_B), source: "Monitor B" });
      await perform(linkVictimRecords, { store: L.store, caller: { name: "tests", role: "admin" }, dataDir: "" }, {});
    });
  }, 180_000);
  afterAll(() => B?.close());

  it("lists each person once and opens a person's page with every record", async () => {
    const page = await B.open("/victims");
    const table = page.getByTestId("victims-table");
    await table.waitFor();
    const rows = table.locator("tbody tr");
    const total = (await B.ledger.store.victimStore().countPersons());
    expect(await rows.count()).toBe(total);
    // Mohammad Rezaei of list A and محمد رضایی of list B are one person; the two Ali Karimis are two.
    const rezaei = rows.filter({ hasText: "Mohammad Rezaei" });
    expect(await rezaei.count()).toBe(1);
    expect(await rezaei.textContent()).toContain("محمد رضایی");
    expect(await rows.filter({ hasText: "Ali Karimi" }).count()).toBe(2);
    expect(await page.getByText(`1–${total} of ${total} people`).count()).toBe(1);
    await page.getByRole("link", { name: "Monitor A (list-a.csv)" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "victims-list.png"), fullPage: true });

    await rezaei.getByRole("link", { name: "Mohammad Rezaei" }).click();
    const records = page.getByTestId("victim-records");
    await records.waitFor();
    expect(page.url()).toMatch(/\/victims\/\d+$/);
    expect(await records.locator("tbody tr").count()).toBe(2);
    const summary = page.getByTestId("victim-summary");
    expect(await summary.textContent()).toContain("Monitor A (list-a.csv)");
    expect(await summary.textContent()).toContain("Monitor B (list-b.csv)");
    expect(await page.title()).toMatch(/Victim/);
    await page.screenshot({ path: join(ARTIFACTS, "victims-person.png"), fullPage: true });

    // A record links back to its list, which links each row to its person.
    await records.getByRole("link", { name: /Monitor B \(list-b\.csv\), line 2/ }).click();
    const listRows = page.getByTestId("victim-list-rows");
    await listRows.waitFor();
    expect(await listRows.locator("tbody tr").count()).toBe(2);
    await page.close();
  });

  it("answers a person who does not exist with a message, not a blank page", async () => {
    const page = await B.open("/victims/999999");
    await page.getByText(/not found|no person|There is no/i).first().waitFor();
    expect(await page.getByTestId("victim-records").count()).toBe(0);
    await page.close();
  });
});
