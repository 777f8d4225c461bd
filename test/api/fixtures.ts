// Invented documents for the API and browser tests (written for these tests; figures are
// made up to exercise agreement, disagreement and hostile markup).

export interface FixtureDoc {
  file: string;
  published: string;
  publisher: string;
  text: string;
}

export const FIXTURE_DOCS: FixtureDoc[] = [
  {
    file: "lantern-wire-2022.txt",
    published: "2023-02-10",
    publisher: "Lantern Wire",
    text: [
      "Rights group reports sharp rise in executions",
      "",
      "At least 580 people were executed in Iran in 2022, according to Iran Human Rights.",
      "The group said the number was the highest in five years.",
      "Amnesty International said at least 576 people were executed in Iran in 2022.",
    ].join("\n"),
  },
  {
    file: "harbour-review-2023.txt",
    published: "2024-01-20",
    publisher: "Harbour Review",
    text: [
      "Executions climb again",
      "",
      "At least 834 people were executed in Iran in 2023, according to Iran Human Rights.",
      "Amnesty International recorded 853 executions in Iran in 2023.",
      "HRANA said 746 people were executed in Iran in 2023.",
    ].join("\n"),
  },
  {
    file: "quarry-bulletin-2021.md",
    published: "2022-03-01",
    publisher: "Quarry Bulletin",
    text: [
      "# Annual bulletin",
      "",
      "According to Iran Human Rights, Iran put at least 333 people to death in 2021.",
      "",
      "Amnesty International said 314 people were executed in Iran in 2021.",
    ].join("\n"),
  },
  {
    file: "meadow-post-protests.txt",
    published: "2023-01-05",
    publisher: "Meadow Post",
    text: [
      "Protest toll",
      "",
      "Security forces killed at least 476 protesters in Iran in 2022, Iran Human Rights said.",
      "HRANA said 481 protesters were killed in Iran in 2022.",
    ].join("\n"),
  },
];

/** A page that would run script, load foreign code or leak a request if any of it executed. */
export const HOSTILE_HTML = `<!doctype html>
<html><head><title>Hostile &lt;b&gt;page</title>
<meta property="article:published_time" content="2024-05-02">
<style>@import url("http://127.0.0.1:9/pwned.css"); body { background: url(javascript:window.__pwned=1) }</style>
<script>window.__pwned = "script"; fetch("/pwned-script");</script>
<base href="http://127.0.0.1:9/">
</head><body>
<article>
<h1 onmouseover="window.__pwned='h1'">Report <img src=x onerror="window.__pwned='img';fetch('/pwned-img')"></h1>
<p>At least 97 people were executed in Iran in 2024, according to Iran Human Rights. <a href="javascript:window.__pwned='link'">read</a></p>
<p>Officials said &lt;script&gt;window.__pwned="escaped"&lt;/script&gt; was printed in the leaflet seized from 12 prisoners.</p>
<svg><script>window.__pwned="svg"</script><circle onload="window.__pwned='svgload'" r="1"></circle></svg>
<p>Note: &lt;img src=x onerror=window.__pwned='text'&gt; and {{constructor.constructor('window.__pwned=1')()}} are literal text.</p>
<iframe src="javascript:parent.__pwned='iframe'"></iframe>
<object data="/pwned-object"></object>
</article>
</body></html>
`;
