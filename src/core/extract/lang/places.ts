// Places named in Persian, Arabic and French, mapped to the gazetteer's English names so a claim
// in any language lands in the same scope (country, province, city, prison) as the English ones.
import { findPlaces, getPlace, type PlaceMatch } from "../../places.js";
import { fold } from "../../text/fold.js";
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
  // French texts also write many places as English does ("Iran", "Niger", "Dakar").
  if (french) for (const p of findPlaces(s)) if (!out.some((o) => p.start < o.end && o.start < p.end)) out.push(p);
  return out.sort((a, b) => a.start - b.start);
}
