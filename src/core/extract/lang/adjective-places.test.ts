// The country a document keeps naming by its adjective ("le régime tchadien", "القوات العراقية",
// "نیروهای عراقی") places the figures whose sentence names none; a figure counted across
// countries ("dans 20 pays", "في العالم", "در جهان", "worldwide") keeps no place.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const places = (text: string, language: string) =>
  extract(text, { document: `${language}.txt`, published: "2024-06-15", language }).claims.map((c) => [c.count, c.place]);

describe("a country named by its adjective", () => {
  it("places French figures in the country of 'le gouvernement tchadien'", () => {
    const text =
      "Le gouvernement tchadien a interdit les rassemblements.\n\n" +
      "Selon la Ligue des droits, 17 manifestants ont été tués par balles en mai.\n\n" +
      "Les autorités tchadiennes ont reconnu 6 morts.";
    expect(places(text, "fr")).toEqual([[17, "Chad"], [6, "Chad"]]);
  });

  it("does not take a victim's nationality for the place ('trois Afghans', 'ressortissants afghans')", () => {
    const text = "Trois Afghans ont été pendus en mai, selon l'ONG.\n\nDes ressortissants afghans figurent parmi les 40 personnes exécutées ce mois-ci.";
    expect(places(text, "fr").every(([, p]) => p === null)).toBe(true);
  });

  it("places Arabic figures in the country of 'السلطات العراقية', not of a victim's nationality", () => {
    const text = "أعلنت السلطات العراقية حظر التجول.\n\nقُتل 9 متظاهرين خلال الأسبوع الماضي.";
    expect(places(text, "ar")).toEqual([[9, "Iraq"]]);
    const nationals = "أُعدم 5 مواطنين مصريين الشهر الماضي.";
    expect(places(nationals, "ar")).toEqual([[5, null]]);
  });

  it("places Persian figures in the country of 'نیروهای عراقی', not of 'زندانی افغانستانی'", () => {
    expect(places("نیروهای عراقی وارد شهر شدند.\n\nدر این درگیری‌ها ۱۲ نفر کشته شدند.", "fa")).toEqual([[12, "Iraq"]]);
    expect(places("۳ زندانی افغانستانی ماه گذشته اعدام شدند.", "fa")).toEqual([[3, null]]);
  });
});

describe("figures counted across countries", () => {
  it("keep no place in a document about one country", () => {
    const fr = "Au Tchad, 30 personnes ont été exécutées en 2023.\n\nL'ONG a recensé 1 200 exécutions dans 16 pays en 2023.";
    expect(places(fr, "fr")).toEqual([[30, "Chad"], [1200, null]]);
    const ar = "أعدمت مصر 40 شخصا في عام 2023.\n\nوسجلت المنظمة 900 عملية إعدام في العالم في عام 2023.";
    expect(places(ar, "ar")).toEqual([[40, "Egypt"], [900, null]]);
    const fa = "در مصر ۴۰ نفر در سال ۲۰۲۳ اعدام شدند.\n\nاین سازمان ۹۰۰ اعدام در سراسر جهان در سال ۲۰۲۳ ثبت کرد.";
    expect(places(fa, "fa")).toEqual([[40, "Egypt"], [900, null]]);
  });

  it("keep no place in English either, while the country's own figure keeps it", () => {
    const en = "Chadian courts sentenced 41 people to death in 2023, the group said. The group recorded 1,200 executions in 16 countries in 2023. Chad executed 9.";
    const claims = extract(en, { document: "en.txt", published: "2024-06-15" }).claims.map((c) => [c.count, c.place]);
    expect(claims).toEqual([[41, "Chad"], [1200, null], [9, "Chad"]]);
    const world = extract("Chad executed 9 people in 2023. Some 1,200 people were executed worldwide in 2023.", { document: "en.txt", published: "2024-06-15" }).claims;
    expect(world.map((c) => [c.count, c.place])).toEqual([[9, "Chad"], [1200, null]]);
    expect(world[1]?.qualifier).toBe("about");
  });
});
