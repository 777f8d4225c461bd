// Document: the working text with every claim sentence highlighted (coloured by event); choosing
// one shows the claim, its fact and the other voices. Provenance: hash, URL, capture, publisher.
// The text comes from the document and is untrusted: it is rendered as React text only.
import { useMemo, useState, type ReactNode } from "react";
import type { Claim, DocumentDetail, FactDetail } from "../api.js";
import { useApi } from "../hooks.js";
import { Link } from "../router.js";
import { Empty, EventTag, Show, StatusBadge, fmt, period } from "../ui.js";

interface Mark {
  start: number;
  end: number;
  claims: Claim[];
}

/** Claim spans merged into non-overlapping marks, in text order. */
function marksOf(claims: Claim[], textLength: number): Mark[] {
  const sorted = [...claims].filter((c) => c.span[0] >= 0 && c.span[1] <= textLength && c.span[0] < c.span[1]).sort((a, b) => a.span[0] - b.span[0] || a.id - b.id);
  const marks: Mark[] = [];
  for (const c of sorted) {
    const last = marks[marks.length - 1];
    if (last && c.span[0] < last.end) {
      last.claims.push(c);
      last.end = Math.max(last.end, c.span[1]);
    } else marks.push({ start: c.span[0], end: c.span[1], claims: [c] });
  }
  return marks;
}

function FactPanel({ factId, claimId }: { factId: string; claimId: number }) {
  const fact = useApi<FactDetail>(`/facts/${encodeURIComponent(factId)}`);
  return (
    <Show value={fact} what="the fact">
      {(f) => (
        <div className="fact-box" data-testid="fact-panel">
          <h3>
            Fact: <Link href={`/facts/${f.id}`}>{f.description}</Link> <StatusBadge status={f.status} />
          </h3>
          <p>
            Low {fmt(f.low)} · best {fmt(f.best)} · high {fmt(f.high)}
            {f.highIsMinimum ? "+" : ""}
          </p>
          <h4>Voices</h4>
          <ul className="plain">
            {f.claimViews.map((v) => (
              <li key={v.id} className={Number(v.id) === claimId ? "this-claim" : undefined}>
                <strong>{v.figure}</strong> — {v.voice ?? v.source ?? "the publisher"} in <Link href={`/documents/${v.documentId}`}>{v.document}</Link>
                {v.published ? ` (${v.published})` : ""}
                {Number(v.id) === claimId ? " · this claim" : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Show>
  );
}

function ClaimPanel({ claim, factId, factsState }: { claim: Claim; factId: string | undefined; factsState: DocumentDetail["factsStatus"]["state"] }) {
  return (
    <section className="claim-panel" aria-labelledby="h-claim" data-testid="claim-panel">
      <h2 id="h-claim">
        Claim {claim.id}: <EventTag event={claim.event} /> {claim.qualifier.replaceAll("_", " ")} {fmt(claim.count)}
      </h2>
      <dl className="pairs">
        <dt>Period</dt>
        <dd>{period(claim.period)}</dd>
        <dt>Place</dt>
        <dd>{claim.place ?? "not named"}</dd>
        <dt>Victims</dt>
        <dd>{claim.victims.length ? claim.victims.join(", ").replaceAll("_", " ") : "not named"}</dd>
        <dt>Source</dt>
        <dd>{claim.source ?? "the publisher's own figure"}</dd>
        <dt>Sentence</dt>
        <dd>
          <q>{claim.quote}</q>
        </dd>
        {claim.clutter ? (
          <>
            <dt>Note</dt>
            <dd>stands in page clutter</dd>
          </>
        ) : null}
      </dl>
      {factId ? (
        <FactPanel factId={factId} claimId={claim.id} />
      ) : factsState !== "fresh" && !claim.clutter ? (
        <Empty>The ledger's facts are being linked; reload the page in a moment to see this claim's fact.</Empty>
      ) : (
        <Empty>This claim is not part of any fact (undated or in clutter).</Empty>
      )}
    </section>
  );
}

function DocumentView({ d }: { d: DocumentDetail }) {
  const marks = useMemo(() => marksOf(d.claims, d.document.text.length), [d]);
  const [selected, setSelected] = useState<number | null>(null);
  const text = d.document.text;
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) pieces.push(text.slice(at, m.start));
    const first = m.claims[0] as Claim;
    const isSel = m.claims.some((c) => c.id === selected);
    pieces.push(
      <mark key={m.start} className={`claim ev-${first.event}${isSel ? " selected" : ""}`}>
        <button
          type="button"
          className="claim-button"
          aria-pressed={isSel}
          aria-label={`Claim: ${m.claims.map((c) => `${c.event.replaceAll("_", " ")} ${c.count}`).join(", ")}`}
          data-claim-id={first.id}
          onClick={() => setSelected(first.id)}
        >
          {text.slice(m.start, m.end)}
        </button>
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  const sel = d.claims.find((c) => c.id === selected);
  const p = d.provenance;
  return (
    <>
      <h1>{d.document.title ?? d.document.name}</h1>
      <p className="meta">
        {d.document.publisher ?? "unknown publisher"} · {d.document.published ?? "undated"} · {d.claims.length} claims
      </p>
      <div className="doc-layout">
        <section aria-labelledby="h-text">
          <h2 id="h-text">Text</h2>
          <p className="hint">Highlighted sentences hold claims; colours show the event. Choose one to see its claim and fact.</p>
          <div className="legend" aria-hidden="true">
            {[...new Set(d.claims.map((c) => c.event))].map((e) => (
              <EventTag key={e} event={e} />
            ))}
          </div>
          <div className="doc-text" data-testid="doc-text">
            {pieces}
          </div>
        </section>
        <aside>
          {sel ? <ClaimPanel claim={sel} factId={d.facts[String(sel.id)]} factsState={d.factsStatus.state} /> : <Empty>No claim chosen.</Empty>}
          <section aria-labelledby="h-prov">
            <h2 id="h-prov">Provenance</h2>
            <dl className="pairs" data-testid="provenance">
              <dt>SHA-256</dt>
              <dd className="hash">{p.sha256}</dd>
              <dt>URL</dt>
              <dd className="hash">{p.url ?? "none (a file)"}</dd>
              <dt>Captured</dt>
              <dd>
                {p.capturedAt} by {p.collector}
              </dd>
              <dt>Publisher</dt>
              <dd>{p.publisher ?? "unknown"}</dd>
              <dt>Published</dt>
              <dd>{p.published ?? "unknown"}</dd>
              <dt>Media type</dt>
              <dd>
                {p.mediaType}, {fmt(p.size)} bytes
              </dd>
              <dt>Language</dt>
              <dd>{p.language ?? "unknown"}</dd>
            </dl>
          </section>
          {d.related.length > 0 ? (
            <section aria-labelledby="h-related">
              <h2 id="h-related">Related documents</h2>
              <ul className="plain">
                {d.related.map((r) => (
                  <li key={r.document.id}>
                    <Link href={`/documents/${r.document.id}`}>{r.document.title ?? r.document.name}</Link> — {r.kind.replaceAll("_", " ")} ({Math.round(r.similarity * 100)}%)
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

export function DocumentPage({ id }: { id: string }) {
  const doc = useApi<DocumentDetail>(`/documents/${encodeURIComponent(id)}`);
  return (
    <Show value={doc} what="the document">
      {(d) => <DocumentView d={d} />}
    </Show>
  );
}
