// Types of the linking core: claims as the linker sees them, facts, voices and contradictions.
import type { EventType, Period, Qualifier, VictimGroup } from "../types.js";

/** A stored claim with the provenance the linker needs. */
export interface LinkClaim {
  id: string;
  documentId: string;
  documentName: string;
  /** ISO date prefix of the document's publication, or null. */
  published: string | null;
  event: EventType;
  count: number;
  qualifier: Qualifier;
  period: Period | null;
  place: string | null;
  victims: VictimGroup[];
  /** Normalised short name of the credited source, or null when the text credits none. */
  source: string | null;
  /** Network id of the source from the registry, or null when unknown. */
  sourceNetwork: string | null;
  /** Publisher or outlet carrying the claim (a wire service citing an organisation). */
  reportedBy: string | null;
  /** Id shared by syndicated and near-duplicate documents. */
  duplicateGroup: string;
  /** ISO 639-1 code of the document's language (null: none detected; absent in facts stored before it was kept). */
  language?: string | null;
  quote: string;
  /** Offset of the figure inside `quote`, when known (the claim's count span). */
  countAt?: number;
  /** An analyst's assignment: the scope of the fact the claim was merged into, or a split-off tag. */
  override?: { scope?: FactScope; split?: string };
}

/** Event families: execution and killing merge where the victims make the text ambiguous. */
export type EventFamily = Exclude<EventType, "killing"> | "killing";

/** What a fact is about. A null place or period means the claims did not say. */
export interface FactScope {
  family: EventFamily;
  place: string | null;
  period: Period | null;
  /** Victim groups all claims share; empty means all victims. */
  victims: VictimGroup[];
  /** Set when an analyst split claims out of a fact into one of their own. */
  split?: string;
  /** True for figures a document names as a breakdown of a larger figure ("32 of them children"). */
  part?: boolean;
  /**
   * True for figures that count the dead and the injured together ("20 killed or wounded"): they
   * form facts of their own, never compared with, nested in or containing counts of one of the two.
   */
  combined?: boolean;
}

/** One independent voice in a fact: a network, or a lone source, outlet or document. */
export interface Voice {
  id: string;
  /** Human-readable name: the sources heard in this voice, joined. */
  label: string;
  sources: string[];
  claimIds: string[];
  /** The claim whose figure stands for this voice (its latest). */
  figureClaimId: string;
  count: number;
  qualifier: Qualifier;
  /** Lowest and highest value the figure allows, with tolerance; hi null means unbounded. */
  lo: number;
  hi: number | null;
  /** True when the voice's network or source is in the source registry. */
  registered: boolean;
}

/**
 * How far the independent voices agree. `undated`: the figures state no period, so they may
 * count different stretches of time and are listed side by side, never compared.
 * `single_document`: two or more voices heard only in one document that credits at most one of
 * them (a publisher's own figure beside a credited one), which neither confirm nor contest each other.
 */
export type FactStatus = "single_source" | "single_network" | "single_document" | "corroborated" | "contested" | "undated";

/** A source changing its own figure for one scope over time; not a contradiction. */
export interface Revision {
  factId: string;
  voice: string;
  fromClaimId: string;
  toClaimId: string;
  fromCount: number;
  toCount: number;
  reason: string;
}

/** Kinds of contradictions the linker detects. */
export type ContradictionKind = "incompatible_figures" | "dating_error" | "parts_exceed_whole" | "internal_inconsistency";

/** A contradiction between claims, explained in a sentence. */
export interface Contradiction {
  id: string;
  kind: ContradictionKind;
  reason: string;
  claims: string[];
  facts: string[];
  severity: "low" | "medium" | "high";
  /** True when the claims come from independent voices (possibly reported side by side in one document). */
  independent: boolean;
  /** How consequential (higher first): independence, precise scope, sourcing, relative gap; see ranking.ts. */
  score: number;
}

/** Claims about one scope, with the range across independent voices. */
export interface Fact {
  id: string;
  /** Stable text key of the scope; the id is its hash. */
  key: string;
  /** Recomputation unit: event family and country. */
  partition: string;
  scope: FactScope;
  claims: LinkClaim[];
  voices: Voice[];
  low: number;
  best: number;
  high: number;
  /** True when the high figure is itself a minimum ("at least"). */
  highIsMinimum: boolean;
  rule: string;
  /** Which rule chose `best` here, in words (with the figures it ruled out). */
  bestRule: string;
  status: FactStatus;
  parentId: string | null;
  children: string[];
  contradictionIds: string[];
}

/** Everything the linker produces. */
export interface LinkResult {
  facts: Fact[];
  contradictions: Contradiction[];
  revisions: Revision[];
}

/** Options of the linker. */
export interface LinkOptions {
  /** Network of a source or outlet name; defaults to the seed source registry. */
  networkOf?: (name: string) => string | null;
}
