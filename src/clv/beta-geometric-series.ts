/**
 * The discounted beta-geometric series shared by the discrete-time models (BG/BB's DERT, sBG's DERL):
 *
 *   S(a, b, z) = Σ_{k≥0} [B(a, b + k) / B(a, b)] · z^k = ₂F₁(1, b; a + b; z),  a > 0, b > 0, 0 ≤ z < 1.
 *
 * It is the expected value of 1 / (1 − z·(1 − θ)) for θ ~ Beta(a, b): the discounted expected number of periods a
 * customer survives when survival from one period to the next is 1 − θ and each later period is discounted by z.
 *
 * @module
 */

/**
 * Result of {@link betaGeometricDiscountedSum}: the value, the number of series terms used and a proven upper bound
 * on the truncation error.
 *
 * @example
 * ```ts
 * const sum: BetaGeometricSum = betaGeometricDiscountedSum(1, 1, 0.5);
 * sum.value //≈ 1.386294361 (= 2·ln 2)
 * ```
 */
export interface BetaGeometricSum {
  /** The sum S(a, b, z) = ₂F₁(1, b; a + b; z). */
  readonly value: number;
  /** Number of terms summed. */
  readonly terms: number;
  /** Proven upper bound on |S − value| (the truncation error; rounding adds about terms·2⁻⁵³·value). */
  readonly errorBound: number;
}

/** Upper limit on the number of series terms (reached only for discount rates below about 4e-7 per period). */
const MAX_TERMS = 100_000_000;

/**
 * Sums ₂F₁(1, b; a + b; z) = Σ_k (b)_k / (a + b)_k · z^k for a > 0, b > 0 and 0 ≤ z < 1.
 *
 * Every term is positive and the ratio of consecutive terms, r_k = z·(b + k)/(a + b + k), increases towards z
 * (because a > 0). So after term t_K the tail is bounded above by t_K·z/(1 − z) and below by t_K·r_K/(1 − r_K).
 * Summation stops when the bound is below 1e-16 of the sum; the tail is then estimated by the midpoint of the two
 * bounds, and `errorBound` is half their difference. The cost is O(log(1/ε) / (1 − z)) terms, e.g. about 400 terms
 * for z = 1/1.1 and 37,000 for z = 1/1.001.
 *
 * @throws RangeError (`[clientele] ...`) when a ≤ 0, b ≤ 0, z outside [0, 1), or z so close to 1 that more than
 * 10⁸ terms would be needed.
 *
 * @example
 * ```ts
 * // sBG DERL of Fader & Hardie (2010), α = 3.8, β = 15.2, d = 0.1, first period: β/(α+β)·₂F₁(1, β+1; α+β+1; 1/1.1)
 * const derl = (15.2 / 19) * betaGeometricDiscountedSum(3.8, 16.2, 1 / 1.1).value; //≈ 3.31
 * ```
 */
export function betaGeometricDiscountedSum(a: number, b: number, z: number): BetaGeometricSum {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError('[clientele] betaGeometricDiscountedSum needs finite a > 0 and b > 0');
  }
  if (!(z >= 0) || !(z < 1)) throw new RangeError('[clientele] betaGeometricDiscountedSum needs 0 <= z < 1');
  if (z === 0) return { value: 1, terms: 1, errorBound: 0 };
  const c = a + b;
  const geometricTail = z / (1 - z);
  let sum = 1;
  let compensation = 0;
  let term = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    const ratio = (z * (b + k)) / (c + k);
    const upper = term * geometricTail;
    if (upper <= 1e-16 * sum) {
      const lower = (term * ratio) / (1 - ratio);
      return { value: sum + compensation + (upper + lower) / 2, terms: k + 1, errorBound: (upper - lower) / 2 };
    }
    term *= ratio;
    // Neumaier compensation keeps the rounding error independent of the number of terms.
    const total = sum + term;
    compensation += sum - total + term;
    sum = total;
  }
  throw new RangeError('[clientele] discount rate too small: the discounted series needs more than 1e8 terms');
}
