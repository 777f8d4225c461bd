// Persian: number words, hedges, events, Solar Hijri and transliterated Gregorian months,
// relative periods and attribution. Patterns are written on folded text (no ZWNJ, Persian yeh
// and kaf, bare alef, ه for ە), so "دست‌کم", "دستکم" and "دست کم" all read the same.
import { findTimes } from "./fa-times.js";
import type { LanguagePack, NumberWord } from "./pack.js";
import { rx, table, wordFromTables, type WordTables } from "./patterns.js";

const UNITS = table({ یک: 1, دو: 2, سه: 3, چهار: 4, پنج: 5, شش: 6, هفت: 7, هشت: 8 });
const TEENS = table({ یازده: 11, دوازده: 12, سیزده: 13, چهارده: 14, پانزده: 15, پونزده: 15, شانزده: 16, هفده: 17, هیفده: 17, هجده: 18, هیجده: 18, نوزده: 19 });
const TENS = table({ ده: 10, بیست: 20, سی: 30, چهل: 40, پنجاه: 50, شصت: 60, هفتاد: 70, هشتاد: 80, نود: 90 });
const HUNDREDS = table({ صد: 100, یکصد: 100, دویست: 200, سیصد: 300, چهارصد: 400, پانصد: 500, ششصد: 600, هفتصد: 700, هشتصد: 800, نهصد: 900 });
const ORDINAL_ONLY = table({ اول: 1, یکم: 1, نخست: 1, سوم: 3, نهم: 9 });

const WORD_TABLES: WordTables = [
  [UNITS, "unit"], [TEENS, "teen"], [TENS, "ten"], [HUNDREDS, "hundred"],
  [table({ هزار: 1000 }), "thousand"], [table({ میلیون: 1_000_000 }), "million"],
];

const plain = (w: string): NumberWord | null => wordFromTables(w, WORD_TABLES);

/** A Persian number word; "…م", "…ام" and "…مین" make ordinals ("هشتم", "سیام", "نوزدهمین"). */
function numberWord(token: string): NumberWord | null {
  const w = plain(token);
  if (w) return w;
  // "سی‌وپنج" loses its ZWNJ in folding and reads as one word: tens and units glued by "و".
  const glued = /^(\p{L}+?)و(\p{L}+)$/u.exec(token);
  if (glued) {
    const ten = plain(glued[1] as string);
    const unit = plain(glued[2] as string);
    if (ten?.kind === "ten" && unit?.kind === "unit") return { value: ten.value + unit.value, kind: "teen" };
  }
  if (token === "نه") return { value: 9, kind: "unit", bound: true }; // "نود و نه"; alone, "no"
  const o = ORDINAL_ONLY.get(token);
  if (o !== undefined) return { value: o, kind: o === 9 ? "unit" : "unit", ordinal: true };
  for (const suffix of ["مین", "ام", "م"]) {
    if (token.endsWith(suffix) && token.length > suffix.length + 1) {
      const base = plain(token.slice(0, -suffix.length));
      if (base) return { ...base, ordinal: true };
    }
  }
  return null;
}

/** The Persian pack. */
export const persian: LanguagePack = {
  code: "fa",
  wordHint: new RegExp([...UNITS.keys(), ...TEENS.keys(), ...TENS.keys(), ...HUNDREDS.keys(), ...ORDINAL_ONLY.keys(), "هزار", "میلیون", "نه"].join("|"), "u"),
  wordPattern: /[\p{L}]+/gu,
  numberWord,
  joiner: /^\s+(?:و\s+)?$|^\s*و\s*$/u,
  spaceThousands: false,
  vague: [
    [rx(`‹نه(?=\\s+(?:نفر|تن|مورد|زندانی|کودک|زن|کولبر|شهروند)›)`), 9, "exact"],
    [rx(`‹(?:ده ها|دهها)\\s*هزار›`), 10_000, "at_least"],
    [rx(`‹(?:صدها|صد ها)\\s*هزار›`), 100_000, "at_least"],
    [rx(`‹(?:ده ها|دهها)›`), 10, "at_least"],
    [rx(`‹(?:صدها|چند\\s*صد|چندصد)›`), 100, "at_least"],
    [rx(`‹(?:چند\\s*هزار|چندهزار)›`), 1000, "at_least"],
    [rx(`‹(?:هزاران)›`), 1000, "at_least"],
  ],
  qualifiers: [
    [rx(`(?:دست\\s*کم|حداقل|لااقل|کم\\s*کم)\\s*["«]?\\s*$`, "iu"), "at_least"],
    [rx(`(?:بیش\\s*از|بیشتر\\s*از|افزون\\s*بر|متجاوز\\s*از)\\s*["«]?\\s*$`, "iu"), "more_than"],
    [rx(`(?:حدود|حدودا|نزدیک\\s*به|قریب\\s*به|تقریبا|درحدود)\\s*["«]?\\s*$`, "iu"), "about"],
    [rx(`(?:حداکثر|تا\\s*سقف)\\s*["«]?\\s*$`, "iu"), "up_to"],
  ],
  range: { lead: rx(`(?:بین|میان|از)\\s*["«]?\\s*$`, "iu"), gap: rx(`^\\s*(?:تا|الی|-|–)\\s*$`, "iu"), leadRequired: false },
  nonCountAfter: rx(`^\\s*(?:%|درصد|ساله|سال(?:ه)?›|سال\\s+(?:سن|زندان|حبس)|روز›|روزه›|هفته›|ماه›|ساعت›|دقیقه›|دهه›|قرن›|کشور›|استان›|شهر›|شهرستان›|زندان›|روستا›|بار›|برابر›|سالگی|(?:میلیون|میلیارد|هزار)\\s+(?:تومان|ریال|دلار|یورو)|میلیارد|(?:تومان|ریال|دلار|یورو)›|کیلو|متر›|ضربه|سال\\s*و\\s*\\S+\\s*ماه|(?:نفر|تن|مورد|اعدام)?\\s*در\\s+(?:هر\\s+(?:روز|هفته|ماه|ساعت)›|(?:روز|هفته|ساعت)›(?!\\s*(?:\\d|شنبه|یکشنبه|دوشنبه|سه|چهار|پنج|جمعه|های|ها›|گذشته|قبل|پیش|بعد|آینده|اول|دوم|سوم|نخست|آخر|جهانی|\\S+مین›|\\S*(?:یکم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم|ستم)›))))`, "iu"),
  // Rates: "هر روز به طور متوسط ۳ نفر", "روزانه ۲ اعدام".
  nonCountBefore: rx(`(?:%|هر|ماده|شماره|بند|اصل|ساعت|رتبه|شعبه|کلاسه|تبصره|پلاک)\\s*$|‹(?:مادر|پدر)\\s*$|‹(?:روزانه|هفتگی|ماهانه|میانگین|متوسط)(?:\\s+\\S+){0,2}\\s*$|‹هر\\s+(?:روز|هفته|ماه|ساعت|\\d+\\s*(?:روز|ساعت))›(?:\\s+\\S+){0,4}\\s*$`, "iu"),
  countNoun: rx(`^\\s*(?:نفر|تن›|مورد|زندانی|شهروند|کولبر|زن›|کودک|معترض|اعدام|فعال)`, "iu"),
  events: [
    [rx(`(?:صدور|صادر\\s*(?:شدن|شده)?)\\s*(?:احکام|حکم)\\s*اعدام|(?:احکام|حکم)\\s*اعدام\\s*(?:صادر|برای)|(?:به|با)\\s*اعدام\\s*محکوم|محکوم\\s*به\\s*اعدام|محکومان?\\s*به\\s*اعدام|(?:به|با)\\s*قصاص\\s*(?:نفس\\s*)?محکوم|محکوم(?:ان)?\\s*به\\s*قصاص|(?:صدور|صادر\\s*(?:شدن|شده)?)\\s*حکم\\s*قصاص|حکم\\s*قصاص\\s*(?:\\S+\\s*){0,3}صادر`), "death_sentence"],
    [rx(`در\\s*(?:صف|انتظار|معرض(?:\\s*خطر)?|خطر(?:\\s*قریب\\s*الوقوع)?)\\s*(?:اجرای\\s*)?(?:حکم\\s*)?اعدام|منتظر\\s*(?:اجرای\\s*)?(?:حکم\\s*)?اعدام`), "death_row"],
    [rx(`اعدام|به\\s*دار\\s*(?:آویخته|اویخته)|چوبه(?:\\s*های)?\\s*دار|حلق\\s*آویز|قصاص|به\\s*مورد\\s*اجرا|به\\s*اجرا\\s*(?:در)?\\s*(?:آمد|امد|آورد|اورد)|تیرباران`), "execution"],
    [rx(`کشته|‹کشت(?:ند|ن|ه اند)?›|‹(?:به\\s*)?قتل\\s*(?:رساندند|رساند|رسیدند|رسید)|جان\\s*باخت|جانباخت|جان\\s*(?:خود\\s*)?را\\s*از\\s*دست|جان\\s*سپرد|کشتار|به\\s*قتل\\s*رسید|قربانی|مرگ\\s*در\\s*(?:بازداشت|زندان)|کشته\\s*شدگان`), "killing"],
    [rx(`زخمی|مجروح|مصدوم`), "injury"],
    // "بازداشتگاه" is a detention centre, a place ("جان باختن در بازداشتگاه" is a death in custody).
    [rx(`بازداشت(?!گاه)|دستگیر|ربوده`), "arrest"],
    [rx(`ناپدید`), "disappearance"],
    [rx(`شکنجه`), "torture"],
    [rx(`شلاق`), "flogging"],
    [rx(`قطع\\s*(?:انگشت|دست|عضو)`), "amputation"],
  ],
  partOf: rx(`‹(?:از\\s*(?:این|آن)\\s*(?:تعداد|میان|شمار)|(?:از|در)\\s*(?:میان|بین)\\s*(?:آنها|آنان|ایشان)|از\\s*جمله|شامل)›`, "u"),
  victims: [
    [rx(`^\\s*(?:نفر\\s*|تن\\s*)?(?:از\\s*(?:(?:آنها|آنان|ایشان|این\\s*افراد|این\\s*تعداد|اعدام\\s*شدگان|جانباختگان)\\s*)?)?(?:زن|زنان)›`, "iu"), "women"],
    [rx(`کودک(?:ان)?\\s*مجرم|مجرم(?:ان)?\\s*کودک|زیر\\s*(?:۱۸|18)\\s*سال`, "iu"), "child_offenders"],
    [rx(`کولبر|سوختبر`, "iu"), "civilians"],
    [rx(`زندانی(?:ان)?\\s*سیاسی`, "iu"), "political_prisoners"],
    [rx(`^\\s*(?:زندانی|زندانیان)›`, "iu"), "prisoners"],
    // "کرد" is also the verb "did" ("محکوم کرد"): the people only after a noun of persons, or "کردها".
    [rx(`(?:زندانی|زندانیان|شهروند|شهروندان|کولبر|کولبران|فعال|فعالان|معترض|معترضان|جوان|جوانان|کودک|کودکان|زن|زنان|مرد|مردان|دانشجو|دانشجویان|نفر|تن|هموطن|هموطنان|ملیت|قوم|اقلیت)\\s+کرد(?:ی|ها)?›|‹کردها›|‹کرد\\s*تبار|بلوچ(?!ستان)|‹عرب›|اقلیت`, "iu"), "ethnic_minorities"],
    [rx(`بهائی|بهایی|مسیحی|درویش`, "iu"), "religious_minorities"],
    [rx(`معترض|اعتراض|تظاهر`, "iu"), "protesters"],
    [rx(`خبرنگار|روزنامه\\s*نگار`, "iu"), "journalists"],
  ],
  // Charges, and detainees who were released ("۲۰ نفر از بازداشت‌شدگان آزاد شدند"): their event words are not the figure's event.
  notEvents: rx(`(?:به\\s+(?:\\S+\\s+){1,3}(?:حبس|زندان)\\s+(?:تعزیری\\s+)?محکوم|آزاد\\s*(?:شد|شده|گردید|گشت)|‹آزادی›|آواره|تبعید\\s*شد)`, "u"),
  saidOn: rx(`(?:منتشر|صادر)\\s*(?:شده|شد|کرد|کرده)?\\s+(?:در|روز)\\s*$|(?:گزارش|بیانیه)\\s*(?:ای)?\\s+(?:مورخ|به\\s+تاریخ)\\s*$`, "u"),
  charges: rx(`(?:اتهام|دلیل|بدلیل|جرم)\\s*(?:به\\s*)?(?:قتل|مشارکت\\s*در\\s*قتل)|قتل\\s*عمد|(?:بازداشت\\s*شدگان|بازداشتی(?:ان|ها)?|دستگیر\\s*شدگان)(?=[^.؛]{0,50}آزاد)`),
  findTimes,
  samePeriod: rx(`‹(?:در\\s+)?(?:(?:مدت|دوره|بازه)(?:\\s+زمانی)?\\s+(?:مشابه|یکسان)|همین\\s+(?:مدت|دوره|بازه))\\s+(?:در\\s+|از\\s+)?(?:سال\\s+(?:گذشته|قبل|پیش|پیشین)|سال\\s+(?<y>\\d{4}))›`),
  clauseBreak: /[،,؛;:]/gu,
  descriptorHint: rx(`اپوز|مخالفان|وزیر|وزارت|قوه|دستگاه`, "u"),
  vagueHint: rx(`نه|ده|صد|هزار`, "u"),
  descriptors: [
    [rx(`‹اپوزیسیون|‹اپوزسیون|‹مخالفان›`), "opposition"],
    [rx(`‹وزیر\\s*کشور`), "Interior Minister"],
    [rx(`‹وزارت\\s*بهداشت`), "Health Ministry"],
    [rx(`‹وزارت\\s*کشور`), "Interior Ministry"],
    [rx(`‹(?:قوه\\s*قضاییه|قوه\\s*قضائیه|دستگاه\\s*قضایی)`), "Iranian judiciary"],
  ],
  // "به رویترز گفت", "به خبرگزاری فرانسه گفته است": the agency is spoken to.
  recipient: { before: rx(`‹به\\s+(?:خبرگزاری\\s+|شبکه\\s+|روزنامه\\s+)?$`, "iu"), after: rx(`^\\s*(?:گفت|گفته|اظهار|تایید|تأیید)`, "iu") },
  anaphor: rx(`‹(?:این|همین)\\s*(?:گزارش|بیانیه|آمار|سازمان|نهاد|منبع|مرکز)`),
  pronoun: null,
  verbFinal: true,
  carrySource: true,
  comparedWith: rx(`‹(?:نسبت\\s*به|در\\s*(?:مقایسه|قیاس)\\s*با|مقایسه\\s*با)(?:\\s*(?:در|از))?\\s*$`, "u"),
  superlative: rx(`‹(?:بالاترین|بیشترین|کمترین|پایین‌ترین|بی‌سابقه)[^.،؛]{0,30}(?:در|طی|از)\\s*$`, "u"),
  recentDays: {
    // "پنجشنبه گذشته", "روز شنبه"; "سه‌شنبه" reads "سهشنبه" or "سه شنبه" once folded.
    weekdays: rx(`‹(?:روز\\s*)?(?:(?<d1>دوشنبه|دو\\s+شنبه)|(?<d2>سهشنبه|سه\\s+شنبه)|(?<d3>چهارشنبه|چهار\\s+شنبه)|(?<d4>پنجشنبه|پنج\\s+شنبه)|(?<d5>جمعه)|(?<d7>یکشنبه|یک\\s+شنبه)|(?<d6>شنبه))(?:\\s*(?:گذشته|شب|صبح))?›`),
    lastWeek: rx(`‹هفته\\s*(?:گذشته|قبل|پیش)›`),
    since: rx(`‹از\\s*$`, "u"),
    reportAfter: rx(`^[^.،؛]{0,30}(?:اعلام\\s*کرد|گزارش\\s*داد|گفت|نوشت|منتشر\\s*کرد)`, "u"),
  },
};
