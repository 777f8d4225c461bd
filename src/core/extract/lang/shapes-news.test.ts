// The three packs on invented sentences in the shapes of human-rights news (wire copy, NGO
// statements, monitors' tallies): the Solar new year as a start, more verbs of arrest, a standing
// number of detainees, parts and their whole, "this month" in a news item.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const run = (text: string, language: string, published = "2024-06-10") => extract(text, { document: "n.txt", published, language }).claims;
const brief = (text: string, language: string, published?: string) =>
  run(text, language, published).map((c) => [c.event, c.count, c.qualifier, c.period?.start ?? null, c.period?.end ?? null]);

describe("since the Solar new year", () => {
  it("runs from 1 Farvardin of the current Solar year to publication (French)", () => {
    expect(brief("Au moins 215 personnes ont été exécutées depuis le Nouvel An persan.", "fr")).toEqual([["execution", 215, "at_least", "2024-03-20", "2024-06-10"]]);
    expect(brief("Depuis le Nouvel An iranien, 72 personnes ont été pendues.", "fr", "2024-03-15")).toEqual([["execution", 72, "exact", "2023-03-21", "2024-03-15"]]);
    expect(brief("Depuis Norouz, 40 militants ont été arrêtés.", "fr")).toEqual([["arrest", 40, "exact", "2024-03-20", "2024-06-10"]]);
  });

  it("is Gregorian for 'depuis le début de l'année' and Arabic 'منذ بداية العام', Solar for Persian 'از ابتدای سال جاری'", () => {
    expect(brief("Au moins 90 personnes ont été exécutées depuis le début de l'année.", "fr")).toEqual([["execution", 90, "at_least", "2024-01-01", "2024-06-10"]]);
    expect(brief("وثقت المنظمة إعدام 90 شخصا منذ بداية العام.", "ar")).toEqual([["execution", 90, "exact", "2024-01-01", "2024-06-10"]]);
    expect(brief("از ابتدای سال جاری دست‌کم ۹۰ زندانی اعدام شده‌اند.", "fa")).toEqual([["execution", 90, "at_least", "2024-03-20", "2024-06-10"]]);
  });
});

describe("verbs of arrest", () => {
  it("reads French 'embarqués par la police' and 'la police a embarqué' as arrests, not a boarding", () => {
    expect(brief("Plus de 40 manifestants ont été embarqués par la police samedi.", "fr")).toEqual([["arrest", 40, "more_than", "2024-06-08", "2024-06-08"]]);
    expect(brief("Le 14 février, la police a embarqué une quarantaine de personnes.", "fr")).toEqual([["arrest", 40, "about", "2024-02-14", "2024-02-14"]]);
    expect(run("Une trentaine de migrants ont été embarqués sur un bateau de pêche.", "fr")).toEqual([]);
  });

  it("reads Arabic 'اقتادت' and 'اختطفت' (taken away) as arrests", () => {
    expect(brief("اقتادت قوات الأمن 14 شابا إلى جهة مجهولة يوم الخميس.", "ar")).toEqual([["arrest", 14, "exact", "2024-06-06", "2024-06-06"]]);
    expect(brief("اختطفت عناصر الأمن 6 ناشطين يوم الأحد.", "ar")).toEqual([["arrest", 6, "exact", "2024-06-09", "2024-06-09"]]);
  });
});

describe("a standing number of detainees", () => {
  it("is no count of arrests", () => {
    expect(run("Selon l'ONG, 120 personnes sont toujours détenues.", "fr")).toEqual([]);
    expect(run("Selon l'ONG, 120 militants restent emprisonnés.", "fr")).toEqual([]);
    expect(run("وقال المرصد إنه لا يزال 120 معتقلين في السجن.", "ar")).toEqual([]);
    expect(run("وقال المرصد إن 120 معتقلا لا يزالون في السجون.", "ar")).toEqual([]);
    expect(run("به گزارش هرانا، ۱۲۰ نفر همچنان در بازداشت هستند.", "fa")).toEqual([]);
    expect(run("به گزارش هرانا، ۱۲۰ زندانی سیاسی در زندان اوین به سر می‌برند.", "fa").filter((c) => c.event === "arrest")).toEqual([]);
  });

  it("still counts the arrests themselves", () => {
    expect(brief("Selon l'ONG, 120 personnes ont été arrêtées lundi.", "fr").map((c) => c[0])).toEqual(["arrest"]);
    expect(brief("به گزارش هرانا، ۱۲۰ نفر روز دوشنبه بازداشت شدند.", "fa").map((c) => c[0])).toEqual(["arrest"]);
    expect(brief("اعتقلت السلطات 120 شخصا يوم الاثنين.", "ar").map((c) => c[0])).toEqual(["arrest"]);
  });
});

describe("parts and their whole", () => {
  it("a part with its own event word speaks with the whole's voice", () => {
    const fr = run("Selon Amnesty International, 45 manifestants ont été arrêtés samedi.\n\nParmi eux, 12 femmes ont été arrêtées dans la nuit.", "fr");
    expect(fr.map((c) => [c.count, c.source])).toEqual([[45, "Amnesty International"], [12, "Amnesty International"]]);
    const ar = run("أعدمت السلطات 30 شخصا الشهر الماضي، بحسب منظمة العفو الدولية. وأعدم بينهم 5 أطفال.", "ar");
    expect(ar.map((c) => [c.count, c.source])).toEqual([[30, "Amnesty International"], [5, "Amnesty International"]]);
  });

  it("a figure larger than the one before, or with the word after it, is no part", () => {
    const larger = run("Selon Amnesty International, 45 manifestants ont été arrêtés samedi.\n\nParmi eux, 60 personnes ont été arrêtées dimanche.", "fr");
    expect(larger[1]?.source).toBeNull();
    const own = run("Selon Amnesty International, 45 manifestants ont été arrêtés samedi.\n\n30 personnes ont été tuées, dont 5 enfants.", "fr");
    expect(own[1]?.source).toBeNull();
  });

  it("a whole with no time of its own shares the time of the part right after it", () => {
    expect(brief("Quatorze personnes, dont trois enfants, ont péri dans les bombardements de dimanche.", "fr", "2024-03-15")).toEqual([
      ["killing", 14, "exact", "2024-03-10", "2024-03-10"], ["killing", 3, "exact", "2024-03-10", "2024-03-10"],
    ]);
    expect(brief("وثّق المرصد مقتل 27 مدنياً، بينهم 6 أطفال، خلال شهر شباط الماضي.", "ar", "2024-03-15").map((c) => c.slice(3))).toEqual([["2024-02-01", "2024-02-29"], ["2024-02-01", "2024-02-29"]]);
  });
});

describe("'this month' in a news item", () => {
  it("is the month of writing after a paragraph about an earlier month", () => {
    const text = "Iran : la vague d'exécutions se poursuit\n\nEn mai, l'ONG avait recensé 41 exécutions.\n\nCe mois-ci, au moins 27 personnes ont été pendues, selon Iran Human Rights.";
    expect(brief(text, "fr", "2024-06-20")).toEqual([["execution", 41, "exact", "2024-05-01", "2024-05-31"], ["execution", 27, "at_least", "2024-06-01", "2024-06-20"]]);
  });

  it("stays the report's month under a monthly report's title", () => {
    expect(brief("Rapport mensuel : mai 2024\n\nCe mois-ci, au moins 27 personnes ont été pendues.", "fr", "2024-06-04")).toEqual([["execution", 27, "at_least", "2024-05-01", "2024-05-31"]]);
  });
});

describe("not counts", () => {
  it("French: offences, sums of money, the whole a part is taken from", () => {
    expect(run("L'article 286 du Code pénal prévoit la peine de mort pour 12 infractions.", "fr")).toEqual([]);
    expect(run("L'Union européenne a débloqué 15 millions d'euros pour l'aide aux victimes.", "fr")).toEqual([]);
    expect(brief("Trois des 9 condamnés ont été exécutés samedi.", "fr", "2024-03-15")).toEqual([["execution", 3, "exact", "2024-03-09", "2024-03-09"]]);
  });

  it("Arabic: a dual and 'اثنان' after it are one figure", () => {
    expect(brief("قُتل متظاهران اثنان برصاص قوات الأمن يوم الخميس.", "ar", "2024-03-15")).toEqual([["killing", 2, "exact", "2024-03-14", "2024-03-14"]]);
  });

  it("Persian: a participle after the noun names the people; the verb at the end is the event", () => {
    expect(brief("به گزارش هرانا، ۲۵ تن از معترضان بازداشت شده در دادگاه انقلاب به اعدام محکوم شدند.", "fa").map((c) => c[0])).toEqual(["death_sentence"]);
    expect(brief("به گزارش هرانا، ۲۵ معترض در تهران بازداشت شده‌اند.", "fa").map((c) => c[0])).toEqual(["arrest"]);
    expect(brief("به گزارش هرانا، ۲۵ معترض در تهران بازداشت شده است.", "fa").map((c) => c[0])).toEqual(["arrest"]);
  });
});

describe("the time of another event", () => {
  it("dates no figure ('les manifestations qui ont éclaté en septembre 2022', 'التي اندلعت في', 'که در … آغاز شد')", () => {
    expect(brief("Plus de 500 personnes ont été tuées dans les manifestations qui ont éclaté en septembre 2022.", "fr", "2024-03-15")).toEqual([["killing", 500, "more_than", null, null]]);
    expect(brief("وقُتل في الاحتجاجات التي اندلعت في أيلول 2022 أكثر من 500 شخص.", "ar", "2024-03-15")).toEqual([["killing", 500, "more_than", null, null]]);
    expect(brief("بیش از ۵۰۰ نفر در اعتراضاتی که در شهریور ۱۴۰۱ آغاز شد کشته شدند.", "fa", "2024-03-15")).toEqual([["killing", 500, "more_than", null, null]]);
  });

  it("runs from that time to publication after 'since'", () => {
    expect(brief("Plus de 500 personnes ont été tuées depuis les manifestations qui ont éclaté en septembre 2022.", "fr", "2024-03-15")).toEqual([["killing", 500, "more_than", "2022-09-01", "2024-03-15"]]);
    expect(brief("قُتل أكثر من 500 شخص منذ الاحتجاجات التي اندلعت في أيلول 2022.", "ar", "2024-03-15")).toEqual([["killing", 500, "more_than", "2022-09-01", "2024-03-15"]]);
    expect(brief("از زمان آغاز اعتراضات در شهریور ۱۴۰۱ بیش از ۵۰۰ نفر کشته شدند.", "fa", "2024-03-15")).toEqual([["killing", 500, "more_than", "2022-08-23", "2024-03-15"]]);
  });
});

describe("more French shapes", () => {
  it("'depuis le début de la semaine' runs from the Monday of the week of writing", () => {
    expect(brief("L'ONG a recensé 9 exécutions depuis le début de la semaine.", "fr", "2024-03-15")).toEqual([["execution", 9, "exact", "2024-03-11", "2024-03-15"]]);
  });

  it("credits the organisation after 'selon un communiqué de', and the police after 'selon la police'", () => {
    expect(run("Douze opposants ont été incarcérés mardi, selon un communiqué de la Ligue des droits de l'homme.", "fr")[0]?.source).toBe("Ligue des droits de l'homme");
    expect(run("Au moins 9 personnes ont été tuées jeudi, selon la police.", "fr")[0]?.source).toBe("police");
    expect(run("La police a tué au moins 9 personnes jeudi.", "fr")[0]?.source).toBeNull();
    expect(run("La répression a fait au moins 551 morts, selon un bilan de l'ONG publié le 2 mars.", "fr")[0]?.source).toBeNull();
  });

  it("does not count organisations ('ont indiqué deux ONG')", () => {
    expect(brief("L'Iran a exécuté au moins 834 personnes l'an dernier, ont indiqué mardi deux ONG.", "fr", "2024-03-15")).toEqual([["execution", 834, "at_least", "2023-01-01", "2023-12-31"]]);
  });

  it("a part released after its whole's arrest is no arrest", () => {
    expect(brief("Parmi les 60 personnes arrêtées le 3 novembre, 14 ont été libérées sous caution.", "fr", "2024-11-20")).toEqual([["arrest", 60, "exact", "2024-11-03", "2024-11-03"]]);
    // A displacement camp in an aside is not the part's predicate.
    expect(brief("قتل 14 شخصاً، بينهم امرأتان، في قصف على مخيم للنازحين يوم الثلاثاء.", "ar", "2024-11-20").map((c) => c[1])).toEqual([14, 2]);
  });
});

describe("more Arabic shapes", () => {
  it("'15 من أصل 22': the whole is no count", () => {
    expect(brief("وأشارت المنظمة إلى أن 15 من أصل 22 معتقلاً أعدموا.", "ar").map((c) => c[1])).toEqual([15]);
  });
});
