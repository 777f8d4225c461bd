// The document's shape and its own period: titles, headings, date lines, monitors' reports.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";
import { documentShape } from "./document.js";
import { splitSentences } from "../text/segment.js";

type Claim = ReturnType<typeof extract>["claims"][number];

const claimsOf = (text: string, published: string | null): Claim[] => extract(text, { document: "d.txt", published }).claims;
const period = (c: Claim | undefined) => (c?.period ? `${c.period.start}/${c.period.end}` : null);
const byCount = (claims: Claim[], n: number) => claims.find((c) => c.count === n);

describe("document shape", () => {
  it("reads a title line, a date line that is not a heading, and a list lead-in that is", () => {
    const text = "Quarterly Review of Detentions in Lowland Province\n\n3 March 2025\n\nThe review counts arrests across the province in detail.\n\nArrests by district:\n\nNorth: 14 people arrested.";
    const sentences = splitSentences(text);
    const shape = documentShape(text, sentences);
    expect(shape.title).toBe(0);
    const headings = sentences.filter((_s, i) => shape.isHeading[i]).map((s) => text.slice(s.start, s.end));
    expect(headings).toEqual(["Quarterly Review of Detentions in Lowland Province", "Arrests by district:"]);
    expect(shape.kind).toBe("report");
  });

  it("a news story that mentions a group's annual report is not itself a report", () => {
    const text = "Why the numbers keep moving\n\nWriters and editors argue about tolls all the time, and the group's annual report for 2019 is cited often.";
    const shape = documentShape(text, splitSentences(text));
    expect(shape.kind).toBe("news");
  });
});

describe("the document's own period", () => {
  it("a monthly report's title gives its figures their month, and 'this month' means that month", () => {
    const text = [
      "Monthly Report October 2024 – Rights in the Republic",
      "",
      "The monitoring group has released its monthly report. This month, 41 prisoners were executed, including 3 women. Additionally, 9 people were sentenced to death.",
    ].join("\n");
    const c = claimsOf(text, "2024-11-06");
    expect(period(byCount(c, 41))).toBe("2024-10-01/2024-10-31");
    expect(period(byCount(c, 9))).toBe("2024-10-01/2024-10-31");
    expect(byCount(c, 9)?.periodFrom).toBe("paragraph");
  });

  it("a report whose title has no date takes the period its opening states", () => {
    const text = [
      "Border porters shot or injured, a monitoring centre's report",
      "",
      "According to data registered at the centre, 12 porters were shot during March 2023 on the western border.",
      "",
      "The breakdown by cause:",
      "",
      "Direct fire: 7 porters injured and 2 killed.",
    ].join("\n");
    const c = claimsOf(text, "2023-04-02");
    expect(period(byCount(c, 7))).toBe("2023-03-01/2023-03-31");
    expect(period(byCount(c, 2))).toBe("2023-03-01/2023-03-31");
  });

  it("a heading's period dates the figures under it", () => {
    const text = [
      "What the records show",
      "",
      "The group keeps two registers, one of hangings and one of arrests, and publishes both.",
      "",
      "Figures for June 2022",
      "",
      "Guards hanged 16 prisoners in the central jail.",
    ].join("\n");
    const c = claimsOf(text, "2023-01-10");
    expect(period(byCount(c, 16))).toBe("2022-06-01/2022-06-30");
    expect(byCount(c, 16)?.periodFrom).toBe("heading");
  });

  it("a news story's undated figure stays undated: its date line is not a period", () => {
    const text = "Court hands down sentences\n\n14 May 2024\n\nA court in the capital sentenced 11 men to death for their part in a riot, lawyers said.";
    const c = claimsOf(text, "2024-05-14");
    expect(byCount(c, 11)?.period).toBeNull();
  });

  it("a day that dates one incident does not date another event's figure in the paragraph", () => {
    const text = [
      "Monthly report for August 2021",
      "",
      "On August 4, 2021, at least 5 prisoners were hanged in the provincial jail. A revolutionary court sentenced four protesters to death for arson.",
    ].join("\n");
    const c = claimsOf(text, "2021-09-03");
    expect(period(byCount(c, 5))).toBe("2021-08-04/2021-08-04");
    expect(period(byCount(c, 4))).toBe("2021-08-01/2021-08-31");
  });

  it("an undated figure keeps the period of its sentence first", () => {
    const text = "Monthly Report May 2020\n\nIn April 2020, 30 people were executed in the country.";
    const c = claimsOf(text, "2020-06-01");
    expect(period(byCount(c, 30))).toBe("2020-04-01/2020-04-30");
    expect(byCount(c, 30)?.periodFrom).toBe("sentence");
  });
});

describe("a news story's own day", () => {
  it("dates the story's undated figures for the same kind of event, no larger than its own", () => {
    const text = [
      "Province hangs 9 prisoners",
      "",
      "ANYTOWN: The province hanged up to 9 prisoners convicted of armed robbery, lawyers said.",
      "The judiciary said the men were executed on Wednesday, without giving a number.",
      "",
      "A rights group said between 6 and 9 men had been hanged.",
      "",
      "Another group said 800 people were executed in 2020.",
      "",
      "Some 40 people are on death row in the province.",
    ].join("\n");
    const c = claimsOf(text, "2021-03-12");
    expect(c.map((x) => [x.count, x.qualifier, period(x)])).toEqual([
      [9, "exact", "2021-03-10/2021-03-10"],
      [9, "up_to", "2021-03-10/2021-03-10"],
      [6, "at_least", "2021-03-10/2021-03-10"],
      [9, "up_to", "2021-03-10/2021-03-10"],
      [800, "exact", "2020-01-01/2020-12-31"],
      [40, "about", null],
    ]);
  });
});
