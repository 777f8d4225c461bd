// Every table of either store is covered (issue 22, item 1): a direct edit of any table — accounts,
// tokens, sessions, sources, relations, the derived tallies and victim rows, the full-text index,
// the migrations, the trail itself — makes `audit verify` fail, naming the table and the row. The
// tables are read from the database's catalogue, so a new table without an edit here fails too.
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { SQLITE_FOLD_FUNCTION, sqliteFold } from "../../src/store/search-fold.js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthService } from "../../src/services/auth.js";
import seedRegistry from "../../src/core/data/sources.json" with { type: "json" };
import { SourceRegistry, type RegistryData } from "../../src/core/sources.js";
import { syncFacts } from "../../src/services/fact-sync.js";
import { importVictims, linkVictimRecords } from "../../src/services/use-cases/victims.js";
import { perform } from "../../src/services/use-cases/use-case.js";
import { extractVictimMentions } from "../../src/services/victims-registry.js";
import { openStore, SQLITE_FILE, type Store } from "../../src/store/index.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { makeClaim, makeDoc } from "../store/fixtures.js";

/** A direct edit of each table, and what the verification must then say. */
const EDITS: Record<string, { sql: string[]; names: RegExp }> = {
  documents: { sql: ["update documents set title = 'Forged title' where id = (select min(id) from documents)"], names: /^document \d+: metadata or text differ/ },
  claims: { sql: ["update claims set count = count + 1 where id = (select min(id) from claims)"], names: /^document \d+: claims do not match/ },
  claim_victims: { sql: ["delete from claim_victims where claim_id = (select min(claim_id) from claim_victims)"], names: /^claim_victims row \(claim \d+, \w+\): missing/ },
  claim_tallies: { sql: ["update claim_tallies set n = n + 5 where key = (select min(key) from claim_tallies)"], names: /^claim_tallies row .*: counts \d+, the claims give \d+/ },
  claim_source_tallies: { sql: ["update claim_source_tallies set n = n + 5 where key = (select min(key) from claim_source_tallies)"], names: /^claim_source_tallies row / },
  claim_victim_tallies: { sql: ["delete from claim_victim_tallies where key = (select min(key) from claim_victim_tallies)"], names: /^claim_victim_tallies row .*: missing/ },
  claim_facet_tallies: { sql: ["update claim_facet_tallies set n = n + 2 where key = (select min(key) from claim_facet_tallies)"], names: /^claim_facet_tallies row .*: counts \d+, the claims give \d+/ },
  claim_source_facet_tallies: { sql: ["delete from claim_source_facet_tallies where key = (select min(key) from claim_source_facet_tallies)"], names: /^claim_source_facet_tallies row .*: missing/ },
  claim_victim_facet_tallies: { sql: ["update claim_victim_facet_tallies set n = n + 1 where key = (select min(key) from claim_victim_facet_tallies)"], names: /^claim_victim_facet_tallies row / },
  claim_victim_pair_tallies: { sql: ["update claim_victim_pair_tallies set n = n + 1 where key = (select min(key) from claim_victim_pair_tallies)"], names: /^claim_victim_pair_tallies row .*: counts \d+, the claims give \d+/ },
  claim_victim_source_tallies: { sql: ["delete from claim_victim_source_tallies where key = (select min(key) from claim_victim_source_tallies)"], names: /^claim_victim_source_tallies row .*: missing/ },
  claim_month_tallies: { sql: ["update claim_month_tallies set n = n + 3 where key = (select min(key) from claim_month_tallies)"], names: /^claim_month_tallies row .*: counts \d+, the claims give \d+/ },
  claim_source_month_tallies: { sql: ["delete from claim_source_month_tallies where key = (select max(key) from claim_source_month_tallies where n > 0)"], names: /^claim_source_month_tallies row .*: missing/ },
  claim_victim_month_tallies: { sql: ["update claim_victim_month_tallies set n = n + 1 where key = (select max(key) from claim_victim_month_tallies where n > 0)"], names: /^claim_victim_month_tallies row .*: counts \d+, the claims give \d+/ },
  sources: { sql: ["update sources set name = 'Forged Watch' where id = (select min(id) from sources)"], names: /^sources row \d+ .*differs from what event \d+ recorded/ },
  source_keys: { sql: ["insert into source_keys (key, source_id) values ('forged alias', (select min(id) from sources))"], names: /^sources row \d+ \(or its source_keys\): differs/ },
  document_relations: { sql: ["update document_relations set similarity = 0.25"], names: /^document_relations row \d+-\d+-\w+: differs/ },
  tally_migrations: { sql: ["update tally_migrations set name = 'forged' where version = 1"], names: /^tally_migrations row 1: named "forged"/ },
  users: { sql: ["update users set role = 'admin' where name = 'vic'"], names: /^users row \d+ \(vic\): differs from what event \d+ recorded/ },
  sessions: { sql: ["insert into sessions (id_hash, user_id, csrf, created_at, expires_at) values ('forged-session-hash', (select min(id) from users), 'x', '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z')"], names: /^sessions row forged-sessi… \(user \d+\): no audit event records it/ },
  api_tokens: { sql: ["insert into api_tokens (user_id, name, token_hash, created_at) values ((select min(id) from users), 'forged', 'ab12', '2026-01-01T00:00:00Z')"], names: /^api_tokens row \d+ \(forged\): no audit event records it/ },
  audit_events: { sql: ["update audit_events set actor = 'mallory' where seq = 2"], names: /^event 2: hash does not match its content/ },
  audit_head: { sql: ["update audit_head set seq = seq + 1"], names: /^the chain head names event \d+ but the last event is/ },
  // SQLite's full-text index and its shadow tables.
  documents_fts: { sql: ["insert into documents_fts (rowid, title, text) values (999999, 'forged', 'forged words nobody wrote')"], names: /^documents_fts \(the full-text index\)/ },
  documents_fts_data: { sql: ["delete from documents_fts_data where id = (select max(id) from documents_fts_data)"], names: /^documents_fts \(the full-text index\)/ },
  documents_fts_idx: { sql: ["insert into documents_fts_idx (segid, term, pgno) select segid, x'7a7a7a', pgno + 1 from documents_fts_idx limit 1"], names: /^documents_fts \(the full-text index\)/ },
  documents_fts_docsize: { sql: ["update documents_fts_docsize set sz = x'0102' where id = (select min(id) from documents_fts_docsize)"], names: /^documents_fts \(the full-text index\)/ },
  // The stored facts (derived from the claims, like the tallies).
  fact_rows: { sql: ["update fact_rows set data = replace(data, '\"best\":12', '\"best\":120')"], names: /^fact_rows row full\/fact_\w+: its low \/ best \/ high are not those of its voices/ },
  fact_claims: { sql: ["update fact_claims set data = replace(data, '\"count\":12', '\"count\":120')"], names: /^fact_claims row \w+\/\d+: differs from claim \d+/ },
  fact_conflicts: { sql: ["insert into fact_conflicts (audience, id, kind, owner, data) values ('full', 'con_0000000000000000', 'incompatible_figures', 'fact_x', '{\"id\":\"con_0000000000000000\",\"kind\":\"incompatible_figures\",\"claims\":[],\"facts\":[\"fact_x\"]}')"], names: /^fact_conflicts row full\/con_0+: its id, kind or claims differ/ },
  fact_conflict_facts: { sql: ["insert into fact_conflict_facts (audience, conflict_id, fact_id) values ('full', 'con_forged', 'fact_x')"], names: /^fact_conflict_facts rows of full\/con_forged: name a contradiction that is not stored/ },
  fact_state: { sql: ["update fact_state set synced_seq = synced_seq + 1000"], names: /^fact_state row \w+: follows audit event \d+, past the trail's head/ },
  fact_drops: { sql: ["insert into fact_drops (audience, kind, id, changed) select audience, 'fact', id, changed from fact_rows where audience = 'full' limit 1"], names: /^fact_drops row full\/fact\/fact_\w+: removes a fact that is stored/ },
  // Named victims: lists with their rows, mentions, the registry and review.
  victim_lists: { sql: ["update victim_lists set source = 'Forged Monitor' where id = (select min(id) from victim_lists)"], names: /^victim_lists row \d+ \(or its victim_rows\): differs from what event \d+ recorded/ },
  victim_rows: { sql: ["update victim_rows set age = 77 where id = (select min(id) from victim_rows)"], names: /^victim_lists row \d+ \(or its victim_rows\): differs/ },
  victim_mentions: { sql: ["update victim_mentions set name = 'Forged Name' where id = (select min(id) from victim_mentions)"], names: /^victim_mentions of document \d+: differs/ },
  victim_persons: { sql: ["update victim_persons set restricted = 1 where id = (select min(id) from victim_persons)"], names: /^victim_persons, victim_pairs or the people of victim_rows and victim_mentions: differs/ },
  victim_pairs: { sql: ["update victim_pairs set score = 99"], names: /^victim_persons, victim_pairs or the people of victim_rows and victim_mentions: differs/ },
  victim_decisions: { sql: ["update victim_decisions set same = 1 - same"], names: /^victim_decisions row \d+: differs/ },
  documents_fts_config: { sql: ["insert or replace into documents_fts_config (k, v) values ('version', 99)"], names: /^documents_fts \(the full-text index\)/ },
};

/** A store with something in every table: documents, claims with victims, a source, a relation, users, a session, a token. */
async function fill(store: Store): Promise<void> {
  const a = await store.putDocument(makeDoc("Guards said 12 women were executed in the northern jail in 2021.", { name: "a.txt", title: "North" }), [
    makeClaim({ count: 12, victims: ["women"], source: "Juniper Watch", place: "Iran" }),
  ]);
  const b = await store.putDocument(makeDoc("Guards said 12 women were executed in the northern jail in 2021 (copy).", { name: "b.txt", title: "North copy" }), [
    makeClaim({ count: 12, victims: ["women"], source: "Juniper Watch", place: "Iran" }),
  ]);
  await store.addRelation(a.id, b.id, "near_duplicate", 0.93);
  await store.upsertSource({ name: "Juniper Watch", kind: "organisation", aliases: ["JW"] });
  const auth = new AuthService(store);
  await auth.addUser("ada", "admin", "admin-password-one", "setup");
  const { user } = await auth.addUser("vic", "viewer", "viewer-password-one", "setup");
  await auth.login("vic", "viewer-password-one", "127.0.0.1");
  await auth.createToken(user.id, "script", "setup");
  // Named victims: two lists, a mention in a document, the registry, a pair for review and a decision.
  const enc = (t: string) => new TextEncoder().encode(t);
  await perform(importVictims, { store: store, caller: { name: "tests", role: "admin" }, dataDir: "" }, { fileName: "a.csv", bytes: enc("name,age,place\nKamran Salehi,34,Tehran\nDariush Moradi,27,Tabriz\nNasrin Jafari,45,Shiraz"), source: "Juniper Watch" });
  await perform(importVictims, { store: store, caller: { name: "tests", role: "admin" }, dataDir: "" }, { fileName: "b.csv", bytes: enc("name,age,place\nکامران صالحی,35,Tehran\nDariush Moradi,,Iran\nNasrin Jafari,45,Shiraz"), source: "Aspen Monitor" });
  const c = await store.putDocument(makeDoc("Two men were hanged in Tehran. The executed were Kamran Salehi, 34, and Omid Ranjbar, 30.", { name: "c.txt" }), []);
  await extractVictimMentions(store, [c.id]);
  await perform(linkVictimRecords, { store: store, caller: { name: "tests", role: "admin" }, dataDir: "" }, {});
  await store.victimStore().decide("row:3", "row:6", false, "two people");
  // The stored facts, as every command that changes the ledger leaves them.
  await syncFacts(store, new SourceRegistry(seedRegistry as RegistryData));
}

function check(table: string, problems: string[]): void {
  const edit = EDITS[table];
  expect(edit, `no edit for table ${table}: add one, and make audit verify cover it`).toBeDefined();
  expect(problems.length, `${table}: verify passed after a direct edit`).toBeGreaterThan(0);
  expect(problems.some((m) => edit?.names.test(m)), `${table}: ${JSON.stringify(problems)}`).toBe(true);
}

describe("every table of the embedded store", () => {
  let base: string;
  let tables: string[] = [];
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tally-every-"));
    const store = await openStore({ dataDir: join(base, "base") });
    await fill(store);
    expect((await store.verifyAudit()).ok).toBe(true);
    await store.close();
    const raw = new BetterSqlite3(join(base, "base", SQLITE_FILE));
    raw.pragma("wal_checkpoint(TRUNCATE)");
    tables = (raw.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((r) => r.name);
    raw.close();
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it("finds a direct edit of each table and names it", async () => {
    expect(tables).toContain("users");
    for (const table of tables) {
      const dir = join(base, table);
      await mkdir(dir);
      await copyFile(join(base, "base", SQLITE_FILE), join(dir, SQLITE_FILE));
      const raw = new BetterSqlite3(join(dir, SQLITE_FILE));
      // The full-text triggers index folded text through the function every connection of Tally's registers.
      raw.function(SQLITE_FOLD_FUNCTION, { deterministic: true }, sqliteFold);
      raw.unsafeMode(true); // as the sqlite3 shell would: shadow tables of the full-text index are writable
      raw.exec("drop trigger audit_events_no_update; drop trigger audit_events_no_delete");
      for (const statement of EDITS[table]?.sql ?? []) raw.exec(statement);
      raw.close();
      const store = await openStore({ dataDir: dir });
      try {
        check(table, (await store.verifyAudit()).problems.map((p) => p.message));
      } finally {
        await store.close();
      }
    }
  });
});

const url = process.env["DATABASE_URL"];
describe.skipIf(!url)("every table of the PostgreSQL store", () => {
  /** A filled store in a fresh schema, edited by `statements` outside Tally; its verification's messages. */
  async function editedStore(statements: string[]): Promise<{ tables: string[]; problems: string[] }> {
    const schema = freshSchema("tally_every");
    const store = await openStore({ url: url as string, schema });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await fill(store);
      const tables = (await client.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by table_name", [schema])).rows.map((r) => r.table_name);
      await client.query(`set search_path to ${schema}`);
      await client.query("drop trigger audit_events_append_only on audit_events");
      for (const statement of statements) await client.query(statement);
      return { tables, problems: (await store.verifyAudit()).problems.map((p) => p.message) };
    } finally {
      await client.end();
      await store.close();
      await dropSchema(url as string, schema);
    }
  }

  it("finds an edited full-text vector (a column of documents)", async () => {
    const { problems } = await editedStore(["update documents set search_vector = to_tsvector('simple', 'forged words') where id = (select min(id) from documents)"]);
    expect(problems).toEqual([expect.stringMatching(/^documents row \d+: its full-text vector \(search_vector\) differs/)]);
  });

  it("finds a direct edit of each table and names it", async () => {
    const { tables, problems } = await editedStore([]);
    expect(problems).toEqual([]);
    expect(tables).toContain("users");
    for (const table of tables) check(table, (await editedStore(EDITS[table]?.sql ?? [])).problems);
  }, 240_000);
});

describe("a resealed bundle with a forged account", () => {
  it("is restored, and verify names the forged row", async () => {
    const { bundleLines, bundleStream, exportToBuffer, makeBundle } = await import("../backup/backup-fixture.js");
    const dir = await mkdtemp(join(tmpdir(), "tally-forged-bundle-"));
    try {
      const source = await openStore({ dataDir: join(dir, "a") });
      await fill(source);
      const lines = bundleLines(await exportToBuffer(source));
      await source.close();
      // The viewer made an admin, and the bundle's checksum recomputed to match.
      const forged = lines.map((l) => (l.includes('"table":"users"') && l.includes('"name":"vic"') ? l.replace('"role":"viewer"', '"role":"admin"') : l));
      expect(forged).not.toEqual(lines);
      const target = await openStore({ dataDir: join(dir, "b") });
      try {
        await target.importBundle(bundleStream(makeBundle(forged, true)));
        const report = await target.verifyAudit();
        expect(report.ok).toBe(false);
        expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^users row \d+ \(vic\): differs from what event \d+ recorded/)]);
      } finally {
        await target.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
