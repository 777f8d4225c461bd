// Synthetic article-like documents for benchmarks, reproducible from a seed.
//
// Every sentence is built from templates and word lists written here; nothing is copied from real
// articles. The output only has to *look* like the text the extractor meets (news wires, NGO
// reports, advocacy pieces with figures, dates, places, sources, filler and page clutter) so that
// every code path of the extractor gets exercised at realistic proportions. The facts are invented.
// The word lists are in bench/corpus-words.mjs.
//
//   import { documents } from "./corpus.mjs";
//   for (const doc of documents(42)) { doc.text; doc.meta; }   // endless, lazy

import {
  MONTHS, ONES, TENS, COUNTRIES, ORGS, WIRES, PUBLISHERS, FIRST, LAST, ROLES, CHARGES, VICTIMS, FILLER, HEADLINE_TEMPLATES, EVENTS,
} from "./corpus-words.mjs";

/** mulberry32: a small, fast 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turns any string or number into a 32-bit seed. */
export function seedOf(value) {
  const s = String(value);
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** Weighted pick from [[weight, value], …]. */
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) total += w;
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
}

// ---------------------------------------------------------------------------------------------
// Small phrase builders

function numberWords(n) {
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? "-" + ONES[n % 10] : "");
  if (n < 1000) return ONES[Math.floor(n / 100)] + " hundred" + (n % 100 ? " and " + numberWords(n % 100) : "");
  return numberWords(Math.floor(n / 1000)) + " thousand" + (n % 1000 ? " " + numberWords(n % 1000) : "");
}

function withCommas(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A figure as prose: "at least 1,234", "more than 300", "twenty-two", "dozens of". */
function figure(r, { big = false, vague = true } = {}) {
  const n = big ? r.weighted([[3, r.int(100, 999)], [3, r.int(1000, 9999)], [1, r.int(10000, 25000)]]) : r.weighted([[4, r.int(2, 30)], [3, r.int(31, 400)], [1, r.int(400, 2500)]]);
  const kind = r.weighted([[5, "digits"], [2, "words"], [vague ? 1 : 0, "vague"], [1, "round"]]);
  let core;
  if (kind === "words" && n < 100) core = numberWords(n);
  else if (kind === "vague") return { text: r.pick(["dozens of", "hundreds of", "scores of", "thousands of"]), n: null };
  else if (kind === "round") {
    const rounded = n >= 1000 ? Math.round(n / 100) * 100 : Math.max(10, Math.round(n / 10) * 10);
    core = rounded >= 1000 && r.chance(0.3) ? `${(rounded / 1000).toFixed(1).replace(/\.0$/, "")} thousand` : withCommas(rounded);
  } else core = withCommas(n);
  const q = r.weighted([[5, ""], [3, "at least "], [2, "more than "], [1, "nearly "], [1, "over "], [1, "some "], [1, "up to "], [1, "an estimated "], [1, "no fewer than "]]);
  return { text: q + core, n };
}

/** A time expression relative to the publication date. */
function when(r, pub) {
  const y = pub.year;
  return r.weighted([
    [3, "last year"],
    [2, `in ${r.pick(MONTHS)}`],
    [2, `since the start of ${r.int(2015, y)}`],
    [3, `in ${y - r.int(0, 3)}`],
    [2, `in ${r.pick(MONTHS)} ${y - r.int(0, 2)}`],
    [1, `between ${y - r.int(3, 6)} and ${y - r.int(0, 2)}`],
    [1, `on ${r.int(1, 28)} ${MONTHS[pub.month - 1]}`],
    [1, `on ${MONTHS[Math.max(0, pub.month - 2)]} ${r.int(1, 28)}, ${y}`],
    [1, `in the first ${r.pick(["three", "six", "nine"])} months of ${y}`],
    [1, "this year"],
    [1, "so far this year"],
    [1, `during the ${r.pick(["2019", "2022", "2017-2018"])} protests`],
    [1, `over the past ${r.pick(["decade", "five years", "two years", "12 months"])}`],
    [1, `in the Persian year ${1390 + (y - 2011)}`],
  ]);
}

function place(r, c) {
  return r.weighted([
    [3, `in ${c.country.name}`],
    [2, `in ${r.pick(c.country.cities)}`],
    [2, `in ${r.pick(c.country.prisons)}`],
    [1, `in ${r.pick(c.country.regions)}`],
    [1, `across ${c.country.name}`],
    [1, `in ${r.pick(c.country.prisons)}, ${r.pick(c.country.regions)}`],
  ]);
}

function person(r) {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

function source(r, c) {
  const org = r.chance(0.6) ? c.org : r.pick(ORGS);
  return org;
}

function ucfirst(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Sentence templates. Each takes (r, c) and returns one sentence.

function eventOf(r, c) {
  return r.chance(0.55) ? c.topic : r.pick(Object.keys(EVENTS));
}

const FIGURE_SENTENCES = [
  // "At least 582 people were executed in Iran last year, according to Amnesty International."
  (r, c) => {
    const e = EVENTS[eventOf(r, c)];
    const f = figure(r);
    return `${ucfirst(f.text)} ${r.weighted(VICTIMS)} ${r.pick(e.verbs)} ${place(r, c)} ${when(r, c.pub)}, according to ${source(r, c).name}.`;
  },
  // "IHRNGO said 834 people had been executed in 2023."
  (r, c) => {
    const e = eventOf(r, c);
    const f = figure(r);
    const s = source(r, c);
    const verb = { executions: "had been executed", killings: "had been killed", arrests: "had been arrested", sentences: "had been sentenced to death" }[e];
    return `${s.short} ${r.pick(["said", "reported", "said on " + r.pick(["Monday", "Tuesday", "Thursday", "Friday"]), "estimated", "has documented that"])} ${f.text} ${r.weighted(VICTIMS)} ${verb} ${when(r, c.pub)}.`;
  },
  // "Human Rights Activists News Agency (HRANA): 1,203 arrests in Zahedan since the start of 2018."
  (r, c) => {
    const e = EVENTS[eventOf(r, c)];
    const s = source(r, c);
    return `${ucfirst(s.name)}${s.short === s.name ? "" : ` (${s.short})`}: ${figure(r, { big: r.chance(0.4) }).text} ${r.pick(e.nouns)} ${place(r, c)} ${when(r, c.pub)}.`;
  },
  // Year-on-year comparison.
  (r, c) => {
    const e = EVENTS[eventOf(r, c)];
    const y = c.pub.year - 1;
    return `The ${r.pick(["figure", "total", "number"])} of ${r.pick(e.nouns)} rose to ${figure(r, { vague: false }).text} in ${y}, up from ${figure(r, { vague: false }).text} in ${y - 1}, ${r.pick(["the group said", "the report found", "according to the annual report", "its data show"])}.`;
  },
  // "Of those executed, 31 were women and two were juvenile offenders."
  (r, c) => {
    const e = EVENTS[eventOf(r, c)];
    return `Of those ${r.pick(e.active)}, ${figure(r, { vague: false }).text} were ${r.pick(["women", "members of ethnic minorities", "Baluch", "Kurds", "foreign nationals", "under 18 at the time of the alleged crime"])} and ${numberWords(r.int(1, 19))} were ${r.pick(["juvenile offenders", "political prisoners", "convicted of " + r.pick(CHARGES)])}.`;
  },
  // "Security forces killed at least 551 protesters, including 68 children, during the uprising."
  (r, c) => {
    const f = figure(r);
    return `Security forces ${r.pick(["killed", "shot dead", "arrested", "detained"])} ${f.text} ${r.pick(["protesters", "demonstrators", "people", "worshippers"])}, including ${figure(r).text} ${r.pick(["children", "women", "teenagers"])}, ${when(r, c.pub)}, ${r.pick(["rights groups say", "according to " + source(r, c).name, "monitors said", "the UN said"])}.`;
  },
  // Quote from a named person.
  (r, c) => {
    const e = EVENTS[eventOf(r, c)];
    const who = c.spokes;
    return `\u201c${ucfirst(figure(r, { vague: false }).text)} ${r.pick(e.nouns)} ${when(r, c.pub)} is ${r.pick(["a horrifying figure", "unprecedented", "a national disgrace", "the highest we have recorded"])},\u201d said ${who.name}, ${who.role} at ${c.org.name}.`;
  },
  // Drug offences share.
  (r, c) => {
    const pct = r.int(20, 75);
    return `${ucfirst(r.pick(["drug-related executions", "executions for murder", "hangings carried out in public"]))} accounted for ${r.chance(0.5) ? pct + "%" : pct + " per cent"} of the total, or ${figure(r, { vague: false }).text} cases, ${r.pick(["the report said", "according to " + source(r, c).name, "figures compiled by " + source(r, c).short + " show"])}.`;
  },
  // Single case with a date.
  (r, c) => {
    const p = person(r);
    return `${p}, ${r.int(19, 61)}, was ${r.pick(["executed", "hanged", "sentenced to death", "arrested"])} ${place(r, c)} on ${r.int(1, 28)} ${MONTHS[c.pub.month - 1]} ${c.pub.year} after being convicted of ${r.pick(CHARGES)}, ${r.pick(["the family said", "a lawyer said", "a relative told " + c.org.short, "sources told " + r.pick(ORGS).short])}.`;
  },
  // Since-date cumulative.
  (r, c) => {
    const e = eventOf(r, c);
    const noun = { executions: "executions", killings: "protesters killed", arrests: "people arrested", sentences: "death sentences issued" }[e];
    return `Since ${r.pick(["the start of", "the beginning of", "January"])} ${r.int(2015, c.pub.year)}, ${source(r, c).short} has recorded ${figure(r, { big: r.chance(0.5) }).text} ${noun} ${place(r, c)}.`;
  },
  // Government figure.
  (r, c) => `${ucfirst(c.country.judiciary)} ${r.pick(["said", "announced", "confirmed"])} that ${figure(r).text} people ${r.pick(["had been pardoned", "had been released on bail", "were charged", "had been indicted"])} ${when(r, c.pub)}, a figure ${source(r, c).short} ${r.pick(["disputes", "says is incomplete", "could not verify"])}.`,
  // Range.
  (r, c) => {
    const a = r.int(10, 300);
    return `Between ${a} and ${withCommas(a + r.int(20, 2000))} people ${r.pick(EVENTS.killings.verbs)} ${when(r, c.pub)}, ${r.pick(["estimates suggest", "rights groups estimate", "according to " + source(r, c).name])}.`;
  },
];

const INTRO_TEMPLATES = {
  wire: (r, c) => `${c.city.toUpperCase()}, ${MONTHS[c.pub.month - 1]} ${c.pub.day} (${c.wire}) \u2014 ${r.pick(FIGURE_SENTENCES)(r, c)}`,
  ngo: (r, c) => `${c.org.name} ${r.pick(["today published", "released", "has issued"])} its ${r.pick(["annual report", "quarterly review", "briefing"])} on ${r.pick(["the death penalty", "executions", "the crackdown on dissent", "arbitrary detention"])} in ${c.country.name}. ${r.pick(FIGURE_SENTENCES)(r, c)}`,
  advocacy: (r, c) => `${r.pick(["We call on", "Act now: urge", "Join us in calling on"])} the ${c.country.adj} authorities to ${r.pick(["halt all executions", "release all those detained for peaceful protest", "quash the death sentences", "establish an official moratorium on executions"])}. ${r.pick(FIGURE_SENTENCES)(r, c)}`,
};

/**
 * Share of body sentences that state a figure. Real reporting is far less dense than a list of
 * figures: the seed articles carry about one claim per kilobyte. 0.2 gives about that density;
 * `--figure-share 0.55` gives a worst case of about five claims per kilobyte.
 */
export const DEFAULT_FIGURE_SHARE = 0.2;

function paragraph(r, c, figureShare) {
  const n = r.int(2, 5);
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(r.chance(figureShare) ? r.pick(FIGURE_SENTENCES)(r, c) : r.pick(FILLER));
  }
  return out.join(" ");
}

function clutter(r, c) {
  const lines = [];
  if (r.chance(0.7)) {
    lines.push("Related articles");
    const k = r.int(2, 4);
    for (let i = 0; i < k; i++) lines.push(r.pick(HEADLINE_TEMPLATES)(c));
  }
  if (r.chance(0.5)) lines.push(`Share this article: Facebook | X | WhatsApp | Email`);
  if (r.chance(0.7)) lines.push(`Tags: ${[c.country.name, r.pick(["executions", "death penalty", "protests", "human rights"]), c.city, r.pick(["Amnesty", "IHRNGO", "HRANA", "UN"])].join(", ")}`);
  if (r.chance(0.4)) lines.push(`Read more: ${r.pick(HEADLINE_TEMPLATES)(c)}`);
  if (r.chance(0.8)) lines.push(`Copyright \u00a9 ${c.pub.year} ${c.publisher}. All rights reserved.`);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Documents

const MIN_BYTES = 2048;
const MAX_BYTES = 8192;

/** One document; `index` only names it. Sizes are 2–8 KB of UTF-8. */
export function makeDocument(r, index, figureShare = DEFAULT_FIGURE_SHARE) {
  const country = r.weighted(COUNTRIES.map((k) => [k.weight, k]));
  const year = r.int(2016, 2024);
  const pub = { year, month: r.int(1, 12), day: r.int(1, 28) };
  const style = r.weighted([[4, "wire"], [3, "ngo"], [2, "advocacy"]]);
  const org = r.pick(ORGS.filter((o) => o.style !== "state"));
  const c = {
    country, pub, style, org,
    city: r.pick(country.cities),
    region: r.pick(country.regions),
    wire: r.pick(WIRES),
    publisher: style === "ngo" ? org.name.replace(/^the /, "") : r.pick(PUBLISHERS),
    topic: r.pick(Object.keys(EVENTS)),
    spokes: { name: person(r), role: r.pick(ROLES) },
    year: String(year - 1),
    yearNum: String(r.int(5, 30)),
    fig: String(r.int(5, 120)),
    victims: r.weighted(VICTIMS),
  };
  const target = r.int(MIN_BYTES, MAX_BYTES);
  const head = [r.pick(HEADLINE_TEMPLATES)(c)];
  if (style !== "wire" && r.chance(0.5)) head.push(`${MONTHS[pub.month - 1]} ${pub.day}, ${year}`);
  if (style === "wire" && r.chance(0.5)) head.push(`By ${person(r)}`);
  const tail = clutter(r, c);
  let body = [INTRO_TEMPLATES[style](r, c)];
  const fixed = Buffer.byteLength(head.join("\n") + tail.join("\n")) + 8;
  let size = fixed + Buffer.byteLength(body[0]);
  for (;;) {
    const p = r.chance(0.15 * (figureShare / 0.55)) ? r.pick(FIGURE_SENTENCES)(r, c) : paragraph(r, c, figureShare);
    const b = Buffer.byteLength(p) + 2;
    if (size + b > MAX_BYTES) {
      if (size >= MIN_BYTES) break;
      continue; // too long a paragraph for what is left; try a shorter one
    }
    body.push(p);
    size += b;
    if (size >= target) break;
  }
  const text = [...head, "", body.join("\n\n"), "", ...tail].join("\n") + "\n";
  const published = `${year}-${String(pub.month).padStart(2, "0")}-${String(pub.day).padStart(2, "0")}`;
  return {
    text,
    meta: { document: `synthetic-${String(index).padStart(6, "0")}.txt`, published, publisher: c.publisher },
  };
}

/** An endless, lazy, reproducible stream of documents for one seed. */
export function* documents(seed = 1, figureShare = DEFAULT_FIGURE_SHARE) {
  const r = new Rng(typeof seed === "number" ? seed >>> 0 : seedOf(seed));
  for (let i = 0; ; i++) yield makeDocument(r, i, figureShare);
}

/** The first documents of seed 1 until their UTF-8 text passes `limit` bytes (the one that passes it included). */
export function documentsUpTo(limit) {
  const docs = [];
  let bytes = 0;
  for (const d of documents(1)) {
    docs.push(d);
    bytes += Buffer.byteLength(d.text, "utf8");
    if (bytes > limit) break;
  }
  return { docs, bytes };
}

// `node bench/corpus.mjs [seed] [count]` prints sample documents.
if (import.meta.url === `file://${process.argv[1]}`) {
  const seed = Number(process.argv[2] ?? 1);
  const count = Number(process.argv[3] ?? 1);
  let i = 0;
  for (const doc of documents(seed)) {
    if (i++ >= count) break;
    process.stdout.write(`=== ${doc.meta.document} (${doc.meta.published}, ${doc.meta.publisher}, ${Buffer.byteLength(doc.text)} bytes)\n${doc.text}\n`);
  }
}
