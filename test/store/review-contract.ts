// Review, restriction and access records: behaviour every Store must show (run per dialect).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { makeClaim, makeDoc } from "./fixtures.js";
import type { StoreFactory } from "./store-contract.js";

const TEXT = "Officials said 14 prisoners were hanged in March. Rights groups counted 9 more in April.";
// "14" sits at 15–17 and "9" at 72–73 of TEXT.
const first = makeClaim({ event: "execution", count: 14, quote: TEXT.slice(0, 49), span: [0, 49], countSpan: [15, 17], victims: ["prisoners"], source: "Officials" });
const second = makeClaim({ event: "execution", count: 9, quote: TEXT.slice(50), span: [50, TEXT.length], countSpan: [72, 73], source: "Rights groups" });

/** Defines the review contract suite for one Store backend. */
export function runReviewContract(name: string, makeStore: StoreFactory): void {
  describe(`Store review and access: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let docId: number;
    let ids: number[];

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
      store = store.withActor("analyst-ana");
      docId = (await store.putDocument(makeDoc(TEXT, { name: "r.txt", published: "2024-05-02" }), [first, second])).id;
      ids = (await store.queryClaims({ documentId: docId }, { limit: 10, offset: 0, sort: "id" })).map((c) => c.id);
    });
    afterEach(async () => {
      await cleanup();
    });

    it("proposes extracted claims and records who accepted one", async () => {
      const [a] = ids as [number];
      expect((await store.getClaim(a))?.status).toBe("proposed");
      const accepted = await store.reviewClaim(a, { action: "accept" });
      expect(accepted).toMatchObject({ status: "accepted", reviewedBy: "analyst-ana", proposal: null, count: 14 });
      expect((await store.queryClaims({ status: "proposed" }, { limit: 10, offset: 0 })).map((c) => c.id)).toEqual([ids[1]]);
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("keeps the extractor's proposal beside a correction, and restores it when reopened", async () => {
      const [a] = ids as [number];
      const corrected = await store.reviewClaim(a, { action: "correct", fields: { count: 15, place: "Iran", victims: ["political_prisoners"] }, reason: "press release gives 15" });
      expect(corrected).toMatchObject({ status: "corrected", count: 15, place: "Iran", victims: ["political_prisoners"], reviewReason: "press release gives 15" });
      expect(corrected.proposal).toMatchObject({ count: 14, place: null, victims: ["prisoners"] });
      expect(await store.countClaims({ victims: "political_prisoners" })).toBe(1);
      expect(await store.countClaims({ victims: "prisoners" })).toBe(0);
      const again = await store.reviewClaim(a, { action: "correct", fields: { count: 16 } });
      expect(again.proposal?.count).toBe(14);
      const reopened = await store.reviewClaim(a, { action: "reopen" });
      expect(reopened).toMatchObject({ status: "proposed", count: 14, place: null, victims: ["prisoners"], proposal: null, reviewedBy: null });
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("turns a correction back into the proposal into an acceptance", async () => {
      const [a] = ids as [number];
      await store.reviewClaim(a, { action: "correct", fields: { count: 15 } });
      const back = await store.reviewClaim(a, { action: "correct", fields: { count: 14 } });
      expect(back).toMatchObject({ status: "accepted", proposal: null, count: 14 });
    });

    it("refuses invalid corrections without changing the claim", async () => {
      const [a] = ids as [number];
      await expect(store.reviewClaim(a, { action: "correct", fields: { count: -3 } })).rejects.toThrow(/count/);
      await expect(store.reviewClaim(a, { action: "correct", fields: { period: { start: "2024-02-30", end: "2024-03-01" } } })).rejects.toThrow(/period/);
      await expect(store.reviewClaim(a, { action: "correct", fields: { event: "party" as never } })).rejects.toThrow(/event/);
      expect((await store.getClaim(a))).toMatchObject({ status: "proposed", count: 14 });
    });

    it("needs a reason to reject, and leaves rejected claims out unless asked", async () => {
      const [a] = ids as [number];
      await expect(store.reviewClaim(a, { action: "reject", reason: " " })).rejects.toThrow(/reason/);
      await store.reviewClaim(a, { action: "reject", reason: "a prison term, not a count" });
      expect(await store.countClaims({})).toBe(1);
      expect(await store.countClaims({ status: "rejected" })).toBe(1);
      expect((await store.getDocument(docId))?.claimCount).toBe(1);
      expect((await store.getClaim(a))?.reviewReason).toBe("a prison term, not a count");
    });

    it("adds a claim by hand from a span of the text", async () => {
      const added = await store.addClaim(docId, { span: [50, TEXT.length], event: "execution", count: 9, qualifier: "at_least", period: { start: "2024-04-01", end: "2024-04-30" }, place: "Iran", victims: [], source: "Rights groups", reason: "missed" });
      expect(added).toMatchObject({ status: "added", quote: TEXT.slice(50), extractor: "manual", reviewedBy: "analyst-ana", qualifier: "at_least" });
      await expect(store.addClaim(docId, { ...added, span: [80, 500] })).rejects.toThrow(/not inside/);
      await expect(store.addClaim(docId + 99, { ...added, span: [0, 5] })).rejects.toThrow(/no document/);
      await expect(store.reviewClaim(added.id, { action: "reopen" })).rejects.toThrow(/no proposal/);
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("keeps decisions when a newer extractor runs again, attaching its proposals", async () => {
      const [a, b] = ids as [number, number];
      await store.reviewClaim(a, { action: "correct", fields: { count: 15 } });
      await store.reviewClaim(b, { action: "reject", reason: "duplicate of a later report" });
      const third = makeClaim({ event: "death_sentence", count: 3, quote: "x", span: [0, 49], countSpan: [40, 41] });
      // The new extractor proposes 14 again for the first figure (now qualified), 9 again, and a new claim.
      await store.replaceClaims(docId, [{ ...first, qualifier: "at_least" }, second, third], "v2");
      const all = await store.queryClaims({ documentId: docId, status: ["proposed", "corrected", "rejected"] }, { limit: 10, offset: 0, sort: "id" });
      expect(all.map((c) => [c.id, c.status, c.count])).toEqual([[a, "corrected", 15], [b, "rejected", 9], [expect.any(Number), "proposed", 3]]);
      expect(all[0]?.proposal).toMatchObject({ count: 14, qualifier: "at_least" });
      expect(all[0]?.extractor).toBe("v2");
      // Running it again changes nothing.
      await store.replaceClaims(docId, [{ ...first, qualifier: "at_least" }, second, third], "v2");
      expect(await store.countClaims({ documentId: docId, status: ["proposed", "corrected", "rejected"] })).toBe(3);
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("marks a figure superseded only by a later one of the same source", async () => {
      const [a, b] = ids as [number, number];
      const later = (await store.putDocument(makeDoc("Officials said 16 prisoners were hanged in March.", { name: "later.txt", published: "2024-06-01" }), [{ ...first, count: 16, countSpan: [15, 17] }])).id;
      const [laterId] = (await store.queryClaims({ documentId: later }, { limit: 1, offset: 0 })).map((c) => c.id) as [number];
      await expect(store.supersedeClaim(a, b)).rejects.toThrow(/same source/);
      await expect(store.supersedeClaim(laterId, a)).rejects.toThrow(/published before/);
      expect((await store.supersedeClaim(a, laterId)).supersededBy).toBe(laterId);
      expect(await store.countClaims({ documentId: docId, excludeSuperseded: true })).toBe(1);
      expect((await store.supersedeClaim(a, null)).supersededBy).toBeNull();
    });

    it("records fact assignments made by hand", async () => {
      const [a, b] = ids as [number, number];
      await store.setFactOverride([a, b], { kind: "split", tag: "split-1" });
      expect((await store.getClaim(b))?.factOverride).toEqual({ kind: "split", tag: "split-1" });
      await store.setFactOverride([b], null);
      expect((await store.getClaim(b))?.factOverride).toBeNull();
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("hides restricted documents, claims and sources from readers without access, counts included", async () => {
      const [a] = ids as [number];
      const other = (await store.putDocument(makeDoc("Witness W said 40 people were arrested in Zahedan.", { name: "w.txt", published: "2024-05-03" }), [
        makeClaim({ event: "arrest", count: 40, quote: "Witness W said 40 people were arrested in Zahedan.", span: [0, 50], source: "Witness W" }),
      ])).id;
      const witness = await store.upsertSource({ name: "Witness W", kind: "person", aliases: [] });
      const viewer = store.withAccess({ restricted: false });
      const seen = async () => ({
        docs: (await viewer.listDocuments({ limit: 10, offset: 0 })).map((d) => d.id).sort(),
        nDocs: await viewer.countDocuments(),
        claims: await viewer.countClaims({}),
        byYear: (await viewer.countsByYearAndEvent({})).reduce((n, r) => n + r.claims, 0),
        bySource: (await viewer.countsBySource({})).reduce((n, r) => n + r.claims, 0),
        sources: (await viewer.listSources()).map((s) => s.name),
        hits: (await viewer.search("Zahedan", { limit: 5 })).hits.length + (await viewer.search("hanged", { limit: 5 })).hits.length,
      });
      expect(await seen()).toEqual({ docs: [docId, other].sort(), nDocs: 2, claims: 3, byYear: 3, bySource: 3, sources: ["Witness W"], hits: 2 });

      await store.setRestricted({ type: "source", id: witness.id }, true);
      expect((await seen()).sources).toEqual([]);
      expect((await seen()).claims).toBe(2);
      await store.setRestricted({ type: "claim", id: a }, true);
      expect(await viewer.getClaim(a)).toBeNull();
      expect((await viewer.getDocument(docId))?.claimCount).toBe(1);
      await store.setRestricted({ type: "document", id: other }, true);
      expect(await seen()).toEqual({ docs: [docId], nDocs: 1, claims: 1, byYear: 1, bySource: 1, sources: [], hits: 1 });
      expect(await viewer.getDocument(other)).toBeNull();
      expect(await viewer.getDocumentBytes(other)).toBeNull();
      expect(await viewer.getDocumentText(other)).toBeNull();
      expect([...(await viewer.getDocumentTexts([other, docId])).keys()]).toEqual([docId]);
      expect((await viewer.getDocumentsBySha256([(await store.getDocument(other))?.sha256 ?? ""])).size).toBe(0);
      await expect(viewer.reviewClaim(a, { action: "accept" })).rejects.toThrow(/no claim/);
      await expect(viewer.setRestricted({ type: "claim", id: a }, false)).rejects.toThrow(/access/);
      // Full access still sees everything, marked.
      expect((await store.getDocument(other))?.restricted).toBe(true);
      expect(await store.getDocumentText(other)).toBe((await store.getDocument(other))?.text);
      expect((await store.getDocumentTexts([other])).get(other)).toBe((await store.getDocument(other))?.text);
      expect(await store.countClaims({})).toBe(3);
      expect((await store.listSources()).find((s) => s.name === "Witness W")?.restricted).toBe(true);
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("keeps users, sessions and tokens, and never writes a password hash to the trail", async () => {
      const admin = await store.createUser({ name: "ada", role: "admin", passwordHash: "scrypt$secret-hash" });
      await expect(store.createUser({ name: "ada", role: "viewer", passwordHash: "x" })).rejects.toThrow(/exists/);
      await expect(store.createUser({ name: "bad name!", role: "viewer", passwordHash: "x" })).rejects.toThrow(/user name/);
      expect(await store.countUsers("admin")).toBe(1);
      await store.createSession({ idHash: "h1", userId: admin.id, csrf: "c", createdAt: "2024-01-01T00:00:00Z", expiresAt: "2099-01-01T00:00:00Z" });
      expect((await store.getSession("h1"))?.revokedAt).toBeNull();
      const updated = await store.updateUser(admin.id, { passwordHash: "scrypt$new-hash" });
      expect(updated.passwordHash).toBe("scrypt$new-hash");
      expect((await store.getSession("h1"))?.revokedAt).not.toBeNull();
      const token = await store.createApiToken({ userId: admin.id, name: "nightly export", tokenHash: "t-hash" });
      expect((await store.getApiToken("t-hash"))?.id).toBe(token.id);
      expect(await store.revokeApiToken(token.id)).toBe(true);
      expect(await store.revokeApiToken(token.id)).toBe(false);
      expect((await store.getApiToken("t-hash"))?.revokedAt).not.toBeNull();
      const trail = JSON.stringify(await store.listAuditEvents({ objectType: "user" }));
      expect(trail).toContain("password_changed");
      expect(trail).not.toContain("secret-hash");
      expect(trail).not.toContain("new-hash");
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("counts from the running tallies agree with the claims themselves through reviews, restriction, supersession and re-extraction", async () => {
      const other = (
        await store.putDocument(makeDoc("Another report: 30 people were arrested in Tehran and 5 executed.", { name: "o.txt", published: "2023-01-10" }), [
          makeClaim({ event: "arrest", count: 30, place: "Tehran", source: "Rights groups", span: [16, 60], victims: ["protesters", "women"] }),
          makeClaim({ event: "execution", count: 5, place: "Tehran", clutter: true, victims: ["prisoners"] }),
        ])
      ).id;
      const viewer = store.withAccess({ restricted: false });
      const filters = [{}, { event: "execution" as const }, { place: "Tehran" }, { source: "rights groups" }, { includeClutter: true }, { status: "rejected" as const }, { excludeSuperseded: true }, { event: ["execution", "arrest"] as Array<"execution" | "arrest"> }, { victims: "prisoners" as const }, { victims: "women" as const, event: "killing" as const }, { victims: "protesters" as const, place: "Tehran" }, { victims: "women" as const, source: "rights groups" }, { source: "Officials", event: "execution" as const }];
      /** Every count the tallies answer equals the number of claims the same filter lists. */
      const agree = async (label: string) => {
        for (const reader of [store, viewer]) {
          for (const f of filters) {
            const listed = await reader.queryClaims(f, { limit: 1000, offset: 0, sort: "id" });
            const what = `${label}: ${JSON.stringify(f)} (${reader === store ? "full" : "public"})`;
            expect(await reader.countClaims(f), what).toBe(listed.length);
            const byYear = (await reader.countsByYearAndEvent(f)).reduce((sum, r) => sum + r.claims, 0);
            expect(byYear, what).toBe(listed.length);
            const bySource = (await reader.countsBySource(f)).reduce((sum, r) => sum + r.claims, 0);
            expect(bySource, what).toBe(listed.length);
          }
        }
      };
      await agree("stored");
      await store.addClaim(other, { span: [0, 20], event: "execution", count: 2, qualifier: "exact", period: null, place: "Tehran", victims: ["prisoners", "women"], source: "Rights groups" });
      await agree("added by hand");
      const [a, b] = ids as [number, number];
      await store.reviewClaim(a, { action: "correct", fields: { place: "Tehran", event: "killing", source: "Rights groups", victims: ["women", "protesters"] } });
      await store.reviewClaim(b, { action: "reject", reason: "a duplicate figure" });
      await agree("reviewed");
      await store.supersedeClaim(a, b);
      await store.setRestricted({ type: "claim", id: a }, true);
      await agree("superseded and restricted");
      // A source record for the raw strings: linking claims to it changes their tallies too.
      const rights = await store.upsertSource({ name: "Rights groups", kind: "ngo", aliases: ["Rights group"] });
      await agree("source linked");
      await store.setRestricted({ type: "source", id: rights.id }, true);
      await agree("source restricted");
      await store.setRestricted({ type: "document", id: other }, true);
      await agree("document restricted");
      await store.reviewClaim(b, { action: "reopen" });
      await store.replaceClaims(docId, [makeClaim({ event: "death_sentence", count: 3, place: "Iran" })], "test-2");
      await agree("re-extracted");
      // Only the raw source string changes: an alias of the same source record, the claim stays corrected.
      await store.reviewClaim(a, { action: "correct", fields: { source: "Rights group" } });
      await agree("source corrected");
    });
  });
}
