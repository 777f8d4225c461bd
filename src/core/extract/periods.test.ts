// Periods: time expressions resolved against the publication date.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

type Claim = ReturnType<typeof extract>["claims"][number];

/** The period of the single claim, as "start/end", or null. */
function periodOf(text: string, published: string | null): string | null {
  const claims: Claim[] = extract(text, { document: "p.txt", published }).claims;
  expect(claims).toHaveLength(1);
  const p = claims[0]?.period ?? null;
  return p ? `${p.start}/${p.end}` : null;
}

describe("explicit dates", () => {
  it("an explicit year", () => {
    expect(periodOf("Officials executed 51 people in 2019.", "2023-06")).toBe("2019-01-01/2019-12-31");
  });

  it("a month and year", () => {
    expect(periodOf("At least 88 prisoners were executed in May 2022.", "2023-06")).toBe("2022-05-01/2022-05-31");
  });

  it("a range of years", () => {
    expect(periodOf("At least 4,000 people were executed between 2005 and 2015.", "2023-06")).toBe("2005-01-01/2015-12-31");
  });

  it("a split year '2012/13'", () => {
    expect(periodOf("Courts executed 530 people in 2012/13.", "2023-06")).toBe("2012-01-01/2013-12-31");
  });

  it("the first seven months of a year", () => {
    expect(periodOf("Authorities executed 423 people in the first seven months of 2023.", "2023-09")).toBe("2023-01-01/2023-07-31");
  });

  it("the first half of a year", () => {
    expect(periodOf("Authorities hanged 10 prisoners in the first half of 2022.", "2023-06")).toBe("2022-01-01/2022-06-30");
  });

  it("a range of months across a year end", () => {
    expect(periodOf("Between December 2022 and March 2023, 112 people were executed.", "2023-06")).toBe("2022-12-01/2023-03-31");
  });

  it("a leading date that dates the sentence", () => {
    expect(periodOf("In June 2020, 230 people were killed in the south.", "2021-01")).toBe("2020-06-01/2020-06-30");
  });
});

describe("relative to publication", () => {
  it("a month without its year, after the paragraph has named an earlier year, is that year's month", () => {
    const dated = (text: string) => extract(text, { document: "p.txt", published: "2023-06-10" }).claims.map((c) => c.period && `${c.period.start}/${c.period.end}`);
    expect(dated("Hangings rose steeply in 2022. In April, 44 prisoners were hanged in one week.")).toEqual(["2022-04-01/2022-04-30"]);
    expect(dated("In 2022, 310 prisoners were hanged, including 44 in April alone.")).toEqual(["2022-01-01/2022-12-31", "2022-04-01/2022-04-30"]);
    // No earlier year named, another paragraph, or a span of years: the latest April.
    expect(dated("In April, 44 prisoners were hanged in one week.")).toEqual(["2023-04-01/2023-04-30"]);
    expect(dated("Hangings rose steeply in 2022.\n\nIn April, 44 prisoners were hanged in one week.")).toEqual(["2023-04-01/2023-04-30"]);
    expect(dated("Hangings doubled between 2019 and 2022. In April, 44 prisoners were hanged in one week.")).toEqual(["2023-04-01/2023-04-30"]);
  });

  it("'in the month following (before) an event' is not the month of writing", () => {
    expect(periodOf("Officials have hanged at least 38 prisoners in the month following the vote.", "2023-05-26")).toBeNull();
    expect(periodOf("Officials have hanged at least 38 prisoners in the month before the holiday.", "2023-05-26")).toBeNull();
  });

  it("'in the last month' is the 30 days before a dated article, or the month before when only its month is known", () => {
    expect(periodOf("A monitoring group said 61 prisoners were hanged in the last month.", "2023-05-26")).toBe("2023-04-26/2023-05-26");
    expect(periodOf("A monitoring group said 61 prisoners were hanged in the last month.", "2023-05")).toBe("2023-04-01/2023-04-30");
    expect(periodOf("A monitoring group said 61 prisoners were hanged over the past month.", "2023-01")).toBe("2022-12-01/2022-12-31");
    expect(periodOf("A monitoring group said 61 prisoners were hanged over the past two months.", "2023-05-26")).toBe("2023-03-01/2023-05-26");
  });

  it("a bare month read in the same year", () => {
    expect(periodOf("At least 12 prisoners were executed in January.", "2021-02")).toBe("2021-01-01/2021-01-31");
  });

  it("a bare month later than publication is last year's", () => {
    expect(periodOf("At least 12 prisoners were executed in November.", "2021-02")).toBe("2020-11-01/2020-11-30");
  });

  it("last year", () => {
    expect(periodOf("Authorities executed 250 people last year.", "2021-02")).toBe("2020-01-01/2020-12-31");
  });

  it("this year, to the end of the publication month", () => {
    expect(periodOf("Authorities have executed 40 people this year.", "2021-02")).toBe("2021-01-01/2021-02-28");
  });

  it("so far this year, to the publication day", () => {
    expect(periodOf("Authorities have executed 40 people so far this year.", "2021-03-09")).toBe("2021-01-01/2021-03-09");
  });

  it("last November", () => {
    expect(periodOf("At least 300 protesters were killed last November.", "2021-02")).toBe("2020-11-01/2020-11-30");
  });

  it("since the start of 2018, to the end of the publication month", () => {
    expect(periodOf("Authorities have hanged no fewer than 12 juvenile offenders since the start of 2018.", "2021-02")).toBe("2018-01-01/2021-02-28");
  });

  it("since the start of 2018, to the publication day", () => {
    expect(periodOf("Authorities have hanged no fewer than 12 juvenile offenders since the start of 2018.", "2021-02-10")).toBe("2018-01-01/2021-02-10");
  });

  it("last week with a day-level date (Monday to Sunday)", () => {
    expect(periodOf("Nine prisoners were hanged last week.", "2021-02-10")).toBe("2021-02-01/2021-02-07");
  });

  it("last week with only a month is unknown", () => {
    expect(periodOf("Nine prisoners were hanged last week.", "2021-02")).toBeNull();
  });

  it("in the past three years", () => {
    expect(periodOf("Some 700 prisoners were executed in the past three years.", "2021-02")).toBe("2018-02-01/2021-02-28");
  });

  it("relative expressions stay null without a publication date", () => {
    expect(periodOf("At least 80 prisoners were executed last year.", null)).toBeNull();
  });

  it("an explicit year needs no publication date", () => {
    expect(periodOf("At least 80 prisoners were executed in 2015.", null)).toBe("2015-01-01/2015-12-31");
  });
});

describe("dates of reporting", () => {
  it("'said on <date> that' does not date the figure", () => {
    expect(periodOf("Amnesty said on 12 May 2021 that 246 people had been executed.", "2021-06")).toBeNull();
  });

  it("'said on <date> that … in 2020' takes the reported year", () => {
    expect(periodOf("Amnesty said on 12 May 2021 that 246 people were executed in 2020.", "2021-06")).toBe("2020-01-01/2020-12-31");
  });

  it("'In June 2020, X said that …' is not June 2020", () => {
    expect(periodOf("In June 2020, the committee said that 230 people had been killed.", "2021-01")).toBeNull();
  });

  it("a publication credit date is not the claim's period", () => {
    expect(periodOf("In a report published on 3 March 2022, the group said 95 prisoners had been executed.", "2022-03")).toBeNull();
  });
});

describe("day ranges and statements", () => {
  it("a day range inside one month", () => {
    expect(periodOf("Between Feb. 4 and 11, the province executed 19 prisoners.", "2022-03-01")).toBe("2022-02-04/2022-02-11");
    expect(periodOf("From 2 to 6 May 2021, police arrested 140 people.", "2021-06")).toBe("2021-05-02/2021-05-06");
  });

  it("a span counted back from the day a statement was made", () => {
    expect(periodOf("The monitor said on Tuesday, June 4, that 120 people had been executed over the past five months.", "2024-06-20")).toBe("2024-01-01/2024-06-04");
  });
});

describe("figures for a year still running", () => {
  it("a figure for the year of publication ends at the publication date", () => {
    expect(periodOf("In 2024, 19 new death sentences were handed down, the centre said.", "2024-12-19")).toBe("2024-01-01/2024-12-19");
    expect(periodOf("There have already been three executions in 2021.", "2021-02")).toBe("2021-01-01/2021-02-28");
  });

  it("a past year stays whole, and so does a year named without a known month of publication", () => {
    expect(periodOf("In 2023, 19 new death sentences were handed down.", "2024-01-05")).toBe("2023-01-01/2023-12-31");
    expect(periodOf("In 2024, 19 new death sentences were handed down.", "2024")).toBe("2024-01-01/2024-12-31");
  });
});

describe("spans named by their end, their part of a month or their kind", () => {
  it("since the start of the month or the week: until publication", () => {
    expect(periodOf("Nearly 90 students have been detained since the start of the month.", "2025-04-17")).toBe("2025-04-01/2025-04-17");
    expect(periodOf("Guards have killed six inmates since the beginning of the week.", "2025-04-17")).toBe("2025-04-14/2025-04-17");
    expect(periodOf("So far this month, 23 men have been hanged.", "2025-04-17")).toBe("2025-04-01/2025-04-17");
  });

  it("since a day of a month: from that day until publication", () => {
    expect(periodOf("Since 3 February, 140 people have been arrested in the capital.", "2025-04-17")).toBe("2025-02-03/2025-04-17");
    expect(periodOf("Since March 9 2024, courts have issued 58 death sentences.", "2025-04-17")).toBe("2024-03-09/2025-04-17");
  });

  it("a day of a month followed by a comma and a figure is still a day", () => {
    expect(periodOf("On 12 March, 17 prisoners were executed in the northern city.", "2025-04-17")).toBe("2025-03-12/2025-03-12");
  });

  it("since an event of a given date: from that date until publication", () => {
    expect(periodOf("About 2,300 people have disappeared since the takeover in August 2021.", "2025-04-17")).toBe("2021-08-01/2025-04-17");
  });

  it("the week or days to a day without a year", () => {
    expect(periodOf("In the week to 6 April, 12 people were hanged.", "2025-04-17")).toBe("2025-03-31/2025-04-06");
    expect(periodOf("Over the ten days ending March 20, police detained 75 people.", "2025-04-17")).toBe("2025-03-11/2025-03-20");
  });

  it("a quarter written Q1 to Q4", () => {
    expect(periodOf("In Q3 2024, at least 44 people were executed.", "2025-04-17")).toBe("2024-07-01/2024-09-30");
    expect(periodOf("Authorities executed 19 people in Q1.", "2025-04-17")).toBe("2025-01-01/2025-03-31");
  });

  it("a week of a month", () => {
    expect(periodOf("Some 40 activists were arrested in the second week of March.", "2025-04-17")).toBe("2025-03-08/2025-03-14");
    expect(periodOf("At least 9 people were killed in the last week of January 2025.", "2025-04-17")).toBe("2025-01-25/2025-01-31");
  });

  it("the weekend: the Saturday and Sunday before the day of writing", () => {
    // 2025-04-17 is a Thursday.
    expect(periodOf("Police detained 130 people over the weekend.", "2025-04-17")).toBe("2025-04-12/2025-04-13");
    // 2025-04-13 is a Sunday: "the weekend" is the one it ends, "last weekend" the one before.
    expect(periodOf("Police detained 130 people over the weekend.", "2025-04-13")).toBe("2025-04-12/2025-04-13");
    expect(periodOf("Eight protesters were killed last weekend.", "2025-04-13")).toBe("2025-04-05/2025-04-06");
  });

  it("the past fortnight and the past hours", () => {
    expect(periodOf("At least 14 people were killed in the past fortnight.", "2025-04-17")).toBe("2025-04-03/2025-04-17");
    expect(periodOf("Over the last 24 hours, 11 people have been killed.", "2025-04-17")).toBe("2025-04-16/2025-04-17");
  });
});

describe("the previous year", () => {
  it("is the year before the one the sentence names before it, else before publication", () => {
    const claims = extract("In 2021, courts issued 230 death sentences, up from 180 the previous year.", { document: "p.txt", published: "2024-03-01" }).claims;
    expect(claims.map((c) => [c.count, c.period?.start])).toEqual([[230, "2021-01-01"], [180, "2020-01-01"]]);
    expect(periodOf("Some 70 people were executed the previous year.", "2024-03-01")).toBe("2023-01-01/2023-12-31");
  });
});

describe("ranges without 'between' or 'from'", () => {
  it("days of two months, with an en dash or 'to', in brackets after 'the reporting period'", () => {
    expect(periodOf("Over the reporting period (3 February to 28 April 2025), the office recorded 61 deaths in custody.", "2025-06-01")).toBe("2025-02-03/2025-04-28");
    expect(periodOf("Over the reporting period (3 February \u2013 28 April 2025), the office recorded 61 deaths in custody.", "2025-06-01")).toBe("2025-02-03/2025-04-28");
    expect(periodOf("Over the reporting period (Feb. 3 to April 28, 2025), the office recorded 61 deaths in custody.", "2025-06-01")).toBe("2025-02-03/2025-04-28");
  });

  it("two months joined by a dash, with or without the year; 'to' between bare months needs the year", () => {
    expect(periodOf("In the months under review (March\u2013May 2024), 75 people were hanged.", "2024-07-01")).toBe("2024-03-01/2024-05-31");
    expect(periodOf("In the months under review (March\u2013May), 75 people were hanged.", "2024-07-01")).toBe("2024-03-01/2024-05-31");
    expect(periodOf("Our March to May 2024 survey counted 75 hangings.", "2024-07-01")).toBe("2024-03-01/2024-05-31");
  });

  it("a change from one month's figure to another's is not a range", () => {
    const claims = extract("Hangings rose from 20 in March to 45 in May.", { document: "p.txt", published: "2024-07-01" }).claims;
    expect(claims.map((c) => `${c.count} ${c.period?.start ?? "-"}/${c.period?.end ?? "-"}`)).toEqual(["20 2024-03-01/2024-03-31", "45 2024-05-01/2024-05-31"]);
  });
});

describe("Solar Hijri months and years in English text", () => {
  it("a Solar month with or without its year, and a Solar year, are their Gregorian days", () => {
    // 1 Aban 1402 = 23 October 2023; Azar 1402 ends on 21 December 2023.
    expect(periodOf("The group counted 66 hangings in the Iranian month of Aban.", "2023-12-10")).toBe("2023-10-23/2023-11-21");
    expect(periodOf("At least 31 people were hanged in Azar 1402.", "2024-02-01")).toBe("2023-11-22/2023-12-21");
    expect(periodOf("In the Iranian year 1400, 333 people were executed.", "2024-02-01")).toBe("2021-03-21/2022-03-20");
    // A month not yet begun at publication is last Solar year's.
    expect(periodOf("During Esfand, 44 people were executed.", "2023-12-10")).toBe("2023-02-20/2023-03-20");
  });

  it("names that are also words or agencies are months only after 'month of' or before a year", () => {
    expect(periodOf("Mehr reported that 4 people were executed.", "2023-12-10")).toBeNull();
    expect(periodOf("In the month of Mehr, 61 people were executed.", "2023-12-10")).toBe("2023-09-23/2023-10-22");
  });
});

describe("since an event or a new year", () => {
  it("'since the start of X on <date>' runs from that date to publication", () => {
    expect(periodOf("Since the start of the strike on 4 February, 230 workers have been detained.", "2025-05-10")).toBe("2025-02-04/2025-05-10");
  });

  it("'since Nowruz' and 'since the start of the Iranian year' run from the current Solar year's first day", () => {
    expect(periodOf("At least 90 prisoners have been hanged since Nowruz.", "2025-06-15")).toBe("2025-03-21/2025-06-15");
    expect(periodOf("Since the start of the Persian year, 90 prisoners have been hanged.", "2025-02-15")).toBe("2024-03-20/2025-02-15");
  });
});

describe("known gaps", () => {
  it("a day-level date after the event verb dates the event even after 'said'", () => {
    expect(periodOf("The UN said 75 protesters were killed on 30 September 2022.", "2023-06")).toBe("2022-09-30/2022-09-30");
  });
});
