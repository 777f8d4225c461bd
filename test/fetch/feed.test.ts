import { describe, expect, it } from "vitest";
import { looksLikeFeed, parseFeed } from "../../src/ingest/feed.js";
import { InputError } from "../../src/ingest/errors.js";

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Monitor Desk &amp; Partners</title>
    <link>https://monitor.example/</link>
    <atom:link href="https://monitor.example/feed.xml" rel="self" type="application/rss+xml"/>
    <item>
      <title><![CDATA[Quarterly tally of detentions <b>updated</b>]]></title>
      <link>/news/2024/quarterly-tally?ref=rss&amp;v=2</link>
      <pubDate>Tue, 05 Mar 2024 09:30:00 +0330</pubDate>
      <guid isPermaLink="false">item-0001</guid>
    </item>
    <item>
      <title>Caf&#233; owners questioned &#x2014; follow-up</title>
      <guid>https://monitor.example/news/follow-up</guid>
      <dc:date>2024-03-07T12:00:00Z</dc:date>
    </item>
    <item>
      <title>Entry with neither link nor permalink</title>
      <guid isPermaLink="false">orphan-7</guid>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Field Notes</title>
  <id>urn:uuid:feed-1</id>
  <entry>
    <title>Second visit to the district court</title>
    <link rel="self" href="/api/entries/2"/>
    <link rel="alternate" type="text/html" href="entries/court-visit-2.html"/>
    <id>urn:uuid:entry-2</id>
    <published>2023-11-20T08:00:00+01:00</published>
    <updated>2023-11-21T08:00:00Z</updated>
  </entry>
  <entry xml:base="https://mirror.example/archive/">
    <title>Only an update date here</title>
    <link href="court-visit-1.html"/>
    <id>urn:uuid:entry-1</id>
    <updated>2023-10-02T10:15:00Z</updated>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/">
    <title>Old Style Bulletin</title>
    <link>https://old.example/</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://old.example/b/17"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://old.example/b/17">
    <title>Bulletin seventeen</title>
    <link>b/17</link>
    <dc:date>2019-06-01</dc:date>
  </item>
</rdf:RDF>`;

describe("parseFeed", () => {
  it("reads RSS 2.0 items, resolving relative links and decoding entities", () => {
    const feed = parseFeed(RSS2, "https://monitor.example/feeds/main.xml");
    expect(feed.title).toBe("Monitor Desk & Partners");
    expect(feed.items).toEqual([
      {
        title: "Quarterly tally of detentions <b>updated</b>",
        link: "https://monitor.example/news/2024/quarterly-tally?ref=rss&v=2",
        published: "2024-03-05T06:00:00.000Z",
        date: "2024-03-05",
        guid: "item-0001",
      },
      {
        title: "Caf\u00e9 owners questioned \u2014 follow-up",
        link: "https://monitor.example/news/follow-up",
        published: "2024-03-07T12:00:00.000Z",
        date: "2024-03-07",
        guid: "https://monitor.example/news/follow-up",
      },
    ]);
  });

  it("reads Atom entries, preferring rel=alternate and honouring xml:base", () => {
    const feed = parseFeed(ATOM, "https://notes.example/blog/atom.xml");
    expect(feed.title).toBe("Field Notes");
    expect(feed.items).toEqual([
      {
        title: "Second visit to the district court",
        link: "https://notes.example/blog/entries/court-visit-2.html",
        published: "2023-11-20T07:00:00.000Z",
        date: "2023-11-20",
        guid: "urn:uuid:entry-2",
      },
      {
        title: "Only an update date here",
        link: "https://mirror.example/archive/court-visit-1.html",
        published: "2023-10-02T10:15:00.000Z",
        date: "2023-10-02",
        guid: "urn:uuid:entry-1",
      },
    ]);
  });

  it("reads RSS 1.0 (RDF) items that sit beside the channel", () => {
    const feed = parseFeed(RDF, "https://old.example/rss.rdf");
    expect(feed.title).toBe("Old Style Bulletin");
    expect(feed.items).toEqual([
      { title: "Bulletin seventeen", link: "https://old.example/b/17", published: "2019-06-01T00:00:00.000Z", date: "2019-06-01", guid: "https://old.example/b/17" },
    ]);
  });

  it("rejects text that is not XML", () => {
    try {
      parseFeed("Just a paragraph of plain prose, no markup at all.", "https://x.example/feed");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).file).toBe("https://x.example/feed");
      expect((err as InputError).reason).toBe("not an RSS or Atom feed: not XML");
    }
  });

  it("rejects XML that is not a feed, naming its root element", () => {
    expect(() => parseFeed("<html><body><p>hello</p></body></html>", "https://x.example/")).toThrow(
      "not an RSS or Atom feed: root element is <html>",
    );
    expect(() => parseFeed("<rss version=\"2.0\"></rss>", "https://x.example/")).toThrow(/has no <channel>/);
  });

  it("survives a billion-laughs entity bomb quickly and without expanding it", () => {
    let decls = '<!ENTITY e0 "boom">';
    for (let i = 1; i <= 12; i++) decls += `<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`;
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${decls}]>
      <rss version="2.0"><channel><title>Bomb &e12;</title>
      <item><title>&e12;&e12;</title><link>https://x.example/a</link></item></channel></rss>`;
    const started = Date.now();
    const feed = parseFeed(bomb, "https://x.example/feed");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(feed.title).toBe("Bomb &e12;");
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.title?.length ?? 0).toBeLessThan(50);
  });

  it("refuses external entity declarations instead of resolving them", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>&ext;</title></channel></rss>`;
    expect(() => parseFeed(xxe, "https://x.example/")).toThrow(InputError);
    expect(() => parseFeed(xxe, "https://x.example/")).toThrow(/not an RSS or Atom feed/);
  });

  it("accepts an old feed that names a public DTD", () => {
    const old = `<?xml version="1.0"?>
      <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
      <rss version="0.91"><channel><title>Legacy</title>
      <item><title>One</title><link>http://legacy.example/1</link></item></channel></rss>`;
    const feed = parseFeed(old, "http://legacy.example/");
    expect(feed.items.map((i) => i.link)).toEqual(["http://legacy.example/1"]);
  });
});

describe("looksLikeFeed", () => {
  it("trusts feed and XML media types", () => {
    for (const t of ["application/rss+xml", "application/atom+xml", "application/xml", "text/xml"]) {
      expect(looksLikeFeed(t, Buffer.from("anything"))).toBe(true);
    }
  });

  it("sniffs the start of the body after a BOM and whitespace", () => {
    expect(looksLikeFeed("text/plain", Buffer.from("\uFEFF  \n<?xml version='1.0'?><rss/>"))).toBe(true);
    expect(looksLikeFeed("application/octet-stream", Buffer.from("<feed xmlns='http://www.w3.org/2005/Atom'>"))).toBe(true);
    expect(looksLikeFeed("", Buffer.from("\n<rss version='2.0'>"))).toBe(true);
  });

  it("says no to HTML and plain text", () => {
    expect(looksLikeFeed("text/html", Buffer.from("<!doctype html><html></html>"))).toBe(false);
    expect(looksLikeFeed("text/plain", Buffer.from("Three paragraphs of text."))).toBe(false);
  });
});
