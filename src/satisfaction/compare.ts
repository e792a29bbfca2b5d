/**
 * Significance tests between two scores (two periods, two segments, before/after):
 * - NPS (and the CES index): z = (NPS₁ − NPS₂) / √(Var₁/n₁ + Var₂/n₂) with trinomial variances, Wald or
 *   adjusted-Wald (Rocks' `nps_test`; MeasuringU's adjusted-Wald test);
 * - proportions: the pooled two-proportion z test, with Newcombe's hybrid score interval for the difference
 *   (Newcombe 1998, method 10);
 * - means: Welch's unequal-variance t test with Welch–Satterthwaite degrees of freedom.
 *
 * Every sample size is Kish's effective n. Two-sided p-values; `significant` means p < 1 − level.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import {
  normalQuantile,
  studentTQuantile,
  studentTTwoSidedPValue,
  twoSidedPValue,
  wilsonInterval,
} from '../core/index.js';
import { resolveLevel } from './options.js';
import {
  adjustedWaldNetScore,
  chooseNetScoreMethod,
  DEFAULT_SMALL_SAMPLE_THRESHOLD,
  waldNetScore,
  type NetScoreIntervalMethod,
} from './trinomial.js';
import type { ComparisonResult, SatisfactionRefusal } from './types.js';

/**
 * What {@link compareNps} needs of each sample: weighted promoter and detractor shares and the effective n
 * (an {@link NpsResult} has them).
 *
 * @example
 * ```ts
 * const sample: NpsSample = { shares: { promoters: 0.5, detractors: 0.2 }, effectiveN: 100 };
 * ```
 */
export interface NpsSample {
  /** Weighted shares (0..1); passives are implied. */
  readonly shares: NpsShares;
  /** Kish's effective sample size. */
  readonly effectiveN: number;
}

/**
 * Promoter and detractor shares (0..1).
 *
 * @example
 * ```ts
 * const shares: NpsShares = { promoters: 0.5, detractors: 0.2 };
 * ```
 */
export interface NpsShares {
  /** Share of promoters. */
  readonly promoters: number;
  /** Share of detractors. */
  readonly detractors: number;
}

/**
 * Options of {@link compareNps}.
 *
 * @example
 * ```ts
 * const options: CompareNpsOptions = { method: 'wald', level: 0.9 };
 * ```
 */
export interface CompareNpsOptions {
  /** Confidence level; significance at 1 − level. Default 0.95. */
  readonly level?: number;
  /**
   * `wald`, `adjusted-wald`, or `auto` (default): adjusted-Wald when either sample would use it for its own
   * interval (effective n below `smallSampleThreshold`, or a degenerate Wald variance).
   */
  readonly method?: NetScoreIntervalMethod;
  /** Default 100. */
  readonly smallSampleThreshold?: number;
}

/** 1 − level without float noise (0.05, not 0.050000000000000044). */
function alphaOf(level: number): number {
  return Number((1 - level).toPrecision(12));
}

function zQuantile(level: number): number {
  return normalQuantile(1 - (1 - level) / 2);
}

function finishZ(
  test: ComparisonResult['test'],
  method: ComparisonResult['method'],
  unit: ComparisonResult['unit'],
  difference: number,
  estimate: number,
  standardError: number,
  interval: { lower: number; upper: number },
  level: number,
): E.Either<SatisfactionRefusal, ComparisonResult> {
  const alpha = alphaOf(level);
  if (!(standardError > 0)) {
    if (estimate !== 0) {
      return E.left({ code: 'zero-standard-error', message: 'the samples differ but both have zero variance; no test is possible' });
    }
    return E.right({ test, method, unit, difference, estimate, standardError: 0, interval: { ...interval, level }, statistic: 0, pValue: 1, significant: false, alpha, level });
  }
  const statistic = estimate / standardError;
  const pValue = twoSidedPValue(statistic);
  return E.right({
    test,
    method,
    unit,
    difference,
    estimate,
    standardError,
    interval: { ...interval, level },
    statistic,
    pValue,
    significant: pValue < alpha,
    alpha,
    level,
  });
}

/**
 * The net-score z test behind {@link compareNps}, for any two trinomial samples given as positive share,
 * negative share and effective n (also used for the CES index).
 *
 * @example
 * ```ts
 * compareNetScores({ positive: 0.5, negative: 0.2, n: 100 }, { positive: 40 / 120, negative: 0.25, n: 120 }, { method: 'wald' })
 * // right({ statistic: 2.075, pValue: 0.038, ... })
 * ```
 */
export function compareNetScores(
  a: { readonly positive: number; readonly negative: number; readonly n: number },
  b: { readonly positive: number; readonly negative: number; readonly n: number },
  options: CompareNpsOptions = {},
): E.Either<SatisfactionRefusal, ComparisonResult> {
  const level = resolveLevel(options.level);
  if (!(a.n > 0 && b.n > 0)) return E.left({ code: 'insufficient-data', message: 'both samples need at least one response' });
  const requested = options.method ?? 'auto';
  const threshold = options.smallSampleThreshold ?? DEFAULT_SMALL_SAMPLE_THRESHOLD;
  let method: 'wald' | 'adjusted-wald';
  if (requested === 'auto') {
    const choiceA = chooseNetScoreMethod('auto', a.positive, a.negative, a.n, { level, smallSampleThreshold: threshold });
    const choiceB = chooseNetScoreMethod('auto', b.positive, b.negative, b.n, { level, smallSampleThreshold: threshold });
    method = choiceA.method === 'adjusted-wald' || choiceB.method === 'adjusted-wald' ? 'adjusted-wald' : 'wald';
  } else method = requested;
  const estimateOf = method === 'wald' ? waldNetScore : adjustedWaldNetScore;
  const ea = estimateOf(a.positive, a.negative, a.n, level);
  const eb = estimateOf(b.positive, b.negative, b.n, level);
  const na = method === 'wald' ? a.n : a.n + 3;
  const nb = method === 'wald' ? b.n : b.n + 3;
  const se = 100 * Math.sqrt(ea.variance / na + eb.variance / nb);
  const estimate = ea.score - eb.score;
  const z = zQuantile(level);
  const interval = { lower: Math.max(-200, estimate - z * se), upper: Math.min(200, estimate + z * se) };
  return finishZ('nps-z', method, 'points', 100 * (a.positive - a.negative - (b.positive - b.negative)), estimate, se, interval, level);
}

/**
 * Tests whether two NPS differ: z = (NPS_a − NPS_b) / √(Var_a/n_a + Var_b/n_b) with trinomial variances
 * Var = p + d − (p − d)², on the effective sample sizes. With adjusted-Wald (MeasuringU) each sample gets +¾
 * promoter, +¾ detractor and +3 n first. `difference` is the observed a − b in points; `estimate` the one the test
 * is centred on. Left `zero-standard-error` when both samples have zero variance yet differ (Wald only).
 *
 * @example
 * ```ts
 * // 50 promoters / 20 detractors of 100 versus 40 / 30 of 120 (reference test vector):
 * compareNps(first, second, { method: 'wald' }) // right({ statistic: 2.075, pValue: 0.038, significant: true, ... })
 * compareNps(first, second, { method: 'adjusted-wald' }) // right({ statistic: 2.041, pValue: 0.041, ... })
 * ```
 */
export function compareNps(a: NpsSample, b: NpsSample, options: CompareNpsOptions = {}): E.Either<SatisfactionRefusal, ComparisonResult> {
  return compareNetScores(
    { positive: a.shares.promoters, negative: a.shares.detractors, n: a.effectiveN },
    { positive: b.shares.promoters, negative: b.shares.detractors, n: b.effectiveN },
    options,
  );
}

/**
 * A proportion for {@link compareProportions}: either a weighted share with its effective n (a
 * {@link ProportionEstimate} has them) or plain counts.
 *
 * @example
 * ```ts
 * const a: ProportionSample = { successes: 140, n: 200 };
 * const b: ProportionSample = { share: 0.75, effectiveN: 340 };
 * ```
 */
export type ProportionSample = ShareSample | CountSample;

/**
 * A weighted share with its effective sample size.
 *
 * @example
 * ```ts
 * const sample: ShareSample = { share: 0.75, effectiveN: 340 };
 * ```
 */
export interface ShareSample {
  /** Share, 0..1. */
  readonly share: number;
  /** Kish's effective sample size. */
  readonly effectiveN: number;
}

/**
 * Plain counts: successes out of n.
 *
 * @example
 * ```ts
 * const sample: CountSample = { successes: 140, n: 200 };
 * ```
 */
export interface CountSample {
  /** Number of successes. */
  readonly successes: number;
  /** Number of trials. */
  readonly n: number;
}

function shareAndN(sample: ProportionSample): { share: number; n: number } {
  if ('share' in sample) return { share: sample.share, n: sample.effectiveN };
  return { share: sample.n > 0 ? sample.successes / sample.n : 0, n: sample.n };
}

/**
 * Two-proportion z test (pooled): p̂ = (x₁ + x₂)/(n₁ + n₂), z = (p₁ − p₂)/√(p̂(1 − p̂)(1/n₁ + 1/n₂)).
 * The difference a − b and its Newcombe hybrid score interval are in percentage points.
 *
 * @example
 * ```ts
 * compareProportions({ successes: 140, n: 200 }, { successes: 255, n: 340 })
 * // right({ difference: -5, statistic: -1.266, pValue: 0.2055, significant: false, ... })
 * ```
 */
export function compareProportions(
  a: ProportionSample,
  b: ProportionSample,
  options: { readonly level?: number } = {},
): E.Either<SatisfactionRefusal, ComparisonResult> {
  const level = resolveLevel(options.level);
  const pa = shareAndN(a);
  const pb = shareAndN(b);
  if (!(pa.n > 0 && pb.n > 0) || !(pa.share >= 0 && pa.share <= 1 && pb.share >= 0 && pb.share <= 1)) {
    return E.left({ code: 'insufficient-data', message: 'both samples need n > 0 and a share within 0..1' });
  }
  const pooled = (pa.share * pa.n + pb.share * pb.n) / (pa.n + pb.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / pa.n + 1 / pb.n));
  const difference = pa.share - pb.share;
  // Newcombe (1998) method 10: Wilson limits of each proportion combined.
  const wa = wilsonInterval(pa.share * pa.n, pa.n, level);
  const wb = wilsonInterval(pb.share * pb.n, pb.n, level);
  const lower = difference - Math.sqrt((pa.share - wa.lower) ** 2 + (wb.upper - pb.share) ** 2);
  const upper = difference + Math.sqrt((wa.upper - pa.share) ** 2 + (pb.share - wb.lower) ** 2);
  return finishZ('two-proportion-z', 'pooled', 'percentage-points', 100 * difference, 100 * difference, 100 * se, {
    lower: 100 * Math.max(-1, lower),
    upper: 100 * Math.min(1, upper),
  }, level);
}

/**
 * A mean for {@link compareMeans}: value, standard deviation (null when unknown) and effective n
 * (a {@link MeanEstimate} has them).
 *
 * @example
 * ```ts
 * const sample: MeanSample = { value: 4, standardDeviation: 1.069, effectiveN: 8 };
 * ```
 */
export interface MeanSample {
  /** The mean. */
  readonly value: number;
  /** Sample standard deviation; null when unknown. */
  readonly standardDeviation: number | null;
  /** Kish's effective sample size. */
  readonly effectiveN: number;
}

/**
 * Welch's t test of two means: t = (m₁ − m₂)/√(s₁²/n₁ + s₂²/n₂), ν by Welch–Satterthwaite; the interval uses
 * the t quantile with ν degrees of freedom. Left `insufficient-data` when a sample has fewer than two effective
 * responses.
 *
 * @example
 * ```ts
 * compareMeans({ value: 4, standardDeviation: 1.0690, effectiveN: 8 }, { value: 2.7778, standardDeviation: 0.9718, effectiveN: 9 })
 * // right({ statistic: 2.455, degreesOfFreedom: 14.31, pValue: 0.0274, ... })
 * ```
 */
export function compareMeans(a: MeanSample, b: MeanSample, options: { readonly level?: number } = {}): E.Either<SatisfactionRefusal, ComparisonResult> {
  const level = resolveLevel(options.level);
  const alpha = alphaOf(level);
  if (a.standardDeviation === null || b.standardDeviation === null || !(a.effectiveN > 1 && b.effectiveN > 1)) {
    return E.left({ code: 'insufficient-data', message: 'each sample needs more than one effective response for a t test' });
  }
  const va = (a.standardDeviation * a.standardDeviation) / a.effectiveN;
  const vb = (b.standardDeviation * b.standardDeviation) / b.effectiveN;
  const se = Math.sqrt(va + vb);
  const difference = a.value - b.value;
  if (!(se > 0)) {
    if (difference !== 0) return E.left({ code: 'zero-standard-error', message: 'the means differ but both samples have zero variance; no test is possible' });
    return E.right({
      test: 'welch-t', method: 'welch', unit: 'scale-units', difference, estimate: difference, standardError: 0,
      interval: { lower: 0, upper: 0, level }, statistic: 0, degreesOfFreedom: a.effectiveN + b.effectiveN - 2,
      pValue: 1, significant: false, alpha, level,
    });
  }
  const df = (va + vb) ** 2 / ((va * va) / (a.effectiveN - 1) + (vb * vb) / (b.effectiveN - 1));
  const statistic = difference / se;
  const pValue = Math.min(1, studentTTwoSidedPValue(Math.abs(statistic), df));
  const t = studentTQuantile(1 - alpha / 2, df);
  return E.right({
    test: 'welch-t',
    method: 'welch',
    unit: 'scale-units',
    difference,
    estimate: difference,
    standardError: se,
    interval: { lower: difference - t * se, upper: difference + t * se, level },
    statistic,
    degreesOfFreedom: df,
    pValue,
    significant: pValue < alpha,
    alpha,
    level,
  });
}
