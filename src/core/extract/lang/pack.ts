// The interface of a language pack: data and small rules for one language. The pipeline
// (pipeline.ts) is the same for every pack: fold → numbers → times → events and victims → voice.
import type { EventType, Period, Qualifier, VictimGroup } from "../../types.js";
import type { Publication } from "./calendar.js";

/** What one number word contributes ("سه" a unit, "عشر" the teen marker, "ستمائة" hundreds). */
export interface NumberWord {
  value: number;
  kind: "unit" | "teen" | "ten" | "hundred" | "thousand" | "million" | "teenMarker";
  /** An ordinal ("بیستم", the twentieth): a day of a date, never a count. */
  ordinal?: boolean;
  /** A number only inside a compound ("نه" in "نود و نه"); alone it is another word ("نه", no). */
  bound?: boolean;
}

/** A figure found in a sentence (offsets in the folded sentence). */
export interface NumberHit {
  start: number;
  end: number;
  value: number;
  /** Spelled in words rather than digits. */
  word: boolean;
  ordinal: boolean;
  /** Has a decimal part ("4.7"): never a count. */
  decimal: boolean;
  /** Set by vague number phrases ("une dizaine", "des centaines"). */
  qualifier?: Qualifier;
}

/** A time expression in a sentence and the interval it names. */
export interface TimeHit {
  start: number;
  end: number;
  period: Period;
  /** The expression in its own calendar, when it is not Gregorian ("Aban 1403"). */
  label?: string;
  /** The day a statement came out: its numbers are no counts, but it dates no figure. */
  silent?: boolean;
  /** Number of a Gregorian year it names explicitly, for "the following year" later on. */
  year?: number;
  /** A whole Gregorian month (1–12) named without its year, read as its latest occurrence ("in March"). */
  bareMonth?: number;
}

/** What time expressions are resolved against. */
export interface TimeContext {
  pub: Publication | null;
  /** The last Gregorian year named explicitly before this sentence (for "the following year"), looked up when needed. */
  lastYear: () => number | null;
  /** The sentence's figures, for dates and years spelled in words. */
  nums: NumberHit[];
}

/** A rule list entry: a pattern (global, folded) and what it means. */
export type Lexicon<T> = readonly (readonly [RegExp, T])[];

/** One language's rules. Every pattern is written on folded text (see text/fold.ts). */
export interface LanguagePack {
  code: string;
  /** A quick test that a sentence may hold a number word at all (the word scan is skipped otherwise). */
  wordHint: RegExp;
  /** Runs of letters that may be number words. */
  wordPattern: RegExp;
  /** The value of one word, with its clitics stripped; null when it is not a number word. */
  numberWord(token: string): NumberWord | null;
  /** What may stand between two words of one number (anchored: ^…$). */
  joiner: RegExp;
  /** "1 500" with a (no-break) space as the thousands separator. */
  spaceThousands: boolean;
  /** Vague amounts ("une dizaine" about 10, "des centaines" at least 100), global. */
  vague: readonly (readonly [RegExp, number, Qualifier])[];
  /** Hedges right before a figure, anchored at the end ("at least", "more than"). */
  qualifiers: Lexicon<Qualifier>;
  /** Hedges after a figure and its counted noun ("410 حالات على الأقل"), anchored at the start. */
  qualifiersAfter?: Lexicon<Qualifier>;
  /** A range "between A and B": the words before A (anchored at the end) and between A and B. */
  range: { lead: RegExp; gap: RegExp; leadRequired: boolean };
  /** Right after a figure that is no count: percentages, ages, durations, countries (anchored ^). */
  nonCountAfter: RegExp;
  /** Right before a figure that is no count: "%", "every", "number", "article" (anchored $). */
  nonCountBefore: RegExp;
  /** A counted noun right after a figure (anchored ^): keeps "1950 نفر" a count, not a year. */
  countNoun: RegExp;
  /** Event words (global patterns); a longer match wins over one it contains. */
  events: Lexicon<EventType>;
  /**
   * What else may befall the people counted ("libérés", "آزاد شدند", "نازحين", displaced): when it stands
   * right after a figure, before any event word, the figure is not an event's (not global).
   */
  notEvents?: RegExp;
  /** Event words that name the people rather than the deed ("معتقلين", detainees): any other event word in range wins over them. Anchored ^…$. */
  weakEvents?: RegExp;
  /** Charges that name a crime, not an event ("for murder", "بتهمة القتل"): event words inside them do not count. */
  charges: RegExp;
  /** Words that make a sentence's figures parts of the previous sentence's ("of these", "dont", "بينهم"). */
  partOf: RegExp;
  /** Victim groups named near a figure. */
  victims: Lexicon<VictimGroup>;
  /** Time expressions of a sentence. */
  findTimes(s: string, ctx: TimeContext): TimeHit[];
  /** Where a sentence's clauses break (global). */
  clauseBreak: RegExp;
  /** A quick test that a sentence may hold one of the descriptors or vague amounts (their scans are skipped otherwise). */
  descriptorHint: RegExp;
  vagueHint: RegExp;
  /** Sources described rather than named ("the opposition", "une ONG"), with the name to emit. */
  descriptors: Lexicon<string>;
  /**
   * What may stand between a described source and an event verb when it is the doer, not the voice
   * ("les autorités iraniennes ont exécuté"): an adjective, an auxiliary. Anchored at the start. Absent:
   * described sources are always voices.
   */
  agentGap?: RegExp;
  /**
   * A source the registry does not know, named after a word that credits it ("selon la Ligue des
   * droits de l'homme", "a dénoncé le Collectif X"): the name is the `name` group, cut at `nameEnd`.
   */
  namedVoice?: { pattern: RegExp; nameEnd: RegExp };
  /**
   * "the same period last year", "la même période de 2023", "الفترة نفسها من العام الماضي": the
   * period of the time named before it, moved to the year the `y` group names (digits; a Solar
   * year when below 1700) or, without it, to the year before.
   */
  samePeriod?: RegExp;
  /**
   * A named source spoken to, not speaking ("a déclaré à l'AFP", "قال لرويترز", "به رویترز گفت"): the
   * text right before the name (anchored $) and, when given, right after it (anchored ^) must match.
   */
  recipient?: { before: RegExp; after?: RegExp };
  /** Words that point back to the source last named ("this report", "l'ONG"). */
  anaphor: RegExp;
  /** A sentence opening with a pronoun that stands for the last sentence's source ("Ils ont ajouté"). */
  pronoun: RegExp | null;
  /** Verbs come last (Persian): the event word after a figure is preferred, and may stand further off. */
  verbFinal: boolean;
  /** Whether a named source carries on to later sentences without a word pointing back (news style). */
  carrySource: boolean;
  /**
   * Days and weeks named relative to the day of writing, resolved by the pipeline for every pack
   * alike: `weekdays` has one named group per day, `d1` (Monday) to `d7` (Sunday), and `lastWeek`
   * names the week before the publication's.
   */
  /** Words that make the time after them the day a statement or report came out ("بيان صدر في", "publié le", "منتشر شده در"), which dates no figure (anchored $). */
  saidOn?: RegExp;
  /**
   * The time of another event the figure's clause names ("les manifestations qui ont éclaté en
   * septembre 2022", "الاحتجاجات التي اندلعت في أيلول 2022", "اعتراضاتی که در شهریور ۱۴۰۱ آغاز شد"): the
   * words right before the time (anchored $) or right after it (anchored ^); that time dates no figure.
   */
  startedOn?: { before?: RegExp; after?: RegExp };
  /** Words of a superlative before a time ("the highest … in", "le plus élevé depuis"): that time compares, it dates no figure (anchored $). */
  superlative?: RegExp;
  /**
   * Words that make the time after them the other term of a comparison with no figure of its own
   * ("en hausse par rapport à 2021", "نسبت به سال قبل", "أي ضعف العدد المسجل في 2021"): that time
   * dates no figure (anchored $; a figure between the words and the time keeps it: "contre 290 en 2021").
   */
  comparedWith?: RegExp;
  recentDays?: {
    weekdays: RegExp;
    lastWeek: RegExp;
    /** The ISO weekday a week opens on, for "last week" (default 1, Monday; Persian 6, Saturday). */
    weekStartsOn?: number;
    /** "the weekend" (Saturday and Sunday; a `last` group asks for the one before when written on a weekend). Only where the weekend is Saturday and Sunday. */
    weekend?: RegExp;
    /** A reporting verb right before (or after) a weekday makes it the day of a saying, which dates no figure. */
    reportBefore?: RegExp;
    reportAfter?: RegExp;
    /** Right before a weekday (anchored $): since that day, up to the day of writing ("depuis mardi"). */
    since?: RegExp;
  };
}
