import { describe, expect, it } from "vitest";
import { chapman, estimateTotal, logNormalInterval } from "./estimate.js";
import { fitLogLinear } from "./loglinear.js";

// The hepatitis A outbreak data of Chao, Tsay, Lin, Shau and Chao (2001), "The applications of
// capture-recapture models to epidemiological data", Statistics in Medicine 20: 3123–3157,
// Table II: three lists P (serum test), Q (questionnaire), E (epidemiologists); 271 people seen.
// Capture histories as bits: P = 1, Q = 2, E = 4.
const HAV = new Map<number, number>([
  [7, 28], // P Q E
  [3, 21], // P Q
  [5, 17], // P E
  [1, 69], // P only
  [6, 18], // Q E
  [2, 55], // Q only
  [4, 63], // E only
]);

function people(cells: Map<number, number>, k: number): number[][] {
  const out: number[][] = [];
  for (const [h, c] of cells) for (let i = 0; i < c; i++) out.push([...Array(k).keys()].filter((b) => (h >> b) & 1));
  return out;
}

describe("Chapman's two-list estimator", () => {
  it("gives (n1+1)(n2+1)/(m+1) − 1 and Seber's variance", () => {
    // Lists P and Q of the HAV data: n1 = 135, n2 = 122, m = 49 (Chao et al. 2001 use this pair).
    const { estimate, variance } = chapman(135, 122, 49);
    expect(estimate).toBeCloseTo((136 * 123) / 50 - 1, 10);
    expect(estimate).toBeCloseTo(333.56, 2);
    expect(variance).toBeCloseTo((136 * 123 * 86 * 73) / (50 * 50 * 51), 6);
  });
  it("estimates from two lists of people, labelled, with a log-normal interval above the observed", () => {
    const two = people(HAV, 3).map((p) => p.filter((i) => i < 2)).filter((p) => p.length > 0);
    const r = estimateTotal({ lists: [{ name: "P" }, { name: "Q" }], people: two });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.method).toBe("chapman");
    expect(r.observed).toBe(208);
    expect(r.estimate).toBeCloseTo(333.56, 2);
    expect(r.interval.low).toBeGreaterThan(208);
    expect(r.interval.low).toBeLessThan(r.estimate);
    expect(r.interval.high).toBeGreaterThan(r.estimate);
    expect(r.label).toMatch(/ESTIMATE/);
    expect(r.assumptions.join(" ")).toMatch(/closed population/);
  });
  it("widens the interval at a lower level of confidence… narrower", () => {
    const wide = logNormalInterval(208, 333.56, 823.67, 0.95);
    const narrow = logNormalInterval(208, 333.56, 823.67, 0.8);
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });
});

describe("log-linear models for three lists", () => {
  it("the model with all two-way interactions gives Bishop, Fienberg and Holland's closed form", () => {
    // BFH (1975) §6.5: with every two-way interaction and no three-way term, the unseen cell is
    // z111·z100·z010·z001 / (z110·z101·z011): 28·69·55·63 / (21·17·18) = 1041.76, so N = 1312.8
    // (Chao et al. 2001 report 1,313 for this model on these data).
    const m = fitLogLinear(3, HAV, [[0, 1], [0, 2], [1, 2]], ["P", "Q", "E"]);
    expect(m?.unseen).toBeCloseTo((28 * 69 * 55 * 63) / (21 * 17 * 18), 4);
    expect(m?.df).toBe(0);
  });
  it("the independence model's fitted list totals equal the observed ones (its likelihood equations)", () => {
    const m = fitLogLinear(3, HAV, [], ["P", "Q", "E"]);
    expect(m).not.toBeNull();
    // N = 388 for the independence model (Chao et al. 2001); its likelihood equation
    // N − n = N·Π(1 − n_j/N) with n = 271 and list totals 135, 122, 126 gives N = 388.48.
    expect(Math.round(271 + (m?.unseen ?? 0))).toBe(388);
  });
  it("with two lists the independence model is Lincoln-Petersen's n1·n2/m", () => {
    const cells = new Map([[1, 86], [2, 73], [3, 49]]);
    const m = fitLogLinear(2, cells, [], ["P", "Q"]);
    expect(208 + (m?.unseen ?? 0)).toBeCloseTo((135 * 122) / 49, 6);
  });
  it("chooses a model by AIC or BIC and lists the others", () => {
    const aic = estimateTotal({ lists: [{ name: "P" }, { name: "Q" }, { name: "E" }], people: people(HAV, 3) });
    const bic = estimateTotal({ lists: [{ name: "P" }, { name: "Q" }, { name: "E" }], people: people(HAV, 3), criterion: "bic" });
    expect(aic.ok && aic.model).toBe("[P·Q][P·E][Q·E]");
    expect(bic.ok && bic.model).toBe("[P·Q][P·E][Q·E]");
    if (!aic.ok || !bic.ok) return;
    expect(aic.models?.length).toBe(8);
    // The runner-up differs: AIC's penalty (2 a parameter) prefers [P·Q][Q·E], BIC's (log 271) the independence model.
    expect(aic.models?.[1]?.name).toBe("[P·Q][Q·E]");
    expect(bic.models?.[1]?.name).toBe("[P][Q][E]");
    expect(aic.warnings.join()).toMatch(/exactly/);
  });
});

describe("refusals", () => {
  const lists = [{ name: "P" }, { name: "Q" }, { name: "E" }];
  it("refuses lists of one source network", () => {
    const r = estimateTotal({ lists: [{ name: "P", network: "N1" }, { name: "Q", network: "N1" }], people: people(HAV, 2) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/one source network \(N1\)/);
  });
  it("refuses lists declared dependent", () => {
    const r = estimateTotal({ lists: [{ name: "P" }, { name: "Q", dependsOn: ["P"] }, { name: "E" }], people: people(HAV, 3) });
    expect(!r.ok && r.reason).toMatch(/declared dependent/);
  });
  it("refuses lists too small, and too little overlap", () => {
    const small = estimateTotal({ lists, people: [[0], [1], [2], [0, 1]] });
    expect(!small.ok && small.reason).toMatch(/too small/);
    const apart = estimateTotal({ lists: lists.slice(0, 2), people: [...Array(20).keys()].map((i) => [i % 2]).concat([[0, 1], [0, 1]]) });
    expect(!apart.ok && apart.reason).toMatch(/share 2 people/);
  });
  it("refuses one list", () => {
    expect(estimateTotal({ lists: [{ name: "P" }], people: [[0]] }).ok).toBe(false);
  });
});
