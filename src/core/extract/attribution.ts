// Finds who a sentence credits for its figures: "according to X", "X said / reported",
// "reported by X", "a tally by X", "X's figures", a leading "(ORG):" credit, a quotation
// attributed to a named speaker, and "he/she said" resolved to the nearest named speaker.
import { getPlace } from "../places.js";
import { cleanSourceName, defaultRegistry, type SourceRegistry } from "../sources.js";
import { antecedent, ORG_NOUN, type Memory, type Speaker } from "./descriptions.js";
import { isSpaceCode, matchesOf } from "./scan.js";

export type { Memory, NamedOrg, Speaker } from "./descriptions.js";

/** Who a sentence credits, best first. */
export interface Attribution {
  /** Normalised short names, primary first. */
  names: string[];
  /** How the credit was found (for explanations). */
  how: string;
  /** Where in the sentence each name's credit stands (its reporting verb, "according to", the by-phrase). */
  at: Map<string, number>;
  /** Where the sentence's last credit stands (a name credited twice is placed at its first). */
  lastCue: number;
}

export const REPORT_VERBS =
  "said|says|say|reported|announced|announces|confirmed|confirms|stated|states|documented|documents|recorded|records|" +
  "estimated|estimates|counted|counts|found|finds|noted|notes|told|wrote|writes|added|adds|tallied|verified|registered|" +
  "highlighted|revealed|reveals|claimed|claims|alleged|published|released|acknowledged|asserted|explained|warned|" +
  "points out|pointed out|expressed|shows|showed|show|suggests|suggested|indicates|indicated|alarmed|concerned|deplored|deplores|condemned|condemns|regretted|regrets|declared|insisted|observed|tweeted|posted|indicated|believes|believed|calculated|compiled|" +
  "learned|learnt";

const SUBJECT_VERB = new RegExp(`\\b(?:has |have |had |also |further |later |previously |separately |)(?:(?:${REPORT_VERBS})\\b|(?:raised|revised|put|puts|updated|lowered|gave|placed|set|increased|cut)\\s+(?:the|its|their)\\s+(?:death\\s+)?(?:toll|figure|count|tally|number|estimate)\\b)`, "g");
const ACCORDING = /\baccording to\s+/gi;
/** The end of the text before a passive reporting verb: "are believed", "were widely said". */
const PASSIVE_BEFORE = /\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+)?$/i;
/** A relative clause about the events themselves, right before "announced by" (anchored $). */
const EVENTS_ANNOUNCED = /\b(?:executions?|hangings?|killings?|deaths?|arrests?|sentences?)\s*,?\s+(?:which|that)\s+(?:are|were|is|was|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?$/i;
const BY_PHRASE = new RegExp(
  "\\b(?:(?:reported|announced|documented|compiled|confirmed|recorded|tallied|verified|published|released|issued|cited|gathered|collected|counted|estimated|provided|registered|highlighted|revealed|made public)\\s+by|" +
  "(?:a|an|the)\\s+(?:tally|count|report|statement|study|survey|analysis|investigation|database|list|letter|estimate|census|review|monitoring|records?)\\s+(?:by|from|of)|" +
  "(?:figures|data|statistics|numbers|estimates|information|reports|records)\\s+(?:from|by|compiled by|gathered by|collected by))\\s+", "gi");
const POSSESSIVE = /\b([A-Z][\w.&-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w.&-]*){0,6})'s?\s+(?:(?:own|latest|new|identified|verified|confirmed|documented|updated|official|provisional|final|monthly|annual|preliminary)\s+)?(?:figures|figure|tally|count|report|data|statement|records|research|documentation|estimate|estimates|statistics|numbers|database|monitoring|annual report)\b/g;
const INVERTED = new RegExp(`(?:^|[,"\u201d]\\s*)(?:${REPORT_VERBS})\\s+(?:the\\s+|an?\\s+)?([A-Z][\\w.&'-]*(?:\\s+[A-Z][\\w.&'-]*){0,5})`, "g");
export const PRONOUN_SUBJECT = new RegExp(`\\b(he|she|they|it)\\s+(?:also\\s+|further\\s+)?(?:${REPORT_VERBS})\\b`, "i");
const LEADING_PARENS = /^\s*((?:\([^()]{1,60}\)\s*(?:(?:and|&|,)\s*)?)+):\s*/;
const LEADING_DATED = /^\s*([A-Z][^;:\n]{1,80}?)\s*[;,\u2013\u2014-]\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d|\d{1,2}\s+[A-Z][a-z]+\.?\s+(?:19|20)\d\d)\s*:\s/;
const LEADING_NAME = /^\s*([A-Z][\w.&'-]*(?:\s+[\w.&'()/-]+){0,8}?)\s*:\s+(?=["A-Z0-9])/;

/** Hyphenated surnames ("Amiry-Moghaddam") count as capitalised words. */
const CAPS_RUN = /([A-Z][\w.&'-]*|\([A-Z][^()]{0,40}\))(?:\s+(?:of|for|the|on|and|in|de|al|el|van|von|bin)?\s*(?:[A-Z][\w.&'-]*|\([A-Z][^()]{0,40}\)))*/g;
const NOT_NAMES = new Set(["We", "I", "You", "Our", "My", "Their", "His", "Her", "Its", "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "This", "That", "These", "Those", "But", "And", "As", "So", "Thus", "Yet", "Then", "Now", "If", "Of", "For", "With", "By", "From", "Also", "Amid", "Among", "Following", "Under", "Moreover", "Furthermore", "Indeed", "However", "Meanwhile", "Despite", "During", "After", "Before", "While", "When", "Although", "Last", "Since", "Iranian", "Iran", "Regime",
  // "Data compiled by X shows …": what the source published, not the source.
  "Data", "Figures", "Statistics", "Numbers", "Records", "Estimates", "Information", "Reports", "Research", "Documentation"]);

/** The name a phrase names: a registry source if it contains one, else its leading capitalised run. */
export function nameIn(phrase: string, registry: SourceRegistry, fromEnd = false): string | null {
  const known = registry.findIn(phrase);
  if (known.length > 0) return (fromEnd ? known[known.length - 1] : known[0])?.short ?? null;
  // "the Oslo-based group": where it is based describes the group, it does not name it.
  let pick: string | undefined;
  for (const m of matchesOf(CAPS_RUN, phrase)) {
    const r = m[0].trim();
    if (NOT_NAMES.has(r) || !/[A-Za-z]{2}/.test(r) || /^[A-Z][\w.]*-based$/.test(r)) continue;
    pick = r;
    if (!fromEnd) break;
  }
  if (!pick) return null;
  return registry.normalize(pick.replace(/^The\s+/, ""));
}

/** True when a name looks like a person's (two or more capitalised words, not an organisation). */
export function looksLikePerson(name: string, registry: SourceRegistry): boolean {
  const known = registry.lookup(name);
  if (known) return known.kind === "person";
  return /^(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,3}$/.test(name) &&
    !/\b(?:Council|Organization|Organisation|Agency|Committee|Ministry|Office|International|Watch|Rights|News|Group|Center|Centre|Parliament|Nations|Union|Court|Police|Forces?|Guards?|Network|Campaign|Institute|Foundation|Association|Party|Government|Regime|Republic|Times|Post|Press)\b/.test(name);
}

/** One word naming a kind of body ("Office", "Mission"). */
const ORG_WORD = new RegExp(`^${ORG_NOUN}$`, "i");
const ORG_BEFORE_PLACE = new RegExp(`${ORG_NOUN}$`, "i");
const ANAPHOR_ORG = new RegExp(`^(?:the|this|that|its)\\s+(?:[\\w-]+\\s+){0,3}(?:${ORG_NOUN}|experts|rapporteurs|monitors)$`, "i");
/** "the tally shows", "its figures suggest": the data of the source last named. */
const ANAPHOR_DATA = /^(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?(?:tally|count|report|data|figures|statistics|database|survey|study|records|numbers)$/i;
const ANAPHOR_POSSESSIVE = new RegExp(`^(?:the|this|that)\\s+(?:[\\w-]+\\s+)?${ORG_NOUN}'s?\\s`, "i");
const INSTITUTION = new RegExp(`^(?:the|an?)?\\s*(?:(?:head|chief|spokesperson|spokesman|spokeswoman|director|chair|chairman|member|members|deputy head|secretary)\\s+of\\s+(?:the\\s+)?)?((?:[\\w'-]+\\s+){0,4}${ORG_NOUN})$`, "i");
const TRAILING_NAME = /((?:[A-Z][\w.&'-]*|\([^()]{1,40}\))(?:\s+(?:of|for|on|the|and|de|al|in|to|&)?\s*(?:[A-Z][\w.&'-]*|\([^()]{1,40}\)))*)(?:'s?)?$/;

/** Words that end an appositive naming a person's post ("HRW's regional director"). */
const TITLE_END = /\b(?:director|spokes(?:person|man|woman)|head|chief|researcher|chair(?:man|woman|person)?|president|minister|official|rapporteur|representative|member|founder|coordinator|expert|lawyer|analyst|secretary|advocate|campaigner|deputy|commissioner|ambassador|envoy)$/i;

const AUXILIARY = /^(?:has|have|had|is|was|are|were|remains|remained|also|further|later|previously|separately|then|again|now|already|recently|publicly|officially|[a-z]+ly)$/i;

/**
 * Drops the auxiliaries and adverbs a text ends on ("Amnesty has also"): the same as
 * replace(/(?:\s+(?:has|…|[a-z]+ly))+$/i, ""), but peeling words off the end instead of trying
 * that pattern at every space of the text.
 */
function stripAuxiliaries(text: string): string {
  let cut = text.length;
  for (;;) {
    let start = cut;
    while (start > 0 && !isSpaceCode(text.charCodeAt(start - 1))) start--;
    let space = start;
    while (space > 0 && isSpaceCode(text.charCodeAt(space - 1))) space--;
    if (start === cut || space === start || !AUXILIARY.test(text.slice(start, cut))) return text.slice(0, cut);
    cut = space;
  }
}

/** True when text.split(/\s+/) would give more than `max` pieces (runs of spaces + 1), counted without the array. */
function wordsOver(text: string, max: number): boolean {
  let pieces = 1;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i)) && (i === 0 || !isSpaceCode(text.charCodeAt(i - 1))) && ++pieces > max) return true;
  }
  return false;
}

/** The one who speaks through a reporting verb at verbIndex: a name, a pronoun or an anaphor resolved. */
export function subjectBefore(sentence: string, verbIndex: number, registry: SourceRegistry, memory: Memory | null): Speaker | null {
  let text = stripAuxiliaries(sentence.slice(0, verbIndex).trimEnd());
  if (text.endsWith(",")) {
    // "X, a spokeswoman for Y, a research group in Z, said": the head comes before the appositives.
    const segs = text.slice(0, -1).split(/,\s+/);
    let k = segs.length - 1;
    // An appositive starts in lower case ("a spokeswoman for Y") or ends in a title ("Y's regional director").
    while (k > 0 && (/^(?:a|an|the|based|working|who|which|whose|one|its|his|her|[a-z])/.test(segs[k] as string) || TITLE_END.test(segs[k] as string))) k--;
    text = (segs[k] as string).trim();
  } else {
    const that = text.includes("that") ? text.search(/\bthat\s[^,]*$/) : -1;
    // "… with the law. the X Center said": a sentence the splitter joined (no capital) ends at its full stop.
    const stop = text.lastIndexOf(". ");
    const fullStop = stop > 2 && /[a-z]{3}$/.test(text.slice(stop - 3, stop)) ? stop + 1 : -1;
    const cut = Math.max(text.lastIndexOf(", "), text.lastIndexOf("; "), text.lastIndexOf(": "), text.lastIndexOf('"'), that, fullStop);
    text = text.slice(cut + 1).trim();
  }
  // "…, while the government put the toll at 200": the conjunction opens the clause, it names no one.
  // "… as the rights group confirmed": so do "as", "after", "because" and their kin.
  text = text.replace(/^(?:while|whereas|but|and|although|though|yet|when|as|after|before|because|since|once|until|if)\s+/i, "");
  // "the rights group in Norway said": the place says where the speaker is, not who.
  const located = /\s+(?:in|from|based in)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$/.exec(text);
  if (located && registry.findIn(text).length === 0 && (getPlace(located[1] as string) || ORG_BEFORE_PLACE.test(text.slice(0, located.index)))) {
    text = text.slice(0, located.index);
  }
  if (!text || wordsOver(text, 14)) return null;
  if (/^(?:he|she)$/i.test(text)) return resolveSpeaker(true, memory);
  if (/^(?:it|they)$/i.test(text)) return resolveSpeaker(false, memory);
  const known = registry.findIn(text);
  if (known.length > 0) {
    const e = known[known.length - 1];
    if (e) return { name: e.short, person: e.kind === "person" };
  }
  const run = TRAILING_NAME.exec(text);
  if (run) {
    const raw = (run[1] as string).replace(/^(?:The|A|An)\s+/, "").trim();
    // "The Office said": a capitalised kind of body alone points back like "the office".
    if (ORG_WORD.test(raw)) {
      const back = antecedent(`the ${raw}`, memory);
      if (back !== undefined) return back;
    }
    if (raw && !NOT_NAMES.has(raw) && /[A-Za-z]{2}/.test(raw)) {
      return { name: registry.normalize(raw), person: looksLikePerson(raw, registry) || (/^[A-Z][a-z]+$/.test(raw) && !registry.lookup(raw)) };
    }
  }
  // "Amnesty accused … as the rights group confirmed": the organisation this sentence named first.
  const named = SAME_SENTENCE_ORG.test(text) ? registry.findIn(sentence.slice(0, verbIndex - text.length)).filter((e) => e.kind === "organisation") : [];
  if (named.length > 0) return { name: (named[named.length - 1] as { short: string }).short, person: false };
  // "the association said", "the Oslo-based group said": the organisation named before.
  const back = antecedent(text, memory);
  if (back !== undefined) return back;
  if (ANAPHOR_DATA.test(text)) {
    const org = memory?.lastOrg ?? null;
    if (org) return { name: org, person: false };
  }
  const inst = INSTITUTION.exec(text);
  if (inst) return { name: cleanSourceName(inst[1] as string), person: false };
  // "the interior minister told parliament", "a police spokesman said", "local officials said":
  // an office that speaks, named as written when the text gives no name.
  const office = OFFICE.exec(text);
  if (office) return { name: cleanSourceName(office[1] as string), person: !/officials$/i.test(office[1] as string) };
  return null;
}
const SAME_SENTENCE_ORG = /^the\s+(?:[\w-]+\s+)?(?:group|organi[sz]ation|ngo|watchdog|monitor|association)$/i;
/** An office described, not named: a qualified post ("the interior minister") or officials. */
const OFFICE = /^(?:the|an?)?\s*((?:[\w'-]+\s+){1,3}(?:minister|spokes(?:man|woman|person)|governor|prosecutor|mayor|commander|coroner|official)|(?:[\w'-]+\s+){0,3}officials)$/i;

function resolveSpeaker(person: boolean, memory: Memory | null): Speaker | null {
  if (!memory) return null;
  if (!person && memory.lastOrg) return { name: memory.lastOrg, person: false };
  const found = memory.lastSpeaker(person);
  if (found || !person) return found;
  // "she noted": an office one person holds ("the Special Rapporteur", "the High Commissioner").
  const office = memory.lastSpeaker(false);
  return office && ONE_PERSON_OFFICE.test(office.name) ? office : null;
}
/** Offices held by one person, who may be "he" or "she" in the next sentence. */
const ONE_PERSON_OFFICE = /\b(?:rapporteur|high commissioner|secretary-general|commissioner|ombuds(?:man|person)|president|prime minister|minister|spokes(?:man|woman|person)|envoy|prosecutor|governor)\b/i;

/** The sentence-level credit: explicit patterns inside the sentence, strongest first. */
export function attributeSentence(sentence: string, registry: SourceRegistry = defaultRegistry, memory: Memory | null = null): Attribution | null {
  const names: string[] = [];
  const at = new Map<string, number>();
  let lastCue = -1;
  const add = (n: string | null, pos: number) => {
    if (n && n.length <= 80) lastCue = Math.max(lastCue, pos);
    if (n && !names.includes(n) && n.length <= 80) {
      names.push(n);
      at.set(n, pos);
    }
  };
  let how = "";
  let possessiveFallback = false;
  // "according to X"
  ACCORDING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ACCORDING.exec(sentence)) !== null) {
    const rest = sentence.slice(m.index + m[0].length, m.index + m[0].length + 200);
    const phrase = rest.replace(/^(?:the\s+)?(?:latest\s+|new\s+|official\s+|annual\s+)?(?:reports?|figures|data|statistics|estimates|information|a report|a tally|a count|documentation|records|tallies|numbers)(?:\s+(?:tallied|compiled|gathered|collected|published|released|issued|provided|received|obtained))?(?:\s+(?:by|from|of))?\s+/i, "");
    const wide = registry.findIn(rest.split(/[.;]\s/)[0] ?? rest);
    const clip = clipPhrase(phrase);
    // "according to its figures", "according to the group's tally": the organisation last named.
    const bare = clip.trim().replace(/[.;:!?,"\u201d]+$/, "");
    // "the experts", "the group": a description without a name points back (not "the Saudi Press Agency").
    // "the Office", "the Mission": a capitalised org noun alone points back too.
    // "According to this group, Iran's courts have hanged …": the anaphor is the phrase;
    // a known name later in the sentence (the agent of the deed) is not what it refers to.
    const pointsBack = (wide.length === 0 || registry.findIn(clip).length === 0) && ANAPHOR_ORG.test(bare) && (!/[A-Z]/.test(bare.replace(/^The\b/, "")) || /^the\s+(?:Office|Mission|Committee|Commission|Council|Group|Organi[sz]ation|Agency|Network|Cent(?:re|er)|Court|Observatory)$/i.test(bare));
    // "According to the report, …": the report of the organisation last named.
    const dataOnly = wide.length === 0 && /^(?:the\s+)?(?:latest\s+|new\s+|monthly\s+|annual\s+)?(?:reports?|figures|data|statistics|tally|count)$/i.test(bare || rest.replace(/[,.;].*$/s, "").trim());
    // "according to the association": the association named before; a bare one with none, no one.
    // "according to the judiciary's Mizan news agency": the name it gives, not the one before.
    const back = pointsBack ? antecedent(bare, memory) : ANAPHOR_POSSESSIVE.test(phrase) && wide.length === 0 ? antecedent(phrase.replace(/'s?\s[\s\S]*$/, ""), memory) : undefined;
    if (back) add(back.name, m.index);
    else if (back === undefined && (/^(?:its|their)\b/i.test(phrase) || (ANAPHOR_POSSESSIVE.test(phrase) && wide.length === 0) || pointsBack || dataOnly)) possessiveFallback = true;
    else if (back === undefined) add(wide.length > 0 && wide[0] ? wide[0].short : nameIn(clip, registry), m.index);
    how ||= "according to";
  }
  // "X said", "X reported", "the group documented", "he points out"
  SUBJECT_VERB.lastIndex = 0;
  let anyVerb = false;
  while ((m = SUBJECT_VERB.exec(sentence)) !== null) {
    // "The authorities are believed to have hanged 320, Amnesty says": a passive reporting verb
    // before "to" says what others believe of its subject, who does not speak.
    if (PASSIVE_BEFORE.test(sentence.slice(Math.max(0, m.index - 24), m.index)) && /^\s+to\s/.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 5))) continue;
    anyVerb = true;
    // A reporting verb after every figure (", it said.") governs the sentence, whoever its subject.
    lastCue = Math.max(lastCue, m.index);
    let who = subjectBefore(sentence, m.index, registry, memory);
    // "sources told IranWire": unnamed sources speak through the outlet they told.
    if (!who && /\btold\s*$/.test(m[0]) && /\bsources?\s+(?:have\s+|had\s+)?$/i.test(sentence.slice(Math.max(0, m.index - 30), m.index))) {
      const heard = nameIn(clipPhrase(sentence.slice(m.index + m[0].length).trimStart()).replace(/[.,;]+$/, ""), registry);
      if (heard && !NOT_NAMES.has(heard)) who = { name: heard, person: false };
    }
    if (who) {
      add(who.name, m.index);
      how ||= "subject of a reporting verb";
    }
  }
  // "reported by X", "a tally by X", "figures from X"
  BY_PHRASE.lastIndex = 0;
  while ((m = BY_PHRASE.exec(sentence)) !== null) {
    // "Of the hangings, which were formally reported by the state agency, 40 …": the agency made
    // the events known; it does not give the figure.
    if (EVENTS_ANNOUNCED.test(sentence.slice(Math.max(0, m.index - 80), m.index))) continue;
    const clip = clipPhrase(sentence.slice(m.index + m[0].length, m.index + m[0].length + 200));
    const n = nameIn(clip, registry);
    if (n) {
      add(n, m.index);
      how ||= "by-phrase";
    }
  }
  // "X's figures"
  POSSESSIVE.lastIndex = 0;
  const mayPossess = sentence.includes("'"); // POSSESSIVE needs an apostrophe
  while (mayPossess && (m = POSSESSIVE.exec(sentence)) !== null) {
    add(registry.normalize(m[1] as string), m.index);
    how ||= "possessive";
  }
  // ", said Amnesty": its verb, between word boundaries, is one SUBJECT_VERB would have found.
  INVERTED.lastIndex = 0;
  while (anyVerb && (m = INVERTED.exec(sentence)) !== null) {
    // ", said Amnesty's Iran researcher": the organisation, not its desk.
    const n = nameIn((m[1] as string).replace(/['\u2019]s(?:\s.*)?$/, ""), registry);
    if (n && !NOT_NAMES.has(n)) {
      add(n, m.index);
      how ||= "inverted reporting verb";
    }
  }
  // "according to its annual report" with no subject of its own: the organisation last named.
  if (names.length === 0 && possessiveFallback && memory?.lastOrg) add(memory.lastOrg, 0);
  return names.length > 0 ? { names, how, at, lastCue } : null;
}

/** Cuts a phrase at the end of its noun phrase: a clause break, a verb-like word or a figure. */
function clipPhrase(phrase: string): string {
  const stop = /[.;:!?]\s|,\s+(?![A-Z(][\w. ]*\((?:[A-Z]))(?=[a-z0-9])|\s(?:in|on|at|that|which|who|said|says|shows?|showed|were|was|are|is|have|has|had)\s|\s\d/;
  const m = stop.exec(phrase);
  return (m ? phrase.slice(0, m.index) : phrase).slice(0, 160);
}

/** A leading credit at the start of a line: "(NCRI) and (PMOI / MEK Iran):" or "Reuters:". */
export function leadingCredit(unitText: string, registry: SourceRegistry = defaultRegistry): string[] | null {
  if (!unitText.includes(":")) return null; // both patterns end in a colon
  const p = LEADING_PARENS.exec(unitText);
  if (p) {
    const names: string[] = [];
    for (const inner of (p[1] as string).matchAll(/\(([^()]+)\)/g)) {
      const n = registry.normalize((inner[1] as string).trim());
      if (n && !names.includes(n)) names.push(n);
    }
    return names.length ? names : null;
  }
  // "Iran Human Rights (IHRNGO); February 1, 2023: …": a press release's credit and date line.
  const dated = LEADING_DATED.exec(unitText);
  if (dated) {
    const known = registry.findIn(dated[1] as string);
    if (known.length > 0) return [known[0]?.short as string];
  }
  const n = LEADING_NAME.exec(unitText);
  if (n) {
    const label = (n[1] as string).trim();
    if (/^(?:Tags?|Note|Update|Editor|Photo|Source|Read more|Related|Share|Copyright|Warning|Caption|Q|A)\b/i.test(label)) return null;
    const known = registry.findIn(label);
    if (known.length > 0) return [known[known.length === 1 ? 0 : 0]?.short as string];
    // "HRANA: 62 workers arrested": before a figure only a known source is a credit ("Tehran: 14" is a row).
    if (/^\d/.test(unitText.slice(n[0].length))) return null;
    const words = label.split(/\s+/);
    if (words.length <= 4 && words.every((w) => /^[A-Z(]/.test(w))) return [registry.normalize(label)];
  }
  return null;
}
