// The packs' context stage on invented monthly reports: a title naming the month covered.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const run = (text: string, published: string, language: string) => extract(text, { document: "r.txt", published, language }).claims;

describe("a monthly report's 'this month'", () => {
  it("is the month its title names when the report came out in the next month", () => {
    const fr = run("Bilan mensuel : septembre 2023\n\nCe mois-ci, 27 détenus ont été exécutés.", "2023-10-04", "fr");
    expect(fr[0]?.period).toEqual({ start: "2023-09-01", end: "2023-09-30" });
    const ar = run("التقرير الشهري عن شهر آب 2023\n\nسجلنا خلال هذا الشهر مقتل 48 مدنياً.", "2023-09-03", "ar");
    expect(ar[0]?.period).toEqual({ start: "2023-08-01", end: "2023-08-31" });
    const fa = run("گزارش ماهانه مهر ۱۴۰۲\n\nدر ماه جاری ۳۳ زندانی اعدام شدند.", "2023-10-25", "fa");
    expect(fa[0]?.period).toEqual({ start: "2023-09-23", end: "2023-10-22" });
  });

  it("stays the month of writing without such a title, or when the title's month is long past", () => {
    expect(run("Ce mois-ci, 27 détenus ont été exécutés.", "2023-10-04", "fr")[0]?.period).toEqual({ start: "2023-10-01", end: "2023-10-04" });
    expect(run("Bilan : mars 2023\n\nCe mois-ci, 27 détenus ont été exécutés.", "2023-10-04", "fr")[0]?.period).toEqual({ start: "2023-10-01", end: "2023-10-04" });
    // Published in a month known only as a month: the title's month may be the same.
    expect(run("گزارش ماهانه مهر ۱۴۰۲\n\nدر ماه جاری ۳۳ زندانی اعدام شدند.", "2023-10", "fa")[0]?.period?.end).not.toBe("2023-10-22");
  });
});

describe("a wire dateline", () => {
  it("gives way to the source the sentence credits", () => {
    expect(run("Ispahan (AFP) - Au moins 9 ouvriers ont été arrêtés, a indiqué l'agence Hrana.", "2023-05-02", "fr")[0]?.source).toBe("HRANA");
    expect(run("عمّان (رويترز) - قالت منظمة العفو الدولية إن 16 رجلاً أعدموا في نيسان.", "2023-05-02", "ar")[0]?.source).toBe("Amnesty International");
  });

  it("is the voice when the sentence credits no one else", () => {
    expect(run("Ispahan (AFP) - Au moins 9 ouvriers ont été arrêtés en avril.", "2023-05-02", "fr")[0]?.source).toBe("AFP");
    expect(run("اعتقل 21 طالباً، بحسب ما ذكرته وكالة الأنباء الفرنسية.", "2023-05-02", "ar")[0]?.source).toBe("AFP");
  });
});

describe("a monthly report's 'in a month'", () => {
  it("is the title's month when it mostly overlaps it", () => {
    expect(run("Rapport mensuel de février 2023\n\nEn un mois, 44 personnes ont été exécutées.", "2023-03-02", "fr")[0]?.period).toEqual({ start: "2023-02-01", end: "2023-02-28" });
    // Without the title it counts back thirty days from publication.
    expect(run("En un mois, 44 personnes ont été exécutées.", "2023-03-02", "fr")[0]?.period).toEqual({ start: "2023-01-31", end: "2023-03-02" });
  });
});

describe("rows under a heading that names the event", () => {
  it("count what the heading names when they have no event word of their own", () => {
    const fr = run("Exécutions en avril 2023\n- Trafic de drogue : 19\n- Meurtre : 6", "2023-05-03", "fr");
    expect(fr.map((c) => [c.event, c.count, c.period?.start])).toEqual([["execution", 19, "2023-04-01"], ["execution", 6, "2023-04-01"]]);
    const fa = run("اعدام‌ها در اردیبهشت ۱۴۰۲\nمواد مخدر: ۲۵ نفر\nتجاوز: ۳ نفر", "2023-06-01", "fa");
    expect(fa.map((c) => [c.event, c.count])).toEqual([["execution", 25], ["execution", 3]]);
  });

  it("count nothing under a heading without an event word, or one holding a figure", () => {
    expect(run("Répartition par province\n- Téhéran : 19\n- Ispahan : 6", "2023-05-03", "fr")).toHaveLength(0);
    expect(run("12 exécutions en avril\n- Téhéran : 19", "2023-05-03", "fr").map((c) => c.count)).toEqual([12]);
  });
});
