/**
 * Breakpoints: the value cuts a scoring run used, as data, so that another process (a browser, a later batch) can
 * score new customers exactly like the original run.
 *
 * @module
 */
import type { RfmDimension } from './types.js';

/**
 * Tie policy of quantile scoring. `shared`: equal values always get equal scores (cuts on the value distribution,
 * bins may be unequal). `first`: pandas `qcut(x.rank(method='first'), levels)` — ties broken by ascending customer id.
 *
 * @example
 * ```ts
 * const ties: TiePolicy = 'first';
 * ```
 */
export type TiePolicy = 'shared' | 'first';

/**
 * How one dimension is scored: `quantile` (cuts from the data), `thresholds` (fixed business cuts), `breakpoints`
 * (the cuts of an earlier run).
 *
 * @example
 * ```ts
 * const method: ScoringMethod = 'thresholds';
 * ```
 */
export type ScoringMethod = 'quantile' | 'thresholds' | 'breakpoints';

/**
 * The cuts of one dimension. A value `x` falls in bin `1 + #{j : cuts[j] < x}` (bins are closed on the right, like
 * pandas `qcut`/`cut`); the score is the bin, or `levels + 1 - bin` when lower values are better (recency).
 *
 * @example
 * ```ts
 * const recency: DimensionBreakpoints = {
 *   dimension: 'recency', method: 'thresholds', higherIsBetter: false, cuts: [30, 90, 180, 365], exact: true,
 * };
 * // 12 days → bin 1 → score 5; 400 days → bin 5 → score 1
 * ```
 */
export interface DimensionBreakpoints {
  /** The dimension the cuts apply to. */
  readonly dimension: RfmDimension;
  /** Where the cuts came from. */
  readonly method: 'quantile' | 'thresholds';
  /** Tie policy of a quantile run. */
  readonly ties?: TiePolicy;
  /** False for recency: low values get high scores. */
  readonly higherIsBetter: boolean;
  /** `levels - 1` non-decreasing cut values (empty when the run had no customer to score). */
  readonly cuts: readonly number[];
  /**
   * True when scoring values against `cuts` reproduces the run's scores exactly. False only for `first` runs where a
   * group of equal values straddles a cut (the run split it by customer id; values alone cannot).
   */
  readonly exact: boolean;
}

/**
 * Every dimension's cuts of a scoring run.
 *
 * @example
 * ```ts
 * const { breakpoints } = score(summary);
 * const json = JSON.stringify(breakpoints); // ship to a browser, decode with decodeBreakpoints
 * ```
 */
export interface RfmBreakpoints {
  /** Score levels per dimension. */
  readonly levels: number;
  /** One entry per scored dimension. */
  readonly dimensions: readonly DimensionBreakpoints[];
}

/**
 * The bin (1..cuts.length+1) of a value: `1 + #{j : cuts[j] < value}`.
 *
 * @example
 * ```ts
 * binOf(12, [30, 90, 180, 365]) //=> 1
 * binOf(90, [30, 90, 180, 365]) //=> 2
 * binOf(91, [30, 90, 180, 365]) //=> 3
 * ```
 */
export function binOf(value: number, cuts: readonly number[]): number {
  let bin = 1;
  for (let j = 0; j < cuts.length; j++) if (cuts[j]! < value) bin++;
  return bin;
}

/**
 * Scores one customer's values against earlier breakpoints (for example in a browser, with breakpoints the server
 * returned), exactly as {@link score} with `method: 'breakpoints'` would. Dimensions without a value are left out.
 *
 * @example
 * ```ts
 * const breakpoints: RfmBreakpoints = {
 *   levels: 5,
 *   dimensions: [
 *     { dimension: 'recency', method: 'quantile', ties: 'shared', higherIsBetter: false, cuts: [14, 40, 90, 200], exact: true },
 *     { dimension: 'frequency', method: 'quantile', ties: 'shared', higherIsBetter: true, cuts: [1, 1, 2, 4], exact: true },
 *   ],
 * };
 * scoreCustomer({ recency: 10, frequency: 3 }, breakpoints) //=> { recency: 5, frequency: 4 }
 * ```
 */
export function scoreCustomer(
  values: Readonly<Partial<Record<RfmDimension, number>>>,
  breakpoints: RfmBreakpoints,
): Partial<Record<RfmDimension, number>> {
  const out: Partial<Record<RfmDimension, number>> = {};
  for (const entry of breakpoints.dimensions) {
    const value = values[entry.dimension];
    if (value === undefined || entry.cuts.length !== breakpoints.levels - 1) continue;
    const bin = binOf(value, entry.cuts);
    out[entry.dimension] = entry.higherIsBetter ? bin : breakpoints.levels + 1 - bin;
  }
  return out;
}
