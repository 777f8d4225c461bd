// The Arabic pack on invented sentences of the shapes Arabic reports use.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const run = (text: string, published = "2021-03-15") => extract(text, { document: "ar.txt", published, language: "ar" }).claims;

describe("Arabic pack", () => {
  it("reads number words fused with a preposition, in a list that shares one event", () => {
    const cs = run("وأعلنت منظمة العفو الدولية مقتل مئة واثنين وعشرين في المدينة وتلتها البلدة الأولى بخمسة وعشرين ثم البلدة الثانية بأربعين قتيلاً.");
    expect(cs.map((c) => [c.event, c.count, c.source])).toEqual([
      ["killing", 122, "Amnesty International"],
      ["killing", 25, "Amnesty International"],
      ["killing", 40, "Amnesty International"],
    ]);
  });

  it("reads thousands and years in words, and 'between the years A and B'", () => {
    const [c] = run("وبين العامين الفين وعشرة والفين واثني عشر نفذت السلطات حوالي الف ومئتين إعدام.");
    expect(c).toMatchObject({ event: "execution", count: 1200, qualifier: "about" });
    expect(c?.period).toEqual({ start: "2010-01-01", end: "2012-12-31" });
  });

  it("reads Syriac month names with a relative year, and digits fused to a preposition", () => {
    const [c] = run("وجاءت المحافظة الأولى بـ212 حالة اعتقال في تشرين الأول من العام الماضي.");
    expect(c).toMatchObject({ event: "arrest", count: 212, qualifier: "exact" });
    expect(c?.period).toEqual({ start: "2020-10-01", end: "2020-10-31" });
  });

  it("reads hedges", () => {
    expect(run("وقتل ما لا يقل عن 35 متظاهرا في الشهر الماضي.")[0]).toMatchObject({ count: 35, qualifier: "at_least", period: { start: "2021-02-01", end: "2021-02-28" } });
    expect(run("واعتقلت السلطات أكثر من 400 شخص.")[0]).toMatchObject({ count: 400, qualifier: "more_than" });
    expect(run("وأعدمت السلطات نحو ستين شخصا.")[0]).toMatchObject({ count: 60, qualifier: "about" });
  });

  it("reads Arabic-Indic digits and a death sentence", () => {
    const [c] = run("وقالت هيومن رايتس ووتش إن المحاكم حكمت على ١١٩ شخصا بالإعدام عام ٢٠٢٠.");
    expect(c).toMatchObject({ event: "death_sentence", count: 119, source: "Human Rights Watch" });
    expect(c?.period).toEqual({ start: "2020-01-01", end: "2020-12-31" });
  });

  it("resolves 'the following year' against the year last named", () => {
    const cs = run("أعدمت السلطات 50 شخصا عام 2015. وفي العام التالي ارتفع عدد الإعدامات إلى 70 إعداما.");
    expect(cs.map((c) => c.period?.start)).toEqual(["2015-01-01", "2016-01-01"]);
  });

  it("does not count percentages, countries or ages", () => {
    expect(run("وارتفعت الإعدامات بنسبة 30 بالمئة.")).toHaveLength(0);
    expect(run("وارتفعت الإعدامات ثلاثين بالمئة.")).toHaveLength(0);
    expect(run("وتراجعت الإعدامات 12 في المئة.")).toHaveLength(0);
    expect(run("وسجلت المنظمة إعدامات في 15 بلداً.")).toHaveLength(0);
    expect(run("وأعدم شاب يبلغ من العمر سبعة عشر عاما.")).toHaveLength(0);
  });

  it("reads a murder charge as a charge, and 'yesterday' against a dated publication", () => {
    const [c, ...rest] = run("وأعدمت السلطات أمس ثلاثة رجال بتهمة القتل العمد.");
    expect(rest).toHaveLength(0);
    expect(c).toMatchObject({ event: "execution", count: 3, period: { start: "2021-03-14", end: "2021-03-14" } });
  });

  it("reads the first half and the first months of a year", () => {
    expect(run("وأعدمت السلطات 120 شخصا في النصف الأول من عام 2020.")[0]?.period).toEqual({ start: "2020-01-01", end: "2020-06-30" });
    expect(run("وقتل 75 متظاهرا في الأشهر الثلاثة الأولى من العام الحالي.", "2021-06-01")[0]?.period).toEqual({ start: "2021-01-01", end: "2021-03-31" });
  });

  it("dates a figure by a named weekday or last week", () => {
    // 2021-03-15 is a Monday.
    expect(run("أعلنت السلطات يوم السبت إعدام 12 شخصا في سجن المدينة.")[0]?.period).toEqual({ start: "2021-03-13", end: "2021-03-13" });
    expect(run("قتل 9 متظاهرين الخميس الماضي برصاص قوات الأمن.")[0]?.period).toEqual({ start: "2021-03-11", end: "2021-03-11" });
    expect(run("اعتقلت قوات الأمن 40 ناشطا الأسبوع الماضي.")[0]?.period).toEqual({ start: "2021-03-08", end: "2021-03-14" });
  });

  it("reads 'the previous year' after a named year, hours counted back, and a hedge after the figure", () => {
    const cs = run("سجلت المنظمة 320 عملية إعدام عام 2019، مقارنة بـ 250 في العام السابق.");
    expect(cs.map((c) => [c.count, c.period?.start])).toEqual([[320, "2019-01-01"], [250, "2018-01-01"]]);
    expect(run("أعدمت السلطات 7 أشخاص خلال الـ 48 ساعة الماضية.")[0]?.period).toEqual({ start: "2021-03-13", end: "2021-03-15" });
    expect(run("وبلغ عدد الإعدامات منذ بداية العام الحالي 95 حالة على الأقل.")[0]).toMatchObject({ count: 95, qualifier: "at_least" });
  });

  it("reads the construct form of two hundred, and a ministry as the voice", () => {
    expect(run("واعتقلت الشرطة نحو مئتي شخص في المدينة يوم الجمعة.")[0]).toMatchObject({ event: "arrest", count: 200, qualifier: "about" });
    expect(run("وقالت وزارة الصحة إن 64 شخصا قتلوا في القصف.")[0]).toMatchObject({ event: "killing", count: 64, source: "Health Ministry" });
  });
});

describe("Arabic shapes: carried-out sentences, verbs of death and disappearance, spans and comparisons", () => {
  const at = (text: string) => run(text, "2024-06-12").map((c) => [c.event, c.count, c.period?.start ?? null, c.period?.end ?? null]);

  it("sentences carried out are executions; 'لقي … حتفهم' is a killing; 'اختفى' a disappearance", () => {
    expect(at("نفذت المحاكم 58 حكما بالإعدام في عام 2022.")).toEqual([["execution", 58, "2022-01-01", "2022-12-31"]]);
    expect(at("لقي ثلاثون سجينا حتفهم في الحريق عام 2023.").map((c) => c[0])).toEqual(["killing"]);
    expect(at("اختفى قسريا 220 شخصا منذ عام 2019.")).toEqual([["disappearance", 220, "2019-01-01", "2024-06-12"]]);
  });

  it("'more than N … during' is a hedge, not a superlative: the time still dates the figure", () => {
    expect(at("احتجزت الشرطة أكثر من 60 طالبا خلال الأسبوع الماضي.")).toEqual([["arrest", 60, "2024-06-03", "2024-06-09"]]);
  });

  it("a span of months: 'بين شباط ونيسان', 'من يناير إلى مارس 2023', 'في شهري تشرين الثاني وشباط'", () => {
    expect(at("أعدم 31 شخصا في الفترة بين شباط ونيسان.")).toEqual([["execution", 31, "2024-02-01", "2024-04-30"]]);
    expect(at("قتل 17 متظاهرا من يناير إلى مارس 2023.")).toEqual([["killing", 17, "2023-01-01", "2023-03-31"]]);
    expect(at("اعتقل 12 صحفيا في شهري تشرين الثاني وشباط.")).toEqual([["arrest", 12, "2023-11-01", "2024-02-29"]]);
  });

  it("the same period of the year before dates a comparison", () => {
    expect(at("في النصف الأول من عام 2023 أعدم 70 شخصا، مقارنة بـ 41 في الفترة نفسها من العام الماضي.")).toEqual([
      ["execution", 70, "2023-01-01", "2023-06-30"],
      ["execution", 41, "2022-01-01", "2022-06-30"],
    ]);
  });
});

describe("Arabic shapes beyond the development set", () => {
  const pub = "2024-06-15"; // a Saturday
  const one = (text: string) => run(text, pub);

  it("reads a span of days before a month, and a weekday with the time of day", () => {
    const [c, ...rest] = one("اعتقلت قوات الأمن 31 ناشطاً بين 4 و11 حزيران.");
    expect(rest).toHaveLength(0); // the first day is no count
    expect(c).toMatchObject({ event: "arrest", count: 31 });
    expect(c?.period).toEqual({ start: "2024-06-04", end: "2024-06-11" });
    expect(one("اعتقل عشرات الطلاب في الجامعة مساء الخميس.")[0]?.period).toEqual({ start: "2024-06-13", end: "2024-06-13" });
  });

  it("reads 'the past six months' written unit first, this month, and the past decade", () => {
    const cs = one("اختفى قسرياً أكثر من ثلاثمائة شخص خلال الأشهر الستة الماضية.");
    expect(cs.map((c) => c.count)).toEqual([300]); // six counts months, not people
    expect(cs[0]?.period).toEqual({ start: "2023-12-16", end: "2024-06-15" });
    expect(one("قتل ٦ صحفيين منذ مطلع الشهر الجاري.")[0]?.period).toEqual({ start: "2024-06-01", end: "2024-06-15" });
    expect(one("نفذت السلطات 1,700 حكم بالإعدام خلال العقد الماضي.")[0]?.period).toEqual({ start: "2014-06-16", end: "2024-06-15" });
  });

  it("counts a dual noun as two, and the wounded among 'العشرات'", () => {
    expect(one("أعدم رجلان في السجن المركزي يوم الثلاثاء.")[0]).toMatchObject({ event: "execution", count: 2 });
    const cs = one("قتل نحو 40 شخصاً وجرح العشرات في القصف.");
    expect(cs.map((c) => [c.event, c.count, c.qualifier])).toEqual([["killing", 40, "about"], ["injury", 10, "at_least"]]);
  });

  it("names civilians among the victims", () => {
    expect(one("قتل أكثر من 25 مدنياً في الغارات.")[0]?.victims).toContain("civilians");
  });

  it("does not take an agency spoken to as the voice", () => {
    expect(one("وقال مسؤول في المستشفى لرويترز إن 9 أشخاص قتلوا.")[0]?.source).toBeNull();
    expect(one("وقالت منظمة العفو الدولية لوكالة رويترز إن 9 أشخاص قتلوا.")[0]?.source).toBe("Amnesty International");
    expect(one("قتل 9 أشخاص وفقاً لرويترز.")[0]?.source).toBe("Reuters");
  });
});

describe("Arabic 'since' a weekday", () => {
  it("runs 'منذ يوم الثلاثاء' to the day of writing", () => {
    expect(run("قتل 17 متظاهراً منذ يوم الثلاثاء.", "2024-06-15")[0]?.period).toEqual({ start: "2024-06-11", end: "2024-06-15" });
  });
});

describe("Arabic events and victims of other outlets", () => {
  const one = (text: string) => run(text, "2024-06-15");

  it("reads Saudi and Egyptian wording of executions and death sentences", () => {
    expect(one("نفذت السلطات حكم القتل تعزيراً بحق أربعة مواطنين.")[0]).toMatchObject({ event: "execution", count: 4 });
    expect(one("بلغ عدد أحكام الإعدام المنفذة 88 حكماً منذ بداية عام 2024.")[0]).toMatchObject({ event: "execution", count: 88, period: { start: "2024-01-01", end: "2024-06-15" } });
    expect(one("قضت محكمة الجنايات بإعدام 14 متهماً.")[0]).toMatchObject({ event: "death_sentence", count: 14 });
    expect(one("أحالت المحكمة أوراق 6 متهمين إلى المفتي.")[0]).toMatchObject({ event: "death_sentence", count: 6 });
  });

  it("reads detainees as the people, not the deed", () => {
    expect(one("توفي 4 معتقلين تحت التعذيب منذ مطلع 2024.")[0]).toMatchObject({ event: "killing", count: 4, period: { start: "2024-01-01", end: "2024-06-15" } });
    expect(one("وتعرض 65 معتقلاً للتعذيب.")[0]).toMatchObject({ event: "torture", count: 65 });
  });

  it("reads 'وعشرات' with its clitic and 'ما يقرب من' as about", () => {
    const cs = one("وسقط 18 قتيلاً وعشرات الجرحى.");
    expect(cs.map((c) => [c.event, c.count])).toEqual([["killing", 18], ["injury", 10]]);
    expect(one("اعتقلت السلطات ما يقرب من 240 شخصاً.")[0]?.qualifier).toBe("about");
  });

  it("gives each part of a list its own victims", () => {
    const cs = one("قتل 90 مدنياً، بينهم ١٤ طفلاً و٥ سيدات.");
    expect(cs.map((c) => c.victims)).toEqual([["civilians"], ["child_offenders"], ["women"]]);
  });
});

describe("Arabic dates in words and quarters", () => {
  const one = (text: string) => run(text, "2024-06-15");

  it("reads an ordinal day before a month", () => {
    expect(one("أعدم 5 أشخاص في الرابع من حزيران.")[0]?.period).toEqual({ start: "2024-06-04", end: "2024-06-04" });
    expect(one("قتل 13 شخصاً في الحادي عشر من شهر آذار.")[0]?.period).toEqual({ start: "2024-03-11", end: "2024-03-11" });
    const cs = one("قتل 8 أشخاص في العشرين من أيار.");
    expect(cs.map((c) => [c.count, c.period])).toEqual([[8, { start: "2024-05-20", end: "2024-05-20" }]]);
  });

  it("reads quarters and 'the past two weeks'", () => {
    expect(one("نفذت السلطات 23 إعداماً في الربع الأول من العام.")[0]?.period).toEqual({ start: "2024-01-01", end: "2024-03-31" });
    expect(one("نفذت السلطات 23 إعداماً في الربع الثالث من عام 2023.")[0]?.period).toEqual({ start: "2023-07-01", end: "2023-09-30" });
    expect(one("صدر 31 حكماً بالإعدام خلال الأسبوعين الماضيين.")[0]?.period).toEqual({ start: "2024-06-01", end: "2024-06-15" });
  });

  it("takes no bounds of an age range as a count", () => {
    expect(one("واعتقل الأمن 4 شبان تتراوح أعمارهم بين 17 و24 عاماً.").map((c) => c.count)).toEqual([4]);
  });
});

describe("Arabic day of a saying", () => {
  it("a weekday before 'إن' is the day the source spoke, not the figure's", () => {
    const [c] = run("قالت منظمة العفو الدولية يوم الخميس إن السلطات نفذت 38 حكماً بالإعدام خلال الشهر الماضي.", "2024-02-10");
    expect(c?.period).toEqual({ start: "2024-01-01", end: "2024-01-31" });
  });
});

describe("Arabic this morning and counted places", () => {
  const one = (text: string) => run(text, "2024-06-15");

  it("dates 'فجر اليوم' to the day of writing, but not a bare 'اليوم'", () => {
    expect(one("أعدمت السلطات 5 أشخاص فجر اليوم.")[0]?.period).toEqual({ start: "2024-06-15", end: "2024-06-15" });
    expect(one("تنشر المنظمة اليوم تقريرها عن 120 حالة إعدام.")[0]?.period).toBeNull();
  });

  it("takes no number of provinces as a count", () => {
    expect(one("اعتقل 19 شخصاً في 6 محافظات.").map((c) => c.count)).toEqual([19]);
  });
});

describe("Arabic names of UN offices", () => {
  it("names the High Commissioner's office", () => {
    expect(run("وقال المفوض السامي لحقوق الإنسان إن 270 مدنياً قتلوا منذ مطلع العام.", "2024-06-15")[0]?.source).toBe("OHCHR");
  });
});

describe("Arabic thousands and the displaced", () => {
  const one = (text: string) => run(text, "2024-06-15");

  it("reads '3 آلاف' once, not also as a vague thousands", () => {
    expect(one("قتل 4 آلاف شخص في الحرب.").map((c) => [c.count, c.qualifier])).toEqual([[4000, "exact"]]);
  });

  it("does not give the displaced the killing of the figure before", () => {
    expect(one("قتل 60 شخصاً ونزح 2500 آخرون.").map((c) => [c.event, c.count])).toEqual([["killing", 60]]);
  });
});

describe("Arabic spans up to a month", () => {
  it("reads 'منذ بداية العام وحتى نهاية …' as one span ending with that month", () => {
    expect(run("منذ بداية العام وحتى نهاية آب، اعتقلت السلطات 76 ناشطاً.", "2023-10-20")[0]?.period).toEqual({ start: "2023-01-01", end: "2023-08-31" });
    expect(run("منذ مطلع عام 2022 حتى تموز، قتل 19 صحفياً.", "2023-02-01")[0]?.period).toEqual({ start: "2022-01-01", end: "2022-07-31" });
  });

  it("still runs 'since' a month alone to publication", () => {
    expect(run("منذ 5 آذار، اعتقل 44 متظاهراً.", "2023-04-10")[0]?.period).toEqual({ start: "2023-03-05", end: "2023-04-10" });
  });
});

describe("Arabic death row", () => {
  it("counts those facing the death penalty as death row", () => {
    expect(run("يواجه 7 معتقلين خطر الإعدام الوشيك.")[0]).toMatchObject({ event: "death_row", count: 7 });
    expect(run("يواجه 4 شبان حكم الإعدام بعد محاكمة سريعة.")[0]).toMatchObject({ event: "death_row", count: 4 });
    expect(run("نفذت السلطات حكم الإعدام بحق 4 شبان.")[0]?.event).toBe("execution");
  });
});

describe("Arabic prison terms, sentences issued and the day of a statement", () => {
  it("gives no event to those sentenced to prison", () => {
    expect(run("أعدمت السلطات رجلاً يبلغ من العمر 52 عاماً، وحكمت على 6 آخرين بالسجن 15 عاماً.")).toHaveLength(0);
  });

  it("reads 'صدرت أحكام بإعدام N' as death sentences", () => {
    expect(run("وبموجب المادة 9 من القانون، صدرت أحكام بإعدام 13 متهماً.")[0]).toMatchObject({ event: "death_sentence", count: 13 });
  });

  it("the day a statement came out dates no figure and is no count", () => {
    const cs = run("قالت الرابطة في بيان صدر في 14 نيسان إن 23 طالباً اعتقلوا.", "2023-04-20");
    expect(cs.map((c) => [c.event, c.count, c.period])).toEqual([["arrest", 23, null]]);
    expect(run("قالت الرابطة إن 23 طالباً اعتقلوا في 14 نيسان.", "2023-04-20")[0]?.period).toEqual({ start: "2023-04-14", end: "2023-04-14" });
  });
});

describe("Arabic days and weeks counted back, and parents", () => {
  it("reads 'الأيام الثلاثة الأخيرة' and 'الأسابيع الثلاثة الماضية' in days and weeks, not years", () => {
    expect(run("اعتقل 31 شخصاً في الأيام الثلاثة الأخيرة.", "2023-06-10")[0]?.period).toEqual({ start: "2023-06-07", end: "2023-06-10" });
    expect(run("قتل 6 أشخاص خلال الأسابيع الثلاثة الماضية.", "2023-06-22")[0]?.period).toEqual({ start: "2023-06-01", end: "2023-06-22" });
    expect(run("قتل 6 أشخاص خلال الأسبوعين الماضيين.", "2023-06-22")[0]?.period).toEqual({ start: "2023-06-08", end: "2023-06-22" });
  });

  it("does not count a parent's children", () => {
    expect(run("أعدم رجل، وهو أب لـ4 أطفال، يوم الأحد.")).toHaveLength(0);
  });
});

describe("Arabic annual report heading", () => {
  it("dates the body's figures by the year of a heading 'التقرير السنوي 2022'", () => {
    expect(run("التقرير السنوي 2022\nنفذت السلطات خلال العام 147 حكم إعدام.", "2023-02-01")[0]?.period).toEqual({ start: "2022-01-01", end: "2022-12-31" });
    expect(run("نفذت السلطات 147 حكم إعدام.", "2023-02-01")[0]?.period).toBeNull();
  });
});
