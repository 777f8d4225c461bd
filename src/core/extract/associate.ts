// Decides whether a figure counts victims of an event, and of which event: "27 prisoners were
// executed", "executed at least 12 child offenders", "the death of 1,500 protesters",
// "four executions", "raising to 61 the count of the dead", "90 others are on death row".
import { deathSentenceAfter, matchVerb, type CountedEvent, type Tok } from "./event-words.js";
import { readHead } from "./head.js";
import { VERB_GAP, VICTIM_NOUNS } from "./lexicon.js";
import type { NumberMention } from "./numbers.js";
import { CHARGE_BEFORE, NOT_INFLICTED, backwardTrigger, forwardTrigger } from "./triggers.js";

export { tokens, type CountedEvent } from "./event-words.js";
export { nonCountReason } from "./non-count.js";

/**
 * Decides whether the figure counts an event. `others` are the sentence's other figures
 * (they block association across them) and `insideAside` marks figures in "including N" asides.
 */
export function associate(s: string, lower: string, toks: Tok[], n: NumberMention, others: NumberMention[]): CountedEvent | null {
  const i = toks.findIndex((t) => t.start >= n.start);
  if (i < 0) return null;
  const head = readHead(toks, i, lower, n.phraseEnd);
  const blocked = (t: Tok) => others.some((o) => o !== n && t.start >= o.start && t.start < o.end && !isAside(s, o));
  if (n.kind === "ordinal") {
    if (head.kind !== "victim") return null;
    const back = backwardTrigger(toks, i, lower, head.end, blocked);
    const fwd = forwardTrigger(toks, head.next, lower, 3, blocked);
    const found = back ?? fwd;
    return found && (found.event === "execution" || found.event === "killing") ? { event: found.event, npEnd: head.end, triggerStart: found.at, how: found.how } : null;
  }
  if (head.kind === "other") return null;
  if (head.kind === "event" && head.event) {
    return { event: head.event, npEnd: head.end, triggerStart: n.start, how: "event-noun" };
  }
  const fwd = forwardTrigger(toks, head.next, lower, head.kind === "weak" ? 2 : 5, blocked);
  const phraseTok = toks.findIndex((t) => t.start >= n.phraseStart);
  let back = backwardTrigger(toks, phraseTok, lower, head.end, blocked);
  // A weak head ("40 Omanis", "12 members") takes an event from before it only when the event
  // stands right there: "hanged 40 Omanis", "those executed included 40 Omanis".
  if (head.kind === "weak" && back && !(n.phraseStart - back.at <= 24 || /^(?:included|include|includes|comprised)$/.test(toks[phraseTok - 1]?.lower ?? ""))) back = null;
  if (fwd && back) {
    const df = fwd.at - head.end;
    const db = n.phraseStart - back.at;
    const pick = df <= db ? fwd : back;
    return { event: pick.event, npEnd: head.end, triggerStart: pick.at, how: pick.how };
  }
  // "clashes that left four inmates dead", "leaving 12 people wounded".
  // "left four guards and four inmates dead": both figures of the joined group.
  const leftBefore = /\b(?:left|leaving|leaves|leave)\s+(?:(?:at least|more than|some|about|nearly)\s+)?(?:[\w-]+\s+[\w-]+\s+and\s+(?:(?:at least|more than|some|about|nearly)\s+)?)?$/;
  if (!fwd && !back && head.kind === "victim" && leftBefore.test(lower.slice(Math.max(0, n.phraseStart - 60), n.phraseStart))) {
    const state = /^(?:\s+and\s+(?:[\d,]+|[a-z]+)\s+[a-z-]+)?\s+(dead|injured|wounded)\b/.exec(lower.slice(head.end, head.end + 50));
    if (state) return { event: state[1] === "dead" ? "killing" : "injury", npEnd: head.end, triggerStart: head.end + (state.index ?? 0), how: "state" };
  }
  const pick = fwd ?? back;
  if (pick && pick.how !== "passive" && CHARGE_BEFORE.test(lower.slice(Math.max(0, pick.at - 50), pick.at))) return null;
  return pick ? { event: pick.event, npEnd: head.end, triggerStart: pick.at, how: pick.how } : null;
}

/** True when a figure stands in an aside such as ", including 68 children," that association may skip. */
export function isAside(s: string, n: NumberMention): boolean {
  // "including 68 children and 48 women": every figure of the list up to the closing comma; the
  // list may go on after commas ("including 115 men, 6 women, as well as 9 foreign nationals").
  const before = s.slice(Math.max(0, n.phraseStart - 160), n.phraseStart);
  const m = /\b(?:including|among them|among whom|of whom|of which)\b(?![\s\S]*\b(?:including|among them|among whom|of whom|of which)\b)/i.exec(before);
  if (!m) return false;
  const rest = before.slice(m.index + m[0].length);
  if (/[;.:()]/.test(rest) || rest.length > 120) return false;
  // Every comma inside continues the list.
  return rest.split(",").slice(1).every((part) => /^\s*(?:and\s+|as well as\s+|plus\s+)?(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|at least|more than|over|some|about|nearly|$)/i.test(part));
}

/**
 * True when a figure that found no event of its own can share the event of another figure in
 * the sentence: ellipsis and comparison ("834 in 2023 and 582 in 2022", "up from 853",
 * "the 16 recorded in 2023"), asides ("including 64 children") and partitives ("32 of them").
 */
export function canInherit(s: string, lower: string, toks: Tok[], n: NumberMention): boolean {
  if (n.kind === "ordinal" || n.kind === "vague") return false;
  const i = toks.findIndex((t) => t.start >= n.start);
  if (i < 0) return false;
  const head = readHead(toks, i, lower, n.phraseEnd);
  const before = lower.slice(Math.max(0, n.phraseStart - 40), n.phraseStart);
  // "40 Omanis, six Sudanese and one Somali": items of a list of people share its event.
  const listed = /(?:,|\band|\bas well as)\s*$/.test(before) || isAside(s, n);
  if ((head.kind === "victim" || head.kind === "weak") && listed && /^[A-Za-z]/.test(s.slice(n.phraseEnd).trim()) && !ownVerbNamesNoEvent(lower, head.end)) return true;
  // "9 prisoners were sentenced to prison terms", "19 people committed suicide": the figure's own
  // verb names no event, so it shares none.
  if (ownVerbNamesNoEvent(lower, head.end)) return false;
  if (n.value === 1) return false;
  const after = lower.slice(n.phraseEnd, n.phraseEnd + 30);
  // "Nine Afghan nationals were among the 30 prisoners executed": a part of the figure that follows.
  if ((head.kind === "victim" || head.kind === "weak") && AMONG_FIGURE.test(lower.slice(head.end, head.end + 60))) return true;
  if (head.kind === "other" || head.kind === "event" || head.kind === "weak") return false;
  if (head.kind === "victim") {
    return isAside(s, n) || /^\s*of (?:them|whom|those)\b/.test(after) || /(?:\b(?:and|or|including|versus|compared (?:with|to))|,)\s*$/.test(before);
  }
  // A bare figure must be tied to another by comparison, coordination or a following time.
  // "… but the real figure is at least 300": the figure of the events the sentence counts.
  return /(?:\b(?:and|or|from|to|than|with|versus|vs\.?|against|compared (?:with|to)|up from|down from|rising to|falling to|including|of whom|among them|the|when)|,)\s*$/.test(before) ||
    FIGURE_IS.test(before) ||
    /^\s*(?:in|during|last|this|the previous|a year earlier|the year before|of them|of whom)\b/.test(after);
}

/** "the real figure is", "the actual number may be": what a figure is said to be in truth. */
const FIGURE_IS = /\b(?:figure|number|toll|count|tally|total)\s+(?:is|was|stands at|stood at|(?:could|may|might|would|will) be|is likely to be|is probably|is thought to be|is believed to be)\s*$/;

/** "… were among the 30 executed", "… are among at least 40 prisoners": the group a part belongs to, counted next. */
const AMONG_FIGURE = /^\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+|those\s+)?(?:(?:at least|more than|over|some|about|nearly)\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|dozens?)\b)/;

/** True when a verb follows the noun phrase and names no event ("were sentenced to prison", "committed suicide", "were victims of …"). */
function ownVerbNamesNoEvent(lower: string, npEnd: number): boolean {
  const after = lower.slice(npEnd, npEnd + 80);
  const own = /^\s+(committed|died)\b/.exec(after);
  if (own) return own[1] === "committed" || NOT_INFLICTED.test(after.slice(own[0].length));
  const m = /^\s+(?:were|was|are|is|have been|has been|had been)\s+(?:[a-z]+ly\s+)?([a-z]+)\b/.exec(after);
  if (!m) return false;
  const word = m[1] as string;
  if (word === "sentenced" || word === "condemned") return !deathSentenceAfter(lower, npEnd + m[0].length);
  // "were sentenced to prison", "were victims of …"; but "5 were women", "31 were Baluch" name a part.
  if (word === "victims") return true;
  if (!/(?:ed|en)$/.test(word) || VICTIM_NOUNS.has(word)) return false;
  // "when 579 were recorded": a verb of counting names no other event.
  if (/^(?:recorded|registered|documented|reported|counted|confirmed|verified|tallied|carried)$/.test(word)) return false;
  return !matchVerb(word) && !VERB_GAP.has(word) && !/^(?:gunned|beaten|taken|rounded)$/.test(word);
}
