// The named-victims store and use cases on SQLite, and on PostgreSQL when DATABASE_URL is set:
// an import keeps its good rows and reports the bad ones by line; linkage makes people of
// transliteration variants and keeps namesakes apart; a decision splits a wrong merge and undoing
// it restores the merge; the trail records it all and `audit verify` stays clean; restricted lists
// are hidden from a public reader.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, PUBLIC_ACCESS, type Store } from "../../src/store/index.js";
import { extractVictimMentions, getVictimPerson, listsAgainstCounts } from "../../src/services/victims-registry.js";
import * as uc from "../../src/services/use-cases/victims.js";
import { perform, type Caller } from "../../src/services/use-cases/use-case.js";
import type { DecideInput, ImportListInput, LinkInput, OverlapInput, PageInput } from "../../src/services/victims-schemas.js";
import { Forbidden } from "../../src/shared/errors.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { makeClaim, makeDoc } from "../store/fixtures.js";

const enc = (s: string) => new TextEncoder().encode(s);

// The use cases check the input (one validation, there): these perform them as the operator, or a viewer.
const OPERATOR: Caller = { name: "operator", role: "admin" };
const READER: Caller = { name: "reader", role: "viewer" };
const on = (store: Store, caller: Caller = OPERATOR) => ({ store, caller, dataDir: "" });
const importVictimList = (store: Store, input: ImportListInput) => perform(uc.importVictims, on(store), input);
const linkVictims = (store: Store, input: LinkInput = {}) => perform(uc.linkVictimRecords, on(store), input);
const decideVictimPair = (store: Store, input: DecideInput) => perform(uc.decideVictims, on(store), input);
const victimOverlap = (store: Store, input: OverlapInput) => perform(uc.victimsOverlap, on(store), input);
const listVictimPersons = (store: Store, page: PageInput = {}, caller: Caller = OPERATOR) => perform(uc.listVictims, on(store, caller), page);

// Invented lists of people executed in one month.
const LIST_A = [
  "full_name,age_years,gender,city,date,notes",
  "Mohammad Rezaei,34,m,Tehran,2024-03-10,",
  "Ali Karimi,41,m,Tabriz,2024-03-02,",
  "Nasrin Jafari,abc,f,Shiraz,2024-03-05,",
  "\"Kazemi, Saeed\",29,m,Karaj,2024-03-07,\"said to be a labourer\"",
  ",30,m,Qom,2024-03-09,",
  "Hamid Soltani,38,m,Isfahan,2024-13-01,",
].join("\n");
const LIST_B = ["name,age,sex,place,date", "محمد رضایی,35,مرد,تهران,2024-03-10", "Ali Karimi,63,m,Zahedan,2024-03-20", "Saeed Kazemi,29,m,Karaj,2024-03-07"].join("\n");

function run(label: string, open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>) {
  describe(`named victims: ${label}`, () => {
    let ctx: { store: Store; cleanup: () => Promise<void> };
    afterAll(async () => ctx && (await ctx.cleanup()));

    it("imports the good rows, reports the bad ones by line and field, and keeps the original file", async () => {
      ctx = await open();
      const { store } = ctx;
      const a = await importVictimList(store, { fileName: "list-a.csv", bytes: enc(LIST_A), source: "Monitor A", map: { full_name: "name", age_years: "age", gender: "sex", city: "place" } });
      expect(a.imported).toBe(3);
      expect(a.rejected).toEqual([
        { line: 4, field: "age_years", message: expect.stringMatching(/not an age/) },
        { line: 6, field: "full_name", message: expect.stringMatching(/needs a name/) },
        { line: 7, field: "date", message: expect.stringMatching(/not a date/) },
      ]);
      expect(new TextDecoder().decode((await store.getDocumentBytes(a.documentId)) ?? new Uint8Array())).toBe(LIST_A);
      const b = await importVictimList(store, { fileName: "list-b.csv", bytes: enc(LIST_B), source: "Monitor B" });
      expect(b.imported).toBe(3);
      await expect(importVictimList(store, { fileName: "list-b.csv", bytes: enc(LIST_B), source: "Monitor B" })).rejects.toThrow(/exists already/);
      await expect(importVictimList(store, { fileName: "x.csv", bytes: enc("who,when\nA,B"), source: "C" })).rejects.toThrow(/no column gives the name/);
    });

    it("links transliteration variants into one person and keeps the namesake apart", async () => {
      const { store } = ctx;
      const r = await linkVictims(store);
      expect(r.records).toBe(6);
      const { persons, total } = await listVictimPersons(store);
      expect(total).toBe(4);
      const rezaei = persons.find((p) => p.names.includes("محمد رضایی"));
      expect(rezaei?.names.sort()).toEqual(["Mohammad Rezaei", "محمد رضایی"]);
      expect(rezaei?.sources).toEqual(["Monitor A (list-a.csv)", "Monitor B (list-b.csv)"]);
      expect(persons.filter((p) => p.name === "Ali Karimi")).toHaveLength(2);
      expect(persons.find((p) => p.names.includes("Kazemi, Saeed"))?.records).toBe(2);
      // A second run changes nothing.
      const again = await linkVictims(store);
      expect([again.created, again.merges.length, again.splits.length]).toEqual([0, 0, 0]);
    });

    it("a decision splits a wrong merge, undoing it restores the merge, and the trail records both", async () => {
      const { store } = ctx;
      const kazemi = (await listVictimPersons(store)).persons.find((p) => p.names.includes("Kazemi, Saeed"));
      const person = await getVictimPerson(store, kazemi?.id ?? -1);
      const [x, y] = person.recordList.map((r) => r.key) as [string, string];
      const d = await decideVictimPair(store, { a: x, b: y, same: false, reason: "different fathers' names" });
      const split = await linkVictims(store);
      expect(split.splits).toEqual([{ from: person.id, into: [person.id, expect.any(Number)] }]);
      await store.victimStore().undoDecision(d.id);
      const merged = await linkVictims(store);
      expect(merged.merges).toHaveLength(1);
      const actions = (await store.listAuditEvents({ objectType: "victim_registry" })).map((e) => e.action);
      expect(actions.filter((a) => a === "victims.link").length).toBeGreaterThanOrEqual(4);
      expect((await store.listAuditEvents({ objectType: "victim_decision" })).map((e) => e.action)).toEqual(["victims.decision", "victims.decision.undo"]);
      const report = await store.verifyAudit();
      expect(report.problems).toEqual([]);
    });

    it("reads names out of a document, links them to its count claim, and flags a short list", async () => {
      const { store } = ctx;
      const text = "Three prisoners were hanged in Tehran on 10 March 2024. The executed were Mohammad Rezaei, 34, and Bahram Nikpour, 50.";
      const claim = makeClaim({ count: 3, quote: text.slice(0, 55), span: [0, 55], period: { start: "2024-03-10", end: "2024-03-10" }, place: "Tehran", source: "Monitor C" });
      const { id } = await store.putDocument(makeDoc(text, { name: "c.txt", publisher: "Monitor C" }), [claim]);
      expect(await extractVictimMentions(store, [id])).toEqual({ documents: 1, mentions: 2 });
      await linkVictims(store);
      const rezaei = (await listVictimPersons(store)).persons.find((p) => p.names.includes("محمد رضایی"));
      expect(rezaei?.sources).toContain("Monitor C");
      const flags = await listsAgainstCounts(store);
      expect(flags).toEqual([expect.objectContaining({ count: 3, named: 2, flag: "shorter", names: ["Mohammad Rezaei", "Bahram Nikpour"] })]);
      expect((await store.verifyAudit()).problems).toEqual([]);
    });

    it("lays out the overlap per source and refuses to estimate from lists this small", async () => {
      const { store } = ctx;
      const o = await victimOverlap(store, { from: "2024-03", to: "2024-03", listsOnly: true });
      expect(o.sources).toEqual(["Monitor A (list-a.csv)", "Monitor B (list-b.csv)"]);
      expect(o.histories).toEqual({ "11": 2, "10": 1, "01": 1 });
      expect(o.estimate.ok).toBe(false);
      if (!o.estimate.ok) expect(o.estimate.reason).toMatch(/too small/);
    });

    it("answers through the use cases what their entity schemas describe, and refuses a viewer any change", async () => {
      const as = (caller: Caller) => ({ store: ctx.store, caller, dataDir: "" });
      const viewer = as({ name: "vera", role: "viewer" });
      const persons = await perform(uc.listVictims, viewer, {});
      expect(uc.listVictims.output.parse(persons).total).toBeGreaterThan(0);
      const first = persons.persons[0];
      expect(uc.showVictim.output.parse(await perform(uc.showVictim, viewer, { id: first?.id ?? 0 })).recordList.length).toBe(first?.records);
      const { lists } = uc.listVictimLists.output.parse(await perform(uc.listVictimLists, viewer, {}));
      expect(uc.showVictimList.output.parse(await perform(uc.showVictimList, viewer, { id: lists[0]?.id ?? 0 })).records.length).toBe(lists[0]?.rows);
      expect(uc.victimCounts.output.parse(await perform(uc.victimCounts, viewer, {})).claims).toHaveLength(1);
      expect(uc.victimsOverlap.output.parse(await perform(uc.victimsOverlap, viewer, { listsOnly: true })).sources).toHaveLength(2);
      expect(uc.victimReviewPairs.output.safeParse(await perform(uc.victimReviewPairs, as({ name: "anwar", role: "analyst" }), {})).success).toBe(true);
      await expect(perform(uc.linkVictimRecords, viewer, {})).rejects.toBeInstanceOf(Forbidden);
      await expect(perform(uc.restrictVictims, viewer, { type: "list", id: lists[0]?.id ?? 0, restricted: true })).rejects.toBeInstanceOf(Forbidden);
    });

    it("hides a restricted list's names from a public reader", async () => {
      const { store } = ctx;
      const pub = store.withAccess(PUBLIC_ACCESS);
      const everyone = (await listVictimPersons(store)).total;
      expect((await listVictimPersons(pub, {}, READER)).total).toBe(everyone);
      const list = await store.victimStore().getList("Monitor B (list-b.csv)");
      await store.victimStore().setRestricted({ type: "list", id: list?.id ?? -1 }, true);
      const names = (await listVictimPersons(pub, {}, READER)).persons.flatMap((p) => p.names);
      // The Ali Karimi of Zahedan is named on list B only: a viewer neither sees nor counts him.
      const seen = await listVictimPersons(pub, {}, READER);
      expect(seen.persons.filter((p) => p.name === "Ali Karimi")).toHaveLength(1);
      expect(seen.total).toBe(everyone - 1);
      expect(seen.total).toBe(seen.persons.length);
      // A page of a viewer's people is full when there are enough of them.
      expect((await listVictimPersons(pub, { limit: 2, offset: 0 }, READER)).persons).toHaveLength(2);
      expect((await listVictimPersons(store)).total).toBe(everyone);
      expect(names).not.toContain("محمد رضایی");
      expect(names).toContain("Mohammad Rezaei");
      expect(await pub.victimStore().getList("Monitor B (list-b.csv)")).toBeNull();
      // Names a restricted claim's text gives are restricted with it.
      expect(names).toContain("Bahram Nikpour");
      const [flagged] = await listsAgainstCounts(store);
      await store.setRestricted({ type: "claim", id: flagged?.claimId ?? -1 }, true);
      expect((await listVictimPersons(pub, {}, READER)).persons.flatMap((p) => p.names)).not.toContain("Bahram Nikpour");
      expect((await listVictimPersons(pub, {}, READER)).total).toBe(everyone - 2);
      expect((await listVictimPersons(store)).persons.flatMap((p) => p.names)).toContain("Bahram Nikpour");
      expect((await store.verifyAudit()).problems).toEqual([]);
    });

    it("removes a list (audited, its file kept) and the next link drops its people", async () => {
      const { store } = ctx;
      const list = await store.victimStore().getList("Monitor A (list-a.csv)");
      expect(await store.victimStore().deleteList(list?.id ?? -1)).toBe(3);
      expect((await store.verifyAudit()).problems).toEqual([]);
      const r = await linkVictims(store);
      expect(r.records).toBe(5);
      expect((await listVictimPersons(store)).persons.flatMap((p) => p.sources)).not.toContain("Monitor A (list-a.csv)");
      expect(await store.getDocument(list?.documentId ?? -1)).not.toBeNull();
      await expect(store.victimStore().deleteList(list?.id ?? -1)).rejects.toThrow(/no victim list/);
      expect((await store.verifyAudit()).problems).toEqual([]);
    });
  });
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
run("sqlite", async () => {
  const dir = await mkdtemp(join(tmpdir(), "tally-victims-"));
  dirs.push(dir);
  const store = await openStore({ dataDir: dir });
  return { store, cleanup: () => store.close() };
});
const url = process.env["DATABASE_URL"];
if (url) {
  run("postgres", async () => {
    const schema = freshSchema("tally_victims");
    const store = await openStore({ url, schema });
    return { store, cleanup: async () => { await store.close(); await dropSchema(url, schema); } };
  });
}
