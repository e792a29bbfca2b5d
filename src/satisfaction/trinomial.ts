/**
 * Net scores on −100..100 from three categories (NPS: promoters / passives / detractors; CES index: easy /
 * neutral / difficult): trinomial variance, Wald and adjusted-Wald intervals.
 *
 * Sources: Rocks (2016) "Interval Estimation for the Net Promoter Score", The American Statistician 70(4),
 * arXiv 1601.07235; Rocks' CRAN `NPS` package (`npvar`); MeasuringU (Lewis & Sauro 2021) adjusted-Wald recipe.
 *
 * @module
 */
import { normalQuantile, type Interval } from '../core/index.js';

/**
 * One estimate of a net score with its variance, standard error and interval (points on −100..100).
 *
 * @example
 * ```ts
 * const wald: NetScoreEstimate = {
 *   score: 30, variance: 0.61, standardError: 7.81, marginOfError: 15.31,
 *   interval: { lower: 14.69, upper: 45.31, level: 0.95 },
 * };
 * ```
 */
export interface NetScoreEstimate {
  /** The point estimate in points (for adjusted-Wald: the adjusted estimate the interval is centred on). */
  readonly score: number;
  /** Per-response trinomial variance p + d − (p − d)² on the −1..1 scale. */
  readonly variance: number;
  /** Standard error in points: 100·√(variance / n). */
  readonly standardError: number;
  /** z·standardError in points (half-width before clamping to ±100). */
  readonly marginOfError: number;
  /** The interval in points, clamped to [−100, 100]. */
  readonly interval: Interval;
}

/**
 * How the interval of a net score is computed: `wald`, `adjusted-wald`, or `auto` (adjusted-Wald for small or
 * degenerate samples, see {@link chooseNetScoreMethod}).
 *
 * @example
 * ```ts
 * const method: NetScoreIntervalMethod = 'adjusted-wald';
 * ```
 */
export type NetScoreIntervalMethod = 'auto' | 'wald' | 'adjusted-wald';

/**
 * The default effective sample size below which `auto` uses the adjusted-Wald interval: 100.
 *
 * @example
 * ```ts
 * DEFAULT_SMALL_SAMPLE_THRESHOLD //=> 100
 * ```
 */
export const DEFAULT_SMALL_SAMPLE_THRESHOLD = 100;

/**
 * The trinomial variance of a net score per response: p + d − (p − d)² (shares on 0..1).
 *
 * @example
 * ```ts
 * trinomialVariance(0.5, 0.2) //≈ 0.61
 * ```
 */
export function trinomialVariance(positiveShare: number, negativeShare: number): number {
  const net = positiveShare - negativeShare;
  return Math.max(0, positiveShare + negativeShare - net * net);
}

function estimate(p: number, d: number, n: number, level: number): NetScoreEstimate {
  const z = normalQuantile(1 - (1 - level) / 2);
  const net = p - d;
  const variance = trinomialVariance(p, d);
  const se = n > 0 ? Math.sqrt(variance / n) : Number.POSITIVE_INFINITY;
  const lower = Math.max(-1, net - z * se);
  const upper = Math.min(1, net + z * se);
  return {
    score: 100 * net,
    variance,
    standardError: 100 * se,
    marginOfError: 100 * z * se,
    interval: { lower: 100 * lower, upper: 100 * upper, level },
  };
}

/**
 * Wald estimate of a net score: NPS = p − d, Var = p + d − (p − d)², SE = √(Var / n), NPS ± z·SE clamped to ±100.
 * `n` may be an effective sample size.
 *
 * @example
 * ```ts
 * waldNetScore(0.5, 0.2, 100).interval // { lower: 14.69, upper: 45.31, level: 0.95 } (rounded)
 * ```
 */
export function waldNetScore(positiveShare: number, negativeShare: number, n: number, level = 0.95): NetScoreEstimate {
  return estimate(positiveShare, negativeShare, n, level);
}

/**
 * Adjusted-Wald estimate: add ¾ to the positive and the negative counts and 3 to n, then the Wald formulas:
 * n' = n + 3, p' = (p·n + ¾) / n', d' = (d·n + ¾) / n'. Clamped to ±100.
 *
 * @example
 * ```ts
 * adjustedWaldNetScore(0.5, 0.2, 100).interval // { lower: 14.05, upper: 44.20, level: 0.95 } (rounded)
 * ```
 */
export function adjustedWaldNetScore(positiveShare: number, negativeShare: number, n: number, level = 0.95): NetScoreEstimate {
  const adjustedN = n + 3;
  return estimate((positiveShare * n + 0.75) / adjustedN, (negativeShare * n + 0.75) / adjustedN, adjustedN, level);
}

/**
 * The interval method chosen for a net score, and why.
 *
 * @example
 * ```ts
 * const choice: NetScoreMethodChoice = { method: 'adjusted-wald', rule: 'adjusted-Wald: effective n 50.0 < 100' };
 * ```
 */
export interface NetScoreMethodChoice {
  /** The method used. */
  readonly method: 'wald' | 'adjusted-wald';
  /** The rule that chose it, in words. */
  readonly rule: string;
}

/**
 * Picks the interval method and states why. `auto` uses adjusted-Wald when the effective sample size is below
 * `smallSampleThreshold` (default 100), or when the Wald interval is degenerate (zero variance: everyone in one
 * category) or reaches beyond ±100 before clamping; Wald otherwise.
 *
 * @example
 * ```ts
 * chooseNetScoreMethod('auto', 0.5, 0.2, 50).method //=> 'adjusted-wald'
 * chooseNetScoreMethod('auto', 0.5, 0.2, 1000).method //=> 'wald'
 * ```
 */
export function chooseNetScoreMethod(
  requested: NetScoreIntervalMethod,
  positiveShare: number,
  negativeShare: number,
  effectiveN: number,
  options: { readonly level?: number; readonly smallSampleThreshold?: number } = {},
): NetScoreMethodChoice {
  if (requested === 'wald') return { method: 'wald', rule: 'Wald (requested)' };
  if (requested === 'adjusted-wald') return { method: 'adjusted-wald', rule: 'adjusted-Wald (requested)' };
  const threshold = options.smallSampleThreshold ?? DEFAULT_SMALL_SAMPLE_THRESHOLD;
  if (effectiveN < threshold) {
    return { method: 'adjusted-wald', rule: `adjusted-Wald: effective n ${effectiveN.toFixed(1)} < ${threshold}` };
  }
  const level = options.level ?? 0.95;
  const wald = waldNetScore(positiveShare, negativeShare, effectiveN, level);
  if (wald.variance === 0) return { method: 'adjusted-wald', rule: 'adjusted-Wald: Wald variance is zero (all answers in one category)' };
  const net = wald.score;
  if (net - wald.marginOfError < -100 || net + wald.marginOfError > 100) {
    return { method: 'adjusted-wald', rule: 'adjusted-Wald: the Wald interval reaches beyond ±100' };
  }
  return { method: 'wald', rule: `Wald: effective n ${effectiveN.toFixed(1)} ≥ ${threshold}` };
}
