/**
 * Weighted correlation matrices (Pearson, and Spearman as Pearson on mid-ranks) and their significance.
 *
 * @module
 */
import { studentTTwoSidedPValue, normalQuantile, type Interval } from '../core/index.js';

/**
 * A correlation matrix with the weighted means and standard deviations of its columns.
 *
 * @example
 * ```ts
 * const c = weightedCorrelationMatrix([Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)], null);
 * c.matrix[1] //≈ 0.9934
 * ```
 */
export interface CorrelationMatrix {
  /** Row-major m × m. */
  readonly matrix: Float64Array;
  readonly means: Float64Array;
  /** Weighted population standard deviations (0 for a constant column). */
  readonly standardDeviations: Float64Array;
}

/**
 * Weighted Pearson correlation matrix of equal-length columns (weights null = all 1), two-pass for accuracy.
 * A constant column gets correlation 0 with everything (and 1 with itself).
 *
 * @example
 * ```ts
 * weightedCorrelationMatrix([Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1)], null).matrix[1] //=> -1
 * ```
 */
export function weightedCorrelationMatrix(columns: readonly Float64Array[], weights: Float64Array | null): CorrelationMatrix {
  const m = columns.length;
  const rows = m === 0 ? 0 : columns[0]!.length;
  let weightSum = 0;
  for (let i = 0; i < rows; i++) weightSum += weights === null ? 1 : weights[i]!;
  const means = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    const column = columns[c]!;
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += (weights === null ? 1 : weights[i]!) * column[i]!;
    means[c] = weightSum > 0 ? sum / weightSum : 0;
  }
  const centred = columns.map((column, c) => {
    const out = new Float64Array(rows);
    const mean = means[c]!;
    for (let i = 0; i < rows; i++) out[i] = column[i]! - mean;
    return out;
  });
  const covariance = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    const ca = centred[a]!;
    for (let b = a; b < m; b++) {
      const cb = centred[b]!;
      let sum = 0;
      if (weights === null) for (let i = 0; i < rows; i++) sum += ca[i]! * cb[i]!;
      else for (let i = 0; i < rows; i++) sum += weights[i]! * ca[i]! * cb[i]!;
      covariance[a * m + b] = sum;
      covariance[b * m + a] = sum;
    }
  }
  const standardDeviations = new Float64Array(m);
  for (let c = 0; c < m; c++) standardDeviations[c] = weightSum > 0 ? Math.sqrt(Math.max(0, covariance[c * m + c]! / weightSum)) : 0;
  const matrix = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      if (a === b) {
        matrix[a * m + b] = 1;
        continue;
      }
      const denominator = Math.sqrt(covariance[a * m + a]! * covariance[b * m + b]!);
      const r = denominator > 0 ? covariance[a * m + b]! / denominator : 0;
      matrix[a * m + b] = Math.max(-1, Math.min(1, r));
    }
  }
  return { matrix, means, standardDeviations };
}

/**
 * Mid-ranks (1-based; ties get the average of their ranks), as used by Spearman's rank correlation.
 *
 * @example
 * ```ts
 * midRanks(Float64Array.of(10, 20, 10, 30)) // Float64Array [1.5, 3, 1.5, 4]
 * ```
 */
export function midRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  const rankOf: number[] = [];
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && sorted[end + 1] === sorted[start]) end++;
    distinct.push(sorted[start]!);
    rankOf.push((start + end) / 2 + 1);
    start = end + 1;
  }
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = rankOf[lo]!;
  }
  return ranks;
}

/**
 * Mid-ranks of values given as point indices on a discrete scale (0 ≤ index < points), by counting: O(n + points),
 * identical to {@link midRanks} of the underlying values (a scale's order is its point order).
 *
 * @example
 * ```ts
 * midRanksOfPoints(Uint32Array.of(0, 1, 0, 2), 3) // Float64Array [1.5, 3, 1.5, 4]
 * ```
 */
export function midRanksOfPoints(points: ArrayLike<number>, pointCount: number): Float64Array {
  const counts = new Float64Array(pointCount);
  for (let i = 0; i < points.length; i++) counts[points[i]!]!++;
  const rankOfPoint = new Float64Array(pointCount);
  let below = 0;
  for (let p = 0; p < pointCount; p++) {
    const count = counts[p]!;
    rankOfPoint[p] = below + (count + 1) / 2;
    below += count;
  }
  const ranks = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) ranks[i] = rankOfPoint[points[i]!]!;
  return ranks;
}

/**
 * Significance and interval of a correlation coefficient on n (effective) observations: t = r·√((n − 2)/(1 − r²))
 * with n − 2 degrees of freedom; Fisher-z interval tanh(atanh r ± z/√(n − 3)).
 *
 * @example
 * ```ts
 * correlationInference(0.5, 30).pValue //≈ 0.0049
 * ```
 */
export function correlationInference(r: number, n: number, level = 0.95): { readonly pValue: number; readonly interval: Interval } {
  const df = n - 2;
  let pValue = 1;
  if (df > 0) {
    const oneMinus = 1 - r * r;
    pValue = oneMinus <= 0 ? 0 : Math.min(1, studentTTwoSidedPValue(Math.abs(r) * Math.sqrt(df / oneMinus), df));
  }
  let interval: Interval = { lower: -1, upper: 1, level };
  if (n > 3) {
    if (Math.abs(r) >= 1) interval = { lower: r, upper: r, level };
    else {
      const z = Math.atanh(r);
      const half = normalQuantile(1 - (1 - level) / 2) / Math.sqrt(n - 3);
      interval = { lower: Math.tanh(z - half), upper: Math.tanh(z + half), level };
    }
  }
  return { pValue, interval };
}
