// Descriptions that refer back to an organisation ("the association said", "the Oslo-based
// group said", "the state news agency reported") and what earlier sentences named for them.
import { cleanSourceName } from "../sources.js";

/** A named speaker remembered for pronoun resolution. */
export interface Speaker {
  name: string;
  person: boolean;
}

/** What earlier sentences named, for resolving "he said" and "the group said". */
export interface Memory {
  /**
   * The latest speaker named so far that is (or is not) a person. A search backwards rather
   * than a list, so that only the sentences after the answer need reading for speakers.
   */
  lastSpeaker(person: boolean): Speaker | null;
  lastOrg: string | null;
  /** The latest organisation named in the sentences read so far (within reach) that passes the test. */
  lastOrgWhere(test: (org: NamedOrg) => boolean): string | null;
}

/** An organisation a sentence names, for resolving "the association", "the agency", "the group". */
export interface NamedOrg {
  /** The normalised name. */
  name: string;
  /** Its full name and aliases, which say what kind of body it is ("… News Agency"). */
  kind: string;
  /** A news outlet (never "the group"). */
  outlet: boolean;
  /** A body of a state: a ministry, the judiciary, state media (never "the group" either). */
  state: boolean;
}

export const ORG_NOUN = "(?:group|organi[sz]ation|office|agency|ngo|body|monitor|watchdog|committee|ministry|mission|cent(?:re|er)|network|charity|rapporteur|council|commission|union|syndicate|court|judiciary|outlet|newspaper|broadcaster|campaign|coalition|alliance|institute|foundation|association|authorit(?:y|ies)|government|parliament|police|prosecutor|observatory|news agency|military|army)s?";

/** A description that refers back to an organisation: "the association", "the Oslo-based group", "this NGO". */
const DESCRIPTION = new RegExp(`^(?:the|this|that)\\s+((?:[\\w-]+\\s+){0,3})(${ORG_NOUN}|experts|rapporteurs|monitors)$`, "i");
/** Kinds of body a description names that the name it refers to says it is ("the agency": "… News Agency"). */
const NAMED_KIND = /^(?:association|agency|network|cent(?:re|er)|observatory|office|committee|commission|council|campaign|coalition|alliance|institute|foundation|union|mission|league|federation|syndicate|ministry|court|judiciary|rapporteur|parliament)$/;
/** Bodies of a state and outlets: only a name of that kind is what they refer back to. */
const STATE_KIND = /^(?:ministry|court|judiciary|police|government|parliament|prosecutor|army|military|authorit(?:y|ies)|outlet|newspaper|broadcaster|news agency)$/;
/** Words that make a description a state's ("the state news agency", "the official agency"). */
const STATE_MODIFIER = /\b(?:state|state-run|state-owned|official|government|semi-official)\b/i;
const kindPatterns = new Map<string, RegExp>();
function kindPattern(noun: string): RegExp {
  let re = kindPatterns.get(noun);
  if (!re) {
    const word = noun.replace(/^cent(?:re|er)$/, "cent(?:re|er)").replace(/^organi[sz]ation$/, "organi[sz]ation");
    re = new RegExp(`\\b${word}\\b`, "i");
    kindPatterns.set(noun, re);
  }
  return re;
}

/**
 * What a description refers back to ("the association", "the Oslo-based group", "the Office"): the
 * latest organisation of that kind named before ("the agency": a "… News Agency"); for a group, an
 * organisation, a monitor and the like, the latest one that is neither a news outlet nor a body of
 * a state; a state body that no earlier sentence named, as written ("the interior ministry").
 * undefined when the text is no such description or nothing named before fits it; null when a bare description ("the group") has nothing to
 * refer to: it names no source. Without a memory (collecting speakers), a description is no new
 * speaker unless it is a state body's.
 */
export function antecedent(text: string, memory: Memory | null): Speaker | null | undefined {
  const m = DESCRIPTION.exec(text);
  if (!m) return undefined;
  const head = (m[2] as string).toLowerCase();
  const noun = head === "authorities" || head === "news agency" ? head : head.replace(/s$/, "");
  const state = STATE_KIND.test(noun);
  if (!memory) return state ? undefined : null;
  if (NAMED_KIND.test(noun)) {
    const kind = kindPattern(noun);
    const official = STATE_MODIFIER.test(m[1] as string);
    const named = memory.lastOrgWhere((o) => kind.test(o.kind) && (!official || o.state));
    if (named) return { name: named, person: false };
  }
  // "the ministry said" with no ministry named before: the office as written, not a rights group.
  if (state) return { name: cleanSourceName(text), person: false };
  // "the state news agency", "the official agency": a body of the state; "the rights group": not one.
  const official = STATE_MODIFIER.test(m[1] as string);
  const named = memory.lastOrgWhere((o) => (official ? o.state : !o.state && (!o.outlet || noun === "agency")));
  if (named) return { name: named, person: false };
  if (official) return { name: cleanSourceName(text), person: false };
  return m[1] ? undefined : null;
}

