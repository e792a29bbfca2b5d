/**
 * BG/NBD closed forms (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing Science 24(2)),
 * implemented here so the churn module can turn a fitted model passed in as data into P(alive) and expected
 * purchases without importing `clientele/clv`.
 *
 * @module
 */
import type { BgNbdParams, BtydSummary } from './inputs.js';

function logOddsDead(params: BgNbdParams, summary: BtydSummary): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = summary;
  if (x <= 0) return Number.NEGATIVE_INFINITY;
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/**
 * Probability that a customer is still alive given (x, tx, T) (FHL 2005 eq. 13):
 * P(alive) = 1 / (1 + 1[x>0] · a/(b+x−1) · ((α+T)/(α+tx))^(r+x)), evaluated in log space (no overflow for large x).
 * `NaN` for invalid input (non-positive parameters, tx > T, negative x).
 *
 * @example
 * ```ts
 * const p = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
 * bgnbdProbabilityAlive(p, { x: 26, tx: 30.85714, T: 31 }) //≈ 0.968852
 * bgnbdProbabilityAlive(p, { x: 0, tx: 0, T: 40 }) //=> 1
 * ```
 */
export function bgnbdProbabilityAlive(params: BgNbdParams, summary: BtydSummary): number {
  if (!validParams(params) || !validSummary(summary)) return Number.NaN;
  const z = logOddsDead(params, summary);
  return z > 700 ? 0 : 1 / (1 + Math.exp(z));
}

function validParams(p: BgNbdParams): boolean {
  return p.r > 0 && p.alpha > 0 && p.a > 0 && p.b > 0 && Number.isFinite(p.r + p.alpha + p.a + p.b);
}

function validSummary(s: BtydSummary): boolean {
  return s.x >= 0 && s.tx >= 0 && s.T >= s.tx && Number.isFinite(s.x + s.tx + s.T);
}

/**
 * Expected number of purchases in the next `t` time units given (x, tx, T) (FHL 2005 eq. 10):
 * E[Y(t)] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + δ·…),
 * with the Gauss series of ₂F₁ summed term by term already multiplied by the (tiny) power, so it neither
 * overflows nor underflows for frequent buyers. `NaN` for invalid input or a = 1.
 *
 * @example
 * ```ts
 * const p = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
 * bgnbdExpectedPurchases(p, { x: 2, tx: 30.43, T: 38.86 }, 39) //≈ 1.2259
 * ```
 */
export function bgnbdExpectedPurchases(params: BgNbdParams, summary: BtydSummary, t: number): number {
  if (!validParams(params) || !validSummary(summary) || !(t >= 0) || params.a === 1) return Number.NaN;
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = summary;
  const A = r + x;
  const B = b + x;
  const C = a + b + x - 1;
  const z = t / (alpha + T + t);
  // term_0 = ((α+T)/(α+T+t))^(r+x); term_{k+1} = term_k · (A+k)(B+k) / ((C+k)(k+1)) · z
  let term = Math.exp(A * (Math.log(alpha + T) - Math.log(alpha + T + t)));
  let sum = term;
  for (let k = 0; k < 100_000; k++) {
    const ratio = (((A + k) * (B + k)) / ((C + k) * (k + 1))) * z;
    term *= ratio;
    sum += term;
    if (ratio < 1 && term <= 1e-16 * sum) break;
  }
  const numerator = ((a + b + x - 1) / (a - 1)) * (1 - sum);
  const oddsDead = logOddsDead(params, summary);
  return oddsDead > 700 ? 0 : numerator / (1 + Math.exp(oddsDead));
}

/**
 * Probability that a customer who is still active drops out within the next `t` time units (derived here from
 * FHL 2005's model): under BG/NBD a customer can only leave right after a purchase, and given alive at T the
 * posteriors are λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x), independent, so the chance of still being alive
 * after `t` is S(t) = E[e^(−λ·p·t)] = ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x; t/(α+T+t)) (Euler's integral and
 * Pfaff's transformation). Returns 1 − S(t). Multiply by {@link bgnbdProbabilityAlive} for the unconditional
 * chance that the departure happens in the window. `NaN` for invalid input.
 *
 * @example
 * ```ts
 * const p = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
 * bgnbdDropoutProbability(p, { x: 2, tx: 30.43, T: 38.86 }, 13) //≈ 0.08999
 * ```
 */
export function bgnbdDropoutProbability(params: BgNbdParams, summary: BtydSummary, t: number): number {
  if (!validParams(params) || !validSummary(summary) || !(t >= 0)) return Number.NaN;
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = summary;
  const A = r + x;
  const B = b + x;
  const C = a + b + x;
  const z = t / (alpha + T + t);
  let term = Math.exp(A * (Math.log(alpha + T) - Math.log(alpha + T + t)));
  let survive = term;
  for (let k = 0; k < 100_000; k++) {
    const ratio = (((A + k) * (B + k)) / ((C + k) * (k + 1))) * z;
    term *= ratio;
    survive += term;
    if (ratio < 1 && term <= 1e-16 * survive) break;
  }
  return Math.max(0, 1 - Math.min(1, survive));
}
