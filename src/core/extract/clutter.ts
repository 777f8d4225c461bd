// Recognises page clutter in plain text: "Latest news" and "Related articles" teaser lists,
// "Must read", "You might also like", tag lines, share and copyright lines, follow-us lines.

/** Lines that open a teaser section: everything after them is clutter until real content resumes. */
const SECTION_HEADINGS =
  /^(?:latest(?: news| stories| articles| posts)?|related(?: articles| posts| stories| news| content| reading)?|you might also like|you may also like|recommended(?: for you| to you| stories| articles)?|must read|more (?:news|stories|from|on this)|read (?:more|next|also)|also read|see also|trending(?: now)?|most (?:read|popular|viewed)|popular (?:posts|articles|stories)|top stories|further reading|in other news|editor'?s picks|don'?t miss|what to read next|more like this)\b.{0,40}$/i;

/** Single lines that are clutter on their own. */
const CLUTTER_LINES: RegExp[] = [
  /^tags?\s*:/i,
  /^(?:filed under|categories|category|topics?)\s*:/i,
  /copyright|\u00a9|all rights reserved/i,
  /^(?:share|share this|share on|tweet|email|print|follow us|follow them|subscribe|sign up|newsletter|like us on)\b/i,
  /\((?:follow (?:us|them) on|find us on)\b/i,
  /\bfollow (?:us|them) on (?:twitter|facebook|instagram|telegram|x)\b/i,
  /^(?:advertisement|sponsored|cookie|we use cookies)\b/i,
  /(?:powered by|xml sitemap|privacy policy|terms of (?:use|service))/i,
  /\b(?:youtube|facebook|twitter|instagram|telegram)\s*$/i,
  /^(?:previous|next) (?:article|post|story)\b/i,
];

/** The patterns above as one (all are case-insensitive): one scan of a line instead of ten. */
const ANY_CLUTTER_LINE = new RegExp(CLUTTER_LINES.map((re) => `(?:${re.source})`).join("|"), "i");

/** A line of a teaser list: short, often cut off with an ellipsis. */
function isTeaser(line: string): boolean {
  return /(?:\.\.\.|\u2026)\s*$/.test(line) || line.length < 140;
}

/**
 * Returns, for each line of the text, whether it is clutter. A teaser section runs from its
 * heading until a long paragraph of real content appears.
 */
export function clutterLines(lines: string[]): boolean[] {
  const flags = new Array<boolean>(lines.length).fill(false);
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === "") continue;
    if (SECTION_HEADINGS.test(line)) {
      inSection = true;
      flags[i] = true;
      continue;
    }
    if (inSection) {
      if (isTeaser(line)) {
        flags[i] = true;
        continue;
      }
      inSection = false;
    }
    if (line.length < 200 && ANY_CLUTTER_LINE.test(line)) flags[i] = true;
  }
  return flags;
}
