// Finds near-duplicate and syndicated copies among stored documents: SimHash blocks narrow the
// candidates (no all-pairs comparison), the texts' shingle overlap decides.
import { classifyRelation, hammingDistance, parseSimhashHex, simhash64, simhashHex } from "../core/similarity/index.js";
import type { RelationKind, Store } from "../store/index.js";

const BLOCKS = 4;
const MAX_DISTANCE = 12;

/** An in-memory index of stored documents' SimHashes, split in 16-bit blocks. */
export class NearDuplicateIndex {
  private readonly blocks: Map<number, number[]>[] = Array.from({ length: BLOCKS }, () => new Map());
  private readonly hashes = new Map<number, bigint>();

  /** Loads every stored SimHash. */
  static async load(store: Store): Promise<NearDuplicateIndex> {
    const index = new NearDuplicateIndex();
    for (const { id, simhash } of await store.listSimhashes()) index.add(id, parseSimhashHex(simhash));
    return index;
  }

  /** Adds a document's SimHash to the index. */
  add(id: number, hash: bigint): void {
    this.hashes.set(id, hash);
    for (let b = 0; b < BLOCKS; b++) {
      const key = Number((hash >> BigInt(16 * b)) & 0xffffn);
      const list = this.blocks[b]?.get(key);
      if (list) list.push(id);
      else this.blocks[b]?.set(key, [id]);
    }
  }

  /** Whether any indexed document is a candidate for this SimHash (relating would compare texts). */
  hasCandidates(hash: bigint): boolean {
    return this.candidates(hash, -1).length > 0;
  }

  /** Ids of documents whose SimHash is close to this one, nearest first. */
  candidates(hash: bigint, exclude: number): number[] {
    const seen = new Map<number, number>();
    for (let b = 0; b < BLOCKS; b++) {
      const key = Number((hash >> BigInt(16 * b)) & 0xffffn);
      for (const id of this.blocks[b]?.get(key) ?? []) {
        if (id === exclude || seen.has(id)) continue;
        const d = hammingDistance(hash, this.hashes.get(id) ?? 0n);
        if (d <= MAX_DISTANCE) seen.set(id, d);
      }
    }
    return [...seen.entries()].sort((a, b) => a[1] - b[1]).slice(0, 10).map(([id]) => id);
  }
}

/** A relation a text has to a stored document. */
export interface FoundRelation {
  other: number;
  kind: RelationKind;
  similarity: number;
}

/** The relations of a text (SimHash `hash`) to the indexed documents other than `exclude`, nearest candidates first. */
export async function findRelations(store: Store, index: NearDuplicateIndex, text: string, hash: bigint, exclude: number): Promise<FoundRelation[]> {
  const found: FoundRelation[] = [];
  for (const other of index.candidates(hash, exclude)) {
    const doc = await store.getDocument(other);
    if (!doc) continue;
    const rel = classifyRelation({ text }, { text: doc.text });
    if (rel.kind === "near_duplicate") found.push({ other, kind: "near_duplicate", similarity: rel.similarity });
    else if (rel.kind === "shares_passages") found.push({ other, kind: "syndicated", similarity: rel.similarity });
  }
  return found;
}

/**
 * Computes and stores a new document's SimHash, and records a relation to every stored
 * document that is a near-duplicate (syndicated copy) of it or shares whole passages with it.
 */
export async function relateDocument(store: Store, index: NearDuplicateIndex, id: number, text: string): Promise<number> {
  const hash = simhash64(text);
  const relations = await findRelations(store, index, text, hash, id);
  for (const r of relations) await store.addRelation(id, r.other, r.kind, r.similarity);
  // The SimHash is written last: a document without one has not been related yet, so a run
  // interrupted before this point relates it again (relations are upserts).
  await store.setSimhash(id, simhashHex(hash));
  index.add(id, hash);
  return relations.length;
}
