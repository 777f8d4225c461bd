// The event words around a figure: after its noun phrase ("were executed", "killed by"), before it
// ("executed", "the execution of", "death toll of"), or the subject it completes ("executions rose
// to 1,518").
import type { EventType } from "../types.js";
import { VERB_GAP, VICTIM_NOUNS, WEAK_VICTIM_NOUNS } from "./lexicon.js";
import { deathSentenceAfter, matchEventNoun, matchEventOfNoun, matchVerb, phraseAt, type CountedEvent, type Tok } from "./event-words.js";

/** Looks right after the noun phrase for "were executed", "killed by", "are on death row". */
export function forwardTrigger(toks: Tok[], from: number, lower: string, maxGap: number, blocked: (t: Tok) => boolean): { event: EventType; at: number; how: CountedEvent["how"] } | null {
  let gap = 0;
  for (let k = from; k < toks.length; k++) {
    const t = toks[k] as Tok;
    if (blocked(t)) return null;
    if (t.lower === ";" || t.lower === ":" ) return null;
    const phrase = phraseAt(lower, t.start);
    if (phrase) return { event: phrase.event, at: t.start, how: "passive" };
    if (t.lower === "on" && toks[k + 1]?.lower === "death" && toks[k + 2]?.lower === "row") return { event: "death_row", at: t.start, how: "state" };
    // "remain in detention", "held in custody": people detained.
    if (t.lower === "in" && /^(?:detention|custody)$/.test(toks[k + 1]?.lower ?? "") && /^(?:remain|remained|remains|are|were|is|was|still|held|kept|being)$/.test(toks[k - 1]?.lower ?? "")) return { event: "arrest", at: t.start, how: "state" };
    // ", including women and children," : an aside without figures does not break the phrase.
    if (t.lower === "," && /^(?:including|among|mostly|many|most|some|all)$/.test(toks[k + 1]?.lower ?? "")) {
      // The aside may be a list ("including four women, two minors, and a teacher,"): it ends at
      // the comma before the verb group.
      let e = k + 1;
      let close = -1;
      while (e < toks.length && e < k + 40 && !/^[;:()]$/.test((toks[e] as Tok).lower)) {
        if ((toks[e] as Tok).lower === "," && /^(?:were|was|are|is|have|has|had|been|being)$/.test(toks[e + 1]?.lower ?? "")) {
          close = e;
          break;
        }
        e++;
      }
      if (close < 0) {
        e = k + 1;
        while (e < toks.length && (toks[e] as Tok).lower !== "," && e < k + 12) e++;
        if ((toks[e] as Tok | undefined)?.lower === ",") close = e;
      }
      if (close >= 0) {
        k = close;
        continue;
      }
    }
    // "23 people, six of them women, were hanged": a part of the group, between commas, is passed over.
    if (t.lower === "," && gap <= 1 && FIGURE_START.test(toks[k + 1]?.lower ?? "") && toks[k + 2]?.lower === "of" && /^(?:them|whom)$/.test(toks[k + 3]?.lower ?? "")) {
      let close = k + 4;
      while (close < toks.length && close < k + 12 && !/^[,;:()]$/.test((toks[close] as Tok).lower)) close++;
      if ((toks[close] as Tok | undefined)?.lower === ",") {
        k = close;
        continue;
      }
    }
    // "1,200 people — including 130 children — were killed": an aside between dashes is passed over.
    if ((t.lower === "\u2014" || t.lower === "\u2013") && gap <= 1) {
      let close = k + 1;
      while (close < toks.length && close < k + 14 && (toks[close] as Tok).lower !== t.lower && (toks[close] as Tok).lower !== ";") close++;
      if ((toks[close] as Tok | undefined)?.lower === t.lower) {
        k = close;
        continue;
      }
    }
    // "31 porters (cross-border couriers) were killed": an aside in brackets is passed over.
    if (t.lower === "(") {
      let close = k + 1;
      while (close < toks.length && close < k + 10 && (toks[close] as Tok).lower !== ")" && (toks[close] as Tok).lower !== "(") close++;
      if ((toks[close] as Tok | undefined)?.lower === ")") {
        k = close;
        continue;
      }
    }
    // "31 porters and traders were killed": a second noun joined to the group is part of it.
    if ((t.lower === "and" || t.lower === "or") && gap <= 1) {
      const noun = toks[k + 1];
      const plainPlural = noun !== undefined && /^[a-z]+s$/.test(noun.text) && /^(?:were|was|are|have|had)$/.test(toks[k + 2]?.lower ?? "");
      if (noun && (VICTIM_NOUNS.has(noun.lower) || WEAK_VICTIM_NOUNS.has(noun.lower) || plainPlural)) {
        k++;
        continue;
      }
    }
    if (t.lower === "awaiting" && /^execution/.test(toks[k + 1]?.lower ?? "")) return { event: "death_row", at: t.start, how: "state" };
    // "were found dead", "are believed to be dead"
    if (t.lower === "dead" && /^(?:be|are|were|was|been|found|left|lay|lie|lying|feared|presumed|confirmed|reported|declared)$/.test(toks[k - 1]?.lower ?? "")) return { event: "killing", at: t.start, how: "passive" };
    if (/^sentenced$|^condemned$/.test(t.lower) && deathSentenceAfter(lower, t.end)) return { event: "death_sentence", at: t.start, how: "passive" };
    if (t.lower === "carried" && toks[k + 1]?.lower === "out") return null;
    const v = matchVerb(t.lower);
    // "died in a traffic accident", "died of natural causes": deaths no one inflicted.
    if (v === "killing" && t.lower === "died" && NOT_INFLICTED.test(lower.slice(t.end, t.end + 60))) return null;
    // "killed 3 protesters and wounded 27 others": a verb with a figure of its own as object starts another clause.
    if (v && (FIGURE_START.test(toks[k + 1]?.lower ?? "") || (/^(?:at|more|nearly|almost)$/.test(toks[k + 1]?.lower ?? "") && /^(?:least|than)$|^\d/.test(toks[k + 2]?.lower ?? "")))) return null;
    if (v && /(?:ed|en|wn|ung)$|^(?:hung|shot|put)$/.test(t.lower)) return { event: v, at: t.start, how: "passive" };
    if (v) return null;
    // "were summoned and detained", "were tried and hanged": the last of joined verbs names the event.
    if (/^[a-z]+ed$/.test(t.lower) && (toks[k + 1]?.lower === "and" || toks[k + 1]?.lower === "or") && /^[a-z]+(?:ed|en|wn)$|^(?:hung|shot|put)$/.test(toks[k + 2]?.lower ?? "")) {
      k++;
      continue;
    }
    if (!/^(?:,|\(|\))$/.test(t.lower)) gap++;
    if (gap > maxGap) return null;
    if (!(/ly$/.test(t.lower) || VERB_GAP.has(t.lower) || t.lower === "," || t.lower === "the" || t.lower === "number" || t.lower === "of" || t.lower === "total" || /^(?:in|by)$/.test(t.lower))) {
      if (gap > 2) return null;
    }
  }
  return null;
}


/** A token that starts a figure: digits, a number word or a hedge before one. */
const FIGURE_START = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|dozens)$/;

/** A toll after hangings ("bringing the annual toll to 230") counts executions; a death toll, or any other, deaths. */
function tollEvent(toks: Tok[], k: number): EventType {
  return toks[k - 1]?.lower !== "death" && toks.slice(0, k).some((x) => /^(?:execut|hang)/.test(x.lower)) ? "execution" : "killing";
}

/** Looks right before the figure for "executed", "the execution of", "death toll of", "sentencing". */
export function backwardTrigger(toks: Tok[], before: number, lower: string, npEnd: number, blocked: (t: Tok) => boolean): { event: EventType; at: number; how: CountedEvent["how"] } | null {
  const startAt = toks[before]?.start ?? 0;
  const phrase = /\b(shot dead|shot and killed|gunned down|beaten to death|put to death|sent to the gallows)\s+(?:at least\s+|more than\s+|some\s+|about\s+|over\s+)?$/.exec(lower.slice(Math.max(0, startAt - 40), startAt));
  if (phrase) return { event: /put to death|gallows/.test(phrase[1] as string) ? "execution" : "killing", at: startAt - (Math.min(startAt, 40) - phrase.index), how: "active" };
  let words = 0;
  for (let k = before - 1; k >= 0 && words < 7; k--) {
    const t = toks[k] as Tok;
    if (blocked(t)) return null;
    if (t.lower === ";" || t.lower === ":" || t.lower === "(" || t.lower === ")") return null;
    if (t.lower === ",") {
      // "In 2023, the number of executions was 834": the subject ends at the comma.
      if (words > 0) return complementTrigger(toks, before, words, k);
      continue;
    }
    words++;
    if (t.lower === "toll" && toks[k - 1]?.lower === "death") return { event: "killing", at: (toks[k - 1] as Tok).start, how: "noun-of" };
    if (/^(?:put|puts|putting|sent|send|sends)$/.test(t.lower) && /^\s*to (?:death|the gallows)\b/.test(lower.slice(npEnd, npEnd + 20))) {
      return { event: "execution", at: t.start, how: "active" };
    }
    // "upheld the death sentences of three men", "death sentences for four protesters".
    if (/^(?:of|for|against|on)$/.test(t.lower) && /^sentences?$/.test(toks[k - 1]?.lower ?? "") && toks[k - 2]?.lower === "death") {
      return { event: "death_sentence", at: (toks[k - 2] as Tok).start, how: "noun-of" };
    }
    // "Death sentences rose to 120": the compound is the subject the figure completes.
    if (deathCompound(toks, k - 1) === "death_sentence") return complementTrigger(toks, before, words);
    if (/^sentenc(?:e|ed|es|ing)$|^condemn(?:ed|s|ing)?$/.test(t.lower)) {
      if (deathSentenceAfter(lower, npEnd)) return { event: "death_sentence", at: t.start, how: "active" };
      return null;
    }
    const nounOf = toks[k + 1]?.lower === "of" || words <= 3 ? (t.lower === "toll" ? tollEvent(toks, k) : matchEventOfNoun(t.lower)) : null;
    if (nounOf && (toks[k + 1]?.lower === "of" || /^(?:to|at|reached|rose|stood|stands|climbed|hit|of)$/.test(toks[k + 1]?.lower ?? ""))) {
      return { event: nounOf, at: t.start, how: "noun-of" };
    }
    const v = matchVerb(t.lower);
    if (v) {
      // "8 were executed, 27 …": a passive verb before a comma closes the clause before.
      if (toks.slice(k + 1, before).some((x) => x.lower === ",") && /^(?:were|was|are|is|been|being)$/.test(toks[k - 1]?.lower ?? "")) return null;
      // "hanged" etc. directly before the object, possibly with "publicly", "at least".
      return { event: v, at: t.start, how: "active" };
    }
    if (/^(?:the|a|an|some|another|over|more|than|least|at|nearly|about|around|up|to|as|many|of|total|further|additional|least|almost|roughly|approximately|estimated|publicly|secretly|reportedly|also|had|has|have|were|was|is|are|been|number|numbered|reached|rose|stood|stands|climbed|totalled|totaled|hit|jumped|increased|to|executions|killings|deaths|toll|with|which|that|who|record|staggering|unprecedented|whopping|alarming|shocking)$/.test(t.lower)) continue;
    if (/ly$/.test(t.lower)) continue;
    return complementTrigger(toks, before, words);
  }
  // "The number of executions was 834 in 2023": every word back to the start was skipped.
  return complementTrigger(toks, before, words);
}

/** Nouns after an event word that make it the name of a place ("detention centres"). */
const PLACE_AFTER_EVENT = /^(?:cent(?:er|re)s?|facilit(?:y|ies)|camps?|wards?|cells?|chambers?|sites?|homes?)$/;
/** After "died": causes no one inflicted (an accident, an illness, their own hand). */
export const NOT_INFLICTED = /^\s+(?:in|of|from|after|during)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}(?:accidents?|crash(?:es)?|natural causes|old age|suicide)\b/;
/**
 * Before an event word: a charge, not an event ("convicted of killing two guards", "executed for
 * the murder of three"). Accusations against the authorities ("accused … of killing") stay events.
 */
export const CHARGE_BEFORE = /\b(?:convicted|charged|found guilty|guilty|tried|prosecuted|indicted|executed|hanged|sentenced(?: to death)?|arrested|detained|jailed|imprisoned|acquitted)\s+(?:[a-z]+\s+){0,2}?(?:of|with|for|over)\s+(?:the\s+|his\s+|her\s+|their\s+|a\s+)?$/;

/** Nouns a year can name as an event ("the 2022 protests"). */
const ANCHOR_NOUN = /^(?:protests?|uprising|unrest|crackdown|revolution|riots|war|conflict|elections?|massacre|demonstrations|coup)$/;

const LINKING = /^(?:to|at|reached|hit|totalled|totaled|numbered|was|were|is|stood|rose|climbed|jumped|fell|dropped|of|by|from|included|include|includes|comprised|comprise)$/;

/** Verbs that qualify the figure they open ("exceeded 1,000": more than). */
const QUALIFYING_VERB = /^(?:exceeds|exceeded|surpassed|surpasses|topped)$/;
const ADVERB = /^(?:now|already|currently|still|officially|reportedly|a|an|new|record|all-time|staggering|whopping|total|combined)$/;

/** "death sentences", "death row": a compound whose first word alone would read as a killing. */
function deathCompound(toks: Tok[], k: number): EventType | null {
  if (toks[k]?.lower !== "death") return null;
  const next = toks[k + 1]?.lower ?? "";
  if (next === "sentence" || next === "sentences") return "death_sentence";
  return next === "row" ? "death_row" : null;
}

/** "Recorded executions worldwide rose to 1,518": the figure completes a predicate whose subject is an event noun. */
function complementTrigger(toks: Tok[], before: number, _words: number, floor = -1): { event: EventType; at: number; how: CountedEvent["how"] } | null {
  // "… now exceeds 19,000": the verb is the figure's qualifier, the first word of its phrase.
  // Else a linking word before it, past adverbs: "the count for the year is now 1,000".
  let p = before - 1;
  while (p > floor && ADVERB.test(toks[p]?.lower ?? "")) p--;
  if (!QUALIFYING_VERB.test(toks[before]?.lower ?? "")) {
    const prev = toks[p];
    if (!prev || !LINKING.test(prev.lower)) return null;
    p--;
  }
  for (let k = p; k > floor && k >= before - 12; k--) {
    const t = toks[k] as Tok;
    // A year in the subject ("the toll from the 2022 protests rose to 551") is no other figure.
    // Nor is a year after "in" ("the number of executions in 2023 was 834").
    const year = /^(?:19|20)\d\d$/.test(t.lower) && (ANCHOR_NOUN.test(toks[k + 1]?.lower ?? "") || /^(?:in|during|for|of)$/.test(toks[k - 1]?.lower ?? ""));
    // A year is passed over only inside the subject's own clause (not past a comma).
    if (/^[;:()]$/.test(t.lower) || (/^\d/.test(t.lower) && !(year && !toks.slice(k + 1, before).some((x) => x.lower === ",")))) return null;
    // Past a year, the subject ends at a comma ("…, bringing the total for 2024 to 400").
    if (t.lower === "," && toks.slice(k + 1, before).some((x) => /^(?:19|20)\d\d$/.test(x.lower))) return null;
    // "detention centres", "execution chamber": a place named after the event, not the event.
    if (PLACE_AFTER_EVENT.test(toks[k + 1]?.lower ?? "")) continue;
    const toll = t.lower === "toll" ? tollEvent(toks, k) : null;
    // "the number of people sentenced to death in 2023", "put to death": the verb names the event.
    if (t.lower === "death" && toks[k - 1]?.lower === "to") {
      const verb = toks[k - 2]?.lower ?? "";
      if (/^(?:sentenced|condemned)$/.test(verb)) return { event: "death_sentence", at: (toks[k - 2] as Tok).start, how: "noun-of" };
      if (/^(?:put|beaten|stoned)$/.test(verb)) return { event: verb === "put" ? "execution" : "killing", at: (toks[k - 2] as Tok).start, how: "noun-of" };
      continue;
    }
    const ev = deathCompound(toks, k) ?? toll ?? matchEventNoun(t.lower) ??
      // "the number of women executed this year rose to 31": a participle after the counted people.
      (/(?:ed|wn)$/.test(t.lower) && (/^(?:of|who|those)$/.test(toks[k - 1]?.lower ?? "") || VICTIM_NOUNS.has(toks[k - 1]?.lower ?? "")) ? matchVerb(t.lower) : null);
    // "put the number of dead at 42": the dead and the wounded counted by a number.
    // "The dead included 3 journalists": the group the figure is part of.
    const counted = (toks[k - 1]?.lower === "of" && /^(?:number|toll|count|tally)$/.test(toks[k - 2]?.lower ?? "")) ||
      (toks[k - 1]?.lower === "the" && /^(?:included|include|includes|comprised)$/.test(toks[k + 1]?.lower ?? ""));
    if (ev && ((t.lower !== "dead" && t.lower !== "injured" && t.lower !== "wounded") || counted)) return { event: ev, at: t.start, how: "noun-of" };
  }
  return null;
}
