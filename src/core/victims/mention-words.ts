// The words victim mentions are read with, per language: what introduces a list of victims' names
// ("the executed were", "عبارتند از", "وهم", "il s'agit de"), what separates the names, and the
// words for age, sex, occupation, ethnicity and the event.

/** A language's words for reading victims' names. */
export interface MentionWords {
  /** Introduces names: the list follows the match. */
  lead: RegExp;
  /** A name followed by a victim verb: "Ali Rezaei, 34, was hanged". */
  passive?: RegExp;
  /** Splits a list into items. */
  separator: RegExp;
  /** An age in an item; group 1 the number. */
  age: RegExp[];
  female: RegExp;
  male: RegExp;
  /** Event words and the event they name. */
  events: ReadonlyArray<[RegExp, string]>;
  occupations: Record<string, string>;
  ethnicities: Record<string, string>;
  /** Words that are never part of a name in this language (articles, verbs around lists). */
  notName: RegExp;
}

const LATIN_NAME_WORD = "[A-Z\\u00c0-\\u00de][\\p{Ll}'’-]+";

/** Two to four capitalised words, with particles: "Ali Rezaei", "Abd al-Rahman Khalil". */
export const LATIN_NAME = new RegExp(`(?:${LATIN_NAME_WORD})(?:\\s+(?:al-|el-|bin\\s+|ibn\\s+|de\\s+|ben\\s+)?(?:${LATIN_NAME_WORD})){1,3}`, "u");

export const WORDS: Record<string, MentionWords> = {
  en: {
    lead: /\b(?:(?:the|those)\s+(?:executed|victims?|dead|killed|hanged|men|women|prisoners|people|detainees)(?:\s+(?:executed|hanged|killed|arrested|detained))?\s+(?:were|are|included|include)(?:\s+(?:named|identified)\s+as)?|(?:named|identified)\s+as|(?:their|the)\s+names?\s+(?:are|were|is)|among\s+them\s+(?:were|are))\s*:?\s*/i,
    passive: new RegExp(`(${LATIN_NAME.source})((?:,\\s*[^,]{1,40}){0,3}),?\\s+(?:was|has\\s+been|had\\s+been)\\s+(?:executed|hanged|killed|shot\\s+dead|arrested|detained|sentenced\\s+to\\s+death)`, "u"),
    separator: /\s*;\s*|,\s*(?:and\s+)?|\s+and\s+/,
    age: [/^(?:aged\s+)?(\d{1,3})$/, /\b(\d{1,3})-year-old\b/, /\baged\s+(\d{1,3})\b/, /^\((\d{1,3})\)$/],
    female: /\b(?:woman|girl|mother|wife|sister|daughter|Mrs|Ms)\b/i,
    male: /\b(?:man|boy|father|husband|brother|son|Mr)\b/i,
    events: [[/\b(?:executed|hanged|execution)/i, "execution"], [/\b(?:killed|shot dead|dead)\b/i, "killing"], [/\b(?:arrested|detained|detainees)\b/i, "arrest"], [/\bsentenced to death\b/i, "death_sentence"]],
    occupations: { teacher: "teacher", worker: "worker", labourer: "worker", farmer: "farmer", student: "student", kolbar: "kolbar", porter: "kolbar", fuel: "fuel porter", journalist: "journalist", lawyer: "lawyer", driver: "driver", nurse: "nurse", doctor: "doctor", shopkeeper: "shopkeeper" },
    ethnicities: { baluch: "Baluch", baloch: "Baluch", kurd: "Kurd", kurdish: "Kurd", arab: "Arab", turk: "Turk", azeri: "Turk", afghan: "Afghan", lor: "Lor", lur: "Lur", turkmen: "Turkmen" },
    notName: /^(?:The|A|An|In|On|At|And|Of|Their|Those)$/,
  },
  fr: {
    lead: /\b(?:les\s+(?:victimes|personnes\s+(?:exécutées|tuées|pendues|arrêtées)|exécutés|détenus|condamnés)\s+(?:sont|étaient|s'appellent|se\s+nomment)|(?:identifiée?s?|nommée?s?)\s+comme|il\s+s'agit\s+de|parmi\s+(?:eux|elles)\s*,?\s*)\s*:?\s*/i,
    passive: new RegExp(`(${LATIN_NAME.source})((?:,\\s*[^,]{1,40}){0,3}),?\\s+a\\s+été\\s+(?:exécutée?|pendue?|tuée?|arrêtée?)`, "u"),
    separator: /\s*;\s*|,\s*(?:et\s+)?|\s+et\s+/,
    age: [/\b(\d{1,3})\s+ans\b/, /^\((\d{1,3})\)$/, /^(\d{1,3})$/],
    female: /\b(?:femme|fille|mère|épouse|sœur|Mme)\b/i,
    male: /\b(?:homme|garçon|père|mari|frère|fils|M\.)\s/i,
    events: [[/exécut|pendu/i, "execution"], [/\btué/i, "killing"], [/arrêt|détenu/i, "arrest"], [/condamné.{0,3}à\s+mort/i, "death_sentence"]],
    occupations: { enseignant: "teacher", enseignante: "teacher", ouvrier: "worker", agriculteur: "farmer", étudiant: "student", étudiante: "student", kolbar: "kolbar", journaliste: "journalist", avocat: "lawyer", avocate: "lawyer", chauffeur: "driver" },
    ethnicities: { baloutche: "Baluch", kurde: "Kurd", arabe: "Arab", turc: "Turk", afghan: "Afghan", afghane: "Afghan" },
    notName: /^(?:Les|La|Le|Un|Une|Et|De|Des|Parmi)$/,
  },
  fa: {
    lead: /(?:عبارتند\s+از|به\s+(?:نام(?:\u200c|\s)?های|اسامی|نام)|(?:هویت|اسامی|نام(?:\u200c|\s)?های)[^:.،\n]{0,60}:)\s*/,
    separator: /\s*[،,;؛]\s*(?:و\s+)?|\s+و\s+/,
    age: [/([0-9]{1,3})\s*ساله/, /^\(([0-9]{1,3})\)$/, /^([0-9]{1,3})$/],
    female: /(?:^|\s)(?:زن|دختر|مادر|همسر|خانم)(?:\s|$)/,
    male: /(?:^|\s)(?:مرد|پسر|پدر)(?:\s|$)/,
    events: [[/اعدام/, "execution"], [/کشته|قتل|جان\s+باخت/, "killing"], [/بازداشت|دستگیر/, "arrest"], [/حکم\s+اعدام|به\s+اعدام\s+محکوم/, "death_sentence"]],
    occupations: { معلم: "teacher", کارگر: "worker", کشاورز: "farmer", دانشجو: "student", دانشآموز: "student", کولبر: "kolbar", سوختبر: "fuel porter", روزنامهنگار: "journalist", وکیل: "lawyer", راننده: "driver" },
    ethnicities: { بلوچ: "Baluch", کرد: "Kurd", عرب: "Arab", ترک: "Turk", افغانستانی: "Afghan", افغان: "Afghan", لر: "Lur", ترکمن: "Turkmen" },
    notName: /^(?:از|در|با|که|این|آن|و|به|اهل|ساکن|زندانی|زندانیان|ساله|شهر|استان|شناسایی|شدند|شد|شده|شدهاند|هستند|بودند|است|بود|نام|اعدام|اعدامشدگان|کشته|بازداشت)$/,
  },
  ar: {
    lead: /(?:وهم|وهما|وهن)\s*(?:كل\s+من)?\s*:?|هم\s*(?:كل\s+من|:)|(?:أسماء|اسماء|هويات?|هوية)[^:.،\n]{0,60}:|(?:يدعى|ويدعى|تدعى|وتدعى)\s*/,
    separator: /\s*[،,;؛]\s*(?:و)?|\s+و(?=\S)/,
    age: [/([0-9]{1,3})\s*(?:عاما|عامًا|عاماً|سنة|عام)/, /^\(([0-9]{1,3})\)$/, /^([0-9]{1,3})$/],
    female: /(?:^|\s)(?:امرأة|سيدة|فتاة|أم|زوجة)(?:\s|$)/,
    male: /(?:^|\s)(?:رجل|شاب|فتى|أب)(?:\s|$)/,
    events: [[/إعدام|اعدام|أعدم|اعدم/, "execution"], [/قتل|مقتل|لقي\s+حتفه/, "killing"], [/اعتقال|اعتقل|احتجاز/, "arrest"], [/حكم\s+بالإعدام|بالإعدام/, "death_sentence"]],
    occupations: { معلم: "teacher", مدرس: "teacher", عامل: "worker", مزارع: "farmer", طالب: "student", طالبة: "student", صحفي: "journalist", محامي: "lawyer", سائق: "driver" },
    ethnicities: { بلوشي: "Baluch", كردي: "Kurd", كردية: "Kurd", عربي: "Arab", تركماني: "Turkmen", أفغاني: "Afghan", افغاني: "Afghan" },
    notName: /^(?:من|في|على|عن|إلى|الى|وهو|وهي|البالغ|العمر|عاما|سجين|السجين|المعتقل|مدينة|محافظة)$/,
  },
};
