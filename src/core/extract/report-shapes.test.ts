// Shapes of wire copy, UN statements, annual summaries and monthly bulletins (invented sentences):
// kin and trades counted, offices as voices, totals and records, ranges, asides, sections of a report.
import { describe, expect, it } from "vitest";
import { extract } from "./index.js";

const claimsOf = (text: string, published = "2023-06-15") => extract(text, { document: "shapes.txt", published }).claims;
const pairs = (text: string, published?: string) => claimsOf(text, published).map((c) => [c.event, c.count]);

describe("kin and trades counted, offices that speak, figures that share a time", () => {
  it("'two brothers', 'eleven fishermen' are people counted", () => {
    expect(pairs("Two sisters were hanged at dawn on Monday in Arak.")).toEqual([["execution", 2]]);
    expect(pairs("Coast guards shot dead eleven fishermen off the coast last week.")).toEqual([["killing", 11]]);
  });

  it("an office described, not named, is the voice", () => {
    expect(claimsOf("Roughly 900 people were detained, the justice minister told reporters.")[0]?.source).toBe("justice minister");
    expect(claimsOf("At least 14 people died in the clashes, local officials said.")[0]?.source).toBe("local officials");
  });

  it("figures joined by 'and' share the time that closes their clause", () => {
    const cs = claimsOf("At least 9 people were killed and scores more wounded when troops fired on a march on Saturday.", "2024-03-13");
    expect(cs.map((c) => [c.event, c.period?.start])).toEqual([
      ["killing", "2024-03-09"],
      ["injury", "2024-03-09"],
    ]);
  });
});

describe("totals, records and quarters", () => {
  const dated = (text: string, published: string) => claimsOf(text, published).map((c) => [c.event, c.count, c.period ? `${c.period.start}..${c.period.end}` : null]);

  it("a record 'since 2016' is no period; 'since 2016, when N …' dates the N", () => {
    expect(dated("In 2023, 640 people were hanged, the highest number since 2016.", "2024-02-01")).toEqual([["execution", 640, "2023-01-01..2023-12-31"]]);
    expect(dated("The figure of 640 hangings was the highest since 2016.", "2024-02-01")).toEqual([["execution", 640, null]]);
    expect(dated("Hangings rose to 700 in 2023, the highest yearly total since 2016, when 810 hangings were recorded.", "2024-02-01")).toEqual([
      ["execution", 700, "2023-01-01..2023-12-31"],
      ["execution", 810, "2016-01-01..2016-12-31"],
    ]);
  });

  it("a total's own time dates the total, not the figures that add to it", () => {
    expect(dated("Four executions on Monday brought the monthly total to 41.", "2024-09-12")).toEqual([
      ["execution", 4, "2024-09-09..2024-09-09"],
      ["execution", 41, "2024-09-01..2024-09-12"],
    ]);
    expect(dated("Six more prisoners were hanged in Karaj, bringing the annual toll to 310.", "2024-09-12")).toEqual([
      ["execution", 6, null],
      ["execution", 310, "2024-01-01..2024-09-12"],
    ]);
    expect(dated("Three hangings on Sunday took this month's tally to 27.", "2024-09-12")[1]).toEqual(["execution", 27, "2024-09-01..2024-09-12"]);
    // A yearly count with a year of its own keeps that year.
    expect(dated("The yearly count of hangings fell from a peak of 410 in 2019.", "2024-09-12")).toEqual([["execution", 410, "2019-01-01..2019-12-31"]]);
  });

  it("'the first quarter' alone is the latest such quarter begun by the publication", () => {
    expect(dated("Of the 95 people executed in the first quarter, 12 were women.", "2024-05-20")[0]).toEqual(["execution", 95, "2024-01-01..2024-03-31"]);
    expect(dated("At least 80 people were executed in the fourth quarter.", "2024-05-20")[0]?.[2]).toBe("2023-10-01..2023-12-31");
  });

  it("'two more hangings', 'four more inmates': the noun after 'more' is what is counted", () => {
    expect(pairs("Two more hangings were reported on Friday.")).toEqual([["execution", 2]]);
    expect(claimsOf("Four more inmates died of their injuries.")[0]?.victims).toEqual(["prisoners"]);
  });
});

describe("ranges, cases of, labelled figures with their months", () => {
  it("'some 300 to 400' and '1,500-2,000' are ranges; 'rose from 300 to 400' is a change", () => {
    const range = claimsOf("Some 250 to 300 people are believed to have been killed.").map((c) => [c.count, c.qualifier]);
    expect(range).toEqual([[250, "at_least"], [300, "up_to"]]);
    expect(claimsOf("An estimated 1,200-1,800 students were detained.").map((c) => [c.count, c.qualifier])).toEqual([[1200, "at_least"], [1800, "up_to"]]);
    expect(claimsOf("The number of hangings rose from 120 to 190.").map((c) => c.qualifier)).not.toContain("up_to");
  });

  it("the low end of a range of years is no count of people", () => {
    expect(pairs("She was jailed for 3 to 8 years after 14 strikers were shot dead.")).toEqual([["killing", 14]]);
  });

  it("'cases of arbitrary detention' counts the detentions", () => {
    expect(pairs("Monitors logged 1,310 cases of arbitrary detention last year.")).toEqual([["arrest", 1310]]);
  });

  it("each labelled figure takes the month in brackets after it", () => {
    const cs = claimsOf("Hangings: 12 (March), 19 (April).", "2023-06-15");
    expect(cs.map((c) => [c.count, c.period?.start])).toEqual([[12, "2023-03-01"], [19, "2023-04-01"]]);
  });
});

describe("disappearances registered, thresholds, when-clauses", () => {
  it("'registered as disappeared' is a count of disappearances; 'remain missing' alone is not", () => {
    expect(pairs("More than 9,000 people are registered as disappeared in the state.")).toEqual([["disappearance", 9000]]);
    expect(pairs("At least 30 fishermen remain missing after the storm.")).toEqual([]);
  });

  it("'a year with fewer than 50' is a threshold", () => {
    expect(pairs("Death sentences fell to 18 in 2022, the fifth year in a row with fewer than 40.")).toEqual([["death_sentence", 18]]);
  });

  it("'…, when 579 were recorded' is a figure of the time before it", () => {
    const cs = claimsOf("The group counted 910 hangings in 2021, a 40% rise on 2020, when 650 were recorded.", "2022-02-01");
    expect(cs.map((c) => [c.count, c.period?.start])).toEqual([[910, "2021-01-01"], [650, "2020-01-01"]]);
  });
});

describe("a monthly report's sections", () => {
  const report = [
    "Monthly bulletin on executions – June 2024",
    "",
    "In the past month, monitors recorded at least 52 executions. Of these, 30 were for drug charges and 12 for murder.",
    "",
    "Hangings by prison",
    "",
    "Vakilabad (Mashhad): 8",
    "Dizelabad: 4",
  ].join("\n");

  it("'the past month' is the report's month; 'Of these,' parts share the event; a heading without a colon leads its rows", () => {
    const cs = claimsOf(report, "2024-07-04");
    expect(cs.map((c) => [c.event, c.count, c.period ? `${c.period.start}..${c.period.end}` : null])).toEqual([
      ["execution", 52, "2024-06-01..2024-06-30"],
      ["execution", 30, "2024-06-01..2024-06-30"],
      ["execution", 12, "2024-06-01..2024-06-30"],
      ["execution", 8, "2024-06-01..2024-06-30"],
      ["execution", 4, "2024-06-01..2024-06-30"],
    ]);
  });

  it("a heading without a colon followed by prose leads no rows", () => {
    expect(pairs("Executions in the provinces\n\nThe figures for Kerman and Yazd remain unclear.")).toEqual([]);
  });
});

describe("times of saying and since-clauses", () => {
  const dated = (text: string, published: string) => claimsOf(text, published).map((c) => [c.count, c.period ? `${c.period.start}..${c.period.end}` : null]);

  it("'warned in May that … since the start of the year' counts to the end of May", () => {
    expect(dated("The envoy warned in May that at least 150 people had been hanged since the start of the year.", "2023-11-20")).toEqual([[150, "2023-01-01..2023-05-31"]]);
  });

  it("'reported in November that …' with no other time keeps November as the events' month", () => {
    expect(dated("The watchdog reported in November that at least 31 people had been killed.", "2023-12-10")).toEqual([[31, "2023-11-01..2023-11-30"]]);
  });

  it("'since the junta took power in May 2021' runs to publication", () => {
    expect(dated("Since the junta took power in May 2021, it has arrested more than 9,000 people.", "2023-11-20")).toEqual([[9000, "2021-05-01..2023-11-20"]]);
  });

  it("'Of these, at least 60 were from …' is a part even without an event word", () => {
    const cs = claimsOf("At least 210 people were executed in the first half of the year.\n\nOf these, at least 40 were from the Kurdish minority.", "2023-07-10");
    expect(cs.map((c) => [c.event, c.count])).toEqual([["execution", 210], ["execution", 40]]);
  });
});

describe("asides between dashes, the feared dead, members of a community", () => {
  it("an aside between dashes does not cut a figure from its verb", () => {
    expect(pairs("At least 900 people \u2014 among them 75 children \u2014 were killed in the shelling.")).toEqual([["killing", 900], ["killing", 75]]);
  });

  it("'feared dead', 'presumed dead' count the killed", () => {
    expect(pairs("Up to 35 villagers were feared dead after the raid.")).toEqual([["killing", 35]]);
  });

  it("'members of the X faith (community, minority)' are people counted; 'members' alone needs its verb", () => {
    expect(pairs("Nine members of the Yarsan community were detained in Kermanshah.")).toEqual([["arrest", 9]]);
    expect(pairs("Nine members said the detentions were unlawful.")).toEqual([]);
  });
});

describe("awaiting execution, lawmakers", () => {
  it("'at imminent risk of execution' and 'facing execution' count people awaiting it", () => {
    expect(pairs("Amnesty has identified 14 prisoners at imminent risk of execution.")).toEqual([["death_row", 14]]);
    expect(pairs("At least 30 protesters are facing execution.")).toEqual([["death_row", 30]]);
  });

  it("lawmakers and candidates are people counted", () => {
    expect(pairs("Eight opposition MPs were arrested after the vote.")).toEqual([["arrest", 8]]);
  });
});

describe("labels with a year, differences, months counted back", () => {
  const dated = (text: string, published: string) => claimsOf(text, published).map((c) => [c.event, c.count, c.period ? `${c.period.start}..${c.period.end}` : null]);

  it("'Figures for 2022: 576 executions, 18 women' is a label, not a time of day", () => {
    expect(dated("Figures for 2022: 576 executions, 18 women.", "2023-02-01")).toEqual([
      ["execution", 576, "2022-01-01..2022-12-31"],
      ["execution", 18, "2022-01-01..2022-12-31"],
    ]);
    expect(pairs("The hangings began at 05:30 and ended at 6:15.")).toEqual([]);
  });

  it("'126 more than in the same period' is a difference, 'more than 126 people' a count", () => {
    expect(pairs("By June, 240 people had been hanged, 61 more than a year earlier.").map((p) => p[1])).toEqual([240]);
    expect(pairs("More than 61 people were hanged in June.").map((p) => p[1])).toEqual([61]);
  });

  it("'the 12 months to the end of November' counts back from that month's end", () => {
    expect(dated("In the 12 months to the end of November, 640 people were put to death.", "2024-01-05")).toEqual([["execution", 640, "2022-12-01..2023-11-30"]]);
  });
});

describe("subjects that hold a year, group nouns, wholes of parts, year labels", () => {
  const dated = (text: string, published: string) => claimsOf(text, published).map((c) => [c.event, c.count, c.period ? `${c.period.start}..${c.period.end}` : null]);

  it("'the number of hangings in 2022 was 410' and its variants", () => {
    expect(dated("The number of hangings in 2022 was 410.", "2023-05-01")).toEqual([["execution", 410, "2022-01-01..2022-12-31"]]);
    expect(dated("The number of hangings was 410 in 2022.", "2023-05-01")).toEqual([["execution", 410, "2022-01-01..2022-12-31"]]);
    expect(dated("In 2022, the number of hangings was 410.", "2023-05-01")).toEqual([["execution", 410, "2022-01-01..2022-12-31"]]);
    // Past a comma after a year, the subject is another clause's.
    expect(dated("Nine were put to death in March, bringing the total for 2023 to 120.", "2023-05-01").map((c) => c[0])).toEqual(["execution", "execution"]);
  });

  it("'the number of people sentenced to (put to) death in 2023 reached N' is named by its verb", () => {
    expect(pairs("The number of people sentenced to death in 2022 reached 1,900, the group said.")).toEqual([["death_sentence", 1900]]);
    expect(pairs("The number of people put to death in 2022 rose to 576.")).toEqual([["execution", 576]]);
  });

  it("'the dead included 3 journalists' counts the killed", () => {
    expect(pairs("The dead included 4 paramedics.")).toEqual([["killing", 4]]);
  });

  it("the whole of a partitive is a count when its own words name the event, not when the part's verb does", () => {
    expect(pairs("Monitors have named 402 of the 470 people killed.")).toEqual([["killing", 402], ["killing", 470]]);
    expect(pairs("Three of the 20 detainees were executed.")).toEqual([["execution", 3]]);
  });

  it("a year that labels the figure after it dates that figure", () => {
    expect(dated("Hangings by year: 2020 – 246; 2021 – 333.", "2023-05-01")).toEqual([
      ["execution", 246, "2020-01-01..2020-12-31"],
      ["execution", 333, "2021-01-01..2021-12-31"],
    ]);
  });

  it("a table row labelled by a year is that year's figure", () => {
    expect(dated("Year | Hangings\n2019 | 280\n2020 | 246\n", "2023-05-01")).toEqual([
      ["execution", 280, "2019-01-01..2019-12-31"],
      ["execution", 246, "2020-01-01..2020-12-31"],
    ]);
  });

  it("'between late September and mid-December' spans the months; 'year to date' runs from 1 January", () => {
    expect(dated("Between late September and mid-December, 320 protesters were killed.", "2023-02-01")).toEqual([["killing", 320, "2022-09-01..2022-12-31"]]);
    expect(dated("Year to date, 64 people have been hanged.", "2023-05-01")).toEqual([["execution", 64, "2023-01-01..2023-05-01"]]);
  });
});

describe("the maiming of, an army that speaks", () => {
  it("'the maiming of 40 others' counts the injured", () => {
    expect(pairs("Monitors verified the killing of 210 children and the maiming of 40 others.")).toEqual([["killing", 210], ["injury", 40]]);
  });

  it("'the army said' credits the army", () => {
    expect(claimsOf("The army said 9 soldiers had been killed in the ambush.")[0]?.source).toBe("army");
  });
});

describe("a press release's credit line, a trend that began", () => {
  it("'Amnesty International; March 3, 2024: …' credits the organisation", () => {
    expect(claimsOf("Amnesty International; March 3, 2024: At least 44 people were hanged in February.", "2024-03-03")[0]?.source).toBe("Amnesty International");
  });

  it("'a trend that began last year' dates no figure", () => {
    expect(claimsOf("Of the 40 executions, 22 were for drug charges, a trend that began last year.", "2024-03-03").map((c) => c.period)).toEqual([null, null]);
  });
});

describe("parts listed after 'Among them were', a group described by its base", () => {
  it("'Among them were 3 women and 2 juvenile offenders' are parts of the figure before", () => {
    const cs = claimsOf("At least 61 people were hanged in May.\n\nAmong them were 4 women and 1 juvenile offender.", "2024-06-10");
    expect(cs.map((c) => [c.event, c.count, c.period?.start])).toEqual([
      ["execution", 61, "2024-05-01"],
      ["execution", 4, "2024-05-01"],
      ["execution", 1, "2024-05-01"],
    ]);
  });

  it("'a tally by the Geneva-based group' names no source 'Geneva-based'", () => {
    expect(claimsOf("At least 12 people were hanged in May, according to a tally by the Geneva-based group.", "2024-06-10")[0]?.source).not.toBe("Geneva-based");
  });
});

describe("a list of years under a heading", () => {
  it("'Hangings recorded, 2019-2021' over lines 'YYYY – N' gives each year its figure", () => {
    const text = "Hangings recorded, 2019-2021\n\n2019 \u2013 41\n2020 \u2013 58\n2021 \u2013 77\n";
    expect(claimsOf(text, "2022-02-01").map((c) => `${c.event} ${c.count} ${c.period?.start}/${c.period?.end}`)).toEqual([
      "execution 41 2019-01-01/2019-12-31",
      "execution 58 2020-01-01/2020-12-31",
      "execution 77 2021-01-01/2021-12-31",
    ]);
  });
});

