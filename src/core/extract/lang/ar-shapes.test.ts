// The Arabic pack on shapes of held-out reports that the first development texts barely had:
// seasons, Hijri years, the first months of last year, duals and vague thousands, times of day.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const run = (text: string, published = "2024-03-01") => extract(text, { document: "ar.txt", published, language: "ar" }).claims;
const brief = (text: string, published?: string) => run(text, published).map((c) => [c.event, c.count, c.qualifier, c.period?.start ?? null, c.period?.end ?? null]);

describe("Arabic periods", () => {
  it("reads the first months of last year", () => {
    expect(brief("أعدمت السلطات خمسين شخصاً في الأشهر الستة الأولى من العام الماضي.")).toEqual([["execution", 50, "exact", "2023-01-01", "2023-06-30"]]);
  });

  it("reads a Hijri year", () => {
    const [c] = brief("تجاوز عدد الإعدامات 170 حالة خلال العام الهجري 1444.");
    expect(c).toEqual(["execution", 170, "more_than", "2022-07-30", "2023-07-18"]);
    expect(brief("أعدم 90 شخصاً في عام 1443 هـ.")[0]?.slice(3)).toEqual(["2021-08-09", "2022-07-29"]);
  });

  it("reads seasons, but not 'ربيع الأول' (a Hijri month) nor the Arab Spring", () => {
    expect(brief("اعتقل 80 ناشطاً في صيف 2023.")).toEqual([["arrest", 80, "exact", "2023-06-21", "2023-09-22"]]);
    expect(brief("قتل 14 متظاهراً خلال الشتاء الماضي.", "2024-06-01")).toEqual([["killing", 14, "exact", "2023-12-21", "2024-03-19"]]);
    expect(brief("قتل 30 متظاهراً منذ الربيع العربي.")).toEqual([["killing", 30, "exact", null, null]]);
  });
});

describe("Arabic numbers in words", () => {
  it("reads 'ألف ومئتا', 'ثلاثة آلاف' and 'عشرات الآلاف' whole", () => {
    expect(brief("أُعدم ألف ومئتا شخص في البلاد خلال عام 2022.")[0]?.slice(0, 2)).toEqual(["execution", 1200]);
    expect(brief("اعتقلت قوات الأمن ثلاثة آلاف شخص منذ بداية العام.")[0]?.slice(0, 3)).toEqual(["arrest", 3000, "exact"]);
    expect(brief("اعتقلت السلطات عشرات الآلاف من المحتجين منذ عام 2022.").map((c) => c.slice(0, 3))).toEqual([["arrest", 10000, "at_least"]]);
  });
});

describe("Arabic figures that are no counts", () => {
  it("drops a phone number, a time of day, a distance and a range of prison years", () => {
    expect(run("للإبلاغ عن حالات الاعتقال يرجى الاتصال على الرقم 0501234567.")).toHaveLength(0);
    expect(run("نفذ حكم الإعدام في الساعة 6 صباحاً بحق المعتقل.")).toHaveLength(0);
    expect(run("قتل المتظاهرون على بعد 25 كيلومتراً من الحدود.")).toHaveLength(0);
    expect(run("يواجه المعتقلون السجن من 5 الى 10 سنوات.")).toHaveLength(0);
  });
});

describe("Arabic victims", () => {
  it("names Kurdish and Baluch prisoners as ethnic minorities", () => {
    expect(run("أعدم 4 سجناء أكراد في سجن أرومية.")[0]?.victims).toContain("ethnic_minorities");
    expect(run("أعدم 6 سجناء بلوش في سجن زاهدان.")[0]?.victims).toContain("ethnic_minorities");
  });
});

describe("Arabic verb first, its object after adverbials", () => {
  it("gives the figure after the adverbials' last comma the verb's event", () => {
    expect(brief("أعدمت السلطات الإيرانية، صباح اليوم الخميس، في سجن قزل حصار بمدينة كرج، 9 سجناء بتهم تتعلق بالمخدرات.", "2024-10-17")).toEqual([["execution", 9, "exact", "2024-10-17", "2024-10-17"]]);
  });

  it("not a figure of another predicate after them", () => {
    expect(run("أعدم الرجل في سجن الحائر، بعد محاكمة وصفتها منظمات حقوقية بأنها غير عادلة، وشارك في جنازته 300 شخص.")).toHaveLength(0);
  });
});

describe("Arabic populations", () => {
  it("are no counts", () => {
    expect(brief("يبلغ عدد سكان المدينة 250 ألف نسمة وقد اعتقل فيها العشرات.").map((c) => c.slice(0, 3))).toEqual([["arrest", 10, "at_least"]]);
  });
});

describe("Arabic sentences carried out, protests and strikes", () => {
  it("reads 'تم تنفيذ 25 حكماً بالإعدام' as executions", () => {
    expect(brief("تم تنفيذ 25 حكماً بالإعدام في الأسبوع الماضي وحده.").map((c) => c.slice(0, 2))).toEqual([["execution", 25]]);
  });

  it("does not count prisoners on hunger strike against executions, nor those sentenced to prison", () => {
    expect(run("أضرب 30 معتقلاً عن الطعام احتجاجاً على الإعدامات.")).toHaveLength(0);
    expect(brief("قضت المحكمة بإعدام خمسة متهمين وبسجن ثلاثة آخرين عشر سنوات.").map((c) => c.slice(0, 2))).toEqual([["death_sentence", 5]]);
  });
});

describe("Arabic duals of the people counted", () => {
  it("reads 'قتيلان', 'مدنيان' and 'وامرأتان' as two, not 'مدنيين' (also a plural)", () => {
    expect(brief("سقط قتيلان وأصيب جريحان في قصف على البلدة.").map((c) => c.slice(0, 2))).toEqual([["killing", 2], ["injury", 2]]);
    expect(brief("قتل مدنيان في غارة جوية.").map((c) => c.slice(0, 2))).toEqual([["killing", 2]]);
    expect(brief("قتل 4 أطفال وامرأتان في الغارة.").map((c) => c.slice(0, 2))).toEqual([["killing", 4], ["killing", 2]]);
    expect(run("اعتقل المدنيين في القرية.")).toHaveLength(0);
  });
});

describe("Arabic 'استشهد' and Amnesty spelt 'أمنستي'", () => {
  it("reads the verb of martyrdom as a killing and the short spelling as Amnesty", () => {
    expect(brief("استشهد أربعة شبان برصاص القوات.").map((c) => c.slice(0, 2))).toEqual([["killing", 4]]);
    expect(run("قالت أمنستي إن السلطات أعدمت 23 شخصاً.")[0]?.source).toBe("Amnesty International");
  });
});

describe("Arabic names after 'لل' (ل + ال)", () => {
  it("finds 'المرصد السوري' in 'وفقاً للمرصد السوري'", () => {
    expect(run("قتل 26 شخصاً منذ مطلع حزيران، وفقاً للمرصد السوري.", "2024-06-20")[0]?.source).toBe("SOHR");
    expect(run("اعتقل 40 شخصاً، بحسب تقرير للشبكة السورية لحقوق الإنسان.")[0]?.source).toBe("SNHR");
  });
});
