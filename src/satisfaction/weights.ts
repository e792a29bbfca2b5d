/**
 * Response weights and Kish's effective sample size.
 *
 * @module
 */
import { compensatedSum } from '../core/index.js';

/**
 * Kish's effective sample size (Σw)² / Σw² of a set of weights: the number of unweighted responses that would give
 * the same precision. Equal weights give n; unequal weights give less. 0 for no (or all-zero) weights.
 * Source: Kish (1965); design effect, WikiJournal of Science (2024).
 *
 * @example
 * ```ts
 * effectiveSampleSize([1, 1, 2, 4]) //≈ 2.909
 * effectiveSampleSize([1, 1, 1]) //=> 3
 * ```
 */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  const sum = compensatedSum(weights);
  const squares = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) squares[i] = weights[i]! * weights[i]!;
  const sumSquares = compensatedSum(squares);
  return sumSquares > 0 ? (sum * sum) / sumSquares : 0;
}

/**
 * Kish's effective sample size from the running sums Σw and Σw².
 *
 * @example
 * ```ts
 * effectiveSampleSizeFromSums(8, 22) //≈ 2.909
 * ```
 */
export function effectiveSampleSizeFromSums(weightSum: number, weightSquareSum: number): number {
  return weightSquareSum > 0 ? (weightSum * weightSum) / weightSquareSum : 0;
}

/**
 * Whether a value is a usable response weight: a finite number greater than zero. A zero weight is reported as
 * an issue rather than silently contributing nothing (drop such responses before scoring if that is intended).
 *
 * @example
 * ```ts
 * isValidWeight(0.5) //=> true
 * isValidWeight(0) //=> false
 * ```
 */
export function isValidWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
