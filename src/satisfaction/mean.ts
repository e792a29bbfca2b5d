/**
 * Weighted means of scale scores with Student t intervals on the effective sample size.
 *
 * @module
 */
import { studentTQuantile, type Interval } from '../core/index.js';

/**
 * A mean with its spread and t interval.
 *
 * With weights: x̄ = Σwx / Σw; s² = [Σw(x − x̄)² / Σw] · n_eff / (n_eff − 1); SE = s / √n_eff;
 * interval x̄ ± t(1 − α/2, n_eff − 1)·SE, clamped to the scale. Without weights these are the usual sample
 * formulas. With fewer than two effective responses the spread is unknown: `standardDeviation` and
 * `degreesOfFreedom` are null, the standard error uses Popoviciu's bound (max − min) / 2 / √n_eff and the interval
 * is the whole scale.
 *
 * @example
 * ```ts
 * const mean: MeanEstimate = {
 *   value: 4, standardDeviation: 1.069, standardError: 0.378, degreesOfFreedom: 7, n: 8, effectiveN: 8,
 *   interval: { lower: 3.106, upper: 4.894, level: 0.95 }, scale: '1-5',
 * };
 * ```
 */
export interface MeanEstimate {
  /** The (weighted) mean. */
  readonly value: number;
  /** Sample standard deviation (weighted, Bessel-corrected on n_eff); null with fewer than two effective responses. */
  readonly standardDeviation: number | null;
  /** Standard error of the mean. */
  readonly standardError: number;
  /** Degrees of freedom of the t interval, n_eff − 1; null when the spread is unknown. */
  readonly degreesOfFreedom: number | null;
  /** Number of responses. */
  readonly n: number;
  /** Kish's effective sample size. */
  readonly effectiveN: number;
  /** Student t interval, clamped to the scale. */
  readonly interval: Interval;
  /** The scale the mean is on (its label, or `percent of maximum` for POMP means). */
  readonly scale: string;
}

/**
 * Builds a {@link MeanEstimate} from weighted sums of values shifted by `shift` (Σw, Σw(x − shift),
 * Σw(x − shift)²); shifting by the scale minimum keeps the sums small and exact.
 *
 * @example
 * ```ts
 * // values 4,5,3,4,5,2,4,5 shifted by 1: Σ = 24, Σ² = 80
 * meanEstimate({ n: 8, weightSum: 8, effectiveN: 8, shiftedSum: 24, shiftedSquareSum: 80, shift: 1, min: 1, max: 5, scale: '1-5' }).value
 * //=> 4
 * ```
 */
export function meanEstimate(
  input: {
    readonly n: number;
    readonly weightSum: number;
    readonly effectiveN: number;
    readonly shiftedSum: number;
    readonly shiftedSquareSum: number;
    readonly shift: number;
    readonly min: number;
    readonly max: number;
    readonly scale: string;
  },
  level = 0.95,
): MeanEstimate {
  const { weightSum, effectiveN } = input;
  const shiftedMean = weightSum > 0 ? input.shiftedSum / weightSum : 0;
  const value = Math.min(input.max, Math.max(input.min, input.shift + shiftedMean));
  if (!(effectiveN > 1 + 1e-9)) {
    return {
      value,
      standardDeviation: null,
      standardError: effectiveN > 0 ? (input.max - input.min) / 2 / Math.sqrt(effectiveN) : input.max - input.min,
      degreesOfFreedom: null,
      n: input.n,
      effectiveN,
      interval: { lower: input.min, upper: input.max, level },
      scale: input.scale,
    };
  }
  const populationVariance = Math.max(0, input.shiftedSquareSum / weightSum - shiftedMean * shiftedMean);
  const variance = (populationVariance * effectiveN) / (effectiveN - 1);
  const sd = Math.sqrt(variance);
  const se = sd / Math.sqrt(effectiveN);
  const df = effectiveN - 1;
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return {
    value,
    standardDeviation: sd,
    standardError: se,
    degreesOfFreedom: df,
    n: input.n,
    effectiveN,
    interval: { lower: Math.max(input.min, value - t * se), upper: Math.min(input.max, value + t * se), level },
    scale: input.scale,
  };
}
