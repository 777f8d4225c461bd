// Shapes met in wire copy, UN briefings and NGO bulletins outside the measured texts, on
// invented sentences: a country or a word of a sentence's opening taken for a voice, a passive
// "is believed to", running counts "as of" a day, a dot between thousands, groups named through
// "members of", a part between commas, "the real figure is".
import { describe, expect, it } from "vitest";
import { extract } from "./index.js";

const claimsOf = (text: string, published = "2019-03-20") => extract(text, { document: "wire.txt", published }).claims;
const rows = (text: string, published?: string) =>
  claimsOf(text, published).map((c) => [c.event, c.count, c.qualifier, c.period ? `${c.period.start}/${c.period.end}` : null, c.source]);
const sources = (text: string, published?: string) => claimsOf(text, published).map((c) => [c.count, c.source]);

describe("what is not a voice", () => {
  it("a country before a headline's colon is the story's place, not its source", () => {
    expect(sources("Pakistan: Eleven men hanged in Lahore\n\nEleven men were hanged in a Lahore jail on Tuesday.")).toEqual([
      [11, null],
      [11, null],
    ]);
    expect(sources("Sudan: dozens of protesters shot dead\n\nTroops shot dead at least 30 protesters on Monday, medics said.")).toEqual([
      [12, null],
      [30, "medics"],
    ]);
  });

  it("a named organisation before the colon still credits the line", () => {
    expect(sources("Amnesty International: 40 protesters killed in a week")).toEqual([[40, "Amnesty International"]]);
  });

  it("'As reported by X' credits X, and the 'As' of the opening is no one", () => {
    expect(sources("As reported by Human Rights Watch, at least 16 detainees died in custody in February.")).toEqual([[16, "Human Rights Watch"]]);
    expect(sources("As noted in the bulletin, at least 16 detainees died in custody in February.")).toEqual([[16, null]]);
  });

  it("the subject of a passive 'is believed to' did the deed; the one who says so speaks", () => {
    expect(sources("Prison officials are believed to have hanged 90 inmates since March, Amnesty International says.")).toEqual([[90, "Amnesty International"]]);
    expect(sources("The militia is said to have killed 45 villagers last month, Human Rights Watch reported.")).toEqual([[45, "Human Rights Watch"]]);
  });

  it("'but activists say' is the activists' voice", () => {
    expect(sources("The governor spoke of 20 dead, but activists say the real figure is at least 85.")).toContainEqual([85, "activists"]);
  });
});

describe("a running count 'as of' a day", () => {
  it("ends the year to date on that day", () => {
    expect(rows("As of 28 February, Hengaw had counted 61 executions this year.")).toEqual([["execution", 61, "exact", "2019-01-01/2019-02-28", "Hengaw"]]);
    expect(rows("Since the start of the year, as at 10 March, at least 75 people have been hanged.")).toEqual([["execution", 75, "at_least", "2019-01-01/2019-03-10", null]]);
  });

  it("is never the figure's one day", () => {
    const [claim] = claimsOf("As of 12 March, 230 protesters remain in detention.");
    expect(claim?.period?.start === "2019-03-12" && claim.period.end === "2019-03-12").toBe(false);
  });
});

describe("a dot between thousands", () => {
  it("'3.150 executions' is 3150", () => {
    expect(rows("At least 3.150 executions were recorded in 2017, Amnesty International said.")).toEqual([["execution", 3150, "at_least", "2017-01-01/2017-12-31", "Amnesty International"]]);
  });

  it("a decimal before a multiplier or a percentage keeps its point", () => {
    expect(claimsOf("Some 1.2 million people were displaced and 2.500 percent more were arrested in 2018.").map((c) => c.count)).not.toContain(2500);
    expect(claimsOf("About 1.500 million protesters were detained in 2018.").map((c) => c.count)).toEqual([1_500_000]);
  });
});

describe("who a figure counts", () => {
  it("'members of a group' are people the event befell", () => {
    expect(rows("At least 9 members of a teachers' association were detained in Shiraz in February.")).toEqual([["arrest", 9, "at_least", "2019-02-01/2019-02-28", null]]);
    expect(rows("Police arrested 17 members of the opposition on Sunday.")).toEqual([["arrest", 17, "exact", "2019-03-17/2019-03-17", null]]);
  });

  it("a part between commas ('six of them women') does not cut the group from its verb", () => {
    expect(rows("At least 31 people, four of them children, were killed in the raids in January.")).toEqual([
      ["killing", 31, "at_least", "2019-01-01/2019-01-31", null],
      ["killing", 4, "exact", "2019-01-01/2019-01-31", null],
    ]);
    expect(rows("Some 40 inmates, three of whom were juveniles, were hanged in 2018.").map((r) => r.slice(0, 3))).toEqual([
      ["execution", 40, "about"],
      ["execution", 3, "exact"],
    ]);
  });

  it("'are confirmed as having been killed' is a killing", () => {
    expect(rows("At least 26 civilians are confirmed as having been killed since Friday, monitors said.")).toEqual([["killing", 26, "at_least", "2019-03-15/2019-03-20", "monitors"]]);
  });

  it("'the real figure is at least N' counts what the sentence counts", () => {
    expect(rows("Officials put the number of protesters killed in 2018 at 40, but the actual number may be 150.").map((r) => r.slice(0, 3))).toEqual([
      ["killing", 40, "exact"],
      ["killing", 150, "exact"],
    ]);
  });

  it("a number of prisons or a rate is still no count", () => {
    expect(claimsOf("Hunger strikes spread to 23 prisons in 2018.")).toEqual([]);
    expect(claimsOf("In 2018 one prisoner was hanged every six hours on average.")).toEqual([]);
  });
});

describe("the victims of a part", () => {
  const victims = (text: string) => claimsOf(text).map((c) => [c.count, c.victims]);

  it("a part's own noun names its group, within the whole's", () => {
    expect(victims("Observers said at least 60 civilians, including 14 women and 20 children, were killed in the strikes in February.")).toEqual([
      [60, ["civilians"]],
      [14, ["women", "civilians"]],
      [20, []],
    ]);
  });

  it("a part with no group of its own is of the whole's", () => {
    expect(victims("Police shot dead 37 protesters in February, among them eight teenagers, the group said.")).toEqual([
      [37, ["protesters"]],
      [8, ["protesters"]],
    ]);
  });

  it("the noun after 'of them' or 'of whom were'", () => {
    expect(victims("At least 19 people, five of them women, were hanged in February.")).toEqual([
      [19, []],
      [5, ["women"]],
    ]);
    expect(victims("Some 28 inmates, two of whom were political prisoners, were hanged in 2018.")).toEqual([
      [28, ["prisoners"]],
      [2, ["political_prisoners"]],
    ]);
  });
});

describe("the time after a part's aside", () => {
  it("is the whole's, and the part shares it", () => {
    const text = "Police first reported a quiet week.\n\nPolice detained at least 300 protesters, including 12 women, in February 2018, monitors said.";
    expect(claimsOf(text).map((c) => [c.count, c.period ? `${c.period.start}/${c.period.end}` : null, c.periodFrom])).toEqual([
      [300, "2018-02-01/2018-02-28", "sentence"],
      [12, "2018-02-01/2018-02-28", "sentence"],
    ]);
  });

  it("a time inside the aside stays the part's (January of the year before)", () => {
    const text = "Officials said 90 people were killed last year, including 20 in January alone.";
    expect(claimsOf(text).map((c) => [c.count, c.period ? `${c.period.start}/${c.period.end}` : null])).toEqual([
      [90, "2018-01-01/2018-12-31"],
      [20, "2018-01-01/2018-01-31"],
    ]);
  });
});

describe("more verbs, nouns and voices of monitoring groups", () => {
  it("'re-arrested', 'tortured to death', 'N such executions'", () => {
    expect(rows("The army has re-arrested at least 45 activists freed under an amnesty in February.")).toEqual([["arrest", 45, "at_least", "2019-02-01/2019-02-28", null]]);
    expect(rows("In 2018, 38 detainees were tortured to death in military jails.").map((r) => r.slice(0, 3))).toEqual([["killing", 38, "exact"]]);
    expect(rows("Drug charges drove the rise, with 64 such executions in 2018.").map((r) => r.slice(0, 3))).toEqual([["execution", 64, "exact"]]);
  });

  it("'the group's verified figure' credits the group; 'as the rights group confirmed' the organisation the sentence named", () => {
    expect(sources("Human Rights Watch's verified figure shows that 212 people were detained in 2018.")).toEqual([[212, "Human Rights Watch"]]);
    expect(sources("The news agency Reuters reported on the trials. Amnesty International criticised the courts as the rights group confirmed 57 executions in 2018.")).toEqual([[57, "Amnesty International"]]);
  });

  it("'in custody' in the next figure's clause does not make the first figure's victims prisoners", () => {
    const [killed, arrested] = claimsOf("Monitors said more than 900 villagers were killed and 4,100 people were arrested in 2018, 2,300 of whom are still in custody.");
    expect(killed?.victims).toEqual([]);
    expect(arrested?.count).toBe(4100);
  });
});
