// Independent voices: sources of one network, and syndicated copies of one text, count once.
import { figureInterval } from "./intervals.js";
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
export function speakerOf(c: LinkClaim): string {
  return c.source ?? c.reportedBy ?? c.documentName;
}

/**
 * The voices among a fact's claims. Each voice's figure is its latest claim (by publication
 * date); among claims of the same date, the higher figure, since later finds only add.
 */
export function collectVoices(claims: readonly LinkClaim[], networkOf: (name: string) => string | null): Voice[] {
  const groups = new Map<string, { key: VoiceKey; claims: LinkClaim[] }>();
  for (const c of claims) {
    const key = voiceOf(c, networkOf);
    const g = groups.get(key.id);
    if (g) g.claims.push(c);
    else groups.set(key.id, { key, claims: [c] });
  }
  const voices: Voice[] = [];
  for (const { key, claims: cs } of groups.values()) {
    const sorted = [...cs].sort(byPublication);
    const lastDate = sorted[sorted.length - 1]?.published ?? null;
    let fig = sorted[sorted.length - 1] as LinkClaim;
    for (const c of sorted) if (c.published === lastDate && c.count > fig.count) fig = c;
    const sources = [...new Set(sorted.map(speakerOf))].sort();
    const iv = figureInterval(fig.count, fig.qualifier);
    voices.push({
      id: key.id,
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
