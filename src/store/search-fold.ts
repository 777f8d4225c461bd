// What full-text search treats as the same word in Persian and Arabic text, for the documents
// indexed and for the queries alike: with or without zero-width non-joiners (دست‌کم / دستکم),
// harakat or tatweel; with Arabic or Persian yeh and kaf (ي ى / ی, ك / ک), Kurdish ە or heh,
// hamza-carrying alefs or bare alef; with Persian, Arabic-Indic or ASCII digits. The same table
// gives the JavaScript fold (queries, PostgreSQL's vectors, and SQLite's FTS5 triggers through a
// function every Tally connection registers) and PostgreSQL's (translate, for headlines). Changing it
// changes what the indexes hold: a migration must rebuild them (as migration 11 did).

/** Characters dropped: ZWNJ, ZWJ, tatweel, harakat (fathatan … sukun, maddah, hamza above/below, superscript alef). */
export const FOLD_DROPPED: readonly string[] = [
  "\u200c", "\u200d", "\u0640",
  ...Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => String.fromCharCode(0x064b + i)),
  "\u0670",
];

/** Characters replaced, and by what. */
export const FOLD_MAPPED: ReadonlyArray<readonly [string, string]> = [
  ["\u064a", "\u06cc"], // Arabic yeh → Persian yeh
  ["\u0649", "\u06cc"], // alef maksura → Persian yeh
  ["\u0643", "\u06a9"], // Arabic kaf → Persian kaf (keheh)
  ["\u06d5", "\u0647"], // Kurdish ae → heh
  ["\u06c0", "\u0647"], // heh with yeh above → heh
  ["\u0623", "\u0627"], // alef with hamza above → alef
  ["\u0625", "\u0627"], // alef with hamza below → alef
  ["\u0671", "\u0627"], // alef wasla → alef
  ...Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0x0660 + d), String(d)] as const), // Arabic-Indic digits
  ...Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0x06f0 + d), String(d)] as const), // Persian digits
];

const MAP = new Map<string, string>([...FOLD_MAPPED, ...FOLD_DROPPED.map((c) => [c, ""] as const)]);
/** Every character the fold touches. */
const FOLDED = new RegExp(`[${[...MAP.keys()].join("")}]`, "gu");
/** The ranges they lie in (U+0600–U+06FF, ZWNJ and ZWJ): texts without any are left as they are. */
const FOLD_RANGE = /[\u0600-\u06ff\u200c\u200d]/u;

/** The text as search sees it: the same length or shorter, every other character untouched. */
export function foldSearchText(text: string): string {
  return FOLD_RANGE.test(text) ? text.replace(FOLDED, (c) => MAP.get(c) ?? c) : text;
}

/**
 * Name of the SQL function every SQLite connection of Tally's has (sqlite-database.ts): the FTS5
 * triggers index `tally_search_fold(text)`. The same fold in SQL (53 nested replace() calls) made
 * storing a 5 KB Persian document 1.4 ms slower; through the function it costs a few microseconds.
 */
export const SQLITE_FOLD_FUNCTION = "tally_search_fold";

/** The function itself: text folded, anything else (NULL) as it is. */
export function sqliteFold(value: unknown): unknown {
  return typeof value === "string" ? foldSearchText(value) : value;
}

/** The characters FTS5 must keep inside words (its unicode61 tokenizer splits on marks and ZWNJ), so that the text it reads for snippets has the words the fold indexed. */
export const FTS5_TOKEN_CHARACTERS = FOLD_DROPPED.join("");

/** The two arguments of PostgreSQL's translate() that fold a text as `foldSearchText` does. */
export function postgresTranslateArguments(): { from: string; to: string } {
  return { from: [...FOLD_MAPPED.map(([f]) => f), ...FOLD_DROPPED].join(""), to: FOLD_MAPPED.map(([, t]) => t).join("") };
}
