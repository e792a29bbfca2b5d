/**
 * BG/BB likelihood (Fader, Hardie & Shang 2010, eq. 5) in log space, with its analytic gradient.
 *
 * For a customer with x transactions in n opportunities, the last in opportunity t_x:
 *
 *   L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *     + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ).
 *
 * The sum's terms decrease in i; they are accumulated relative to the first one through the ratios of consecutive
 * beta functions, so the cost per customer is O(n − t_x) multiplications and one logarithm, and nothing overflows
 * for x and n in the tens of thousands.
 *
 * @module
 */
import { betaln, digamma } from '../core/index.js';

/**
 * BG/BB parameters: transaction probability p ~ Beta(α, β), dropout probability θ ~ Beta(γ, δ).
 *
 * @example
 * ```ts
 * const donations: BgBbParams = { alpha: 1.2035, beta: 0.7497, gamma: 0.6568, delta: 2.7837 };
 * ```
 */
export interface BgBbParams {
  /** First shape parameter of the Beta distribution of the transaction probability p. */
  readonly alpha: number;
  /** Second shape parameter of the Beta distribution of the transaction probability p. */
  readonly beta: number;
  /** First shape parameter of the Beta distribution of the dropout probability θ. */
  readonly gamma: number;
  /** Second shape parameter of the Beta distribution of the dropout probability θ. */
  readonly delta: number;
}

/**
 * One customer's discrete-time history: `x` transactions in `n` opportunities, the last one in opportunity `tx`
 * (`tx = 0` when `x = 0`). Opportunities are numbered 1..n after the customer's first (acquisition) transaction.
 *
 * @example
 * ```ts
 * const donor: BgBbHistory = { x: 4, tx: 5, n: 6 }; // gave in 4 of the 6 years 1996–2001, last in 2000
 * ```
 */
export interface BgBbHistory {
  /** Number of opportunities with a transaction (repeat transactions). */
  readonly x: number;
  /** The opportunity of the last transaction (0 if none). */
  readonly tx: number;
  /** Number of opportunities observed. */
  readonly n: number;
}

/**
 * The pieces of one customer's likelihood, in logs: the "still alive after n" term and the "dropped out in
 * t_x + 1 .. n" sum. The log-likelihood is `logAddExp(logAlive, logDropped)`.
 *
 * @example
 * ```ts
 * const parts: BgBbLikelihoodParts = bgBbLikelihoodParts({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, { x: 0, tx: 0, n: 1 });
 * // logAlive = ln(1/2 · 1/2), logDropped = logFirstDropped = ln(1/2)
 * ```
 */
export interface BgBbLikelihoodParts {
  /** ln[B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)]. */
  readonly logAlive: number;
  /** ln of the dropout sum; −Infinity when t_x = n. */
  readonly logDropped: number;
  /** ln of the first (largest) term of the dropout sum; −Infinity when t_x = n. */
  readonly logFirstDropped: number;
}

/**
 * The two parts of a customer's BG/BB likelihood (see {@link BgBbLikelihoodParts}).
 *
 * @example
 * ```ts
 * const { logAlive, logDropped } = bgBbLikelihoodParts({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, { x: 0, tx: 0, n: 1 });
 * Math.exp(logAlive) + Math.exp(logDropped) //≈ 0.75
 * ```
 */
export function bgBbLikelihoodParts(params: BgBbParams, history: BgBbHistory): BgBbLikelihoodParts {
  const { alpha, beta, gamma, delta } = params;
  const { x, tx, n } = history;
  const lbAB = betaln(alpha, beta);
  const lbGD = betaln(gamma, delta);
  const logAlive = betaln(alpha + x, beta + n - x) - lbAB + betaln(gamma, delta + n) - lbGD;
  const terms = n - tx;
  if (terms <= 0) return { logAlive, logDropped: Number.NEGATIVE_INFINITY, logFirstDropped: Number.NEGATIVE_INFINITY };
  const y = tx - x;
  const logFirst = betaln(alpha + x, beta + y) - lbAB + betaln(gamma + 1, delta + tx) - lbGD;
  // term_{i+1}/term_i = (β+y+i)/(α+β+x+y+i) · (δ+t_x+i)/(γ+δ+t_x+i+1)
  let relative = 1;
  let sum = 1;
  for (let i = 0; i < terms - 1; i++) {
    relative *= ((beta + y + i) / (alpha + beta + x + y + i)) * ((delta + tx + i) / (gamma + delta + tx + i + 1));
    sum += relative;
  }
  return { logAlive, logDropped: logFirst + Math.log(sum), logFirstDropped: logFirst };
}

/**
 * ln(eᵃ + eᵇ) without overflow.
 *
 * @example
 * ```ts
 * logAddExp(Math.log(2), Math.log(3)) //≈ Math.log(5)
 * ```
 */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * One customer's BG/BB log-likelihood, ln L(α, β, γ, δ | x, t_x, n) (FHS 2010 eq. 5; no constant dropped).
 *
 * @example
 * ```ts
 * bgBbLogLikelihood({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, { x: 0, tx: 0, n: 1 }) //≈ Math.log(0.75)
 * ```
 */
export function bgBbLogLikelihood(params: BgBbParams, history: BgBbHistory): number {
  const parts = bgBbLikelihoodParts(params, history);
  return logAddExp(parts.logAlive, parts.logDropped);
}

/**
 * Weighted total BG/BB log-likelihood and its gradient with respect to (α, β, γ, δ), over compressed rows
 * (each distinct (x, t_x, n) once with the number of customers as weight). The gradient is exact: each term of L
 * is a ratio of beta functions whose log-derivatives are digamma differences, updated along the sum with
 * ψ(z+1) = ψ(z) + 1/z.
 *
 * @example
 * ```ts
 * const rows = { x: [0, 1], tx: [0, 1], n: [1, 1], weight: [3, 1] };
 * const { value, gradient } = bgBbTotalLogLikelihood([1, 1, 1, 1], rows, true);
 * ```
 */
export function bgBbTotalLogLikelihood(
  theta: readonly number[],
  rows: { readonly x: ArrayLike<number>; readonly tx: ArrayLike<number>; readonly n: ArrayLike<number>; readonly weight: ArrayLike<number> },
  withGradient: boolean,
): { value: number; gradient: number[] } {
  const alpha = theta[0]!;
  const beta = theta[1]!;
  const gamma = theta[2]!;
  const delta = theta[3]!;
  const params: BgBbParams = { alpha, beta, gamma, delta };
  let value = 0;
  let dAlpha = 0;
  let dBeta = 0;
  let dGamma = 0;
  let dDelta = 0;
  const psiA = withGradient ? digamma(alpha) : 0;
  const psiB = withGradient ? digamma(beta) : 0;
  const psiAB = withGradient ? digamma(alpha + beta) : 0;
  const psiG = withGradient ? digamma(gamma) : 0;
  const psiD = withGradient ? digamma(delta) : 0;
  const psiGD = withGradient ? digamma(gamma + delta) : 0;
  const psiG1 = psiG + 1 / gamma;
  for (let r = 0; r < rows.x.length; r++) {
    const x = rows.x[r]!;
    const tx = rows.tx[r]!;
    const n = rows.n[r]!;
    const w = rows.weight[r]!;
    if (w === 0) continue;
    const parts = bgBbLikelihoodParts(params, { x, tx, n });
    const ll = logAddExp(parts.logAlive, parts.logDropped);
    value += w * ll;
    if (!withGradient) continue;
    // Alive term share and its log-derivatives.
    const shareAlive = Math.exp(parts.logAlive - ll);
    const psiAx = digamma(alpha + x);
    const psiABn = digamma(alpha + beta + n);
    const psiGDn = digamma(gamma + delta + n);
    let gA = shareAlive * (psiAx - psiABn - psiA + psiAB);
    let gB = shareAlive * (digamma(beta + n - x) - psiABn - psiB + psiAB);
    let gG = shareAlive * (psiGD - psiGDn);
    let gD = shareAlive * (digamma(delta + n) - psiGDn - psiD + psiGD);
    const terms = n - tx;
    if (terms > 0 && parts.logDropped > Number.NEGATIVE_INFINITY) {
      const y = tx - x;
      let share = Math.exp(parts.logFirstDropped - ll);
      let pBy = digamma(beta + y);
      let pABxy = digamma(alpha + beta + x + y);
      let pDt = digamma(delta + tx);
      let pGDt1 = digamma(gamma + delta + tx + 1);
      for (let i = 0; i < terms; i++) {
        gA += share * (psiAx - pABxy - psiA + psiAB);
        gB += share * (pBy - pABxy - psiB + psiAB);
        gG += share * (psiG1 - pGDt1 - psiG + psiGD);
        gD += share * (pDt - pGDt1 - psiD + psiGD);
        share *= ((beta + y + i) / (alpha + beta + x + y + i)) * ((delta + tx + i) / (gamma + delta + tx + i + 1));
        if (share < 1e-300) break;
        pBy += 1 / (beta + y + i);
        pABxy += 1 / (alpha + beta + x + y + i);
        pDt += 1 / (delta + tx + i);
        pGDt1 += 1 / (gamma + delta + tx + i + 1);
      }
    }
    dAlpha += w * gA;
    dBeta += w * gB;
    dGamma += w * gG;
    dDelta += w * gD;
  }
  return { value, gradient: [dAlpha, dBeta, dGamma, dDelta] };
}
