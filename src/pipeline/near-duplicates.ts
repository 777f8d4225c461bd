// Finds near-duplicate and syndicated copies among stored documents: SimHash blocks narrow the
// candidates (no all-pairs comparison), the texts' shingle overlap decides.
import { classifyShingles, halvesDistance, parseSimhashHex, simhash64, simhashHalves, simhashHex, TextShingles } from "../core/similarity/index.js";
import { WeightedLru } from "./weighted-lru.js";
import type { RelationKind, Store } from "../store/index.js";

const BLOCKS = 4;
const MAX_DISTANCE = 12;
/** Stored documents a new one is compared with: the nearest by SimHash. */
const MAX_CANDIDATES = 10;
/**
 * Bytes of stored documents' shingles kept: candidates recur (a wire story and its copies).
 * Ingesting 100,000 generated documents of similar wording compares 444,000 pairs; with the
 * shingles of 4,096 documents kept, 66% of the comparisons read a text back from the store and
 * shingled it, with 32,768 documents 13%. A document's shingles take about 3.5 KB, so 32,768 of them
 * 115 MB: a quarter of what an ingest of 100,000 documents may use in all (issue 26: 500 MB). This
 * bound keeps about 13,000 of them.
 */
const SHINGLE_BYTES = 48 * 1024 * 1024;
/** Characters of the texts of documents this process stored last, kept so that comparing with them needs no read (4,096 texts of 4 KB). */
const RECENT_TEXT_CHARS = 16 * 1024 * 1024;

/** Memory a document's shingles hold: their two arrays and the object. */
const shingleBytes = (s: TextShingles) => s.shingles.byteLength + s.paragraphs.byteLength + 200;

/**
 * An in-memory index of stored documents' SimHashes, split in 16-bit blocks. Each block value
 * lists its documents as (id, high 32 bits, low 32 bits) triples, so that a lookup measures the
 * distance to every document in the list without a second lookup (at 100,000 documents of
 * similar wording, about 0.4 ms a lookup with BigInts).
 */
export class NearDuplicateIndex {
  private readonly blocks: Map<number, number[]>[] = Array.from({ length: BLOCKS }, () => new Map());
  /** Documents in the index. */
  private readonly ids = new Set<number>();
  /** Shingles of recently compared stored documents. */
  private readonly shingleCache = new WeightedLru<number, TextShingles>(SHINGLE_BYTES, shingleBytes);
  /** Texts of documents just stored (shingled only if they turn out to be candidates). */
  private readonly recentTexts = new WeightedLru<number, string>(RECENT_TEXT_CHARS, (text) => text.length);

  /** Loads every stored SimHash. */
  static async load(store: Store): Promise<NearDuplicateIndex> {
    const index = new NearDuplicateIndex();
    await index.catchUp(store);
    return index;
  }

  /** The largest document id read from the store so far. */
  private lastRead = 0;

  /**
   * Adds the SimHashes of documents stored since the last call (by id: documents other writers
   * stored one at a time after it, as queue workers do; see runWorker).
   */
  async catchUp(store: Store): Promise<void> {
    for (const { id, simhash } of await store.listSimhashes(this.lastRead)) {
      this.add(id, parseSimhashHex(simhash));
      if (id > this.lastRead) this.lastRead = id;
    }
  }

  /** Adds a document's SimHash to the index (a document already in it is left as it is). */
  add(id: number, hash: bigint): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    const [hi, lo] = simhashHalves(hash);
    for (let b = 0; b < BLOCKS; b++) {
      const key = blockKey(hi, lo, b);
      const list = this.blocks[b]?.get(key);
      if (list) list.push(id, hi, lo);
      else this.blocks[b]?.set(key, [id, hi, lo]);
    }
  }

  /** Adds a document this process has just stored, keeping its text for comparisons to come. */
  addStored(id: number, hash: bigint, text: string): void {
    this.add(id, hash);
    this.recentTexts.set(id, text);
  }

  /** Shingles of stored documents, from the cache, recent texts or (all the others in one lookup) their texts in the store; a document that is gone is absent. */
  async shinglesOf(store: Store, ids: readonly number[]): Promise<Map<number, TextShingles>> {
    const found = new Map<number, TextShingles>();
    const missing: number[] = [];
    for (const id of ids) {
      const cached = this.shingleCache.get(id);
      const recent = cached ? undefined : this.recentTexts.get(id);
      if (cached) found.set(id, cached);
      else if (recent !== undefined) found.set(id, this.remember(id, recent));
      else missing.push(id);
    }
    if (missing.length > 0) {
      for (const [id, text] of await store.getDocumentTexts(missing)) found.set(id, this.remember(id, text));
    }
    return found;
  }

  private remember(id: number, text: string): TextShingles {
    const shingles = new TextShingles(text);
    this.shingleCache.set(id, shingles);
    return shingles;
  }

  /**
   * Ids of the (at most 10) documents whose SimHash is closest to this one, nearest first; at equal
   * distance the older (smaller id) first, so that the choice does not depend on the order the
   * index was filled in (loaded after a crash, or grown during a run).
   */
  candidates(hash: bigint, exclude: number): number[] {
    const seen = new Map<number, number>();
    const [hi, lo] = simhashHalves(hash);
    for (let b = 0; b < BLOCKS; b++) {
      const list = this.blocks[b]?.get(blockKey(hi, lo, b));
      if (!list) continue;
      for (let i = 0; i + 2 < list.length; i += 3) {
        const id = list[i] as number;
        if (id === exclude || seen.has(id)) continue;
        const d = halvesDistance(hi, lo, list[i + 1] as number, list[i + 2] as number);
        if (d <= MAX_DISTANCE) seen.set(id, d);
      }
    }
    return [...seen.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES).map(([id]) => id);
  }
}

/** Block `b` (0 = the lowest 16 bits) of a SimHash given as its high and low 32 bits. */
function blockKey(hi: number, lo: number, b: number): number {
  return b < 2 ? (lo >>> (16 * b)) & 0xffff : (hi >>> (16 * (b - 2))) & 0xffff;
}

/** A relation a text has to a stored document. */
export interface FoundRelation {
  other: number;
  kind: RelationKind;
  similarity: number;
}

/** The relations of a text (SimHash `hash`) to the indexed documents other than `exclude`, nearest candidates first. */
export async function findRelations(store: Store, index: NearDuplicateIndex, text: string, hash: bigint, exclude: number): Promise<FoundRelation[]> {
  return relationsAmong(store, index, new LazyShingles(text), index.candidates(hash, exclude));
}

/** The relations of a text to these stored documents (candidates found by SimHash), in their order. */
export async function relationsAmong(store: Store, index: NearDuplicateIndex, mine: LazyShingles, candidates: readonly number[]): Promise<FoundRelation[]> {
  const found: FoundRelation[] = [];
  if (candidates.length === 0) return found;
  const shingles = await index.shinglesOf(store, candidates);
  for (const other of candidates) {
    const theirs = shingles.get(other);
    if (!theirs) continue;
    const rel = relationOf(mine.get(), theirs);
    if (rel) found.push({ other, ...rel });
  }
  return found;
}

/** How two texts' shingles relate, as a stored relation kind (null: not related). */
export function relationOf(a: TextShingles, b: TextShingles): { kind: RelationKind; similarity: number } | null {
  const rel = classifyShingles(a, b);
  if (rel.kind === "near_duplicate") return { kind: "near_duplicate", similarity: rel.similarity };
  if (rel.kind === "shares_passages") return { kind: "syndicated", similarity: rel.similarity };
  return null;
}

/** A text's shingles, computed the first time they are needed. */
export class LazyShingles {
  private shingles: TextShingles | null = null;
  constructor(private readonly text: string) {}
  get(): TextShingles {
    this.shingles ??= new TextShingles(this.text);
    return this.shingles;
  }
}

/**
 * Computes and stores a new document's SimHash, and records a relation to every stored
 * document that is a near-duplicate (syndicated copy) of it or shares whole passages with it.
 */
export async function relateDocument(store: Store, index: NearDuplicateIndex, id: number, text: string): Promise<number> {
  const hash = simhash64(text);
  const relations = await findRelations(store, index, text, hash, id);
  // The SimHash is written last, with the relations: a document without one has not been related
  // yet, so a run interrupted before this point relates it again (relations are upserts).
  await store.relateDocuments([{ documentId: id, simhash: simhashHex(hash), relations }]);
  index.add(id, hash);
  return relations.length;
}
