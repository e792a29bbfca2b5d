/**
 * What the purchase process implies on average for a base acquired uniformly over a window: purchases per person
 * and the share still alive at `asOf`. Used to calibrate α to a target and by tests as the oracle.
 *
 * For one person with rate λ and dropout probability p, dropout comes at the purchases of a Poisson(λ) process
 * thinned with probability p, so the time to dropout is Exponential(λp), P(alive at t | λ, p) = e^{−λpt} and the
 * expected number of repeat purchases by t is (1 − e^{−λpt})/p. Integrating λ ~ Gamma(r, α) gives (α/(α+pt))^r,
 * averaging t uniformly over [0, W] gives the closed form
 * S(p) = (α / (pW(1−r))) · ((1 + pW/α)^{1−r} − 1) (r ≠ 1; log form at r = 1), and p ~ Beta(a, b) is integrated
 * numerically (tanh-sinh quadrature, which handles the endpoint singularities of the Beta density).
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { betaln } from '../core/index.js';
import type { BgNbdParameters } from './options.js';

/**
 * The model's expectations for a base acquired uniformly over a window of W days before `asOf`.
 *
 * @example
 * ```ts
 * const stats: ExpectedPurchaseStatistics = { purchasesPerCustomer: 10.03, repeatPurchasesPerCustomer: 9.03, shareAlive: 0.43 };
 * ```
 */
export interface ExpectedPurchaseStatistics {
  /** Mean purchases per person observed by `asOf`, the first (acquisition) purchase included. */
  readonly purchasesPerCustomer: number;
  /** Mean repeat purchases per person observed by `asOf`. */
  readonly repeatPurchasesPerCustomer: number;
  /** Expected share of persons who have not dropped out by `asOf`. */
  readonly shareAlive: number;
}

/** Mean over y ∈ [0, x] of (1 + y)^(−r): the survival factor averaged over a uniform exposure. */
function meanSurvival(x: number, r: number): number {
  if (x < 1e-3) return 1 - (r * x) / 2 + (r * (r + 1) * x * x) / 6 - (r * (r + 1) * (r + 2) * x * x * x) / 24;
  if (Math.abs(1 - r) < 1e-12) return Math.log1p(x) / x;
  return Math.expm1((1 - r) * Math.log1p(x)) / (x * (1 - r));
}

/** (1 − meanSurvival(x, r)) / p with x = pW/α, stable as p → 0. */
function meanRepeats(p: number, x: number, r: number, windowOverAlpha: number): number {
  if (x < 1e-3) return windowOverAlpha * (r / 2 - (r * (r + 1) * x) / 6 + (r * (r + 1) * (r + 2) * x * x) / 24);
  return (1 - meanSurvival(x, r)) / p;
}

const STEP = 1 / 32;
const HALF_WIDTH = 5;

/**
 * The expected purchases per person and share alive at `asOf` for a base acquired uniformly over `windowDays` days
 * (first purchase at acquisition, repeat purchases and dropout from the BG/NBD process).
 *
 * @example
 * ```ts
 * expectedPurchaseStatistics({ r: 0.75, alpha: 9, a: 0.793, b: 4.852 }, 730).purchasesPerCustomer //≈ 10.03
 * ```
 */
export function expectedPurchaseStatistics(parameters: BgNbdParameters, windowDays: number): ExpectedPurchaseStatistics {
  const { r, alpha, a, b } = parameters;
  const logBeta = betaln(a, b);
  const windowOverAlpha = windowDays / alpha;
  let repeats = 0;
  let alive = 0;
  let mass = 0;
  const last = Math.round(HALF_WIDTH / STEP);
  for (let k = -last; k <= last; k++) {
    const s = k * STEP;
    const u = (Math.PI / 2) * Math.sinh(s);
    const logP = -Math.log1p(Math.exp(-2 * u));
    const logQ = -Math.log1p(Math.exp(2 * u));
    // dp = π p q cosh(s) ds, so density × dp = exp(a ln p + b ln q − ln B(a, b)) π cosh(s) ds.
    const weight = Math.exp(a * logP + b * logQ - logBeta) * Math.PI * Math.cosh(s) * STEP;
    if (!(weight > 0) || !Number.isFinite(weight)) continue;
    const p = Math.exp(logP);
    const x = p * windowOverAlpha;
    mass += weight;
    repeats += weight * meanRepeats(p, x, r, windowOverAlpha);
    alive += weight * meanSurvival(x, r);
  }
  const repeatPurchasesPerCustomer = repeats / mass;
  return { purchasesPerCustomer: 1 + repeatPurchasesPerCustomer, repeatPurchasesPerCustomer, shareAlive: alive / mass };
}

/**
 * Solves the rate parameter α (days) so that the expected purchases per person over the window equal `target`,
 * keeping r, a and b. Expected purchases fall as α grows, so the root is bracketed and bisected on log α.
 * A left carries the reason when the target cannot be reached (too high for the dropout distribution, or ≤ 1).
 *
 * @example
 * ```ts
 * solvePurchaseScale({ r: 0.75, alpha: 9, a: 0.793, b: 4.852 }, 730, 10) //=> right(9.04…)
 * ```
 */
export function solvePurchaseScale(parameters: BgNbdParameters, windowDays: number, target: number): E.Either<string, number> {
  if (!(target > 1) || !Number.isFinite(target)) return E.left('a target above 1 purchase per customer');
  const at = (logAlpha: number): number =>
    expectedPurchaseStatistics({ ...parameters, alpha: Math.exp(logAlpha) }, windowDays).purchasesPerCustomer;
  let lo = Math.log(1e-6);
  let hi = Math.log(1e9);
  const highest = at(lo);
  if (!(highest > target)) {
    return E.left(`at most ${highest.toFixed(2)} purchases per customer with a = ${parameters.a}, b = ${parameters.b}, r = ${parameters.r}`);
  }
  if (!(at(hi) < target)) return E.left('a target the purchase process can reach');
  for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid) > target) lo = mid;
    else hi = mid;
  }
  return E.right(Math.exp((lo + hi) / 2));
}
