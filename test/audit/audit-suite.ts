// The audit trail's behaviour on one database: events for every change, the chain, and tampering
// caught by verification. Run by sqlite.test.ts and postgres.test.ts.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventHash } from "../../src/store/audit-chain.js";
import type { Store } from "../../src/store/store.js";
import { makeClaim, makeDoc } from "../store/fixtures.js";

/** Direct access to the database behind a store, to tamper with it as an intruder would. */
export interface RawAccess {
  /** Runs one SQL statement. */
  exec(statement: string): Promise<void>;
  /** Replaces a document's stored bytes. */
  setBytes(documentId: number, bytes: Buffer): Promise<void>;
  /** Removes the append-only guard (triggers) an intruder with database rights could drop. */
  dropGuard(): Promise<void>;
}

/** A fresh store, raw access to its database, and a way to throw both away. */
export type AuditFactory = () => Promise<{ store: Store; raw: RawAccess; cleanup: () => Promise<void> }>;

/** Defines the audit suite for one database. */
export function runAuditSuite(name: string, make: AuditFactory): void {
  describe(`audit trail: ${name}`, () => {
    let store: Store;
    let raw: RawAccess;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, raw, cleanup } = await make());
    });
    afterEach(async () => {
      await cleanup();
    });

    /** A small history: two documents with claims, a source, a relation, a simhash, a re-extraction. */
    async function history(): Promise<{ a: number; b: number }> {
      const { id: a } = await store.putDocument(makeDoc("Officials said 12 were executed, according to Alpha Watch.", { name: "a.txt" }), [
        makeClaim({ count: 12, source: "Alpha Watch" }),
      ]);
      const { id: b } = await store.putDocument(makeDoc("No figures here.", { name: "b.txt" }), [], { actor: "alice" });
      await store.withActor("bob").upsertSource({ name: "Alpha Watch", kind: "ngo", aliases: ["AW"] });
      await store.addRelation(b, a, "near_duplicate", 0.9);
      await store.setSimhash(a, "00ff00ff00ff00ff");
      await store.replaceClaims(a, [makeClaim({ count: 13 }), makeClaim({ count: 14, event: "arrest" })], "x-2", { actor: "carol" });
      return { a, b };
    }

    it("appends an event with before and after for each kind of change", async () => {
      const { a, b } = await history();
      const events = await store.listAuditEvents();
      expect(events.map((e) => [e.seq, e.action, e.objectType, e.objectId, e.actor])).toEqual([
        [1, "document.create", "document", String(a), "system"],
        [2, "claims.create", "claims", String(a), "system"],
        [3, "document.create", "document", String(b), "alice"],
        [4, "source.upsert", "source", expect.any(String), "bob"],
        [5, "relation.add", "relation", `${a}-${b}-near_duplicate`, "system"],
        [6, "document.simhash", "document", String(a), "system"],
        [7, "claims.replace", "claims", String(a), "carol"],
      ]);
      const [create, claims, , source, relation, simhash, replace] = events;
      const doc = await store.getDocument(a);
      expect(create?.before).toBeNull();
      expect(create?.after).toMatchObject({ sha256: doc?.sha256, name: "a.txt", size: doc?.size, simhash: null });
      expect(JSON.stringify(create?.after)).not.toContain("executed"); // digests, not the text or bytes
      expect(claims?.after).toMatchObject({ count: 1, claims: [{ count: 12, source: "Alpha Watch" }] });
      expect(source?.before).toBeNull();
      expect(source?.after).toMatchObject({ name: "Alpha Watch", kind: "ngo", aliases: ["AW"], linked_claims: [expect.any(Number)] });
      expect(relation?.after).toEqual({ doc_a: Math.min(a, b), doc_b: Math.max(a, b), kind: "near_duplicate", similarity: 0.9 });
      expect(simhash?.before).toEqual({ simhash: null });
      expect(simhash?.after).toMatchObject({ simhash: "00ff00ff00ff00ff", sha256: doc?.sha256 });
      expect(replace?.before).toEqual(claims?.after);
      expect(replace?.after).toMatchObject({ extractor: "x-2", count: 2, claims: [{ count: 13 }, { count: 14, event: "arrest" }] });
      expect((replace?.after as { digest: string }).digest).not.toBe((replace?.before as { digest: string }).digest);
      for (const [i, e] of events.entries()) {
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
        if (i > 0) expect(e.prevHash).toBe(events[i - 1]?.hash);
        expect(Date.parse(e.at)).not.toBeNaN();
      }

      // Updates record the state they replace; unchanged writes and refused writes record nothing.
      await store.upsertSource({ name: "AW", kind: "ngo", aliases: ["Alpha"] });
      await store.addRelation(a, b, "near_duplicate", 0.95);
      await store.addRelation(a, b, "near_duplicate", 0.95);
      await store.setSimhash(a, "00ff00ff00ff00ff");
      await store.putDocument(makeDoc("No figures here.", { name: "again.txt" }), []);
      await expect(store.putDocument(makeDoc("Bad claim.", {}), [makeClaim({ quote: null as unknown as string })])).rejects.toThrow();
      const later = await store.listAuditEvents({ afterSeq: 7 });
      expect(later.map((e) => e.action)).toEqual(["source.upsert", "relation.add"]);
      expect(later[0]?.before).toMatchObject({ name: "Alpha Watch", aliases: ["AW"] });
      expect(later[0]?.after).toMatchObject({ name: "Alpha Watch", aliases: ["AW", "Alpha"] });
      expect(later[1]?.before).toMatchObject({ similarity: 0.9 });
      expect(later[1]?.after).toMatchObject({ similarity: 0.95 });
    });

    it("filters the log by date, actor and object", async () => {
      const { a } = await history();
      expect((await store.listAuditEvents({ actor: "carol" })).map((e) => e.seq)).toEqual([7]);
      expect((await store.listAuditEvents({ objectType: "claims", objectId: String(a) })).map((e) => e.action)).toEqual(["claims.create", "claims.replace"]);
      expect((await store.listAuditEvents({ objectType: "document" })).length).toBe(3);
      expect((await store.listAuditEvents({ since: "2999" })).length).toBe(0);
      expect((await store.listAuditEvents({ since: "2000-01-01", limit: 2 })).map((e) => e.seq)).toEqual([1, 2]);
    });

    it("verifies an untouched chain and counts what it checked", async () => {
      const empty = await store.verifyAudit();
      expect(empty).toMatchObject({ ok: true, events: 0, documents: 0, claims: 0, headSeq: 0, problems: [] });
      await history();
      const report = await store.verifyAudit();
      expect(report).toMatchObject({ ok: true, events: 7, documents: 2, claims: 2, headSeq: 7, problemCount: 0, problems: [] });
      const last = (await store.listAuditEvents()).at(-1);
      expect(report.headHash).toBe(last?.hash);
    });

    it("refuses to update or delete events in place", async () => {
      await history();
      await expect(raw.exec("update audit_events set actor = 'mallory' where seq = 2")).rejects.toThrow(/append-only/);
      await expect(raw.exec("delete from audit_events where seq = 2")).rejects.toThrow(/append-only/);
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("names an event whose content was edited in the database", async () => {
      await history();
      await raw.dropGuard();
      await raw.exec(`update audit_events set after = '{"count":0}' where seq = 2`);
      const report = await store.verifyAudit();
      expect(report.ok).toBe(false);
      expect(report.problems[0]?.message).toBe("event 2: hash does not match its content (edited?)");
      expect(report.problems[0]?.seq).toBe(2);
    });

    it("names the next event when an edited event's hash was recomputed too", async () => {
      await history();
      await raw.dropGuard();
      const e = (await store.listAuditEvents({ afterSeq: 3, limit: 1 }))[0];
      if (!e) throw new Error("no event 4");
      const after = JSON.stringify({ ...(e.after as object), name: "Forged Watch" });
      const fields = { seq: e.seq, at: e.at, actor: e.actor, action: e.action, objectType: e.objectType, objectId: e.objectId, before: e.before === null ? null : JSON.stringify(e.before), after };
      const hash = eventHash(e.prevHash, fields);
      await raw.exec(`update audit_events set after = '${after}', hash = '${hash}' where seq = 4`);
      const report = await store.verifyAudit();
      // The chain names the next event; the source no longer matches the forged state either.
      expect(report.problems[0]?.message).toBe("event 5: previous hash does not match event 4 (deleted or reordered?)");
      expect(report.problems.slice(1).map((p) => p.message)).toEqual([expect.stringMatching(/^sources row \d+ \(or its source_keys\): differs from what event 4 recorded/)]);
    });

    it("catches a deleted event", async () => {
      await history();
      await raw.dropGuard();
      await raw.exec("delete from audit_events where seq = 3");
      const report = await store.verifyAudit();
      expect(report.ok).toBe(false);
      expect(report.problems[0]?.message).toBe("gap in sequence after 2 (event 3 deleted?)");
      expect(report.events).toBe(6);
    });

    it("catches events deleted at the end of the chain", async () => {
      await history();
      await raw.dropGuard();
      await raw.exec("delete from audit_events where seq >= 6");
      const report = await store.verifyAudit();
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.message)).toContain("the chain head names event 7 but the last event is 5 (events deleted at the end?)");
    });

    it("names a document whose stored bytes were changed", async () => {
      const { a, b } = await history();
      const sha = (await store.getDocument(b))?.sha256 ?? "";
      await raw.setBytes(b, Buffer.from("Forged bytes."));
      const report = await store.verifyAudit();
      expect(report.ok).toBe(false);
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]?.documentId).toBe(b);
      expect(report.problems[0]?.message).toMatch(new RegExp(`^document ${b}: stored bytes do not match SHA-256 ${sha} \\(they hash to [0-9a-f]{64}\\)$`));
      expect(report.problems[0]?.message).not.toContain(`document ${a}`);
    });

    it("names a document whose bytes and SHA-256 were both replaced", async () => {
      const { b } = await history();
      const forged = Buffer.from("Forged bytes.");
      const sha = createHash("sha256").update(forged).digest("hex");
      const recorded = (await store.getDocument(b))?.sha256 ?? "";
      await raw.setBytes(b, forged);
      await raw.exec(`update documents set sha256 = '${sha}' where id = ${b}`);
      const report = await store.verifyAudit();
      expect(report.problems.map((p) => p.message)).toEqual([`document ${b}: SHA-256 ${sha} differs from ${recorded} recorded by event 3 (replaced?)`]);
    });

    it("names a document whose claims were edited, deleted or inserted behind the trail's back", async () => {
      const { a } = await history();
      await raw.exec(`update claims set count = 999 where document_id = ${a} and count = 13`);
      expect((await store.verifyAudit()).problems.map((p) => p.message)).toEqual([
        `document ${a}: claims do not match the digest recorded by event 7 (edited?)`,
      ]);
      await raw.exec(`delete from claim_victims`);
      await raw.exec(`delete from claims`);
      expect((await store.verifyAudit()).problems.map((p) => p.message)).toEqual([
        `document ${a}: claims recorded by event 7 are missing (deleted?)`,
      ]);
    });

    it("catches a review decision or a restriction changed in the database", async () => {
      const { a, b } = await history();
      const [claim] = await store.queryClaims({ documentId: a }, { limit: 1, offset: 0, sort: "id" });
      await store.reviewClaim(claim!.id, { action: "reject", reason: "not a count" });
      await store.setRestricted({ type: "document", id: b }, true);
      expect((await store.verifyAudit()).ok).toBe(true);
      await raw.exec(`update claims set status = 'accepted', review_reason = null where id = ${claim!.id}`);
      await raw.exec(`update documents set restricted = 0 where id = ${b}`);
      const messages = (await store.verifyAudit()).problems.map((p) => p.message);
      expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^document ${a}: claims do not match the digest`)));
      expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^document ${b}: metadata or text differ from what event \\d+ recorded`)));
      });

    it("records a batch write as single writes would, snapshots equal to the rows read back", async () => {
      // Odd values on purpose: lone surrogates, fields left undefined by a loose caller, floats.
      const loose = { ...makeClaim({ count: 2, quote: "Split pair \uD83D here.", place: "Z\uDC00", victims: ["women", "women"] }), source: undefined } as unknown as Parameters<Store["putDocument"]>[1][number];
      const docs = [
        makeDoc("Batch A: 2 executed.", { name: "a\uD800.txt", title: "T\uDBFF", url: undefined as unknown as null }),
        makeDoc("Batch B: no figures."),
        makeDoc("Batch C: 5 killed.", { published: "2021-03" }),
      ];
      const results = await store.withActor("batcher").putDocuments([
        { doc: docs[0] ?? makeDoc("x"), claims: [loose, makeClaim({ count: 3, period: { start: "2020-01-01", end: "2020-12-31" }, countSpan: [1, 2] })] },
        { doc: docs[1] ?? makeDoc("y"), claims: [] },
        { doc: docs[2] ?? makeDoc("z"), claims: [makeClaim({ count: 5, clutter: true, source: "Somebody" })] },
        { doc: docs[0] ?? makeDoc("x"), claims: [] },
      ]);
      const [a, b, c] = results.map((r) => r.id ?? -1);
      const events = await store.listAuditEvents();
      expect(events.map((e) => [e.action, e.objectId, e.actor])).toEqual([
        ["document.create", String(a), "batcher"],
        ["claims.create", String(a), "batcher"],
        ["document.create", String(b), "batcher"],
        ["document.create", String(c), "batcher"],
        ["claims.create", String(c), "batcher"],
      ]);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, events: 5, documents: 3, claims: 3 });

      // replaceClaims and setSimhash record the state they replace as read from the database.
      for (const id of [a, c]) {
        const created = events.find((e) => e.action === "claims.create" && e.objectId === String(id));
        await store.replaceClaims(id ?? -1, [], "x-2");
        const replaced = (await store.listAuditEvents({ objectType: "claims", objectId: String(id) })).at(-1);
        expect(JSON.stringify(replaced?.before)).toBe(JSON.stringify(created?.after));
      }
      for (const id of [a, b, c]) {
        const created = events.find((e) => e.action === "document.create" && e.objectId === String(id));
        await store.setSimhash(id ?? -1, "0123456789abcdef");
        const changed = (await store.listAuditEvents({ objectType: "document", objectId: String(id) })).at(-1);
        expect(JSON.stringify(changed?.after)).toBe(JSON.stringify({ ...(created?.after as object), simhash: "0123456789abcdef" }));
      }
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("keeps the chain intact through concurrent writes from two stores", async () => {
      // (Each backend's test file adds a multi-process variant where it applies.)
      const [x, y] = [store.withActor("x"), store.withActor("y")];
      await Promise.all([
        ...Array.from({ length: 10 }, (_, i) => x.putDocument(makeDoc(`X ${i}`), [makeClaim({ count: i })])),
        ...Array.from({ length: 10 }, (_, i) => y.putDocument(makeDoc(`Y ${i}`), [])),
      ]);
      const report = await store.verifyAudit();
      expect(report).toMatchObject({ ok: true, events: 30, documents: 20 });
    });
  });
}
