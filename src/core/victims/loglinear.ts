// Log-linear models of a k-list capture history table (Fienberg 1972; Bishop, Fienberg and
// Holland 1975, ch. 6): a Poisson model of the 2^k − 1 observed cells with main effects for each
// list and chosen two-way interactions, fitted by iteratively reweighted least squares. The cell
// no list observed (all zeros) has every covariate 0, so its fitted count is exp(intercept).

/** A capture history: which lists (bit i = list i) name a person, and how many people have it. */
export type CellCounts = ReadonlyMap<number, number>;

/** One fitted model. */
export interface FittedModel {
  /** Two-way interactions, as pairs of list indexes. */
  interactions: Array<[number, number]>;
  /** "[A][B][C]" or "[AB][C]" style name over the given list names. */
  name: string;
  parameters: number;
  deviance: number;
  /** Degrees of freedom left: cells − parameters. */
  df: number;
  aic: number;
  bic: number;
  /** Fitted count of people no list names, and its variance (delta method on the intercept). */
  unseen: number;
  unseenVariance: number;
}

/** Fits one model; null when it cannot be estimated (a zero margin the model needs, no convergence, or an unbounded fit). */
export function fitLogLinear(k: number, cells: CellCounts, interactions: Array<[number, number]>, names: readonly string[]): FittedModel | null {
  const rows: number[][] = [];
  const y: number[] = [];
  for (let h = 1; h < 1 << k; h++) {
    const x = [1];
    for (let i = 0; i < k; i++) x.push((h >> i) & 1);
    for (const [i, j] of interactions) x.push(((h >> i) & 1) * ((h >> j) & 1));
    rows.push(x);
    y.push(cells.get(h) ?? 0);
  }
  const p = (rows[0] as number[]).length;
  const n = y.reduce((s, v) => s + v, 0);
  if (rows.length < p) return null;
  let mu = y.map((v) => v + 0.5);
  let beta = new Array<number>(p).fill(0);
  let info: number[][] | null = null;
  let converged = false;
  for (let iter = 0; iter < 100; iter++) {
    const eta = mu.map((m) => Math.log(m));
    const z = y.map((v, c) => (eta[c] as number) + (v - (mu[c] as number)) / (mu[c] as number));
    const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const xtwz = new Array<number>(p).fill(0);
    rows.forEach((x, c) => {
      const w = mu[c] as number;
      for (let a = 0; a < p; a++) {
        const xa = x[a] as number;
        if (xa === 0) continue;
        xtwz[a] = (xtwz[a] as number) + xa * w * (z[c] as number);
        const row = xtwx[a] as number[];
        for (let b = 0; b < p; b++) row[b] = (row[b] as number) + xa * w * (x[b] as number);
      }
    });
    const next = solve(xtwx, xtwz);
    if (!next) return null;
    info = xtwx;
    const change = Math.max(...next.map((v, i) => Math.abs(v - (beta[i] as number))));
    beta = next;
    mu = rows.map((x) => Math.exp(x.reduce((s, v, i) => s + v * (beta[i] as number), 0)));
    if (mu.some((m) => !Number.isFinite(m))) return null;
    if (change < 1e-10) {
      converged = true;
      break;
    }
  }
  if (!converged || !info) return null;
  const inverse = invert(info);
  if (!inverse) return null;
  const unseen = Math.exp(beta[0] as number);
  // A model that puts the unseen far beyond any plausible size is not identified by these data.
  if (!Number.isFinite(unseen) || unseen > 1e3 * Math.max(n, 1)) return null;
  let deviance = 0;
  y.forEach((v, c) => {
    const m = mu[c] as number;
    deviance += 2 * ((v > 0 ? v * Math.log(v / m) : 0) - (v - m));
  });
  deviance = Math.max(0, deviance);
  const varBeta0 = (inverse[0] as number[])[0] as number;
  return {
    interactions,
    name: modelName(k, interactions, names),
    parameters: p,
    deviance,
    df: rows.length - p,
    aic: deviance + 2 * p,
    bic: deviance + p * Math.log(Math.max(n, 1)),
    unseen,
    unseenVariance: unseen * unseen * varBeta0,
  };
}

/** Every model with main effects and any set of two-way interactions (at most `maxInteractions`), fitted; unestimable ones left out. */
export function fitAllModels(k: number, cells: CellCounts, names: readonly string[], maxInteractions = 3): FittedModel[] {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairs.push([i, j]);
  const out: FittedModel[] = [];
  const pick = (from: number, chosen: Array<[number, number]>): void => {
    const m = fitLogLinear(k, cells, chosen, names);
    if (m) out.push(m);
    if (chosen.length >= maxInteractions) return;
    for (let i = from; i < pairs.length; i++) pick(i + 1, [...chosen, pairs[i] as [number, number]]);
  };
  pick(0, []);
  return out;
}

/** "[P][Q][E]", "[PQ][E]", "[PQ][PE][QE]": each interaction, then lists in none. */
function modelName(k: number, interactions: Array<[number, number]>, names: readonly string[]): string {
  const label = (i: number) => names[i] ?? `L${i + 1}`;
  const terms = interactions.map(([i, j]) => `[${label(i)}·${label(j)}]`);
  for (let i = 0; i < k; i++) if (!interactions.some(([a, b]) => a === i || b === i)) terms.push(`[${label(i)}]`);
  return terms.join("");
}

/** Solves A x = b by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let best = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[best] as number[])[c] as number)) best = r;
    if (Math.abs((m[best] as number[])[c] as number) < 1e-12) return null;
    [m[c], m[best]] = [m[best] as number[], m[c] as number[]];
    const pivot = m[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const f = (row[c] as number) / (pivot[c] as number);
      if (f === 0) continue;
      for (let j = c; j <= n; j++) row[j] = (row[j] as number) - f * (pivot[j] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}

/** The inverse of a symmetric positive definite matrix, column by column; null when singular. */
function invert(a: number[][]): number[][] | null {
  const n = a.length;
  const cols: number[][] = [];
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const x = solve(a, e);
    if (!x) return null;
    cols.push(x);
  }
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i] as number));
}
