// Document: the working text with every claim sentence highlighted (coloured by event); choosing
// one shows the claim, its fact and the other voices. Provenance: hash, URL, capture, publisher.
// Analysts also see each claim's history and review it here, add claims from selected text, and
// restrict or release the document and its claims.
// The text comes from the document and is untrusted: it is rendered as React text only.
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { messageOf, setRestricted, type Claim, type DocumentDetail, type FactDetail } from "../api.js";
import { AddClaim } from "../components/AddClaim.js";
import { ClaimActions } from "../components/ClaimActions.js";
import { ClaimHistoryPanel } from "../components/ClaimHistory.js";
import { useApi } from "../hooks.js";
import { Link, navigate, useLocation } from "../router.js";
import { useCanEdit } from "../session.js";
import { Announce, Empty, EventTag, PeriodCell, RestrictedBadge, ReviewBadge, Show, StatusBadge, dirOf, fmt } from "../ui.js";

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

function ClaimPanel({ claim, factId, version, onChanged }: { claim: Claim; factId: string | undefined; version: number; onChanged(message: string): void }) {
  const canEdit = useCanEdit();
  return (
    <section className="claim-panel" aria-labelledby="h-claim" data-testid="claim-panel">
      <h2 id="h-claim">
        Claim {claim.id}: <EventTag event={claim.event} /> {claim.qualifier.replaceAll("_", " ")} {fmt(claim.count)}
      </h2>
      <p className="badges">
        <ReviewBadge status={claim.status} /> {claim.restricted ? <RestrictedBadge /> : null}
        {claim.reviewedBy ? <span className="meta"> by {claim.reviewedBy}</span> : null}
        {claim.reviewReason ? <span className="meta"> — {claim.reviewReason}</span> : null}
      </p>
      <dl className="pairs">
        <dt>Period</dt>
        <dd>
          <PeriodCell claim={claim} />
        </dd>
        <dt>Place</dt>
        <dd>{claim.place ?? "not named"}</dd>
        <dt>Victims</dt>
        <dd>{claim.victims.length ? claim.victims.join(", ").replaceAll("_", " ") : "not named"}</dd>
        <dt>Source</dt>
        <dd>{claim.source ? <bdi>{claim.source}</bdi> : "the publisher's own figure"}</dd>
        <dt>Sentence</dt>
        <dd>
          <q dir="auto" data-testid="claim-quote">
            {claim.quote}
          </q>
        </dd>
        {claim.page !== undefined ? (
          <>
            <dt>Page</dt>
            <dd data-testid="claim-page">{claim.page}</dd>
          </>
        ) : null}
        <dt>Permalink</dt>
        <dd>
          <Link href={`/documents/${claim.documentId}?claim=${claim.id}`} data-testid="claim-permalink">
            claim {claim.id} in its document
          </Link>
        </dd>
        {claim.clutter ? (
          <>
            <dt>Note</dt>
            <dd>stands in page clutter</dd>
          </>
        ) : null}
      </dl>
      {canEdit ? <ClaimActions key={claim.id} claim={claim} onChanged={onChanged} /> : null}
      {factId ? <FactPanel factId={factId} claimId={claim.id} /> : <Empty>This claim is not part of any fact (undated, rejected or in clutter).</Empty>}
      {canEdit ? <ClaimHistoryPanel claimId={claim.id} version={version} /> : null}
    </section>
  );
}

const REVIEW_WORDS: Record<string, string> = { proposed: "awaiting review", accepted: "accepted", corrected: "corrected", rejected: "rejected", added: "added by hand" };

function DocumentRestriction({ d, onChanged }: { d: DocumentDetail; onChanged(message: string): void }) {
  const [error, setError] = useState<string | null>(null);
  const restricted = d.document.restricted;
  const toggle = async () => {
    setError(null);
    try {
      await setRestricted("document", d.document.id, !restricted);
      onChanged(restricted ? "The document is released: viewers see it again." : "The document is now restricted: viewers no longer see it.");
    } catch (err) {
      setError(`Not changed: ${messageOf(err)}`);
    }
  };
  return (
    <>
      <button type="button" className="secondary" aria-pressed={restricted} onClick={() => void toggle()} data-testid="restrict-document">
        {restricted ? "Release the document (unrestrict)" : "Restrict the document"}
      </button>
      {error ? (
        <p className="state problem" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Every claim of the document, in text order, each a link to its sentence (and its permalink). */
function ClaimList({ claims, selected, onChoose }: { claims: Claim[]; selected: number | null; onChoose(id: number): void }) {
  if (claims.length === 0) return null;
  const ordered = [...claims].sort((a, b) => a.span[0] - b.span[0] || a.id - b.id);
  return (
    <section aria-labelledby="h-claims">
      <h2 id="h-claims">Claims in this document</h2>
      <ol className="plain" data-testid="document-claims">
        {ordered.map((c) => (
          <li key={c.id} className={c.id === selected ? "current" : undefined}>
            <a
              href={`/documents/${c.documentId}?claim=${c.id}#claim-${c.id}`}
              data-claim-link={c.id}
              onClick={(e) => {
                e.preventDefault();
                onChoose(c.id);
                document.getElementById(`claim-${c.id}`)?.scrollIntoView({ block: "center" });
              }}
            >
              <EventTag event={c.event} /> {c.qualifier === "exact" ? "" : `${c.qualifier.replaceAll("_", " ")} `}
              {fmt(c.count)}
            </a>{" "}
            <span className="meta">
              {c.place ?? "no place"} · {c.source ?? "publisher"}
              {c.page !== undefined ? ` · page ${c.page}` : ""}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One document's page once loaded (exported for tests). */
export function DocumentView({ d, reload, initialClaim = null }: { d: DocumentDetail; reload(): void; initialClaim?: number | null }) {
  const marks = useMemo(() => marksOf(d.claims, d.document.text.length), [d]);
  const [selected, setSelectedState] = useState<number | null>(initialClaim !== null && d.claims.some((c) => c.id === initialClaim) ? initialClaim : null);
  // The chosen claim stands in the address (`?claim=ID`): a permalink to it in its document.
  const setSelected = (id: number) => {
    setSelectedState(id);
    navigate(`/documents/${d.document.id}?claim=${id}`, true);
  };
  const firstMark = useRef(true);
  useEffect(() => {
    if (!firstMark.current || selected === null) return;
    firstMark.current = false;
    document.getElementById(`claim-${selected}`)?.scrollIntoView({ block: "center" });
  }, [selected]);
  const [message, setMessage] = useState("");
  const [version, setVersion] = useState(0);
  const textBox = useRef<HTMLDivElement>(null);
  const canEdit = useCanEdit();
  const changed = (m: string) => {
    setMessage(m);
    setVersion((v) => v + 1);
    reload();
  };
  const text = d.document.text;
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) pieces.push(text.slice(at, m.start));
    const first = m.claims[0] as Claim;
    const isSel = m.claims.some((c) => c.id === selected);
    pieces.push(
      <mark key={m.start} id={`claim-${first.id}`} className={`claim ev-${first.event} rv-${first.status}${isSel ? " selected" : ""}`}>
        <button
          type="button"
          className="claim-button"
          aria-pressed={isSel}
          aria-label={`Claim: ${m.claims.map((c) => `${c.event.replaceAll("_", " ")} ${c.count}, ${REVIEW_WORDS[c.status] ?? c.status}${c.restricted ? ", restricted" : ""}`).join("; ")}`}
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
      <h1>
        <bdi dir="auto">{d.document.title ?? d.document.name}</bdi>
      </h1>
      <p className="meta">
        <bdi>{d.document.publisher ?? "unknown publisher"}</bdi> · {d.document.published ?? "undated"} · {d.document.languageName ?? "language unknown"} · {d.claims.length} claims{" "}
        {d.document.restricted ? <RestrictedBadge /> : null}
      </p>
      {d.document.unsupported ? (
        <p className="state" role="status" data-testid="no-rules">
          {d.document.unsupported[0]?.toUpperCase()}
          {d.document.unsupported.slice(1)}. The document is stored and searchable; its figures can be added by hand.
        </p>
      ) : null}
      {d.document.mediaType === "application/pdf" && text.trim() === "" ? (
        <p className="state" role="status" data-testid="no-text-layer">
          This PDF has no text layer (a scan?): it is stored with its original bytes and hash, without claims. Its figures can be added by hand from a transcription.
        </p>
      ) : null}
      {canEdit ? <DocumentRestriction d={d} onChanged={changed} /> : null}
      <Announce message={message} />
      <div className="doc-layout">
        <section aria-labelledby="h-text">
          <h2 id="h-text">Text</h2>
          <p className="hint">Highlighted sentences hold claims; colours show the event, the underline the review (dashed: awaiting review; solid: accepted, corrected or added; struck through: rejected, shown to reviewers only). Choose one to see its claim and fact.</p>
          <div className="legend" aria-hidden="true">
            {[...new Set(d.claims.map((c) => c.event))].map((e) => (
              <EventTag key={e} event={e} />
            ))}
          </div>
          <div className="doc-text" data-testid="doc-text" ref={textBox} dir={dirOf(d.document.language)} lang={d.document.language ?? undefined}>
            {pieces}
          </div>
          {canEdit ? (
            <AddClaim
              documentId={d.document.id}
              text={text}
              container={textBox}
              onAdded={(c) => {
                setSelected(c.id);
                changed(`Added claim ${c.id}: ${c.event.replaceAll("_", " ")} ${c.count}.`);
              }}
            />
          ) : null}
        </section>
        <aside>
          {sel ? <ClaimPanel claim={sel} factId={d.facts[String(sel.id)]} version={version} onChanged={changed} /> : <Empty>No claim chosen.</Empty>}
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
              <dd data-testid="doc-language">{p.language ? `${d.document.languageName ?? p.language} (${p.language})` : "unknown"}</dd>
            </dl>
          </section>
          <ClaimList claims={d.claims} selected={selected} onChoose={setSelected} />
          <section aria-labelledby="h-related" data-testid="related">
            <h2 id="h-related">Near-duplicates and syndicated copies</h2>
            {d.related.length === 0 ? (
              <Empty>None found: no stored document shares most of this text.</Empty>
            ) : (
              <ul className="plain">
                {d.related.map((r) => (
                  <li key={r.document.id}>
                    <Link href={`/documents/${r.document.id}`}>
                      <bdi>{r.document.title ?? r.document.name}</bdi>
                    </Link>{" "}
                    — {r.kind === "syndicated" ? "syndicated copy" : "near-duplicate"} ({Math.round(r.similarity * 100)}% alike)
                    <div className="meta">
                      <bdi>{r.document.publisher ?? "unknown publisher"}</bdi> · {r.document.published ?? "undated"} · {fmt(r.document.claimCount)} claims
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}

export function DocumentPage({ id }: { id: string }) {
  const [version, setVersion] = useState(0);
  const { query } = useLocation();
  const claim = Number(query.get("claim") ?? NaN);
  const doc = useApi<DocumentDetail>(`/documents/${encodeURIComponent(id)}`, version, true);
  return (
    <Show value={doc} what="the document">
      {(d) => <DocumentView key={d.document.id} d={d} reload={() => setVersion((v) => v + 1)} initialClaim={Number.isInteger(claim) ? claim : null} />}
    </Show>
  );
}
