// The word lists of the synthetic corpus (bench/corpus.mjs): months, number words, countries with
// their places, organisations, wires, publishers, names, roles, charges, victim groups, filler
// sentences, headline templates and the events' verbs. All invented or common words; nothing here
// is copied from real articles. Only bench/corpus.mjs reads them (its draws depend on their order).


export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
export const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

export const COUNTRIES = [
  { name: "Iran", adj: "Iranian", cities: ["Tehran", "Zahedan", "Mashhad", "Shiraz", "Isfahan", "Karaj", "Tabriz", "Ahvaz", "Kermanshah", "Sanandaj", "Urmia", "Rasht", "Qazvin", "Bandar Abbas"],
    prisons: ["Evin prison", "Ghezel Hesar prison", "Qezelhesar prison", "Vakilabad prison", "Adelabad prison", "Zahedan Central Prison", "Urmia Central Prison", "Qarchak women's prison", "Rajaei Shahr prison"],
    regions: ["Sistan and Baluchestan province", "Kurdistan province", "Khuzestan province", "Tehran province", "West Azerbaijan province", "Baluch areas"],
    court: "Revolutionary Court", judiciary: "the judiciary", weight: 6 },
  { name: "Saudi Arabia", adj: "Saudi", cities: ["Riyadh", "Jeddah", "Dammam", "Qatif", "Mecca", "Tabuk"],
    prisons: ["al-Ha'ir prison", "Dhahban prison", "Mabahith prison in Dammam"], regions: ["the Eastern Province", "Qatif governorate"],
    court: "Specialized Criminal Court", judiciary: "the interior ministry", weight: 2 },
  { name: "Iraq", adj: "Iraqi", cities: ["Baghdad", "Basra", "Nasiriyah", "Mosul", "Najaf", "Kirkuk"],
    prisons: ["Nasiriyah Central Prison", "al-Hut prison", "Rusafa prison"], regions: ["Dhi Qar province", "the Kurdistan Region", "Anbar province"],
    court: "Central Criminal Court", judiciary: "the justice ministry", weight: 2 },
  { name: "Egypt", adj: "Egyptian", cities: ["Cairo", "Alexandria", "Giza", "Mansoura"],
    prisons: ["Tora prison", "Wadi al-Natrun prison", "Badr prison"], regions: ["North Sinai", "the Nile Delta"],
    court: "Emergency State Security Court", judiciary: "the public prosecution", weight: 1 },
  { name: "Belarus", adj: "Belarusian", cities: ["Minsk", "Gomel", "Brest", "Grodno"],
    prisons: ["Okrestina detention centre", "Penal Colony No. 1"], regions: ["the Minsk region", "the Gomel region"],
    court: "Supreme Court", judiciary: "the prosecutor general", weight: 1 },
];

export const ORGS = [
  { name: "Amnesty International", short: "Amnesty", style: "ngo" },
  { name: "Iran Human Rights", short: "IHRNGO", style: "ngo" },
  { name: "Human Rights Activists News Agency", short: "HRANA", style: "ngo" },
  { name: "Human Rights Watch", short: "HRW", style: "ngo" },
  { name: "Hengaw Organization for Human Rights", short: "Hengaw", style: "ngo" },
  { name: "the Kurdistan Human Rights Network", short: "KHRN", style: "ngo" },
  { name: "Baluch Activists Campaign", short: "BAC", style: "ngo" },
  { name: "Reprieve", short: "Reprieve", style: "ngo" },
  { name: "the Abdorrahman Boroumand Center", short: "the Boroumand Center", style: "ngo" },
  { name: "the UN Special Rapporteur", short: "the Special Rapporteur", style: "un" },
  { name: "the Office of the UN High Commissioner for Human Rights", short: "OHCHR", style: "un" },
  { name: "the UN Working Group on Arbitrary Detention", short: "the Working Group", style: "un" },
  { name: "ECPM", short: "ECPM", style: "ngo" },
  { name: "Iran International", short: "Iran International", style: "media" },
  { name: "Radio Farda", short: "Radio Farda", style: "media" },
  { name: "the state news agency", short: "the agency", style: "state" },
  { name: "the judiciary's Mizan news agency", short: "Mizan", style: "state" },
];

export const WIRES = ["Reuters", "AFP", "AP", "dpa", "Anadolu", "EFE"];
export const PUBLISHERS = ["The Daily Ledger", "Global Rights Monitor", "Middle East Observer", "The Evening Courier", "World Affairs Review", "Rights Watchdog Weekly", "Frontline Dispatch", "Civic Voice"];

export const FIRST = ["Mohammad", "Ali", "Reza", "Hossein", "Mehdi", "Amir", "Saeed", "Javad", "Navid", "Majid", "Abdullah", "Ahmad", "Omar", "Yusuf", "Narges", "Maryam", "Zahra", "Fatemeh", "Sepideh", "Leila", "Nasrin", "Shirin", "Hamid", "Karim", "Kamran", "Behrouz", "Farhad", "Mostafa", "Ebrahim", "Salman"];
export const LAST = ["Rahimi", "Karimi", "Ahmadi", "Hosseini", "Mohammadi", "Rezaei", "Moradi", "Jafari", "Ghasemi", "Sadeghi", "Rostami", "Bahrami", "Nouri", "Zand", "Shahbazi", "Baluchi", "Rigi", "Al-Ghamdi", "Al-Harbi", "Hassan", "Kazemi", "Tavakoli", "Ansari", "Farahani", "Mousavi", "Azizi", "Hashemi", "Yazdani"];
export const ROLES = ["director", "spokesperson", "researcher", "deputy director", "head of advocacy", "legal adviser", "campaigner", "country researcher"];

export const CHARGES = ["drug-related offences", "moharebeh (\u201cenmity against God\u201d)", "\u201ccorruption on earth\u201d", "murder", "espionage", "armed rebellion", "terrorism-related charges", "membership of an opposition group", "blasphemy", "\u201cinsulting the Prophet\u201d"];
export const VICTIMS = [
  [6, "people"], [3, "prisoners"], [2, "men"], [2, "women"], [1, "juvenile offenders"], [1, "child offenders"],
  [2, "political prisoners"], [1, "members of the Baluch minority"], [1, "Kurdish prisoners"], [1, "foreign nationals"],
  [1, "protesters"], [1, "children"], [1, "journalists"], [1, "students"],
];

export const FILLER = [
  "The authorities did not respond to a request for comment.",
  "Families of the prisoners were not informed in advance, rights groups said.",
  "Lawyers say many of the trials lasted less than an hour.",
  "Human rights groups have long criticised the use of forced confessions broadcast on state television.",
  "The government denies the allegations and says the courts are independent.",
  "Several relatives described being threatened by security agents after speaking to the media.",
  "Independent verification remains difficult because of restrictions on journalists.",
  "Access to the internet was repeatedly cut during the unrest.",
  "Diplomats in the region have urged restraint.",
  "The case drew condemnation from European governments.",
  "Activists say the true figures are likely to be higher.",
  "Officials have not published any figures of their own.",
  "The ministry said the sentences were carried out in accordance with the law.",
  "Campaigners called on the international community to act.",
  "The prisoners were denied access to lawyers of their choosing throughout the investigation.",
  "Many of those detained were held incommunicado for weeks.",
  "Relatives gathered outside the prison gates overnight.",
  "The judiciary has rejected criticism as interference in domestic affairs.",
  "State media described the defendants as rioters and thugs.",
  "Witnesses described security forces firing live ammunition into the crowd.",
  "The bodies were buried without the families being present.",
  "Rights groups have documented a pattern of torture and ill-treatment in custody.",
  "Appeals were rejected within days.",
  "The trend has alarmed United Nations experts.",
  "It was not possible to independently confirm the report.",
  "Observers fear that more executions are imminent.",
  "Authorities have blamed foreign enemies for the protests.",
  "Funerals were held under heavy security.",
];

export const HEADLINE_TEMPLATES = [
  (c) => `${c.country.name}: Executions surge as authorities tighten grip`,
  (c) => `Rights group says ${c.country.adj} executions hit ${c.yearNum}-year high`,
  (c) => `${c.country.name} hangs ${c.fig} prisoners in a single week`,
  (c) => `Alarm over death sentences handed to protesters in ${c.city}`,
  (c) => `\u201cA killing spree\u201d: the crackdown in ${c.city} in figures`,
  (c) => `${c.country.name}: Stop the executions of ${c.victims}`,
  (c) => `UN experts condemn ${c.country.adj} crackdown after ${c.fig} killed`,
  (c) => `Annual report: the death penalty in ${c.country.name}, ${c.year}`,
  (c) => `Wave of arrests follows protests in ${c.region}`,
  (c) => `${c.org.short} documents ${c.fig} executions since January`,
];

export const EVENTS = {
  executions: {
    verbs: ["were executed", "were hanged", "were put to death", "have been executed", "were executed in prison"],
    nouns: ["executions", "hangings", "executions", "death penalty cases"],
    active: ["executed", "hanged", "put to death"],
  },
  killings: {
    verbs: ["were killed", "were shot dead", "were killed by security forces", "lost their lives", "died in custody"],
    nouns: ["killings", "deaths", "fatalities"],
    active: ["killed", "shot dead"],
  },
  arrests: {
    verbs: ["were arrested", "were detained", "have been arrested", "were taken into custody", "remain in detention"],
    nouns: ["arrests", "detentions"],
    active: ["arrested", "detained", "rounded up"],
  },
  sentences: {
    verbs: ["were sentenced to death", "have been sentenced to death", "are on death row", "face the death penalty", "had their death sentences upheld"],
    nouns: ["death sentences", "death sentences", "capital sentences"],
    active: ["sentenced to death", "condemned to death"],
  },
};
