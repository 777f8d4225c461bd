// What the sentence pass hands to the document-level passes: draft claims with their working data,
// and the figures of a sentence as associated with their events.
import type { Claim } from "../types.js";
import type { NumberMention } from "./numbers.js";

/** Version stamped on every claim; bump when the rules change what is extracted. */
export const EXTRACTOR_VERSION = "0.1.0";

/** A claim with the working data the document-level passes need. */
export interface DraftClaim extends Claim {
  /** Position of the sentence in the document, and its paragraph. */
  sentenceIndex: number;
  paragraph: number;
  /** Anchor words ("uprising", "massacre") that name the event the figure belongs to. */
  anchors: string[];
  /** True for the figure a comparison is made with ("up from 853 in 2023"): its period dates no other figure. */
  baseline?: boolean;
  /** What made the reading less certain, for the claim's confidence. */
  doubts?: string[];
}

/** A figure of a sentence with the event it counts. */
export interface Found {
  n: NumberMention;
  event: Claim["event"];
  npEnd: number;
  triggerStart: number;
  inherited?: Found;
  /** The hedge when the figure's own words do not give it (the ends of a range). */
  qualifier?: Claim["qualifier"];
}
