// Multiple systems estimation from the overlap of independent lists: how many people no list
// names. Two lists: Chapman's estimator (Chapman 1951) with Seber's variance (Seber 1970); three
// or more: log-linear models chosen by AIC or BIC (loglinear.ts). Every answer is labelled an
// estimate and carries its assumptions; lists too small, too little overlap, or lists that are not
// independent (one source network, declared dependent) are refused with the reason.
import { fitAllModels, type CellCounts, type FittedModel } from "./loglinear.js";

/** One list in an estimate: its name, its source network (lists of one network are not independent), and whom it names. */
export interface EstimateList {
  name: string;
  network?: string | null;
  /** Lists this one is declared to depend on (copied from, shared a field team with). */
  dependsOn?: readonly string[];
}

/** What the estimator was given: the lists and, per person, which of them name the person. */
export interface EstimateInput {
  lists: readonly EstimateList[];
  /** One entry per unique person: the indexes of the lists that name them. */
  people: ReadonlyArray<readonly number[]>;
  criterion?: "aic" | "bic";
  /** 0.95 unless given. */
  level?: number;
  minListSize?: number;
  minOverlap?: number;
}

/** The assumptions every estimate here rests on; printed with it. */
export const ASSUMPTIONS: readonly string[] = [
  "closed population: the lists cover the same event, place and period, and nobody enters or leaves it",
  "perfect linkage: every person is recognised across lists and no two people are merged",
  "independence between lists (two lists), or dependence captured by the chosen model's two-way interactions (three or more)",
  "homogeneity: within each list, every victim had the same chance to be listed (unmodelled heterogeneity biases the estimate down)",
];

export interface Interval {
  low: number;
  high: number;
  level: number;
  method: string;
}

/** An estimate, or a refusal with its reason. */
export type EstimateResult =
  | {
      ok: true;
      label: string;
      method: "chapman" | "log-linear";
      observed: number;
      estimate: number;
      unseen: number;
      standardError: number;
      interval: Interval;
      model?: string;
      models?: Array<{ name: string; deviance: number; df: number; aic: number; bic: number; estimate: number }>;
      criterion?: "aic" | "bic";
      assumptions: readonly string[];
      warnings: string[];
    }
  | { ok: false; reason: string; assumptions: readonly string[] };

export const ESTIMATE_LABEL = "ESTIMATE from list overlap (multiple systems estimation), not a count of named people";

/** Chapman's estimator for two lists of n1 and n2 names with m in both, with Seber's variance. */
export function chapman(n1: number, n2: number, m: number): { estimate: number; variance: number } {
  const estimate = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  const variance = ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) ** 2 * (m + 2));
  return { estimate, variance };
}

/** Chao's (1987) log-normal interval: the unseen f0 = N − n is taken as log-normal, so the interval never falls below the observed n. */
export function logNormalInterval(observed: number, estimate: number, variance: number, level = 0.95): Interval {
  const z = normalQuantile(1 - (1 - level) / 2);
  const f0 = estimate - observed;
  if (f0 <= 0 || variance <= 0) return { low: observed, high: estimate, level, method: "log-normal (Chao 1987)" };
  const c = Math.exp(z * Math.sqrt(Math.log(1 + variance / (f0 * f0))));
  return { low: observed + f0 / c, high: observed + f0 * c, level, method: "log-normal (Chao 1987)" };
}

/** Estimates the number of people from the lists' overlap, or refuses with a reason. */
export function estimateTotal(input: EstimateInput): EstimateResult {
  const { lists, people } = input;
  const k = lists.length;
  const level = input.level ?? 0.95;
  const refuse = (reason: string): EstimateResult => ({ ok: false, reason, assumptions: ASSUMPTIONS });
  if (k < 2) return refuse(`an estimate needs at least two independent lists; ${k === 0 ? "none" : "one"} given`);
  if (k > 6) return refuse(`${k} lists: at most six are modelled here (merge lists of one kind first)`);
  const dependence = dependentPair(lists);
  if (dependence) return refuse(dependence);
  const minList = input.minListSize ?? 10;
  const sizes = lists.map((_, i) => people.filter((p) => p.includes(i)).length);
  const small = lists.map((l, i) => ({ l, n: sizes[i] as number })).filter((x) => x.n < minList);
  if (small.length > 0) return refuse(`lists too small (fewer than ${minList} names): ${small.map((x) => `${x.l.name} has ${x.n}`).join(", ")}`);
  const cells = new Map<number, number>();
  for (const p of people) {
    let h = 0;
    for (const i of p) h |= 1 << i;
    if (h !== 0) cells.set(h, (cells.get(h) ?? 0) + 1);
  }
  const observed = [...cells.values()].reduce((s, v) => s + v, 0);
  const minOverlap = input.minOverlap ?? 7;
  if (k === 2) return twoLists(lists, sizes, cells, observed, minOverlap, level);
  return manyLists(lists, cells, observed, input.criterion ?? "aic", level, minOverlap);
}

function twoLists(lists: readonly EstimateList[], sizes: number[], cells: CellCounts, observed: number, minOverlap: number, level: number): EstimateResult {
  const m = cells.get(3) ?? 0;
  const [a, b] = lists as [EstimateList, EstimateList];
  if (m < minOverlap) {
    return { ok: false, reason: `${a.name} and ${b.name} share ${m} people; Chapman's estimator is unreliable below ${minOverlap} in both lists (Robson and Regier 1964)`, assumptions: ASSUMPTIONS };
  }
  const { estimate, variance } = chapman(sizes[0] as number, sizes[1] as number, m);
  return {
    ok: true,
    label: ESTIMATE_LABEL,
    method: "chapman",
    observed,
    estimate,
    unseen: estimate - observed,
    standardError: Math.sqrt(variance),
    interval: logNormalInterval(observed, estimate, variance, level),
    assumptions: ASSUMPTIONS,
    warnings: ["two lists cannot show whether they depend on each other: positive dependence makes the estimate too low"],
  };
}

function manyLists(lists: readonly EstimateList[], cells: CellCounts, observed: number, criterion: "aic" | "bic", level: number, minOverlap: number): EstimateResult {
  const k = lists.length;
  const overlap = [...cells.entries()].filter(([h]) => (h & (h - 1)) !== 0).reduce((s, [, v]) => s + v, 0);
  if (overlap < minOverlap) {
    return { ok: false, reason: `only ${overlap} people are on more than one list: too little overlap to estimate (at least ${minOverlap} needed)`, assumptions: ASSUMPTIONS };
  }
  const names = lists.map((l) => l.name);
  const models = fitAllModels(k, cells, names, k);
  if (models.length === 0) return { ok: false, reason: "no log-linear model can be estimated from this overlap (zero cells the models need)", assumptions: ASSUMPTIONS };
  const best = models.reduce((x, y) => (y[criterion] < x[criterion] ? y : x)) as FittedModel;
  const estimate = observed + best.unseen;
  const warnings: string[] = [];
  if (best.df === 0) warnings.push("the chosen model fits the observed cells exactly (no degrees of freedom left to test it)");
  return {
    ok: true,
    label: ESTIMATE_LABEL,
    method: "log-linear",
    observed,
    estimate,
    unseen: best.unseen,
    standardError: Math.sqrt(best.unseenVariance),
    interval: logNormalInterval(observed, estimate, best.unseenVariance, level),
    model: best.name,
    criterion,
    models: models
      .map((m) => ({ name: m.name, deviance: round(m.deviance), df: m.df, aic: round(m.aic), bic: round(m.bic), estimate: round(observed + m.unseen) }))
      .sort((x, y) => x[criterion] - y[criterion]),
    assumptions: ASSUMPTIONS,
    warnings,
  };
}

/** The first pair of lists that are not independent, said as a refusal; null when none. */
function dependentPair(lists: readonly EstimateList[]): string | null {
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      const a = lists[i] as EstimateList;
      const b = lists[j] as EstimateList;
      if (a.network && b.network && a.network === b.network) return `${a.name} and ${b.name} belong to one source network (${a.network}): their lists are not independent; merge them into one list or leave one out`;
      if (a.dependsOn?.includes(b.name) || b.dependsOn?.includes(a.name)) return `${a.name} and ${b.name} are declared dependent: their lists are not independent; merge them into one list or leave one out`;
    }
  }
  return null;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number) => k.reduce((s, v) => s * x + v, 0);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
