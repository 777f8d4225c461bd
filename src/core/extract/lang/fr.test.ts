// The French pack on invented sentences of the shapes French wire copy uses.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const run = (text: string, published = "2021-05-20") => extract(text, { document: "fr.txt", published, language: "fr" }).claims;

describe("French pack", () => {
  it("reads thousands separated by a no-break space, a dot or a comma", () => {
    for (const n of ["1\u00a0250", "1\u202f250", "1 250", "1.250", "1,250"]) {
      const [c] = run(`Selon l'ONU, au moins ${n} personnes ont été tuées en mars 2021.`);
      expect(c).toMatchObject({ event: "killing", count: 1250, qualifier: "at_least", source: "United Nations" });
      expect(c?.period).toEqual({ start: "2021-03-01", end: "2021-03-31" });
    }
  });

  it("reads number words and vague amounts", () => {
    expect(run("Quatre-vingt-douze manifestants ont été arrêtés.")[0]).toMatchObject({ count: 92, event: "arrest" });
    expect(run("Une vingtaine de détenus ont été exécutés.")[0]).toMatchObject({ count: 20, qualifier: "about", event: "execution" });
  });

  it("resolves 'le mois dernier' and 'il y a N jours' against publication", () => {
    expect(run("Sept grévistes ont été tués le mois dernier, d'après Amnesty.")[0]).toMatchObject({
      count: 7, source: "Amnesty International", period: { start: "2021-04-01", end: "2021-04-30" },
    });
    expect(run("Plus de 40 personnes ont été tuées depuis les troubles déclenchés il y a 6 jours.")[0]?.period).toEqual({ start: "2021-05-14", end: "2021-05-20" });
  });

  it("gives each figure the source named before it in the sentence", () => {
    const cs = run("Amnesty évoque « au moins 12 » morts, tandis que l'opposition parle de 30 morts et l'ONU de 18 manifestants tués.");
    expect(cs.map((c) => [c.count, c.qualifier, c.source])).toEqual([
      [12, "at_least", "Amnesty International"], [30, "exact", "opposition"], [18, "exact", "United Nations"],
    ]);
  });

  it("does not count ages, percentages, durations or countries", () => {
    expect(run("Un homme de 34 ans a été tué par la police.")).toHaveLength(0);
    expect(run("Les exécutions ont augmenté de 20 % cette année.")).toHaveLength(0);
    expect(run("Les manifestants ont été arrêtés après trois jours de troubles.")).toHaveLength(0);
    expect(run("Des exécutions ont eu lieu dans 12 pays.")).toHaveLength(0);
  });

  it("reads 'plus d'un millier', 'une douzaine' and 'depuis janvier'", () => {
    expect(run("Plus d'un millier de manifestants ont été arrêtés depuis janvier.")[0]).toMatchObject({
      count: 1000, qualifier: "more_than", event: "arrest", period: { start: "2021-01-01", end: "2021-05-20" },
    });
    expect(run("Une douzaine de personnes ont été pendues pour meurtre.")[0]).toMatchObject({ count: 12, qualifier: "about", event: "execution" });
  });

  it("reads a part introduced by 'dont' in the next sentence", () => {
    const cs = run("Au moins 60 personnes ont été exécutées en avril 2021. Parmi elles, 8 femmes.");
    expect(cs.map((c) => [c.event, c.count, c.period?.start])).toEqual([["execution", 60, "2021-04-01"], ["execution", 8, "2021-04-01"]]);
  });

  it("reads semesters, quarters and the first months of a year", () => {
    expect(run("Au moins 70 personnes ont été exécutées au premier semestre 2020.")[0]?.period).toEqual({ start: "2020-01-01", end: "2020-06-30" });
    expect(run("Au moins 35 personnes ont été exécutées au troisième trimestre 2020.")[0]?.period).toEqual({ start: "2020-07-01", end: "2020-09-30" });
    expect(run("Au moins 90 personnes ont été exécutées durant les quatre premiers mois de 2020.")[0]?.period).toEqual({ start: "2020-01-01", end: "2020-04-30" });
  });

  it("dates a figure by a weekday or last week, but a weekday after a reporting verb is the saying's", () => {
    // 2021-05-20 is a Thursday.
    expect(run("Jeudi, 14 détenus ont été exécutés à Ispahan.")[0]?.period).toEqual({ start: "2021-05-20", end: "2021-05-20" });
    expect(run("Lundi soir, 9 manifestants ont été tués par la police.")[0]?.period).toEqual({ start: "2021-05-17", end: "2021-05-17" });
    expect(run("La semaine dernière, 31 militants ont été arrêtés.")[0]?.period).toEqual({ start: "2021-05-10", end: "2021-05-16" });
    const [c] = run("En avril, 40 prisonniers ont été pendus, a indiqué mardi une ONG.");
    expect(c?.period).toEqual({ start: "2021-04-01", end: "2021-04-30" });
  });

  it("gives the parts the voice of their whole", () => {
    const cs = run("Au moins 70 personnes ont été exécutées en avril, selon Amnesty International. Parmi elles figurent six femmes.");
    expect(cs.map((c) => [c.count, c.source])).toEqual([[70, "Amnesty International"], [6, "Amnesty International"]]);
  });

  it("a superlative's time ('le plus élevé depuis 2015') dates no figure", () => {
    const [c] = run("Bilan le plus lourd depuis 2015, 246 personnes ont été exécutées au cours de l'année 2020.");
    expect(c?.period).toEqual({ start: "2020-01-01", end: "2020-12-31" });
  });

  it("takes a ministry as the voice, and authorities who did the deed as doers, not voices", () => {
    const [toll] = run("Le bilan s'élève à 87 morts, a annoncé lundi le ministère de la Santé.");
    expect(toll).toMatchObject({ event: "killing", count: 87, source: "Health Ministry" });
    const [deed] = run("En 2020, les autorités saoudiennes ont exécuté 27 personnes, selon Amnesty International.");
    expect(deed).toMatchObject({ event: "execution", count: 27, source: "Amnesty International" });
    // Described sources that speak keep their voice.
    const [said] = run("Les autorités ont annoncé que 12 manifestants avaient été tués samedi.");
    expect(said).toMatchObject({ count: 12, source: "authorities" });
  });
});

describe("French periods and voices of other shapes", () => {
  const one = (text: string, published = "2024-06-12") => {
    const cs = run(text, published);
    expect(cs).toHaveLength(1);
    return cs[0];
  };

  it("a range of months: 'entre janvier et mars', 'de mars à mai 2023'", () => {
    expect(one("Entre février et avril, 64 étudiants ont été arrêtés.")?.period).toEqual({ start: "2024-02-01", end: "2024-04-30" });
    expect(one("De mars à mai 2023, au moins 31 personnes ont été exécutées.")?.period).toEqual({ start: "2023-03-01", end: "2023-05-31" });
  });

  it("the weekend before the day of writing (a Wednesday here)", () => {
    expect(one("Onze manifestants ont été tués au cours du week-end.")?.period).toEqual({ start: "2024-06-08", end: "2024-06-09" });
  });

  it("'l'année précédente' is the year before the one named before it", () => {
    const cs = run("En 2022, 75 personnes ont été condamnées à mort, contre 52 l'année précédente.", "2024-06-12");
    expect(cs.map((c) => [c.count, c.period?.start, c.period?.end])).toEqual([
      [75, "2022-01-01", "2022-12-31"],
      [52, "2021-01-01", "2021-12-31"],
    ]);
  });

  it("a source the registry does not know, named after a credit, but never a place", () => {
    expect(one("Vingt militants ont été interpellés mardi, a dénoncé le Comité de soutien aux prisonniers dans un communiqué.")?.source).toBe("Comité de soutien aux prisonniers");
    expect(one("Selon l'Association des familles de disparus, 140 personnes ont disparu depuis 2021.")?.source).toBe("Association des familles de disparus");
    expect(one("Selon Téhéran, 14 personnes ont été tuées lors des affrontements.")?.source).toBeNull();
  });
});

describe("French comparisons with the same period", () => {
  it("'la même période de 2022' and 'la même période l'an dernier'", () => {
    const a = run("Au premier semestre 2023, 88 personnes ont été exécutées, contre 61 sur la même période de 2022.", "2024-06-12");
    expect(a.map((c) => [c.count, c.period])).toEqual([
      [88, { start: "2023-01-01", end: "2023-06-30" }],
      [61, { start: "2022-01-01", end: "2022-06-30" }],
    ]);
    const b = run("Depuis le début de l'année, 140 militants ont été arrêtés, contre 90 à la même période l'an dernier.", "2024-06-12");
    expect(b.map((c) => c.period)).toEqual([
      { start: "2024-01-01", end: "2024-06-12" },
      { start: "2023-01-01", end: "2023-06-12" },
    ]);
  });
});

describe("French shapes beyond the development set", () => {
  const pub = "2024-06-15";
  const one = (text: string) => run(text, pub);

  it("reads other verbs of death, disappearance and custody", () => {
    expect(one("Vingt-deux manifestants ont perdu la vie lors de la dispersion.")[0]).toMatchObject({ event: "killing", count: 22 });
    expect(one("Au moins 9 personnes ont trouvé la mort dans les heurts.")[0]).toMatchObject({ event: "killing", count: 9, qualifier: "at_least" });
    expect(one("Au moins 6 femmes sont mortes en détention depuis janvier.")[0]).toMatchObject({ event: "killing", count: 6 });
    expect(one("Au total, 2.340 personnes ont disparu depuis 2016.")[0]).toMatchObject({ event: "disappearance", count: 2340 });
    expect(one("Environ 130 personnes ont été placées en garde à vue.")[0]).toMatchObject({ event: "arrest", count: 130, qualifier: "about" });
  });

  it("takes no rate as a count", () => {
    expect(one("Au moins 4 exécutions par jour ont été recensées en avril.")).toHaveLength(0);
    expect(one("En moyenne 3 personnes sont exécutées chaque jour.")).toHaveLength(0);
  });

  it("finds a registry name with an elided article inside it", () => {
    expect(one("Le Haut-Commissariat aux droits de l'homme a dénombré 31 exécutions depuis le 1er mai.")[0]?.source).toBe("OHCHR");
  });

  it("does not take the agency a speaker talks to as the voice", () => {
    expect(one("Au moins 14 manifestants ont été tués, a déclaré à l'AFP un médecin de l'hôpital.")[0]?.source).toBeNull();
    expect(one("Au moins 14 manifestants ont été tués, a indiqué Amnesty International à l'AFP.")[0]?.source).toBe("Amnesty International");
    expect(one("Au moins 14 manifestants ont été tués, selon l'AFP.")[0]?.source).toBe("AFP");
  });
});

describe("French periods and voices of wire copy", () => {
  const pub = "2024-06-15"; // a Saturday
  const one = (text: string) => run(text, pub);

  it("runs 'depuis mardi' and 'depuis le début du mois' to the day of writing", () => {
    expect(one("La répression a fait au moins 26 morts depuis mardi.")[0]?.period).toEqual({ start: "2024-06-11", end: "2024-06-15" });
    expect(one("Plus de 300 civils ont été tués depuis le début du mois.")[0]?.period).toEqual({ start: "2024-06-01", end: "2024-06-15" });
  });

  it("runs 'depuis le début du conflit en avril 2023' to the day of writing", () => {
    expect(one("Plus de 9 000 personnes ont été tuées depuis le début du conflit en avril 2023.")[0]?.period).toEqual({ start: "2023-04-01", end: "2024-06-15" });
    expect(one("Quelque 400 personnes ont été tuées depuis le déclenchement de la guerre en 2022.")[0]?.period).toEqual({ start: "2022-01-01", end: "2024-06-15" });
  });

  it("reads a day span 'entre le 1er et le 10 juin'", () => {
    expect(one("Entre le 1er et le 10 juin, 19 personnes ont été exécutées.")[0]?.period).toEqual({ start: "2024-06-01", end: "2024-06-10" });
  });

  it("'l'année écoulée' is the last twelve months, or the year before early in a year", () => {
    expect(one("Au cours de l'année écoulée, 700 exécutions ont eu lieu.")[0]?.period).toEqual({ start: "2023-06-16", end: "2024-06-15" });
    expect(run("Au cours de l'année écoulée, 700 exécutions ont eu lieu.", "2024-01-20")[0]?.period).toEqual({ start: "2023-01-01", end: "2023-12-31" });
  });

  it("a superlative's 'depuis 2015' does not date the figure", () => {
    expect(one("En 2023, le nombre d'exécutions a atteint 790, le chiffre le plus élevé depuis 2015.")[0]?.period).toEqual({ start: "2023-01-01", end: "2023-12-31" });
  });

  it("reads 'condamnées à la peine capitale' as death sentences", () => {
    expect(one("Quelque 1.100 personnes ont été condamnées à la peine capitale en 2023.")[0]).toMatchObject({ event: "death_sentence", count: 1100, qualifier: "about" });
  });

  it("gives a figure the event word after it when two stand as near", () => {
    const cs = one("Les heurts ont fait 15 morts et une trentaine de blessés.");
    expect(cs.map((c) => [c.event, c.count])).toEqual([["killing", 15], ["injury", 30]]);
  });

  it("the authorities named as the agent of a passive are not the voice", () => {
    expect(one("Depuis janvier, 240 personnes ont été mises à mort par les autorités, a recensé Amnesty International.")[0]?.source).toBe("Amnesty International");
  });
});

describe("French death sentences, days and counted places", () => {
  const one = (text: string) => run(text, "2024-06-15");

  it("reads pronounced death sentences and 'a condamné N accusés à la peine capitale'", () => {
    expect(one("Le tribunal a prononcé 7 peines de mort.")[0]).toMatchObject({ event: "death_sentence", count: 7 });
    expect(one("La Cour a condamné 11 accusés à la peine capitale.")[0]).toMatchObject({ event: "death_sentence", count: 11 });
  });

  it("dates 'hier' and 'ce matin', but not a 'hier' that dates the saying", () => {
    expect(one("Hier, 4 personnes ont été arrêtées.")[0]?.period).toEqual({ start: "2024-06-14", end: "2024-06-14" });
    expect(one("Au moins 3 personnes ont été tuées ce matin.")[0]?.period).toEqual({ start: "2024-06-15", end: "2024-06-15" });
    expect(one("L'ONG a annoncé hier que 40 personnes avaient été exécutées depuis janvier.")[0]?.period).toEqual({ start: "2024-01-01", end: "2024-06-15" });
  });

  it("takes no number of towns as a count", () => {
    expect(one("Au moins 38 personnes ont été tuées dans 9 villes.").map((c) => c.count)).toEqual([38]);
  });
});

describe("French voices of UN offices, ministers and leagues", () => {
  const one = (text: string) => run(text, "2024-06-15");

  it("names the UN human rights office and the special rapporteur, not the UN at large", () => {
    expect(one("Selon le Haut-Commissariat des Nations unies aux droits de l'homme, 37 personnes ont été tuées.")[0]?.source).toBe("OHCHR");
    expect(one("Le rapporteur spécial de l'ONU a fait état de 610 exécutions en 2023.")[0]?.source).toBe("UN Special Rapporteur");
  });

  it("takes the interior minister as the voice", () => {
    expect(one("Le ministre de l'Intérieur a reconnu la mort de 6 manifestants.")[0]?.source).toBe("Interior Minister");
  });

  it("names a league that opens the sentence and counts", () => {
    expect(one("La Ligue ivoirienne des droits de l'homme a dénombré 14 morts lors de la marche.")[0]?.source).toBe("Ligue ivoirienne des droits de l'homme");
  });

  it("the day a statement came out dates no figure", () => {
    expect(one("Amnesty International a recensé au moins 19 morts, selon un communiqué publié lundi.")[0]?.period).toBeNull();
  });
});

describe("French displaced and released", () => {
  const one = (text: string) => run(text, "2024-06-15");

  it("does not give the displaced or the released an event", () => {
    expect(one("Au moins 2,5 millions de personnes ont été déplacées et 9 000 tuées.").map((c) => [c.event, c.count])).toEqual([["killing", 9000]]);
    expect(one("Au moins 25 personnes ont été libérées après avoir été arrêtées.")).toHaveLength(0);
    expect(one("Au moins 25 personnes ont été arrêtées puis libérées.")[0]).toMatchObject({ event: "arrest", count: 25 });
  });
});

describe("French day-to-day spans", () => {
  it("reads 'du 1er mars au 15 mai' and 'entre le 2 juillet et le 20 août' as one span", () => {
    expect(run("Du 1er mars au 15 mai, 64 opposants ont été arrêtés.", "2023-06-10")[0]?.period).toEqual({ start: "2023-03-01", end: "2023-05-15" });
    expect(run("Entre le 2 juillet et le 20 août 2022, 31 détenus ont été exécutés.", "2023-01-10")[0]?.period).toEqual({ start: "2022-07-02", end: "2022-08-20" });
    // Across a new year, the first day's year is the one before.
    expect(run("Du 15 décembre au 10 janvier, 9 militants ont été arrêtés.", "2024-01-20")[0]?.period).toEqual({ start: "2023-12-15", end: "2024-01-10" });
  });

  it("keeps a single day a day", () => {
    expect(run("Le 3 mai, 5 manifestants ont été tués.", "2023-06-10")[0]?.period).toEqual({ start: "2023-05-03", end: "2023-05-03" });
  });
});

describe("French spans up to a month", () => {
  it("reads 'depuis le début de l'année jusqu'à fin …' and 'depuis janvier jusqu'en …' as one span", () => {
    expect(run("Depuis le début de l'année jusqu'à fin août, 233 personnes ont été exécutées.", "2023-11-02")[0]?.period).toEqual({ start: "2023-01-01", end: "2023-08-31" });
    expect(run("Depuis février 2022 jusqu'en mai, 17 reporters ont été arrêtés.", "2023-01-05")[0]?.period).toEqual({ start: "2022-02-01", end: "2022-05-31" });
  });

  it("still runs 'depuis le début de l'année' alone to publication", () => {
    expect(run("Depuis le début de l'année, 233 personnes ont été exécutées.", "2023-11-02")[0]?.period).toEqual({ start: "2023-01-01", end: "2023-11-02" });
  });
});

describe("French death row and a heading's year", () => {
  it("counts those who face the death penalty as death row, not as killed or executed", () => {
    expect(run("Cinq autres prisonniers risquent la peine de mort, selon leurs familles.")[0]?.event).toBe("death_row");
    expect(run("Au moins 8 opposants risquent d'être exécutés, a averti Amnesty.")[0]).toMatchObject({ event: "death_row", count: 8 });
    expect(run("Les 4 prévenus encourent la peine capitale.")[0]?.event).toBe("death_row");
    expect(run("Au moins 8 opposants ont été exécutés.")[0]?.event).toBe("execution");
  });

  it("dates the rows under a 'Bilan 2022' heading by its year", () => {
    const cs = run("Bilan 2022\nExécutions : 512\nArrestations : 1 430", "2023-02-01");
    expect(cs.map((c) => [c.event, c.count, c.period?.start, c.period?.end])).toEqual([
      ["execution", 512, "2022-01-01", "2022-12-31"], ["arrest", 1430, "2022-01-01", "2022-12-31"],
    ]);
    // A year in the middle of a sentence after "bilan" is not a heading.
    expect(run("Le bilan 2022 de la police fait état de 14 morts.", "2023-02-01")[0]?.period).toBeNull();
  });
});

describe("French prison terms, the day of a report and 'X a été tué et N autres …'", () => {
  it("gives no event to those sentenced to prison", () => {
    expect(run("Onze militants ont été condamnés à des peines de prison ferme.")).toHaveLength(0);
  });

  it("the day a report came out dates no figure", () => {
    expect(run("Selon un rapport publié le 9 mai, 36 personnes ont été arrêtées.", "2023-05-20")[0]?.period).toBeNull();
    expect(run("Le 9 mai, 36 personnes ont été arrêtées.", "2023-05-20")[0]?.period).toEqual({ start: "2023-05-09", end: "2023-05-09" });
  });

  it("gives a figure after 'et' its own predicate rather than the one before", () => {
    expect(run("Un policier a été tué et 5 autres ont été blessés.").map((c) => [c.event, c.count])).toEqual([["injury", 5]]);
    expect(run("12 morts et une cinquantaine de blessés.").map((c) => [c.event, c.count])).toEqual([["killing", 12], ["injury", 50]]);
  });
});

describe("French 'since' an event dated by its month", () => {
  it("runs from that month to publication", () => {
    expect(run("Depuis la mort du militant en mars 2022, plus de 70 personnes ont été arrêtées.", "2023-01-15")[0]?.period).toEqual({ start: "2022-03-01", end: "2023-01-15" });
    expect(run("Après la mort du militant en mars 2022, 70 personnes ont été arrêtées.", "2023-01-15")[0]?.period).toEqual({ start: "2022-03-01", end: "2022-03-31" });
  });
});

describe("French parents", () => {
  it("does not count a parent's children", () => {
    expect(run("Cette mère de 3 enfants a été exécutée jeudi.")).toHaveLength(0);
    expect(run("3 enfants ont été tués jeudi.")[0]?.count).toBe(3);
  });
});

describe("French 'dans les trois derniers mois'", () => {
  it("is a span back from publication, and 'trois' is no count", () => {
    const cs = run("Dans les trois derniers mois, 90 arrestations ont été recensées.", "2023-04-30");
    expect(cs.map((c) => [c.count, c.period?.start, c.period?.end])).toEqual([[90, "2023-01-30", "2023-04-30"]]);
  });
});

describe("French clauses after a semicolon", () => {
  it("give the figure its own predicate rather than the event before the semicolon", () => {
    const cs = run("Trois hommes ont été pendus jeudi ; 9 autres sont en attente d'exécution.");
    expect(cs.map((c) => [c.event, c.count])).toEqual([["execution", 3], ["death_row", 9]]);
    expect(run("Trois hommes ont été pendus jeudi ; 9 autres aussi.").map((c) => [c.event, c.count])).toEqual([["execution", 3], ["execution", 9]]);
  });
});
