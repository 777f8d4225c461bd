import { describe, it, expect } from "vitest";
import { clauseBreaks, clauseOf, splitSentences } from "./segment.js";

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe("splitSentences", () => {
  it("does not split after titles and dotted abbreviations", () => {
    expect(texts("Mr. Karimi met U.N. officials in Geneva. Dr. Ahmadi agreed.")).toEqual([
      "Mr. Karimi met U.N. officials in Geneva.",
      "Dr. Ahmadi agreed.",
    ]);
  });

  it("does not split inside decimals", () => {
    expect(texts("He said 1.5 million people had fled. Others stayed.")).toEqual([
      "He said 1.5 million people had fled.",
      "Others stayed.",
    ]);
  });

  it("does not split after a single initial", () => {
    expect(texts("The lawyer, J. Smith, spoke. Nobody replied.")).toEqual(["The lawyer, J. Smith, spoke.", "Nobody replied."]);
  });

  it("keeps a headline without a full stop as its own unit", () => {
    const t = "Iran hangs 12 prisoners\nAuthorities hanged twelve prisoners on Sunday. The group said so.";
    const s = splitSentences(t);
    expect(texts(t)).toEqual(["Iran hangs 12 prisoners", "Authorities hanged twelve prisoners on Sunday.", "The group said so."]);
    expect(s[0]?.unit).not.toBe(s[1]?.unit);
    expect(s[1]?.firstInUnit).toBe(true);
    expect(s[2]?.firstInUnit).toBe(false);
  });

  it("counts paragraphs across blank lines", () => {
    const s = splitSentences("First one.\n\nSecond one. Third one.\n\n\nFourth.");
    const p = s.map((x) => x.paragraph);
    expect(p[0]).toBe(0);
    expect(p[1]).toBe(p[2]);
    expect(new Set(p).size).toBe(3);
    expect(p[3]).toBeGreaterThan(p[2] as number);
  });

  it("joins a soft-wrapped line that continues in lower case", () => {
    const t = "Guards arrested forty\nstudents on Monday.";
    expect(texts(t)).toEqual(["Guards arrested forty\nstudents on Monday."]);
  });

  it("joins hard-wrapped text even where a line starts with a capital", () => {
    const t = [
      "Authorities in the northern city of Rasht arrested at least forty",
      "students on Monday after a protest over the poisoning of pupils at",
      "several girls' schools, according to a local rights group that has",
      "tracked the arrests since the protests began in the autumn of last",
      "year, and the group said that the students were taken to Lakan",
      "Prison where they were held without access to lawyers for days.",
    ].join("\n");
    expect(texts(t)).toHaveLength(1);
  });

  it("does not join a line that starts in capitals after a finished sentence", () => {
    expect(texts("Officials said 40 were killed.\nThe rest were injured.")).toEqual([
      "Officials said 40 were killed.",
      "The rest were injured.",
    ]);
  });

  it("splits after a closing quotation mark", () => {
    expect(texts('He said: "It was a massacre." Then he left.')).toEqual(['He said: "It was a massacre."', "Then he left."]);
  });

  it("trims surrounding whitespace", () => {
    const t = "   Padded sentence.   ";
    expect(texts(t)).toEqual(["Padded sentence."]);
  });
});

describe("clauses", () => {
  it("breaks at semicolons and before ', and'", () => {
    const s = "Forty were killed; sixty were hurt, and ten fled.";
    const b = clauseBreaks(s);
    expect(b).toHaveLength(2);
    expect(clauseOf(b, s.indexOf("Forty"))).toBe(0);
    expect(clauseOf(b, s.indexOf("sixty"))).toBe(1);
    expect(clauseOf(b, s.indexOf("ten"))).toBe(2);
  });

  it("does not break at a plain comma", () => {
    expect(clauseBreaks("In Tehran, guards arrested 12 students.")).toEqual([]);
  });
});

describe("paragraphs of one line each", () => {
  it("a block of long lines without blank lines is a paragraph a line; a list stays one", () => {
    const long = "This line is a whole paragraph of prose that goes on for well over eighty characters in all.";
    const text = [long, long, long, "", "Tehran: 4", "Karaj: 2", "Shiraz: 1"].join("\n");
    const paragraphs = splitSentences(text).map((s) => s.paragraph);
    expect(paragraphs).toEqual([0, 1, 2, 3, 3, 3]);
  });
});
