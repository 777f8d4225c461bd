// Event types: which verb or noun makes a figure count executions, killings, arrests…
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

type Claim = ReturnType<typeof extract>["claims"][number];

const claimsOf = (text: string, published: string | null = "2023-06-15"): Claim[] =>
  extract(text, { document: "events.txt", published }).claims;

/** The single claim of a sentence (fails when there is not exactly one). */
function only(text: string, published?: string | null): Claim {
  const claims = claimsOf(text, published);
  expect(claims).toHaveLength(1);
  return claims[0] as Claim;
}

const events = (text: string) => claimsOf(text).map((c) => [c.event, c.count]);

describe("execution", () => {
  it("reads a passive 'were hanged'", () => {
    const c = only("Eleven prisoners were hanged in Shiraz on Tuesday.");
    expect(c.event).toBe("execution");
    expect(c.count).toBe(11);
  });

  it("reads 'the execution of N'", () => {
    const c = only("Rights groups condemned the execution of 14 men convicted of drug trafficking.");
    expect(c.event).toBe("execution");
    expect(c.count).toBe(14);
  });

  it("reads 'put … to death' as an execution", () => {
    const c = only("The authorities put 9 prisoners to death in a single morning.");
    expect(c.event).toBe("execution");
    expect(c.count).toBe(9);
  });

  it("reads an active 'executed N prisoners'", () => {
    expect(events("Authorities executed 7 prisoners in Urmia.")).toEqual([["execution", 7]]);
  });

  it("reads a figure before the event noun ('four executions')", () => {
    expect(events("The monitor recorded four executions in Karaj.")).toEqual([["execution", 4]]);
  });

  it("reads 'were executed' after a word number", () => {
    expect(events("Twenty inmates were executed at dawn.")).toEqual([["execution", 20]]);
  });
});

describe("killing", () => {
  it("reads 'death toll of N' as killings", () => {
    const c = only("Activists said the death toll of the crackdown had reached 83.");
    expect(c.event).toBe("killing");
    expect(c.count).toBe(83);
  });

  it("reads 'slaughtered' as a killing", () => {
    const c = only("Security forces slaughtered 40 villagers during the raid.");
    expect(c.event).toBe("killing");
    expect(c.count).toBe(40);
  });

  it("reads 'were killed'", () => {
    expect(events("At least 31 protesters were killed in the square.")).toEqual([["killing", 31]]);
  });

  it("reads 'died in custody' as a killing", () => {
    expect(events("Around 40 people have died in custody since January.")).toEqual([["killing", 40]]);
  });

  it("keeps killings distinct from executions in one sentence", () => {
    expect(events("Forces killed 25 protesters, and the courts executed 6 others.")).toEqual([
      ["killing", 25],
      ["execution", 6],
    ]);
  });
});

describe("death sentences and death row", () => {
  it("reads 'on death row' as a state", () => {
    const c = only("More than 60 women are on death row in the country.");
    expect(c.event).toBe("death_row");
    expect(c.count).toBe(60);
  });

  it("reads 'sentenced … to death' as a death sentence", () => {
    const c = only("A revolutionary court sentenced five protesters to death last week.");
    expect(c.event).toBe("death_sentence");
    expect(c.count).toBe(5);
  });

  it("reads a passive 'were sentenced to death'", () => {
    expect(events("Two protesters were sentenced to death and three were executed.")).toEqual([
      ["death_sentence", 2],
      ["execution", 3],
    ]);
  });

  it("reads 'N death sentences' as death sentences", () => {
    expect(events("Courts handed down 45 death sentences in March.")).toEqual([["death_sentence", 45]]);
  });

  it("reads death sentences as the subject a figure completes, not as killings", () => {
    expect(events("Death sentences issued by provincial courts climbed to 64 in the first half of the year.")).toEqual([["death_sentence", 64]]);
    expect(events("The number of death sentences passed by military tribunals reached 31 in April.")).toEqual([["death_sentence", 31]]);
    expect(events("The number of prisoners on death row rose to 212 last year.")).toEqual([["death_row", 212]]);
  });
});

describe("other events", () => {
  it("reads 'arrested' in the active voice", () => {
    const c = only("Police arrested 230 students at the campus.");
    expect(c.event).toBe("arrest");
    expect(c.count).toBe(230);
  });

  it("reads 'were detained' as an arrest", () => {
    expect(events("Three journalists were detained at the airport.")).toEqual([["arrest", 3]]);
  });

  it("reads 'were injured'", () => {
    const c = only("At least 70 demonstrators were injured in the clashes.");
    expect(c.event).toBe("injury");
    expect(c.count).toBe(70);
  });

  it("reads torture, flogging, amputation and disappearance", () => {
    expect(events("At least 16 detainees were tortured in custody.")).toEqual([["torture", 16]]);
    expect(events("Six men were flogged in public.")).toEqual([["flogging", 6]]);
    expect(events("The courts ordered 4 amputations last year.")).toEqual([["amputation", 4]]);
    expect(events("Nineteen people were forcibly disappeared after the vote.")).toEqual([["disappearance", 19]]);
  });
});

describe("no event", () => {
  it("ignores figures with no event word", () => {
    expect(claimsOf("Some 300 people attended the funeral.")).toEqual([]);
    expect(claimsOf("The delegation met 12 families in the capital.")).toEqual([]);
  });

  it("does not take a prison term for a death sentence", () => {
    expect(claimsOf("The judiciary sentenced 8 men to 10 years in prison.")).toEqual([]);
  });

  it("does not read 'executed' when it governs a document, not people", () => {
    expect(claimsOf("The two governments executed 3 agreements on trade.")).toEqual([]);
  });
});

describe("known gaps", () => {
  it("reads an active 'shot dead N protesters' as a killing", () => {
    expect(events("Guards shot dead 12 protesters in the square.")).toEqual([["killing", 12]]);
  });
});

describe("a figure that completes its subject", () => {
  it("'the number of Xs <participle> <time> rose to N' counts the participle's event", () => {
    const c = only("The number of teachers detained this spring rose to 48.");
    expect([c.event, c.count, c.qualifier]).toEqual(["arrest", 48, "exact"]);
  });

  it("'now exceeds', 'has surpassed' make the figure a minimum; 'is now' links it", () => {
    const c = only("The number of protesters arrested in the province now exceeds 3,200.");
    expect([c.event, c.count, c.qualifier]).toEqual(["arrest", 3200, "more_than"]);
    const d = only("The tally of hangings has already surpassed 700.");
    expect([d.event, d.count, d.qualifier]).toEqual(["execution", 700, "more_than"]);
    const e = only("The count of executions in the province is now 96.");
    expect([e.event, e.count]).toEqual(["execution", 96]);
  });

  it("'the death sentences of/for N' count death sentences", () => {
    expect(claimsOf("An appeals court upheld the death sentences of four farmers.").map((c) => [c.event, c.count])).toEqual([["death_sentence", 4]]);
    expect(claimsOf("The judiciary confirmed death sentences for six dissidents.").map((c) => [c.event, c.count])).toEqual([["death_sentence", 6]]);
  });
});

