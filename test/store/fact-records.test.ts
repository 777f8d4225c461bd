// FactRowSharer: parsed fact rows keep their values, with repeated periods and victim lists shared.
import { describe, expect, it } from "vitest";
import { FactRowSharer } from "../../src/store/fact-records.js";
import type { ConflictRecord, FactClaimRecord } from "../../src/store/fact-store.js";

const record = (id: string, victims: string[]): string =>
  JSON.stringify({
    factId: "fact_0123456789abcdef", datingKey: "execution|Iran|women|120|-01-01|-12-31|0", credited: "Amnesty", periodLabel: null,
    claim: {
      id, documentId: "7", documentName: "a-long-report-name.txt", published: "2023-02-01", event: "execution", count: 120, qualifier: "exact",
      period: { start: "2022-01-01", end: "2022-12-31" }, place: "Iran", victims, source: "Amnesty International", sourceNetwork: "amnesty",
      reportedBy: null, duplicateGroup: "dup-7", quote: `At least 120 people were executed (${id}).`,
    },
  });

describe("FactRowSharer", () => {
  it("keeps every value and shares periods and equal victim lists", () => {
    const sharer = new FactRowSharer();
    const rows = [record("1", ["women"]), record("2", ["women"]), record("3", [])];
    const plain = rows.map((r) => JSON.parse(r) as FactClaimRecord);
    const shared = rows.map((r) => sharer.claim(JSON.parse(r) as FactClaimRecord));
    expect(shared).toEqual(plain);
    expect(shared[0]?.claim.period).toBe(shared[1]?.claim.period);
    expect(shared[0]?.claim.period).toBe(shared[2]?.claim.period);
    expect(shared[0]?.claim.victims).toBe(shared[1]?.claim.victims);
    expect(shared[2]?.claim.victims).toEqual([]);
  });

  it("keeps a conflict's values", () => {
    const sharer = new FactRowSharer();
    const json = JSON.stringify({ owner: "fact_a", contradiction: { id: "con_1", kind: "incompatible_figures", reason: "r", claims: ["1", "2"], facts: ["fact_a", "fact_b"], severity: "low", independent: true, score: 3000 } });
    expect(sharer.conflict(JSON.parse(json) as ConflictRecord)).toEqual(JSON.parse(json));
  });
});
