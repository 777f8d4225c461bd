// Figures that are not counts of victims: no claim.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

const claimsOf = (text: string) => extract(text, { document: "neg.txt", published: "2023-06-15" }).claims;

/** [event, count] of every claim. */
const pairs = (text: string) => claimsOf(text).map((c) => [c.event, c.count]);

describe("no claim", () => {
  it("years", () => {
    expect(claimsOf("In 1988, the regime massacred political prisoners.")).toEqual([]);
    expect(claimsOf("Since 1979, the regime has executed political prisoners.")).toEqual([]);
    expect(claimsOf("The 2022 protests left many dead.")).toEqual([]);
  });

  it("ages", () => {
    expect(pairs("A 17-year-old was among 9 people executed in Shiraz.")).toEqual([["execution", 9]]);
    expect(claimsOf("He was executed at 25.")).toEqual([]);
    expect(pairs("Two men were executed, one of them at the age of 19.")).toEqual([["execution", 2]]);
  });

  it("dates", () => {
    expect(claimsOf("The executions took place on 14 March 2021.")).toEqual([]);
    expect(claimsOf("Prisoners were hanged on March 3.")).toEqual([]);
  });

  it("prison terms", () => {
    expect(claimsOf("Authorities sentenced him to 20 years in prison.")).toEqual([]);
    expect(claimsOf("The judiciary sentenced 8 men to 10 years in prison.")).toEqual([]);
  });

  it("percentages", () => {
    expect(claimsOf("Executions rose by 75 percent in 2022.")).toEqual([]);
    expect(claimsOf("Executions rose by 75% in 2022.")).toEqual([]);
  });

  it("money", () => {
    expect(claimsOf("The family paid 500 million tomans in blood money before the execution.")).toEqual([]);
    expect(claimsOf("Relatives paid $40,000 to stop the execution.")).toEqual([]);
  });

  it("counts of other people", () => {
    expect(claimsOf("Some 50 members of parliament signed a letter condemning the hangings.")).toEqual([]);
    expect(claimsOf("Around 3,000 supporters in camps in Iraq were interviewed.")).toEqual([]);
  });

  it("'one single day'", () => {
    expect(claimsOf("On one single day, prisoners were executed in three cities.")).toEqual([]);
    expect(pairs("In one single day, nine people were executed.")).toEqual([["execution", 9]]);
  });

  it("page, article and reference numbers", () => {
    expect(claimsOf("See page 45 for the list of those executed.")).toEqual([]);
    expect(claimsOf("Article 286 of the penal code allows executions.")).toEqual([]);
  });

  it("phone numbers", () => {
    expect(claimsOf("Call 0098 21 6612 3456 to report arrests.")).toEqual([]);
  });

  it("rates", () => {
    expect(claimsOf("Courts carry out ten executions a week.")).toEqual([]);
    expect(claimsOf("The regime hangs about 3 prisoners per day.")).toEqual([]);
  });

  it("clock times and votes", () => {
    expect(claimsOf("At 3 pm, guards arrested the activists.")).toEqual([]);
    expect(claimsOf("Parliament passed the bill 190 to 12 after the executions.")).toEqual([]);
  });

  it("multipliers", () => {
    expect(claimsOf("Executions were three times higher than in 2020.")).toEqual([]);
  });
});

describe("known gaps", () => {
  it("an age in apposition ('The prisoner, 28, was executed')", () => {
    expect(claimsOf("The prisoner, 28, was executed on Sunday.")).toEqual([]);
  });
});

describe("times of day", () => {
  it("'at 5 a.m.', '6pm' are hours, not people", () => {
    const ev = (t: string) => extract(t, { document: "n.txt", published: "2024-01-05" }).claims.map((c) => c.count);
    expect(ev("The prisoner was hanged at 5 a.m. in the city's central prison.")).toEqual([]);
    expect(ev("Police detained the crowd at 6pm on Sunday.")).toEqual([]);
    expect(ev("Four men were hanged at dawn, at 4 a.m.")).toEqual([4]);
  });
});
