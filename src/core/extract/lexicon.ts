// Word lists that say how English talks about violations: event verbs and nouns, nouns for
// people who can be victims, and nouns that show a figure counts something else.
import type { EventType, VictimGroup } from "../types.js";

/** Verb forms that can follow a counted group ("were executed") or precede it ("executed 12"). */
export const EVENT_VERBS: [RegExp, EventType][] = [
  [/^(?:execut(?:e|ed|es|ing)|hang(?:ed|s)|hung|behead(?:ed|s|ing)?|put to death|sent to the gallows|went to the gallows|sent to (?:the )?gallows)$/, "execution"],
  [/^(?:kill(?:ed|s|ing)?|slaughter(?:ed|s|ing)?|massacr(?:ed|es|ing)|murder(?:ed|s|ing)?|shot dead|shot and killed|gunned down|beaten to death|died|lost their lives|killed)$/, "killing"],
  [/^(?:(?:re-?)?arrest(?:ed|s|ing)?|(?:re-?)?detain(?:ed|s|ing)?|rounded up|taken into custody|apprehended|abducted)$/, "arrest"],
  [/^(?:injur(?:ed|es|ing)|wound(?:ed|s|ing)?|blinded|maimed)$/, "injury"],
  [/^(?:forcibly disappeared|disappeared)$/, "disappearance"],
  [/^(?:tortur(?:ed|es|ing))$/, "torture"],
  [/^(?:flogg(?:ed|ing)|lashed|whipped)$/, "flogging"],
  [/^(?:amputat(?:ed|es|ing))$/, "amputation"],
];

/** Multi-word verb phrases, matched on the lower-cased text before single words. */
export const EVENT_PHRASES: [RegExp, EventType][] = [
  [/\bput to death\b/y, "execution"],
  [/\bsent to (?:the )?gallows\b/y, "execution"],
  [/\bshot (?:and killed|dead)\b/y, "killing"],
  [/\bgunned down\b/y, "killing"],
  [/\bbeaten to death\b/y, "killing"],
  // "131 have been tortured to death": a death under torture is a killing.
  [/\btortured to death\b/y, "killing"],
  [/\blost their lives\b/y, "killing"],
  [/\btaken into custody\b/y, "arrest"],
  [/\brounded up\b/y, "arrest"],
  [/\bforcibly disappeared\b/y, "disappearance"],
  // "at imminent risk of execution", "facing execution": people awaiting it.
  [/\bat (?:imminent |serious |grave |high )?risk of (?:imminent )?execution\b/y, "death_row"],
  [/\b(?:facing|face|faces) (?:imminent )?execution\b/y, "death_row"],
  // "could face execution", "faces the death penalty", "are scheduled to be executed": at risk, not executed.
  [/\bfac(?:e|es|ing) (?:the |a )?(?:possible )?death (?:penalty|sentences?)\b/y, "death_row"],
  [/\bcould (?:be (?:executed|hanged|put to death)|face (?:imminent |possible )?(?:execution|the death penalty))\b/y, "death_row"],
  [/\bmight (?:be (?:executed|hanged|put to death)|face (?:imminent |possible )?(?:execution|the death penalty))\b/y, "death_row"],
  [/\bmay (?:be (?:executed|hanged|put to death)|face (?:imminent |possible )?(?:execution|the death penalty))\b/y, "death_row"],
  [/\bscheduled (?:to be (?:executed|hanged|put to death)|for execution)\b/y, "death_row"],
  [/\bdue to be (?:executed|hanged|put to death)\b/y, "death_row"],
  [/\bset to be (?:executed|hanged|put to death)\b/y, "death_row"],
  // "are registered as disappeared" (not "remain missing": a shipwreck's missing are no one's victims)
  [/\b(?:registered|listed|recorded|reported|classified|counted) as (?:forcibly )?(?:disappeared|missing)\b/y, "disappearance"],
];

/** Nouns that name the event itself; a figure right before them counts events ("four executions"). */
export const EVENT_NOUNS: [RegExp, EventType][] = [
  [/^(?:executions?|hangings?)$/, "execution"],
  [/^(?:killings?|deaths?|murders?|fatalities|dead|massacres?)$/, "killing"],
  [/^(?:arrests?|detentions?)$/, "arrest"],
  [/^(?:injuries|injured|wounded)$/, "injury"],
  [/^(?:disappearances?)$/, "disappearance"],
  [/^(?:floggings?)$/, "flogging"],
  [/^(?:amputations?)$/, "amputation"],
];

/** Nouns that introduce a counted group with "of" ("the execution of 30,000"). */
export const EVENT_OF_NOUNS: [RegExp, EventType][] = [
  [/^(?:executions?|hangings?)$/, "execution"],
  [/^(?:killings?|deaths?|murders?|massacres?|slaughter|death toll|toll)$/, "killing"],
  [/^(?:arrests?|detentions?)$/, "arrest"],
  [/^(?:torture)$/, "torture"],
  [/^(?:disappearances?)$/, "disappearance"],
  // "the maiming of 2,955 others", "the wounding of 40 protesters"
  [/^(?:maiming|wounding|injuring)$/, "injury"],
];

/** Nouns for people who can be victims: a figure before them may count victims. */
export const VICTIM_NOUNS = new Set(
  ("people persons person individuals prisoners prisoner inmates detainees protesters protestors demonstrators " +
    "civilians men women children minors juveniles offenders activists dissidents journalists reporters bloggers " +
    "students workers teachers lawyers citizens kurds baluch baluchis balochs baloch arabs bahais baha'is christians " +
    "sunnis dervishes others victims martyrs youths teenagers boys girls nationals migrants refugees afghans " +
    "foreigners farmers villagers residents worshippers opponents bodies convicts defendants mourners passersby " +
    "bystanders rioters strikers truckers kolbars porters fuel-carriers carriers sukhtbar couriers smugglers traffickers " +
    "adults juvenile woman man child prisoners-of-conscience them those converts clerics seminarians dervish lgbt " +
    "gay gays athletes artists rappers musicians doctors nurses engineers lawmakers defenders environmentalists " +
    // Kin, trades and other people a report counts ("two brothers were hanged", "11 fishermen were shot").
    "brothers sisters sons daughters fathers mothers husbands wives cousins siblings twins infants babies toddlers " +
    "pupils schoolchildren schoolboys schoolgirls academics professors scholars poets writers authors filmmakers " +
    "actors singers footballers wrestlers volunteers hostages captives abductees asylum-seekers deportees " +
    "patients pilgrims shepherds herders nomads tribesmen fishermen miners labourers laborers pensioners retirees " +
    "employees medics paramedics photographers cameramen priests pastors monks nuns imams shopkeepers merchants " +
    "traders vendors drivers passengers pedestrians motorists suspects mps legislators parliamentarians politicians " +
    "candidates councillors").split(" "),
);

/** Weak victim nouns: they count only when an event verb attaches right after them. */
export const WEAK_VICTIM_NOUNS = new Set(("members supporters followers sympathizers sympathisers relatives family families " +
  "rebels fighters militants soldiers combatants insurgents policemen officers guards gunmen").split(" "));

/** Nouns that show a figure measures time, money or something other than people. */
export const NON_COUNT_UNITS =
  /^(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|times|lashes|percent|per|dollars?|euros?|rials?|tomans?|pounds?|kilograms?|kg|km|kilometres?|kilometers?|miles?|metres?|meters?|tons?|tonnes?|t|grams?|barrels?|votes?|seats?|pages?|articles?|cases?)$/;

/** Function words that end a noun phrase after a figure ("27 were executed", "504 the number"). */
export const PHRASE_STOPS = new Set(
  ("were was are is have has had been being be to who that which whom in on at by since during last this from for " +
    "with and or but as of the a an so far alone more than over among including into across while when after before " +
    "under per between within out up down about it its their they them these those such than then also all " +
    // "rose to 1,200 worldwide": an adverb of scope after the figure is not what it counts.
    "worldwide nationwide countrywide globally overall altogether").split(" "),
);

/** Words that may stand between an auxiliary and an event verb ("were deliberately killed"). */
export const VERB_GAP = new Set(
  ("were was are is have has had been being be to who that which reportedly allegedly also all then later " +
    "subsequently reported believed said thought known confirmed feared not now already either both those as having").split(" "),
);

/** Words naming an event that a figure or a date can belong to ("the uprising last November"). */
export const EVENT_ANCHORS = /\b(uprising|protests?|demonstrations|unrest|crackdown|massacre|revolt|revolution|riots|strikes|war|conflict|raid|attack|bombing|purge)\b/gi;

/** Victim groups by the words that name them in a counted noun phrase. */
export const VICTIM_WORDS: [RegExp, VictimGroup][] = [
  [/\b(?:protesters?|protestors?|demonstrators?|rioters|mourners|strikers)\b/i, "protesters"],
  [/\bpolitical (?:prisoners?|detainees|dissidents|activists)\b|\bprisoners of conscience\b|\bdissidents\b/i, "political_prisoners"],
  [/\b(?:prisoners?|inmates|detainees|convicts)\b/i, "prisoners"],
  [/\b(?:women|woman|girls|female)\b/i, "women"],
  [/\b(?:child|juvenile) offenders?\b|\bjuveniles\b|\bminors\b|\bjuvenile\b/i, "child_offenders"],
  [/\bdrug(?:-related)? (?:offenders?|offences|offenses|charges|crimes|convicts|traffickers)\b|\bdrug[- ]related\b|\bdrug traffick/i, "drug_offenders"],
  [/\b(?:kurds?|kurdish|baluch|baluchis?|balochs?|balochi|arabs?|ahwazi|azeris?|turkmen|lurs?|ethnic)\b/i, "ethnic_minorities"],
  [/\b(?:baha'?is?|christians?|jews|jewish|sunnis?|dervishes|gonabadi|religious minorit\w*|converts?)\b/i, "religious_minorities"],
  [/\b(?:journalists?|reporters?|bloggers?|media workers)\b/i, "journalists"],
  [/\bcivilians?\b/i, "civilians"],
];
