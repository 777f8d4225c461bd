// Breakdowns: "90 were killed, 14 of them children", "60 hanged, including 52 men and 8
// women". The smaller figures of such a sentence are parts of the larger one and never rival it.
import { figureEnd, figureOffset } from "./figure.js";
import { eventFamily } from "./scope.js";
import type { LinkClaim } from "./types.js";

/** Words between a whole and its parts that open a breakdown. */
const OPENS_BREAKDOWN = /\b(?:including|includ(?:ed|es)|among (?:them|whom|those|these|which)|of (?:them|whom|those|these|which)|of the (?:total|dead|victims)|comprising|such as)\b|:\s*$/i;
/** Words right after a figure that make it a part of what came before ("32 of them"). */
const NAMES_PART = /^[\s\p{L}-]{0,30}?\b(?:of (?:them|whom|those|these|which)|among (?:them|whom|those))\b/iu;
/**
 * A sentence that opens on the group the sentence before counted: "Of these executions, 88 were
 * …", "Among them were 4 women", "از این تعداد …", "من بينهم …", "Parmi eux, …".
 */
const OPENS_ON_GROUP = /^[\s"'«“(-]*(?:of (?:these|them|those|whom|the total)|among (?:them|these|those|whom|the (?:dead|victims|executed|prisoners|detainees))|(?:these|they) included|از\s*(?:این|آن)\s*(?:تعداد|میان|شمار)|(?:از|در)\s*(?:میان|بین)\s*(?:آنها|آنان|ایشان)|و?من\s+بينهم|و?بينهم|و?منهم|و?من\s+بين\s+هؤلاء|parmi\s+(?:eux|elles|les\s+victimes))(?![\p{L}])/iu;
/** A figure that names itself a part of a total counted for a period ("13 of this month's executions"). */
const OF_PERIOD_TOTAL = /^\s+of (?:this|last|that|the) (?:month|year|week)['’]s\b/iu;

/**
 * Ids of claims that their document gives as parts of a larger figure of the same kind of event
 * in the same sentence: after the larger figure a breakdown opens ("including", "of them", a
 * colon), or the smaller figure is followed by "of them" / "of whom".
 */
export function breakdownParts(claims: readonly LinkClaim[]): Set<string> {
  // Documents first (cheap keys); sentences only within documents with several claims.
  const byDocument = new Map<string, LinkClaim[]>();
  for (const c of claims) {
    // A sentence without a written figure (no count span, no digit) has no breakdown to find.
    if (c.countAt === undefined && !/[\d\u0660-\u0669\u06F0-\u06F9]/.test(c.quote)) continue;
    const same = byDocument.get(c.documentId);
    if (same) same.push(c);
    else byDocument.set(c.documentId, [c]);
  }
  const bySentence: LinkClaim[][] = [];
  const parts = new Set<string>();
  for (const doc of byDocument.values()) {
    if (doc.length < 2) continue;
    // "13 of this month's executions", "Of these, 88 were …": a part of the document's larger figure of that event, in any sentence.
    for (const c of doc) {
      const at = figureOffset(c);
      const onGroup = OPENS_ON_GROUP.test(c.quote);
      if (!onGroup && (at === null || !OF_PERIOD_TOTAL.test(c.quote.slice(figureEnd(c.quote, at))))) continue;
      const family = eventFamily(c);
      // "Of these, 88 were …": a part of a larger figure of the same event in another sentence.
      if (doc.some((o) => o !== c && eventFamily(o) === family && o.count > c.count && (!onGroup || o.quote !== c.quote))) parts.add(c.id);
    }
    const sentences = new Map<string, LinkClaim[]>();
    for (const c of doc) {
      const key = `${eventFamily(c)}\u0000${c.quote}`;
      const same = sentences.get(key);
      if (same) same.push(c);
      else sentences.set(key, [c]);
    }
    for (const s of sentences.values()) if (s.length > 1) bySentence.push(s);
  }
  for (const sentence of bySentence) {
    if (sentence.length < 2) continue;
    const list: { claim: LinkClaim; at: number }[] = [];
    for (const c of sentence) {
      const at = figureOffset(c);
      if (at !== null) list.push({ claim: c, at });
    }
    list.sort((a, b) => a.at - b.at);
    for (let j = 1; j < list.length; j++) {
      const part = list[j] as { claim: LinkClaim; at: number };
      const after = part.claim.quote.slice(figureEnd(part.claim.quote, part.at));
      for (let i = 0; i < j; i++) {
        const whole = list[i] as { claim: LinkClaim; at: number };
        if (whole.claim.count <= part.claim.count || whole.at === part.at) continue;
        const between = part.claim.quote.slice(figureEnd(whole.claim.quote, whole.at), part.at);
        if (OPENS_BREAKDOWN.test(between) || NAMES_PART.test(after)) {
          parts.add(part.claim.id);
          break;
        }
      }
    }
  }
  return parts;
}
