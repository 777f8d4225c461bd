// French: number words ("quatre-vingt-dix", "une dizaine"), "1.350" and "1 350" thousands,
// hedges, events, months, relative periods ("le mois dernier", "il y a 5 jours") and
// attribution ("selon", "d'après", "l'ONG", "Ils ont ajouté").
import type { Period } from "../../types.js";
import { addDays, dayPeriod, latestWeekday, monthPeriod, monthsPeriod, previousMonth, recentMonth, recentSeason, seasonPeriod, yearPeriod } from "./calendar.js";
import type { LanguagePack, NumberWord, TimeContext, TimeHit } from "./pack.js";
import { dropOverlaps, isFree, joinUntil, matchesOf, numberEndingAt } from "./patterns.js";
import { solarLabel, solarYear, toSolar } from "./solar.js";

const SIMPLE: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50,
  soixante: 60, cent: 100, cents: 100, mille: 1000, million: 1_000_000, millions: 1_000_000,
};

/** A French number word, hyphenated compounds included ("soixante-dix-sept", "quatre-vingts"). */
function numberWord(token: string): NumberWord | null {
  const lower = token.toLowerCase();
  if (!lower.includes("-") && SIMPLE[lower] === undefined) return null;
  const parts = lower.split("-").filter((p) => p !== "et");
  if (parts.length === 0 || parts.some((p) => SIMPLE[p] === undefined)) return null;
  let value = 0;
  let small = 0;
  for (const p of parts) {
    const v = SIMPLE[p] as number;
    if ((v === 20 && small === 4) || (v === 100 && small > 0 && small < 10)) small = small * v;
    else if (v === 1000) {
      value += (small || 1) * 1000;
      small = 0;
    } else small += v;
  }
  value += small;
  if (value >= 1_000_000) return { value, kind: "million" };
  if (value >= 1000) return { value, kind: "thousand" };
  if (value >= 100) return { value, kind: "hundred" };
  if (value >= 20 && value % 10 === 0) return { value, kind: "ten" };
  if (value >= 10) return { value, kind: "teen" };
  return { value, kind: "unit" };
}

const MONTHS = ["janvier", "f[ée]vrier", "mars", "avril", "mai", "juin", "juillet", "ao[uû]t", "septembre", "octobre", "novembre", "d[ée]cembre"];
const MONTH = new RegExp(
  `(?<![\\p{L}])(?:(?<wk>(?:le\\s+)?week-?end\\s+du\\s+)|(?:du|les|le)\\s+)?(?:(?<d1>\\d{1,2}|1er)\\s*(?:au|et|-|à)\\s*(?:le\\s+)?)?(?:(?<d>\\d{1,2}|1er)\\s+)?(?<m>${MONTHS.join("|")})(?![\\p{L}])(?:\\s+(?:de\\s+l'année\\s+)?(?<y>\\d{4})(?!\\d))?`,
  "giu",
);
const MONTH_RANGE = new RegExp(
  `(?<![\\p{L}])(?:entre|de|d'|en|durant|pendant)\\s*(?<m1>${MONTHS.join("|")})(?:\\s+(?<y1>\\d{4}))?\\s+(?:et|à|au)\\s+(?<m2>${MONTHS.join("|")})(?![\\p{L}])(?:\\s+(?<y2>\\d{4})(?!\\d))?`,
  "giu",
);
/** "du 1er janvier au 30 juin 2024", "entre le 1er juillet et le 31 août": from one day of a month to a day of another. */
const DAY_SPAN = new RegExp(
  `(?<![\\p{L}])(?:du|entre\\s+le|depuis\\s+le)\\s+(?<d1>\\d{1,2}|1er)\\s+(?<m1>${MONTHS.join("|")})(?:\\s+(?<y1>\\d{4}))?\\s+(?:au|et\\s+le|jusqu'au)\\s+(?<d2>\\d{1,2}|1er)\\s+(?<m2>${MONTHS.join("|")})(?![\\p{L}])(?:\\s+(?<y2>\\d{4})(?!\\d))?`,
  "giu",
);
/** "depuis le début de l'année jusqu'à fin septembre": the gap of a span up to a time (joinUntil). */
const UNTIL = /^\s*,?\s*jusqu'(?:au|à|en)\s*(?:la\s+)?(?:fin\s+)?$/iu;
const YEARS = new RegExp(
  `(?<![\\p{L}])(?:(?<since>depuis|dès|à partir de)\\s+(?:l'année\\s+|le début de\\s+(?:l'année\\s+)?)?|(?:en|au cours de l'année|courant|pour l'année|l'année|(?:^|\\n)\\s*(?:bilan|rapport\\s+annuel|statistiques|chiffres)(?:\\s+(?:de\\s+l'année|pour|de|annuel|des\\s+exécutions))?\\s*:?)\\s+|(?<between>entre)\\s+)(?<a>(?:19|20)\\d{2})(?!\\d)(?:\\s+(?:et|à)\\s+(?<b>(?:19|20)\\d{2})(?!\\d))?`,
  "giu",
);
const RELATIVE = new RegExp(
  `(?<![\\p{L}])(?:(?<lastm>le\\s+mois\\s+(?:dernier|pass[ée]))|(?<prevy>l'ann[ée]e\\s+(?:pr[ée]c[ée]dente|d'avant|d'auparavant))|(?<lasty>l'an(?:n[ée]e)?\\s+(?:derni[èe]re?|pass[ée]e?)|l'ann[ée]e\\s+derni[èe]re)|(?<thisy>cette\\s+ann[ée]e|depuis\\s+le\\s+d[ée]but\\s+de\\s+l'ann[ée]e)|(?<thism>depuis\\s+le\\s+d[ée]but\\s+du\\s+mois|ce\\s+mois-ci|le\\s+mois\\s+en\\s+cours)|(?<pasty>l'ann[ée]e\\s+[ée]coul[ée]e)|(?<yday>(?<!avant-|(?:a|ont)\\s+\\p{L}+[ée]\\s+)hier(?:\\s+(?:soir|matin))?)|(?<today>ce\\s+matin|ce\\s+soir|cet\\s+apr[èe]s-midi|aujourd['’]hui)|(?<thisw>cette\\s+semaine|depuis\\s+le\\s+d[ée]but\\s+de\\s+la\\s+semaine)|(?<ago>il\\s+y\\s+a)\\s+(?<agoN>\\S+)\\s+(?<agoU>jours|semaines|mois)|(?<within>ces|en|(?:au\\s+cours\\s+des|durant\\s+les|pendant\\s+les|dans\\s+les|sur\\s+les|lors\\s+des)(?=\\s+\\S+\\s+(?:derni|(?:jours|semaines|mois|ann[ée]es)\\s+derni)))\\s+(?<wN>\\S+)\\s+(?:derniers\\s+|derni[èe]res\\s+)?(?<wU>jours|semaines|mois|ann[ée]es)(?:\\s+(?:derniers|derni[èe]res))?)(?![\\p{L}])`,
  "giu",
);

/** "depuis le début du conflit en avril 2023": since the event named, dated by the month or year after it. */
const SINCE_EVENT = /depuis\s+(?:le\s+d[ée]but|le\s+d[ée]clenchement|l'[ée]clatement|le\s+lancement|l'arriv[ée]e|la\s+mort|le\s+d[ée]c[èe]s|l'assassinat|la\s+r[ée]pression|le\s+soul[èe]vement|le\s+coup\s+d'[ÉE]tat|la\s+prise\s+(?:du|de)|les\s+manifestations|la\s+r[ée]volution|l'[ée]lection)(?:\s+(?!jusqu)[\p{L}'’-]+){1,6}\s+(?:en|d'|de)?\s*$/iu;
/** "depuis le Nouvel An persan", "depuis Norouz", "depuis le début de l'année iranienne": the current Solar year to publication. */
const SINCE_NOWRUZ = /(?<![\p{L}])depuis\s+(?:le\s+)?(?:(?:nouvel\s+an|d[ée]but\s+de\s+l'ann[ée]e)\s+(?:persane?|iranien(?:ne)?|solaire)|No[wu]?r[ou]{1,2}z)(?![\p{L}])/giu;
const MONTH_PATTERNS = MONTHS.map((p) => new RegExp(`^${p}$`, "u"));
const HAS_MONTH = /janv|f[ée]vr|mars|avril|mai|juin|juil|ao[uû]t|sept|octob|novemb|d[ée]cemb/iu;
const HAS_YEAR = /(?:19|20)\d{2}/u;
const HAS_RELATIVE = /derni|pass[ée]|ann[ée]e|il\s+y\s+a|jours|semaines?|mois|hier|aujourd|ce\s+matin|ce\s+soir|cet\s+apr/iu;

/**
 * "l'été 2023", "au printemps dernier", "cet hiver", "à l'automne 2022" (equinox to solstice). "été" is
 * also "been": the season needs "l'", "cet" or "en" before it, or a year or "dernier" after it.
 */
const SEASON = /(?<![\p{L}])(?:(?<lead>l'|cet\s+|ce\s+|au\s+|en\s+)(?<s>printemps|été|automne|hiver)|(?<s2>printemps|automne|hiver|été)(?=\s+(?:(?:de\s+)?(?:19|20)\d{2}|dernier|pass[ée])))(?![\p{L}])(?:\s+(?:de\s+)?(?:l'année\s+)?(?<y>(?:19|20)\d{2})(?!\d)|\s+(?<last>dernier|pass[ée]))?/giu;
const SEASONS = ["printemps", "été", "automne", "hiver"];

const FIRST_MONTHS = /(?<![\p{L}])(?:(?<n>\S+)\s+premiers\s+mois|(?<sem>premier|second|deuxième)\s+semestre|(?<tri>premier|deuxième|second|troisième|quatrième)\s+trimestre)(?:\s+(?:de\s+|d')?(?:l'année\s+)?(?<y>(?:19|20)\d{2})(?!\d))?/giu;
const ORDINAL: Record<string, number> = { premier: 1, second: 2, deuxième: 2, troisième: 3, quatrième: 4 };

function monthOf(name: string): number {
  const n = name.toLowerCase();
  return MONTH_PATTERNS.findIndex((p) => p.test(n)) + 1;
}

function findTimes(s: string, ctx: TimeContext): TimeHit[] {
  const { pub } = ctx;
  const hits: TimeHit[] = [];
  const free = (a: number, b: number) => isFree(hits, a, b);
  const hasMonth = HAS_MONTH.test(s);
  // "entre janvier et mars", "de mars à mai 2024", "en janvier et février": the months and those between.
  for (const m of hasMonth ? matchesOf(MONTH_RANGE, s) : []) {
    const g = m.groups as Record<string, string | undefined>;
    const m1 = monthOf(g["m1"] as string);
    const m2 = monthOf(g["m2"] as string);
    const y2 = g["y2"] ? Number(g["y2"]) : g["y1"] ? Number(g["y1"]) + (m2 < m1 ? 1 : 0) : pub ? Number(recentMonth(m2, pub).start.slice(0, 4)) : null;
    if (y2 === null || m1 === m2) continue;
    const y1 = g["y1"] ? Number(g["y1"]) : m1 <= m2 ? y2 : y2 - 1;
    hits.push({ start: m.index, end: m.index + m[0].length, period: { start: monthPeriod(y1, m1).start, end: monthPeriod(y2, m2).end }, year: y2 });
  }
  for (const m of hasMonth ? matchesOf(DAY_SPAN, s) : []) {
    const g = m.groups as Record<string, string | undefined>;
    const day = (x: string) => (x === "1er" ? 1 : Number(x));
    const m1 = monthOf(g["m1"] as string);
    const m2 = monthOf(g["m2"] as string);
    const y2 = g["y2"] ? Number(g["y2"]) : g["y1"] ? Number(g["y1"]) + (m2 < m1 ? 1 : 0) : pub ? Number(recentMonth(m2, pub).start.slice(0, 4)) : null;
    if (y2 === null) continue;
    const y1 = g["y1"] ? Number(g["y1"]) : m1 <= m2 ? y2 : y2 - 1;
    const a = dayPeriod(y1, m1, day(g["d1"] as string));
    const b = dayPeriod(y2, m2, day(g["d2"] as string));
    if (a && b && a.start <= b.end) hits.push({ start: m.index, end: m.index + m[0].length, period: { start: a.start, end: b.end }, year: y2 });
  }
  for (const m of hasMonth ? matchesOf(MONTH, s) : []) {
    const g = m.groups as Record<string, string | undefined>;
    if (!free(m.index, m.index + m[0].length)) continue;
    const month = monthOf(g["m"] as string);
    // "mai", "mars" are also words; a month needs a day or a year or "en".
    const lead = s.slice(Math.max(0, m.index - 12), m.index);
    if (!g["d"] && !g["y"] && !/(?:en|de|d'|mois\s+de|depuis|début|fin|mi-)\s*$/iu.test(lead)) continue;
    const y = g["y"] ? Number(g["y"]) : pub ? Number(recentMonth(month, pub).start.slice(0, 4)) : null;
    if (y === null) continue;
    const day = (x: string | undefined) => (x === "1er" ? 1 : Number(x));
    let period: Period | null = monthPeriod(y, month);
    if ((/depuis\s*$/iu.test(lead) || SINCE_EVENT.test(s.slice(Math.max(0, m.index - 70), m.index))) && pub && !g["d"]) period = { start: period.start, end: pub.end };
    if (g["d"]) {
      const last = day(g["d"]);
      const first = g["d1"] ? day(g["d1"]) : last;
      const a = dayPeriod(y, month, first);
      const b = g["wk"] ? { end: addDays((a as Period | null)?.start ?? `${y}-01-01`, 2) } : dayPeriod(y, month, last);
      period = a && b ? { start: a.start, end: b.end } : null;
    }
    // "depuis le début de la contestation, le 3 février": since that day, up to publication.
    if (period && g["d"] && pub && /depuis\b[^.;!?]{0,60}$/iu.test(s.slice(Math.max(0, m.index - 70), m.index))) period = { start: period.start, end: pub.end };
    const plain = !g["y"] && !g["d"] && period?.end === monthPeriod(y, month).end;
    if (period) hits.push({ start: m.index, end: m.index + m[0].length, period, ...(g["y"] ? { year: y } : {}), ...(plain ? { bareMonth: month } : {}) });
  }
  for (const m of HAS_YEAR.test(s) ? matchesOf(YEARS, s) : []) {
    const g = m.groups as Record<string, string | undefined>;
    if (!free(m.index, m.index + m[0].length)) continue;
    const a = Number(g["a"]);
    const b = g["b"] ? Number(g["b"]) : a;
    if (b < a) continue;
    let period: Period = { start: yearPeriod(a).start, end: yearPeriod(b).end };
    if ((g["since"] || (a === b && SINCE_EVENT.test(s.slice(Math.max(0, m.index - 70), m.index + 3)))) && pub) period = { start: `${a}-01-01`, end: pub.end };
    hits.push({ start: m.index, end: m.index + m[0].length, period, year: b });
  }
  // "les dix premiers mois de 2023", "au premier semestre", "le troisième trimestre 2022".
  for (const m of /premiers\s+mois|semestre|trimestre/iu.test(s) ? matchesOf(FIRST_MONTHS, s) : []) {
    const g = m.groups as Record<string, string | undefined>;
    let from = 1;
    let to: number;
    if (g["sem"]) [from, to] = (ORDINAL[g["sem"].toLowerCase()] ?? 1) === 1 ? [1, 6] : [7, 12];
    else if (g["tri"]) {
      const q = ORDINAL[g["tri"].toLowerCase()] ?? 1;
      [from, to] = [q * 3 - 2, q * 3];
    } else {
      const n = ctx.nums.find((x) => x.start === m.index) ?? (/^\d+$/.test(g["n"] as string) ? { value: Number(g["n"]) } : null);
      if (!n || n.value < 1 || n.value > 12) continue;
      to = n.value;
    }
    const y = g["y"] ? Number(g["y"]) : pub?.year ?? null;
    if (y === null) continue;
    dropOverlaps(hits, m.index, m.index + m[0].length); // the year inside "the first months of the year" is part of it
    hits.push({ start: m.index, end: m.index + m[0].length, period: monthsPeriod(y, from, to), year: y });
  }
  for (const m of /printemps|été|automne|hiver/iu.test(s) ? matchesOf(SEASON, s) : []) {
    const g = m.groups as Record<string, string | undefined>;
    const season = SEASONS.indexOf(((g["s"] ?? g["s2"]) as string).toLowerCase());
    if (season < 0 || !free(m.index, m.index + m[0].length)) continue;
    const period = g["y"] ? seasonPeriod(season, Number(g["y"])) : pub ? recentSeason(season, pub, g["last"] ? "last" : "this") : null;
    if (period) hits.push({ start: m.index, end: m.index + m[0].length, period, ...(g["y"] ? { year: Number(g["y"]) } : {}) });
  }
  for (const m of pub && /depuis/iu.test(s) ? matchesOf(SINCE_NOWRUZ, s) : []) {
    if (!pub || !free(m.index, m.index + m[0].length)) continue;
    const jy = toSolar(pub.end).jy;
    hits.push({ start: m.index, end: m.index + m[0].length, period: { start: solarYear(jy).start, end: pub.end }, label: `since ${solarLabel(jy, null)}` });
  }
  for (const m of HAS_RELATIVE.test(s) ? matchesOf(RELATIVE, s) : []) {
    const g = m.groups as Record<string, string | undefined>;
    if (!pub || !free(m.index, m.index + m[0].length)) continue;
    let period: Period | null = null;
    if (g["lastm"]) period = previousMonth(pub);
    else if (g["lasty"]) period = yearPeriod(pub.year - 1);
    else if (g["prevy"]) {
      // "en 2023 …, contre 87 l'année précédente": the year before the one named before it.
      const named = hits.filter((h) => h.start < m.index && h.year !== undefined).pop()?.year ?? ctx.lastYear() ?? pub.year;
      period = yearPeriod(named - 1);
    }
    else if (g["thisy"]) period = { start: `${pub.year}-01-01`, end: pub.end };
    else if (g["yday"] || g["today"]) {
      if (pub.start !== pub.end) continue;
      const d = addDays(pub.end, g["today"] ? 0 : -1);
      period = { start: d, end: d };
    } else if (g["thism"]) period = { start: `${pub.start.slice(0, 7)}-01`, end: pub.end };
    // "cette semaine": from the Monday of the week of writing.
    else if (g["thisw"]) {
      const monday = latestWeekday(1, pub);
      if (!monday) continue;
      period = { start: monday.start, end: pub.end };
    }
    // "l'année écoulée": the year before when written in its first two months, else the twelve months to publication.
    else if (g["pasty"]) period = pub.month !== null && pub.month <= 2 ? yearPeriod(pub.year - 1) : { start: addDays(pub.end, -365), end: pub.end };
    else {
      const word = (g["agoN"] ?? g["wN"]) as string;
      const unit = (g["agoU"] ?? g["wU"]) as string;
      const at = m.index + m[0].indexOf(word, 2);
      const n = ctx.nums.find((x) => x.start === at) ?? (/^\d+$/.test(word) ? { value: Number(word) } : null);
      if (!n) continue;
      const days = unit.startsWith("jour") ? 1 : unit.startsWith("semaine") ? 7 : unit === "mois" ? 30 : 365;
      period = { start: addDays(pub.end, -days * n.value), end: pub.end };
    }
    if (period) hits.push({ start: m.index, end: m.index + m[0].length, period });
  }
  void numberEndingAt;
  return joinUntil(hits.sort((a, b) => a.start - b.start), s, UNTIL);
}

/**
 * "selon la Ligue des droits de l'homme", "a dénoncé le Collectif contre la torture": a capitalised
 * name after a credit, with the lower-case words of a French organisation's name ("des droits de
 * l'homme"), cut where the sentence goes on ("dans son rapport", "mardi", "qui").
 */
const NAMED_VOICE = /(?:^(?:L'|La\s+|Le\s+|Les\s+)(?=(?:Ligue|Association|Comité|Collectif|Observatoire|Organisation|Réseau|Centre|Coalition|Fédération|Mouvement|Syndicat|Conseil|Commission)\s[^.;]{0,90}?\s(?:a|ont)\s+(?:indiqué|dénoncé|affirmé|déclaré|annoncé|rapporté|précisé|estimé|souligné|recensé|dénombré|documenté|comptabilisé|fait\s+(?:savoir|état)))|(?<![\p{L}])(?:[Ss]elon|[Dd]'après|(?:a|ont)\s+(?:indiqué|dénoncé|affirmé|déclaré|annoncé|rapporté|précisé|estimé|souligné|recensé|dénombré|documenté|comptabilisé|fait\s+savoir))\s+(?:(?:un|le|son|leur)\s+(?:communiqué|rapport|bilan|décompte|comptage)\s+(?:de\s+|d'|du\s+|des\s+))?(?:l'|la\s+|le\s+|les\s+)?)(?!ONG(?![\p{L}]))(?<name>\p{Lu}[\p{L}’'-]*(?:\s+(?!(?:dans|qui|que|lors|après|avant|depuis|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|en|au|à|sur|par|contre|selon|le|la|les|un|une|ce|cette|son|sa|ses|leur|leurs|il|elle|ils|elles|a|ont)(?![\p{L}]))[\p{L}’'-]+){0,6})/gu;
const NAMED_VOICE_END = /\s+(?:dans|qui|que|lors|après|avant|depuis|a|ont)(?![\p{L}])/u;

/** The French pack. */
export const french: LanguagePack = {
  code: "fr",
  wordHint: new RegExp(`(?<![\\p{L}])(?:${Object.keys(SIMPLE).join("|")})(?![\\p{L}])`, "iu"),
  wordPattern: /[\p{L}]+(?:-[\p{L}]+)*/gu,
  numberWord,
  joiner: /^\s+(?:et\s+)?$/u,
  spaceThousands: true,
  vague: [
    [/(?<![\p{L}])une\s+dizaine(?![\p{L}])/giu, 10, "about"],
    [/(?<![\p{L}])une\s+vingtaine(?![\p{L}])/giu, 20, "about"],
    [/(?<![\p{L}])une\s+trentaine(?![\p{L}])/giu, 30, "about"],
    [/(?<![\p{L}])une\s+quarantaine(?![\p{L}])/giu, 40, "about"],
    [/(?<![\p{L}])une\s+cinquantaine(?![\p{L}])/giu, 50, "about"],
    [/(?<![\p{L}])une\s+centaine(?![\p{L}])/giu, 100, "about"],
    [/(?<![\p{L}])une\s+douzaine(?![\p{L}])/giu, 12, "about"],
    [/(?<![\p{L}])une\s+quinzaine(?![\p{L}])/giu, 15, "about"],
    [/(?<![\p{L}])un\s+millier(?![\p{L}])/giu, 1000, "about"],
    [/(?<![\p{L}])(?:des|plusieurs)\s+dizaines\s+de\s+milliers(?![\p{L}])/giu, 10_000, "at_least"],
    [/(?<![\p{L}])(?:des|plusieurs)\s+centaines\s+de\s+milliers(?![\p{L}])/giu, 100_000, "at_least"],
    [/(?<![\p{L}])(?:des|plusieurs)\s+dizaines(?![\p{L}])/giu, 10, "at_least"],
    [/(?<![\p{L}])(?:des|plusieurs)\s+centaines(?![\p{L}])/giu, 100, "at_least"],
    [/(?<![\p{L}])(?:des|plusieurs)\s+milliers(?![\p{L}])/giu, 1000, "at_least"],
  ],
  qualifiers: [
    [/(?:au\s+moins|pas\s+moins\s+de|au\s+minimum|un\s+minimum\s+de|moins\s+de\s+\S+\s+)\s*["«]?\s*$/iu, "at_least"],
    [/(?:plus\s+de|plus\s+d'|au-delà\s+de|davantage\s+de|supérieur\s+à)\s*["«]?\s*$/iu, "more_than"],
    [/(?:près\s+de|environ|quelque|quelques|approximativement|autour\s+de|une\s+trentaine\s+de)\s*["«]?\s*$/iu, "about"],
    [/(?:jusqu'à|au\s+plus|au\s+maximum)\s*["«]?\s*$/iu, "up_to"],
  ],
  range: { lead: /(?:entre|de)\s*$/iu, gap: /^\s*(?:et|à|-|–)\s*$/iu, leadRequired: true },
  nonCountAfter: /^\s*(?:%|pour\s*cent|ans\b|an\b|années?\b|jours?\b|semaines?\b|mois\b|heures?\b|minutes?\b|pays\b|fois\b|(?:de\s+|d['’]\s*)?(?:euros?|dollars?|francs?)\b|infractions?\b|crimes?\b|délits?\b|articles?\b|ONG\b|organisations?\b|associations?\b|agences?\b|€|\$|km\b|mètres?\b|kilom[èe]tres?\b|habitants\b|kilos?\b|kg\b|tonnes?\b|villes?\b|villages?\b|provinces?\b|régions?\b|prisons?\b|localités?\b|départements?\b|communes?\b|juin\b|juillet\b|[eè]me\b|e\b|(?:\p{L}+\s+){0,2}par\s+(?:jour|semaine|mois|an|heure)(?![\p{L}])|(?:\p{L}+\s+){0,4}(?:en\s+moyenne\s+)?chaque\s+(?:jour|semaine|mois)(?![\p{L}])|(?:\p{L}+\s+){0,4}en\s+moyenne(?![\p{L}]))/iu,
  // "une exécution sur trois": the whole of a proportion; "trois des 9 condamnés": the whole a part is taken from.
  nonCountBefore: /(?:%|numéro|n°|article|chapitre|page|le|la|(?:un|une|1)\s+(?:\p{L}+\s+){0,2}sur|(?:p[èe]re|m[èe]re)\s+de|en\s+moyenne|chaque\s+(?:jour|semaine|mois)(?:\s*,)?|(?:^|\s)(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente)\s+(?:des|d'entre\s+les|sur\s+les))\s*$/iu,
  // "1300 arrestations": a count, not a year (French texts name no year 1300–1499).
  countNoun: /^\s*(?:personnes|morts|tués|manifestants|victimes|civils|détenus|prisonniers|exécutions|femmes|enfants|arrestations|interpellations|blessés|condamnations|condamnés|militants|opposants|hommes|journalistes|mineurs|disparitions|pendaisons|cas)(?![\p{L}])/iu,
  events: [
    [/couloirs?\s+de\s+la\s+mort|(?:risqu\p{L}*|encour\p{L}*|passibles?\s+de|menac[ée]+s?\s+d['e]\s*|en\s+attente\s+d['e]\s*)\s*(?:la\s+|l'|une\s+|leur\s+|d'être\s+)?(?:peine\s+(?:de\s+mort|capitale)|ex[ée]cut\p{L}*)/giu, "death_row"],
    // "condamnés à la pendaison", "ont écopé de la peine de mort": sentences, not executions nor deaths.
    [/condamn[ée]+s?\s+à\s+mort|condamn[ée]*s?(?:\s+\S+){0,4}?\s+à\s+(?:la\s+peine\s+(?:capitale|de\s+mort)|mort|la\s+pendaison|être\s+pendu[es]*)(?![\p{L}])|(?:écop\p{L}*|vu\s+infliger|infligé|prononc[ée]+)\s+(?:de\s+)?(?:la\s+)?peine\s+(?:de\s+mort|capitale)|(?<![\p{L}])peines\s+(?:de\s+mort|capitales)|condamnations?\s+à\s+mort|peines?\s+de\s+mort\s+prononcées/giu, "death_sentence"],
    // "23 condamnés à mort ont été exécutés": the condemned are the people, the execution is the deed.
    [/ex[ée]cut[ée]+s?(?![\p{L}])|ex[ée]cutions?|pendu[es]*(?![\p{L}])|pendaisons?|mis(?:es)?\s+à\s+mort|condamn[ée]+s?\s+à\s+mort\s+(?:\S+\s+){0,3}?(?:ont|a|avaient|auraient|sont)\s+été\s+(?:ex[ée]cut[ée]+s?|pendu[es]*|mis(?:es)?\s+à\s+mort)(?![\p{L}])/giu, "execution"],
    [/(?<![\p{L}])tu[ée]+s?(?![\p{L}])|(?<![\p{L}])tuant(?![\p{L}])|(?<![\p{L}])(?<!peines?\s+de\s+)mort(?:e|s|es)?(?![\p{L}])|(?<![\p{L}])décès|(?:ont|a|avaient|auraient)\s+péri|(?:bless[ée]+s?\s+(?:ont|a|avaient|auraient)\s+)?succomb\p{L}*(?:\s+à\s+(?:ses|leurs)\s+blessures)?|perdu\s+la\s+vie|co[uû]t[ée]\s+la\s+vie|trouvé\s+la\s+mort|(?<![\p{L}])(?:sont|est|étaient)\s+décédé(?:e|s|es)?(?![\p{L}])|fusill[ée]+s?(?![\p{L}])|abattu[es]*|mortellement\s+(?:bless[ée]+s?|atteint[es]*|touch[ée]+s?)(?![\p{L}])|(?<![\p{L}])victimes(?![\p{L}])|bilan\s+de/giu, "killing"],
    [/bless[ée]+s?(?![\p{L}])/giu, "injury"],
    [/arr[êe]t[ée]+s?(?![\p{L}])|arrestations?|interpell[ée]+s?(?![\p{L}])|interpellations?|plac[ée]+s?\s+en\s+(?:détention|garde\s+à\s+vue)|(?<![\p{L}])détenu[es]*\s+arbitrairement|(?<![\p{L}])emprisonn[ée]+s?(?![\p{L}])|(?<![\p{L}])(?:incarc[ée]r[ée]+s?|écrou[ée]+s?|appréhend[ée]+s?|rafl[ée]+s?)(?![\p{L}])|incarc[ée]rations?|(?:embarqu|emmen|conduit)(?<=(?:^|[^\p{L}])(?:embarqu|emmen|conduit))[ée]*s?\s+(?:\p{L}+\s+)?(?:par\s+(?:la\s+police|la\s+gendarmerie|(?:les|des)\s+(?:policiers|gendarmes|agents|forces\s+de\s+(?:l'ordre|sécurité)|miliciens|bassidjis))|au\s+(?:commissariat|poste(?:\s+de\s+police)?))(?![\p{L}])|(?:police|policiers|gendarmes|forces\s+de\s+(?:l'ordre|sécurité))\s+(?:a|ont|avait|avaient)\s+embarqué(?![\p{L}])/giu, "arrest"],
    [/(?<![\p{L}])disparu[es]*(?![\p{L}])|disparitions?\s+forcées?/giu, "disappearance"],
    [/tortur[ée]+s?(?![\p{L}])/giu, "torture"],
  ],
  partOf: /(?<![\p{L}])(?:dont|parmi\s+(?:eux|elles|lesquels|lesquelles|les\s+victimes))(?![\p{L}])/iu,
  victims: [
    [/femmes/iu, "women"],
    [/manifestants|protestataires/iu, "protesters"],
    [/prisonniers?\s+politiques/iu, "political_prisoners"],
    [/détenus|prisonniers|en\s+détention/iu, "prisoners"],
    [/journalistes/iu, "journalists"],
    [/civils|passants/iu, "civilians"],
    [/(?<![\p{L}])(?:kurdes?|baloutches?|baloutchis?|béloutches?|arabes\s+ahwazis?|ahwazis?|azéris?|turkmènes?|ouïghours?)(?![\p{L}])/iu, "ethnic_minorities"],
    [/(?<![\p{L}])(?:bahá['’]?[ií]s?|baha['’]?is?|chrétiens?|derviches?)(?![\p{L}])/iu, "religious_minorities"],
    [/(?<![\p{L}])(?:mineurs?|enfants?\s+délinquants?)(?:\s+au\s+moment\s+des\s+faits)?(?![\p{L}])/iu, "child_offenders"],
  ],
  notEvents: /(?<![\p{L}])(?:grève\s+de\s+la\s+faim|condamn\p{L}*\s+à\s+(?:des\s+peines\s+de\s+|une\s+peine\s+de\s+)?(?:prison|\S+\s+ans\s+de\s+prison)|lib[ée]r[ée]+s?|relâch[ée]+s?|déplac[ée]+s?|réfugi[ée]+s?|évacu[ée]+s?|secouru[es]*|remis[es]*\s+en\s+liberté|(?:(?:sont|étaient|seraient)\s+(?:toujours|encore)|restent|demeurent|toujours)\s+(?:toujours\s+|encore\s+)?(?:détenu[es]*|emprisonn[ée]+s?|incarc[ée]r[ée]+s?|en\s+(?:détention|prison)|derrière\s+les\s+barreaux))(?![\p{L}])/iu,
  // "dans les manifestations qui ont éclaté en septembre 2022" (not "depuis les manifestations …", a start).
  startedOn: { before: /(?:qui|qu'ils?|qu'elles?)(?<!depuis\s+(?:le|la|les|l')\s*\p{L}+\s+(?:qui|qu'ils?|qu'elles?))\s+(?:ont|a|avaient|avait)\s+(?:éclaté|commencé|débuté|démarré|secoué|embrasé)(?:\s+\p{L}+){0,3}?\s+(?:en|le|au\s+mois\s+de|à\s+partir\s+d[eu])\s*$|(?<![\p{L}])(?<!depuis\s+)(?:(?:le|du|au)\s+coup\s+d['’][ée]tat(?:\s+militaire)?|(?:les|des|aux)\s+(?:élections|scrutins?)(?:\s+(?:présidentielles?|législatives?|municipales?|générales?))?|(?:l'|de\s+l')(?:élection|insurrection)(?:\s+présidentielle)?|(?:la|de\s+la)\s+révolution|(?:le|du|au)\s+soulèvement)(?:\s+(?:du|de|d'|des|le))?\s*$/iu },
  saidOn: /(?<![\p{L}])(?:publi[ée]+|paru|diffus[ée]+|rendu\s+public)\s+(?:le|en|ce|dans\s+la\s+nuit\s+de)?\s*$|(?<![\p{L}])(?:a|ont|avait|avaient)\s+(?:annonc[ée]|indiqu[ée]|d[ée]clar[ée]|affirm[ée]|rapport[ée]|pr[ée]cis[ée]|fait\s+savoir|d[ée]nonc[ée]|estim[ée])\s*,?\s+(?:(?:ce\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:le\s+)?$/iu,
  charges: /(?:pour\s+protester|en\s+protestation|en\s+signe\s+de\s+protestation)\s+contre\s+(?:les?\s+|la\s+|l'|des\s+)?(?:\p{L}+\s+){0,2}?(?:ex[ée]cutions?|arrestations?|condamnations?\s+à\s+mort|pendaisons?)|pour\s+(?:le\s+)?meurtre|accusée?s?\s+de\s+meurtre|pour\s+homicide/giu,
  findTimes,
  samePeriod: /(?<![\p{L}])(?:(?:à|sur|durant|pendant|pour)\s+)?la\s+même\s+période\s+(?:(?:de|en)\s+)?(?:l'ann[ée]e\s+(?:derni[èe]re|pr[ée]c[ée]dente|pass[ée]e)|l'an\s+dernier|(?:l'ann[ée]e\s+)?(?<y>(?:19|20)\d{2}))(?![\p{L}\d])/giu,
  namedVoice: { pattern: NAMED_VOICE, nameEnd: NAMED_VOICE_END },
  clauseBreak: /[,;:]|\s(?:tandis que|alors que|mais)\s/giu,
  descriptorHint: /ONG|opposition|Premier|autorités|gouvernement|ministère|ministre|police|droits/iu,
  agentGap: /^(?:\s+\p{L}+(?:iens?|iennes?|ais|aises?|ains?|aines?|s))?\s+(?:ont|a|avaient|avait|auraient|aurait)(?:\s+(?:été|déjà|aussi|encore))?\s+/iu,
  vagueHint: /dizaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine|douzaine|quinzaine|millier/iu,
  descriptors: [
    [/(?<![\p{L}])(?:une|des|plusieurs)\s+ONG(?![\p{L}])/gu, "NGO"],
    [/(?<![\p{L}])l'opposition(?![\p{L}])/giu, "opposition"],
    // "les organisations de défense des droits de l'homme estiment à 135 …": unnamed, kept as English keeps "rights groups".
    [/(?<![\p{L}])(?:les|des|plusieurs)\s+(?:organisations|ONG|associations|groupes)\s+(?:de\s+défense\s+)?des\s+droits\s+(?:de\s+l['’]homme|humains)(?![\p{L}])/giu, "rights groups"],
    // "le bilan dressé par le gouvernement": the one who draws up a toll speaks it.
    [/(?<![\p{L}])(?:bilan|décompte|chiffre)s?\s+(?:officiels?\s+)?(?:dressé|établi|fourni|publié|avancé|communiqué)s?\s+par\s+le\s+gouvernement(?![\p{L}])/giu, "government"],
    [/(?<![\p{L}])(?:bilan|décompte|chiffre)s?\s+(?:officiels?\s+)?(?:dressé|établi|fourni|publié|avancé|communiqué)s?\s+par\s+les\s+autorités(?![\p{L}])/giu, "authorities"],
    [/(?<![\p{L}])(?:le|du)\s+Premier\s+ministre(?![\p{L}])/giu, "Prime Minister"],
    [/(?<![\p{L}])(?<!par\s+)(?:les|des)\s+autorités(?![\p{L}])/giu, "authorities"],
    [/(?<![\p{L}])(?<!par\s+)(?:le|du)\s+gouvernement(?![\p{L}])/giu, "government"],
    [/(?<![\p{L}])(?:le|du)\s+ministère\s+de\s+la\s+Santé(?![\p{L}])/giu, "Health Ministry"],
    // "selon la police", "d'après la police" (not "la police a tué", the doer; not "par la police").
    [/(?<![\p{L}])(?:[Ss]elon|[Dd]'après|a\s+indiqué|a\s+annoncé|a\s+affirmé)\s+la\s+police(?![\p{L}])/gu, "police"],
    [/(?<![\p{L}])(?:le|du)\s+ministère\s+de\s+l['’]Intérieur(?![\p{L}])/giu, "Interior Ministry"],
    [/(?<![\p{L}])(?:le|du)\s+ministre\s+de\s+l['’]Intérieur(?![\p{L}])/giu, "Interior Minister"],
  ],
  // "a déclaré à l'AFP", "a indiqué au Monde", "a confié à Reuters": the agency is spoken to.
  recipient: { before: /(?:dit|déclaré|indiqué|affirmé|confié|expliqué|précisé|assuré|raconté|annoncé|rapporté|souligné|ajouté|déclare|indique|affirme|explique|précise|confie|dit)(?:\s+\S+){0,4}?\s+(?:à|au|auprès\s+de)\s+(?:l'|la\s+|le\s+)?(?:(?:agence|chaîne|radio|journal|quotidien)\s+)?$/iu },
  anaphor: /(?<![\p{L}])(?:l'ONG|l'organisation|ce\s+rapport|le\s+rapport|l'ONU)(?![\p{L}])/iu,
  pronoun: /^(?:Elles?|Ils?)\s/u,
  verbFinal: false,
  carrySource: false,
  // "Quatre prisonniers kurdes au moins ont été exécutés", "15 au moins".
  qualifiersAfter: [[/^\s*(?:\p{L}+\s+){0,2}au\s+moins(?![\p{L}])/iu, "at_least"]],
  comparedWith: /(?<![\p{L}])(?:par\s+rapport\s+(?:à|aux?)|compar[ée]e?s?\s+(?:à|aux?|avec)|(?:plus|moins)\s+qu['’]|(?:le|au)\s+(?:double|triple)\s+(?:de|du|d['’])|(?:hausse|baisse|augmentation|diminution)\s+(?:sur|depuis))(?:\s*(?:en|à|au|de|d['’]|l['’]))?\s*$/iu,
  superlative: /(?<![\p{L}])(?:le\s+plus\s+(?:élevé|haut|lourd|important|grand)|(?:le|la)\s+(?:pire|plus\s+forte))(?:\s+\S+){0,3}(?:\s+(?:depuis|en|de))?\s*$/iu,
  recentDays: {
    // "mardi", "lundi soir", "samedi dernier" (not "le lundi 3 juin": the date names the day).
    weekdays: /(?<![\p{L}])(?:(?<d1>lundi)|(?<d2>mardi)|(?<d3>mercredi)|(?<d4>jeudi)|(?<d5>vendredi)|(?<d6>samedi)|(?<d7>dimanche))(?:\s+(?:soir|matin|midi|(?<past>dernier|pass[ée])))?(?![\p{L}])(?!\s+\d)/giu,
    lastWeek: /(?<![\p{L}])la\s+semaine\s+(?:derni[èe]re|pass[ée]e)(?![\p{L}])/giu,
    weekend: /(?<![\p{L}])(?:(?:au\s+cours\s+du|durant\s+le|pendant\s+le|ce|le)\s+)week-?end(?:\s+(?<last>dernier|pass[ée]))?(?![\p{L}])(?!\s+du\s+\d)/giu,
    since: /(?<![\p{L}])depuis\s+(?:le\s+)?$/iu,
    reportBefore: /(?<![\p{L}])(?:a|ont|avait|avaient)\s+(?:indiqu[ée]|annonc[ée]|d[ée]clar[ée]|affirm[ée]|dit|rapport[ée]|pr[ée]cis[ée]|publi[ée]|fait\s+savoir|d[ée]nonc[ée]|estim[ée]|assur[ée])\s*$|(?<![\p{L}])(?:communiqué|rapport|bilan|déclaration)\s+(?:publi|diffus|rendu\s+public)[ée]*s?\s*$/iu,
  },
};
