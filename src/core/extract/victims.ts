// The victim groups a counted noun phrase names ("political prisoners", "child offenders").
import type { VictimGroup } from "../types.js";
import { VICTIM_WORDS } from "./lexicon.js";
import type { NumberMention } from "./numbers.js";

/** Victim groups by noun phrase: the same few phrases ("prisoners", "people") recur. */
const victimsMemo = new Map<string, VictimGroup[]>();

/** Victim groups named in a counted noun phrase (a new array each time: callers add to it). */
export function victimsOf(phrase: string): VictimGroup[] {
  let groups = victimsMemo.get(phrase);
  if (!groups) {
    groups = findVictims(phrase);
    if (victimsMemo.size >= 10_000) victimsMemo.clear();
    victimsMemo.set(phrase, groups);
  }
  return [...groups];
}

function findVictims(phrase: string): VictimGroup[] {
  const out: VictimGroup[] = [];
  for (const [re, group] of VICTIM_WORDS) {
    if (re.test(phrase) && !out.includes(group)) out.push(group);
  }
  if (out.includes("political_prisoners")) return out.filter((g) => g !== "prisoners");
  if (out.includes("child_offenders") && /offenders?/i.test(phrase)) return out.filter((g) => g !== "prisoners");
  return out;
}

/** The text before its first ";" or "." (what split(/[;.]/)[0] gives, without the other pieces). */
function upToStop(text: string): string {
  const semi = text.indexOf(";");
  const dot = text.indexOf(".");
  const cut = semi < 0 ? dot : dot < 0 ? semi : Math.min(semi, dot);
  return cut < 0 ? text : text.slice(0, cut);
}

/** The text before the next figure that opens a clause of its own (after a comma: "…, 2,300 of whom are in custody"). */
function upToNextFigure(text: string, from: number): string {
  const m = /[,;]\s+(?:(?:and|while|of whom|of which)\s+)?(?:at least\s+|more than\s+|some\s+|about\s+|nearly\s+|over\s+)?\d/.exec(text.slice(from));
  return m ? text.slice(0, from + m.index) : text;
}

/** Victims of a figure: its own noun phrase, or the group it is part of ("64 of them"). */
export function victimsFor(s: string, f: { n: NumberMention; npEnd: number; inherited?: { n: NumberMention; npEnd: number } }): VictimGroup[] {
  const own = victimsOf(s.slice(f.n.end, Math.max(f.npEnd, f.n.phraseEnd)));
  // "executed for drug offences", "on drug-related charges": the charge names the group.
  // Its own clause: up to a stop or the next figure ("… were arrested, 19,700 of which are still in custody").
  const clause = upToNextFigure(upToStop(s.slice(f.n.start, f.n.start + 160)), f.n.end - f.n.start);
  if (/\bdrug/i.test(clause) && !own.includes("drug_offenders")) own.push("drug_offenders");
  // "killed by prison officials", "died in custody": the victims were held.
  if (/\b(?:by|in) (?:the )?(?:prison|jail|custody|detention)\b|\bprison (?:officials|guards|authorities|staff)\b/i.test(clause) && !own.includes("prisoners") && !own.includes("political_prisoners")) own.push("prisoners");
  // "six of them women", "two of whom were juveniles": the noun after the partitive.
  if (own.length === 0) {
    const of = OF_THEM.exec(s.slice(f.n.phraseEnd, f.n.phraseEnd + 60));
    if (of) own.push(...victimsOf(partNoun(of[1] as string, 0)));
  }
  if (own.length > 0 || !f.inherited) return own;
  const whole = victimsOf(s.slice(f.inherited.n.phraseStart, Math.max(f.inherited.npEnd, f.inherited.n.phraseEnd)));
  // "52 civilians, including 11 women": the part's own noun names its group, within the whole's.
  const noun = partNoun(s, f.n.phraseEnd);
  const part = noun ? victimsOf(noun) : [];
  for (const g of whole) if (!part.includes(g)) part.push(g);
  return part;
}

/** The words right after a part's figure, up to a break ("11 women and 19 children" gives "women"). */
function partNoun(s: string, from: number): string {
  const tail = s.slice(from, from + 48);
  const stop = PART_STOP.exec(tail);
  return stop ? tail.slice(0, stop.index) : tail;
}
const OF_THEM = /^\s+of\s+(?:them|whom)\s+(?:were\s+|are\s+|being\s+)?(?!(?:in|on|for|at|by|with|from|during|after|before|since|under|over|following|because|due|as|while|when|for)\b)(.*)$/;
const PART_STOP = /[,;:.()\d\u2013\u2014]|\s(?:and|or|were|was|are|is|had|have|in|on|at|who|from|among|as)\s/;
