// What a document has said so far, for resolving "he said", "the group said" and quotations:
// named speakers and organisations of the sentences already read. Found lazily and searched
// latest first, so most sentences are never read for speakers at all.
import type { SourceRegistry } from "../sources.js";
import { speakersIn, type Memory, type Speaker } from "./attribution.js";

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
  };
  return { memory, remember: (sentence) => void seen.push(sentence) };
}
