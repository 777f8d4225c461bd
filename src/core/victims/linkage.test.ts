import { describe, expect, it } from "vitest";
import { compareRecords } from "./compare.js";
import { linkRecords } from "./linkage.js";
import type { VictimRecord } from "./types.js";

// Invented lists: three monitors name people executed in one month.
const listA: VictimRecord[] = [
  { id: "a1", source: "A", name: "Mohammad Rezaei", age: 34, place: "Tehran", date: "2024-03-10", event: "execution" },
  { id: "a2", source: "A", name: "Fatemeh Ghasemi", age: 29, sex: "female", place: "Shiraz", date: "2024-03-12" },
  { id: "a3", source: "A", name: "Ali Karimi", age: 41, place: "Tabriz", date: "2024-03-02" },
];
const listB: VictimRecord[] = [
  { id: "b1", source: "B", name: "محمد رضایی", age: 35, place: "Tehran", date: "2024-03-10", event: "execution" },
  { id: "b2", source: "B", name: "فاطمه قاسمی", sex: "female", place: "Iran", date: "2024-03" },
  // A namesake: same name, other age and city.
  { id: "b3", source: "B", name: "Ali Karimi", age: 63, place: "Zahedan", date: "2024-03-20" },
];
const listC: VictimRecord[] = [
  { id: "c1", source: "C", name: "Rezaee Muhammad", age: 34, place: "Tehran", date: "2024-03-10" },
  { id: "c2", source: "C", name: "Ali Karimi", age: 41, place: "Tabriz", date: "2024-03-02" },
];

describe("pairwise comparison", () => {
  it("matches a transliteration across scripts with age within a year, and says why", () => {
    const s = compareRecords(listA[0] as VictimRecord, listB[0] as VictimRecord);
    expect(s.class).toBe("match");
    expect(s.reasons.map((r) => r.field)).toEqual(["name", "age", "place", "date"]);
    expect(s.reasons.find((r) => r.field === "age")?.note).toMatch(/within a year/);
  });
  it("keeps namesakes with different ages and places apart", () => {
    const s = compareRecords(listA[2] as VictimRecord, listB[2] as VictimRecord);
    expect(s.class).toBe("non-match");
    expect(s.reasons.some((r) => r.field === "age" && r.points < 0)).toBe(true);
  });
  it("credits a place inside another through the gazetteer", () => {
    const s = compareRecords(listA[1] as VictimRecord, listB[1] as VictimRecord);
    expect(s.reasons.find((r) => r.field === "place")?.note).toBe("Shiraz lies in Iran");
    expect(s.class).not.toBe("non-match");
  });
  it("takes a different sex as strong evidence against", () => {
    const s = compareRecords({ id: "x", source: "A", name: "Ali Karimi", sex: "male" }, { id: "y", source: "B", name: "Ali Karimi", sex: "female" });
    expect(s.class).toBe("non-match");
  });
  it("refuses a different name", () => {
    expect(compareRecords({ id: "x", source: "A", name: "Ahmad Karimi" }, { id: "y", source: "B", name: "Hamid Karimi" }).class).not.toBe("match");
  });
});

describe("linkage into people", () => {
  const all = [...listA, ...listB, ...listC];
  it("links variants into one person and leaves the namesake alone", () => {
    const { clusters } = linkRecords(all);
    expect(clusters).toContainEqual(["a1", "b1", "c1"]);
    expect(clusters).toContainEqual(["a3", "c2"]);
    expect(clusters).toContainEqual(["b3"]);
  });
  it("sends an uncertain pair to review instead of merging it", () => {
    const { clusters, review } = linkRecords(all);
    // Fatemeh Ghasemi with no age on one side and only the country: not enough to merge alone.
    const pair = review.find((p) => [p.a, p.b].sort().join() === "a2,b2");
    const merged = clusters.some((c) => c.includes("a2") && c.includes("b2"));
    expect(Boolean(pair) !== merged).toBe(true);
  });
  it("a reviewer's 'different' splits a wrong merge, even through a third record", () => {
    const before = linkRecords(all).clusters;
    expect(before).toContainEqual(["a1", "b1", "c1"]);
    const after = linkRecords(all, { decisions: [{ a: "a1", b: "c1", same: false }] }).clusters;
    expect(after.some((c) => c.includes("a1") && c.includes("c1"))).toBe(false);
  });
  it("a reviewer's 'same' joins what the score would not", () => {
    const { clusters } = linkRecords(all, { decisions: [{ a: "a3", b: "b3", same: true }] });
    expect(clusters).toContainEqual(["a3", "b3", "c2"]);
  });
  it("does not merge two rows of one list without a reviewer", () => {
    const { clusters, review } = linkRecords([...listA, { id: "a9", source: "A", name: "Mohammad Rezaei", age: 34, place: "Tehran", date: "2024-03-10" }]);
    expect(clusters.some((c) => c.includes("a1") && c.includes("a9"))).toBe(false);
    expect(review.some((p) => [p.a, p.b].sort().join() === "a1,a9")).toBe(true);
  });
});
