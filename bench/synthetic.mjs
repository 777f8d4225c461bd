// Synthetic documents with claims stored directly (no extraction), for the benchmarks at a
// million claims (bench/ingest.mjs --claims, bench/web.mjs --claims).
import { createHash } from "node:crypto";

const EVENTS = ["execution", "killing", "death_sentence", "death_row", "arrest", "injury", "disappearance", "torture", "flogging", "amputation"];
const QUALIFIERS = ["exact", "at_least", "more_than", "about", "up_to"];
const PLACES = ["Iran", "Tehran", "Evin Prison", "Zahedan", "Saudi Arabia", "Iraq", "Baghdad", "Egypt", "Belarus", null];
const SOURCES = ["Amnesty International", "IHRNGO", "HRANA", "Hengaw", "Human Rights Watch", "NCRI", "Reuters", "Radio Farda", "Some Local Group", null];
const VICTIMS = [[], [], ["women"], ["child_offenders"], ["protesters"], ["political_prisoners"], ["ethnic_minorities"]];

export function syntheticDocument(r, i, perDoc) {
  const year = 2010 + Math.floor(r() * 15);
  const published = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-15`;
  const text = `Synthetic document ${i}. Executed prisoners and protesters killed, by the numbers. ` + "Filler sentence about the report. ".repeat(20);
  const bytes = Buffer.from(text);
  const claims = [];
  for (let k = 0; k < perDoc; k++) {
    const y = year - Math.floor(r() * 3);
    const m = 1 + Math.floor(r() * 12);
    const monthly = r() < 0.5;
    const period = r() < 0.1 ? null : monthly ? { start: `${y}-${String(m).padStart(2, "0")}-01`, end: `${y}-${String(m).padStart(2, "0")}-28` } : { start: `${y}-01-01`, end: `${y}-12-31` };
    const pick = (list) => list[Math.floor(r() * list.length)];
    claims.push({
      event: r() < 0.4 ? "execution" : pick(EVENTS),
      count: 1 + Math.floor(r() * 500),
      qualifier: pick(QUALIFIERS),
      period,
      place: pick(PLACES),
      victims: pick(VICTIMS),
      source: pick(SOURCES),
      quote: `At least ${k} prisoners were executed, according to the group.`,
      span: [k, k + 40],
      clutter: r() < 0.05,
      extractor: "bench",
    });
  }
  return {
    doc: {
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes,
      mediaType: "text/plain",
      name: `claims-${String(i).padStart(6, "0")}.txt`,
      url: null,
      path: null,
      publisher: pick2(r, ["Reuters", "AFP", "Amnesty International", null]),
      published,
      capturedAt: new Date().toISOString(),
      collector: "bench",
      language: "en",
      title: `Synthetic ${i}`,
      text,
      textMap: null,
      headers: null,
    },
    claims,
  };
}
const pick2 = (r, list) => list[Math.floor(r() * list.length)];
