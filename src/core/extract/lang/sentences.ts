// Sentences of a folded text for the language packs: lines are paragraphs, and a sentence ends
// at . ! ? ؟ or … followed by a space (a closing quote may come between).

/** A sentence: [start, end) in the folded text, and the paragraph (line) it stands in. */
export interface PackSentence {
  start: number;
  end: number;
  paragraph: number;
}

const END = /[.!?\u061f\u2026]+["')\]»]*(?=\s)|[.!?\u061f\u2026]+["')\]»]*$/g;

/** Splits a folded text into trimmed, non-empty sentences. */
export function packSentences(t: string): PackSentence[] {
  const out: PackSentence[] = [];
  let lineStart = 0;
  let paragraph = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(t[a] as string)) a++;
    while (b > a && /\s/.test(t[b - 1] as string)) b--;
    if (b > a) out.push({ start: a, end: b, paragraph });
  };
  while (lineStart <= t.length) {
    let lineEnd = t.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = t.length;
    const line = t.slice(lineStart, lineEnd);
    if (line.trim()) {
      let from = 0;
      for (const m of line.matchAll(END)) {
        const end = m.index + m[0].length;
        // "M. Dupont", "J.-P.": a single capital letter before the stop is an initial.
        if (m[0] === "." && /(?:^|[\s(])\p{Lu}$/u.test(line.slice(Math.max(0, m.index - 2), m.index))) continue;
        push(lineStart + from, lineStart + end);
        from = end;
      }
      push(lineStart + from, lineEnd);
      paragraph++;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
