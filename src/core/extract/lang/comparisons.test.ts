// Times that only compare ("en hausse par rapport à 2021") and months named without their year in
// a paragraph about an earlier year, in the three packs. Every sentence is invented.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const run = (text: string, language: string, published = "2023-03-02") =>
  extract(text, { document: `${language}.txt`, published, language }).claims.map((c) => ({
    count: c.count,
    victims: c.victims,
    period: c.period ? `${c.period.start}/${c.period.end}` : null,
  }));

const Y2022 = "2022-01-01/2022-12-31";
const Y2021 = "2021-01-01/2021-12-31";

describe("a time that is the other term of a comparison dates no figure", () => {
  it("French: 'par rapport à', 'plus qu'en', 'le double de'", () => {
    for (const tail of ["un chiffre en hausse par rapport à l'année précédente", "soit trois fois plus qu'en 2021", "soit le double de 2021"]) {
      const cs = run(`En 2022, 230 détenus ont été pendus. Parmi eux, 14 femmes, ${tail}.`, "fr");
      expect(cs.find((c) => c.count === 14)?.period).toBe(Y2022);
    }
  });

  it("Persian: 'نسبت به' and 'در مقایسه با'", () => {
    for (const tail of ["نسبت به سال ۲۰۲۱ افزایش یافته است", "در مقایسه با سال قبل بیشتر بوده است"]) {
      const cs = run(`در سال ۲۰۲۲ دستکم ۲۳۰ زندانی اعدام شدند. از این تعداد ۱۴ نفر زن بودند که ${tail}.`, "fa");
      expect(cs.find((c) => c.count === 14)?.period).toBe(Y2022);
    }
  });

  it("Arabic: 'مقارنة ب', 'ضعف العدد المسجل في'", () => {
    for (const tail of ["أي ضعف العدد المسجل في 2021", "وهو رقم مرتفع مقارنة بعام 2021"]) {
      const cs = run(`أعدمت السلطات 230 سجينا في عام 2022. وكان بينهم 14 امرأة، ${tail}.`, "ar");
      expect(cs.find((c) => c.count === 14)?.period).toBe(Y2022);
    }
  });

  it("keeps the time when the comparison has a figure of its own, before or after it", () => {
    const fr = run("En 2022, 230 détenus ont été pendus, contre 180 l'année précédente.", "fr");
    expect(fr.find((c) => c.count === 180)?.period).toBe(Y2021);
    const ar = run("أعدمت السلطات 230 سجينا في عام 2022، مقارنة بـ 180 سجينا في 2021.", "ar");
    expect(ar.find((c) => c.count === 180)?.period).toBe(Y2021);
    const fa = run("در سال ۲۰۲۲ دستکم ۲۳۰ زندانی اعدام شدند، نسبت به سال ۲۰۲۱ که ۱۸۰ زندانی اعدام شده بودند.", "fa");
    expect(fa.find((c) => c.count === 180)?.period).toBe(Y2021);
  });
});

describe("a month without its year, in a paragraph about an earlier year", () => {
  it("is that year's month, in the same sentence or after it", () => {
    expect(run("Les autorités ont pendu 230 détenus en 2022. En avril, 37 ont été exécutés en une seule semaine.", "fr", "2023-04-03").find((c) => c.count === 37)?.period).toBe("2022-04-01/2022-04-30");
    expect(run("أعدمت السلطات 230 سجينا خلال العام الماضي، بينهم 37 سجينا في شهر نيسان/أبريل وحده.", "ar", "2023-04-03").find((c) => c.count === 37)?.period).toBe("2022-04-01/2022-04-30");
    expect(run("مقامات در سال ۲۰۲۲ دستکم ۲۳۰ نفر را اعدام کردند. در ماه آوریل ۳۷ نفر اعدام شدند.", "fa", "2023-04-03").find((c) => c.count === 37)?.period).toBe("2022-04-01/2022-04-30");
  });

  it("is still the latest such month when no earlier year is named, or in another paragraph", () => {
    expect(run("En avril, 37 détenus ont été exécutés.", "fr", "2023-06-10")[0]?.period).toBe("2023-04-01/2023-04-30");
    expect(run("Les autorités ont pendu 230 détenus en 2022.\n\nEn avril, 37 détenus ont été exécutés.", "fr", "2023-06-10").find((c) => c.count === 37)?.period).toBe("2023-04-01/2023-04-30");
  });
});

describe("Persian 'در میان آنها' opens a part of the figure before", () => {
  it("counts the women among those executed", () => {
    const cs = run("در سال ۲۰۲۲ دستکم ۲۳۰ نفر اعدام شدند. در میان آنها ۱۴ زن بودند.", "fa");
    expect(cs.find((c) => c.count === 14)).toMatchObject({ victims: ["women"], period: Y2022 });
  });
});
