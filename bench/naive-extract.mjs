// A naive claim extractor, as a reference for `tally extract` as a whole command (bench/extract.mjs
// runs both on the same folder and prints the ratio). Plain regular expressions only, no date
// library (issue 26's peer used chrono-node, which is not a dependency of Tally): for each
// sentence that has a figure and an event word, one JSON line with the figure, the event word,
// the first date-like phrase of the sentence and the first "according to X" / "X said" source.
// Files are read one at a time in sorted order and each file's lines are written at once, the way
// a small script would do it. No places, victims, qualifiers, periods or attribution rules.
//
//   node bench/naive-extract.mjs FOLDER > out.jsonl
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const SENTENCE = /[^.!?\n]+[.!?]?/g;
const FIGURE = /\b(\d{1,3}(?:,\d{3})+|\d+)\b(?!\s*(?:%|per\s*cent|years?\b))/;
const EVENT = /\b(execut\w*|hang\w*|hanged|kill\w*|shot dead|died|deaths?|fatalities|arrest\w*|detain\w*|detention|sentenc\w*|indict\w*|pardon\w*|disappear\w*|tortur\w*|injur\w*|wounded)\b/i;
const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const DATE = new RegExp(
  `\\b(?:\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|${MONTH}\\s+\\d{4}|in\\s+${MONTH}|(?:since|in)\\s+(?:the\\s+(?:start|beginning)\\s+of\\s+)?\\d{4}|(?:last|this)\\s+(?:year|month|week)|so far this year|over the past (?:decade|year|month))\\b`,
  "i",
);
const SOURCE = /\baccording to (?:the )?([A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|for|on))*)|\b([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*) (?:said|says|reported|told)\b/;

const folder = process.argv[2];
if (!folder) {
  process.stderr.write("usage: node bench/naive-extract.mjs FOLDER\n");
  process.exit(2);
}
const names = (await readdir(folder)).filter((n) => /\.(txt|md)$/.test(n)).sort();
for (const name of names) {
  const text = await readFile(join(folder, name), "utf8");
  let out = "";
  for (const m of text.matchAll(SENTENCE)) {
    const sentence = m[0];
    const figure = FIGURE.exec(sentence);
    if (!figure) continue;
    const event = EVENT.exec(sentence);
    if (!event) continue;
    const date = DATE.exec(sentence);
    const source = SOURCE.exec(sentence);
    out += `${JSON.stringify({
      document: name,
      count: Number(figure[1].replace(/,/g, "")),
      event: event[1].toLowerCase(),
      date: date ? date[0] : null,
      source: source ? (source[1] ?? source[2]) : null,
      span: [m.index, m.index + sentence.length],
    })}\n`;
  }
  if (out) process.stdout.write(out);
}
