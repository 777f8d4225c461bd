// The language-independent pipeline of the packs: fold → sentences → figures → times → events
// and victims → voices, then periods from context. Spans index the original text.
import type { SourceRegistry } from "../../sources.js";
import { foldText, originalRange } from "../../text/fold.js";
import type { Claim, DocumentMeta, EventType, VictimGroup } from "../../types.js";
import { clipToPublication, publication, type Publication } from "./calendar.js";
import { findNumbers, notACount } from "./numbers.js";
import type { LanguagePack, NumberHit, TimeHit } from "./pack.js";
import { matchesOf, testOf } from "./patterns.js";
import { packSentences, type PackSentence } from "./sentences.js";
import { findVoices, type VoiceHit } from "./voices.js";
import { findPackPlaces, packAdjectiveCountries, speaksOfTheWorld } from "./places.js";
import { assignTimes, placeFor, voiceFor, type Figure } from "./figures.js";
import { bareMonthsInNamedYear, headingEvent, namedVoices, paragraphYear, recentDays, reportMonth, reportTitle, resolveContext, samePeriods, spokenTo, withoutDateline, type Draft } from "./context.js";

/** Version stamped on claims of the language packs. */
export const PACK_EXTRACTOR_VERSION = "packs-0.1.0";

/** How far (in characters) an event word may stand from its figure, after and before it. */
const AFTER = 70;
const BEFORE = 60;
/** Further after, a verb-final language's event word still counts when no figure stands between. */
const FAR_AFTER = 300;
/** Further before, a verb-first language's event word still counts when it is the last before the figure and no figure stands between. */
const FAR_BEFORE = 160;



const anyEvents = new WeakMap<LanguagePack, RegExp>();
const globalNotEvents = new WeakMap<RegExp, RegExp>();

/** The global form of a pack's notEvents pattern, to find its last match before a figure. */
function notEventsGlobal(re: RegExp): RegExp {
  let g = globalNotEvents.get(re);
  if (!g) globalNotEvents.set(re, (g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`)));
  return g;
}

/** One pattern for "some event word stands here", to pass over the other sentences quickly. */
function anyEventOf(pack: LanguagePack): RegExp {
  let re = anyEvents.get(pack);
  if (!re) {
    re = new RegExp(pack.events.map(([e]) => `(?:${e.source})`).join("|"), "iu");
    anyEvents.set(pack, re);
  }
  return re;
}

/** True when an event word follows the name across the pack's agent gap (an adjective, an auxiliary): the name is the doer. */
function agentOfEvent(s: string, end: number, gap: RegExp, anyEvent: RegExp): boolean {
  const rest = s.slice(end, end + 80);
  const g = gap.exec(rest);
  if (!g) return false;
  const m = anyEvent.exec(rest.slice(g[0].length));
  return m !== null && m.index === 0;
}

/** Events of a sentence, a longer match winning over one inside it. */
function eventsIn(s: string, pack: LanguagePack): { start: number; end: number; event: EventType }[] {
  const all: { start: number; end: number; event: EventType }[] = [];
  for (const [re, event] of pack.events) for (const m of matchesOf(re, s)) all.push({ start: m.index, end: m.index + m[0].length, event });
  const charges = [...matchesOf(pack.charges, s)].map((m) => [m.index, m.index + m[0].length] as const);
  return all.filter((a) => !charges.some(([cs, ce]) => a.start < ce && cs < a.end)).filter((a) => !all.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start));
}

/** Clause index of a position: how many clause breaks stand before it. */
/** True when a time is that of another event the clause names (`startedOn`), not after "since" (which runs from it). */
function startsOther(s: string, h: TimeHit, started: NonNullable<LanguagePack["startedOn"]>): boolean {
  const before = s.slice(Math.max(0, h.start - 60), h.start);
  if (started.before && testOf(started.before, before)) return true;
  return started.after !== undefined && testOf(started.after, s.slice(h.end, h.end + 30));
}

/** Runs one pack over a document. */
export function runPack(pack: LanguagePack, text: string, meta: DocumentMeta, registry: SourceRegistry): Claim[] {
  const folded = foldText(text);
  const t = folded.text;
  const pub: Publication | null = publication(meta.published);
  const sentences = packSentences(t);
  const drafts: Draft[] = [];
  const texts = sentences.map((x) => t.slice(x.start, x.end));
  /** Whether the first line names a report, read when first needed. */
  let isReport: boolean | undefined;
  /** Per sentence: its figures and time expressions, found when first needed. */
  const numsCache = new Map<number, NumberHit[]>();
  const timesCache = new Map<number, TimeHit[]>();
  const numsOf = (k: number): NumberHit[] => {
    let nums = numsCache.get(k);
    if (!nums) numsCache.set(k, (nums = findNumbers(texts[k] as string, pack)));
    return nums;
  };
  const timesOf = (k: number): TimeHit[] => {
    let times = timesCache.get(k);
    if (!times) {
      const lastYear = () => {
        for (let j = k - 1; j >= 0; j--) {
          const y = timesOf(j).filter((h) => h.year !== undefined).pop()?.year;
          if (y !== undefined) return y;
        }
        return null;
      };
      // The figures are found only if a time expression asks for them (most sentences read for context have none).
      const ctx = { pub, lastYear, get nums() { return numsOf(k); } }; // prettier-ignore
      times = pack.findTimes(texts[k] as string, ctx);
      if (pack.recentDays && pub) times.push(...recentDays(texts[k] as string, pack.recentDays, pub, times));
      const text = texts[k] as string;
      const superlative = pack.superlative;
      if (superlative) times = times.filter((h) => !testOf(superlative, text.slice(Math.max(0, h.start - 60), h.start)));
      const comparedWith = pack.comparedWith;
      // … unless the comparison's own figure follows the time ("نسبت به سال گذشته که ۵۸۲ مورد بود").
      const ownFigure = (h: TimeHit) => numsOf(k).some((n) => n.start >= h.end && n.start - h.end <= 50 && !/[.;؛!?]/u.test(text.slice(h.end, n.start)));
      if (comparedWith) times = times.filter((h) => ownFigure(h) || !testOf(comparedWith, text.slice(Math.max(0, h.start - 60), h.start)));
      // The day a statement came out ("بيان صدر في 28 أيار") hides its numbers but dates no figure.
      const saidOn = pack.saidOn;
      if (saidOn) times = times.map((h) => (testOf(saidOn, text.slice(Math.max(0, h.start - 60), h.start)) ? { ...h, silent: true } : h));
      // The time of another event ("the protests that broke out in September 2022") dates nothing.
      const started = pack.startedOn;
      if (started) times = times.map((h) => (startsOther(text, h, started) ? { ...h, silent: true } : h));
      times = bareMonthsInNamedYear(times, () => paragraphYear(sentences, k, timesOf));
      times = times.map((h) => ({ ...h, period: clipToPublication(h.period, pub) }));
      // After the clip: the same period of another year as a period to date ends on the same day.
      if (pack.samePeriod) times = samePeriods(text, pack.samePeriod, times);
      // In a monthly report titled with its month, "this month" is that month.
      if ((sentences[k] as PackSentence).paragraph > 0 && sentences[0]?.paragraph === 0 && (isReport ??= reportTitle(texts[0] as string))) times = reportMonth(times, timesOf(0), pub);
      timesCache.set(k, times);
    }
    return times;
  };
  const sentenceValues = new Map<number, Set<number>>();
  const anyEvent = anyEventOf(pack);
  let lastVoice: string | null = null;
  let lastNamed: string | null = null;
  let prevVoice: string | null = null;
  const countryCounts = new Map<string, number>();

  sentences.forEach((sent: PackSentence, index: number) => {
    const s = texts[index] as string;
    const places = findPackPlaces(s, pack.code);
    for (const p of places) if (p.kind === "country") countryCounts.set(p.name, (countryCounts.get(p.name) ?? 0) + 1);
    for (const c of packAdjectiveCountries(s, pack.code)) countryCounts.set(c, (countryCounts.get(c) ?? 0) + 1);
    // Only a sentence with an event word can make a claim; the others matter for who speaks.
    const hasEvent = anyEvent.test(s); // plain: the union opens with no word edge, a hint would scan it twice
    // "Of these, 5 were women": a part of the previous sentence's figure, without an event word.
    const partOf = !hasEvent && testOf(pack.partOf, s) ? drafts.filter((d) => d.sentence === index - 1).pop() ?? null : null;
    // "- Trafic de drogue : 12" under "Exécutions en mars 2024": a row counts what its heading names.
    const rowEvent = !hasEvent && !partOf ? headingEvent(texts, index, (h) => { const ev = new Set(eventsIn(h, pack).map((e) => e.event)); return ev.size === 1 ? ([...ev][0] as EventType) : null; }) : null;
    const nums = hasEvent || partOf || rowEvent ? numsOf(index) : [];
    const times = nums.length > 0 ? timesOf(index) : [];
    const inTime = (n: NumberHit) => times.some((h) => n.start < h.end && h.start < n.end);
    const counts = nums.filter((n) => !inTime(n) && !notACount(s, n, pack));
    sentenceValues.set(index, new Set(counts.map((n) => n.value)));

    const registryVoices = withoutDateline(s, findVoices(s, registry).filter((v) => !spokenTo(s, v, pack.recipient)));
    const voices: VoiceHit[] = [...registryVoices];
    for (const [re, name] of testOf(pack.descriptorHint, s) ? pack.descriptors : []) {
      for (const m of matchesOf(re, s)) {
        const v = { start: m.index, end: m.index + m[0].length, name };
        // The authorities who "executed 834 people" did the deed; they are not the voice that counts it.
        if (pack.agentGap && agentOfEvent(s, v.end, pack.agentGap, anyEvent)) continue;
        if (!voices.some((x) => v.start < x.end && x.start < v.end)) voices.push(v);
      }
    }
    if (pack.namedVoice) for (const v of namedVoices(s, pack.namedVoice, pack.code, pack.anaphor)) if (!voices.some((x) => v.start < x.end && x.start < v.end)) voices.push(v);
    voices.splice(0, voices.length, ...withoutDateline(s, voices.sort((a, b) => a.start - b.start)));
    let fallback: string | null = null;
    if (voices.length === 0) {
      if (testOf(pack.anaphor, s)) fallback = lastNamed;
      else if (pack.pronoun && testOf(pack.pronoun, s)) fallback = prevVoice;
      if (!fallback && pack.carrySource) fallback = lastVoice;
    }
    // "Parmi elles, trois femmes": parts of the figure before speak with its voice. So do parts with an
    // event word of their own ("Parmi eux, 12 femmes ont été arrêtées", "وأعدم بينهم 5 أطفال") when the
    // word pointing back stands before the sentence's first figure and the part is smaller than the whole.
    const firstCount = counts[0];
    const partLead = hasEvent && firstCount && voices.length === 0 && testOf(pack.partOf, s) ? pack.partOf.exec(s) : null;
    const whole = partLead && firstCount && partLead.index < firstCount.start ? drafts.filter((d) => d.sentence === index - 1).pop() ?? null : null;
    const partVoice = partOf?.source ?? (whole && counts.every((c) => c.value < whole.count) ? whole.source : null);
    if (!fallback && voices.length === 0 && partVoice) fallback = partVoice;

    const events = counts.length > 0 ? eventsIn(s, pack) : [];
    const figs: Figure[] = [];
    const weakRule = pack.weakEvents;
    const weak = new Set(weakRule ? events.filter((e) => weakRule.test(s.slice(e.start, e.end))) : []);
    for (const n of counts) {
      let best: { d: number; event: EventType } | null = null;
      const nextCount = counts.find((c) => c.start > n.start);
      // "۳ نفر آزاد شدند", "12 000 déplacées": the figure's own predicate is no event.
      if (pack.notEvents) {
        const phrase = s.slice(n.end, Math.min(n.end + 50, nextCount?.start ?? s.length));
        const other = pack.notEvents.exec(phrase);
        // Where the verb comes first ("أفرجت السلطات عن 40", "نزح 3000"), also the nearest predicate before the figure.
        const from = Math.max(0, n.start - 30);
        const prior = pack.verbFinal || other ? null : [...s.slice(from, n.start).matchAll(notEventsGlobal(pack.notEvents))].pop();
        const priorAt = prior ? from + prior.index + prior[0].length : -1;
        // After the figure it is the figure's predicate unless an event word comes first, or (verb first) stands right before it.
        // … unless a comma closes the event word's clause and the other outcome follows the figure without one
        // ("Parmi les 60 personnes arrêtées le 3 novembre, 14 ont été libérées": the arrest is the 60's).
        const ownPredicate = other !== null && !/[,;،؛]/u.test(phrase.slice(0, other.index));
        const eventBefore = !pack.verbFinal && events.some((e) => e.end <= n.start && n.start - e.end <= 30 && !weak.has(e) && !(ownPredicate && /[,;،؛]/u.test(s.slice(e.end, n.start))));
        const eventRightAfter = events.some((e) => e.start >= n.end && e.start - n.end <= 25 && !weak.has(e) && (!nextCount || e.start < nextCount.start));
        // A word naming the people ("120 معتقلاً لا يزالون …") is no predicate that comes first.
        if ((other && !eventBefore && !events.some((e) => e.start >= n.end && e.start < n.end + other.index && !weak.has(e))) || (prior && !eventRightAfter && !events.some((e) => e.start >= priorAt && e.end <= n.start))) {
          figs.push({ n, event: null, qualifier: n.qualifier ?? "exact", period: null, blocked: true });
          continue;
        }
      }
      for (const e of events) {
        const after = e.start >= n.end;
        const raw = after ? e.start - n.end : e.end <= n.start ? n.start - e.end : 0;
        const farOk = after && pack.verbFinal && raw <= FAR_AFTER && (!nextCount || nextCount.start > e.start);
        if (raw > (after ? AFTER : BEFORE) && !farOk) continue;
        // "… کشته و ۲۳ کولبر دیگر زخمی شدند": in a verb-final language an event word closing the
        // previous figure's clause, right before "and", is that figure's, not this one's.
        if (!after && pack.verbFinal && /^\s*(?:و|and)\s/u.test(s.slice(e.end, n.start)) && counts.some((c) => c.end <= e.start)) continue;
        // "un jeune a été tué et 7 autres ont été blessés", "… exécutés ; 11 autres sont en attente d'exécution": elsewhere, the event word before "and" (or a semicolon) is the
        // subject's before it when the figure has a predicate of its own in range.
        if (!after && !pack.verbFinal && /^\s*,?\s*(?:et|و|and)\s*$|[;؛]/u.test(s.slice(e.end, n.start)) && events.some((x) => x.start >= n.end && x.start - n.end <= AFTER && !weak.has(x) && (!nextCount || x.start < nextCount.start))) continue;
        // In a verb-final language the event word after the figure is its predicate.
        // Otherwise a tie goes to the word after ("12 morts et une cinquantaine de blessés").
        // A word that names the people rather than the deed ("معتقلين", detainees) yields to any other in range.
        const d = (after ? raw : raw * (pack.verbFinal ? 3 : 1) + 0.5) + (weak.has(e) ? AFTER + BEFORE : 0);
        if (!best || d < best.d) best = { d, event: e.event };
      }
      // "أعدمت السلطات، صباح اليوم، في سجن …، 9 سجناء": where the verb comes first, adverbials set off by commas may
      // push its object further off. The figure right after such a comma (or a hedge after it) is the last event word's
      // when no figure stands between.
      if (!best && !pack.verbFinal) {
        const prev = events.filter((e) => e.end <= n.start && n.start - e.end <= FAR_BEFORE && !weak.has(e)).pop();
        const lead = prev ? s.slice(prev.end, n.start) : "";
        const tail = lead.slice(Math.max(lead.lastIndexOf(","), lead.lastIndexOf("،")) + 1);
        const afterComma = /[,،]/u.test(lead) && (tail.trim() === "" || pack.qualifiers.some(([re]) => testOf(re, tail)));
        if (prev && afterComma && !counts.some((c) => c.start >= prev.end && c.end <= n.start)) best = { d: 0, event: prev.event };
      }
      figs.push({ n, event: best?.event ?? null, qualifier: n.qualifier ?? "exact", period: null });
    }
    // Figures without an event word of their own share their neighbour's ("… بخمسة وعشرين ثم … بأربعين قتيلاً").
    for (const f of figs) {
      if (f.event || f.blocked) continue;
      const prior = figs.filter((g) => g.event && g.n.start < f.n.start).pop();
      const next = figs.find((g) => g.event && g.n.start > f.n.start);
      // A figure stated earlier with its event ("54 arrested" in the headline) keeps it when restated.
      const restated = f.n.value >= 10 ? drafts.find((d) => d.count === f.n.value)?.event : undefined;
      f.event = (prior ?? next)?.event ?? partOf?.event ?? restated ?? rowEvent ?? null;
    }
    const found = figs.filter((f) => f.event !== null);
    if (found.length > 0) {
      for (const f of found) {
        const before = s.slice(Math.max(0, f.n.start - 40), f.n.start);
        for (const [re, q] of pack.qualifiers) {
          if (testOf(re, before)) {
            f.qualifier = q;
            break;
          }
        }
        if (f.qualifier === "exact" && pack.qualifiersAfter) {
          const after = s.slice(f.n.end, f.n.end + 30);
          for (const [re, q] of pack.qualifiersAfter) {
            if (testOf(re, after)) {
              f.qualifier = q;
              break;
            }
          }
        }
      }
      // Ranges: "between 60 and 75" is at least 60 and up to 75.
      for (let i = 0; i + 1 < found.length; i++) {
        const a = found[i] as Figure;
        const b = found[i + 1] as Figure;
        if (!pack.range.gap.test(s.slice(a.n.end, b.n.start))) continue;
        const lead = testOf(pack.range.lead, s.slice(Math.max(0, a.n.start - 20), a.n.start));
        if (!lead && pack.range.leadRequired) continue;
        if (b.n.value <= a.n.value) continue;
        if (a.qualifier === "exact") a.qualifier = "at_least";
        if (b.qualifier === "exact") b.qualifier = "up_to";
      }
      // "at least 3 children and 17 women": a hedge covers the figures coordinated with it.
      for (let i = 1; i < found.length; i++) {
        const a = found[i - 1] as Figure;
        const b = found[i] as Figure;
        const gap = s.slice(a.n.end, b.n.start);
        if (b.qualifier === "exact" && a.qualifier !== "exact" && a.qualifier !== "up_to" && gap.length <= 30 && /(?:^|\s)(?:و|et|and)\s*$/.test(gap) && !events.some((e) => e.start >= a.n.end && e.end <= b.n.start)) {
          b.qualifier = a.qualifier;
        }
      }
      const breaks = [...s.matchAll(pack.clauseBreak)].map((m) => m.index);
      // A part right after its whole ("27 …, dont 6 …"): a word of the pack's partOf between them, the part the smaller.
      const partAfter = (f: Figure, next: Figure) => next.n.value < f.n.value && next.n.start - f.n.end <= 60 && testOf(pack.partOf, s.slice(f.n.end, next.n.start));
      assignTimes(found, times.filter((h) => !h.silent), breaks, partAfter);
      const [qs, qe] = originalRange(folded, sent.start, sent.end);
      const quote = text.slice(qs, qe);
      for (const f of found) {
        const [cs, ce] = originalRange(folded, sent.start + f.n.start, sent.start + f.n.end);
        // The words after the figure, up to the next figure ("19 طفلاً و٧ سيدات": the women are the next figure's);
        // the low end of a range ("بین ۱۲ تا ۱۵ کولبر") reads the words after the high end.
        let from = f.n.end;
        let next = counts.find((c) => c.start > f.n.start);
        if (next && pack.range.gap.test(s.slice(from, next.start))) {
          from = next.end;
          next = counts.find((c) => c.start > from);
        }
        const phrase = s.slice(from, Math.min(from + 40, next?.start ?? s.length));
        const victims: VictimGroup[] = [];
        for (const [re, g] of pack.victims) if (testOf(re, phrase) && !victims.includes(g)) victims.push(g);
        const claim: Draft = {
          document: meta.document,
          event: f.event as EventType,
          count: f.n.value,
          qualifier: f.qualifier,
          period: f.period,
          place: placeFor(f, places, breaks, s, found),
          victims,
          source: voiceFor(f, voices) ?? fallback,
          quote,
          span: [qs, qe],
          countSpan: [cs, ce],
          extractor: PACK_EXTRACTOR_VERSION,
          sentence: index,
        };
        if (f.from) claim.periodFrom = f.from;
        if (f.label) claim.periodLabel = f.label;
        drafts.push(claim);
      }
    }
    const used = voices.length > 0 ? (voices[voices.length - 1] as VoiceHit).name : fallback;
    if (voices.length > 0) lastVoice = used;
    if (registryVoices.length > 0) lastNamed = (registryVoices[registryVoices.length - 1] as VoiceHit).name;
    prevVoice = used;
  });

  resolveContext(drafts, sentences, (k) => timesOf(k).filter((h) => !h.silent), sentenceValues);
  // A figure whose sentence names no place is about the country the document keeps naming.
  const total = [...countryCounts.values()].reduce((a, b) => a + b, 0);
  const top = [...countryCounts.entries()].sort((a, b) => b[1] - a[1])[0];
  const defaultPlace = top && top[1] / total >= 0.6 ? top[0] : null;
  // A figure for the world ("579 exécutions dans 18 pays") is not the document's country's.
  if (defaultPlace !== null) for (const d of drafts) if (d.place === null && !speaksOfTheWorld(texts[d.sentence] as string, pack.code)) d.place = defaultPlace;
  return drafts.map(({ sentence: _s, ...c }) => c);
}
