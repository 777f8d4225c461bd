// Reads the noun phrase after a figure: what it counts ("12 child offenders", "four executions",
// "56 cities").
import type { EventType } from "../types.js";
import { NON_COUNT_UNITS, PHRASE_STOPS, VICTIM_NOUNS, WEAK_VICTIM_NOUNS } from "./lexicon.js";
import { matchEventNoun, matchVerb, phraseAt, type Tok } from "./event-words.js";

export interface Head {
  kind: "victim" | "weak" | "event" | "none" | "other";
  event?: EventType;
  /** Index of the first token after the noun phrase. */
  next: number;
  end: number;
}

/** Reads the noun phrase after a figure: "12 child offenders", "four executions", "56 cities". */
export function readHead(toks: Tok[], i: number, lower: string, phraseEnd: number): Head {
  let j = i;
  // Skip tokens inside the figure phrase (qualifier after it, "odd").
  while (j < toks.length && (toks[j] as Tok).start < phraseEnd) j++;
  // "two more hangings", "five additional prisoners": the noun comes after the adjective.
  if (/^(?:more|additional|further|other|new|such)$/.test(toks[j]?.lower ?? "") && toks[j + 1] && toks[j + 1]?.lower !== "than" && /^[a-z]/.test(toks[j + 1]?.lower ?? "")) j++;
  const first = toks[j];
  if (!first) return { kind: "none", next: j, end: phraseEnd };
  // "3,000 of their members", "28 of them", "thousands of protesters", "12 of the 20 detainees"
  if (first.lower === "of") {
    let k = j + 1;
    const skipTotal = (at: number) => (/^\d/.test(toks[at]?.lower ?? "") ? at + 1 : at);
    while (k < toks.length && k < j + 4 && /^(?:the|their|them|those|whom|its|his|her|these)$/.test((toks[k] as Tok).lower)) {
      const w = (toks[k] as Tok).lower;
      // "471 of those executions": the event noun after "those" names what is counted.
      const thoseEvent = w === "those" && toks[k + 1] !== undefined && matchEventNoun((toks[k + 1] as Tok).lower) !== null;
      if (w === "them" || w === "whom" || (w === "those" && !thoseEvent)) return { kind: "victim", next: k + 1, end: (toks[k] as Tok).end };
      k++;
    }
    k = skipTotal(k);
    // "13 of this month's executions", "40 of last year's arrests": a time before the noun.
    if (/^(?:this|last|that|the previous)$/.test(toks[k]?.lower ?? "") && /^(?:week|month|year)'s?$/.test(toks[k + 1]?.lower ?? "")) k += 2;
    else if (/^(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december)'s?$/.test(toks[k]?.lower ?? "") && (toks[k]?.lower ?? "").includes("'")) k += 1;
    const h = readHead(toks, k, lower, (toks[k] as Tok | undefined)?.start ?? phraseEnd);
    return h.kind === "none" ? { kind: "other", next: k, end: phraseEnd } : h;
  }
  let consumedUnknown = false;
  let lastUnknown: Tok | null = null;
  for (let k = j; k < toks.length && k < j + 5; k++) {
    const t = toks[k] as Tok;
    // 21 "rioters": a word in quotation marks is the word.
    if (t.lower === '"' && /^[a-z]/.test(toks[k + 1]?.lower ?? "") && (k === j || toks[k + 2]?.lower === '"')) continue;
    if (/^[,;:()"\u2013\u2014]$/.test(t.lower)) break;
    // "death row prisoners", "death sentences"
    if (t.lower === "death" && (toks[k + 1]?.lower === "sentences" || toks[k + 1]?.lower === "sentence")) {
      // "133 death sentences were carried out": executions.
      const carried = /^\s+(?:were|have been|had been|was)\s+(?:[a-z]+ly\s+)?(?:carried out|implemented|enforced|executed)\b/.test(lower.slice((toks[k + 1] as Tok).end, (toks[k + 1] as Tok).end + 50));
      return { kind: "event", event: carried ? "execution" : "death_sentence", next: k + 2, end: (toks[k + 1] as Tok).end };
    }
    // "3,000 cases of torture", "12 cases of enforced disappearance": the cases are the events.
    if ((t.lower === "cases" || t.lower === "incidents" || t.lower === "instances") && toks[k + 1]?.lower === "of") {
      // "cases of arbitrary detention", "instances of enforced disappearance"
      const what = /^(?:enforced|forced|arbitrary|unlawful|illegal|extrajudicial|summary|alleged|custodial|involuntary)$/.test(toks[k + 2]?.lower ?? "") ? toks[k + 3] : toks[k + 2];
      const ev = what ? (what.lower === "torture" ? "torture" : matchEventNoun(what.lower)) : null;
      if (ev && what) return { kind: "event", event: ev, next: toks.indexOf(what) + 1, end: what.end };
    }
    // A verb phrase ends the noun phrase even in a title-case headline ("12 Gunned Down By …").
    if (k > j && phraseAt(lower, t.start)) return { kind: consumedUnknown ? "other" : "none", next: k, end: lastUnknown?.end ?? phraseEnd };
    if (k === j && phraseAt(lower, t.start)) return { kind: "none", next: k, end: phraseEnd };
    if (t.lower === "death" && toks[k + 1]?.lower === "row") {
      return { kind: "event", event: "death_row", next: k + 2, end: (toks[k + 1] as Tok).end };
    }
    const ev = matchEventNoun(t.lower);
    if (ev && !(t.lower === "dead" && k > j)) return { kind: "event", event: ev, next: k + 1, end: t.end };
    if (VICTIM_NOUNS.has(t.lower)) {
      // "12 child offenders": keep reading compound victim nouns.
      let e = k;
      while (e + 1 < toks.length && e < k + 2 && VICTIM_NOUNS.has((toks[e + 1] as Tok).lower)) e++;
      return { kind: "victim", next: e + 1, end: (toks[e] as Tok).end };
    }
    if (WEAK_VICTIM_NOUNS.has(t.lower)) {
      // "eleven members of the Baha'i faith", "followers of a Sufi order": a community's people.
      if (toks[k + 1]?.lower === "of") {
        for (let e = k + 2; e < toks.length && e <= k + 6; e++) {
          const w = (toks[e] as Tok).lower;
          if (/^[,;:()"]$/.test(w)) break;
          if (COMMUNITY.test(w)) return { kind: "victim", next: e + 1, end: (toks[e] as Tok).end };
        }
      }
      return { kind: "weak", next: k + 1, end: t.end };
    }
    if (NON_COUNT_UNITS.test(t.lower)) return { kind: "other", next: k + 1, end: t.end };
    if (PHRASE_STOPS.has(t.lower) || matchVerb(t.lower)) {
      if (consumedUnknown) return { kind: "other", next: k, end: lastUnknown?.end ?? t.start };
      return { kind: "none", next: k, end: phraseEnd };
    }
    if (/^\d/.test(t.lower)) return { kind: "other", next: k, end: t.start };
    if (/^[A-Z][a-z'-]+$/.test(t.text)) {
      const nextTok = toks[k + 1];
      // "Kurdish political prisoners", "Christian converts"; but "Islamists suspected of …" ends the phrase.
      const continues = nextTok && !PHRASE_STOPS.has(nextTok.lower) && !matchVerb(nextTok.lower) && /^[a-z]/.test(nextTok.lower) &&
        !(/(?:ists|ians|ans|is|ese|ites)$/.test(t.lower) && /(?:ed|en)$/.test(nextTok.lower));
      if (continues) continue;
      const allCapitalised = toks.slice(j, k).every((x) => /^[A-Z]/.test(x.text));
      if ((k === j || allCapitalised) && /(?:ans|ians|is|ese|ish|ists|ites|s)$/.test(t.lower)) return { kind: "weak", next: k + 1, end: t.end };
      // "one Somali", "a single Yemeni": one capitalised word that ends the phrase.
      if (k === j && (!nextTok || /^[,;:()"\u2013\u2014]$/.test(nextTok.lower) || PHRASE_STOPS.has(nextTok.lower))) return { kind: "weak", next: k + 1, end: t.end };
    }
    consumedUnknown = true;
    lastUnknown = t;
  }
  return { kind: consumedUnknown ? "other" : "none", next: j, end: lastUnknown?.end ?? phraseEnd };
}

/** Nouns naming a community whose members a report counts ("members of the Baha'i faith"). */
const COMMUNITY = /^(?:faith|community|communities|minority|minorities|religion|church|sect|order|party|parties|movement|union|unions|tribe|clan|group|association|organi[sz]ation|network|collective|syndicate|federation|society|campaign|coalition|alliance|opposition|congregation)$/;
