// The voice a sentence speaks in, and the sentences that present or continue a report.
import type { SourceRegistry } from "../sources.js";
import { attributeSentence, type Memory } from "./attribution.js";
import { dataHolder, isNotASource, maskDateline, unnamedVoice } from "./voice.js";

/** A sentence that presents a source's own report or records, whose voice the next sentences continue. */
export const OWN_REPORT = /\b(?:report|statistic|data|figures|documented|documents|recorded|records|registered|tally|count(?:ed|s)?|monitoring)\b/i;
/** A sentence that continues the report before it ("Additionally, …", "Among these, …", "It also …"). */
export const CONTINUES = /^(?:additionally|in addition|also|moreover|furthermore|further|besides|meanwhile|this month|among (?:these|them|those)|of (?:these|them|those)|the (?:report|group|organi[sz]ation)|it also|they also)\b/i;

/**
 * A sentence's own voice, found before the sentence joins the memory; it carries through the rest
 * of its paragraph ("X has released its monthly report. This month, 125 …"). Only a source that
 * speaks ("X said", "according to X", "X's figures") goes on speaking in the next sentences;
 * "executions announced by the agency" describes, it does not credit.
 */
export function sentenceVoice(s: string, firstInUnit: boolean, mayClaim: boolean, registry: SourceRegistry, memory: Memory): { ownVoice: string[]; reports: boolean; at: ReadonlyMap<string, number>; lastCue: number } {
  const found = attributeSentence(firstInUnit ? maskDateline(s) : s, registry, memory);
  let ownVoice = (found?.names ?? []).filter((n) => !isNotASource(n, registry));
  let reports = found !== null && found.how !== "by-phrase" && (OWN_REPORT.test(s) || mayClaim);
  const holder = dataHolder(s, registry);
  if (holder && !ownVoice.includes(holder) && !isNotASource(holder, registry)) {
    ownVoice.push(holder);
    reports = true;
  }
  if (ownVoice.length === 0) {
    const unnamed = unnamedVoice(s);
    if (unnamed) ownVoice = [unnamed];
  }
  return { ownVoice, reports, at: found?.at ?? NO_POSITIONS, lastCue: found?.lastCue ?? -1 };
}

const NO_POSITIONS: ReadonlyMap<string, number> = new Map();
