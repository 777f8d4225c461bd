// What `tally extract --explain` says of each figure: the claim it became, or why none.
import type { Claim } from "../types.js";
import { nonCountReason } from "./associate.js";
import type { NumberMention } from "./numbers.js";

/** What the extractor made of one figure of the text (`tally extract --explain`). */
export interface FigureDecision {
  /** The figure as written, and its span in the original text. */
  text: string;
  span: [number, number];
  value: number;
  /** The claim it became, or null. */
  claim: Claim | null;
  /** Why it is not a claim ("a year", "a rate", "no event found"), or how the claim was read. */
  reason: string;
}

/** nonCountReason's reasons in words. */
const REASON_TEXT: Record<string, string> = {
  year: "a year", date: "a date", "time or ratio": "a time or a ratio", percentage: "a percentage", money: "a sum of money",
  age: "an age", duration: "a duration", "reference number": "a reference number (page, article, case…)",
  "phone number": "a phone number", "not a count": "not a count", multiplier: "a multiplier", rate: "a rate (per day, per week…)",
  "total of a partitive": "the total of a partitive (\"3 of the 20\")",
};

/** Why a figure is not a count, in words, or null when it could be one. */
export function explainReason(s: string, n: NumberMention, known?: string | null): string | null {
  const r = known === undefined ? nonCountReason(s, n) : known;
  return r ? (REASON_TEXT[r] ?? r) : null;
}
