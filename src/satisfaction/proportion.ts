/**
 * Weighted proportions (CSAT % satisfied, % agree, rates) with Wilson score intervals on the effective sample size.
 *
 * @module
 */
import { wilsonInterval, type Interval } from '../core/index.js';

/**
 * A proportion with its interval. `share` is weighted; `count` is the unweighted number of successes.
 * The interval is Wilson's score interval at the effective sample size, in percent.
 *
 * @example
 * ```ts
 * const satisfied: ProportionEstimate = {
 *   count: 80, successes: 80, n: 100, effectiveN: 100, share: 0.8, percent: 80, standardError: 4,
 *   interval: { lower: 71.12, upper: 86.66, level: 0.95 },
 * };
 * ```
 */
export interface ProportionEstimate {
  /** Unweighted number of successes. */
  readonly count: number;
  /** Weighted number of successes (Σ w·1[success]). */
  readonly successes: number;
  /** Number of responses. */
  readonly n: number;
  /** Kish's effective sample size. */
  readonly effectiveN: number;
  /** Weighted share, 0..1. */
  readonly share: number;
  /** The share in percent, 0..100. */
  readonly percent: number;
  /** Standard error in percentage points: 100·√(p(1 − p) / n_eff). */
  readonly standardError: number;
  /** Wilson score interval in percent. */
  readonly interval: Interval;
}

/**
 * Builds a {@link ProportionEstimate} from counts and weight sums.
 *
 * @example
 * ```ts
 * proportionEstimate({ count: 80, successes: 80, n: 100, weightSum: 100, effectiveN: 100 }).interval
 * // { lower: 71.12, upper: 86.66, level: 0.95 } (rounded)
 * ```
 */
export function proportionEstimate(
  input: { readonly count: number; readonly successes: number; readonly n: number; readonly weightSum: number; readonly effectiveN: number },
  level = 0.95,
): ProportionEstimate {
  const share = input.weightSum > 0 ? Math.min(1, Math.max(0, input.successes / input.weightSum)) : 0;
  const ci = wilsonInterval(share * input.effectiveN, input.effectiveN, level);
  const se = input.effectiveN > 0 ? Math.sqrt((share * (1 - share)) / input.effectiveN) : 0;
  return {
    count: input.count,
    successes: input.successes,
    n: input.n,
    effectiveN: input.effectiveN,
    share,
    percent: 100 * share,
    standardError: 100 * se,
    interval: { lower: 100 * ci.lower, upper: 100 * ci.upper, level },
  };
}
