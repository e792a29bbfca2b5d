/**
 * Special functions used by the statistical models, from `@stdlib` (well-tested ports of Cephes / Boost).
 *
 * @module
 */
import betaincStdlib from '@stdlib/math-base-special-betainc';
import betalnStdlib from '@stdlib/math-base-special-betaln';
import digammaStdlib from '@stdlib/math-base-special-digamma';
import gammaincStdlib from '@stdlib/math-base-special-gammainc';
import gammalnStdlib from '@stdlib/math-base-special-gammaln';

/**
 * Natural log of the absolute value of the gamma function, ln|Γ(x)|.
 *
 * @example
 * ```ts
 * lgamma(10) //≈ 12.801827480081469 (= ln 9!)
 * ```
 */
export function lgamma(x: number): number {
  return gammalnStdlib(x);
}

/**
 * Natural log of the beta function, ln B(a, b).
 *
 * @example
 * ```ts
 * betaln(1, 1) //=> 0
 * ```
 */
export function betaln(a: number, b: number): number {
  return betalnStdlib(a, b);
}

/**
 * The digamma function ψ(x) = Γ'(x)/Γ(x).
 *
 * @example
 * ```ts
 * digamma(1) //≈ -0.5772156649015329 (minus the Euler–Mascheroni constant)
 * ```
 */
export function digamma(x: number): number {
  return digammaStdlib(x);
}

/**
 * Regularised lower incomplete beta function I_x(a, b) (the CDF of Beta(a, b) at x).
 *
 * @example
 * ```ts
 * regularizedBeta(0.5, 2, 2) //≈ 0.5
 * ```
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  return betaincStdlib(x, a, b);
}

/**
 * Regularised lower incomplete gamma function P(a, x) (the CDF of Gamma(a, 1) at x).
 *
 * @example
 * ```ts
 * regularizedGammaP(1, 1) //≈ 0.6321205588285577 (= 1 − e⁻¹)
 * ```
 */
export function regularizedGammaP(a: number, x: number): number {
  return gammaincStdlib(x, a);
}

/**
 * Upper tail probability of a chi-square distribution with k degrees of freedom: P(X ≥ x).
 *
 * @example
 * ```ts
 * chiSquareSurvival(3.841458820694124, 1) //≈ 0.05
 * ```
 */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (x <= 0) return 1;
  return 1 - regularizedGammaP(degreesOfFreedom / 2, x / 2);
}

/**
 * Two-sided p-value of a Student t statistic with ν degrees of freedom.
 *
 * @example
 * ```ts
 * studentTTwoSidedPValue(2.2281388519649385, 10) //≈ 0.05
 * ```
 */
export function studentTTwoSidedPValue(tStatistic: number, degreesOfFreedom: number): number {
  const x = degreesOfFreedom / (degreesOfFreedom + tStatistic * tStatistic);
  return regularizedBeta(x, degreesOfFreedom / 2, 0.5);
}
