// What a document has said so far, for resolving "he said", "the group said" and quotations:
// named speakers and organisations of the sentences already read. Found lazily and searched
// latest first, so most sentences are never read for speakers at all.
import type { SourceRegistry } from "../sources.js";
import type { Memory, NamedOrg, Speaker } from "./descriptions.js";
import { speakersIn } from "./speakers.js";

/** A capitalised name whose head is a kind of organisation ("the Kurdistan Human Rights Association"). */
const KIND_NAME = /\b(?:[A-Z][\w'&.-]*\s+(?:(?:of|for|on|the|in)\s+)*){0,6}(?:Association|Network|Organi[sz]ation|Cent(?:re|er)|Observatory|Office|Committee|Commission|Council|Campaign|Coalition|Alliance|Institute|Foundation|Union|Mission|League|Federation|Agency|Group|Ministry|Court|Judiciary)\b(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'&.-]*(?:\s+(?:(?:of|for|in|the)\s+)*[A-Z][\w'&.-]*)*)?/g;
/** Bodies of a state, which a rights group is never called back as ("the group said" is not the ministry). */
const STATE_BODY = /\b(?:ministry|judiciary|police|court|government|authorities|army|military|forces|guards|parliament|prosecutor|state media|regime)\b/i;
/** A name of an organisation as written: capitalised words (with "of", "for" …), not a lone plural ("Activists"). */
const PROPER_NAME = /^(?![A-Z][a-z]+s$)[A-Z][\w'&.-]*(?:\s+(?:(?:of|for|on|the|in|and|de|al)\s+)*[A-Z(][\w'&.()-]*)*$/;
/** How far back (in sentences) a description looks for the organisation it refers to. */
const ANTECEDENT_REACH = 60;

/** The answer of a latest-first search over the first `upTo` sentences. */
interface Answer<T> {
  upTo: number;
  value: T | null;
}

/** A memory of the sentences passed to `remember`, in document order. */
export function documentMemory(registry: SourceRegistry): { memory: Memory; remember: (sentence: string) => void } {
  const seen: string[] = [];
  const speakersOf: (Speaker[] | undefined)[] = [];
  const speakersAt = (i: number): Speaker[] => (speakersOf[i] ??= speakersIn(seen[i] as string, registry));
  const orgsOf: (string | null | undefined)[] = [];
  const orgAt = (i: number): string | null => {
    let org = orgsOf[i];
    if (org === undefined) {
      const orgs = registry.findIn(seen[i] as string).filter((e) => e.kind !== "person");
      org = orgs.length > 0 ? (orgs[orgs.length - 1] as { short: string }).short : null;
      orgsOf[i] = org;
    }
    return org;
  };

  /**
   * Latest-first search for what `at(i)` finds. Sentences only ever get added, so the answer
   * for the first n sentences is the latest hit among those added since the previous search,
   * or else the previous answer: no sentence is searched twice.
   */
  const latest = <T>(answer: Answer<T>, at: (i: number) => T | null): T | null => {
    let value: T | null = null;
    for (let i = seen.length - 1; i >= answer.upTo && value === null; i--) value = at(i);
    answer.value = value ?? answer.value;
    answer.upTo = seen.length;
    return answer.value;
  };
  /** The organisations a sentence names, in order, with the text that says what kind each is. */
  const namedOf: (NamedOrg[] | undefined)[] = [];
  const namedAt = (i: number): NamedOrg[] => {
    let named = namedOf[i];
    if (named) return named;
    const s = seen[i] as string;
    const found: { at: number; org: NamedOrg }[] = [];
    const push = (name: string, kind: string, at: number, outlet: boolean, state: boolean) => {
      // Only a name is referred back to: not a description ("rights groups", "Activists").
      if (!registry.lookup(name) && !PROPER_NAME.test(name)) return;
      if (name && !found.some((f) => f.org.name === name)) found.push({ at, org: { name, kind, outlet, state } });
    };
    for (const sp of speakersAt(i)) if (!sp.person) push(sp.name, entryText(sp.name), positionOf(sp.name, s), registry.lookup(sp.name)?.kind === "outlet", isState(sp.name));
    for (const e of registry.findIn(s)) if (e.kind !== "person") push(e.short, entryText(e.short), positionOf(e.short, s), e.kind === "outlet", isState(e.short));
    if (/[A-Z]/.test(s)) {
      KIND_NAME.lastIndex = 0;
      for (let m = KIND_NAME.exec(s); m !== null; m = KIND_NAME.exec(s)) {
        const raw = m[0].replace(/^The\s+/, "").replace(/\s+(?:of|for|on|the|in)$/, "");
        if (!/\s/.test(raw)) continue; // "Office" alone is a description, not a name
        const name = registry.normalize(raw);
        const known = registry.lookup(name);
        push(name, known ? entryText(name) : raw, m.index, known?.kind === "outlet", isState(raw));
      }
    }
    named = found.sort((a, b) => a.at - b.at).map((f) => f.org);
    namedOf[i] = named;
    return named;
  };
  const entryText = (short: string): string => {
    const e = registry.lookup(short);
    return e ? `${e.name} ${e.aliases.join(" ")}` : short;
  };
  /** Where a sentence names an organisation: its last alias found, else the start. */
  const positionOf = (name: string, s: string): number => {
    const e = registry.lookup(name);
    let at = s.lastIndexOf(name);
    if (e) for (const a of [e.name, ...e.aliases]) at = Math.max(at, s.lastIndexOf(a));
    return Math.max(0, at);
  };
  const isState = (name: string): boolean => registry.lookup(name)?.network === "iran-government" || STATE_BODY.test(name);

  const lastOf = (found: Speaker[], person: boolean): Speaker | null => {
    for (let k = found.length - 1; k >= 0; k--) if ((found[k] as Speaker).person === person) return found[k] as Speaker;
    return null;
  };
  const persons: Answer<Speaker> = { upTo: 0, value: null };
  const others: Answer<Speaker> = { upTo: 0, value: null };
  const orgs: Answer<string> = { upTo: 0, value: null };

  const memory: Memory = {
    lastSpeaker(person: boolean) {
      return latest(person ? persons : others, (i) => lastOf(speakersAt(i), person));
    },
    get lastOrg() {
      // A sentence's last non-person speaker, else the last organisation it names (if it has a name).
      return latest(orgs, (i) => {
        const speaker = lastOf(speakersAt(i), false);
        return speaker ? speaker.name : orgAt(i) || null;
      });
    },
    lastOrgWhere(test: (org: NamedOrg) => boolean): string | null {
      for (let i = seen.length - 1; i >= 0 && i >= seen.length - ANTECEDENT_REACH; i--) {
        const named = namedAt(i);
        for (let k = named.length - 1; k >= 0; k--) if (test(named[k] as NamedOrg)) return (named[k] as NamedOrg).name;
      }
      return null;
    },
  };
  return { memory, remember: (sentence) => void seen.push(sentence) };
}
