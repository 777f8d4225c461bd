import { describe, expect, it } from "vitest";
import { htmlToDocument } from "../../src/ingest/html.js";

const page = (head: string, body: string, lang = "en"): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const ARTICLE = `<article><h1>Night raids leave dozens held in a river town</h1>
<p>Security forces held at least 43 residents of the river town during raids on Tuesday night, a local monitoring group said.</p>
<figure><img src="court.jpg" alt=""><figcaption>Relatives waited outside the provincial court on Wednesday.</figcaption></figure>
<p>The group said 9 of those held were students &amp; teachers, and that two were later released on bail.</p>
<h2>Earlier arrests</h2>
<p>In February, eleven people were arrested in the same district after a funeral turned into a march.</p>
</article>`;

describe("htmlToDocument: text", () => {
  it("puts the headline first and each block in its own paragraph", () => {
    const doc = htmlToDocument(page("<title>Night raids | Herald</title>", ARTICLE));
    const paragraphs = doc.text.split("\n\n");
    expect(paragraphs[0]).toBe("Night raids leave dozens held in a river town");
    expect(doc.title).toBe("Night raids leave dozens held in a river town");
    expect(paragraphs).toContain("Relatives waited outside the provincial court on Wednesday.");
    expect(paragraphs).toContain("Earlier arrests");
    expect(paragraphs).toContain("The group said 9 of those held were students & teachers, and that two were later released on bail.");
    expect(doc.text.match(/Night raids leave/g)).toHaveLength(1);
  });

  it("joins inline text with single spaces", () => {
    const doc = htmlToDocument(page("", "<p>At   least <b>12</b>\n  <em>prisoners</em> were\tmoved.</p><ul><li>one</li><li>two</li></ul>"));
    expect(doc.text).toBe("At least 12 prisoners were moved.\n\none\n\ntwo");
  });

  it("removes menus, related lists, tags, share bars and copyright lines but keeps the article and captions", () => {
    const html = page(
      "<title>Night raids</title>",
      `<header class="site-header"><a href="/">The Herald</a><ul class="main-menu"><li><a href="/w">World desk</a></li><li><a href="/p">Politics desk</a></li></ul></header>
       <nav><a href="/">Home page</a> <a href="/about">About us</a></nav>
       <div class="wrap">
         <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
         ${ARTICLE}
         <p>Tags: <a href="/t/1">detentions</a>, <a href="/t/2">river province</a></p>
         <div><span>Share:</span> <a href="#">Email</a> <a href="#">Telegram</a></div>
         <section><h3>Related articles</h3><ul><li><a href="/1">Five hanged in a northern jail</a></li><li><a href="/2">Court hands down three death sentences</a></li></ul></section>
         <div id="cookieBanner">We use cookies to improve your visit. <button>OK</button></div>
       </div>
       <footer><p>© 2022 The Herald. All rights reserved.</p></footer>`,
    );
    const { text } = htmlToDocument(html);
    expect(text).toContain("Security forces held at least 43 residents");
    expect(text).toContain("Relatives waited outside the provincial court on Wednesday.");
    expect(text).toContain("eleven people were arrested");
    for (const clutter of ["World desk", "Home page", "Facebook", "Telegram", "Tags", "river province", "Related articles",
      "Five hanged", "death sentences", "cookies", "©", "All rights reserved"]) {
      expect(text).not.toContain(clutter);
    }
  });

  it("keeps a short page whose only content is outside an article element", () => {
    const doc = htmlToDocument(page("", "<div><p>Four journalists were detained on Friday.</p><p>No charges were announced.</p></div>"));
    expect(doc.text).toBe("Four journalists were detained on Friday.\n\nNo charges were announced.");
    expect(doc.title).toBeNull();
  });

  it("reads table cells and list items as paragraphs", () => {
    const doc = htmlToDocument(page("", "<table><tr><td>Province A</td><td>14 executions</td></tr></table>"));
    expect(doc.text.split("\n\n")).toEqual(["Province A", "14 executions"]);
  });
});

describe("htmlToDocument: metadata", () => {
  it("takes the date from article:published_time", () => {
    const doc = htmlToDocument(page('<meta property="article:published_time" content="2021-02-14T09:30:00+03:30">', "<p>x</p>"));
    expect(doc.published).toBe("2021-02-14");
  });

  it.each(["date", "pubdate", "publishdate", "dc.date", "DC.Date"])("takes the date from <meta name=%s>", (name) => {
    const doc = htmlToDocument(page(`<meta name="${name}" content="2020-11-03">`, "<p>x</p>"));
    expect(doc.published).toBe("2020-11-03");
  });

  it("keeps a month-only date as a prefix", () => {
    expect(htmlToDocument(page('<meta name="date" content="2019-07">', "<p>x</p>")).published).toBe("2019-07");
  });

  it("takes date and publisher from JSON-LD, also inside @graph, and ignores malformed JSON-LD", () => {
    const ld = JSON.stringify({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "Organization", "@id": "#org", name: "Monitor Weekly" },
        { "@type": "NewsArticle", datePublished: "2018-05-06T12:00:00Z", publisher: { "@id": "#org" } },
      ],
    });
    const html = page(`<script type="application/ld+json">{ broken json </script><script type="application/ld+json">${ld}</script>`, "<p>x</p>");
    const doc = htmlToDocument(html);
    expect(doc.published).toBe("2018-05-06");
    expect(doc.publisher).toBe("Monitor Weekly");
  });

  it("takes the date from the first <time datetime> in the article", () => {
    const html = page("", `<aside><time datetime="2001-01-01">old</time></aside><article><p>By staff <time datetime="2017-09-21T08:00">21 Sept</time></p></article>`);
    expect(htmlToDocument(html).published).toBe("2017-09-21");
  });

  it("prefers meta tags over JSON-LD and <time>", () => {
    const html = page(
      '<meta property="article:published_time" content="2022-01-02"><script type="application/ld+json">{"datePublished":"2000-01-01"}</script>',
      '<article><time datetime="1999-01-01"></time><p>x</p></article>',
    );
    expect(htmlToDocument(html).published).toBe("2022-01-02");
  });

  it("reads publisher, language and canonical URL", () => {
    const html = page(
      '<meta property="og:site_name" content="The Herald"><link rel="canonical" href="/news/raids?id=7"><meta property="og:url" content="https://other.example/x">',
      "<p>x</p>",
      "fa-IR",
    );
    const doc = htmlToDocument(html, { url: "https://herald.example/section/page" });
    expect(doc.publisher).toBe("The Herald");
    expect(doc.language).toBe("fa-IR");
    expect(doc.canonicalUrl).toBe("https://herald.example/news/raids?id=7");
  });

  it("falls back to og:url, refuses javascript: URLs, and gives null when nothing is known", () => {
    expect(htmlToDocument(page('<meta property="og:url" content="https://a.example/p">', "<p>x</p>")).canonicalUrl).toBe("https://a.example/p");
    expect(htmlToDocument(page('<link rel="canonical" href="javascript:alert(1)">', "<p>x</p>")).canonicalUrl).toBeNull();
    const bare = htmlToDocument("<p>just text</p>");
    expect(bare).toMatchObject({ published: null, publisher: null, canonicalUrl: null, language: null, text: "just text" });
  });
});

describe("htmlToDocument: hostile and broken markup", () => {
  const HOSTILE = page(
    `<style>@import url("https://evil.example/x.css"); body { color: red }</style><script>var leak = "SCRIPT-LEAK";</script>`,
    `<p onclick="alert('HANDLER-LEAK')">Seven prisoners were moved <a href="javascript:alert('URL-LEAK')">to another jail</a>.</p>
     <svg><script>alert("SVG-LEAK")</script><text>SVG-TEXT-LEAK</text></svg>
     <img src=x onerror="alert('ONERROR-LEAK')">
     <iframe src="javascript:alert('IFRAME-LEAK')"></iframe>
     <noscript>NOSCRIPT-LEAK</noscript><template><p>TEMPLATE-LEAK</p></template>
     <form action="javascript:void(0)"><input value="FORM-LEAK"></form>
     <div title="${"A".repeat(1_000_000)}">Huge attribute, short text.</div>
     <p>Unclosed <b>bold <i>italic <p>Next paragraph`,
  );

  it("outputs none of the scripts, handlers, URLs or styles", () => {
    const { text } = htmlToDocument(HOSTILE);
    expect(text).toContain("Seven prisoners were moved to another jail.");
    expect(text).toContain("Huge attribute, short text.");
    expect(text).toContain("Next paragraph");
    expect(text).not.toMatch(/LEAK|javascript|alert|@import|onclick|onerror|<|AAAA/);
  });

  it("survives 50,000 nested divs quickly, without stack overflow, and still yields the text", () => {
    const depth = 50_000;
    const html = page('<meta property="og:site_name" content="Deep Site"><title>Deep page</title>',
      `<script>alert("DEEP-LEAK")</script>${"<div>".repeat(depth)}<p>Three were detained &amp; released.</p>${"</div>".repeat(depth)}`);
    const started = performance.now();
    const doc = htmlToDocument(html);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(doc.text).toContain("Three were detained & released.");
    expect(doc.text).not.toContain("DEEP-LEAK");
    expect(doc.publisher).toBe("Deep Site");
    expect(doc.title).toBe("Deep page");
  });

  it("copes with deep nesting that is never closed", () => {
    const html = `<body>${"<span><div>".repeat(30_000)}Lost words<script>x("NEVER-CLOSED-LEAK")`;
    const started = performance.now();
    const doc = htmlToDocument(html);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(doc.text).toBe("Lost words");
  });

  it("reads a 2 MB page nested just under the fallback depth in a few seconds", () => {
    const para = "<p>Dozens were questioned near the square, residents told the monitor.</p>";
    const html = page("", `${"<div class='menu box'><p>x</p>".repeat(190)}${para.repeat(25_000)}${"</div>".repeat(190)}`);
    const started = performance.now();
    const doc = htmlToDocument(html);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(doc.text).toContain("Dozens were questioned near the square");
  });

  it("returns empty text for an empty page", () => {
    expect(htmlToDocument("").text).toBe("");
    expect(htmlToDocument("<html><body></body></html>").title).toBeNull();
  });
});
