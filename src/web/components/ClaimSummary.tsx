// A claim shown for review: its sentence inside the surrounding document text, and its fields.
import type { Claim, DocumentDetail } from "../api.js";
import { useApi } from "../hooks.js";
import { Link } from "../router.js";
import { EventTag, PeriodCell, RestrictedBadge, ReviewBadge, fmt, period } from "../ui.js";

const AROUND = 320;

/** The sentence highlighted in the text around it (the quote alone while the document loads or when it fails). */
export function InContext({ claim }: { claim: Claim }) {
  const doc = useApi<DocumentDetail>(`/documents/${claim.documentId}`);
  const [start, end] = claim.span;
  if (doc.state !== "done" || doc.data.document.text.slice(start, end) !== claim.quote) {
    return (
      <blockquote className="context" data-testid="claim-context" dir="auto">
        <mark>{claim.quote}</mark>
      </blockquote>
    );
  }
  const text = doc.data.document.text;
  const from = Math.max(0, start - AROUND);
  const to = Math.min(text.length, end + AROUND);
  return (
    <blockquote className="context" data-testid="claim-context" dir="auto">
      {from > 0 ? "…" : ""}
      {text.slice(from, start)}
      <mark>{claim.quote}</mark>
      {text.slice(end, to)}
      {to < text.length ? "…" : ""}
    </blockquote>
  );
}

const words = (s: string) => s.replaceAll("_", " ");

export function ClaimFieldList({ claim }: { claim: Claim }) {
  const p = claim.proposal;
  return (
    <dl className="pairs" data-testid="claim-fields">
      <dt>Event</dt>
      <dd>
        <EventTag event={claim.event} />
      </dd>
      <dt>Count</dt>
      <dd>
        {words(claim.qualifier)} {fmt(claim.count)}
      </dd>
      <dt>Period</dt>
      <dd>
        <PeriodCell claim={claim} />
      </dd>
      <dt>Place</dt>
      <dd>{claim.place ?? "not named"}</dd>
      <dt>Victims</dt>
      <dd>{claim.victims.length ? words(claim.victims.join(", ")) : "not named"}</dd>
      <dt>Source</dt>
      <dd>{claim.source ?? "the publisher's own figure"}</dd>
      <dt>Document</dt>
      <dd>
        <Link href={`/documents/${claim.documentId}`}>{claim.document}</Link> ({claim.documentPublished ?? "undated"})
      </dd>
      <dt>Review</dt>
      <dd>
        <ReviewBadge status={claim.status} /> {claim.restricted ? <RestrictedBadge /> : null}
        {claim.reviewedBy ? ` by ${claim.reviewedBy}` : ""}
        {claim.reviewReason ? ` — ${claim.reviewReason}` : ""}
      </dd>
      {p ? (
        <>
          <dt>Extractor proposed</dt>
          <dd>
            {words(p.event)}, {words(p.qualifier)} {fmt(p.count)}, {period(p.period)}, {p.place ?? "no place"}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
