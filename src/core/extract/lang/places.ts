// Places named in Persian, Arabic and French, mapped to the gazetteer's English names so a claim
// in any language lands in the same scope (country, province, city, prison) as the English ones.
import { findPlaces, getPlace, type PlaceMatch } from "../../places.js";
import { fold } from "../../text/fold.js";
import { rx } from "./patterns.js";
import { eachWord, lowerCase, WordSet } from "./words.js";

const COUNTRIES_FA_AR: Record<string, string> = {
  ایران: "Iran", عراق: "Iraq", العراق: "Iraq", عربستان: "Saudi Arabia", "عربستان سعودی": "Saudi Arabia", السعودية: "Saudi Arabia",
  "المملكة العربية السعودية": "Saudi Arabia", مصر: "Egypt", سوریه: "Syria", سورية: "Syria", سوريا: "Syria", چین: "China", الصين: "China",
  افغانستان: "Afghanistan", پاکستان: "Pakistan", باكستان: "Pakistan", ترکیه: "Turkey", تركيا: "Turkey", یمن: "Yemen", اليمن: "Yemen",
  لبنان: "Lebanon", بحرین: "Bahrain", البحرين: "Bahrain", کویت: "Kuwait", الكويت: "Kuwait", الامارات: "United Arab Emirates",
  قطر: "Qatar", عمان: "Oman", الاردن: "Jordan", اردن: "Jordan", ليبيا: "Libya", السودان: "Sudan", سودان: "Sudan", الجزائر: "Algeria",
  المغرب: "Morocco", تونس: "Tunisia", فلسطين: "Palestine", غزة: "Gaza", بلاروس: "Belarus", روسیه: "Russia", روسيا: "Russia",
  "ایالات متحده": "United States", آمریکا: "United States", "الولايات المتحدة": "United States", میانمار: "Myanmar", ميانمار: "Myanmar",
};

const IRAN_FA_AR: Record<string, string> = {
  تهران: "Tehran", طهران: "Tehran", مشهد: "Mashhad", اصفهان: "Isfahan", کرج: "Karaj", شیراز: "Shiraz", تبریز: "Tabriz", قم: "Qom",
  اهواز: "Ahvaz", الاهواز: "Ahvaz", کرمانشاه: "Kermanshah", كرمانشاه: "Kermanshah", ارومیه: "Urmia", رشت: "Rasht", زاهدان: "Zahedan",
  همدان: "Hamadan", کرمان: "Kerman", یزد: "Yazd", اردبیل: "Ardabil", "بندرعباس": "Bandar Abbas", "بندر عباس": "Bandar Abbas", اراک: "Arak",
  زنجان: "Zanjan", سنندج: "Sanandaj", قزوین: "Qazvin", خرمآباد: "Khorramabad", "خرم آباد": "Khorramabad", مهاباد: "Mahabad", سقز: "Saqqez",
  مریوان: "Marivan", بانه: "Baneh", کامیاران: "Kamyaran", پیرانشهر: "Piranshahr", سردشت: "Sardasht", جوانرود: "Javanrud", ایذه: "Izeh",
  چابهار: "Chabahar", خاش: "Khash", سراوان: "Saravan", ایرانشهر: "Iranshahr", بوکان: "Bukan", شاهرود: "Shahrud", مراغه: "Maragheh",
  ایلام: "Ilam", "کردستان ایران": "Iranian Kurdistan", "کردستان عراق": "Kurdistan Region of Iraq", "اقليم كردستان": "Kurdistan Region of Iraq", "کردستان": "Kurdistan", "سیستان و بلوچستان": "Sistan and Baluchestan",
  بلوچستان: "Sistan and Baluchestan", خوزستان: "Khuzestan", "آذربایجان غربی": "West Azerbaijan",
  "آذربایجان شرقی": "East Azerbaijan", لرستان: "Lorestan", گیلان: "Gilan", مازندران: "Mazandaran", گلستان: "Golestan", البرز: "Alborz",
  "زندان اوین": "Evin Prison", اوین: "Evin Prison", "زندان قزلحصار": "Ghezel Hesar Prison", "زندان قزل حصار": "Ghezel Hesar Prison",
  "زندان رجاییشهر": "Rajaei Shahr Prison", "زندان رجایی شهر": "Rajaei Shahr Prison", "زندان مرکزی زاهدان": "Zahedan Central Prison",
  "زندان مرکزی ارومیه": "Urmia Central Prison", "زندان مرکزی سنندج": "Sanandaj Central Prison", "زندان وکیلآباد": "Vakilabad Prison",
  "زندان عادلآباد": "Adelabad Prison", "زندان دیزلآباد": "Dizelabad Prison", "زندان قرچک": "Qarchak Prison",
};

const FRENCH: Record<string, string> = {
  Guinée: "Guinea", "Arabie saoudite": "Saudi Arabia", Égypte: "Egypt", Egypte: "Egypt", Syrie: "Syria", Irak: "Iraq", Chine: "China",
  Biélorussie: "Belarus", Bélarus: "Belarus", Birmanie: "Myanmar", Soudan: "Sudan", Turquie: "Turkey", Liban: "Lebanon", Yémen: "Yemen",
  Téhéran: "Tehran", "États-Unis": "United States", "Etats-Unis": "United States", Russie: "Russia", Algérie: "Algeria", Maroc: "Morocco",
  Tunisie: "Tunisia", Libye: "Libya", Jordanie: "Jordan", Koweït: "Kuwait", Bahreïn: "Bahrain", "Émirats arabes unis": "United Arab Emirates",
  Tchad: "Chad", Cameroun: "Cameroon", Sénégal: "Senegal", "Côte d'Ivoire": "Ivory Coast", "République démocratique du Congo": "Democratic Republic of the Congo",
  Éthiopie: "Ethiopia", Érythrée: "Eritrea", Somalie: "Somalia", Nigéria: "Nigeria", Ouganda: "Uganda", Zimbabwé: "Zimbabwe", Indonésie: "Indonesia",
  Inde: "India", Corée: "South Korea", "Corée du Nord": "North Korea", Ukraine: "Ukraine", Palestine: "Palestine", Israël: "Israel",
  Ispahan: "Isfahan", Chiraz: "Shiraz", Tabriz: "Tabriz", Mechhed: "Mashhad", "Kurdistan iranien": "Iranian Kurdistan",
};

interface Entry {
  key: string;
  name: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER = /[\p{L}\p{N}]/u;
/** Letters that may cling to the front of a name ("و", "ب", "ل", "ف"). */
const CLITICS = new Set([..."وبلف"].map((c) => c.charCodeAt(0)));

function indexOf(table: Record<string, string>, lower: boolean): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (const [local, name] of Object.entries(table)) {
    if (!getPlace(name)) continue; // only places the gazetteer knows
    const key = fold(local).trim();
    const k = lower ? key.toLowerCase() : key;
    const first = (k.match(WORD) ?? [])[0];
    if (!first || !k.startsWith(first)) continue;
    const list = index.get(first) ?? [];
    list.push({ key: k, name });
    list.sort((a, b) => b.key.length - a.key.length);
    index.set(first, list);
  }
  return index;
}

const ARABIC_SCRIPT = indexOf({ ...COUNTRIES_FA_AR, ...IRAN_FA_AR }, false);
const FRENCH_INDEX = indexOf(FRENCH, true);
const ARABIC_SCRIPT_WORDS = new WordSet(ARABIC_SCRIPT.keys());
const FRENCH_WORDS = new WordSet(FRENCH_INDEX.keys());

/** Places named in a folded sentence of the given language, as gazetteer matches. */
export function findPackPlaces(s: string, language: string): PlaceMatch[] {
  const french = language === "fr";
  const index = french ? FRENCH_INDEX : ARABIC_SCRIPT;
  const hay = french ? lowerCase(s) : s;
  const out: PlaceMatch[] = [];
  const tryAt = (word: string, at: number): boolean => {
    for (const e of index.get(word) ?? []) {
      const end = at + e.key.length;
      if (!hay.startsWith(e.key, at) || (end < hay.length && LETTER.test(hay[end] as string))) continue;
      const place = getPlace(e.name);
      if (place) out.push({ name: place.name, kind: place.kind, start: at, end, via: "alias" });
      return true;
    }
    return false;
  };
  // Each word, else (Persian, Arabic) the word after a clitic: the runs of /[\p{L}\p{N}]+/gu, looked up by hash.
  const words = french ? FRENCH_WORDS : ARABIC_SCRIPT_WORDS;
  eachWord(hay, (start, end, hash, tailHash) => {
    const word = words.at(hay, start, end, hash);
    if (word !== undefined && tryAt(word, start)) return;
    if (french || end - start <= 3 || !CLITICS.has(hay.charCodeAt(start))) return;
    const tail = words.at(hay, start + 1, end, tailHash);
    if (tail !== undefined) tryAt(tail, start + 1);
  });
  // French texts also write many places as English does ("Iran", "Niger", "Dakar"); not its
  // demonyms: "trois Afghans" are people, and French adjectives are counted apart (below).
  if (french) for (const p of findPlaces(s)) if (p.via !== "demonym" && !out.some((o) => p.start < o.end && o.start < p.end)) out.push(p);
  // "une ONG basée en Norvège", "ومقرها لندن", "مستقر در نروژ": where an organisation sits, not where its figures happened.
  const seat = SEAT[language];
  return out.filter((p) => !seat || !seat.test(s.slice(Math.max(0, p.start - 40), p.start))).sort((a, b) => a.start - b.start);
}

/** Words that make the place after them an organisation's seat (anchored $), per language. Written on folded text. */
const SEAT: Record<string, RegExp> = {
  fr: /(?<![\p{L}])(?:bas[ée]+s?|install[ée]+s?|établi[es]*|(?:ayant\s+son|dont\s+le)\s+siège(?:\s+est)?)\s+(?:à|au|aux|en|dans)\s*(?:l['’]|le\s+|la\s+|les\s+)?$/iu,
  ar: rx(`(?:‹و?مقر(?:ها|ه|هم)(?:\\s+(?:في|ب))?|‹(?:تتخذ|يتخذ|تتخذان|يتخذون)\\s+من)\\s*(?:مدينة\\s+)?$`, "u"),
  fa: rx(`(?:‹مستقر\\s*در|‹(?:با\\s+)?مقر\\s*(?:آن|این|اصلی)?\\s*در)\\s*(?:شهر\\s+|کشور\\s+)?$`, "u"),
};

// Countries named by their adjective ("le pouvoir malien", "السلطات الإيرانية", "نیروهای عراقی"):
// counted towards the country a document keeps naming, never as a sentence's own place (a
// victim's nationality, "trois Afghans", "زندانی افغانستانی", is not where the events happened).

/** French adjectives of nationality, masculine singular; their other forms are made below. */
const FRENCH_ADJECTIVES: Record<string, string> = {
  iranien: "Iran", irakien: "Iraq", saoudien: "Saudi Arabia", égyptien: "Egypt", syrien: "Syria", afghan: "Afghanistan",
  pakistanais: "Pakistan", turc: "Turkey", libanais: "Lebanon", yéménite: "Yemen", biélorusse: "Belarus", bélarusse: "Belarus",
  chinois: "China", soudanais: "Sudan", algérien: "Algeria", marocain: "Morocco", tunisien: "Tunisia", libyen: "Libya",
  jordanien: "Jordan", koweïtien: "Kuwait", bahreïni: "Bahrain", émirati: "United Arab Emirates", qatari: "Qatar",
  malien: "Mali", nigérien: "Niger", nigérian: "Nigeria", tchadien: "Chad", camerounais: "Cameroon", sénégalais: "Senegal",
  guinéen: "Guinea", burkinabè: "Burkina Faso", ivoirien: "Ivory Coast", congolais: "Democratic Republic of the Congo",
  éthiopien: "Ethiopia", érythréen: "Eritrea", somalien: "Somalia", ougandais: "Uganda", birman: "Myanmar",
  indonésien: "Indonesia", indien: "India", "nord-coréen": "North Korea", ukrainien: "Ukraine", russe: "Russia",
  palestinien: "Palestine", israélien: "Israel", américain: "United States", vietnamien: "Vietnam", bangladais: "Bangladesh",
};

/** The four forms of a French adjective ("malien" → malien, malienne, maliens, maliennes). */
function frenchForms(m: string): string[] {
  if (m === "turc") return ["turc", "turque", "turcs", "turques"];
  if (/(?:ien|éen)$/.test(m)) return [m, `${m}ne`, `${m}s`, `${m}nes`];
  if (/[sx]$/.test(m)) return [m, `${m}e`, `${m}es`];
  if (/e$|è$/.test(m)) return [m, `${m}s`];
  if (/i$/.test(m)) return [m, `${m}e`, `${m}s`, `${m}es`];
  return [m, `${m}e`, `${m}s`, `${m}es`];
}

/** Persian and Arabic adjectives (nisba), with and without the article, as the folded text spells them. */
const FA_AR_ADJECTIVES: Record<string, string> = {
  ایرانی: "Iran", عراقی: "Iraq", سعودی: "Saudi Arabia", مصری: "Egypt", سوری: "Syria", افغانستانی: "Afghanistan", افغانی: "Afghanistan",
  پاکستانی: "Pakistan", باکستانی: "Pakistan", ترکی: "Turkey", یمنی: "Yemen", لبنانی: "Lebanon", بحرینی: "Bahrain", کویتی: "Kuwait",
  اماراتی: "United Arab Emirates", قطری: "Qatar", اردنی: "Jordan", لیبی: "Libya", سودانی: "Sudan", جزایری: "Algeria", جزائری: "Algeria",
  مغربی: "Morocco", تونسی: "Tunisia", فلسطینی: "Palestine", چینی: "China", صینی: "China", روسی: "Russia", امریکایی: "United States",
  امریکی: "United States", امیرکی: "United States", بیلاروسی: "Belarus",
};

/** Words after which an adjective of nationality speaks for a state: authorities, forces, courts, media. */
const STATE_HEADS = new Set(
  [
    // Persian
    "نیروهای", "نیروی", "دولت", "حکومت", "رژیم", "مقامات", "مسئولان", "مسئولین", "سپاه", "ارتش", "پلیس", "دستگاه", "قوه", "رسانههای",
    "ماموران", "نظام", "وزارت", "مجلس", "دادگاه", "دادگاههای", "قضایی", "امنیتی", "حاکمیت",
    // Arabic (folded: ي → ی, ك → ک)
    "السلطات", "سلطات", "الحکومة", "حکومة", "النظام", "نظام", "القوات", "قوات", "الامن", "الشرطة", "الجیش", "القضاء", "المحکمة", "المحاکم",
    "الرئیس", "وزارة", "الدولة", "الحرس", "اجهزة", "الاجهزة", "المسوولین", "المسوولون", "البرلمان", "الاعلام", "وسائل", "الامنیة", "الرسمیة",
  ].map((w) => fold(w).trim()),
);

/** French nouns after which an adjective of nationality names who people are ("ressortissants afghans"). */
const FRENCH_NATIONALS = /^(?:ressortissant|citoyen|réfugié|migrant|travailleur|détenu|prisonnier|condamné|homme|femme|personne|enfant|nationalité|origine|exilé|opposant|militant|journaliste|manifestant)/;

const FRENCH_ADJECTIVE_INDEX = new Map<string, string>();
for (const [m, name] of Object.entries(FRENCH_ADJECTIVES)) for (const f of frenchForms(m)) if (getPlace(name)) FRENCH_ADJECTIVE_INDEX.set(f, name);
const FA_AR_ADJECTIVE_INDEX = new Map<string, string>();
for (const [w, name] of Object.entries(FA_AR_ADJECTIVES)) {
  if (!getPlace(name)) continue;
  const k = fold(w).trim();
  // Persian ایرانی; Arabic الایرانی, الایرانیة, ایرانیة (ي folded to ی).
  for (const f of [k, `ال${k}`, `${k}ة`, `ال${k}ة`, `${k}ه`]) {
    // "السعودية" is the country's own name, counted as a place already.
    if (!ARABIC_SCRIPT.get(f)?.some((e) => e.key === f)) FA_AR_ADJECTIVE_INDEX.set(f, name);
  }
}

const FRENCH_ADJECTIVE_WORDS = new WordSet(FRENCH_ADJECTIVE_INDEX.keys());
const FA_AR_ADJECTIVE_WORDS = new WordSet(FA_AR_ADJECTIVE_INDEX.keys());
const STATE_HEAD_WORDS = new WordSet(STATE_HEADS);

/**
 * The countries a folded sentence names by adjective where the adjective speaks for a state or
 * qualifies a thing ("le pouvoir malien", "السلطات الإيرانية", "نیروهای عراقی"), in order; not
 * where it names who people are ("ressortissants afghans", "trois Afghans", "زندانی افغانستانی").
 * Words are looked up by hash as `eachWord` reads them (no string per word).
 */
export function packAdjectiveCountries(s: string, language: string): string[] {
  const out: string[] = [];
  const french = language === "fr";
  const words = french ? FRENCH_ADJECTIVE_WORDS : FA_AR_ADJECTIVE_WORDS;
  // The two words before the current one: [start, end, hash] each (start -1: none).
  let s1 = -1, e1 = -1, h1 = 0, s2 = -1, e2 = -1, h2 = 0;
  const isHead = (start: number, end: number, hash: number) => start >= 0 && STATE_HEAD_WORDS.at(s, start, end, hash) !== undefined;
  eachWord(s, (start, end, hash) => {
    let w = words.at(s, start, end, hash);
    // "nord-coréen": a hyphened adjective is its two words.
    if (w === undefined && french && e1 === start - 1 && s.charCodeAt(e1) === 45) w = FRENCH_ADJECTIVE_INDEX.has(s.slice(s1, end)) ? s.slice(s1, end) : undefined;
    if (w !== undefined) {
      const name = (french ? FRENCH_ADJECTIVE_INDEX : FA_AR_ADJECTIVE_INDEX).get(w) as string;
      // French: a capital makes it a noun of nationality ("trois Afghans") and is not in the list;
      // after "ressortissants", "d'origine" it names who people are. Persian and Arabic put the
      // adjective after its noun: only a state's noun within two words before.
      if (french ? !(s1 >= 0 && FRENCH_NATIONALS.test(s.slice(s1, e1).toLowerCase())) : isHead(s1, e1, h1) || isHead(s2, e2, h2)) out.push(name);
    }
    s2 = s1;
    e2 = e1;
    h2 = h1;
    s1 = start;
    e1 = end;
    h1 = hash;
  });
  return out;
}

/** A folded sentence counting across countries: "dans 18 pays", "في العالم", "در سراسر جهان". */
const WORLDWIDE: Record<string, RegExp> = {
  fr: /\b(?:dans|de)\s+\d+\s+pays\b|\bdans\s+le\s+monde\b|\b(?:à\s+travers|autour\s+du)\s+(?:le\s+)?monde\b|\bau\s+niveau\s+mondial\b|\bmondialement\b|\bdans\s+l'ensemble\s+du\s+monde\b/i,
  ar: new RegExp(fold("(?:في|فی)\\s+(?:\\d+\\s+(?:بلدا|بلدًا|بلد|دولة|دول)|العالم|جمیع انحاء العالم)|حول العالم|عالمیا|عالمیًا|علی مستوی العالم")),
  fa: new RegExp(fold("در\\s+(?:\\d+\\s+کشور|جهان|دنیا|سراسر\\s+(?:جهان|دنیا))|در سطح جهان")),
};

/** True when a folded sentence of the language counts across countries, so its figures are not the document's country's. */
export function speaksOfTheWorld(s: string, language: string): boolean {
  return WORLDWIDE[language]?.test(s) ?? false;
}
