// `tally export --all FILE` and `tally import FILE` run in-process through main().
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { openStore } from "../../src/store/index.js";
import { fillStore } from "./backup-fixture.js";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, exitCode: 0 };
  const code = await main(["node", "tally", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const saved: Record<string, string | undefined> = {};
let root: string;
let source: string;
let file: string;

beforeAll(async () => {
  for (const k of ["DATABASE_URL", "TALLY_DATABASE_URL", "TALLY_DATA", "TALLY_COLLECTOR"]) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  root = await mkdtemp(join(tmpdir(), "tally-backup-cli-"));
  source = join(root, "source");
  file = join(root, "ledger.tally.gz");
  const store = await openStore({ dataDir: source });
  await fillStore(store);
  await store.close();
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await rm(root, { recursive: true, force: true });
});

describe("tally export and import", () => {
  it("export needs --all", async () => {
    const r = await cli(["--data", source, "export", file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("tally: export needs --all: exporting part of the ledger is not supported yet");
  });

  it("exports the whole ledger to a file only its owner can read", async () => {
    const r = await cli(["--data", source, "export", "--all", file]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^exported ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n`));
    expect(r.out).toMatch(/^ {2}documents +4$/m);
    expect(r.out).toMatch(/^ {2}audit_events +\d+$/m);
    expect(r.out).toMatch(/^ {2}\d+ rows, \d+ bytes \(schema \d+\), sha256 [0-9a-f]{64}$/m);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readdir(root)).filter((f) => f.includes("partial"))).toEqual([]);
  });

  it("imports it into another data directory, where it verifies and searches", async () => {
    const target = join(root, "target");
    const r = await cli(["--data", target, "import", "--collector", "restorer", file]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^imported /);
    expect(r.out).toMatch(/^audit trail verified: OK \(\d+ events\)$/m);
    expect((await cli(["--data", target, "audit", "verify"])).code).toBe(0);
    expect((await cli(["--data", target, "search", "Zahedan"])).out).toContain("b.bin");
    const log = await cli(["--data", target, "audit", "log", "--format", "jsonl"]);
    expect(JSON.parse(log.out.split("\n").at(-1) as string)).toMatchObject({ action: "store.import", actor: "restorer", objectType: "store" });
    const again = await cli(["--data", target, "import", file]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(new RegExp(`^tally: import ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: the store is not empty \\(4 documents, .*\\); import restores into an empty store only$`));
  });

  it("names the file and the problem when a bundle is damaged or missing", async () => {
    const cut = join(root, "cut.tally.gz");
    const bytes = await readFile(file);
    await writeFile(cut, bytes.subarray(0, bytes.length - 100));
    const r = await cli(["--data", join(root, "t2"), "import", cut]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`tally: import ${cut}: bundle is truncated`);
    const missing = await cli(["--data", join(root, "t3"), "import", join(root, "nope.gz")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`tally: import ${join(root, "nope.gz")}: no such file or directory`);
  });

  it("writes a public bundle with --public", async () => {
    const pub = join(root, "public.tally.gz");
    const r = await cli(["--data", source, "export", "--all", "--public", pub]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^exported .* \(public: no restricted material, users, tokens or audit trail\)$/m);
    expect(r.out).toMatch(/^ {2}documents +3$/m);
    expect(r.out).not.toMatch(/^ {2}(users|api_tokens|audit_events)/m);
    const target = join(root, "public-target");
    expect((await cli(["--data", target, "import", pub])).code).toBe(0);
    expect((await cli(["--data", target, "audit", "verify"])).code).toBe(0);
  });
});
