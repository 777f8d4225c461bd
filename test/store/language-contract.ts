// What every Store does for documents in other languages, on each dialect: the extractor's newer
// claim fields (calendar label, period origin, confidence) kept, audited, corrected and bundled;
// documents listed by language; and search over Persian and Arabic text that finds a word with
// or without ZWNJ, harakat or tatweel, with Arabic or Persian yeh and kaf, with Persian,
// Arabic-Indic or ASCII digits. The texts are invented for these tests.
import { Readable, Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { makeClaim, makeDoc } from "./fixtures.js";
import type { StoreFactory } from "./store-contract.js";

/** Persian, with ZWNJ (دست‌کم, خانواده‌ها), Persian yeh and kaf, Persian digits. */
const PERSIAN = "به گزارش این گروه، دست‌کم ۱۲ زندانی در زندان مرکزی اعدام شدند و خانواده‌ها مطلع نشدند.";
/** Arabic, with harakat on one word (أُعْدِمَ), Arabic yeh and kaf (في, كانون) and Arabic-Indic digits. */
const ARABIC = "قالت المنظمة إن السلطات أُعْدِمَ فيها ٩ سجناء في كانون الثاني، وإن ذلك لم يعلن.";
/** Persian typed with Arabic yeh and kaf, without ZWNJ, and a tatweel. */
const PERSIAN_ARABIC_LETTERS = "گروهي ديگر مي‌گويد دستكم هفت نفر در اين شهر بازداشت شدنـــد.";

async function bundleOf(store: Store): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await store.exportBundle(new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk), done()) }));
  return Buffer.concat(chunks);
}

/** Defines the language suite for one Store backend. */
export function runLanguageContract(name: string, makeStore: StoreFactory): void {
  describe(`Store languages: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    describe("claim fields of the language packs", () => {
      const labelled = makeClaim({
        count: 12, qualifier: "at_least", quote: PERSIAN.slice(0, 40), span: [0, 40],
        period: { start: "2024-10-22", end: "2024-11-20" }, periodLabel: "آبان ۱۴۰۳", periodFrom: "sentence", confidence: 0.75, confidenceReason: "period from a two-digit year",
      });

      it("keeps the calendar label, the period's origin and the confidence, and leaves them out when absent", async () => {
        const { id } = await store.putDocument(makeDoc(PERSIAN, { language: "fa" }), [labelled, makeClaim({ count: 3 })]);
        const [a, b] = await store.queryClaims({ documentId: id }, { limit: 10, offset: 0, sort: "id" });
        expect(a).toMatchObject({ periodLabel: "آبان ۱۴۰۳", periodFrom: "sentence", confidence: 0.75, confidenceReason: "period from a two-digit year" });
        expect(b?.count).toBe(3);
        for (const key of ["periodLabel", "periodFrom", "confidence", "confidenceReason"]) expect(b, key).not.toHaveProperty(key);
        expect((await store.verifyAudit()).ok).toBe(true);
      });

      it("drops the label when an analyst changes the period, and keeps it when the period stays", async () => {
        const { id } = await store.putDocument(makeDoc(PERSIAN, { language: "fa" }), [labelled, { ...labelled, count: 5, span: [41, 60] }]);
        const [a, b] = await store.queryClaims({ documentId: id }, { limit: 10, offset: 0, sort: "id" });
        const moved = await store.reviewClaim(a?.id ?? 0, { action: "correct", fields: { period: { start: "2024-11-01", end: "2024-11-30" } } });
        expect(moved.periodLabel).toBeUndefined();
        const counted = await store.reviewClaim(b?.id ?? 0, { action: "correct", fields: { count: 6 } });
        expect(counted.periodLabel).toBe("آبان ۱۴۰۳");
        expect((await store.verifyAudit()).ok).toBe(true);
      });

      it("carries them through a bundle into another store", async () => {
        await store.putDocument(makeDoc(PERSIAN, { language: "fa" }), [labelled]);
        const other = await makeStore();
        try {
          await other.store.importBundle(Readable.from([await bundleOf(store)]));
          const [claim] = await other.store.queryClaims({}, { limit: 10, offset: 0, sort: "id" });
          expect(claim).toMatchObject({ periodLabel: "آبان ۱۴۰۳", periodFrom: "sentence", confidence: 0.75 });
          expect((await other.store.verifyAudit()).ok).toBe(true);
        } finally {
          await other.cleanup();
        }
      });
    });

    it("lists the documents of one language, or of none recorded", async () => {
      await store.putDocument(makeDoc(PERSIAN, { name: "fa.txt", language: "fa", capturedAt: "2024-03-01T00:00:00.000Z" }), []);
      await store.putDocument(makeDoc(ARABIC, { name: "ar.txt", language: "ar", capturedAt: "2024-03-02T00:00:00.000Z" }), []);
      await store.putDocument(makeDoc(PERSIAN_ARABIC_LETTERS, { name: "fa2.txt", language: "fa", capturedAt: "2024-03-03T00:00:00.000Z" }), []);
      await store.putDocument(makeDoc("Twelve words of no known language at all here.", { name: "none.txt", language: null }), []);
      const names = async (language: string | null) => (await store.listDocuments({ limit: 10, offset: 0, language })).map((d) => d.name);
      expect(await names("fa")).toEqual(["fa2.txt", "fa.txt"]);
      expect(await names("ar")).toEqual(["ar.txt"]);
      expect(await names(null)).toEqual(["none.txt"]);
      expect(await names("fr")).toEqual([]);
    });

    describe("search over Persian and Arabic", () => {
      beforeEach(async () => {
        await store.putDocument(makeDoc(PERSIAN, { name: "fa.txt", title: "گزارش اعدام‌ها" }), []);
        await store.putDocument(makeDoc(ARABIC, { name: "ar.txt" }), []);
        await store.putDocument(makeDoc(PERSIAN_ARABIC_LETTERS, { name: "fa2.txt" }), []);
        await store.putDocument(makeDoc("An English note on prison visits, with no figures.", { name: "en.txt" }), []);
      });
      const found = async (query: string) => (await store.search(query, { limit: 10 })).hits.map((h) => h.name).sort();

      it("finds a word with or without ZWNJ, whichever way the document wrote it", async () => {
        // fa.txt writes دست‌کم with ZWNJ, fa2.txt دستكم without it and with Arabic kaf.
        expect(await found("دست‌کم")).toEqual(["fa.txt", "fa2.txt"]);
        expect(await found("دستکم")).toEqual(["fa.txt", "fa2.txt"]);
        expect(await found("خانواده‌ها")).toEqual(["fa.txt"]);
        expect(await found("خانوادهها")).toEqual(["fa.txt"]);
        expect(await found("اعدامها")).toEqual(["fa.txt"]);
      });

      it("finds a word with Arabic or Persian yeh and kaf", async () => {
        expect(await found("دیگر")).toEqual(["fa2.txt"]);
        expect(await found("ديگر")).toEqual(["fa2.txt"]);
        expect(await found("کانون")).toEqual(["ar.txt"]);
        expect(await found("كانون")).toEqual(["ar.txt"]);
        expect(await found("زندانی")).toEqual(["fa.txt"]);
        expect(await found("زنداني")).toEqual(["fa.txt"]);
      });

      it("keeps Arabic letters and marks inside words, and finds a word with or without harakat or tatweel", async () => {
        expect(await found("أعدم")).toEqual(["ar.txt"]);
        expect(await found("أُعْدِمَ")).toEqual(["ar.txt"]);
        expect(await found("شدند")).toEqual(["fa.txt", "fa2.txt"]);
        // A mark alone is no word: nothing to look for.
        expect(await found("ُ")).toEqual([]);
      });

      it("finds a figure in Persian, Arabic-Indic or ASCII digits", async () => {
        expect(await found("۱۲")).toEqual(["fa.txt"]);
        expect(await found("12")).toEqual(["fa.txt"]);
        expect(await found("٩")).toEqual(["ar.txt"]);
        expect(await found("9")).toEqual(["ar.txt"]);
      });

      it("marks the word found in the snippet", async () => {
        const [hit] = (await store.search("دستکم", { limit: 10 })).hits.filter((h) => h.name === "fa.txt");
        expect(hit?.snippet).toMatch(/\[دست\u200c?کم\]/u);
      });
    });
  });
}
