// Places from the gazetteer and victim groups from the counted noun phrase.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

type Claim = ReturnType<typeof extract>["claims"][number];

function only(text: string): Claim {
  const claims = extract(text, { document: "pv.txt", published: "2023-06-15" }).claims;
  expect(claims).toHaveLength(1);
  return claims[0] as Claim;
}

describe("places", () => {
  it("a country", () => {
    expect(only("At least 30 women were executed in Iran last year.").place).toBe("Iran");
  });

  it("a city", () => {
    expect(only("Five journalists were detained in Tehran.").place).toBe("Tehran");
  });

  it("a province", () => {
    expect(only("Three juvenile offenders were hanged in Isfahan Province.").place).toBe("Isfahan Province");
  });

  it("a prison, by its canonical name", () => {
    expect(only("Ninety prisoners were executed in Ghezel Hesar Prison.").place).toBe("Ghezel Hesar Prison");
  });

  it("a prison spelled by an alias", () => {
    expect(only("Guards hanged 12 prisoners in Qezel Hesar.").place).toBe("Ghezel Hesar Prison");
  });

  it("the most specific place when several are named", () => {
    expect(only("Seven drug offenders were executed in Zahedan Central Prison in Iran.").place).toBe("Zahedan Central Prison");
  });

  it("a province with 'and' in its name", () => {
    expect(only("Forty Baluch prisoners were executed in Sistan and Baluchestan.").place).toBe("Sistan and Baluchestan");
  });

  it("no place when none is named", () => {
    expect(only("At least 31 protesters were killed on Friday.").place).toBeNull();
  });

  it("an outlet named after a place is not a place", () => {
    expect(only("Fars News Agency said 19 rioters were arrested.").place).toBeNull();
  });
});

describe("victims", () => {
  it("protesters (and their synonyms)", () => {
    expect(only("At least 70 demonstrators were injured in the clashes.").victims).toEqual(["protesters"]);
    expect(only("Police arrested 300 rioters in the city.").victims).toEqual(["protesters"]);
  });

  it("political prisoners, without the plain 'prisoners' group", () => {
    expect(only("The regime executed 30 political prisoners in Evin.").victims).toEqual(["political_prisoners"]);
  });

  it("prisoners", () => {
    expect(only("Twenty inmates were executed at dawn.").victims).toEqual(["prisoners"]);
  });

  it("women", () => {
    expect(only("At least 30 women were executed in Iran last year.").victims).toEqual(["women"]);
  });

  it("child offenders", () => {
    expect(only("Three juvenile offenders were hanged in Isfahan Province.").victims).toEqual(["child_offenders"]);
    expect(only("Authorities have hanged 12 child offenders since 2018.").victims).toEqual(["child_offenders"]);
  });

  it("drug offenders", () => {
    expect(only("Seven drug offenders were executed in Zahedan Central Prison.").victims).toEqual(["drug_offenders"]);
  });

  it("ethnic minorities", () => {
    expect(only("Security forces killed 12 Kurds in Piranshahr.").victims).toEqual(["ethnic_minorities"]);
    expect(only("Forty Baluch prisoners were executed in Sistan and Baluchestan.").victims).toContain("ethnic_minorities");
  });

  it("religious minorities", () => {
    expect(only("Twelve Baha'is were arrested in Shiraz.").victims).toEqual(["religious_minorities"]);
  });

  it("journalists", () => {
    expect(only("Five journalists were detained in Tehran.").victims).toEqual(["journalists"]);
  });

  it("civilians", () => {
    expect(only("At least 15 civilians were killed in Khuzestan.").victims).toEqual(["civilians"]);
  });

  it("no group for plain 'people'", () => {
    expect(only("Authorities executed 51 people in 2019.").victims).toEqual([]);
  });
});

describe("known gaps", () => {
  it("a group named elsewhere in the sentence does not leak into the figure", () => {
    expect(only("Police arrested 40 people near the homes of political prisoners.").victims).toEqual([]);
  });

  it("victims of a figure with a thousands separator ('1,500 protesters')", () => {
    expect(only("Security forces shot dead at least 1,500 protesters in November 2019.").victims).toEqual(["protesters"]);
  });

  it("'Eight Kurdish political prisoners were executed' yields a claim", () => {
    const c = only("Eight Kurdish political prisoners were executed in Sanandaj.");
    expect(c.count).toBe(8);
    expect(c.victims).toEqual(expect.arrayContaining(["political_prisoners", "ethnic_minorities"]));
  });

  it("'Twenty Christian converts were arrested' yields a claim", () => {
    const c = only("Twenty Christian converts were arrested in Karaj.");
    expect(c.victims).toEqual(["religious_minorities"]);
  });

  it("drug offenders named after 'were executed for'", () => {
    expect(only("According to a tally by Iran Human Rights, 256 people were executed for drug offences.").victims).toEqual(["drug_offenders"]);
  });

  it("a place the speaker is based in is not where it happened; fuel carriers are people", () => {
    const [c] = extract("The Norway-based monitor counted 14 fuel carriers killed by border guards in May.", { document: "pv.txt", published: "2024-06-10" }).claims;
    expect([c?.event, c?.count, c?.place ?? null]).toEqual(["killing", 14, null]);
  });
});

