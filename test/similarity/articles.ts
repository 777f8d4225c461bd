// Invented articles for the similarity tests, written for these tests only.

/** The original report, paragraph by paragraph. */
export const ORIGINAL_PARAGRAPHS = [
  "Volunteers with a regional monitoring network say they have documented at least 43 arrests in the river town of Vellmar since the start of the month, most of them carried out at night by officers in plain clothes.",
  "According to the network, the people detained include eleven students from the technical college, a retired schoolteacher who had organised a petition about water prices, and two brothers who run a small print shop near the old bridge.",
  "Relatives told the monitors that they were not shown any warrant. Several families said they spent days going from one police station to another before a desk officer finally confirmed that their son or daughter was being held in the provincial detention centre.",
  "Lawyers who tried to visit the detainees were turned away at the gate. One of them, speaking on condition that her name not be published, said she had been told to come back after the investigation was complete, without any indication of when that might be.",
  "The network says it cross-checked every case with at least two independent sources, usually a family member and a neighbour or colleague who witnessed the arrest. Cases that could not be confirmed in this way were left out of the count, which the group describes as a minimum.",
  "Local officials have not responded to written questions sent by the monitors last week. A spokesperson for the provincial governor told a radio station that the operation targeted people suspected of damaging public property, but gave no figures.",
  "Human rights lawyers in the capital have asked the prosecutor to publish the legal basis for the detentions and to allow independent doctors to examine those held, after two released detainees described being kept in crowded cells with little food.",
  "The monitors plan to publish a full list of names, with the consent of the families, at the end of the month. They ask anyone with information about further arrests in Vellmar or the surrounding villages to contact them through their secure line.",
];

/** The original report as one text. */
export const ORIGINAL = ORIGINAL_PARAGRAPHS.join("\n\n");

/** The same report as republished by an aggregator, with its own header and footer. */
export const SYNDICATED = [
  "NORTHERN WIRE | Regional desk | Reprinted with permission",
  "Published 14:05 — updated 16:20",
  ...ORIGINAL_PARAGRAPHS,
  "This article first appeared on the monitoring network's website. Share it on social media. Sign up for our morning newsletter. © Northern Wire, all rights reserved.",
].join("\n\n");

/** Another article on the same events, written independently. */
export const SAME_TOPIC = [
  "Families in Vellmar are still waiting for news weeks after a wave of night-time detentions swept through the town, a correspondent who travelled there reports.",
  "In the market square, shopkeepers spoke quietly about the students taken from their dormitory and about the print shop by the bridge that has stayed shuttered since its owners disappeared into custody.",
  "The provincial governor's office insists that the police acted lawfully against vandals. Residents dispute this, saying that those arrested had taken part in peaceful gatherings about the cost of water and electricity.",
  "A mother of one of the students said she had queued outside the detention centre for three mornings in a row, holding a bag of clean clothes the guards refused to accept.",
  "Rights groups estimate that several dozen people are being held, though figures vary and no official count has been released. Lawyers say they have been denied access to their clients.",
].join("\n\n");

/** A commentary that quotes three whole paragraphs of the original inside its own text. */
export const QUOTING = [
  "Commentary: what the Vellmar figures tell us, and what they do not",
  "Counting detentions is slow, careful work, and the report published this month by a regional network is a good example of how it should be done. It is worth quoting at length.",
  `“${ORIGINAL_PARAGRAPHS[2]}”`,
  "That pattern, in which families are passed from one station to the next, has been described in many other provinces over the past decade, and it is one reason early counts tend to be too low.",
  `“${ORIGINAL_PARAGRAPHS[4]}”`,
  "The method matters. A figure built on two independent confirmations per case can be defended in court and in negotiations with officials, which is not true of estimates drawn from social media alone.",
  `“${ORIGINAL_PARAGRAPHS[6]}”`,
  "Whether the prosecutor answers will say a great deal about how seriously the authorities take their own laws. Readers can follow the network's updates and judge for themselves as the list of names grows.",
  "Our editorial board meets weekly to discuss the state of civil liberties across the region and welcomes letters from readers who have first-hand knowledge of the cases mentioned here.",
].join("\n\n");
