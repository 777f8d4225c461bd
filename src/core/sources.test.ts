// The source registry's name search: aliases, case and descriptions.
import { describe, expect, it } from "vitest";
import { defaultRegistry } from "./sources.js";

const found = (phrase: string) => defaultRegistry.findIn(phrase).map((e) => e.short);

describe("SourceRegistry.findIn", () => {
  it("finds a name of several words written as the registry writes it, in any sentence", () => {
    expect(found("Iran Human Rights said on Monday")).toEqual(["IHRNGO"]);
    expect(found("a report by Amnesty International")).toEqual(["Amnesty International"]);
  });

  it("does not read a description in lower case as a capitalised name ('an Iran human rights group')", () => {
    expect(found("An Iran human rights group counted the hangings")).toEqual([]);
  });

  it("accepts a lower-case spelling the registry lists too, and text with no capitals at all", () => {
    expect(found("the office of the UN human rights office said")).toEqual(["OHCHR"]);
    expect(found("iran human rights said")).toEqual(["IHRNGO"]);
  });

  it("reads a phrase past ASCII as it reads the same phrase in ASCII (two scans, one answer)", () => {
    // A character past ASCII and the quotes sends the phrase through the general scan.
    const wide = (phrase: string) => found(`${phrase} \u00e9`);
    for (const phrase of ["Iran Human Rights said on Monday", "An Iran human rights group counted", "iran human rights said", "a report by Amnesty International and Iran Human Rights", "Amnesty`s tally", "Human Rights Watch's data"]) {
      expect(found(phrase)).toEqual(wide(phrase));
    }
    expect(found("Amnesty International\u2019s figures")).toEqual(found("Amnesty International's figures"));
    expect(found("Amnesty International\u2019s figures")).toEqual(["Amnesty International"]);
  });
});
