// Synthetic Persian, Arabic and French documents for `npm run bench:extract`: invented sentences of
// the shapes these languages' reports use (Persian and Arabic-Indic digits, ZWNJ, number words,
// Solar months), with about one sentence in five stating a figure, like the English corpus.
import { mulberry32, seedOf } from "./corpus.mjs";

const FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const AR_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const fa = (n, digits = FA_DIGITS) => String(n).replace(/\d/g, (d) => digits[Number(d)]);

const SOLAR = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
const FA_SOURCES = ["هرانا", "سازمان حقوق بشر ایران", "هەنگاو", "عفو بین‌الملل", "کردپا", "کمپین فعالین بلوچ"];
const FA_CITIES = ["کرج", "اصفهان", "زاهدان", "ارومیه", "سنندج", "شیراز", "مشهد"];
const AR_SOURCES = ["منظمة العفو الدولية", "المرصد السوري لحقوق الإنسان", "هيومن رايتس ووتش", "منظمة القسط"];
const AR_MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];
const AR_WORDS = [[25, "خمسة وعشرين"], [43, "ثلاثة واربعين"], [120, "مئة وعشرين"], [300, "ثلاثمائة"], [68, "ثمانية وستين"]];
const FR_SOURCES = ["Amnesty International", "l'ONU", "Human Rights Watch", "la FIDH", "une ONG locale"];
const FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

const LANGS = {
  fa: {
    figures: [
      (r, c) => `به گزارش ${r.pick(FA_SOURCES)}، دست‌کم ${fa(r.int(3, 90))} زندانی در ${r.pick(SOLAR)} ${fa(c.jy)} در زندان ${r.pick(FA_CITIES)} اعدام شدند.`,
      (r, c) => `${r.pick(FA_SOURCES)} اعلام کرد که در سال ${fa(c.year, AR_DIGITS)} میلادی ${fa(r.int(20, 900), AR_DIGITS)} نفر بازداشت شده‌اند.`,
      (r) => `بنا بر آمار ${r.pick(FA_SOURCES)}، طی ${r.pick(SOLAR)} ماه امسال بیش از ${fa(r.int(5, 60))} معترض کشته و ${fa(r.int(10, 300))} نفر زخمی شدند.`,
      (r) => `همچنین ${r.pick(["دو", "سه", "هفت", "بیست و یک"])} کولبر در مرزهای غربی جان خود را از دست دادند.`,
      (r, c) => `بین ${fa(r.int(10, 40))} تا ${fa(r.int(50, 90))} نفر در اعتراضات ${r.pick(SOLAR)} ${fa(c.jy % 100)} کشته شدند.`,
    ],
    filler: [
      "خانواده‌های زندانیان در برابر ساختمان دادگستری تجمع کردند و خواستار توقف احکام شدند.",
      "این سازمان از جامعه جهانی خواست تا به وضعیت حقوق بشر در ایران توجه بیشتری نشان دهد.",
      "گزارش‌ها حاکی از فشار فزاینده بر فعالان مدنی و روزنامه‌نگاران در ماه‌های اخیر است.",
      "وکلای متهمان می‌گویند که روند دادرسی عادلانه نبوده است.",
      "مقام‌های قضایی تاکنون به این گزارش واکنشی نشان نداده‌اند.",
    ],
    title: (c) => `گزارش ماهانه نقض حقوق بشر – ${SOLAR[c.month - 1]} ${fa(c.jy)}`,
  },
  ar: {
    figures: [
      (r, c) => `وقالت ${r.pick(AR_SOURCES)} إن السلطات أعدمت ما لا يقل عن ${r.int(3, 90)} شخصا في ${r.pick(AR_MONTHS)} ${c.year}.`,
      (r) => { const [, w] = r.pick(AR_WORDS); return `وأفادت ${r.pick(AR_SOURCES)} بمقتل ${w} متظاهرا خلال العام الماضي.`; },
      (r) => `وبحسب ${r.pick(AR_SOURCES)}، اعتقلت قوات الأمن أكثر من ${fa(r.int(20, 900), AR_DIGITS)} ناشطا منذ مطلع العام الحالي.`,
      (r, c) => `وحكمت المحاكم على ${r.int(5, 400)} شخصا بالإعدام في عام ${c.year}، بزيادة قدرها ${r.int(5, 40)} في المئة.`,
    ],
    filler: [
      "وطالبت المنظمات الحقوقية بالإفراج عن جميع المعتقلين السياسيين.",
      "ولم ترد السلطات على طلبات التعليق حتى الآن.",
      "ويقول ناشطون إن الأوضاع في السجون تدهورت بشكل كبير.",
      "وأشار التقرير إلى غياب الشفافية في الإجراءات القضائية.",
    ],
    title: (c) => `تقرير حقوقي عن عام ${c.year}`,
  },
  fr: {
    figures: [
      (r, c) => `Selon ${r.pick(FR_SOURCES)}, au moins ${r.int(3, 90)} personnes ont été tuées en ${r.pick(FR_MONTHS)} ${c.year}.`,
      (r) => `${r.pick(FR_SOURCES)} a recensé ${r.int(10, 900)} exécutions l'an dernier.`,
      (r) => `Plus de 1\u00a0${r.int(100, 999)} manifestants ont été arrêtés depuis le début de l'année, d'après ${r.pick(FR_SOURCES)}.`,
      () => "Une vingtaine de détenus ont été pendus le mois dernier.",
    ],
    filler: [
      "Les familles des victimes réclament une enquête indépendante.",
      "Le gouvernement n'a pas répondu aux demandes de commentaires.",
      "Les organisations de défense des droits humains dénoncent une répression croissante.",
      "La situation reste tendue dans plusieurs villes du pays.",
    ],
    title: (c) => `Répression : un nouveau bilan publié en ${FR_MONTHS[c.month - 1]} ${c.year}`,
  },
};

/** The languages this generator writes. */
export const BENCH_LANGUAGES = Object.keys(LANGS);

/** An endless, reproducible stream of documents in one language (2–8 KB of UTF-8 each). */
export function* documentsIn(language, seed = 1, figureShare = 0.2) {
  const L = LANGS[language];
  if (!L) throw new Error(`corpus-i18n: no generator for language ${JSON.stringify(language)}`);
  const next = mulberry32(typeof seed === "number" ? seed >>> 0 : seedOf(String(seed)));
  const r = {
    int: (a, b) => a + Math.floor(next() * (b - a + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
  for (let i = 0; ; i++) {
    const year = r.int(2016, 2024);
    const c = { year, month: r.int(1, 12), jy: year - 621 };
    const target = r.int(2048, 8192);
    const parts = [L.title(c), ""];
    let size = Buffer.byteLength(parts[0]);
    while (size < target) {
      const n = r.int(2, 5);
      const para = [];
      for (let k = 0; k < n; k++) para.push(r.chance(figureShare) ? r.pick(L.figures)(r, c) : r.pick(L.filler));
      const p = para.join(" ");
      parts.push(p, "");
      size += Buffer.byteLength(p) + 2;
    }
    const published = `${year}-${String(c.month).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
    yield { text: parts.join("\n"), meta: { document: `synthetic-${language}-${String(i).padStart(6, "0")}.txt`, published, language } };
  }
}
