// Accounts in the browser (admins): an admin signs in, makes an account (its password shown once),
// changes its role and disables it; each change is in the audit trail. Analysts have no such page.
// Skipped when /usr/bin/chromium is missing.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthService } from "../../src/services/auth.js";
import { ARTIFACTS, CHROMIUM, haveChromium, startBench, type Bench } from "./harness.js";

if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const ADA = "admin-pass-for-browser-tests";
const ANN = "analyst-pass-for-browser-tests";

describe.skipIf(!haveChromium)("accounts page in chromium", () => {
  let B: Bench;
  beforeAll(async () => {
    B = await startBench(async (L) => {
      const auth = new AuthService(L.store);
      await auth.addUser("ada", "admin", ADA, "setup");
      await auth.addUser("ann", "analyst", ANN, "setup");
    });
  }, 180_000);
  afterAll(() => B?.close());

  it("lets an admin make an account, change its role and disable it, each change audited", async () => {
    const page = await B.open("/admin/accounts");
    await page.getByLabel("User name").fill("ada");
    await page.getByLabel("Password").fill(ADA);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("users-table").waitFor();
    expect(await page.getByRole("link", { name: "Accounts" }).count()).toBe(1);

    await page.getByTestId("new-user-name").fill("rahel");
    await page.getByTestId("new-user-role").selectOption("viewer");
    await page.getByRole("button", { name: "Make the account" }).click();
    const secret = page.getByTestId("new-password");
    await secret.waitFor();
    const password = (await secret.locator("code").textContent()) ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    const row = page.locator('tr[data-user="rahel"]');
    await row.waitFor();
    expect(await row.getByLabel("Role of rahel").inputValue()).toBe("viewer");

    await row.getByLabel("Role of rahel").selectOption("analyst");
    await expect.poll(async () => (await B.ledger.store.getUser("rahel"))?.role).toBe("analyst");
    await row.getByRole("button", { name: "Disable" }).click();
    await expect.poll(async () => (await B.ledger.store.getUser("rahel"))?.disabled).toBe(true);
    await row.getByRole("button", { name: "Enable" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "workbench-accounts.png"), fullPage: true });

    // The new account signs in with the password shown; the audit trail names ada for each change.
    const login = await B.ledger.app.request("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "rahel", password }) });
    expect(login.status).toBe(401); // disabled
    const events = await B.ledger.store.listAuditEvents({ objectType: "user" });
    const byAda = events.filter((e) => e.actor === "ada").map((e) => e.action);
    expect(byAda).toEqual(expect.arrayContaining(["user.create", "user.update"]));
    expect(byAda.length).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it("shows analysts no accounts page", async () => {
    const page = await B.open("/admin/accounts");
    await page.getByLabel("User name").fill("ann");
    await page.getByLabel("Password").fill(ANN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("user-box").waitFor();
    expect(await page.getByRole("link", { name: "Accounts" }).count()).toBe(0);
    await page.getByText("Accounts are for admins.").waitFor();
    await page.close();
  });

  it("lets an admin unlock an account locked after wrong passwords, audited", async () => {
    const { user } = await new AuthService(B.ledger.store).addUser("omid", "viewer", "a-long-password-for-o", "setup");
    await B.ledger.store.setLoginState(user.id, { failedLogins: 0, lockedUntil: new Date(Date.now() + 3_600_000).toISOString() }, { actor: "omid" });
    const page = await B.open("/admin/accounts");
    await page.getByLabel("User name").fill("ada");
    await page.getByLabel("Password").fill(ADA);
    await page.getByRole("button", { name: "Sign in" }).click();
    const row = page.locator('tr[data-user="omid"]');
    await row.waitFor();
    expect(await row.textContent()).toContain("locked until");
    await row.getByRole("button", { name: "Unlock" }).click();
    await expect.poll(async () => (await B.ledger.store.getUser("omid"))?.lockedUntil ?? null).toBeNull();
    await page.getByText("omid is unlocked.").waitFor();
    // The message shows before the list is read again: wait for the row to be redrawn.
    await expect.poll(() => row.getByRole("button", { name: "Unlock" }).count()).toBe(0);
    expect(await row.textContent()).toContain("active");
    const unlocks = (await B.ledger.store.listAuditEvents({ objectType: "user" })).filter((e) => e.action === "user.unlock");
    expect(unlocks.map((e) => [e.actor, e.objectId])).toEqual([["ada", String(user.id)]]);
    await page.close();
  });
});
