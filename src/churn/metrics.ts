/**
 * Ranking and calibration metrics for risk scores: ROC AUC (Mann–Whitney, ties counted half), precision at k,
 * a calibration table with Wilson intervals, Brier score and log loss.
 *
 * @module
 */
import { wilsonInterval, type Interval } from '../core/index.js';

function isPositive(label: boolean | number): boolean {
  return label === true || label === 1;
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative (ties count ½),
 * computed from mid-ranks (Mann–Whitney U / (n₊·n₋)). `NaN` when either class is empty.
 *
 * @example
 * ```ts
 * areaUnderRoc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0]) //=> 0.75
 * ```
 */
export function areaUnderRoc(scores: ArrayLike<number>, labels: ArrayLike<boolean | number>): number {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError('[clientele] scores and labels must have the same length');
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) {
      if (isPositive(labels[order[m]!]!)) {
        positives++;
        rankSum += midRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Precision among the `k` highest scores.
 *
 * @example
 * ```ts
 * const p: PrecisionAtK = { k: 50, truePositives: 31, precision: 0.62 };
 * ```
 */
export interface PrecisionAtK {
  /** How many top-scored customers were taken (≤ the number of scores). */
  readonly k: number;
  /** Positives among them. */
  readonly truePositives: number;
  /** truePositives ÷ k (`NaN` for k = 0). */
  readonly precision: number;
}

/**
 * Precision among the `k` highest scores (ties at the cut broken by input position).
 *
 * @example
 * ```ts
 * precisionAtK([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0], 2) //=> { k: 2, truePositives: 1, precision: 0.5 }
 * ```
 */
export function precisionAtK(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean | number>,
  k: number,
): PrecisionAtK {
  const n = scores.length;
  const take = Math.max(0, Math.min(n, Math.floor(k)));
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  let hits = 0;
  for (let i = 0; i < take; i++) if (isPositive(labels[order[i]!]!)) hits++;
  return { k: take, truePositives: hits, precision: take === 0 ? Number.NaN : hits / take };
}

/**
 * One bin of a calibration table.
 *
 * @example
 * ```ts
 * const bin: CalibrationBin = { bin: 1, lowerScore: 0.02, upperScore: 0.08, count: 500, meanPredicted: 0.05, observedRate: 0.046, interval: { lower: 0.03, upper: 0.068, level: 0.95 } };
 * ```
 */
export interface CalibrationBin {
  /** 1-based bin number, lowest scores first. */
  readonly bin: number;
  /** Lowest score in the bin. */
  readonly lowerScore: number;
  /** Highest score in the bin. */
  readonly upperScore: number;
  /** Customers in the bin. */
  readonly count: number;
  /** Mean predicted probability in the bin. */
  readonly meanPredicted: number;
  /** Observed positive rate in the bin. */
  readonly observedRate: number;
  /** Wilson interval of the observed rate. */
  readonly interval: Interval;
}

/**
 * A calibration table: scores sorted ascending and cut into `bins` groups of (nearly) equal size; per group the
 * mean prediction against the observed rate with a Wilson interval.
 *
 * @example
 * ```ts
 * calibrationTable([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], { bins: 2 }).map((b) => b.observedRate) //=> [0, 1]
 * ```
 */
export function calibrationTable(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean | number>,
  options: { readonly bins?: number; readonly level?: number } = {},
): CalibrationBin[] {
  const n = scores.length;
  const bins = Math.max(1, Math.min(n, Math.floor(options.bins ?? 10)));
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a]! - scores[b]! || a - b);
  const table: CalibrationBin[] = [];
  for (let b = 0; b < bins && n > 0; b++) {
    const from = Math.floor((b * n) / bins);
    const to = Math.floor(((b + 1) * n) / bins);
    if (to <= from) continue;
    let sum = 0;
    let hits = 0;
    for (let i = from; i < to; i++) {
      sum += scores[order[i]!]!;
      if (isPositive(labels[order[i]!]!)) hits++;
    }
    const count = to - from;
    table.push({
      bin: table.length + 1,
      lowerScore: scores[order[from]!]!,
      upperScore: scores[order[to - 1]!]!,
      count,
      meanPredicted: sum / count,
      observedRate: hits / count,
      interval: wilsonInterval(hits, count, options.level ?? 0.95),
    });
  }
  return table;
}

/**
 * Brier score: mean squared difference between predicted probabilities and outcomes (lower is better).
 *
 * @example
 * ```ts
 * brierScore([0.8, 0.2], [1, 0]) //≈ 0.04
 * ```
 */
export function brierScore(scores: ArrayLike<number>, labels: ArrayLike<boolean | number>): number {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const d = scores[i]! - (isPositive(labels[i]!) ? 1 : 0);
    sum += d * d;
  }
  return scores.length === 0 ? Number.NaN : sum / scores.length;
}

/**
 * Mean log loss (cross-entropy) of predicted probabilities, clipped to [1e-15, 1 − 1e-15].
 *
 * @example
 * ```ts
 * logLoss([0.5, 0.5], [1, 0]) //≈ 0.6931
 * ```
 */
export function logLoss(scores: ArrayLike<number>, labels: ArrayLike<boolean | number>): number {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, scores[i]!));
    sum -= isPositive(labels[i]!) ? Math.log(p) : Math.log(1 - p);
  }
  return scores.length === 0 ? Number.NaN : sum / scores.length;
}
