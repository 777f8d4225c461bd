// The ordered list of schema migrations this version of Tally knows.
import { initial } from "./0001_initial.js";
import { dashboardIndexes } from "./0002_dashboard_indexes.js";
import { auditTrail } from "./0003_audit.js";
import { reviewAndAccess } from "./0004_review_access.js";
import { scopeIndexes } from "./0005_scope_indexes.js";
import { claimIndexes } from "./0006_claim_indexes.js";
import { claimTallies } from "./0007_claim_tallies.js";
import { redundantClaimIndexes } from "./0008_redundant_claim_indexes.js";
import { searchVectorInline } from "./0009_search_vector_inline.js";
import { searchVectorFromTally } from "./0010_search_vector_from_tally.js";
import { languages } from "./0011_languages.js";
import { accountBaselinesMigration } from "./0012_account_baselines.js";
import { factsMigration } from "./0013_facts.js";
import { victimsMigration } from "./0014_victims.js";
import { factReadsMigration } from "./0016_fact_reads.js";
import { claimPagesMigration } from "./0017_claim_pages.js";
import { facetTalliesMigration } from "./0018_facet_tallies.js";
import { victimPairTalliesMigration } from "./0019_victim_pair_tallies.js";
import { monthTalliesMigration } from "./0020_month_tallies.js";
import type { Migration } from "./migration.js";

/** All migrations, in version order; append new ones, never edit applied ones. */
export const MIGRATIONS: readonly Migration[] = [initial, dashboardIndexes, auditTrail, reviewAndAccess, scopeIndexes, claimIndexes, claimTallies, redundantClaimIndexes, searchVectorInline, searchVectorFromTally, languages, accountBaselinesMigration, factsMigration, victimsMigration, factReadsMigration, claimPagesMigration, facetTalliesMigration, victimPairTalliesMigration, monthTalliesMigration];
