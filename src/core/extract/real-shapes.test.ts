// Shapes found in real reporting that earlier rules misread: rates and proportions, charges,
// deaths no one inflicted, prison terms in a list of death sentences, joined verbs and nouns,
// "left N dead", places named after an event, and spans counted back from a date.
import { describe, expect, it } from "vitest";
import { extract } from "./index.js";

const claimsOf = (text: string, published = "2023-06-15") => extract(text, { document: "shapes.txt", published }).claims;
const pairs = (text: string, published?: string) => claimsOf(text, published).map((c) => [c.event, c.count]);

describe("figures that are not counts", () => {
  it("an average is a rate, wherever its time unit stands", () => {
    expect(pairs("On average, more than three prisoners were hanged every day in March.")).toEqual([]);
    expect(pairs("More than three prisoners were hanged every single day in March.")).toEqual([]);
    // The month's total next to it stays a claim.
    expect(pairs("In March, 96 prisoners were hanged, an average of three a day.")).toEqual([["execution", 96]]);
  });

  it("a proportion names no count", () => {
    expect(pairs("That is one out of five executions recorded worldwide last year.")).toEqual([]);
    expect(pairs("One in every four people executed was a drug offender.")).toEqual([]);
  });

  it("a charge is not an event", () => {
    expect(pairs("The two brothers were convicted of killing three border guards.")).toEqual([]);
    expect(pairs("He was hanged for the murder of two police officers.")).toEqual([]);
    // An accusation against the authorities stays a claim.
    expect(pairs("The group accused security forces of killing 41 protesters.")).toEqual([["killing", 41]]);
  });

  it("deaths in accidents and suicides are not inflicted", () => {
    expect(pairs("At least 5 labourers died in work-related accidents in May.")).toEqual([]);
    expect(pairs("Seven couriers died in a traffic accident near the border.")).toEqual([]);
    expect(pairs("In May, 4 men were executed and at least 9 people committed suicide.")).toEqual([["execution", 4]]);
  });

  it("a prison term in a list of death sentences is not one", () => {
    expect(pairs("In April, 6 prisoners were sentenced to death, and 11 prisoners were sentenced to a total of 90 months in prison.")).toEqual([["death_sentence", 6]]);
  });
});

describe("counts written in ways that were missed", () => {
  it("joined verbs: the last names the event", () => {
    expect(pairs("In June, at least 23 Baluch citizens were summoned and detained by intelligence agents.")).toEqual([["arrest", 23]]);
    expect(pairs("Nine men were tried and hanged within a week.")).toEqual([["execution", 9]]);
  });

  it("a bracketed aside and a joined noun stay in the counted group", () => {
    expect(pairs("In May, 8 people were executed, 27 porters (border couriers) and traders were killed, and 4 women were arrested.")).toEqual([
      ["execution", 8], ["killing", 27], ["arrest", 4],
    ]);
  });

  it("left N dead", () => {
    expect(pairs("Clashes inside the ward left 6 inmates dead.")).toEqual([["killing", 6]]);
    expect(pairs("The raid left at least 14 villagers wounded.")).toEqual([["injury", 14]]);
  });

  it("a detention centre is a place, not an arrest", () => {
    const c = claimsOf("The number of prisoners who died under torture in state detention centres in May was 58.");
    expect(c.map((x) => [x.event, x.count])).toEqual([["killing", 58]]);
  });
});

describe("periods", () => {
  it("a span counted back from the date it ends on", () => {
    const [c] = claimsOf("The group said at least 212 people were executed in the three years before March 2021.", "2021-05-02");
    expect(c?.period).toEqual({ start: "2018-03-01", end: "2021-03-31" });
    const [d] = claimsOf("Officials recorded 64 executions in the 12 months to June 2022.", "2022-08-01");
    expect(d?.period).toEqual({ start: "2021-06-01", end: "2022-06-30" });
  });

  it("nothing is reported before it happens: a period ends at the publication day", () => {
    const [c] = claimsOf("In November, 45 prisoners were executed.", "2024-11-21");
    expect(c?.period).toEqual({ start: "2024-11-01", end: "2024-11-21" });
    // A month-level publication date cannot clip.
    const [d] = claimsOf("In November, 45 prisoners were executed.", "2024-11");
    expect(d?.period).toEqual({ start: "2024-11-01", end: "2024-11-30" });
  });
});

describe("not a rate", () => {
  it("a figure for one day is a count", () => {
    expect(pairs("On May 2, 2022, the authorities executed 29 people in a single day.")).toEqual([["execution", 29]]);
  });
});

describe("whose date is it", () => {
  it("a date in a clause about another event does not date the figure", () => {
    const [c] = claimsOf("Between May 2 and 9, the authorities hanged 21 men. The group said 8 of those hanged had been convicted over unrest that followed the disputed election in June 2009.", "2023-05-20");
    expect(c?.period).toEqual({ start: "2023-05-02", end: "2023-05-09" });
    const later = claimsOf("Between May 2 and 9, the authorities hanged 21 men. The group said 8 of those hanged had been convicted over unrest that followed the disputed election in June 2009.", "2023-05-20")[1];
    expect(later?.count).toBe(8);
    expect(later?.period?.start).not.toBe("2009-06-01");
  });

  it("a time in the figure's own phrase is its own, and the next time goes to the next figure", () => {
    const c = claimsOf("The monitor said 11 of this month's hangings were in one prison, after a riot last month that left 3 inmates dead.", "2022-10-20");
    expect(c.map((x) => [x.event, x.count, x.period?.start])).toEqual([
      ["execution", 11, "2022-10-01"],
      ["killing", 3, "2022-09-01"],
    ]);
  });

  it("guards left dead are not counted as victims; inmates are", () => {
    expect(pairs("The riot left two guards and five inmates dead.")).toEqual([["killing", 5]]);
  });
});

describe("comparisons between places", () => {
  it("share the period of the figure compared with, and take their own place", () => {
    const c = claimsOf("The group said Iran executed at least 640 people in 2019, compared to at least 184 in Saudi Arabia.", "2020-04-02");
    expect(c.map((x) => [x.count, x.place, x.period?.start, x.period?.end])).toEqual([
      [640, "Iran", "2019-01-01", "2019-12-31"],
      [184, "Saudi Arabia", "2019-01-01", "2019-12-31"],
    ]);
  });

  it("a comparison in time keeps its own period", () => {
    const c = claimsOf("Iran executed at least 640 people in 2019, compared to at least 250 in 2018.", "2020-04-02");
    expect(c.map((x) => [x.count, x.period?.start])).toEqual([[640, "2019-01-01"], [250, "2018-01-01"]]);
  });
});

describe("the time of a saying", () => {
  it("a recent time opening a sentence before its speaker is when it was said, not when it happened", () => {
    const text = "Security forces killed protesters across the country in November.\n\nEarlier this month, the monitor said more than 400 protesters were killed.";
    const [c] = claimsOf(text, "2019-12-16");
    expect(c?.count).toBe(400);
    expect(c?.period?.start).not.toBe("2019-12-01");
  });

  it("an explicit month that opens the sentence stays the event's", () => {
    const [c] = claimsOf("In March, the monitor said 58 prisoners were hanged.", "2023-06-15");
    expect(c?.period).toEqual({ start: "2023-03-01", end: "2023-03-31" });
  });
});

describe("parts and month pairs", () => {
  it("'N of those executed' and the parts joined to it share the whole's period, not another in the paragraph", () => {
    const text = "The monitor said at least 140 people had been executed since the start of the year.\n\nIt said 27 of those executed were Kurds, and at least 4 were women. In May alone, 61 people were hanged.";
    const c = claimsOf(text, "2023-06-15");
    expect(c.map((x) => [x.count, x.period?.start, x.period?.end])).toEqual([
      [140, "2023-01-01", "2023-06-15"],
      [27, "2023-01-01", "2023-06-15"],
      [4, "2023-01-01", "2023-06-15"],
      [61, "2023-05-01", "2023-05-31"],
    ]);
  });

  it("'in January and February' is both months", () => {
    const [c] = claimsOf("The office recorded 19 executions in January and February.", "2023-06-15");
    expect(c?.period).toEqual({ start: "2023-01-01", end: "2023-02-28" });
    const [d] = claimsOf("The office recorded 19 executions during November and December 2022.", "2023-06-15");
    expect(d?.period).toEqual({ start: "2022-11-01", end: "2022-12-31" });
  });
});

describe("lists, totals and nationalities", () => {
  it("rows of a list take the event and period of the line leading into them, and their label as the place", () => {
    const text = "Monthly figures\n\nThe monitor recorded 44 executions in August.\n\nExecutions by province in August:\nTehran: 14\nIsfahan – 9\nSistan and Baluchestan (21)\n\nOther news followed.";
    const c = claimsOf(text, "2023-09-10").filter((x) => x.count !== 44);
    expect(c.map((x) => [x.event, x.count, x.place, x.period?.start, x.period?.end])).toEqual([
      ["execution", 14, "Tehran", "2023-08-01", "2023-08-31"],
      ["execution", 9, "Isfahan", "2023-08-01", "2023-08-31"],
      ["execution", 21, "Sistan and Baluchestan", "2023-08-01", "2023-08-31"],
    ]);
  });

  it("a line of label and figure without an event lead is no claim", () => {
    expect(claimsOf("Contacts by office:\nTehran: 14\nIsfahan: 9", "2023-09-10")).toEqual([]);
  });

  it("'two dozen' is twenty-four, and 'Afghan nationals' is a nationality, not the place", () => {
    const [c] = claimsOf("In Iran, nearly two dozen Afghan nationals were hanged in July.", "2023-09-10");
    expect(c).toMatchObject({ count: 24, qualifier: "about", place: "Iran" });
  });

  it("a year naming the event in the subject does not stop the figure's event", () => {
    expect(pairs("The death toll from the 2019 protests rose to 321, a monitor said.")).toEqual([["killing", 321]]);
  });

  it("the time of a total belongs to the total", () => {
    const c = claimsOf("At least 40 people were hanged in May, bringing the total for 2023 to at least 310.", "2023-06-20");
    expect(c.map((x) => [x.count, x.period?.start, x.period?.end])).toEqual([
      [40, "2023-05-01", "2023-05-31"],
      [310, "2023-01-01", "2023-06-20"],
    ]);
  });

  it("'the experts said' speaks for the experts named before", () => {
    const c = claimsOf("UN experts condemned the hangings on Monday. \"Nineteen men were executed in one prison,\" the experts said.", "2023-06-20");
    expect(c[0]).toMatchObject({ count: 19, source: "United Nations" });
  });
});

describe("wire copy", () => {
  it("a dateline with a day ('BEIRUT, Jan 3 (Wire) -') dates nothing, and 'executed record 345' is a count", () => {
    const text = "Kingdom executed record 212 people in 2022, group says\n\nBEIRUT, Jan 3 (Example Wire) - The kingdom executed at least 212 people last year, a rights group said on Friday.\n\nThe group said foreign nationals accounted for 61 executions.";
    const c = claimsOf(text, "2023-01-03");
    expect(c.map((x) => [x.count, x.period?.start ?? null])).toEqual([[212, "2022-01-01"], [212, "2022-01-01"], [61, "2022-01-01"]]);
  });

  it("'according to the group's tally' credits the group last named", () => {
    const c = claimsOf("Reprieve said 90 people were executed in 2021. The kingdom executed 27 people in 2020, according to the group's tally.", "2022-02-01");
    expect(c.map((x) => [x.count, x.source])).toEqual([[90, "Reprieve"], [27, "Reprieve"]]);
  });
});

describe("a list of places", () => {
  it("is the place of the figures in its clause, not the country's", () => {
    const c = claimsOf("The group said at least 300 people were arrested in Ilam, Kermanshah and Kurdistan provinces last month, while more than 4,000 were detained across Iran.", "2023-06-15");
    expect(c.map((x) => [x.count, x.place])).toEqual([[300, "Ilam, Kermanshah and Kurdistan"], [4000, "Iran"]]);
  });
});

describe("'according to information received by the experts'", () => {
  it("credits the experts named before", () => {
    const c = claimsOf("UN experts condemned the hangings on Monday. At least 44 protesters were killed in 2022, according to information received by the experts.", "2023-06-20");
    expect(c[0]).toMatchObject({ count: 44, source: "United Nations" });
  });
});

describe("a place per clause", () => {
  it("a figure takes the place its own clause names, not the sentence's other country", () => {
    const c = claimsOf("Saudi Arabia executed 81 people in 2022, while in Iran at least 582 were hanged.", "2023-06-20");
    expect(c.map((x) => [x.count, x.place])).toEqual([[81, "Saudi Arabia"], [582, "Iran"]]);
  });
});

describe("a place glossed in brackets", () => {
  it("is the outer place: 'Kurdistan Province (Sanandaj)' is the province", () => {
    const c = claimsOf("Kermanshah province recorded 3 cases; Kurdistan Province (Sanandaj) saw one killed and four wounded.", "2023-08-01");
    expect(c.find((x) => x.count === 4)?.place).toBe("Kurdistan");
  });
});

describe("labels that name the event", () => {
  const claims = (text: string, published = "2024-05-29") =>
    claimsOf(text, published).map((c) => [c.event, c.count, c.period ? `${c.period.start}/${c.period.end}` : null]);

  it("a line of a statistics table is a figure for the event its label names, dated by the heading", () => {
    const text = "Annual report 2022\n\nHangings carried out: 412\nWomen hanged: 9\nArrests of lawyers - 37\nExecutions per month: 34\n";
    expect(claimsOf(text).map((c) => [c.event, c.count, c.victims])).toEqual([
      ["execution", 412, []],
      ["execution", 9, ["women"]],
      ["arrest", 37, []],
    ]);
    expect(claimsOf(text)[0]?.period).toEqual({ start: "2022-01-01", end: "2022-12-31" });
  });

  it("a sentence opening on such a label gives its figures that event", () => {
    expect(claims("Killings in the border province: 17 in 2021, against 25 in 2020.")).toEqual([
      ["killing", 17, "2021-01-01/2021-12-31"],
      ["killing", 25, "2020-01-01/2020-12-31"],
    ]);
    // A credit is no label.
    expect(claims("Amnesty International: 40 people in 2021.")).toEqual([]);
  });

  it("'N of those executions' counts the event named after 'those'", () => {
    expect(pairs("Of the 300 hangings, she said, 120 of those executions were for drug offences.")).toContainEqual(["execution", 120]);
  });
});

describe("the same period of another year", () => {
  it("dates a comparison by the main figure's period moved to that year", () => {
    const text = "Courts hanged 87 people in the first three months of the year, against 60 in the same period last year.";
    expect(claimsOf(text, "2024-05-02").map((c) => [c.count, c.period])).toEqual([
      [87, { start: "2024-01-01", end: "2024-03-31" }],
      [60, { start: "2023-01-01", end: "2023-03-31" }],
    ]);
    const toDate = "Since the start of the year, 140 people have been arrested, compared with 95 over the same period of 2022.";
    expect(claimsOf(toDate, "2024-05-02").map((c) => c.period)).toEqual([
      { start: "2024-01-01", end: "2024-05-02" },
      { start: "2022-01-01", end: "2022-05-02" },
    ]);
  });
});

describe("an office held by one person", () => {
  it("'she' after a rapporteur's statement is the rapporteur", () => {
    const text = "The Special Rapporteur said that at least 500 people were executed in 2022.\nShe added that 44 of those executions took place in public.";
    expect(claimsOf(text).map((c) => [c.count, c.source])).toEqual([
      [500, "UN Special Rapporteur"],
      [44, "UN Special Rapporteur"],
    ]);
  });
});

describe("clauses joined by 'and', days before a month, the total for the month", () => {
  it("a verb with its own figure after 'and' starts another clause", () => {
    expect(pairs("Soldiers killed 5 villagers and injured 19 others near the border.")).toEqual([["killing", 5], ["injury", 19]]);
  });

  it("'12 March' is a date even when a verb follows the month", () => {
    expect(claimsOf("The hanging of 3 men in Tabriz on 9 March brought new protests.", "2024-04-03")[0]?.period).toEqual({ start: "2024-03-09", end: "2024-03-09" });
  });

  it("'the total for the month' is the month of the date before it", () => {
    const cs = claimsOf("The hanging of 3 men in Tabriz on 9 March brings the total for the month to 41.", "2024-04-03");
    expect(cs.map((c) => [c.count, c.period])).toEqual([
      [3, { start: "2024-03-09", end: "2024-03-09" }],
      [41, { start: "2024-03-01", end: "2024-03-31" }],
    ]);
  });
});

describe("tables and comparisons of change", () => {
  it("a pipe table whose header names the event gives one figure per row, its first cell the place", () => {
    const text = "Quarterly figures: April to June 2023\n\n| City | Hangings | Notes |\n|---|---|---|\n| Tabriz | 6 | two in public |\n| Qom | 3 | |\n";
    expect(claimsOf(text, "2023-07-20").map((c) => [c.event, c.count, c.place])).toEqual([
      ["execution", 6, "Tabriz"],
      ["execution", 3, "Qom"],
    ]);
  });

  it("'an increase of 40 per cent over 2021' names a year to compare with, not the figure's", () => {
    expect(claimsOf("In all, 2022 saw 576 executions, an increase of 40 per cent over 2021.", "2023-03-01")[0]?.period).toEqual({ start: "2022-01-01", end: "2022-12-31" });
  });
});
