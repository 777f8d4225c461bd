// Document context: undated figures take the single period their paragraph or document gives.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

type Claim = ReturnType<typeof extract>["claims"][number];

const claimsOf = (text: string, published: string | null = "2023-06"): Claim[] =>
  extract(text, { document: "c.txt", published }).claims;

const period = (c: Claim | undefined) => (c?.period ? `${c.period.start}/${c.period.end}` : null);

describe("context periods", () => {
  it("a figure takes the one period its paragraph names", () => {
    const c = claimsOf("Executions rose sharply in 2022. In all, 582 people were executed.");
    expect(c).toHaveLength(1);
    expect(period(c[0])).toBe("2022-01-01/2022-12-31");
  });

  it("a figure takes a period named before it in the same paragraph for the same crackdown", () => {
    const c = claimsOf("The crackdown on the protests in 2022 was brutal. Security forces killed 550 protesters, rights groups say.");
    expect(period(c[0])).toBe("2022-01-01/2022-12-31");
  });

  it("two periods in the paragraph leave the figure undated", () => {
    const c = claimsOf("Executions rose in 2021 and again in 2022. In all, 582 people were executed.");
    expect(c).toHaveLength(1);
    expect(c[0]?.period).toBeNull();
  });

  it("a dated figure in another paragraph does not date a figure of another event", () => {
    const c = claimsOf("In 2022, 582 people were executed.\n\nThe prisons are overcrowded. Guards arrested 12 prisoners in Qezel Hesar.");
    expect(c.map((x) => [x.count, period(x)])).toEqual([
      [582, "2022-01-01/2022-12-31"],
      [12, null],
    ]);
  });

  it("the one period a document gives an event dates its undated figures of that event", () => {
    const c = claimsOf("In 2022, 582 people were executed.\n\nThe prisons are overcrowded. Guards hanged 12 prisoners in Qezel Hesar.");
    expect(c.map((x) => [x.count, period(x), x.periodFrom])).toEqual([
      [582, "2022-01-01/2022-12-31", "sentence"],
      [12, "2022-01-01/2022-12-31", "document"],
    ]);
  });

  it("two periods for the event in the document leave a figure elsewhere undated", () => {
    const c = claimsOf("In 2022, 582 people were executed. In 2021, 333 were executed.\n\nGuards hanged 12 prisoners in Qezel Hesar.");
    expect(c.find((x) => x.count === 12)?.period).toBeNull();
  });

  it("the same figure for the same event takes the period stated elsewhere in the document", () => {
    const text = "Iran hangs 12 prisoners in Karaj\n\nAuthorities in Karaj hanged twelve prisoners in May 2023, the group said.";
    const c = claimsOf(text);
    expect(c.map((x) => [x.count, period(x)])).toEqual([
      [12, "2023-05-01/2023-05-31"],
      [12, "2023-05-01/2023-05-31"],
    ]);
  });

  it("an event word carries the period the document attaches to it", () => {
    const text = "The uprising of November 2019 shook the country.\n\nAmnesty counted 304 protesters killed during the uprising.";
    const c = claimsOf(text);
    expect(c).toHaveLength(1);
    expect(period(c[0])).toBe("2019-11-01/2019-11-30");
  });

  it("an event word with two periods stays undated", () => {
    const text = "The protests of 2019 were crushed. The protests of 2022 spread further.\n\nAmnesty counted 304 protesters killed during the protests.";
    const c = claimsOf(text);
    expect(c).toHaveLength(1);
    expect(c[0]?.period).toBeNull();
  });

  it("a state (death row) does not take a paragraph's period", () => {
    const c = claimsOf("Executions surged in 2022. More than 60 women are on death row.");
    expect(c.map((x) => [x.event, period(x)])).toEqual([["death_row", null]]);
  });

  it("clutter claims are not dated from context", () => {
    const text = "In 2022, 582 people were executed in Iran, the monitor said in its report.\n\nRelated articles\nSix women executed in Qezel Hesar";
    const c = claimsOf(text);
    const teaser = c.find((x) => x.count === 6);
    expect(teaser?.clutter).toBe(true);
    expect(teaser?.period).toBeNull();
  });
});
