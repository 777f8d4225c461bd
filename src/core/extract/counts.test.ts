// Counts: digits, separators, multipliers, number words, vague plurals, headlines, ordinals.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

type Claim = ReturnType<typeof extract>["claims"][number];

const claimsOf = (text: string, published: string | null = "2023-06-15"): Claim[] =>
  extract(text, { document: "counts.txt", published }).claims;

/** [count, qualifier] of every claim. */
const counts = (text: string) => claimsOf(text).map((c) => [c.count, c.qualifier]);

describe("digits", () => {
  it("reads plain digits", () => {
    expect(counts("Officials hanged 38 prisoners in May.")).toEqual([[38, "exact"]]);
  });

  it("reads thousands separators", () => {
    expect(counts("Monitors say 1,518 people were executed worldwide.")).toEqual([[1518, "exact"]]);
    expect(counts("The regime executed 30,000 political prisoners in the summer of 1988.")).toEqual([[30000, "exact"]]);
  });

  it("reads a decimal with 'million'", () => {
    expect(counts("In all, 1.5 million people were arrested during the decade.")).toEqual([[1_500_000, "exact"]]);
  });
});

describe("number words", () => {
  it("reads hyphenated compounds", () => {
    expect(counts("Twenty-seven prisoners were executed in Karaj.")).toEqual([[27, "exact"]]);
  });

  it("reads a single word", () => {
    expect(counts("Guards arrested four activists outside the court.")).toEqual([[4, "exact"]]);
  });

  it("reads 'a dozen' as 12", () => {
    expect(counts("A dozen protesters were killed in the city.")).toEqual([[12, "exact"]]);
  });

  it("reads 'two hundred and fifty'", () => {
    expect(counts("Two hundred and fifty students were detained.")).toEqual([[250, "exact"]]);
  });
});

describe("vague plurals", () => {
  it("reads 'dozens' as at least 12", () => {
    expect(counts("Dozens of protesters were arrested on Friday.")).toEqual([[12, "at_least"]]);
  });

  it("reads 'scores' as 20", () => {
    expect(claimsOf("Scores of prisoners were executed that summer.").map((c) => c.count)).toEqual([20]);
  });
});

describe("vague plurals in dated sentences", () => {
  it("reads 'hundreds' as at least 100", () => {
    expect(counts("Hundreds of protesters were arrested in 2022.")).toEqual([[100, "at_least"]]);
  });

  it("reads 'thousands' as at least 1000", () => {
    expect(counts("Thousands of people were detained during the 2019 protests.")).toEqual([[1000, "at_least"]]);
  });
});

describe("headlines", () => {
  it("reads a figure in a title line without a full stop", () => {
    const text = "Iran hangs 12 prisoners in one week\n\nThe executions took place in Karaj.";
    const c = claimsOf(text);
    expect(c).toHaveLength(1);
    expect(c[0]?.count).toBe(12);
    expect(c[0]?.event).toBe("execution");
    expect(c[0]?.quote).toBe("Iran hangs 12 prisoners in one week");
  });

  it("reads a headline in title case", () => {
    const c = claimsOf("At Least 40 Protesters Killed in Zahedan\n\nWitnesses described chaos.");
    expect(c.map((x) => [x.event, x.count, x.qualifier])).toEqual([["killing", 40, "at_least"]]);
  });
});

describe("ordinals", () => {
  it("counts an ordinal that numbers victims", () => {
    const c = claimsOf("Iran executes 100th woman since the start of the year");
    expect(c.map((x) => [x.event, x.count])).toEqual([["execution", 100]]);
  });

  it("ignores an ordinal that numbers days", () => {
    expect(claimsOf("Prisoners were executed on the 67th day of the strike.")).toEqual([]);
  });

  it("ignores an ordinal anniversary", () => {
    expect(claimsOf("Families marked the 35th anniversary of the killings.")).toEqual([]);
  });
});

describe("known gaps", () => {
  it("reads a narrow no-break space inside a number as a separator", () => {
    const c = claimsOf("More than 1\u202f200 protesters were arrested.");
    expect(c.map((x) => x.count)).toEqual([1200]);
  });

  it("reads 'hundreds' in a sentence with no digit", () => {
    expect(counts("Hundreds of demonstrators were injured.")).toEqual([[100, "at_least"]]);
  });

  it("reads 'thousands' in a sentence with no digit", () => {
    expect(counts("Thousands of people were detained after the protests.")).toEqual([[1000, "at_least"]]);
  });

  it("reads 'tens of thousands' in a sentence with no digit", () => {
    expect(counts("Tens of thousands of people were arrested.")).toEqual([[10_000, "at_least"]]);
  });
});
