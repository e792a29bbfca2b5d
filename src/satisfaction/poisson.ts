/**
 * Exact (Garwood) confidence interval of a Poisson count, for rates such as complaints per 1,000 orders.
 *
 * @module
 */
import { regularizedGammaP, type Interval } from '../core/index.js';

/**
 * The p-quantile of the Gamma(shape, 1) distribution, by bisection on the regularised incomplete gamma function.
 *
 * @example
 * ```ts
 * gammaQuantile(0.025, 5) //≈ 1.6235
 * ```
 */
export function gammaQuantile(p: number, shape: number): number {
  if (!(p > 0)) return 0;
  if (!(p < 1)) return Number.POSITIVE_INFINITY;
  let hi = Math.max(1, shape);
  while (regularizedGammaP(shape, hi) < p) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedGammaP(shape, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Garwood's exact interval for the mean of a Poisson count x: [χ²(α/2; 2x)/2, χ²(1 − α/2; 2x + 2)/2], i.e.
 * Gamma(x, 1) and Gamma(x + 1, 1) quantiles (Garwood 1936).
 *
 * @example
 * ```ts
 * poissonInterval(5) // { lower: 1.6235, upper: 11.6683, level: 0.95 } (rounded)
 * poissonInterval(0).lower //=> 0
 * ```
 */
export function poissonInterval(count: number, level = 0.95): Interval {
  const alpha = 1 - level;
  return { lower: count > 0 ? gammaQuantile(alpha / 2, count) : 0, upper: gammaQuantile(1 - alpha / 2, count + 1), level };
}
