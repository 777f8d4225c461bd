// A pack sentence's figures and what each takes from the sentence around it: its time, its
// place and its voice (the packs' pipeline, pipeline.ts, decides which figures there are).
import { mostSpecificPlace, type PlaceMatch } from "../../places.js";
import type { EventType, Period, PeriodOrigin, Qualifier } from "../../types.js";
import type { NumberHit, TimeHit } from "./pack.js";
import type { VoiceHit } from "./voices.js";

/** A figure of a pack sentence, with what the pipeline has decided for it so far. */
export interface Figure {
  n: NumberHit;
  event: EventType | null;
  qualifier: Qualifier;
  period: Period | null;
  label?: string;
  from?: PeriodOrigin;
  inheritsFrom?: Figure;
  /** Its own predicate is no event ("libérés"): it shares no neighbour's. */
  blocked?: boolean;
}

/** The clause (between breaks) a position falls in. */
export function clauseOf(breaks: number[], pos: number): number {
  let k = 0;
  while (k < breaks.length && (breaks[k] as number) < pos) k++;
  return k;
}

/**
 * Dates each figure. A time expression between two figures belongs to the one whose clause it
 * shares, else to the nearer; one before every figure is free for all. Each figure takes the
 * nearest of its own and the free times, those of its clause first; a figure left without one
 * takes its clause neighbour's ("3 children and 17 women in 2021"), else the previous figure's.
 */
export function assignTimes(figs: Figure[], times: TimeHit[], breaks: number[], partAfter: (f: Figure, next: Figure) => boolean = () => false): void {
  const owner = new Map<TimeHit, Figure>();
  for (const t of times) {
    let k = -1;
    for (let i = 0; i < figs.length; i++) if ((figs[i] as Figure).n.start <= t.start) k = i;
    if (k < 0) continue;
    const prev = figs[k] as Figure;
    const next = figs[k + 1];
    let f = prev;
    if (next) {
      const tc = clauseOf(breaks, t.start);
      const pc = clauseOf(breaks, prev.n.start);
      const nc = clauseOf(breaks, next.n.start);
      if (tc === nc && tc !== pc) f = next;
      else if (tc === pc && tc !== nc) f = prev;
      else {
        // The nearer figure, unless it has a time of its own on its other side ("150 in 2012–2020 and 31 in 2020").
        const after = figs[k + 2];
        const nextHasOwn = times.some((x) => x !== t && x.start >= next.n.end && (!after || x.end <= after.n.start) && clauseOf(breaks, x.start) === nc);
        f = nextHasOwn || t.start - prev.n.end <= next.n.start - t.end ? prev : next;
      }
    }
    owner.set(t, f);
  }
  const cost = (t: TimeHit, f: Figure) =>
    (t.end <= f.n.start ? f.n.start - t.end : Math.max(0, t.start - f.n.end)) + (clauseOf(breaks, t.start) === clauseOf(breaks, f.n.start) ? 0 : 1000);
  for (const f of figs) {
    const t = times.filter((x) => owner.get(x) === f || !owner.has(x)).sort((a, b) => cost(a, f) - cost(b, f))[0];
    if (!t) continue;
    f.period = t.period;
    if (t.label) f.label = t.label;
    f.from = "sentence";
  }
  figs.forEach((f, i) => {
    if (f.period) return;
    const clause = clauseOf(breaks, f.n.start);
    // "27 civils, dont 6 enfants, … dimanche", "مقتل 27 مدنياً، بينهم 6 أطفال، خلال شهر شباط": the whole shares its part's time.
    const part = figs[i + 1];
    const near = [figs[i - 1], figs[i + 1]].find((g) => g?.period && clauseOf(breaks, g.n.start) === clause) ??
      (part?.period && partAfter(f, part) ? part : undefined) ??
      figs.slice(0, i).reverse().find((g) => g.period);
    if (!near?.period) return;
    f.period = near.period;
    if (near.label) f.label = near.label;
    f.from = "sentence";
  });
}

/** A figure's place: the one named nearest to it in its clause ("China 700, Iran 250"), else the sentence's. */
export function placeFor(f: Figure, places: PlaceMatch[], breaks: number[], s: string, figs: Figure[]): string | null {
  const clause = clauseOf(breaks, f.n.start);
  const dist = (p: PlaceMatch) => (p.end <= f.n.start ? f.n.start - p.end : Math.max(0, p.start - f.n.end));
  // "۱۱ نفر در سیستان و بلوچستان و ۸ نفر در کردستان": a place closing the previous figure's phrase, right before "and", is that figure's.
  const previousOwns = (p: PlaceMatch) => p.end <= f.n.start && /^\s*(?:و|et|and)\s*$/u.test(s.slice(p.end, f.n.start)) && figs.some((g) => g.n.end <= p.start);
  const near = places.filter((p) => clauseOf(breaks, p.start) === clause && !previousOwns(p)).sort((a, b) => dist(a) - dist(b))[0];
  return near?.name ?? mostSpecificPlace(places);
}

/** The source of each figure: the named voice nearest before it, else the first after it. */
export function voiceFor(f: Figure, voices: VoiceHit[]): string | null {
  const before = voices.filter((v) => v.end <= f.n.start).pop();
  return before?.name ?? voices.find((v) => v.start >= f.n.end)?.name ?? null;
}

