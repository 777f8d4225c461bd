// What the facts service answers: its questions (filters, timeline queries) and its views of
// facts, claims and contradictions; and the checks of a question, failing with FactsQueryError.
import { Invalid } from "../shared/errors.js";
import { isIsoDatePrefix } from "../ingest/dates.js";
import type { Contradiction, Fact, Revision } from "../core/linking/index.js";
import { EVENT_TYPES, type EventType, type Period, type Qualifier, type VictimGroup } from "../core/types.js";
import type { Timeline, TimelineParts, VoiceView } from "./timeline-rows.js";

/** A bad question to the facts service (an unknown event, a malformed date). */
export class FactsQueryError extends Invalid {
  constructor(message: string) {
    super(message);
    this.name = "FactsQueryError";
  }
}

/** Which facts to list; every field narrows the set. */
export interface FactFilters {
  event?: EventType;
  /** ISO date or prefix: facts whose period ends on or after it (undated facts are left out). */
  from?: string;
  /** ISO date or prefix: facts whose period starts on or before its end. */
  to?: string;
  /** A place: facts about it or about places inside it. */
  place?: string;
  /** A source name or alias, or a network id: facts with a claim heard from it. */
  source?: string;
  victims?: VictimGroup;
  /** How far the independent voices agree (Fact["status"]). */
  status?: Fact["status"];
  /** A language code (ISO 639-1), or "unknown": facts with a claim from a document in it (none detected). */
  language?: string;
}

/** A page of the facts of a filter, in an order: by scope (event, place, period, victims) or most consequential first. */
export interface FactPage {
  limit?: number;
  offset?: number;
  /** "scope" (default): event, place, period, victims; "consequential": the facts of the most consequential conflicts first (as /conflicts ranks them), then by contradictions and name. */
  order?: "scope" | "consequential";
}

/**
 * Which contradictions to list; every field narrows the set. The event, dates, place and victims
 * ask one of the facts a contradiction touches to be in that scope; the source, one of its claims
 * to be heard from it.
 */
export interface ConflictFilters {
  event?: EventType;
  from?: string;
  to?: string;
  place?: string;
  source?: string;
  victims?: VictimGroup;
  severity?: Contradiction["severity"];
  kind?: Contradiction["kind"];
}

/** A fact in lists. */
export interface FactSummary {
  id: string;
  description: string;
  event: string;
  place: string | null;
  period: Period | null;
  victims: VictimGroup[];
  low: number;
  best: number;
  high: number;
  highIsMinimum: boolean;
  /** Which rule chose best, in words. */
  bestRule: string;
  status: Fact["status"];
  voices: VoiceView[];
  claims: number;
  contradictions: number;
  parentId: string | null;
  children: string[];
}

/** A claim of a fact, with its provenance. */
export interface ClaimView {
  id: string;
  documentId: number;
  document: string;
  published: string | null;
  count: number;
  qualifier: Qualifier;
  figure: string;
  period: Period | null;
  /** The period as the claim's text names it in its own calendar ("آبان ۱۴۰۳"), when it does. */
  periodLabel?: string;
  place: string | null;
  victims: VictimGroup[];
  /** Source as the linker hears it (normalised through the registry). */
  source: string | null;
  /** The name the stored claim credits, as extracted. */
  credited: string | null;
  network: string | null;
  reportedBy: string | null;
  /** Voice the claim is counted in, and whether it is that voice's standing figure. */
  voice: string | null;
  standing: boolean;
  quote: string;
}

/** A contradiction with its claims and facts spelled out. */
export interface ConflictView {
  id: string;
  kind: Contradiction["kind"];
  severity: Contradiction["severity"];
  reason: string;
  /** True when the claims come from independent voices (possibly reported side by side in one document). */
  independent: boolean;
  /** How consequential: conflicts are listed by this score, highest first (RANKING_RULE). */
  score: number;
  /** Largest figure among the claims. */
  largest: number;
  facts: { id: string; description: string }[];
  claims: ClaimView[];
}

/** Everything about one fact: the side-by-side view. */
export interface FactDetail extends FactSummary {
  rule: string;
  claimViews: ClaimView[];
  conflicts: ConflictView[];
  revisions: Revision[];
  parent: FactSummary | null;
  childFacts: FactSummary[];
}

/** What a timeline is about. */
export interface TimelineQuery {
  event: EventType;
  place: string;
  by?: "year" | "month";
  victims?: VictimGroup[];
  /** Keep only this many voices, those with the most figures (see leadingVoices); default: all. */
  voices?: number;
  /** Places inside the place: left out (default), shown as rows of their own, or summed per period. */
  parts?: TimelineParts;
}

/** What the overview shows of one event and place. */
export interface ScopeOverview {
  facts: number;
  /** Independent voices heard in those facts. */
  voices: number;
  timeline: Timeline;
  /** Contradictions touching those facts, and the most consequential of them. */
  conflictCount: number;
  conflicts: ConflictView[];
}

/** Refuses a date that is not YYYY, YYYY-MM or YYYY-MM-DD. */
export function checkDate(name: string, value: string | undefined): void {
  if (value !== undefined && !isIsoDatePrefix(value)) {
    throw new FactsQueryError(`${name} must be YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  }
}

/** Refuses an unknown event. */
export function checkEvent(event: string | undefined): void {
  if (event !== undefined && !(EVENT_TYPES as readonly string[]).includes(event)) {
    throw new FactsQueryError(`unknown event "${event}"; one of ${EVENT_TYPES.join(", ")}`);
  }
}
