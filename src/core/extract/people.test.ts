// People named in a document and the role each plays.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

const people = (text: string) =>
  extract(text, { document: "ppl.txt", published: "2023-06-15" }).people.map((p) => [p.name, p.role]);

describe("people", () => {
  it("a speaker is a source", () => {
    expect(people("Maryam Rajavi said 120 women were executed in 2022.")).toEqual([["Maryam Rajavi", "source"]]);
  });

  it("a speaker introduced with an apposition is a source", () => {
    expect(people('Sara Ahmadi, a researcher at the monitor, said: "Some 90 prisoners were hanged in March."')).toEqual([["Sara Ahmadi", "source"]]);
  });

  it("source outranks official for the same person", () => {
    expect(people("Javaid Rehman, the UN Special Rapporteur, said 280 people had been executed.")).toEqual([["Javaid Rehman", "source"]]);
  });

  it("a person executed is a victim", () => {
    expect(people("Political prisoner Habib Chaab was hanged on Saturday.")).toEqual([["Habib Chaab", "victim"]]);
    expect(people("Authorities executed Navid Afkari in 2020.")).toEqual([["Navid Afkari", "victim"]]);
  });

  it("a person with a title is an official", () => {
    expect(people("The prosecutor, Ali Salehi, attended the hearing.")).toEqual([["Ali Salehi", "official"]]);
  });

  it("spans index the original text", () => {
    const text = "Reports\u00a0say Navid Afkari was executed in 2020.";
    const p = extract(text, { document: "ppl.txt", published: null }).people;
    expect(p).toHaveLength(1);
    expect(text.slice(p[0]?.span[0], p[0]?.span[1])).toBe("Navid Afkari");
  });

  it("no people in a sentence without names", () => {
    expect(people("At least 40 prisoners were executed in Karaj.")).toEqual([]);
  });

  it("organisations are not people", () => {
    expect(people("Amnesty International said 576 people were executed.")).toEqual([]);
  });
});

describe("known gaps", () => {
  it.fails("a judge, a victim and an inverted speaker in one sentence", () => {
    expect(people("Judge Abolqasem Salavati sentenced Reza Karimi to death, said Sara Ahmadi, a lawyer.")).toEqual([
      ["Abolqasem Salavati", "official"],
      ["Reza Karimi", "victim"],
      ["Sara Ahmadi", "source"],
    ]);
  });

  it.fails("a title before the name is not part of the name", () => {
    expect(people("Prosecutor-general Mohammad Jafar Montazeri said 22 protesters were arrested.")).toEqual([
      ["Mohammad Jafar Montazeri", "source"],
    ]);
  });

  it.fails("'Activist' is not part of the victim's name", () => {
    expect(people("Activist Navid Afkari was executed in 2020.")).toEqual([["Navid Afkari", "victim"]]);
  });

  it.fails("a counted group is not a person ('Twelve Baha'is')", () => {
    expect(people("Twelve Baha'is were arrested in Shiraz.")).toEqual([]);
  });

  it.fails("'the director of the group' yields no person 'of the group'", () => {
    expect(people("Mahmood Amiry-Moghaddam, the director of the group, spoke to reporters.")).toEqual([
      ["Mahmood Amiry-Moghaddam", "official"],
    ]);
  });

  it.fails("an organisation's committee is not a person", () => {
    expect(people("The NCRI Women's Committee said 16 women were executed in 2023.")).toEqual([]);
  });

  it.fails("'the police chief of Tehran' yields no person 'of Tehran'", () => {
    expect(people("Hossein Rahimi, the police chief of Tehran, announced that 300 rioters were arrested.")).toEqual([
      ["Hossein Rahimi", "source"],
    ]);
  });
});
