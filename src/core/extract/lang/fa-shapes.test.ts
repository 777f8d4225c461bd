// The Persian pack on shapes of held-out reports that the first development texts barely had:
// seasons, weeks and years counted back, compounds with "نه", vague thousands, codes and money.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";

const run = (text: string, published = "2024-10-04") => extract(text, { document: "fa.txt", published, language: "fa" }).claims;
const brief = (text: string, published?: string) => run(text, published).map((c) => [c.event, c.count, c.qualifier, c.period?.start ?? null, c.period?.end ?? null]);

describe("Persian seasons", () => {
  it("are quarters of the Solar year, named with a year, 'امسال' or 'گذشته'", () => {
    expect(brief("در تابستان امسال دست کم ۲۱۰ نفر در ایران اعدام شدند.", "2024-10-01")).toEqual([["execution", 210, "at_least", "2024-06-21", "2024-09-21"]]);
    expect(brief("به گزارش هرانا، در پاییز ۱۴۰۳ بیش از ۴۰۰ نفر اعدام شدند.", "2025-01-15")).toEqual([["execution", 400, "more_than", "2024-09-22", "2024-12-20"]]);
    // Written in spring 1403: the winter that has ended is that of 1402.
    expect(brief("در زمستان گذشته ۱۴۰ زندانی اعدام شدند.", "2024-05-01")).toEqual([["execution", 140, "exact", "2023-12-22", "2024-03-19"]]);
  });

  it("need a year, 'فصل' or a relative word: 'بهار' alone is also a name, and a count after the season is no year", () => {
    expect(brief("بهار ۲۳ نفر را در خیابان دید که بازداشت شدند.", "2024-05-01")).toEqual([["arrest", 23, "exact", null, null]]);
    expect(brief("در فصل تابستان ۲۳ نفر اعدام شدند.", "2024-10-01")).toEqual([["execution", 23, "exact", "2024-06-21", "2024-09-21"]]);
  });
});

describe("Persian spans counted back from publication", () => {
  it("reads 'هفته گذشته' as the Iranian week before, Saturday to Friday", () => {
    // Written on a Wednesday and on the Saturday that opens the next week.
    expect(brief("هفته گذشته ۶ زندانی در کرج اعدام شدند.", "2024-06-12")).toEqual([["execution", 6, "exact", "2024-06-01", "2024-06-07"]]);
    expect(brief("هفته گذشته ۶ زندانی در کرج اعدام شدند.", "2024-06-08")).toEqual([["execution", 6, "exact", "2024-06-01", "2024-06-07"]]);
  });

  it("reads 'N هفته گذشته' and 'یک سال گذشته' as spans, not as last week or the last Solar year", () => {
    expect(brief("در دو هفته گذشته ۴۸ زندانی در ایران اعدام شدند.", "2024-06-15")).toEqual([["execution", 48, "exact", "2024-06-01", "2024-06-15"]]);
    expect(brief("طی یک سال گذشته دست کم ۹۰۰ نفر در ایران اعدام شده‌اند.")).toEqual([["execution", 900, "at_least", "2023-10-05", "2024-10-04"]]);
  });
});

describe("Persian numbers in words", () => {
  it("reads 'نه' inside a compound but never alone", () => {
    expect(brief("نود و نه زندانی در تیر ماه ۱۴۰۳ اعدام شدند.")[0]?.slice(0, 2)).toEqual(["execution", 99]);
    expect(brief("بیست و نه معترض در این شهر بازداشت شدند.")[0]?.slice(0, 2)).toEqual(["arrest", 29]);
    expect(run("او گفت نه، هیچ کس بازداشت نشده است.")).toHaveLength(0);
  });

  it("reads 'دهها هزار' as at least ten thousand, and 'دو هزار و پانصد' whole", () => {
    expect(brief("دهها هزار معترض در جریان این اعتراضات بازداشت شدند.")[0]?.slice(0, 3)).toEqual(["arrest", 10000, "at_least"]);
    expect(brief("در جریان این اعتراضات دو هزار و پانصد نفر بازداشت شدند.")[0]?.slice(0, 2)).toEqual(["arrest", 2500]);
  });
});

describe("Persian figures that are no counts", () => {
  it("drops case and branch numbers, national IDs, billions of tomans and a list of ages", () => {
    expect(run("پرونده او با کلاسه ۹۸۰۹۹۸۲۱۱۸ در شعبه ۱۵ دادگاه انقلاب به صدور حکم اعدام انجامید.")).toHaveLength(0);
    expect(run("این شهروند با کد ملی ۲۲۸۱۴۵۶۷۸۹ بازداشت شد.")).toHaveLength(0);
    expect(run("دادگاه برای آزادی این فعال بازداشت شده وثیقه ۱۵ میلیارد تومانی تعیین کرد.")).toHaveLength(0);
    expect(run("سه زندانی ۲۴، ۲۷ و ۳۱ ساله اعدام شدند.").map((c) => c.count)).toEqual([3]);
  });
});

describe("Persian deaths in a detention centre", () => {
  it("are killings: 'بازداشتگاه' is a place, not an arrest", () => {
    expect(brief("دو زندانی سیاسی در ماه گذشته در بازداشتگاه جان باختند.", "2024-08-10").map((c) => c.slice(0, 2))).toEqual([["killing", 2]]);
  });
});

describe("Persian parts and days", () => {
  it("reads 'N نفر از آنان' as a part of the figure before, dated like it", () => {
    const cs = brief("در شهریور ۱۴۰۳ شمار ۱۲۲ نفر اعدام شدند. ۴ نفر از آنان زن بودند.");
    expect(cs).toEqual([["execution", 122, "exact", "2024-08-22", "2024-09-21"], ["execution", 4, "exact", "2024-08-22", "2024-09-21"]]);
  });

  it("reads 'سحرگاه امروز' as the day of publication", () => {
    expect(brief("حکم اعدام دو زندانی بلوچ سحرگاه امروز در زندان زاهدان به اجرا درآمد.", "2024-10-20")).toEqual([["execution", 2, "exact", "2024-10-20", "2024-10-20"]]);
  });
});

describe("Persian sentences listed before one verb", () => {
  it("reads 'به اعدام و … محکوم کرد' as death sentences, and a prison range as no event", () => {
    expect(brief("دادگاه انقلاب هفته گذشته ۳ معترض را به اعدام و ۱۲ نفر دیگر را به ۵ تا ۱۰ سال زندان محکوم کرد.", "2025-02-10").map((c) => c.slice(0, 2))).toEqual([["death_sentence", 3]]);
  });

  it("keeps a four-digit Solar year after a season before an event word", () => {
    expect(brief("سی و هفت معترض در جریان اعتراضات بهار ۱۴۰۱ کشته شدند.", "2025-02-10")).toEqual([["killing", 37, "exact", "2022-03-21", "2022-06-21"]]);
  });

  it("does not count a population", () => {
    expect(brief("در این شهر ۲۵۰ هزار نفر جمعیت دارد و دهها نفر بازداشت شدند.").map((c) => c.slice(0, 2))).toEqual([["arrest", 10]]);
  });
});

describe("Persian protests against executions", () => {
  it("are no executions of those who protest", () => {
    expect(run("چهل و دو زندانی سیاسی در اعتراض به اعدام‌ها دست به اعتصاب غذا زدند.")).toHaveLength(0);
  });
});

describe("Persian sentences upheld, detainees and thousands in words and digits", () => {
  it("reads 'حکم اعدام … تایید شد' as a death sentence, not an execution", () => {
    expect(brief("حکم اعدام ۵ معترض در دیوان عالی کشور تایید شد.").map((c) => c.slice(0, 2))).toEqual([["death_sentence", 5]]);
  });

  it("lets 'بازداشت‌شدگان' (the detainees) yield to the deed after it", () => {
    expect(brief("دادگاه برای ۷ تن از بازداشت‌شدگان حکم اعدام صادر کرد.").map((c) => c.slice(0, 2))).toEqual([["death_sentence", 7]]);
    expect(brief("۹ تن از بازداشت‌شدگان در زندان شکنجه شدند.").map((c) => c.slice(0, 2))).toEqual([["torture", 9]]);
  });

  it("reads 'یک هزار و ۴۰۰' as one figure", () => {
    expect(brief("در این اعتراضات یک هزار و ۴۰۰ نفر بازداشت شدند.").map((c) => c.slice(0, 2))).toEqual([["arrest", 1400]]);
  });

  it("reads 'شنبه گذشته' written on a Saturday as the Saturday before", () => {
    expect(brief("شنبه گذشته ۶ نفر در بانه بازداشت شدند.", "2024-06-22")).toEqual([["arrest", 6, "exact", "2024-06-15", "2024-06-15"]]);
    expect(brief("روز شنبه ۶ نفر در بانه بازداشت شدند.", "2024-06-22")).toEqual([["arrest", 6, "exact", "2024-06-22", "2024-06-22"]]);
  });
});

describe("Persian Gregorian months named bare", () => {
  it("reads 'در ژانویه' as the latest January, but not an ambiguous name ('می', 'مه') alone", () => {
    expect(brief("بیش از ۳۰۰ نفر در فوریه بازداشت شدند.", "2024-06-15")).toEqual([["arrest", 300, "more_than", "2024-02-01", "2024-02-29"]]);
    expect(brief("۴۰ نفر می گویند که در این شهر بازداشت شدند.", "2024-06-15")).toEqual([["arrest", 40, "exact", null, null]]);
  });
});

describe("Persian weeks and tens of days of a month", () => {
  it("reads 'هفته سوم اردیبهشت' as days 15–21, not the third day; 'دهه آخر' as the 21st to the end", () => {
    expect(brief("در هفته سوم اردیبهشت ۷ زندانی اعدام شدند.", "2024-06-15")).toEqual([["execution", 7, "exact", "2024-05-04", "2024-05-10"]]);
    expect(brief("در دهه آخر فروردین ۱۲ نفر بازداشت شدند.", "2024-06-15")).toEqual([["arrest", 12, "exact", "2024-04-09", "2024-04-19"]]);
  });
});

describe("Persian 'N روز گذشته'", () => {
  it("is the past N days, not the day before", () => {
    expect(brief("دست‌کم ۱۲ نفر در هفت روز گذشته بازداشت شدند.", "2024-06-15")).toEqual([["arrest", 12, "at_least", "2024-06-08", "2024-06-15"]]);
    expect(brief("۱۲ نفر روز گذشته بازداشت شدند.", "2024-06-15")).toEqual([["arrest", 12, "exact", "2024-06-14", "2024-06-14"]]);
  });
});

describe("Persian bare 'امروز'", () => {
  it("dates a figure when an event verb follows it closely", () => {
    expect(brief("حکم اعدام ۶ زندانی امروز اجرا شد.", "2024-06-15")).toEqual([["execution", 6, "exact", "2024-06-15", "2024-06-15"]]);
  });
});
