// Qualifiers: how a figure is hedged.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

type Claim = ReturnType<typeof extract>["claims"][number];

const claimsOf = (text: string): Claim[] => extract(text, { document: "q.txt", published: "2023-06-15" }).claims;

/** The one claim's [count, qualifier]. */
function hedge(text: string): [number, string] {
  const c = claimsOf(text);
  expect(c).toHaveLength(1);
  return [c[0]?.count as number, c[0]?.qualifier as string];
}

describe("qualifiers", () => {
  it("exact when unhedged", () => {
    expect(hedge("Guards hanged 14 prisoners in Ghezel Hesar.")).toEqual([14, "exact"]);
  });

  it("at least", () => {
    expect(hedge("At least 22 protesters were killed in Zahedan.")).toEqual([22, "at_least"]);
  });

  it("a minimum of", () => {
    expect(hedge("A minimum of 300 people were arrested.")).toEqual([300, "at_least"]);
  });

  it("no fewer than", () => {
    expect(hedge("No fewer than 45 prisoners were executed.")).toEqual([45, "at_least"]);
  });

  it("more than", () => {
    expect(hedge("More than 500 protesters were killed.")).toEqual([500, "more_than"]);
  });

  it("over", () => {
    expect(hedge("Over 7,000 people were detained.")).toEqual([7000, "more_than"]);
  });

  it("nearly", () => {
    expect(hedge("Nearly 600 prisoners were executed.")).toEqual([600, "about"]);
  });

  it("about", () => {
    expect(hedge("About 90 protesters were killed.")).toEqual([90, "about"]);
  });

  it("some", () => {
    expect(hedge("Some 30,000 political prisoners were executed.")).toEqual([30000, "about"]);
  });

  it("around", () => {
    expect(hedge("Around 1,500 demonstrators were killed.")).toEqual([1500, "about"]);
  });

  it("'30,000 odd' after the figure", () => {
    expect(hedge("The regime executed 30,000 odd political prisoners.")).toEqual([30000, "about"]);
  });

  it("'or so' after the figure", () => {
    expect(hedge("Two hundred or so protesters were arrested.")).toEqual([200, "about"]);
  });

  it("up to", () => {
    expect(hedge("Up to 80 people were executed.")).toEqual([80, "up_to"]);
  });

  it("as many as", () => {
    expect(hedge("As many as 1,200 prisoners were executed.")).toEqual([1200, "up_to"]);
  });

  it("keeps each figure's own qualifier", () => {
    const c = claimsOf("At least 12 protesters were killed and more than 300 were arrested.");
    expect(c.map((x) => [x.count, x.qualifier])).toEqual([
      [12, "at_least"],
      [300, "more_than"],
    ]);
  });

  it("does not let a qualifier leak across a clause", () => {
    const c = claimsOf("The protests lasted more than a week, and 40 people were killed.");
    expect(c.map((x) => [x.count, x.qualifier])).toEqual([[40, "exact"]]);
  });
});
