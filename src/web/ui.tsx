// Shared pieces of the pages: states in plain words, badges, figures, dates.
import type { ReactNode } from "react";
import { EVENT_TYPES, VICTIM_GROUPS } from "../core/types.js";
import type { Loaded } from "./hooks.js";

export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status">
      Loading {what}…
    </p>
  );
}

export function Problem({ message }: { message: string }) {
  return (
    <p className="state problem" role="alert">
      Something went wrong: {message}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** Renders a loaded value, or its loading or error state. */
export function Show<T>({ value, what, children }: { value: Loaded<T>; what: string; children: (data: T) => ReactNode }) {
  if (value.state === "loading") return <Loading what={what} />;
  if (value.state === "error") return <Problem message={value.message} />;
  return <>{children(value.data)}</>;
}

const STATUS_TEXT: Record<string, string> = {
  single_source: "single source",
  single_network: "one network",
  single_document: "one document",
  corroborated: "corroborated",
  contested: "contested",
  undated: "undated, not compared",
  sum_of_parts: "sum of parts",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{STATUS_TEXT[status] ?? status.replaceAll("_", " ")}</span>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge severity-${severity}`}>{severity} severity</span>;
}

export function EventTag({ event }: { event: string }) {
  return <span className={`event-tag ev-${event}`}>{event.replaceAll("_", " ")}</span>;
}

export { formatCount as fmt } from "../shared/key-figures.js";

export function period(p: { start: string; end: string } | null): string {
  if (!p) return "no period";
  if (p.start.endsWith("-01-01") && p.end === `${p.start.slice(0, 4)}-12-31`) return p.start.slice(0, 4);
  return `${p.start} – ${p.end}`;
}

/** Languages written right to left (ISO 639-1, and Sorani's 639-3 code). */
const RTL_LANGUAGES = new Set(["fa", "ar", "ur", "ps", "ku", "ckb", "he", "yi", "sd", "ug", "dv"]);

/**
 * The `dir` of a document's text: rtl for a language written right to left, else auto (the
 * browser takes the direction of the first strong letter, so a quote in Persian inside an
 * English page still reads right to left).
 */
export function dirOf(language: string | null | undefined): "rtl" | "auto" {
  return language && RTL_LANGUAGES.has(language.toLowerCase()) ? "rtl" : "auto";
}

/** A claim's period, with the label the text gave it in its own calendar beside it ("2024-10-22 – 2024-11-20 · آبان ۱۴۰۳"). */
export function PeriodCell({ claim }: { claim: { period: { start: string; end: string } | null; periodLabel?: string | undefined } }) {
  return (
    <>
      {period(claim.period)}
      {claim.periodLabel ? (
        <span className="period-label" data-testid="period-label">
          {" · "}
          <bdi dir="auto">{claim.periodLabel}</bdi>
        </span>
      ) : null}
    </>
  );
}

export const EVENTS: readonly string[] = EVENT_TYPES;
export const VICTIMS: readonly string[] = VICTIM_GROUPS;

const REVIEW_TEXT: Record<string, string> = {
  proposed: "awaiting review",
  accepted: "accepted",
  corrected: "corrected",
  rejected: "rejected",
  added: "added by hand",
};

/** Where a claim stands in review. */
export function ReviewBadge({ status }: { status: string }) {
  return (
    <span className={`badge review-${status}`} data-testid="review-badge">
      {REVIEW_TEXT[status] ?? status}
    </span>
  );
}

/** Restricted material: hidden from viewers and public exports (only analysts and admins see it). */
export function RestrictedBadge() {
  return (
    <span className="badge restricted" title="Hidden from viewers and public exports">
      restricted
    </span>
  );
}

/** A short confirmation read out by screen readers (aria-live). */
export function Announce({ message }: { message: string }) {
  return (
    <p className="announce" role="status" aria-live="polite" data-testid="announce">
      {message}
    </p>
  );
}
