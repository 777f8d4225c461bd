// A figure that completes a predicate whose subject names the event ("Death sentences climbed
// to 96", "executions hit a record 512", "executions rose to 800 worldwide").
import { describe, expect, it } from "vitest";
import { extract } from "./index.js";

const brief = (text: string) =>
  extract(text, { document: "subject.txt", published: "2025-03-01" }).claims.map((c) => [c.event, c.count, c.qualifier, c.period?.start ?? null, c.period?.end ?? null]);

describe("a figure completing an event noun subject", () => {
  it("reads 'death sentences' as the subject, not as a sentencing verb waiting for 'to death'", () => {
    expect(brief("Death sentences climbed to 96 in 2024.")).toEqual([["death_sentence", 96, "exact", "2024-01-01", "2024-12-31"]]);
    expect(brief("The count of death sentences jumped to 58 last year.")).toEqual([["death_sentence", 58, "exact", "2024-01-01", "2024-12-31"]]);
  });

  it("still needs 'to death' after a sentencing verb", () => {
    expect(brief("The court sentenced 12 men to prison terms in 2024.")).toEqual([]);
  });

  it("passes over 'a record', 'a new' and 'a staggering' before the figure", () => {
    expect(brief("Hangings reached a record 512 in 2024.")).toEqual([["execution", 512, "exact", "2024-01-01", "2024-12-31"]]);
    expect(brief("Executions hit a new all-time high of 77 in January.")).toEqual([["execution", 77, "exact", "2025-01-01", "2025-01-31"]]);
    expect(brief("Arrests rose to a staggering 3,400 in February.")).toEqual([["arrest", 3400, "exact", "2025-02-01", "2025-02-28"]]);
  });

  it("does not take 'worldwide' or 'nationwide' after the figure for what it counts", () => {
    expect(brief("Executions rose to 800 worldwide in 2024.")).toEqual([["execution", 800, "exact", "2024-01-01", "2024-12-31"]]);
    expect(brief("Arrests climbed to 1,900 nationwide in January.")).toEqual([["arrest", 1900, "exact", "2025-01-01", "2025-01-31"]]);
  });

  it("still refuses a figure whose own noun is not people", () => {
    expect(brief("Executions were carried out in 14 provinces in 2024.")).toEqual([]);
  });
});
