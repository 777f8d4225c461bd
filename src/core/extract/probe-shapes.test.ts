// Shapes of real reporting that the measured texts barely have, checked on invented sentences:
// a year's running total, a comparison figure's own time, unnamed voices ("rights groups
// estimate"), "the week before" a named day.
import { describe, expect, it } from "vitest";
import { extract } from "./index.js";

const claimsOf = (text: string, published = "2024-06-10") => extract(text, { document: "probe.txt", published }).claims;
const periods = (text: string, published?: string) => claimsOf(text, published).map((c) => [c.count, c.period ? `${c.period.start}/${c.period.end}` : null]);
const sources = (text: string, published?: string) => claimsOf(text, published).map((c) => [c.count, c.source]);

describe("a year's running total", () => {
  it("'the year's total' is the year to date, or the year the sentence names", () => {
    expect(periods("Officials hanged 14 men in May, bringing the year's total to 249.")).toEqual([[14, "2024-05-01/2024-05-31"], [249, "2024-01-01/2024-06-10"]]);
    expect(periods("In March 2023, officials hanged 30 people, bringing the year's tally to 180.")).toEqual([[30, "2023-03-01/2023-03-31"], [180, "2023-01-01/2023-12-31"]]);
  });

  it("'the total for the year' stands in a sentence of its own", () => {
    expect(periods("Guards hanged 7 men on Tuesday. The total for the year is now 215 executions.")).toEqual([[7, "2024-06-04/2024-06-04"], [215, "2024-01-01/2024-06-10"]]);
  });

  it("a month's tally is that month to date", () => {
    expect(periods("The month's tally of executions now stands at 41.")).toEqual([[41, "2024-06-01/2024-06-10"]]);
  });
});

describe("a comparison figure keeps its own time", () => {
  it("'up from 12 in the first half': the first half is the 12's", () => {
    expect(periods("Some 18 prisoners were executed in July, up from 12 in the first half.", "2024-10-02")).toEqual([[18, "2024-07-01/2024-07-31"], [12, "2024-01-01/2024-06-30"]]);
    expect(periods("At least 31 people were executed in the third quarter, down from 40 in the second quarter.", "2024-10-02")).toEqual([[31, "2024-07-01/2024-09-30"], [40, "2024-04-01/2024-06-30"]]);
  });

  it("a bare second half not yet begun is last year's", () => {
    expect(periods("In the second half, 52 people were hanged.", "2024-03-01")).toEqual([[52, "2023-07-01/2023-12-31"]]);
  });

  it("'half a' and 'half of' are not periods", () => {
    // A period still running ends at the publication.
    expect(periods("In the first half of the year, 60 were hanged.")).toEqual([[60, "2024-01-01/2024-06-10"]]);
    expect(periods("In the first half an hour of the raid, 3 protesters were shot dead on 2 June.")).toEqual([[3, "2024-06-02/2024-06-02"]]);
  });
});

describe("unnamed voices", () => {
  it("are recorded as the text names them", () => {
    expect(sources("Rights groups estimate that 120 people were executed in May.")).toEqual([[120, "rights groups"]]);
    expect(sources("At least 45 people were executed in May, according to rights groups.")).toEqual([[45, "rights groups"]]);
    expect(sources("According to local activists, 9 protesters were arrested in Zahedan on Friday.")).toEqual([[9, "local activists"]]);
    expect(sources("Some 30 people were killed in the clashes, human rights monitors estimated.")).toEqual([[30, "human rights monitors"]]);
  });

  it("a named source still wins, and a bare 'groups' is no voice", () => {
    expect(sources("At least 45 people were executed in May, according to Amnesty International.")).toEqual([[45, "Amnesty International"]]);
    expect(sources("At least 12 men were hanged in May, according to groups.")).toEqual([[12, null]]);
  });
});

describe("the week before a named day", () => {
  it("counts back from the day the sentence names", () => {
    expect(periods("Authorities hanged 8 men on 3 May and 5 more the week before.")).toEqual([[8, "2024-05-03/2024-05-03"], [5, "2024-04-22/2024-04-28"]]);
  });

  it("counts back from the day an earlier sentence of the paragraph names", () => {
    expect(periods("On 3 May, 4 men were hanged in Karaj. A week earlier, 6 others had been executed in the same prison.")).toEqual([[4, "2024-05-03/2024-05-03"], [6, "2024-04-22/2024-04-28"]]);
  });

  it("with no day named, counts back from the publication", () => {
    expect(periods("The week before, 9 prisoners were executed.", "2024-06-12")).toEqual([[9, "2024-06-03/2024-06-09"]]);
  });

  it("'the week before the election' is not a time of its own", () => {
    expect(periods("Nine people were executed the week before the election.")).toEqual([[9, null]]);
  });
});

describe("people at risk of execution are not executed", () => {
  const events = (text: string) => claimsOf(text).map((c) => [c.event, c.count]);
  it("'could face execution', 'face the death penalty', 'scheduled to be executed', 'could be hanged'", () => {
    expect(events("At least 12 protesters could face execution, lawyers warned.")).toEqual([["death_row", 12]]);
    expect(events("Three men face the death penalty after a trial lasting a day.")).toEqual([["death_row", 3]]);
    expect(events("Four prisoners are scheduled to be executed next week.")).toEqual([["death_row", 4]]);
    expect(events("If the court upholds the verdict, 9 defendants could be hanged.")).toEqual([["death_row", 9]]);
  });

  it("an execution beside them stays one", () => {
    expect(events("At least 7 men were executed on Sunday, and 3 more are due to be hanged this week.")).toEqual([["execution", 7], ["death_row", 3]]);
  });
});

describe("a running total beside the figure that adds to it", () => {
  it("'3 died in April, bringing to 19 the number … this year': each figure its own time", () => {
    expect(periods("Three more prisoners died in custody in April, bringing to 19 the number of deaths in custody this year.")).toEqual([[3, "2024-04-01/2024-04-30"], [19, "2024-01-01/2024-06-10"]]);
  });

  it("a baseline with no time of its own takes none from its paragraph", () => {
    expect(periods("At least 31 people were executed in May, down from 40.")).toEqual([[31, "2024-05-01/2024-05-31"], [40, null]]);
    expect(periods("In May, 30 were executed, up from 22 in April.")).toEqual([[30, "2024-05-01/2024-05-31"], [22, "2024-04-01/2024-04-30"]]);
  });
});

describe("the year before a year to date, and the day before a named day", () => {
  it("'compared with 834 the previous year' after a year to date is that whole year", () => {
    expect(periods("So far this year, 250 people have been executed, compared with 834 the previous year.")).toEqual([[250, "2024-01-01/2024-06-10"], [834, "2023-01-01/2023-12-31"]]);
    // The same span a year earlier keeps the span.
    expect(periods("At least 120 people were executed in the first five months of 2024, up from 95 in the same period last year.")).toEqual([[120, "2024-01-01/2024-05-31"], [95, "2023-01-01/2023-05-31"]]);
    expect(periods("In May, 30 were executed, compared with 22 a year earlier.")).toEqual([[30, "2024-05-01/2024-05-31"], [22, "2023-05-01/2023-05-31"]]);
  });

  it("'the day before' counts back from the day named before it", () => {
    expect(periods("Seven men were hanged on 1 June. The day before, 4 others were executed in the same prison.")).toEqual([[7, "2024-06-01/2024-06-01"], [4, "2024-05-31/2024-05-31"]]);
    expect(periods("Seven men were hanged on 1 June and 4 others a day earlier.")).toEqual([[7, "2024-06-01/2024-06-01"], [4, "2024-05-31/2024-05-31"]]);
    expect(periods("The day before, 4 prisoners were executed.")).toEqual([[4, "2024-06-09/2024-06-09"]]);
    expect(periods("Two protesters were shot dead the day before the funeral.")).toEqual([[2, null]]);
  });
});

describe("wire-copy voices", () => {
  it("'said an Amnesty researcher' after a quote, and 'said Amnesty's Iran researcher', credit the organisation", () => {
    expect(sources("\"The execution of 15 people in a single week is an outrage,\" said an Amnesty researcher.")).toEqual([[15, "Amnesty International"]]);
    expect(sources("At least 15 people were executed last week, said Amnesty's Iran researcher.")).toEqual([[15, "Amnesty International"]]);
  });

  it("'the press union said' is an unnamed organisation, kept as written", () => {
    expect(sources("Authorities arrested 3 journalists in Tehran this week, the press union said.")).toEqual([[3, "press union"]]);
  });
});

describe("a corrected figure", () => {
  const claims = (text: string) => claimsOf(text).map((c) => [c.event, c.qualifier, c.count]);
  it("'revised up to 551' is the figure, not a ceiling", () => {
    expect(claims("The death toll was revised up to 551.")).toEqual([["killing", "exact", 551]]);
    expect(claims("Up to 30 people were hanged in May.")).toEqual([["execution", "up_to", 30]]);
  });
});

describe("a total's subject names its period", () => {
  it("'the number of women executed this year rose to 18 on Tuesday': this year, not the day it rose", () => {
    expect(periods("The number of women executed this year rose to 18 on Tuesday.")).toEqual([[18, "2024-01-01/2024-06-10"]]);
    // A day with no total's subject before it stays the figure's.
    expect(periods("Eighteen women were executed on Tuesday.")).toEqual([[18, "2024-06-04/2024-06-04"]]);
  });
});
