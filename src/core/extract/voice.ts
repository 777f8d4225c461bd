// Who speaks, beyond the sentence's own credit: a headline's trailing credit ("…: Amnesty",
// "… – rights group"), a report's own voice carried through its paragraph, unnamed sources
// ("medical and police sources said"), and what is never a source (datelines, places).
import { getPlace, placeNamed } from "../places.js";
import type { SourceRegistry } from "../sources.js";
import { nameIn } from "./attribution.js";

/**
 * A wire dateline at the start of a line: "CAIRO (AP) —", "DUBAI:", "KABUL, Oct 21 (Agency).-",
 * "BEIRUT, Jan 3 (Wire) -".
 * Group 0 is the whole dateline, to be blanked before looking for the sentence's voice.
 */
const DATELINE = /^\s*(?:\([A-Z][^()]{1,40}\)\s*(?=[A-Z])|(?:[A-Z][A-Z.'-]{2,}(?:[ ,]+[A-Z][A-Za-z.'-]+){0,3}(?:\s+\d{1,2}(?:,?\s+\d{4})?)?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*(?:\([^()]{1,40}\))?\s*(?:[-\u2013\u2014:]|\.-)\s*)/;

/** The sentence with a leading dateline blanked out (same length, so offsets hold). */
export function maskDateline(sentence: string): string {
  const m = DATELINE.exec(sentence);
  if (!m || !/[A-Z]{3}|\)/.test(m[0])) return sentence;
  // "(HRANA): …" is a credit, not a dateline: leadingCredit reads it.
  if (/^\s*\([^()]*\)\s*:/.test(m[0])) return sentence;
  return " ".repeat(m[0].length) + sentence.slice(m[0].length);
}

/** True when a name found as a voice is a place ("Urmia recorded …", "Iraq has condemned …") or a dateline word. */
export function isNotASource(name: string, registry: SourceRegistry): boolean {
  if (registry.lookup(name)) return false;
  // A place by its name, not a people ("according to Armenian estimates" credits Armenians).
  if (placeNamed(name)) return true;
  // "the group in Norway", "West Azarbaijan province"
  if (/^(?:[A-Z][a-z]+\s+)?(?:province|city|county|district|region)$/i.test(name)) return true;
  if (WHEN_WORDS.test(name)) return true;
  return /^[A-Z]{4,}$/.test(name); // an unknown all-capitals word: a dateline city ("DUBAI:")
}

/** Weekdays and months, which a loose subject search may take for names ("the group on Thursday said"). */
const WHEN_WORDS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday)$/i;

const ORG_TAIL = /\b(?:group|groups|organi[sz]ation|monitor|watchdog|ngo|network|agency|rapporteur|report|says|said|figures|data|tally)$/i;

/**
 * The credit at the end of a headline: "Hundreds killed in crackdown: Amnesty", "… – rights
 * group", "…—Group Name Report", "…, Amnesty says". Only for lines that do not end like a sentence.
 */
export function headlineCredit(line: string, registry: SourceRegistry): string | null {
  const text = line.trim();
  if (/[.!?]["')\]]?$/.test(text)) return null;
  const says = /,\s+([A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,5})\s+(?:says|said|reports|finds|warns)$/.exec(text);
  if (says) return nameIn(says[1] as string, registry);
  const tail = /(?::|\s[-\u2013\u2014]|[\u2013\u2014])\s*([^:\u2013\u2014]{2,60})$/.exec(text);
  if (!tail) return null;
  let credit = (tail[1] as string).trim().replace(/\s+(?:report|reports|says|said|figures|data)$/i, "");
  if (!credit || /\d/.test(credit)) return null;
  const known = registry.findIn(credit);
  if (known.length > 0) return (known[known.length - 1] as { short: string }).short;
  // A named credit is capitalised throughout; an unnamed one is a kind of organisation ("rights group").
  if (/^(?:[A-Z][\w.'&-]*\s*){1,5}$/.test(credit) && !getPlace(credit)) return registry.normalize(credit);
  credit = credit.replace(/^(?:the|a|an)\s+/i, "");
  return /^[a-z][a-z -]{2,40}$/.test(credit) && ORG_TAIL.test(credit) ? credit : null;
}

/** "…, medical and police sources said", "rights groups estimate", "according to activists": an unnamed voice, kept as the text names it. */
const UNNAMED_WHO = "((?:[a-z]+(?:\\s+and\\s+[a-z]+)?\\s+){0,3}(?:sources|officials|activists|witnesses|residents|medics|doctors|lawyers|groups|monitors))";
const UNNAMED = new RegExp(`(?:^|,\\s+|\\s)${UNNAMED_WHO}\\s+(?:said|say|says|told|reported|confirmed|estimate|estimates|estimated)\\b|\\baccording\\s+to\\s+${UNNAMED_WHO}\\b(?!\\s+(?:of|at|for|in|from|with)\\s+(?:the\\s+)?[A-Z])`);

const UNNAMED_CUE = /(?:sources|officials|activists|witnesses|residents|medics|doctors|lawyers|groups|monitors)\s+(?:said|say|says|told|reported|confirmed|estimate|estimates|estimated)\b|\baccording\s+to\s/i;

/** The unnamed voice a sentence cites, or null. */
export function unnamedVoice(sentence: string): string | null {
  if (!UNNAMED_CUE.test(sentence)) return null; // the pattern's last words, tested alone first
  // "Rights groups estimate …": the sentence's capital is not a name's.
  const text = /^[A-Z][a-z]/.test(sentence) ? sentence[0]?.toLowerCase() + sentence.slice(1) : sentence;
  const m = UNNAMED.exec(text);
  if (!m) return null;
  // "…, but activists say": the conjunction opens the clause, it is not part of the voice.
  const who = ((m[1] ?? m[2]) as string).trim().replace(/^(?:but|and|while|whereas|yet|though|although|so)\s+/, "");
  // A bare "groups" names no kind of voice.
  if (who === "groups") return null;
  return /^(?:the|some|other|many|several)\s/.test(who) ? who.replace(/^(?:the|some|other|many|several)\s+/, "") : who;
}

/** "statistics recorded at X", "data registered by the X's Statistics Center": the X that holds the data. */
const DATA_AT = /\b(?:statistics|data|figures|records|documentation|information)\s+(?:recorded|registered|documented|compiled|collected|gathered|held|kept)\s+(?:at|by|in)\s+(?:the\s+)?([A-Z][\w.&'-]*(?:\s+(?:of|for|and|on)?\s*[A-Z][\w.&'-]*){0,8})/;

/** A department of an organisation that keeps its records ("Documentation Centre", "Statistics Unit"). */
const DEPARTMENT = /^(?:Statistics|Statistical|Documentation|Documents|Research|Monitoring|Data)(?:\s+(?:and|&)\s+[A-Z]\w*)?\s+(?:Center|Centre|Department|Unit|Office|Section|Division)$/;
const OF_ORG = /^\s+of\s+(?:the\s+)?([A-Z][\w.&'-]*(?:\s+(?:of|for|and|on)?\s*[A-Z][\w.&'-]*){0,8})/;
const DATA_AT_CUE = /(?:recorded|registered|documented|compiled|collected|gathered|held|kept)\s+(?:at|by|in)\s/;

/** The organisation whose records a sentence cites, or null. */
export function dataHolder(sentence: string, registry: SourceRegistry): string | null {
  if (!DATA_AT_CUE.test(sentence)) return null; // the pattern's middle words, tested alone first
  const m = DATA_AT.exec(sentence);
  if (!m) return null;
  const raw = (m[1] as string).replace(/'s?\s+(?:Statistics|Documentation|Research|Monitoring|Data)\b.*$/, "").replace(/'s?$/, "");
  // "the Documentation Centre of the X Organisation": the department speaks for X.
  if (DEPARTMENT.test(raw)) {
    const of = OF_ORG.exec(sentence.slice(m.index + m[0].length));
    if (of) return registry.normalize(of[1] as string);
  }
  return registry.normalize(raw);
}

/** A cheap test for a sentence that may name a voice at all. */
export const MAY_NAME_VOICE = /\b(?:said|says|report|statistic|document|record|according|data|figures|regist|publish|releas|announc|told|count|tally|stated|found|monitor)/i;
