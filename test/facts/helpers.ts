// Temporary stores, invented documents and an in-process CLI for the facts tests.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import type { Period } from "../../src/core/types.js";
import { openStore, type NewClaim, type Store } from "../../src/store/index.js";

const dirs: string[] = [];

/** A fresh temporary directory, removed by cleanup(). */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tally-facts-"));
  dirs.push(dir);
  return dir;
}

/** Removes every temporary directory made so far. */
export async function cleanup(): Promise<void> {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
}

/** A store in a fresh data directory. */
export async function tempStore(): Promise<{ store: Store; dataDir: string }> {
  const dataDir = await tempDir();
  return { store: await openStore({ dataDir }), dataDir };
}

/** A calendar year as a period. */
export function year(y: number): Period {
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** A calendar month as a period. */
export function month(y: number, m: number): Period {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${last}` };
}

/** A claim in a test document: a sentence (the quote) and its figure. */
export type TestClaim = Partial<NewClaim> & { quote: string; count: number };

/** Stores an invented document whose text is its claims' sentences; returns its id. */
export async function putDoc(
  store: Store,
  doc: { name: string; publisher?: string | null; published?: string | null },
  claims: TestClaim[],
): Promise<number> {
  const text = claims.map((c) => c.quote).join("\n");
  const bytes = new TextEncoder().encode(`${doc.name}\n${text}`);
  let offset = 0;
  const stored: NewClaim[] = claims.map((c) => {
    const span: [number, number] = [offset, offset + c.quote.length];
    offset += c.quote.length + 1;
    return {
      event: "execution",
      qualifier: "exact",
      period: null,
      place: "Iran",
      victims: [],
      source: null,
      span,
      ...c,
    };
  });
  const r = await store.putDocument(
    {
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes,
      mediaType: "text/plain",
      name: doc.name,
      url: null,
      path: null,
      publisher: doc.publisher ?? null,
      published: doc.published ?? null,
      capturedAt: "2024-01-01T00:00:00.000Z",
      collector: "test",
      language: "en",
      title: null,
      text,
      textMap: null,
      headers: null,
    },
    stored,
  );
  return r.id;
}

/** Runs the CLI in-process; returns the exit status and what it printed. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, exitCode: 0 };
  const code = await main(["node", "tally", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
