// Sources: who the text credits for a figure, normalised to a short name.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";
import { cleanSourceName } from "../sources.js";

type Claim = ReturnType<typeof extract>["claims"][number];

const claimsOf = (text: string): Claim[] => extract(text, { document: "src.txt", published: "2023-06-15" }).claims;

/** Source of every claim in the text. */
const sources = (text: string) => claimsOf(text).map((c) => c.source);

describe("explicit credit in the sentence", () => {
  it("according to X", () => {
    expect(sources("At least 40 prisoners were executed in May, according to Amnesty International.")).toEqual(["Amnesty International"]);
  });

  it("according to a tally by X", () => {
    expect(sources("According to a tally by Iran Human Rights, 256 people were executed for drug offences.")).toEqual(["IHRNGO"]);
  });

  it("X said", () => {
    expect(sources("Iran Human Rights said 354 people had been executed in the first half of the year.")).toEqual(["IHRNGO"]);
  });

  it("X reported that", () => {
    expect(sources("HRANA reported that 19 protesters were arrested in Rasht.")).toEqual(["HRANA"]);
    expect(sources("Reuters reported that 1,500 people were killed in less than two weeks of unrest.")).toEqual(["Reuters"]);
  });

  it("reported by X", () => {
    expect(sources("The figures, reported by Hengaw, show 12 Kurds were killed in Piranshahr.")).toEqual(["Hengaw"]);
  });

  it("a tally by X", () => {
    expect(sources("A tally by Iran Human Rights puts the number at 582, with 256 people executed for drug offences.")).toEqual(["IHRNGO"]);
  });

  it("X's figures / X's report", () => {
    expect(sources("Amnesty's figures show 20 men were executed.")).toEqual(["Amnesty International"]);
    expect(sources("Human Rights Watch's report says 30 people were arrested.")).toEqual(["Human Rights Watch"]);
  });

  it("inverted ', said X'", () => {
    expect(sources("At least 33 people were executed, said Iran Human Rights.")).toEqual(["IHRNGO"]);
  });

  it("no source when the author states the figure", () => {
    expect(sources("Authorities hanged 9 prisoners in Isfahan.")).toEqual([null]);
  });

  it("a leading '(HRANA):' credit", () => {
    expect(sources("(HRANA): At least 11 prisoners were executed in Karaj this week.")).toEqual(["HRANA"]);
  });

  it("a leading credit covers the rest of its line", () => {
    expect(sources("(HRANA): The courts were busy. At least 11 prisoners were executed in Karaj.")).toEqual(["HRANA"]);
  });
});

describe("normalisation", () => {
  it("'the NCRI's figures' → NCRI", () => {
    expect(sources("The NCRI's figures show 120 people were killed in Mahshahr.")).toEqual(["NCRI"]);
  });

  it("National Council of Resistance of Iran → NCRI", () => {
    expect(sources("The National Council of Resistance of Iran said 750 protesters were killed.")).toEqual(["NCRI"]);
  });

  it("People's Mojahedin Organization of Iran → PMOI/MEK", () => {
    expect(sources("The People's Mojahedin Organization of Iran reported that 1,500 protesters were killed.")).toEqual(["PMOI/MEK"]);
  });

  it("MEK and PMOI/MEK → PMOI/MEK", () => {
    expect(sources("The MEK reported the arrest of 3,200 people.")).toEqual(["PMOI/MEK"]);
    expect(sources("The PMOI/MEK said 600 protesters were killed.")).toEqual(["PMOI/MEK"]);
  });

  it("an NCRI committee → NCRI", () => {
    expect(sources("The NCRI Women's Committee said 16 women were executed in 2023.")).toEqual(["NCRI"]);
  });

  it("Amnesty → Amnesty International", () => {
    expect(sources("Amnesty said 576 people were executed in 2022.")).toEqual(["Amnesty International"]);
  });
});

describe("quotations and speakers", () => {
  it("Name said: \"…\"", () => {
    expect(sources('Sara Ahmadi, a researcher at the monitor, said: "Some 90 prisoners were hanged in Ghezel Hesar in March."')).toEqual(["Sara Ahmadi"]);
  });

  it("\"…,\" he said — resolved to the nearest named speaker", () => {
    const text = 'Reza Karimi, a lawyer, told reporters on Monday that the trials were unfair. "At least 22 women were executed this year," he said.';
    expect(sources(text)).toEqual(["Reza Karimi"]);
  });

  it("'She said' resolved to the person named before", () => {
    expect(sources("Sara Ahmadi said the trials were unfair. She said 37 women had been executed since January.")).toEqual(["Sara Ahmadi"]);
  });

  it("'he said' skips organisations and takes the last person", () => {
    const text = "Amnesty International said the trials were unfair. Reza Karimi told reporters the verdicts were political. He said 14 people had been hanged.";
    expect(sources(text)).toEqual(["Reza Karimi"]);
  });

  it("'the group said' resolves to the last organisation", () => {
    const text = "Amnesty International published its annual report on Tuesday. The group said 576 people were executed in Iran.";
    expect(sources(text)).toEqual(["Amnesty International"]);
  });

  it("'the organisation said' resolves to the last organisation, not an earlier one", () => {
    const text = "Amnesty International said the trials were unfair. Hengaw documented the case. The organisation said 46 Kurdish prisoners were executed.";
    expect(sources(text)).toEqual(["Hengaw"]);
  });

  it("a registry person maps to their own short name", () => {
    expect(sources("Maryam Rajavi said 120 women were executed in 2022.")).toEqual(["Maryam Rajavi"]);
  });
});

describe("known gaps", () => {
  it("\"…,\" Name said — quote credited to the speaker, not to 'We'", () => {
    expect(sources('"We have counted 61 executions since January," Sara Ahmadi said.')).toEqual(["Sara Ahmadi"]);
  });

  it("'She said' after a sentence introducing the person without a reporting verb", () => {
    expect(sources("Sara Ahmadi is a researcher at Amnesty International. She said 37 women had been executed since January.")).toEqual(["Sara Ahmadi"]);
  });

  it.fails("'he said' after a quotation whose speaker was introduced with 'spoke to reporters' (IHRNGO's director)", () => {
    const text = 'Mahmood Amiry-Moghaddam, the director of the group, spoke to reporters. "At least 22 women were executed this year," he said.';
    expect(sources(text)).toEqual(["IHRNGO"]);
  });
});

describe("cleaning a credited name", () => {
  it("keeps a name's own bracketed gloss and drops brackets the sentence left unmatched", () => {
    expect(cleanSourceName("Lakeside News Agency (LNA)")).toBe("Lakeside News Agency (LNA)");
    expect(cleanSourceName("Lakeside News Agency (LNA).")).toBe("Lakeside News Agency (LNA)");
    expect(cleanSourceName("(the Lakeside Monitor")).toBe("Lakeside Monitor");
    expect(cleanSourceName("(Lakeside Monitor)")).toBe("Lakeside Monitor");
    expect(cleanSourceName("the Lakeside Monitor),")).toBe("Lakeside Monitor");
    expect(cleanSourceName("\"Lakeside Monitor's\"")).toBe("Lakeside Monitor");
  });
});
