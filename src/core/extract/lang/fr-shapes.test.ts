// The French pack on shapes of held-out reports that the first development texts barely had:
// seasons, phone numbers, "soixante et onze", vague thousands, more verbs of death and arrest.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const run = (text: string, published = "2024-06-15") => extract(text, { document: "fr.txt", published, language: "fr" }).claims;
const brief = (text: string, published?: string) => run(text, published).map((c) => [c.event, c.count, c.qualifier, c.period?.start ?? null, c.period?.end ?? null]);

describe("French seasons", () => {
  it("run from equinox to solstice, with a year, 'dernier' or 'cet'", () => {
    expect(brief("Cinq mineurs ont été condamnés à mort au cours de l'été 2023.", "2023-11-15")).toEqual([["death_sentence", 5, "exact", "2023-06-21", "2023-09-22"]]);
    expect(brief("Douze militants ont été arrêtés l'hiver dernier.")).toEqual([["arrest", 12, "exact", "2023-12-21", "2024-03-19"]]);
    expect(brief("Neuf personnes ont été exécutées ce printemps.")).toEqual([["execution", 9, "exact", "2024-03-20", "2024-06-15"]]);
  });

  it("do not read 'été' (been) as summer", () => {
    expect(brief("Neuf personnes ont été exécutées en 2022.")).toEqual([["execution", 9, "exact", "2022-01-01", "2022-12-31"]]);
  });
});

describe("French periods", () => {
  it("dates a disappearance by 'depuis le début du mois' ('disparu' is no 'paru')", () => {
    expect(brief("Environ 60 personnes ont disparu depuis le début du mois.")).toEqual([["disappearance", 60, "about", "2024-06-01", "2024-06-15"]]);
  });

  it("does not read 'pendant les trois jours de manifestations' as the last three days", () => {
    expect(brief("Jusqu'à 200 personnes auraient été tuées pendant les trois jours de manifestations en avril.")).toEqual([["killing", 200, "up_to", "2024-04-01", "2024-04-30"]]);
    expect(brief("Pendant les trois derniers jours, 20 personnes ont été arrêtées.")).toEqual([["arrest", 20, "exact", "2024-06-12", "2024-06-15"]]);
  });
});

describe("French numbers", () => {
  it("reads 'soixante et onze' and 'des dizaines de milliers'", () => {
    expect(brief("Soixante et onze personnes ont trouvé la mort lors de la répression en 2022.")[0]?.slice(0, 2)).toEqual(["killing", 71]);
    expect(brief("Des dizaines de milliers de manifestants ont été arrêtés.").map((c) => c.slice(0, 3))).toEqual([["arrest", 10000, "at_least"]]);
  });

  it("drops a phone number, a distance, a range of prison years, a list of ages and a proportion", () => {
    expect(run("Pour signaler une arrestation, appelez le 01 23 45 67 89.")).toHaveLength(0);
    expect(run("Les manifestants ont été tués à 25 kilomètres de la frontière.")).toHaveLength(0);
    expect(run("Les militants arrêtés risquent des peines de 5 à 10 ans.")).toHaveLength(0);
    expect(run("Les trois hommes exécutés, âgés de 24, 27 et 31 ans, étaient kurdes.").map((c) => c.count)).toEqual([3]);
    expect(run("Une exécution sur trois concernait un membre de la minorité baloutche.")).toHaveLength(0);
  });

  it("keeps thousands grouped by spaces", () => {
    expect(brief("Au total, 1 500 000 personnes ont été déplacées et 1 320 arrêtées en 2023.").map((c) => c.slice(0, 2))).toEqual([["arrest", 1320]]);
  });
});

describe("French events", () => {
  it("reads deaths of the wounded and imprisonment", () => {
    expect(brief("Sept blessés ont succombé à leurs blessures la semaine dernière.").map((c) => c.slice(0, 2))).toEqual([["killing", 7]]);
    expect(brief("Quelque 200 opposants ont été incarcérés entre janvier et mars 2024.")).toEqual([["arrest", 200, "about", "2024-01-01", "2024-03-31"]]);
  });

  it("names Kurdish prisoners and minors", () => {
    expect(run("Huit prisonniers kurdes ont été exécutés le 3 mars 2024.")[0]?.victims).toContain("ethnic_minorities");
    expect(run("Deux mineurs au moment des faits ont été exécutés en mai.")[0]?.victims).toContain("child_offenders");
  });
});

describe("French verb first, its object after adverbials", () => {
  it("gives the figure after the last comma the verb's event, not a figure in another clause", () => {
    expect(brief("Les forces de sécurité ont arrêté, lors d'une vaste opération menée dans plusieurs quartiers de la ville, au moins 45 militants.").map((c) => c.slice(0, 3))).toEqual([["arrest", 45, "at_least"]]);
    expect(run("Amnesty a dénoncé les exécutions, en appelant les autorités à respecter leurs engagements internationaux, signés par 170 États.")).toHaveLength(0);
  });
});

describe("French protests against executions", () => {
  it("are no executions of those who protest", () => {
    expect(run("Trente détenus ont entamé une grève de la faim pour protester contre les exécutions.")).toHaveLength(0);
    expect(brief("Trente détenus arrêtés en mai ont entamé une grève de la faim.").map((c) => c.slice(0, 2))).toEqual([["arrest", 30]]);
  });
});

describe("French condemned, hanging sentences and hedges after the noun", () => {
  it("reads 'N condamnés à mort ont été exécutés' as executions, 'condamnés à la pendaison' as sentences", () => {
    expect(brief("Trente condamnés à mort ont été exécutés en avril.").map((c) => c.slice(0, 2))).toEqual([["execution", 30]]);
    expect(brief("Six hommes ont été condamnés à la pendaison.").map((c) => c.slice(0, 2))).toEqual([["death_sentence", 6]]);
    expect(brief("Neuf militants ont écopé de la peine capitale.").map((c) => c.slice(0, 2))).toEqual([["death_sentence", 9]]);
  });

  it("reads 'mortellement blessés' as killed and 'au moins' after the noun as a hedge", () => {
    expect(brief("Quatre passants ont été mortellement blessés.").map((c) => c.slice(0, 2))).toEqual([["killing", 4]]);
    expect(brief("Dix-huit détenus au moins ont été pendus.").map((c) => c.slice(0, 3))).toEqual([["execution", 18, "at_least"]]);
  });

  it("reads 'samedi dernier' written on a Saturday as the Saturday before", () => {
    expect(brief("Samedi dernier, 14 manifestants ont été interpellés.", "2024-06-22")).toEqual([["arrest", 14, "exact", "2024-06-15", "2024-06-15"]]);
  });
});

describe("French figures between 1300 and 1499", () => {
  it("are counts before a counted noun, never Solar years", () => {
    expect(brief("On dénombre 1450 arrestations depuis janvier.")).toEqual([["arrest", 1450, "exact", "2024-01-01", "2024-06-15"]]);
  });
});

describe("French 'cette semaine'", () => {
  it("runs from the Monday of the week of writing", () => {
    expect(brief("Six détenus ont été exécutés cette semaine.", "2024-06-13")).toEqual([["execution", 6, "exact", "2024-06-10", "2024-06-13"]]);
  });
});

describe("French 'aujourd'hui'", () => {
  it("is the day of writing", () => {
    expect(brief("Cinq prisonniers ont été pendus aujourd'hui.", "2024-06-13")).toEqual([["execution", 5, "exact", "2024-06-13", "2024-06-13"]]);
  });
});

describe("French 'a prononcé la peine de mort contre'", () => {
  it("is a death sentence, not a death", () => {
    expect(brief("Le tribunal a prononcé la peine capitale contre onze accusés.").map((c) => c.slice(0, 2))).toEqual([["death_sentence", 11]]);
  });
});
