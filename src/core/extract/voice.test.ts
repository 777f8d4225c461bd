// Voices beyond the sentence: a report's own voice, headline credits, datelines and places.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";
import { headlineCredit, maskDateline, unnamedVoice } from "./voice.js";
import { defaultRegistry } from "../sources.js";

const sources = (text: string, published = "2024-05-02") =>
  extract(text, { document: "v.txt", published }).claims.map((c) => `${c.count} ${c.source ?? "-"}`);

describe("a report's own voice", () => {
  it("carries from the sentence that presents the report through its paragraph", () => {
    const text = "Monthly report April 2024\n\nHRANA's statistics unit has published its monthly report for April 2024. This month, 52 prisoners were executed, including 3 women. Additionally, 14 people were sentenced to death.";
    expect(sources(text)).toEqual(["52 HRANA", "3 HRANA", "14 HRANA"]);
  });

  it("does not carry a source cited with its own figure into unrelated sentences", () => {
    const text = "In 2019, Amnesty International recorded 251 executions in the country. In the capital, police shot dead 9 people at a rally in March.";
    expect(sources(text)).toEqual(["251 Amnesty International", "9 -"]);
  });

  it("an agency that announces executions describes them; it is not the voice of the count", () => {
    const text = "The kingdom executed 96 people last year. Of these executions, which were announced by the state press agency, 50 were foreign nationals. On 3 May, 11 men were beheaded.";
    expect(sources(text).at(-1)).toBe("11 -");
  });
});

describe("headline credits", () => {
  it("reads a trailing credit after a colon, a dash or 'says'", () => {
    expect(headlineCredit("Forty protesters killed in a week of unrest: Amnesty", defaultRegistry)).toBe("Amnesty International");
    expect(headlineCredit("How the country hanged 300 people in 2021 – rights group", defaultRegistry)).toBe("rights group");
    expect(headlineCredit("Nine porters shot dead on the border, Hengaw says", defaultRegistry)).toBe("Hengaw");
    expect(headlineCredit("Nine porters shot dead on the border.", defaultRegistry)).toBeNull();
    expect(headlineCredit("Executions: 2021 in review", defaultRegistry)).toBeNull();
  });
});

describe("what is never a source", () => {
  it("a wire dateline", () => {
    expect(maskDateline("BEIRUT (AFP) – Security forces killed 12 people, a monitor said.").trimStart()).toBe("Security forces killed 12 people, a monitor said.");
    expect(sources("TEHRAN: Authorities hanged 7 men on Monday.", "2024-05-07")).toEqual(["7 -"]);
    expect(sources("KABUL (Reuters) - Police shot dead 6 protesters on Sunday, hospital sources said.", "2024-05-06")).toEqual(["6 hospital sources"]);
  });

  it("a place or a weekday taken for a subject", () => {
    expect(sources("Kermanshah province recorded 14 injured porters in May.", "2024-06-02")).toEqual(["14 -"]);
    expect(sources("A leading rights group on Thursday condemned the execution of 12 men.", "2024-06-02")).not.toContain("12 Thursday");
  });

  it("a group described by where it is based is named by what it is", () => {
    expect(sources("The Kurdish rights group in Sweden said 5 porters were killed last week.", "2024-06-02")).toEqual(["5 Kurdish rights group"]);
  });

  it("unnamed sources are kept as the text names them", () => {
    expect(unnamedVoice("The men were hanged at dawn, medical and prison sources said.")).toBe("medical and prison sources");
  });
});

describe("a known source's name before a colon and a figure", () => {
  it("credits the figure to it; a place before a colon is a row, never a source", () => {
    const [c] = extract("Weekly digest\n\nIHRNGO: 38 prisoners were hanged in May.", { document: "v.txt", published: "2024-06-03" }).claims;
    expect(c?.source).toBe("IHRNGO");
    const [row] = extract("Weekly digest\n\nShiraz: 38 prisoners were hanged in May.", { document: "v.txt", published: "2024-06-03" }).claims;
    expect(row?.source ?? null).toBeNull();
  });
});

describe("voices of outlets, reports and their lines", () => {
  const sources = (text: string) => extract(text, { document: "v.txt", published: "2024-02-10" }).claims.map((c) => [c.count, c.source]);

  it("'sources told X' credits the outlet they told", () => {
    expect(sources("At least 7 prisoners were hanged in Arak on Monday, sources told Kurdistan Watch.")).toEqual([[7, "Kurdistan Watch"]]);
  });

  it("'X has learned that …' credits X", () => {
    expect(sources("Radio Zagros has learned that 4 prisoners were executed on Sunday.")).toEqual([[4, "Radio Zagros"]]);
  });

  it("'According to the report' is the report of the organisation named before, and it goes on through the line", () => {
    const text = "The Zagros Rights Centre has published its monthly report for January.\n\nAccording to the report, 19 prisoners were executed in January. At least 52 people were arrested.";
    expect(sources(text)).toEqual([[19, "Zagros Rights Centre"], [52, "Zagros Rights Centre"]]);
  });

  it("the records department of an organisation speaks for the organisation", () => {
    const text = "Figures kept by the Documentation Centre of the Zagros Rights Organisation show that 17 porters were shot dead in May.";
    expect(sources(text)).toEqual([[17, "Zagros Rights Organisation"]]);
  });

  it("'the hangings, which were reported by a named agency' describe the events: the agency gives no figure", () => {
    const text = "The kingdom put 212 people to death in 2019, Reprieve said. Of these hangings, which were formally reported by the Saudi Press Agency, 101 were of Saudi citizens and 111 of foreigners.";
    expect(sources(text)).toEqual([[212, "Reprieve"], [101, "Reprieve"], [111, "Reprieve"]]);
  });

  it("'According to this organisation, the Iranian judiciary has put … to death' credits the organisation named before, not the judiciary", () => {
    const text = "On Friday, Amnesty International published a statement on the rise in hangings.\n\nAccording to this organisation, the Iranian judiciary has put at least 41 people to death since January.";
    expect(sources(text)).toEqual([[41, "Amnesty International"]]);
  });

  it("two voices credited in two clauses each keep their own figure; a trailing credit speaks for both", () => {
    const split = "About 300 demonstrators died in the unrest, the rights monitor said, while the interior ministry put the toll at 90.";
    expect(sources(split)).toEqual([[300, "rights monitor"], [90, "interior ministry"]]);
    const trailing = "Amnesty International counted 60 hangings in the province, but the state media reported only 20 executions there, it said.";
    expect(sources(trailing).map(([, source]) => source)).toEqual(["Amnesty International", "Amnesty International"]);
  });

  it("'Data compiled by X shows', 'Figures released by X show' credit X, not the data", () => {
    expect(sources("Data compiled by Amnesty International shows that 212 people were hanged in the first half of 2024.")).toEqual([[212, "Amnesty International"]]);
    expect(sources("Figures released by Hengaw show 19 kolbars were shot dead in March.")).toEqual([[19, "Hengaw"]]);
  });

  it("'the United Nations human rights office' is the OHCHR, not the UN as a whole", () => {
    expect(sources("GENEVA - The United Nations human rights office said 37 people had been hanged in May.")).toEqual([[37, "OHCHR"]]);
  });
});

