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
