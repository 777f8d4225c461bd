// The leading voices of a timeline: a chart or table of a hundred voices says nothing (and takes
// seconds to draw, or to send, on a large ledger), so a caller may keep the few that give the
// most figures. What is left out is counted; each period's fact still lists every voice.
import type { Timeline } from "./timeline-rows.js";

/**
 * The timeline with only the `n` voices that give the most figures (ties by label, then id),
 * each row keeping only their figures, and `hiddenVoices` counting the voices left out.
 */
export function leadingVoices(t: Timeline, n: number): Timeline {
  const keep = Math.max(0, Math.floor(n));
  if (t.voices.length <= keep) return t;
  const figures = new Map<string, number>();
  for (const r of t.rows) for (const id of Object.keys(r.voices)) figures.set(id, (figures.get(id) ?? 0) + 1);
  const kept = [...t.voices]
    .sort((a, b) => (figures.get(b.id) ?? 0) - (figures.get(a.id) ?? 0) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .slice(0, keep);
  const ids = new Set(kept.map((v) => v.id));
  return {
    ...t,
    voices: kept,
    hiddenVoices: t.hiddenVoices + t.voices.length - kept.length,
    rows: t.rows.map((r) => ({ ...r, voices: Object.fromEntries(Object.entries(r.voices).filter(([id]) => ids.has(id))) })),
  };
}
