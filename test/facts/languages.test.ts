// A Persian and an English report of the same figure make one fact with two claims, and the
// Persian claim keeps its Solar Hijri label beside the Gregorian period (invented sentences;
// the extraction itself is the language packs' to test).
import { afterEach, describe, expect, it } from "vitest";
import { factText } from "../../src/cli/commands/fact-render.js";
import { FactsService } from "../../src/services/facts.js";
import { cleanup, putDoc, tempStore } from "./helpers.js";

afterEach(cleanup);

describe("facts across languages", () => {
  it("puts a Persian and an English claim of one figure in one fact, the Persian one with its calendar label", async () => {
    const { store, dataDir } = await tempStore();
    const aban = { start: "2024-10-22", end: "2024-11-20" };
    await putDoc(store, { name: "گزارش.txt", publisher: "Kurdpa", published: "2024-11-25" }, [
      { quote: "به گزارش سازمان عفو بین‌الملل دست‌کم ۱۲ زندانی در آبان ۱۴۰۳ اعدام شدند.", count: 12, qualifier: "at_least", period: aban, periodLabel: "آبان ۱۴۰۳", place: "Iran", source: "Amnesty" },
    ]);
    await putDoc(store, { name: "wire.txt", publisher: "Harbour Wire", published: "2024-11-26" }, [
      { quote: "At least 12 prisoners were executed between 22 October and 20 November, Amnesty said.", count: 12, qualifier: "at_least", period: aban, place: "Iran", source: "Amnesty" },
    ]);
    const facts = await FactsService.open(store, dataDir);
    const all = await facts.listFacts();
    expect(all).toHaveLength(1);
    const detail = await facts.getFact(all[0]?.id ?? "");
    expect(detail?.claimViews).toHaveLength(2);
    const byDoc = new Map(detail?.claimViews.map((c) => [c.document, c]));
    expect(byDoc.get("گزارش.txt")?.periodLabel).toBe("آبان ۱۴۰۳");
    expect(byDoc.get("wire.txt")).not.toHaveProperty("periodLabel");
    if (detail) expect(factText(detail, 200)).toContain("آبان ۱۴۰۳");
    await store.close();
  });
});
