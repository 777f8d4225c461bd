// Pages with documents in other languages, rendered to HTML: the text and quotes right to left,
// the language named, the note on a document whose language has no extraction rules, and the
// calendar label beside a claim's period. The texts are invented for these tests.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Claim, DocumentDetail } from "../../src/web/api.js";
import { DocumentView } from "../../src/web/pages/Document.js";
import { PeriodCell, dirOf } from "../../src/web/ui.js";

const TEXT = "به گزارش این گروه، دست‌کم ۱۲ زندانی در آبان ۱۴۰۳ اعدام شدند.";

function claim(over: Partial<Claim> = {}): Claim {
  return {
    id: 7, documentId: 1, document: "گزارش.txt", documentPublished: "2024-12-01", event: "execution", count: 12, qualifier: "at_least",
    period: { start: "2024-10-22", end: "2024-11-20" }, periodLabel: "آبان ۱۴۰۳", place: null, victims: [], source: null, sourceId: null,
    quote: TEXT, span: [0, TEXT.length], clutter: false, extractor: "0.1.0", createdAt: "2024-12-01T00:00:00Z", status: "proposed", proposal: null,
    reviewReason: null, reviewedBy: null, reviewedAt: null, restricted: false, supersededBy: null, factOverride: null, ...over,
  };
}

function detail(language: string | null, languageName: string | null, claims: Claim[], unsupported?: string): DocumentDetail {
  const summary = {
    id: 1, sha256: "a".repeat(64), name: "گزارش.txt", title: null, mediaType: "text/plain", url: null, path: null, publisher: "گروه حقوق بشری",
    published: "2024-12-01", capturedAt: "2024-12-02T00:00:00Z", collector: "test", language, languageName, simhash: null, size: 100,
    claimCount: claims.length, restricted: false, ...(unsupported ? { unsupported } : {}),
  };
  return {
    document: { ...summary, text: TEXT, createdAt: "2024-12-02T00:00:00Z" },
    provenance: { sha256: summary.sha256, mediaType: "text/plain", size: 100, url: null, path: null, publisher: summary.publisher, published: summary.published, capturedAt: summary.capturedAt, collector: "test", language, http: null },
    claims,
    facts: {},
    factsStatus: { state: "fresh", linkedAt: null },
    related: [],
  };
}

const render = (d: DocumentDetail) => renderToStaticMarkup(createElement(DocumentView, { d, reload: () => undefined }));

describe("the document page", () => {
  it("sets a Persian document's text right to left, in its language, and names the language", () => {
    const html = render(detail("fa", "Persian", [claim()]));
    expect(html).toMatch(/<div class="doc-text" data-testid="doc-text" dir="rtl" lang="fa">/);
    expect(html).toContain("Persian (fa)");
    expect(html).not.toContain('data-testid="no-rules"');
  });

  it("lets the browser take an English document's direction from its letters", () => {
    expect(render(detail("en", "English", []))).toMatch(/data-testid="doc-text" dir="auto" lang="en"/);
  });

  it("says plainly why a document in a language without rules has no claims", () => {
    const html = render(detail("tr", "Turkish", [], "no claims extracted: language Turkish has no extraction rules"));
    expect(html).toMatch(/<p class="state" role="status" data-testid="no-rules">No claims extracted: language Turkish has no extraction rules\. /);
  });
});

describe("PeriodCell and dirOf", () => {
  it("shows the calendar label beside the Gregorian period, isolated", () => {
    const html = renderToStaticMarkup(createElement(PeriodCell, { claim: claim() }));
    expect(html).toBe('2024-10-22 – 2024-11-20<span class="period-label" data-testid="period-label"> · <bdi dir="auto">آبان ۱۴۰۳</bdi></span>');
    expect(renderToStaticMarkup(createElement(PeriodCell, { claim: claim({ periodLabel: undefined }) }))).toBe("2024-10-22 – 2024-11-20");
  });

  it("gives right-to-left languages rtl and the others auto", () => {
    expect(["fa", "ar", "ur", "ku", "he"].map(dirOf)).toEqual(["rtl", "rtl", "rtl", "rtl", "rtl"]);
    expect(["en", "fr", null, undefined].map(dirOf)).toEqual(["auto", "auto", "auto", "auto"]);
  });
});
