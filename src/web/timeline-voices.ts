// Which voices of a timeline the overview's chart draws: a chart of a hundred lines says nothing
// (and takes seconds to draw on a phone); each year's fact lists every voice.
import type { Overview } from "./api.js";

type Timeline = Overview["timeline"];

/** The timeline with only the `n` voices that give the most yearly figures (then by name), and how many were left out. */
export function leadingVoices(t: Timeline, n: number): { timeline: Timeline; hidden: number } {
  if (t.voices.length <= n) return { timeline: t, hidden: 0 };
  const figures = new Map(t.voices.map((v) => [v.id, t.rows.reduce((k, r) => k + (r.voices[v.id] ? 1 : 0), 0)]));
  const kept = [...t.voices].sort((a, b) => (figures.get(b.id) ?? 0) - (figures.get(a.id) ?? 0) || a.label.localeCompare(b.label)).slice(0, n);
  return { timeline: { ...t, voices: kept }, hidden: t.voices.length - kept.length };
}
