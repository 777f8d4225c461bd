// Shared pieces of the backup tests: a store with varied state, raw dumps of every table, and
// bundles held in memory (to cut short or alter).
import { createHash } from "node:crypto";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { canonicalJson } from "../../src/store/audit-chain.js";
import { SQLITE_FILE } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { INVALID_UTF8, makeClaim, makeDoc } from "../store/fixtures.js";

/** Every table of the schema (sessions included: they must not travel). */
export const ALL_TABLES = ["documents", "sources", "source_keys", "claims", "claim_victims", "document_relations", "victim_lists", "victim_rows", "victim_mentions", "victim_persons", "victim_pairs", "victim_decisions", "users", "sessions", "api_tokens", "audit_events", "audit_head", "claim_tallies", "claim_source_tallies", "claim_victim_tallies"] as const;
export type TableName = (typeof ALL_TABLES)[number];

const TEXT_A = "Officials said 14 prisoners were hanged in March. Rights groups counted 9 more in April.";
const TEXT_B = "Alpha Watch reported 31 executions in Zahedan in 2023, of them 4 women.";
const TEXT_C = "A witness saw 6 bodies taken from the prison yard.";

/** Fills a store with documents (one with invalid UTF-8 bytes), reviewed claims, sources, relations, users and tokens. */
export async function fillStore(store: Store): Promise<{ docs: number[]; claims: number[] }> {
  const s = store.withActor("analyst-ana");
  const a = (await s.putDocument(makeDoc(TEXT_A, { name: "a.txt", published: "2024-05-02", title: "March hangings" }), [
    makeClaim({ count: 14, quote: TEXT_A.slice(0, 49), span: [0, 49], countSpan: [15, 17], victims: ["prisoners"], source: "Officials" }),
    makeClaim({ count: 9, quote: TEXT_A.slice(50), span: [50, TEXT_A.length], countSpan: [72, 73], source: "Rights groups" }),
  ])).id;
  const b = (await s.putDocument(makeDoc(TEXT_B, { name: "b.bin", bytes: INVALID_UTF8, mediaType: "application/octet-stream", published: "2024-06-01", headers: JSON.stringify({ "content-type": "x" }) }), [
    makeClaim({ count: 31, quote: TEXT_B, span: [0, TEXT_B.length], countSpan: [21, 23], place: "Zahedan", period: { start: "2023-01-01", end: "2023-12-31" }, source: "Alpha Watch" }),
  ])).id;
  const c = (await s.putDocument(makeDoc(TEXT_C, { name: "witness.txt", published: "2024-06-03" }), [
    makeClaim({ count: 6, quote: TEXT_C, span: [0, TEXT_C.length], countSpan: [14, 15], source: "a witness" }),
  ])).id;
  const later = (await s.putDocument(makeDoc("Officials said 16 prisoners were hanged in March.", { name: "later.txt", published: "2024-06-10" }), [
    makeClaim({ count: 16, quote: "Officials said 16 prisoners were hanged in March.", span: [0, 49], countSpan: [15, 17], victims: ["prisoners"], source: "Officials" }),
  ])).id;
  await s.upsertSource({ name: "Alpha Watch", kind: "ngo", aliases: ["AW", "Alpha"] });
  const witness = await s.upsertSource({ name: "Witness W", kind: "individual", aliases: ["a witness"] });
  const ids = (await s.queryClaims({ status: ["proposed", "accepted", "corrected", "rejected", "added"] }, { limit: 100, offset: 0, sort: "id" })).map((x) => x.id);
  const [c1, c2, c3, , c5] = ids as [number, number, number, number, number];
  await s.reviewClaim(c1, { action: "correct", fields: { count: 15, place: "Iran" }, reason: "press release gives 15" });
  await s.reviewClaim(c2, { action: "reject", reason: "counted twice" });
  await s.reviewClaim(c3, { action: "accept" });
  const added = await s.addClaim(a, { span: [50, TEXT_A.length], event: "execution", count: 9, qualifier: "at_least", period: { start: "2024-04-01", end: "2024-04-30" }, place: "Iran", victims: [], source: "Rights groups", reason: "missed" });
  await s.supersedeClaim(c1, c5);
  await s.setFactOverride([c3], { kind: "split", tag: "split-1" });
  await s.setRestricted({ type: "claim", id: c2 }, true);
  await s.setRestricted({ type: "document", id: c }, true);
  await s.setRestricted({ type: "source", id: witness.id }, true);
  await s.addRelation(a, later, "near_duplicate", 0.9140625);
  await s.addRelation(b, a, "syndicated", 0.5);
  await s.setSimhash(b, "0123456789abcdef");
  // Named victims: a list, a mention, the registry, a pair for review, a decision.
  const v = s.victimStore();
  const none = { sex: null, place: null, date: null, event: null, occupation: null, ethnicity: null };
  await v.createList({ name: "Alpha list", source: "Alpha Watch", network: "alpha", dependsOn: [], documentId: null, mapping: { who: "name" }, restricted: false, rows: [
    { ...none, line: 2, name: "Kamran Salehi", age: 34, place: "Zahedan", extra: { note: "a porter" } },
    { ...none, line: 3, name: "Nasrin Jafari", age: null, sex: "female", extra: null },
  ] });
  await v.replaceMentions(b, [{ ...none, name: "کامران صالحی", age: 35, claimId: null, span: [0, 5], sentence: [0, TEXT_B.length], source: "Alpha Watch" }]);
  const keys = (await v.records()).map((r) => r.key);
  await v.writeLinkage({ clusters: [[keys[0] as string, keys[2] as string], [keys[1] as string]], review: [{ a: keys[1] as string, b: keys[2] as string, score: 2.5, class: "uncertain", reasons: [{ field: "name", points: 1, note: "close" }] }] });
  await v.decide(keys[0] as string, keys[1] as string, false, "two people");
  const admin = await s.createUser({ name: "admin", role: "admin", passwordHash: "scrypt$16384$8$1$salt$hash-a" });
  const viewer = await s.createUser({ name: "viewer.v", role: "viewer", passwordHash: "scrypt$16384$8$1$salt$hash-v" });
  await s.updateUser(viewer.id, { disabled: true });
  const token = await s.createApiToken({ userId: admin.id, name: "nightly", tokenHash: "t-hash-1" });
  await s.createApiToken({ userId: admin.id, name: "other", tokenHash: "t-hash-2" });
  await s.revokeApiToken(token.id);
  await s.createSession({ idHash: "session-1", userId: admin.id, csrf: "csrf", createdAt: "2024-01-01T00:00:00Z", expiresAt: "2099-01-01T00:00:00Z" });
  return { docs: [a, b, c, later], claims: [...ids, added.id] };
}

/** Reads whole tables behind a store's back. */
export interface RawTables {
  rows(table: TableName): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

export function sqliteTables(dir: string): RawTables {
  const db = new BetterSqlite3(join(dir, SQLITE_FILE), { readonly: true });
  return {
    rows: async (table) => normalize(db.prepare(`select * from ${table}`).all() as Array<Record<string, unknown>>),
    close: async () => {
      db.close();
    },
  };
}

export async function postgresTables(url: string, schema: string): Promise<RawTables> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  return {
    rows: async (table) => normalize((await client.query(`select * from ${table}`)).rows as Array<Record<string, unknown>>),
    close: () => client.end(),
  };
}

/** Rows in a dialect-neutral form (bytes as hex, no generated search column), sorted. */
function normalize(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const out = rows.map((r) => {
    const n: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if (k === "search_vector") continue;
      n[k] = Buffer.isBuffer(v) ? `hex:${v.toString("hex")}` : typeof v === "bigint" ? Number(v) : v;
    }
    return n;
  });
  return out.sort((x, y) => (canonicalJson(x) < canonicalJson(y) ? -1 : 1));
}

/** Every table of a store, for comparing copies. */
export async function dumpAll(raw: RawTables): Promise<Record<TableName, Array<Record<string, unknown>>>> {
  const dump = {} as Record<TableName, Array<Record<string, unknown>>>;
  for (const t of ALL_TABLES) dump[t] = await raw.rows(t);
  return dump;
}

/** Exports a store's bundle into memory. */
export async function exportToBuffer(store: Store, opts: { public?: boolean } = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await store.exportBundle(sink, opts);
  return Buffer.concat(chunks);
}

export function bundleStream(bundle: Buffer): Readable {
  return Readable.from([bundle]);
}

/** The bundle's lines (without the trailing newline). */
export function bundleLines(bundle: Buffer): string[] {
  return gunzipSync(bundle).toString("utf8").replace(/\n$/, "").split("\n");
}

/** Re-compresses lines; with `reseal`, the end line's checksum is recomputed (a well-formed but different bundle). */
export function makeBundle(lines: string[], reseal = false): Buffer {
  const body = lines.slice(0, -1).map((l) => `${l}\n`).join("");
  let last = lines[lines.length - 1] as string;
  if (reseal) last = JSON.stringify({ end: true, rows: lines.length - 2, sha256: createHash("sha256").update(body).digest("hex") });
  return gzipSync(`${body}${last}\n`);
}

/** A document's bytes as stored. */
export function bytesOf(dump: Record<TableName, Array<Record<string, unknown>>>, name: string): string | undefined {
  return dump.documents.find((d) => d.name === name)?.bytes as string | undefined;
}
