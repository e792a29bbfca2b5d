/**
 * Normal quantiles and confidence intervals for proportions and means.
 *
 * @module
 */
import normalQuantileStdlib from '@stdlib/stats-base-dists-normal-quantile';
import erfcStdlib from '@stdlib/math-base-special-erfc';
import studentTQuantileStdlib from '@stdlib/stats-base-dists-t-quantile';

/**
 * A two-sided confidence interval.
 *
 * @example
 * ```ts
 * const ci: Interval = { lower: 0.41, upper: 0.59, level: 0.95 };
 * ```
 */
export interface Interval {
  /** Lower bound. */
  readonly lower: number;
  /** Upper bound. */
  readonly upper: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
}

/**
 * The standard normal quantile Φ⁻¹(p) (via `@stdlib`).
 *
 * @example
 * ```ts
 * normalQuantile(0.975) //≈ 1.959963984540054
 * ```
 */
export function normalQuantile(p: number): number {
  return normalQuantileStdlib(p, 0, 1);
}

/**
 * The standard normal CDF Φ(z), via the complementary error function.
 *
 * @example
 * ```ts
 * normalCdf(1.959963984540054) //≈ 0.975
 * ```
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * The complementary error function erfc(x) (via `@stdlib`).
 *
 * @example
 * ```ts
 * erfc(0) //=> 1
 * ```
 */
export function erfc(x: number): number {
  return erfcStdlib(x);
}

/**
 * Two-sided p-value of a z statistic: 2·(1 − Φ(|z|)).
 *
 * @example
 * ```ts
 * twoSidedPValue(1.959963984540054) //≈ 0.05
 * ```
 */
export function twoSidedPValue(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/**
 * Wilson score interval for a proportion (successes out of n; n may be an effective, non-integer sample size).
 * Never leaves [0, 1]. For n = 0 returns [0, 1].
 *
 * @example
 * ```ts
 * const ci = wilsonInterval(50, 100); // { lower: 0.4038, upper: 0.5962, level: 0.95 } (rounded)
 * ```
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Interval {
  if (n <= 0) return { lower: 0, upper: 1, level };
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return {
    lower: successes <= 0 ? 0 : Math.max(0, centre - half),
    upper: successes >= n ? 1 : Math.min(1, centre + half),
    level,
  };
}

/**
 * Normal (Wald) interval estimate ± z·se, optionally clamped to bounds.
 *
 * @example
 * ```ts
 * normalInterval(0.3, 0.05) // { lower: 0.202, upper: 0.398, level: 0.95 } (rounded)
 * normalInterval(0.98, 0.05, { bounds: [0, 1] }).upper //=> 1
 * ```
 */
export function normalInterval(
  estimate: number,
  standardError: number,
  options: { readonly level?: number; readonly bounds?: readonly [number, number] } = {},
): Interval {
  const level = options.level ?? 0.95;
  const z = normalQuantile(1 - (1 - level) / 2);
  let lower = estimate - z * standardError;
  let upper = estimate + z * standardError;
  if (options.bounds !== undefined) {
    lower = Math.max(options.bounds[0], lower);
    upper = Math.min(options.bounds[1], upper);
  }
  return { lower, upper, level };
}

/**
 * The Student t quantile with ν degrees of freedom (via `@stdlib`).
 *
 * @example
 * ```ts
 * studentTQuantile(0.975, 10) //≈ 2.2281388519649385
 * ```
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  return studentTQuantileStdlib(p, degreesOfFreedom);
}
