// Invented articles for the pipeline and CLI tests (written for these tests; no real reporting).

/** A wire report: several figures, attributed. */
export const WIRE_REPORT = [
  "Authorities in the northern province executed 14 prisoners in March, according to the Harbour Rights Watch monitoring group.",
  "The group said at least 3 of them had been arrested as teenagers and held for years without a lawyer.",
  "More than 200 protesters were arrested in the provincial capital last week, the Coastal Observatory said.",
].join("\n\n");

/** An NGO bulletin in Markdown. */
export const NGO_BULLETIN = [
  "# Quarterly bulletin of the Lantern Justice Project",
  "",
  "In 2023, at least 57 people were executed in Evin Prison, the Lantern Justice Project said.",
  "",
  "Our researchers also documented the cases of 12 women who were sentenced to death after trials lasting less than an hour.",
].join("\n");

/** An HTML page with its own metadata. */
export const HTML_PAGE = `<!doctype html>
<html lang="en"><head>
<title>Night raids in the river district</title>
<meta property="article:published_time" content="2022-11-20T08:00:00Z">
<meta property="og:site_name" content="The Riverside Ledger">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Night raids in the river district</h1>
<p>Security forces killed at least 9 people during night raids in the river district last month, residents told the Riverside Ledger.</p>
<p>The Meadow Rights Collective said 41 people were arrested during the raids and taken to an unknown location.</p>
<p>Families gathered outside the district court on Sunday, asking for news of their relatives.</p>
</article>
<footer>Copyright 2022 The Riverside Ledger. All rights reserved.</footer>
</body></html>
`;

/** A short appeal. */
export const APPEAL = "At least 6 prisoners were executed last month, the Willow Monitor said in an urgent appeal on Tuesday.";

/** The body of a longer article that is syndicated with different headers and footers. */
export const LONG_ARTICLE_PARAGRAPHS = [
  "The Saltmarsh Human Rights Centre said on Monday that at least 31 prisoners were executed in the first half of the year, most of them for drug-related offences, in what it called a sharp and deliberate escalation by the judiciary.",
  "The centre's annual review, compiled from court records, interviews with relatives and accounts from former detainees, also counted 18 people sentenced to death in trials that lasted only a few minutes and in which defendants had no access to a lawyer of their own choosing.",
  "Relatives of several of those executed told the centre that they learned of the hangings only when they were summoned to collect the bodies, and that they were warned not to hold public funerals or speak with journalists about what had happened.",
  "The review notes that the pace of executions accelerated after the new prosecutor general took office in the spring, and that prisons in the western provinces carried out more hangings than in any comparable period over the past decade.",
  "Diplomats in the capital said they had raised individual cases with the foreign ministry but had received no answers, and a spokesperson for the judiciary dismissed the report as politically motivated and based on unverified claims from abroad.",
  "The centre urged the authorities to publish full figures, to halt all executions immediately and to allow independent monitors to visit prisons, and it called on governments with influence to make those demands a condition of any new agreements.",
];

/** The long article as its first publisher printed it. */
export const LONG_ARTICLE = ["Saltmarsh Daily — World desk", ...LONG_ARTICLE_PARAGRAPHS, "Follow the Saltmarsh Daily for more reports from the region."].join("\n\n");

/** The same article as a syndicating site printed it: another header and footer. */
export const LONG_ARTICLE_SYNDICATED = [
  "Reposted from our partners | Tideway News Network",
  ...LONG_ARTICLE_PARAGRAPHS,
  "This article is republished under a content-sharing agreement. Subscribe to the Tideway newsletter for weekly updates.",
].join("\n\n");
