// `tally review`, `tally restrict`, `tally user` and `tally token` in-process through main().
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { verifyPassword } from "../../src/services/passwords.js";
import { openStore } from "../../src/store/index.js";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, exitCode: 0 };
  const code = await main(["node", "tally", "--data", data, "--collector", "rev-tester", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let dir: string;
let data: string;
const TEXT = [
  "Monitors said at least 31 prisoners were executed in Shiraz in March 2024.",
  "The same monitors said 12 protesters were arrested in Tabriz last week.",
  "A lawyer said that 4 more people were hanged on Tuesday.",
].join("\n");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-review-cli-"));
  data = join(dir, "data");
  await mkdir(join(dir, "docs"));
  await writeFile(join(dir, "docs", "monitors.txt"), TEXT);
  const r = await cli(["ingest", join(dir, "docs"), "--published", "2024-04-20", "--quiet"]);
  expect(r.code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const queue = async (): Promise<Array<{ id: number; count: number; status: string }>> =>
  (await cli(["review", "list", "--format", "jsonl"])).out.split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("tally review", () => {
  it("lists the queue, accepts, corrects, rejects with a reason, and keeps decisions across re-extraction", async () => {
    const q = await queue();
    expect(q.map((c) => c.count).sort((a, b) => a - b)).toEqual([4, 12, 31]);
    const byCount = (n: number) => q.find((c) => c.count === n)?.id as number;
    expect((await cli(["review", "accept", String(byCount(31))])).out).toMatch(/accepted/);
    const corrected = await cli(["review", "correct", String(byCount(12)), "--count", "13", "--victims", "protesters,ethnic_minorities", "--reason", "follow-up report"]);
    expect(corrected.out).toMatch(/corrected arrest exact 13/);
    const noReason = await cli(["review", "reject", String(byCount(4))]);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toMatch(/--reason/);
    expect((await cli(["review", "reject", String(byCount(4)), "--reason", "not a count of executions in the period"])).code).toBe(0);
    expect(await queue()).toEqual([]);

    const shown = await cli(["review", "show", String(byCount(12))]);
    expect(shown.out).toMatch(/extractor proposed: .*"count":12/);
    expect(shown.out).toMatch(/rev-tester: claim\.correct — follow-up report/);

    expect((await cli(["reextract"])).code).toBe(0);
    const all = (await cli(["review", "list", "--status", "accepted,corrected,rejected,proposed", "--format", "jsonl"])).out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(all.map((c: { status: string; count: number }) => `${c.status}:${c.count}`).sort()).toEqual(["accepted:31", "corrected:13", "rejected:4"]);
    expect((await cli(["audit", "verify"])).code).toBe(0);
  });

  it("adds a claim by hand from a span and refuses a span outside the text", async () => {
    const start = TEXT.indexOf("A lawyer");
    const added = await cli(["review", "add", "1", "--span", `${start}:${TEXT.length}`, "--event", "execution", "--count", "4", "--source", "lawyer"]);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/added execution exact 4/);
    const bad = await cli(["review", "add", "1", "--span", "5:99999", "--event", "execution", "--count", "1"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not inside/);
    expect((await cli(["review", "show", "999"])).err).toMatch(/no claim/);
  });

  it("restricts and releases material", async () => {
    expect((await cli(["restrict", "document", "1"])).out).toBe("document 1 restricted");
    const store = await openStore({ dataDir: data });
    try {
      expect(await store.withAccess({ restricted: false }).countDocuments()).toBe(0);
      expect(await store.countDocuments()).toBe(1);
    } finally {
      await store.close();
    }
    expect((await cli(["restrict", "document", "1", "--release"])).out).toBe("document 1 released");
    expect((await cli(["restrict", "witness", "1"])).code).toBe(2);
  });
});

describe("tally user and tally token", () => {
  it("creates accounts with a generated password shown once, changes roles, protects the last admin", async () => {
    const added = await cli(["user", "add", "maya", "--role", "admin"]);
    expect(added.code).toBe(0);
    const password = /password: (\S+)/.exec(added.out)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);
    const store = await openStore({ dataDir: data });
    try {
      const maya = await store.getUser("maya");
      expect(maya?.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword(password, maya?.passwordHash ?? "")).toBe(true);
      expect(JSON.stringify(await store.listAuditEvents({ objectType: "user" }))).not.toContain(password);
    } finally {
      await store.close();
    }
    expect((await cli(["user", "add", "maya", "--role", "viewer"])).err).toMatch(/exists/);
    expect((await cli(["user", "add", "omar", "--role", "emperor"])).code).toBe(2);
    expect((await cli(["user", "disable", "maya"])).err).toMatch(/last admin/);
    expect((await cli(["user", "role", "maya", "viewer"])).err).toMatch(/last admin/);
    expect((await cli(["user", "add", "omar", "--role", "analyst"])).code).toBe(0);
    expect((await cli(["user", "disable", "omar"])).out).toBe("disabled omar");
    expect((await cli(["user", "list"])).out).toMatch(/omar\s*│?\s*analyst\s*│?\s*disabled/);
    const reset = await cli(["user", "reset", "maya"]);
    expect(reset.out).toMatch(/new password of maya: \S+/);
  });

  it("prints a token once, lists tokens without secrets, revokes", async () => {
    const made = await cli(["token", "add", "--user", "maya", "--name", "exports"]);
    const secret = /: (tly_\S+)/.exec(made.out)?.[1] ?? "";
    expect(secret).toMatch(/^tly_/);
    const listed = await cli(["token", "list"]);
    expect(listed.out).toContain("exports");
    expect(listed.out).not.toContain(secret);
    const id = /token (\d+)/.exec(made.out)?.[1] ?? "";
    expect((await cli(["token", "revoke", id])).out).toBe(`token ${id} revoked`);
    expect((await cli(["token", "revoke", id])).code).toBe(1);
  });
});
