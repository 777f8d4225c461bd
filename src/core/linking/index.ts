// Public entry of the linking core: link claims into facts, and update facts incrementally.
export { linkClaims, updateFacts, factId, linkGroup, contradictedClaims, scopeGroups, memo, type GroupResult } from "./link.js";
export { nestFacts, chooseParent, parentFinder, parentRank as parentRankOf } from "./nesting.js";
export { datingErrors, datingKey, partsExceedWhole } from "./contradictions.js";
export { ESTIMATE_RULE } from "./estimate.js";
export { RANKING_RULE } from "./ranking.js";
export { CONFLICT_RULE, SCOPE_RULE, VOICE_RULE } from "./rules.js";
export { breakdownParts } from "./breakdown.js";
export { figureInterval, overlaps, formatFigure, EXACT_TOLERANCE } from "./intervals.js";
export { eventFamily, claimScope, claimPartition, scopeKey, partitionKey, describeScope, describePeriod, statedPeriod, placeChain, placeDescendants, periodContains } from "./scope.js";
export { voiceOf } from "./voices.js";
export { flat, Interner } from "./strings.js";
export { DATING_ERROR_MIN_COUNT } from "./contradictions.js";
export { claimLabel, datingReason, incompatibleReason, internalReason, partLargerReason, partsSumReason, revisionReason, withinVoiceReason } from "./reasons.js";
export type * from "./types.js";
