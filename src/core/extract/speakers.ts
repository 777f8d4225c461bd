// Speakers beyond one sentence's credit: who "he said" refers to, who speaks a quotation, and
// the named speakers a sentence introduces for later pronouns.
import type { SourceRegistry } from "../sources.js";
import { looksLikePerson, PRONOUN_SUBJECT, REPORT_VERBS, subjectBefore, type Memory, type Speaker } from "./attribution.js";
import { matchesOf } from "./scan.js";

/** The speaker a pronoun subject ("he said", "she points out") refers to, if any. */
export function pronounSpeaker(sentence: string, memory: Memory): string | null {
  const m = PRONOUN_SUBJECT.exec(sentence);
  if (!m) return null;
  const pron = (m[1] as string).toLowerCase();
  return memory.lastSpeaker(pron === "he" || pron === "she")?.name ?? null;
}

/** "Claes said:" before a quotation, and ", she said" or "said Claes" after it (compiled once). */
const QUOTE_INTRO = new RegExp(`([A-Z][\\w.'-]*(?:\\s+[A-Z][\\w.'-]*){0,3}|\\b[Hh]e|\\b[Ss]he|\\b[Tt]hey)\\s+(?:also\\s+)?(?:${REPORT_VERBS}|continued|concluded)(?:\\s+(?:in|on|at|during|to)\\s+[^,:"]{1,60})?\\s*[:,]?\\s*$`);
const QUOTE_OUTRO = new RegExp(`^\\s*,?\\s*(?:(he|she|they)\\s+(?:${REPORT_VERBS})|(?:${REPORT_VERBS})\\s+([A-Z][\\w.'-]*(?:\\s+[A-Z][\\w.'-]*){0,3})|([A-Z][\\w.'-]*(?:\\s+[A-Z][\\w.'-]*){0,3})\\s+(?:${REPORT_VERBS}))`);

/** Finds the speaker of each quotation in a paragraph: ranges (paragraph-relative) and names. */
export function quotedSpeakers(paragraph: string, registry: SourceRegistry, memory: Memory): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  const quoteRe = /"([^"]{8,})("|$)/g;
  let m: RegExpExecArray | null;
  while ((m = quoteRe.exec(paragraph)) !== null) {
    const start = m.index;
    const end = m.index + m[0].length;
    const before = paragraph.slice(Math.max(0, start - 160), start);
    const after = paragraph.slice(end, end + 120);
    let name: string | null = null;
    const intro = QUOTE_INTRO.exec(before);
    const outro = QUOTE_OUTRO.exec(after);
    if (intro) {
      const who = (intro[1] as string).trim();
      name = /^(?:he|she|they)$/i.test(who) ? resolvePronoun(who, memory) : registry.normalize(who);
    } else if (outro) {
      if (outro[1]) name = resolvePronoun(outro[1], memory);
      else name = registry.normalize(((outro[2] ?? outro[3]) as string).trim());
    }
    if (name) out.push({ start, end, name });
  }
  return out;
}

function resolvePronoun(pron: string, memory: Memory): string | null {
  return memory.lastSpeaker(/^(?:he|she)$/i.test(pron))?.name ?? null;
}

const SPEAKER_VERB = new RegExp(`\\b(?:${REPORT_VERBS}|called|urged|continued)\\b`, "g");
/** A speaker introduced by a reporting verb, by what they are, or by a title after a comma (one test for all three). */
const MAY_INTRODUCE = new RegExp(`\\b(?:${REPORT_VERBS}|called|urged|continued)\\b|\\b(?:is|was|has been)\\s+(?:a|an|the)\\s|,\\s+(?:the\\s+|a\\s+|former\\s+)?[A-Za-z -]{0,40}\\b(?:mayor|minister|spokes|director|head|chief|president|rapporteur|lawyer|researcher|activist|MP|member)`);
// MAY_INTRODUCE's second and third branches: each search below needs its own.
const INTRODUCED_AS = /\b(?:is|was|has been)\s+(?:a|an|the)\s/;
const TITLE_AFTER_COMMA = /,\s+(?:the\s+|a\s+|former\s+)?[A-Za-z -]{0,40}\b(?:mayor|minister|spokes|director|head|chief|president|rapporteur|lawyer|researcher|activist|MP|member)/;
/** "Sara Ahmadi is a researcher at …": people introduced by what they are. */
const PERSON_IS = /\b([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}),?\s+(?:is|was|has been)\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(?:researcher|spokesperson|spokesman|spokeswoman|director|lawyer|activist|official|head|chief|rapporteur|analyst|investigator|member|founder|journalist|reporter|monitor|expert)\b/g;
/** "Dirk Claes, Mayor of X, …": people introduced with a title before they speak. */
const PERSON_TITLED = /\b([A-Z][a-z'-]+\s+[A-Z][a-z'-]+),\s+(?:the\s+|a\s+|former\s+)?[A-Za-z -]{0,40}\b(?:mayor|minister|spokesperson|spokesman|spokeswoman|director|head|chief|president|rapporteur|lawyer|researcher|activist|MP|member)\b/g;

/** Named speakers a sentence introduces ("Dirk Claes said", "Claes said:"), for later pronouns. */
export function speakersIn(sentence: string, registry: SourceRegistry): Speaker[] {
  const out: Speaker[] = [];
  if (!MAY_INTRODUCE.test(sentence)) return out;
  const re = SPEAKER_VERB;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence)) !== null) {
    const who = subjectBefore(sentence, m.index, registry, null);
    if (who && !out.some((o) => o.name === who.name)) out.push(who);
  }
  // People introduced by what they are ("Sara Ahmadi is a researcher at …").
  if (INTRODUCED_AS.test(sentence)) {
    for (const p of matchesOf(PERSON_IS, sentence)) {
      const name = registry.normalize(p[1] as string);
      if (!out.some((o) => o.name === name)) out.push({ name, person: true });
    }
  }
  // People introduced with a title before they speak ("Dirk Claes, Mayor of X, …").
  if (TITLE_AFTER_COMMA.test(sentence)) {
    for (const p of matchesOf(PERSON_TITLED, sentence)) {
      const raw = p[1] as string;
      const name = registry.normalize(raw);
      if (!out.some((o) => o.name === name) && (looksLikePerson(raw, registry) || registry.lookup(raw))) out.push({ name, person: true });
    }
  }
  return out;
}
