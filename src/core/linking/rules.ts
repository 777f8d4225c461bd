// The linking rules in words, for `tally fact` and the docs (the best-figure rule is
// ESTIMATE_RULE in estimate.ts, the order of conflicts RANKING_RULE in ranking.ts).

/** How claims are grouped into facts, and how parts sit under their whole. */
export const SCOPE_RULE =
  "A fact is one event, place, period and victim group. A claim naming no victim group is about all victims; " +
  "a group (women, children, protesters, drug offenders) is a part of it. A place inside another (the gazetteer's " +
  "nesting), a month inside its year and a figure to date (a current-year figure published before the year ends: its " +
  "period ends on the publication date) are parts too, and so are the smaller figures of a breakdown in one sentence " +
  "('including 115 men', '32 of them children'). Parts nest under their whole and never join or rival it: a part " +
  "larger than its whole is the only part/whole contradiction. Figures without a stated period are listed side by " +
  "side and never compared.";

/** What counts as an independent voice. */
export const VOICE_RULE =
  "One voice per network of sources (else per source, else per outlet, else per group of copies of one text). " +
  "A document's uncredited figure (a headline) restating a figure it credits to a source is that source's voice, not a " +
  "second one.";

/** When claims contradict. */
export const CONFLICT_RULE =
  "Independent voices contradict when their ranges do not overlap. Figures of one document contradict only when the " +
  "document credits them to two different sources, or when they cannot both hold for one scope (internal " +
  "inconsistency: the smaller is stated as a maximum the larger exceeds); any other smaller figure of the same document " +
  "may count a part the text names apart. The same figure under two periods whole years apart is a probable dating error.";
