// The source registry: known organisations and people, their aliases and networks, and
// normalisation of the names texts credit ("the NCRI's", "Amnesty", "PMOI / MEK Iran").
import seed from "./data/sources.json" with { type: "json" };

/** One known source: an organisation, outlet or person. */
export interface SourceEntry {
  id: string;
  short: string;
  name: string;
  kind: string;
  network: string;
  aliases: string[];
}

/** A group of affiliated sources that count as one voice. */
export interface NetworkEntry {
  id: string;
  name: string;
  note?: string;
}

/** The registry's data as kept in JSON (seed or the user's file). */
export interface RegistryData {
  version: number;
  networks: NetworkEntry[];
  sources: SourceEntry[];
}

/**
 * The words of a name's alias key: runs of [a-z0-9'&] in the lower-cased name, with typographic
 * apostrophes and backquotes read as "'". Everything else (spaces, hyphens, punctuation) only
 * separates words. One pass over the characters; this runs for every phrase searched for names.
 */
function aliasWords(name: string, starts?: number[]): string[] {
  const lower = name.toLowerCase();
  const words: string[] = [];
  let word = "";
  let from = -1; // start of the current run when it needs no quote mapping, else -1
  let inWord = false;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const quote = c === 0x2019 || c === 0x2018 || c === 0x60;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 38 || quote) {
      if (!inWord) {
        inWord = true;
        from = i;
        word = "";
        starts?.push(i);
      }
      if (quote) {
        if (from >= 0) word = lower.slice(from, i);
        from = -1;
        word += "'";
      } else if (from < 0) word += lower[i] as string;
    } else if (inWord) {
      inWord = false;
      words.push(from >= 0 ? lower.slice(from, i) : word);
    }
  }
  return words;
}

/** The alias-key code of an ASCII or quote character: lower-cased, quotes read as "'"; -1 for a separator. */
function keyCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 38) return c;
  return c === 0x60 || c === 0x2019 || c === 0x2018 ? 39 : -1;
}

/** The hash `scanKeyWords` gives a word of an alias key. */
function keyHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/**
 * The words aliasWords(phrase) gives, as offsets and hashes in these arrays instead of strings:
 * findIn runs on every phrase searched for names, and calls nothing that scans again.
 */
const scanned = { starts: [] as number[], ends: [] as number[], hashes: [] as number[], count: 0, upper: false, lower: false };

/**
 * Fills `scanned` with the words of a phrase of ASCII characters and typographic quotes, whose
 * lower-casing keeps every character in place; false (and nothing scanned) for any other phrase.
 */
function scanKeyWords(phrase: string): boolean {
  const { starts, ends, hashes } = scanned;
  let count = 0;
  let upper = false;
  let lower = false;
  let h = 0;
  let inWord = false;
  for (let i = 0; i <= phrase.length; i++) {
    const c = i < phrase.length ? phrase.charCodeAt(i) : 32;
    if (c > 127 && c !== 0x2019 && c !== 0x2018) return false;
    const k = keyCode(c);
    if (k >= 0) {
      if (c >= 65 && c <= 90) upper = true;
      else if (c >= 97 && c <= 122) lower = true;
      if (!inWord) {
        inWord = true;
        starts[count] = i;
        h = 0;
      }
      h = (Math.imul(h, 31) + k) | 0;
    } else if (inWord) {
      inWord = false;
      ends[count] = i;
      hashes[count] = h;
      count++;
    }
  }
  scanned.count = count;
  scanned.upper = upper;
  scanned.lower = lower;
  return true;
}

/** Whether the w-th scanned word of the phrase is `word` (an alias key's word). */
function scannedIs(phrase: string, w: number, word: string): boolean {
  const start = scanned.starts[w] as number;
  if ((scanned.ends[w] as number) - start !== word.length) return false;
  for (let j = 0; j < word.length; j++) if (keyCode(phrase.charCodeAt(start + j)) !== word.charCodeAt(j)) return false;
  return true;
}

const isCapital = (c: number) => c >= 65 && c <= 90;

/** Lower-cases and squashes a name to the key used for alias lookup. */
export function aliasKey(name: string): string {
  // Same as lower-casing, then replacing [\u2019\u2018`] by "'", [^a-z0-9'&\s-]+ and "-" by " ",
  // squashing whitespace and trimming.
  return aliasWords(name).join(" ");
}

/** Strips articles, possessives, titles and punctuation from a credited name. */
export function cleanSourceName(raw: string): string {
  let s = raw
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  // Quotes and punctuation around the name go, and brackets left unmatched by the sentence's cut
  // ("(Amnesty", "Amnesty)") or around the whole name ("(Amnesty)"); a name's own gloss stays
  // ("Lakeside News Agency (LNA)").
  const count = (ch: string) => s.split(ch).length - 1;
  for (let before = ""; before !== s; ) {
    before = s;
    s = s.replace(/^["'\s]+|["'\s,.;:]+$/g, "");
    if (s.startsWith("(") && (count("(") > count(")") || (s.endsWith(")") && count("(") === 1))) s = s.slice(1);
    if (s.endsWith(")") && count(")") > count("(")) s = s.slice(0, -1);
  }
  s = s.replace(/^(?:the|a|an)\s+/i, "");
  s = s.replace(/'s$|s'$/i, (m) => (m.toLowerCase() === "s'" ? "s" : ""));
  return s.trim();
}

/** An alias as findIn matches it: its key's words, which of them the alias capitalises, its source. */
interface Alias {
  words: string[];
  caps: boolean[];
  entry: SourceEntry;
}

/** Looks up names in a registry, by alias, acronym and contained names. */
export class SourceRegistry {
  private readonly byAlias = new Map<string, SourceEntry>();
  /** Aliases by their first word, longest first, for a word-by-word scan. */
  private readonly byFirstWord = new Map<string, Alias[]>();
  /** The lists of byFirstWord by the keyHash of their first word, for findIn's scan without strings. */
  private readonly byFirstHash = new Map<number, Alias[][]>();
  readonly networks: Map<string, NetworkEntry>;

  constructor(readonly data: RegistryData) {
    this.networks = new Map(data.networks.map((n) => [n.id, n]));
    for (const s of data.sources) {
      for (const a of [s.short, s.name, ...s.aliases]) {
        const k = aliasKey(a);
        if (!k) continue;
        if (this.byAlias.has(k)) {
          // The same alias spelt in lower case too ("UN human rights office"): a word need be capitalised only if every spelling does.
          const again = this.byFirstWord.get(k.split(" ")[0] as string)?.find((x) => x.words.join(" ") === k);
          if (again && again.caps.length > 0) {
            const starts: number[] = [];
            aliasWords(a, starts);
            again.caps = again.caps.map((c, i) => c && starts[i] !== undefined && /[A-Z]/.test(a[starts[i] as number] as string));
          }
          continue;
        }
        this.byAlias.set(k, s);
        const words = k.split(" ");
        const first = words[0] as string;
        const list = this.byFirstWord.get(first) ?? [];
        // Which words the alias capitalises: "Iran Human Rights" is a name, "an Iran human rights group" a description.
        const starts: number[] = [];
        aliasWords(a, starts);
        const caps = words.length > 1 && starts.length === words.length ? starts.map((at) => /[A-Z]/.test(a[at] as string)) : [];
        list.push({ words, caps, entry: s });
        list.sort((x, y) => y.words.length - x.words.length);
        this.byFirstWord.set(first, list);
      }
    }
    for (const [first, list] of this.byFirstWord) {
      const h = keyHash(first);
      const lists = this.byFirstHash.get(h);
      if (lists) lists.push(list);
      else this.byFirstHash.set(h, [list]);
    }
  }

  /**
   * Answers of lookup and normalize by name. The registry never changes after construction and
   * texts credit the same few names over and over; emptied when large.
   */
  private readonly lookups = new Map<string, SourceEntry | null>();
  private readonly normalized = new Map<string, string>();

  /** The entry whose alias is exactly this name (after cleaning), or null. */
  lookup(name: string): SourceEntry | null {
    let entry = this.lookups.get(name);
    if (entry === undefined) {
      entry = this.byAlias.get(aliasKey(cleanSourceName(name))) ?? null;
      if (this.lookups.size >= 10_000) this.lookups.clear();
      this.lookups.set(name, entry);
    }
    return entry;
  }

  /** Every known source named inside a longer phrase, in order of appearance. */
  findIn(phrase: string): SourceEntry[] {
    if (!scanKeyWords(phrase)) return this.findInWords(phrase);
    const found: SourceEntry[] = [];
    const n = scanned.count;
    // As in findInWords: a capitalised word of the alias must be capitalised in a text that has both cases.
    const cased = scanned.upper && scanned.lower;
    for (let i = 0; i < n; i++) {
      const lists = this.byFirstHash.get(scanned.hashes[i] as number);
      if (!lists) continue;
      let candidates: Alias[] | undefined;
      for (const l of lists) if (scannedIs(phrase, i, (l[0] as Alias).words[0] as string)) candidates = l;
      if (!candidates) continue;
      for (const c of candidates) {
        let ok = true;
        for (let k = 1; k < c.words.length; k++) {
          if (i + k >= n || !scannedIs(phrase, i + k, c.words[k] as string) || (cased && c.caps[k] && !isCapital(phrase.charCodeAt(scanned.starts[i + k] as number)))) {
            ok = false;
            break;
          }
        }
        if (ok) {
          if (!found.includes(c.entry)) found.push(c.entry);
          i += c.words.length - 1;
          break;
        }
      }
    }
    return found;
  }

  /** findIn on any phrase, by the words aliasWords cuts out. */
  private findInWords(phrase: string): SourceEntry[] {
    const starts: number[] = [];
    const words = aliasWords(phrase, starts);
    const found: SourceEntry[] = [];
    // A name of several words capitalised in the registry must be capitalised in the text, unless
    // the text has no capitals at all: "Iran human rights group" does not name Iran Human Rights.
    const cased = /[A-Z]/.test(phrase) && /[a-z]/.test(phrase);
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      if (!candidates) continue;
      for (const c of candidates) {
        let ok = true;
        for (let k = 1; k < c.words.length; k++) {
          if (words[i + k] !== c.words[k] || (cased && c.caps[k] && !/[A-Z]/.test(phrase[starts[i + k] as number] as string))) {
            ok = false;
            break;
          }
        }
        if (ok) {
          if (!found.includes(c.entry)) found.push(c.entry);
          i += c.words.length - 1;
          break;
        }
      }
    }
    return found;
  }

  /** The network a (normalised or raw) source name belongs to, or null when unknown. */
  networkOf(name: string): string | null {
    return this.lookup(name)?.network ?? null;
  }

  /**
   * Normalises a credited name: a known source gives its short name; an unknown one is
   * cleaned of articles, possessives and punctuation.
   */
  normalize(raw: string): string {
    let name = this.normalized.get(raw);
    if (name === undefined) {
      const direct = this.lookup(raw);
      const inside = direct ? [] : this.findIn(raw);
      name = direct ? direct.short : inside.length > 0 && inside[0] ? inside[0].short : cleanSourceName(raw);
      if (this.normalized.size >= 10_000) this.normalized.clear();
      this.normalized.set(raw, name);
    }
    return name;
  }
}

/** The registry built from the project's seed data. */
export const defaultRegistry = new SourceRegistry(seed as RegistryData);
