// Domain vocabulary shared by every layer: claims in the interchange format of FORMAT.md.

/** Event types a claim can count. An execution is a killing under a death sentence. */
export const EVENT_TYPES = [
  "execution",
  "killing",
  "death_sentence",
  "death_row",
  "arrest",
  "injury",
  "disappearance",
  "torture",
  "flogging",
  "amputation",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How a figure is hedged: "at least 12" is at_least, "some 30,000" is about. */
export const QUALIFIERS = ["exact", "at_least", "more_than", "about", "up_to"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Groups of victims a claim can be about. */
export const VICTIM_GROUPS = [
  "protesters",
  "political_prisoners",
  "prisoners",
  "women",
  "child_offenders",
  "drug_offenders",
  "ethnic_minorities",
  "religious_minorities",
  "journalists",
  "civilians",
] as const;
export type VictimGroup = (typeof VICTIM_GROUPS)[number];

/** A closed interval of ISO dates (YYYY-MM-DD), both ends included. */
export interface Period {
  start: string;
  end: string;
}

/** A character range [start, end) in UTF-16 code units of a document's text. */
export type Span = [number, number];

/** One quantitative claim, as in the interchange format (FORMAT.md). */
export interface Claim {
  document: string;
  event: EventType;
  count: number;
  qualifier: Qualifier;
  period: Period | null;
  place: string | null;
  victims: VictimGroup[];
  source: string | null;
  quote: string;
  span: Span;
  /** True when the sentence stands in page clutter (teasers, tags, share lines). */
  clutter?: boolean;
  /** Span of the figure itself inside the document text. */
  countSpan?: Span;
  /** The page (1-based) of the original the sentence starts on, for documents read from pages (PDF). */
  page?: number;
  /** Version of the extractor that produced the claim. */
  extractor?: string;
  /**
   * Where the period came from: the claim's own sentence, its paragraph, the same figure or event
   * dated elsewhere in the document, a heading, the document's title or opening statement of its
   * period, or the publication date (and the document's kind).
   */
  periodFrom?: PeriodOrigin;
  /** The period as the text names it in its own calendar ("Aban 1403"), beside the Gregorian interval. */
  periodLabel?: string;
  /** How sure the extractor is, 0–1, and why not more when it is low. */
  confidence?: number;
  confidenceReason?: string;
}

/** Where a claim's period was found, from nearest to farthest. */
export const PERIOD_ORIGINS = ["sentence", "paragraph", "document", "heading", "title", "publication"] as const;
export type PeriodOrigin = (typeof PERIOD_ORIGINS)[number];

/** Roles a named person can play in a document. */
export type PersonRole = "victim" | "official" | "source";

/** A person named in a document. */
export interface PersonMention {
  document: string;
  name: string;
  role: PersonRole;
  span: Span;
}

/** What the extractor needs to know about a document besides its text. */
export interface DocumentMeta {
  /** Name of the document in outputs (the manifest's file name). */
  document: string;
  /** ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) or null when unknown. */
  published: string | null;
  publisher?: string | null;
  /** ISO 639-1 code of the document's language when known (ingest detects it); else the extractor guesses. */
  language?: string | null;
}

/** The extractor's result for one document. */
export interface Extraction {
  claims: Claim[];
  people: PersonMention[];
  /** The language the rules were chosen for (ISO 639-1), or null when it could not be told. */
  language?: string | null;
  /** Why nothing could be extracted, when the language has no extraction rules ("language Turkish has no extraction rules"). */
  unsupported?: string;
}
