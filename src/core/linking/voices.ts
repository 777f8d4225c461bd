// Independent voices: sources of one network, and syndicated copies of one text, count once.
import { figureOffset } from "./figure.js";
import { figureInterval, overlaps } from "./intervals.js";
import { flat } from "./strings.js";
import type { LinkClaim, Voice } from "./types.js";

/** Which voice a claim speaks with, and whether that voice is in the source registry. */
export interface VoiceKey {
  id: string;
  registered: boolean;
}

/**
 * The voice of a claim: the network of its source; else the source itself; else (no source
 * credited) the network of the outlet carrying it; else the outlet; else its group of
 * near-duplicate documents. A wire service citing an organisation is thus that organisation.
 */
export function voiceOf(c: LinkClaim, networkOf: (name: string) => string | null): VoiceKey {
  if (c.source) {
    const net = c.sourceNetwork ?? networkOf(c.source);
    return net ? { id: `net:${net}`, registered: true } : { id: `src:${c.source.toLowerCase()}`, registered: false };
  }
  if (c.reportedBy) {
    const net = networkOf(c.reportedBy);
    return net ? { id: `net:${net}`, registered: true } : { id: `out:${c.reportedBy.toLowerCase()}`, registered: false };
  }
  return { id: `doc:${c.duplicateGroup}`, registered: false };
}

/** Orders claims oldest first by publication date (undated first), then by id. */
export function byPublication(a: LinkClaim, b: LinkClaim): number {
  const pa = a.published ?? "";
  const pb = b.published ?? "";
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Name a claim is heard under: its source, else its outlet, else its document. */
export function speakerOf(c: Pick<LinkClaim, "source" | "reportedBy" | "documentName">): string {
  return c.source ?? c.reportedBy ?? c.documentName;
}

/**
 * A source described rather than named: "rights group", "the NGO", "Norway-based Iranian human rights
 * group", "Iran human rights group", "monitoring group" (generic words, in lower case but for a place
 * or nationality before them).
 */
const DESCRIPTION = /^(?:(?:[A-Z][a-z]+-based|[A-Z][a-z]+(?:ian|ean|ese|ish|i))\s+)*(?:[A-Z][a-z]+\s+(?=[a-z]))?(?:[a-z][a-z-]*\s+){0,4}(?:group|ngo|organi[sz]ation|monitor|watchdog|activists|campaigners|defenders|observers|network)s?$|^(?:NGO|ONG)s?$/;

/** True when a credited source is a description, not a name (see DESCRIPTION). */
export function isDescription(source: string): boolean {
  return DESCRIPTION.test(source);
}

/** Words that give an order of magnitude rather than a count. */
const VAGUE = /^(?:dozens|hundreds|thousands|tens of thousands|hundreds of thousands|scores|several|many|numerous|a few)\b/i;

const VAGUE_ANYWHERE = /\b(?:dozens|hundreds|thousands|scores|several|many|numerous|a few)\b/i;

/** True when a figure is an order of magnitude ("hundreds", "dozens"), not a count. */
export function isVague(c: Pick<LinkClaim, "quote" | "count" | "countAt">): boolean {
  if (!VAGUE_ANYWHERE.test(c.quote)) return false;
  const at = figureOffset(c);
  if (at !== null) return VAGUE.test(c.quote.slice(at));
  return /\b(?:dozens|hundreds|thousands|scores)\b/i.test(c.quote);
}

/**
 * The voice of each claim of one fact. An uncredited claim (the publisher's own words, a
 * headline) restating a figure that the same document credits to a source is that source's
 * voice, not a second one: one document is at most one voice per figure it reports.
 */
export function voicesOfClaims(claims: readonly LinkClaim[], networkOf: (name: string) => string | null): Map<string, VoiceKey> {
  const keys = new Map<string, VoiceKey>();
  const credited = new Map<string, LinkClaim[]>();
  for (const c of claims) {
    keys.set(c.id, voiceOf(c, networkOf));
    if (c.source && !isDescription(c.source)) {
      const list = credited.get(c.documentId);
      if (list) list.push(c);
      else credited.set(c.documentId, [c]);
    }
  }
  for (const c of claims) {
    // A source described, not named ("a monitoring group says …"), is the named source of the
    // same document giving a figure that agrees with it, as an uncredited restatement is.
    if (c.source && !isDescription(c.source)) continue;
    const iv = figureInterval(c.count, c.qualifier);
    const match = credited.get(c.documentId)?.find((o) => overlaps(iv, figureInterval(o.count, o.qualifier)));
    const key = match ? keys.get(match.id) : undefined;
    if (key) keys.set(c.id, key);
  }
  return keys;
}

/**
 * The figure that stands for a voice: its latest claim by publication date, a precise figure
 * before a vague one ("hundreds") whatever their dates, and the higher figure among claims of
 * the same date, since later finds only add. When the voice stated that count earlier with
 * another qualifier, its first dated statement of the count stands (the original, not a relay).
 */
export function standingClaim(sorted: readonly LinkClaim[]): LinkClaim {
  const precise = sorted.length > 1 ? sorted.filter((c) => !isVague(c)) : sorted;
  const pool = precise.length > 0 ? precise : sorted;
  const lastDate = pool[pool.length - 1]?.published ?? null;
  let fig = pool[pool.length - 1] as LinkClaim;
  for (const c of pool) if (c.published === lastDate && c.count > fig.count) fig = c;
  // The same count stated again later (a news report relaying the figure, often without its "at
  // least") is not a new figure: the voice's first dated statement of it stands, as published.
  return pool.find((c) => c.count === fig.count && c.published !== null) ?? fig;
}

/** The voices among a fact's claims, each with its standing figure (see standingClaim). */
export function collectVoices(claims: readonly LinkClaim[], networkOf: (name: string) => string | null): Voice[] {
  const groups = new Map<string, { key: VoiceKey; claims: LinkClaim[] }>();
  const keys = voicesOfClaims(claims, networkOf);
  for (const c of claims) {
    const key = keys.get(c.id) as VoiceKey;
    const g = groups.get(key.id);
    if (g) g.claims.push(c);
    else groups.set(key.id, { key, claims: [c] });
  }
  const voices: Voice[] = [];
  for (const { key, claims: cs } of groups.values()) {
    const sorted = [...cs].sort(byPublication);
    const fig = standingClaim(sorted);
    const sources = [...new Set(sorted.map(speakerOf))].sort();
    const iv = figureInterval(fig.count, fig.qualifier);
    voices.push({
      id: flat(key.id),
      label: sources.join(" / "),
      sources,
      claimIds: sorted.map((c) => c.id),
      figureClaimId: fig.id,
      count: fig.count,
      qualifier: fig.qualifier,
      lo: iv.lo,
      hi: iv.hi,
      registered: key.registered,
    });
  }
  return voices.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
