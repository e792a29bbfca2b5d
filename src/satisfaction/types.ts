/**
 * Shared result and option types of the satisfaction module.
 *
 * @module
 */
import type { Interval, ValidationIssue } from '../core/index.js';

/**
 * When a score counts as reliable, and what to do with groups that are too small.
 *
 * A result is `reliable` when its sample size (effective by default) reaches `minimumN` and, if
 * `maxMarginOfError` is set, when the half-width of its interval (in the result's own units: NPS points,
 * percentage points for shares, scale units for means) does not exceed it.
 *
 * @example
 * ```ts
 * const rule: MinimumSampleRule = { minimumN: 50, basis: 'effective', smallGroups: 'suppress' };
 * ```
 */
export interface MinimumSampleRule {
  /** Smallest sample that counts as reliable. Default 30. */
  readonly minimumN: number;
  /** Which sample size is compared: Kish's effective n (default) or the raw number of responses. */
  readonly basis?: 'effective' | 'responses';
  /** Optional largest acceptable interval half-width, in the result's units. */
  readonly maxMarginOfError?: number;
  /** In breakdowns and trends: keep small groups with `reliable: false` (`flag`, default) or list them apart (`suppress`). */
  readonly smallGroups?: 'flag' | 'suppress';
}

/**
 * The default minimum-sample rule: 30 effective responses, small groups flagged (not suppressed).
 *
 * @example
 * ```ts
 * DEFAULT_MINIMUM_SAMPLE.minimumN //=> 30
 * ```
 */
export const DEFAULT_MINIMUM_SAMPLE: MinimumSampleRule = { minimumN: 30, basis: 'effective', smallGroups: 'flag' };

/**
 * Options every scoring function shares.
 *
 * @example
 * ```ts
 * const options: CommonScoreOptions = { level: 0.9, minimumSample: { minimumN: 50 }, weighting: 'none' };
 * ```
 */
export interface CommonScoreOptions {
  /** Confidence level of every interval, in (0, 1). Default 0.95. */
  readonly level?: number;
  /** Minimum-sample rule behind the `reliable` flag. Default {@link DEFAULT_MINIMUM_SAMPLE}. */
  readonly minimumSample?: MinimumSampleRule;
  /** `field` (default) uses each response's `weight` (missing = 1); `none` ignores weights. */
  readonly weighting?: 'field' | 'none';
  /** Root of issue paths. Default `responses` (so issues read `responses[3].nps`). */
  readonly root?: string;
}

/**
 * Fields every score result carries: sample sizes, the headline estimate with its interval, and reliability.
 *
 * @example
 * ```ts
 * const common: ScoreCommon = {
 *   n: 100, weightSum: 100, effectiveN: 100, level: 0.95, score: 30, standardError: 7.81,
 *   interval: { lower: 14.05, upper: 44.2, level: 0.95 }, reliable: true,
 *   reliabilityReason: 'effective n 100.0 ≥ minimum 30', excluded: 0, issues: [],
 * };
 * ```
 */
export interface ScoreCommon {
  /** Responses that entered the score. */
  readonly n: number;
  /** Sum of their weights (equals `n` without weights). */
  readonly weightSum: number;
  /** Kish's effective sample size (Σw)² / Σw², used by every interval and test. */
  readonly effectiveN: number;
  /** Confidence level of the intervals. */
  readonly level: number;
  /** The headline estimate (NPS points, percent satisfied, mean, CES index... see the result's `statistic`). */
  readonly score: number;
  /** Standard error of the headline estimate, in its units. */
  readonly standardError: number;
  /** Confidence interval of the headline estimate, in its units, always inside the possible range. */
  readonly interval: Interval;
  /** Whether the sample passes the minimum-sample rule. */
  readonly reliable: boolean;
  /** Why (e.g. `effective n 24.0 < minimum 30`). */
  readonly reliabilityReason: string;
  /** Responses left out because of bad or missing input (each one is in `issues`). */
  readonly excluded: number;
  /** One issue per excluded response: path (`responses[3].nps`) and reason. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * A business refusal: the computation is impossible for this data (no valid responses, a constant outcome...).
 *
 * @example
 * ```ts
 * const refusal: SatisfactionRefusal = {
 *   code: 'no-valid-responses', message: 'no response has a valid NPS score', excluded: 2, issues: [],
 * };
 * ```
 */
export interface SatisfactionRefusal {
  /** Machine-readable reason. */
  readonly code:
    | 'no-valid-responses'
    | 'too-few-responses'
    | 'constant-outcome'
    | 'no-drivers'
    | 'insufficient-data'
    | 'zero-standard-error'
    | 'incompatible-results'
    | 'no-responses-before'
    | 'no-responses-after';
  /** Readable explanation. */
  readonly message: string;
  /** Responses excluded because of bad input, when the refusal follows validation. */
  readonly excluded?: number;
  /** Their issues. */
  readonly issues?: readonly ValidationIssue[];
}

/**
 * The result of comparing two scores (periods, segments, before/after): `a − b` with its standard error,
 * interval, test statistic, two-sided p-value and significance at `1 − level`.
 *
 * @example
 * ```ts
 * const comparison: ComparisonResult = {
 *   test: 'nps-z', method: 'adjusted-wald', unit: 'points', difference: 13.33, estimate: 20.99,
 *   standardError: 10.29, interval: { lower: 0.83, upper: 41.16, level: 0.95 }, statistic: 2.04,
 *   pValue: 0.0413, significant: true, alpha: 0.05, level: 0.95,
 * };
 * ```
 */
export interface ComparisonResult {
  /** `nps-z` (summed trinomial variances), `two-proportion-z` (pooled) or `welch-t`. */
  readonly test: 'nps-z' | 'two-proportion-z' | 'welch-t';
  /** The variance recipe: `wald` / `adjusted-wald` for NPS-type scores, `pooled` for proportions, `welch` for means. */
  readonly method: 'wald' | 'adjusted-wald' | 'pooled' | 'welch';
  /** Units of the difference: NPS/index points, percentage points, or scale units for means. */
  readonly unit: 'points' | 'percentage-points' | 'scale-units';
  /** Observed difference a − b. */
  readonly difference: number;
  /** The difference the test and interval are centred on (differs from `difference` only for adjusted-Wald). */
  readonly estimate: number;
  /** Standard error of the difference. */
  readonly standardError: number;
  /** Confidence interval of the difference (Newcombe's hybrid score interval for proportions). */
  readonly interval: Interval;
  /** The z or t statistic. */
  readonly statistic: number;
  /** Degrees of freedom (Welch t only). */
  readonly degreesOfFreedom?: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** `pValue < alpha`. */
  readonly significant: boolean;
  /** Significance threshold, 1 − level. */
  readonly alpha: number;
  /** Confidence level of the interval. */
  readonly level: number;
}
