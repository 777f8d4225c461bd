// A batch of documents larger than the part the store writes at a time (WRITE_PART): one
// transaction, the same rows and audit trail as if written at once, all or nothing.
import { describe, expect, it } from "vitest";
import { WRITE_PART } from "../../src/store/document-writes.js";
import type { DocumentWrite, Store } from "../../src/store/store.js";
import { makeClaim, makeDoc } from "./fixtures.js";

/** `n` documents, each with one claim quoting its first words. */
function writes(n: number, label: string): DocumentWrite[] {
  return Array.from({ length: n }, (_, i) => {
    const text = `Bulletin ${label} ${i}: the council counted ${i + 3} arrests in the harbour district.`;
    return { doc: makeDoc(text), claims: [makeClaim({ count: i + 3, quote: text.slice(0, 20), span: [0, 20] })] };
  });
}

export function partsContract(current: () => Store): void {
  describe("batches written part by part in one transaction", () => {
    it("stores a batch of several parts as one: ids in batch order, relations across parts once, its events in document order with one time", async () => {
      const store = current();
      const n = 2 * WRITE_PART + 50;
      const batch = writes(n, "north");
      const early = batch[5] as DocumentWrite;
      const at = 2 * WRITE_PART - 10; // in the second part; `later` is in the third
      const late = batch[at] as DocumentWrite;
      const later = batch[n - 10] as DocumentWrite;
      // A document of the second part names one of the first part, and one of the third,
      // which names it back: the pair is one relation, recorded once.
      batch[at] = { ...late, relations: [{ other: { sha256: early.doc.sha256 }, kind: "syndicated", similarity: 0.7 }, { other: { sha256: later.doc.sha256 }, kind: "near_duplicate", similarity: 0.9 }] };
      batch[n - 10] = { ...later, relations: [{ other: { sha256: late.doc.sha256 }, kind: "near_duplicate", similarity: 0.9 }] };
      const seq = (await store.auditHead()).seq;

      const results = await store.putDocuments(batch);
      expect(results.every((r) => r.created === true)).toBe(true);
      const ids = results.map((r) => r.id ?? -1);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const [earlyId, lateId, laterId] = [ids[5] ?? -1, ids[at] ?? -1, ids[n - 10] ?? -1];
      expect((await store.relatedDocuments(lateId)).map((r) => [r.document.id, r.kind])).toEqual([
        [laterId, "near_duplicate"],
        [earlyId, "syndicated"],
      ]);

      // Claims follow the documents' order, one each.
      const claims = await store.queryClaims({}, { limit: n + 1, offset: 0 });
      expect(claims).toHaveLength(n);
      const byId = [...claims].sort((a, b) => a.id - b.id).map((c) => c.documentId);
      expect(byId).toEqual(ids);

      const events = await store.listAuditEvents({ afterSeq: seq, limit: 10 * n });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, k) => seq + 1 + k));
      expect(new Set(events.map((e) => e.at)).size).toBe(1);
      const expected = ids.flatMap((id, k) => [
        ["document.create", String(id)],
        ["claims.create", String(id)],
        ...(k === at ? [["relation.add", `${earlyId}-${lateId}-syndicated`], ["relation.add", `${lateId}-${laterId}-near_duplicate`]] : []),
      ]);
      expect(events.map((e) => [e.action, e.objectId])).toEqual(expected);
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("keeps nothing of a batch the database refuses in its last part, then stores each document alone: only the bad one fails", async () => {
      const store = current();
      const n = WRITE_PART + 20;
      const batch = writes(n, "south");
      const bad = batch[n - 5] as DocumentWrite;
      batch[n - 5] = { ...bad, claims: [{ ...makeClaim(), quote: null } as unknown as ReturnType<typeof makeClaim>] };
      const seq = (await store.auditHead()).seq;

      const results = await store.putDocuments(batch);
      expect(results.map((r, i) => (i === n - 5 ? r.error instanceof Error : r.created))).toEqual(batch.map(() => true));
      expect(await store.getDocument(bad.doc.sha256)).toBeNull();
      const events = await store.listAuditEvents({ afterSeq: seq, limit: 10 * n });
      // Two events a stored document, none of the one that failed nor of the refused batch.
      expect(events).toHaveLength(2 * (n - 1));
      expect(events.map((e) => e.seq)).toEqual(events.map((_, k) => seq + 1 + k));
      expect((await store.verifyAudit()).ok).toBe(true);
    });
  });
}
