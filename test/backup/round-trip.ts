// Checks that a store restored from a bundle equals its original, table by table.
import { expect } from "vitest";
import type { Store } from "../../src/store/store.js";
import { INVALID_UTF8, makeClaim, makeDoc } from "../store/fixtures.js";
import { ALL_TABLES } from "./backup-fixture.js";
import type { TableName } from "./backup-fixture.js";

type Dump = Record<TableName, Array<Record<string, unknown>>>;

const bySeq = (rows: Array<Record<string, unknown>>) => [...rows].sort((a, b) => Number(a.seq) - Number(b.seq));

/** The copy holds every row of the original (no sessions) and its trail plus one "store.import" event by `actor`. */
export function expectCopy(original: Dump, copy: Dump, actor: string): void {
  for (const t of ALL_TABLES) {
    if (t === "sessions" || t === "audit_events" || t === "audit_head") continue;
    if (t === "claim_tallies" || t === "claim_source_tallies" || t === "claim_victim_tallies") {
      // Not in the bundle: rebuilt by the triggers as the claims are imported (empty tallies, left by reviews, are not).
      // (Keys are spelt differently by SQLite and PostgreSQL: the columns they stand for are compared.)
      const counted = (rows: Array<Record<string, unknown>>) =>
        rows
          .filter((r) => Number(r.n) > 0)
          .map(({ key: _key, ...r }) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)]))))
          .sort();
      expect(counted(copy[t]), t).toEqual(counted(original[t]));
      expect(counted(copy[t]).length, t).toBeGreaterThan(0);
      continue;
    }
    expect(copy[t], t).toEqual(original[t]);
    if (t !== "claim_victims" && t !== "source_keys") expect(copy[t].length, t).toBeGreaterThan(0);
  }
  expect(copy.sessions).toEqual([]);
  const events = bySeq(copy.audit_events);
  expect(events.slice(0, -1)).toEqual(bySeq(original.audit_events));
  const last = events.at(-1) as Record<string, unknown>;
  expect(last).toMatchObject({ seq: original.audit_events.length + 1, action: "store.import", object_type: "store", actor, prev_hash: original.audit_head[0]?.hash });
  expect(copy.audit_head).toEqual([{ id: 1, seq: last.seq, hash: last.hash }]);
}

/** What a restored store must still do: verify, search, give back the exact bytes, take new rows. */
export async function expectWorkingCopy(store: Store): Promise<void> {
  const report = await store.verifyAudit();
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  expect((await store.search("hanged", { limit: 10 })).hits.map((h) => h.name)).toEqual(expect.arrayContaining(["a.txt", "later.txt"]));
  expect((await store.search("zahedan", { limit: 10 })).hits.map((h) => h.name)).toEqual(["b.bin"]);
  const b = (await store.listDocuments({ limit: 10, offset: 0 })).find((d) => d.name === "b.bin");
  expect(Buffer.from((await store.getDocumentBytes(b?.id ?? 0)) ?? [])).toEqual(Buffer.from(INVALID_UTF8));
  // Ids continue after the restored ones (PostgreSQL's sequences were moved).
  const before = await store.listUsers();
  const user = await store.createUser({ name: "after-import", role: "viewer", passwordHash: "scrypt$x" });
  expect(user.id).toBe(Math.max(...before.map((u) => u.id)) + 1);
  expect((await store.upsertSource({ name: "Newcomer", kind: "ngo", aliases: [] })).id).toBe(3);
  const { id } = await store.putDocument(makeDoc("Written after the import: 3 arrests.", { name: "new.txt" }), [makeClaim({ count: 3 })]);
  expect(id).toBe(5);
  expect((await store.verifyAudit()).ok).toBe(true);
}
