// `tally audit log | head` (issue 22, item 5): a reader that closes the pipe early must not crash
// the command with EPIPE; its output stops, its work and its exit status stand.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { openStore } from "../../src/store/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-pipe-"));
  const docs = join(dir, "docs");
  await mkdir(docs);
  // Enough documents that the audit log is far larger than a pipe's buffer.
  for (let i = 0; i < 120; i++) {
    await writeFile(join(docs, `note-${i}.txt`), `Report ${i} from the Larchmont district.\n\nWitnesses said at least ${i + 3} prisoners were executed in Larchmont Prison in ${2000 + (i % 20)}.\n${"Background paragraph without figures. ".repeat(40)}\n`);
  }
  const store = await openStore({ dataDir: join(dir, "data") });
  await ingest([docs], store, { config: loadConfig({ data: join(dir, "data"), collector: "tests", workers: "0" }, {}) });
  await store.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs tally with stdout piped to a reader that closes after the first chunk. */
function runClosingEarly(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string; received: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "test", "cli", "cli-child.ts"), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let received = 0;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (stderr += d));
    child.stdout.once("data", (d: Buffer) => {
      received = d.length;
      child.stdout.destroy();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr, received }));
  });
}

describe("a closed pipe", () => {
  it.each([
    ["audit", "log", "--format", "jsonl"],
    ["audit", "verify"],
    ["claims", "--format", "jsonl"],
  ])("tally %s %s … ends quietly with its own exit status", async (...args: string[]) => {
    const r = await runClosingEarly(["--data", join(dir, "data"), ...args]);
    expect(r.received).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });
});
