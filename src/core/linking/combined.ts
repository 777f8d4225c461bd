// Figures that count the dead and the injured together: "20 porters killed or wounded", "a total
// of 31 people lost their lives or were injured", "۴۰ نفر کشته و زخمی شدند", "٢٥ بين قتيل وجريح",
// "12 morts et blessés". Such a figure is not a number of killings (nor of injuries): it neither
// rivals nor contains one, so it gets a scope of its own (FactScope.combined).
import { figureEnd, figureOffset } from "./figure.js";
import type { LinkClaim } from "./types.js";

/** Events whose figure can be a combined count of the dead and the injured. */
const COMBINABLE = new Set(["killing", "injury"]);

/**
 * A death and an injury joined in one phrase. English: "killed or wounded", "dead and injured",
 * "lost their lives or suffered injuries", "wounded or killed"; Persian: "کشته و زخمی",
 * "کشته یا مجروح", "جان باخته و زخمی"; Arabic: "قتيل وجريح", "قتلى وجرحى", "قتلوا أو أصيبوا";
 * French: "tués ou blessés", "morts et blessés".
 */
const DEATH = String.raw`(?:killed|dead|deaths?|died|lost\s+(?:their|his|her)\s+lives?|fatalities)`;
const HURT = String.raw`(?:(?:were|been|being|was|suffered|sustained)\s+)?(?:wounded|injured|injuries|injury|hurt|maimed)`;
const JOIN = String.raw`\s*,?\s*(?:or|and|and\/or)\s+`;
const PAIRS = [
  new RegExp(String.raw`\b${DEATH}${JOIN}${HURT}\b`, "i"),
  new RegExp(String.raw`\b(?:wounded|injured)${JOIN}(?:(?:were|been)\s+)?(?:killed|dead)\b`, "i"),
  /(?:کشته|جان\s*[\u200c ]?باخته|جان\s*[\u200c ]?باختن)[\s\u200c]*(?:شده[\s\u200c]*)?(?:و|یا)[\s\u200c]*(?:زخمی|مجروح|مصدوم)/u,
  /(?:زخمی|مجروح|مصدوم)[\s\u200c]*(?:و|یا)[\s\u200c]*کشته/u,
  /(?:قتيل|قتلى|قتلوا|قُتلوا|قتل|مقتل)(?:ا|\u064B|ى)*\s*(?:و|أو)\s*(?:جريح|جرحى|أصيب|إصابة|جرح)/u,
  /(?:جريح|جرحى|مصاب)(?:ا|\u064B|ى)*\s*(?:و|أو)\s*(?:قتيل|قتلى)/u,
  /\b(?:tu[ée]e?s?|morts?|d[ée]c[ée]d[ée]e?s?)\s*,?\s*(?:ou|et)\s+(?:bless[ée]e?s?)\b/iu,
  /\bbless[ée]e?s?\s*,?\s*(?:ou|et)\s+(?:tu[ée]e?s?|morts?)\b/iu,
];
/** "20 civilian casualties": casualties are the dead and the wounded. */
const CASUALTIES = /^\s*(?:[\p{L}-]+\s+){0,2}?casualties\b/iu;
/** A cheap first look: no word for an injury, no combined count. */
const MENTIONS_HURT = /wound|injur|casualt|hurt|maim|زخم|مجروح|مصدوم|جري?ح|جرحى|أصيب|إصاب|مصاب|bless/iu;
/** A figure of its own, or the end of the clause: what follows belongs to another count. */
const OTHER_FIGURE = /[\d\u06F0-\u06F9\u0660-\u0669]|[.;!?؛。]|\n/u;

/** The clause after the figure, up to the next figure or the clause's end. */
function after(quote: string, at: number): string {
  const rest = quote.slice(figureEnd(quote, at));
  const stop = OTHER_FIGURE.exec(rest);
  return stop ? rest.slice(0, stop.index) : rest;
}

/** The words just before the figure ("killed or wounded 40"), back to a previous figure or the clause's start. */
function before(quote: string, at: number): string {
  const head = quote.slice(Math.max(0, at - 40), at);
  let i = head.length - 1;
  while (i >= 0 && !OTHER_FIGURE.test(head[i] as string)) i--;
  return head.slice(i + 1);
}

/**
 * True when the claim's figure counts the dead and the injured together, as the words around it
 * say (in its own clause, with no other figure between): "20 porters were killed or wounded",
 * "security forces killed or injured 40 people". "Two were killed and 18 injured" is two counts.
 */
export function countsDeadAndInjured(c: Pick<LinkClaim, "event" | "quote" | "count" | "countAt">): boolean {
  if (!COMBINABLE.has(c.event) || !MENTIONS_HURT.test(c.quote)) return false;
  const at = figureOffset(c);
  if (at === null) return false;
  const next = after(c.quote, at);
  if (CASUALTIES.test(next)) return true;
  const around = `${before(c.quote, at)} ${next}`;
  return PAIRS.some((re) => re.test(around));
}
