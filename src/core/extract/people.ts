// Finds people named in a sentence and the role they play: a source who speaks, an official
// with a title, or a victim who was executed, arrested or held.
import type { PersonRole } from "../types.js";
import { matchesOf } from "./scan.js";

/** A person named in a sentence; offsets are sentence-relative. */
export interface NamedPerson {
  name: string;
  role: PersonRole;
  start: number;
  end: number;
}

const NAME = "((?:(?:Mr|Mrs|Ms|Dr|Prof|Ayatollah|Sheikh|Hojatoleslam)\\.?\\s+)?[A-Z][a-z\\u00c0-\\u017f'-]+(?:\\s+(?:al-|el-|bin\\s+|van\\s+|de\\s+)?[A-Z][a-z\\u00c0-\\u017f'-]+){1,3})";
const OFFICIAL_TITLES =
  "(?:minister|deputy|president|president-elect|chief|head|judge|prosecutor|spokesperson|spokesman|spokeswoman|ambassador|governor|commander|leader|ayatollah|cleric|official|envoy|diplomat|mayor|mp|senator|rapporteur|secretary-general|high commissioner|director|chair|chairman|chairwoman|founder)";

const SPEAKER = new RegExp(`${NAME}(?:,[^,.]{1,80},)?\\s+(?:also\\s+)?(?:said|says|told|stated|announced|added|noted|wrote|warned|explained|called|urged)\\b`, "g");
const TITLED_BEFORE = new RegExp(`\\b${OFFICIAL_TITLES}\\b[^,.;]{0,50}?,?\\s+${NAME}`, "gi");
const TITLED_AFTER = new RegExp(`${NAME},\\s+(?:the\\s+|a\\s+|an\\s+|former\\s+)*[^,.;]{0,40}?\\b${OFFICIAL_TITLES}\\b`, "g");
const VICTIM = new RegExp(`(?:\\b(?:executed|hanged|arrested|detained|killed|sentenced|imprisoned|jailed|prisoners?(?:\\s+like)?|activists?|protesters?|named)\\s+${NAME})|(?:${NAME}(?:,[^,.]{1,60},)?\\s+(?:was|were|had been|has been)\\s+(?:executed|hanged|arrested|detained|killed|sentenced|imprisoned|jailed))`, "g");

// Cheap gates: each pattern above needs one of these words, so a sentence without it skips the
// (costlier) full pattern. VICTIM's second branch ("X was executed") is the costly one: it is
// tried at every capital letter, so it only runs when its verb phrase occurs.
const SPEAKER_GATE = /said|says|told|stated|announced|added|noted|wrote|warned|explained|called|urged/;
const TITLED_BEFORE_GATE = new RegExp(`\\b${OFFICIAL_TITLES}\\b`, "i");
const TITLED_AFTER_GATE = new RegExp(`\\b${OFFICIAL_TITLES}\\b`);
const TWO_CAPITALISED = /[A-Z][a-z\u00c0-\u017f'-]+\s+(?:al-|el-|bin\s+|van\s+|de\s+)?[A-Z][a-z]/;
const VICTIM_GATE = /executed|hanged|arrested|detained|killed|sentenced|imprisoned|jailed|prisoner|activist|protester|named/;
const VICTIM_PASSIVE_GATE = /\b(?:was|were|had been|has been)\s+(?:executed|hanged|arrested|detained|killed|sentenced|imprisoned|jailed)/;
/** VICTIM's first branch alone: the same matches when the second branch cannot match. */
const VICTIM_ACTIVE = new RegExp(`\\b(?:executed|hanged|arrested|detained|killed|sentenced|imprisoned|jailed|prisoners?(?:\\s+like)?|activists?|protesters?|named)\\s+${NAME}`, "g");

const NOT_PERSON = /\b(?:Iran|Iranian|Islamic|Republic|Council|Organization|Organisation|International|Rights|Human|United|Nations|European|Parliament|Union|Court|Ministry|Guards?|Revolutionary|Prison|Province|News|Agency|Amnesty|Watch|Resistance|Supreme|Leader|Assembly|Office|Mission|Special|Rapporteur|State|States|Judiciary|Police|Forces?|Security|General)\b/;

function clean(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

/** People named in a sentence, each with one role (source > official > victim). */
export function findPeople(sentence: string): NamedPerson[] {
  // Every pattern needs a name of two capitalised words and one of its key words: the name is
  // tested first, as one pattern that most sentences fail (the three key-word tests cost more).
  if (!TWO_CAPITALISED.test(sentence)) return [];
  const speaker = SPEAKER_GATE.test(sentence);
  const titled = TITLED_BEFORE_GATE.test(sentence);
  const victim = VICTIM_GATE.test(sentence);
  if (!speaker && !titled && !victim) return [];
  const found = new Map<string, NamedPerson>();
  const add = (raw: string | undefined, role: PersonRole, at: number) => {
    if (!raw) return;
    const name = clean(raw);
    if (NOT_PERSON.test(name.replace(/^(?:Mr|Mrs|Ms|Dr|Prof|Ayatollah|Sheikh|Hojatoleslam)\.?\s+/, ""))) return;
    const start = sentence.indexOf(raw, at);
    if (start < 0) return;
    const prev = found.get(name);
    const rank = { source: 3, official: 2, victim: 1 } as const;
    if (!prev || rank[role] > rank[prev.role]) found.set(name, { name, role, start, end: start + raw.length });
  };
  if (speaker) for (const m of matchesOf(SPEAKER, sentence)) add(m[1], "source", m.index);
  if (titled) for (const m of matchesOf(TITLED_BEFORE, sentence)) add(m[1], "official", m.index);
  if (titled && TITLED_AFTER_GATE.test(sentence)) for (const m of matchesOf(TITLED_AFTER, sentence)) add(m[1], "official", m.index);
  if (victim) {
    const victim = VICTIM_PASSIVE_GATE.test(sentence) ? VICTIM : VICTIM_ACTIVE;
    for (const m of matchesOf(victim, sentence)) add(m[1] ?? m[2], "victim", m.index);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
