// The Persian pack on invented sentences of the shapes Persian reports use.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const run = (text: string, published = "2024-01-10") => extract(text, { document: "fa.txt", published, language: "fa" }).claims;

describe("Persian pack", () => {
  it("reads a hedged figure, its event, its Solar month and its source, with and without ZWNJ", () => {
    for (const hedge of ["دست\u200cکم", "دستکم", "دست کم", "حداقل"]) {
      const [c, ...rest] = run(`به گزارش هرانا، ${hedge} ۱۲ زندانی در آذر ۱۴۰۲ در زندان قزل‌حصار اعدام شدند.`);
      expect(rest).toHaveLength(0);
      expect(c).toMatchObject({ event: "execution", count: 12, qualifier: "at_least", source: "HRANA", periodLabel: "Azar 1402" });
      expect(c?.period).toEqual({ start: "2023-11-22", end: "2023-12-21" });
    }
  });

  it("reads a number whose digits mix Persian and Arabic-Indic forms", () => {
    const [c] = run("در ماه گذشته ۱٢٧ شهروند در استان کردستان بازداشت شدند.");
    expect(c).toMatchObject({ event: "arrest", count: 127 });
  });

  it("resolves a two-digit Solar year against publication, and Esfand of a leap year to its 30th day", () => {
    const [c] = run("در اسفند ۹۹ بیش از ۴۰ نفر در زندان‌های کشور اعدام شدند.", "2021-06-01");
    expect(c).toMatchObject({ count: 40, qualifier: "more_than", periodLabel: "Esfand 1399" });
    expect(c?.period).toEqual({ start: "2021-02-19", end: "2021-03-20" });
  });

  it("reads ordinal day words before a Solar month", () => {
    const [c] = run("طی روزهای سوم تا هشتم مهرماه ۱۴۰۰ جمعاً ۹ کولبر زخمی شدند.", "2021-11-01");
    expect(c).toMatchObject({ event: "injury", count: 9 });
    expect(c?.period).toEqual({ start: "2021-09-25", end: "2021-09-30" });
  });

  it("reads a Solar year and a transliterated Gregorian month", () => {
    expect(run("در سال ۱۳۹۹ مجموع ۶۰ کولبر کشته شدند.")[0]?.period).toEqual({ start: "2020-03-20", end: "2021-03-20" });
    expect(run("در ماه نوامبر ۲۰۲۲ دستکم ۵۰ معترض کشته شدند.")[0]?.period).toEqual({ start: "2022-11-01", end: "2022-11-30" });
  });

  it("splits a range into at least the low figure and up to the high one", () => {
    const cs = run("وزیر گفته است بین ۷۰ تا ۹۰ نفر در این اعتراضات کشته شدند.");
    expect(cs.map((c) => [c.count, c.qualifier])).toEqual([[70, "at_least"], [90, "up_to"]]);
  });

  it("does not count percentages, ages, rates or countries", () => {
    expect(run("۳۵ درصد اعدام‌ها به اتهام مواد مخدر بود.")).toHaveLength(0);
    expect(run("(%۱۲) از اعدام‌شدگان زن بودند.")).toHaveLength(0);
    expect(run("یک جوان ۲۶ ساله در زندان اعدام شد.")).toHaveLength(0);
    expect(run("در این سال هر ۵ ساعت یک نفر اعدام شد.")).toHaveLength(0);
    expect(run("ایران در میان ۲۰ کشور اعدام‌کننده رتبه نخست را دارد.")).toHaveLength(0);
  });

  it("carries the source named earlier to the next sentences of a report", () => {
    const cs = run("طبق آمار سازمان حقوق بشر ایران، ۸۰ نفر در دی ۱۴۰۲ اعدام شدند. همچنین ۳ زن در همین ماه اعدام شدند.");
    expect(cs.map((c) => c.source)).toEqual(["IHRNGO", "IHRNGO"]);
  });

  it("keeps the quote and span of the original text, ZWNJ and all", () => {
    const text = "عنوان\nبه گزارش هەنگاو، دست\u200cکم ۷ شهروند کُرد بازداشت شده‌اند.";
    const [c] = run(text);
    expect(c?.source).toBe("Hengaw");
    expect(text.slice(...(c?.span as [number, number]))).toBe(c?.quote);
    expect(c?.quote).toContain("\u200c");
    expect(text.slice(...(c?.countSpan as [number, number]))).toBe("۷");
  });

  it("reads a murder charge as a charge, not a killing", () => {
    const [c, ...rest] = run("۴ زندانی به اتهام قتل عمد در زندان اعدام شدند.");
    expect(rest).toHaveLength(0);
    expect(c).toMatchObject({ event: "execution", count: 4 });
  });

  it("reads death row, and a Gregorian year after 'در'", () => {
    expect(run("دستکم ۶۰ زندانی در صف اعدام هستند.")[0]).toMatchObject({ event: "death_row", count: 60, qualifier: "at_least" });
    expect(run("در ۲۰۲۲ حدود ۵۰۰ نفر اعدام شدند.")[0]).toMatchObject({ count: 500, qualifier: "about", period: { start: "2022-01-01", end: "2022-12-31" } });
  });

  it("reads a part stated in the next sentence without an event word, and a Solar date in digits", () => {
    const cs = run("بر اساس گزارش هرانا، ۴۰ زندانی در تاریخ ۱۴۰۲/۰۹/۱۲ اعدام شدند. از این تعداد ۶ نفر زن بودند.");
    expect(cs.map((c) => [c.event, c.count, c.period?.start, c.source])).toEqual([
      ["execution", 40, "2023-12-03", "HRANA"],
      ["execution", 6, "2023-12-03", "HRANA"],
    ]);
  });

  it("reads an active verb of killing before a later arrest in the same sentence", () => {
    const cs = run("نیروهای امنیتی بیش از ۸۰ معترض را کشتند و صدها نفر را بازداشت کردند.");
    expect(cs.map((c) => [c.event, c.count, c.qualifier])).toEqual([["killing", 80, "more_than"], ["arrest", 100, "at_least"]]);
  });

  it("multiplies digits by a scale word, and runs 'از … تاکنون' to publication", () => {
    const [c] = run("به گزارش هرانا، از ۵ مهر تاکنون بیش از ۱۲ هزار نفر بازداشت شده‌اند.", "2022-11-20");
    expect(c).toMatchObject({ event: "arrest", count: 12000, qualifier: "more_than", periodLabel: "since 5 Mehr 1401" });
    expect(c?.period).toEqual({ start: "2022-09-27", end: "2022-11-20" });
  });

  it("keeps the event of a headline's figure when the body restates it far from any event word", () => {
    const cs = run("بازداشت ۳۷ فعال مدنی در دی ۱۴۰۲\nبا بازداشت یک فعال دیگر در شهر سقز در روزهای پایانی ماه، شمار فعالان مدنی در دی ماه به ۳۷ نفر رسید.");
    expect(cs.map((c) => [c.event, c.count])).toEqual([["arrest", 37], ["arrest", 37]]);
  });

  it("reads the first months of a year, Solar or Gregorian", () => {
    expect(run("در ۹ ماه نخست سال ۲۰۲۲ دستکم ۳۰۰ نفر اعدام شدند.")[0]?.period).toEqual({ start: "2022-01-01", end: "2022-09-30" });
    expect(run("در نیمه نخست سال ۱۴۰۱ بیش از ۲۵۰ نفر اعدام شدند.")[0]?.period).toEqual({ start: "2022-03-21", end: "2022-09-22" });
  });

  it("dates a figure by a weekday, with or without ZWNJ, but the day a statement was made dates nothing", () => {
    // 2024-01-10 is a Wednesday.
    expect(run("روز سه‌شنبه ۷ زندانی در زندان قزل‌حصار اعدام شدند.")[0]?.period).toEqual({ start: "2024-01-09", end: "2024-01-09" });
    expect(run("پنجشنبه گذشته ۳ کولبر در مرز کشته شدند.")[0]?.period).toEqual({ start: "2024-01-04", end: "2024-01-04" });
    const [c] = run("هرانا روز دوشنبه اعلام کرد که در آذر ۱۴۰۲ دست‌کم ۱۵ زندانی اعدام شدند.");
    expect(c?.period).toEqual({ start: "2023-11-22", end: "2023-12-21" });
  });

  it("counts hours back from publication, and a superlative's time dates nothing", () => {
    expect(run("در ۲۴ ساعت گذشته شش زندانی در زندان مرکزی اعدام شدند.")[0]?.period).toEqual({ start: "2024-01-09", end: "2024-01-10" });
    const [c] = run("در سال ۲۰۲۲ میلادی، ۵۸۲ نفر در ایران اعدام شدند که بالاترین رقم در پنج سال اخیر است.");
    expect(c?.period).toEqual({ start: "2022-01-01", end: "2022-12-31" });
  });

  it("takes the health ministry as the voice", () => {
    expect(run("وزارت بهداشت اعلام کرد ۴۱ نفر در این حادثه کشته شدند.")[0]).toMatchObject({ event: "killing", count: 41, source: "Health Ministry" });
  });
});

describe("Persian comparisons with the same period", () => {
  it("'مدت مشابه سال گذشته' is the main figure's period a year earlier, to the same day", () => {
    const cs = run("از ابتدای سال جاری تاکنون ۱۸۰ نفر اعدام شده‌اند که این رقم در مدت مشابه سال گذشته ۱۱۰ نفر بود.", "2024-06-12");
    expect(cs.map((c) => [c.count, c.period])).toEqual([
      [180, { start: "2024-03-20", end: "2024-06-12" }],
      [110, { start: "2023-03-20", end: "2023-06-12" }],
    ]);
  });
});

describe("Persian shapes beyond the development set", () => {
  const pub = "2024-06-15"; // 26 Khordad 1403
  const one = (text: string) => run(text, pub);

  it("'ماه جاری' is the Solar month of writing, or the Gregorian one when marked", () => {
    expect(one("در ماه جاری ۱۴ زندانی در زندان‌های کشور اعدام شدند.")[0]?.period).toEqual({ start: "2024-05-21", end: "2024-06-15" });
    expect(one("از ابتدای ماه جاری میلادی دست‌کم ۹ نفر بازداشت شده‌اند.")[0]?.period).toEqual({ start: "2024-06-01", end: "2024-06-15" });
  });

  it("reads a span of two months that shares the year written after the second", () => {
    expect(one("از مهر تا آذر ۱۴۰۲ دست‌کم ۱۷۰ زندانی اعدام شدند.")[0]?.period).toEqual({ start: "2023-09-23", end: "2023-12-21" });
    expect(one("از بهمن تا فروردین ۱۴۰۳ حدود ۹۰ نفر اعدام شدند.")[0]?.period).toEqual({ start: "2024-01-21", end: "2024-04-19" });
    expect(one("در ماه‌های فروردین و اردیبهشت ۱۴۰۳، ۱۱۲ نفر اعدام شدند.")[0]?.period).toEqual({ start: "2024-03-20", end: "2024-05-20" });
    // A bare "مهر" (a seal) that opens no span stays no month.
    expect(one("مهر تأیید بر این حکم زده شد و ۴ نفر بازداشت شدند.")[0]?.period).toBeNull();
  });

  it("narrows a month to its early, middle or late days, or to its first or last N days", () => {
    expect(one("در اوایل اردیبهشت ماه ۱۴۰۳ بیش از ۲۰ نفر بازداشت شدند.")[0]?.period).toEqual({ start: "2024-04-20", end: "2024-04-29" });
    expect(one("اواخر فروردین امسال ۱۱ زندانی اعدام شدند.")[0]?.period).toEqual({ start: "2024-04-09", end: "2024-04-19" });
    expect(one("در ۱۰ روز نخست خرداد ۱۴۰۳، ۳۸ نفر اعدام شدند.")[0]?.period).toEqual({ start: "2024-05-21", end: "2024-05-30" });
    expect(one("در پنج روز پایانی اسفند ۱۴۰۲ دست‌کم ۱۳ نفر اعدام شدند.")[0]?.period).toEqual({ start: "2024-03-15", end: "2024-03-19" });
  });

  it("'از ابتدای سال ۲۰۲۳' runs to publication", () => {
    expect(one("از ابتدای سال ۲۰۲۳ دست‌کم ۹۰۰ نفر اعدام شده‌اند.")[0]?.period).toEqual({ start: "2023-01-01", end: "2024-06-15" });
  });

  it("does not read the verb 'کرد' (did) as Kurds, but does read Kurdish prisoners", () => {
    expect(one("دادگاه انقلاب ۴ معترض را به اعدام محکوم کرد.")[0]?.victims).not.toContain("ethnic_minorities");
    expect(one("۳ زندانی کرد در زندان ارومیه اعدام شدند.")[0]?.victims).toContain("ethnic_minorities");
  });

  it("gives women to a part 'سه نفر از آنها زن'", () => {
    const cs = one("در فروردین ۱۴۰۳ دستکم ۲۶ زندانی اعدام شدند که سه نفر از آنها زن بودند.");
    expect(cs[1]).toMatchObject({ count: 3, victims: ["women"] });
  });

  it("reads qisas as an execution or, with 'محکوم', a death sentence", () => {
    expect(one("حکم قصاص ۵ زندانی در زندان مرکزی اجرا شد.")[0]).toMatchObject({ event: "execution", count: 5 });
    expect(one("دادگاه کیفری ۳ متهم را به قصاص محکوم کرد.")[0]).toMatchObject({ event: "death_sentence", count: 3 });
  });

  it("reads prisoners at risk of execution as death row", () => {
    expect(one("بیش از ۶۰ زندانی سیاسی در معرض خطر اجرای حکم اعدام قرار دارند.")[0]).toMatchObject({ event: "death_row", count: 60, qualifier: "more_than" });
  });

  it("takes no rate, and no released detainees, as a count", () => {
    expect(one("هر روز به طور متوسط ۴ نفر در ایران اعدام می‌شوند.")).toHaveLength(0);
    expect(one("روزانه ۳ اعدام در زندان‌ها ثبت می‌شود.")).toHaveLength(0);
    expect(one("در این ماه ۲ نفر در روز اعدام شدند.")).toHaveLength(0);
    expect(one("۸۰ نفر از بازداشت‌شدگان با قید وثیقه آزاد شدند.")).toHaveLength(0);
    // A weekday after "در روز" is a date, not a rate.
    expect(one("۶ نفر در روز پنجشنبه بازداشت شدند.")[0]).toMatchObject({ count: 6, event: "arrest" });
  });
});

describe("Persian voices", () => {
  it("does not take the agency a speaker talks to as the voice", () => {
    expect(run("یک مقام محلی به رویترز گفت که ۱۱ نفر کشته شدند.")[0]?.source).toBeNull();
    expect(run("به گزارش رویترز، ۱۱ نفر کشته شدند.")[0]?.source).toBe("Reuters");
  });
});

describe("Persian 'since' a weekday", () => {
  it("runs 'از سه‌شنبه تاکنون' to the day of writing", () => {
    expect(run("از سه‌شنبه تاکنون ۲۳ نفر بازداشت شده‌اند.", "2024-06-15")[0]?.period).toEqual({ start: "2024-06-11", end: "2024-06-15" });
  });
});

describe("Persian victims of a range", () => {
  it("the low end of 'بین ۸ تا ۱۱ کولبر' names the same victims as the high end", () => {
    const cs = run("در همین ماه بین ۸ تا ۱۱ کولبر کشته شدند.");
    expect(cs.map((c) => [c.count, c.victims])).toEqual([[8, ["civilians"]], [11, ["civilians"]]]);
  });
});

describe("Persian places, glued number words, phone numbers and this morning", () => {
  const one = (text: string) => run(text, "2024-06-15");

  it("gives each figure of 'N در X و M در Y' its own place, and no Baluch victims from the province's name", () => {
    const cs = one("۹ نفر در سیستان و بلوچستان و ۶ نفر در کردستان اعدام شدند.");
    expect(cs.map((c) => [c.count, c.place])).toEqual([[9, "Sistan and Baluchestan"], [6, "Kurdistan"]]);
    expect(cs[0]?.victims).not.toContain("ethnic_minorities");
  });

  it("reads tens and units glued by 'و' once the ZWNJ is gone", () => {
    expect(one("سی‌وشش نفر در این اعتراضات بازداشت شدند.")[0]).toMatchObject({ count: 36, event: "arrest" });
  });

  it("takes no phone number, and no number of provinces or prisons, as a count", () => {
    expect(one("شماره تماس ۰۹۱۲۳۴۵۶۷۸۹ برای خانواده‌های بازداشت‌شدگان اعلام شد.")).toHaveLength(0);
    expect(one("۲۰ نفر در ۸ استان کشور بازداشت شدند.").map((c) => c.count)).toEqual([20]);
  });

  it("dates 'امروز صبح' to the day of writing", () => {
    expect(one("امروز صبح ۳ زندانی در زندان قزلحصار اعدام شدند.")[0]?.period).toEqual({ start: "2024-06-15", end: "2024-06-15" });
  });
});

describe("Persian names of Kurdish and Iranian rights groups", () => {
  it("maps them through the registry", () => {
    expect(run("شبکه حقوق بشر کردستان گزارش داد که ۷ کولبر کشته شدند.")[0]?.source).toBe("KHRN");
    expect(run("مرکز حقوق بشر ایران اعلام کرد که ۳۳ نفر بازداشت شدند.")[0]?.source).toBe("CHRI");
  });
});

describe("Persian thousands, several hundred, and the released", () => {
  const one = (text: string) => run(text, "2024-06-15");

  it("reads '۲ هزار و ۵۰۰' as one figure and 'چند صد' as at least a hundred", () => {
    expect(one("۳ هزار و ۴۰۰ نفر بازداشت شدند.").map((c) => c.count)).toEqual([3400]);
    expect(one("چند صد نفر در اعتراضات بازداشت شدند.")[0]).toMatchObject({ count: 100, qualifier: "at_least" });
  });

  it("takes the released as no arrest figure, but keeps the arrested beside them", () => {
    expect(one("۴۸ ساعت پس از بازداشت، ۴ نفر آزاد شدند.")).toHaveLength(0);
    expect(one("۲۲ نفر بازداشت و ۶ نفر آزاد شدند.").map((c) => [c.event, c.count])).toEqual([["arrest", 22]]);
  });
});

describe("Persian spans up to the end of a month", () => {
  it("reads 'از ابتدای سال … تا پایان ماه …' as one span", () => {
    expect(run("از ابتدای سال ۱۴۰۲ تا پایان ماه شهریور، ۲۱۸ نفر اعدام شدند.", "2023-11-01")[0]?.period).toEqual({ start: "2023-03-21", end: "2023-09-22" });
    expect(run("از ابتدای سال جاری میلادی تا پایان ماه اکتبر ۶۱ نفر بازداشت شدند.", "2023-12-01")[0]?.period).toEqual({ start: "2023-01-01", end: "2023-10-31" });
  });
});

describe("Persian prison terms and the day of a report", () => {
  it("gives no event to those sentenced to prison", () => {
    expect(run("۴ فعال کارگری به پنج سال حبس محکوم شدند.")).toHaveLength(0);
    expect(run("۴ زندانی در زندان قزلحصار اعدام شدند.")[0]).toMatchObject({ event: "execution", count: 4 });
  });

  it("the day a report came out dates no figure", () => {
    expect(run("بر اساس گزارشی که منتشر شده در ۱۰ دی، ۱۸ نفر بازداشت شدند.")[0]?.period).toBeNull();
  });
});

describe("Persian parents", () => {
  it("does not count a parent's children", () => {
    expect(run("این مرد ۳۸ ساله و پدر ۲ فرزند بود که اعدام شد.")).toHaveLength(0);
  });
});
