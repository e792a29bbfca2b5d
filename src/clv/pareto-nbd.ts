/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987, "Counting Your Customers", Management Science 33(1);
 * likelihood and expressions in the form of Fader & Hardie 2005, brucehardie.com/notes/009): while active, a
 * customer buys at a Poisson rate λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β).
 * Exported as the namespace `paretoNbd`.
 *
 * Times (t, tx, T) are in the model's time unit (`fitted.timeUnit`); α and β are in that unit too.
 *
 * @module
 */
import { betaln, lgamma, logHyp2f1 } from '../core/index.js';
import { expectedCustomersByPurchases as byPurchases } from './beta-geometric.js';
import type {
  DiscountOptions,
  PurchaseData,
  PurchaseFitOptions,
  RecencyFrequency,
  RecencyFrequencyColumns,
} from './data.js';
import { fitMaximumLikelihood, type FittedModel, type LikelihoodSpec } from './fit.js';
import { discountedSurvivalIntegral, sigmoid, tanhSinhUnit } from './numerics.js';
import { logA0, logA0TermValue, logTerms, paretoLikelihood } from './pareto-nbd-likelihood.js';
import { factorizedColumns } from './prediction-columns.js';
import { prepareFit, type PreparedData } from './prepare.js';
import { withRejectedRows, type RejectedRows } from './row-screening.js';
import { refineWithSubsampleCurvature, subsample, WARM_START_ROWS, type RefinableLikelihood } from './warm-start.js';
import {
  paretoProcess,
  simulate as simulateProcess,
  type SimulatedPurchases,
  type SimulationOptions,
} from './simulate-purchases.js';

/**
 * Pareto/NBD parameters: r and α (purchase rate λ ~ Gamma(shape r, rate α)), s and β (dropout rate
 * μ ~ Gamma(shape s, rate β)); α and β in the model's time unit.
 *
 * @example
 * ```ts
 * const cdnow: ParetoNbdParams = { r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.669 }; // weeks
 * ```
 */
export interface ParetoNbdParams {
  /** Shape of the purchase-rate heterogeneity. */
  readonly r: number;
  /** Rate of the purchase-rate heterogeneity, in the model's time unit. */
  readonly alpha: number;
  /** Shape of the dropout-rate heterogeneity. */
  readonly s: number;
  /** Rate of the dropout-rate heterogeneity, in the model's time unit. */
  readonly beta: number;
}

/**
 * A fitted Pareto/NBD model: the {@link FittedModel} fields plus `kind: 'paretoNbd'`, the rejected input rows ({@link RejectedRows}).
 *
 * @example
 * ```ts
 * const model: ParetoNbdModel = paretoNbd.fit(summary);
 * model.kind //=> 'paretoNbd'
 * ```
 */
export interface ParetoNbdModel extends FittedModel<Pick<ParetoNbdParams, keyof ParetoNbdParams>>, RejectedRows {
  /** Discriminator. */
  readonly kind: 'paretoNbd';
}

function checkParams(params: ParetoNbdParams): void {
  if (!(params.r > 0 && params.alpha > 0 && params.s > 0 && params.beta > 0)) {
    throw new RangeError('[clientele] Pareto/NBD parameters r, alpha, s, beta must all be > 0');
  }
}

/** [1 − (1 + u)^(−(s−1))]/(s − 1), continuous at s = 1 (where it is ln(1 + u)). */
function survivalIntegralFactor(u: number, s: number): number {
  const y = -Math.log1p(u);
  const epsilon = s - 1;
  return epsilon === 0 ? -y : -Math.expm1(epsilon * y) / epsilon;
}

/**
 * Fits Pareto/NBD by maximum likelihood (Fader & Hardie 2005 note 009, with the α ≥ β / α < β branches of the
 * hypergeometric terms): log-parameters, exact analytic gradient (the ₂F₁ series differentiated term by term),
 * BFGS with a Nelder–Mead fallback, several data-scaled starting points, compressed data. The likelihood is very
 * flat in β on CDNOW (published β range from 11.66 to 11.67 at the same log-likelihood). Invalid rows are left out
 * and reported in `rejected`/`issues` (no valid row: `converged: false`); only a missing or conflicting time unit
 * throws.
 *
 * @example
 * ```ts
 * const model = paretoNbd.fit(cdnowSummary);
 * model.params //≈ { r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.67 }
 * model.logLikelihood //≈ -9594.976
 * ```
 */
export function fit(data: PurchaseData, options: PurchaseFitOptions = {}): ParetoNbdModel {
  const prepared = prepareFit(data, options.timeUnit);
  const spec = (
    p: PreparedData,
  ): LikelihoodSpec<Record<'r' | 'alpha' | 's' | 'beta', number>> & RefinableLikelihood => {
    const ll = paretoLikelihood(p);
    const rate = p.meanRate;
    const age = p.meanAge;
    return {
      names: ['r', 'alpha', 's', 'beta'],
      logLikelihood: ll.value,
      gradient: ll.gradient,
      starts: [
        [1, 1 / rate, 1, age],
        [0.5, 0.5 / rate, 0.5, age],
        [2, 2 / rate, 1, 2 * age],
        [0.5, 0.5 / rate, 1, age / 2],
      ],
      observations: p.observations,
      timeUnit: p.timeUnit,
    };
  };
  let full = spec(prepared);
  let warmIterations = 0;
  let start = options.initialParams;
  const sample = start === undefined ? subsample(prepared, WARM_START_ROWS) : undefined;
  if (sample !== undefined) {
    // Large data: fit a systematic subsample, then quasi-Newton steps on all rows with the subsample's curvature
    // down to the gradient's rounding noise; the optimiser below then starts at the full-data optimum and confirms
    // it at once (from a cold start its line searches spend most of the time hunting in that noise).
    const sampleSpec = spec(sample);
    const warm = fitMaximumLikelihood<Record<'r' | 'alpha' | 's' | 'beta', number>>(sampleSpec, options);
    warmIterations = warm.iterations;
    if (warm.converged) {
      const { r, alpha, s, beta } = warm.params;
      const refined = refineWithSubsampleCurvature(full, sampleSpec, [r, alpha, s, beta], options.penalty ?? 0);
      warmIterations += refined.iterations;
      const [rr, ra, rs, rb] = refined.theta as [number, number, number, number];
      start = { r: rr, alpha: ra, s: rs, beta: rb };
      if (refined.gradientNorm < 1e-7) full = { ...full, gradientTolerance: 1e-7 };
    }
  }
  const fitted = fitMaximumLikelihood<Record<'r' | 'alpha' | 's' | 'beta', number>>(full, {
    ...options,
    ...(start === undefined ? {} : { initialParams: start }),
  });
  return {
    kind: 'paretoNbd',
    ...withRejectedRows({ ...fitted, iterations: fitted.iterations + warmIterations }, prepared, prepared.observations),
  };
}

/**
 * Probability that a customer with history (x, tx, T) is still active at T:
 * 1/(1 + s/(r + s + x)·(α + T)^(r+x)(β + T)^s·A₀) (note 009), in log space (no overflow for x = 10⁴).
 *
 * @example
 * ```ts
 * paretoNbd.probabilityAlive({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, { x: 26, tx: 30.86, T: 31 }) //≈ 0.9979
 * ```
 */
export function probabilityAlive(params: ParetoNbdParams, customer: RecencyFrequency): number {
  checkParams(params);
  return aliveProbability(params, customer.x, customer.tx, customer.T);
}

function aliveProbability(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (tx >= T) return 1;
  const { logE, logTx, logT } = logTerms(params, x, tx, T);
  const logRatio = Math.log(params.s / (params.r + params.s + x)) - logE + logA0(logTx, logT);
  return sigmoid(-logRatio);
}

function aliveExpectedPurchases(params: ParetoNbdParams, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  return (
    (((params.r + x) * (params.beta + T)) / (params.alpha + T)) *
    survivalIntegralFactor(t / (params.beta + T), params.s)
  );
}

/**
 * Expected number of purchases in (T, T + t] of a customer with history (x, tx, T):
 * P(alive)·(r + x)(β + T)/((α + T)(s − 1))·[1 − ((β + T)/(β + T + t))^(s−1)] (note 009; continuous at
 * s = 1).
 *
 * @example
 * ```ts
 * paretoNbd.conditionalExpectedPurchases({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, 52, { x: 26, tx: 30.86, T: 31 }) //≈ 25.46
 * ```
 */
export function conditionalExpectedPurchases(params: ParetoNbdParams, t: number, customer: RecencyFrequency): number {
  checkParams(params);
  const alive = aliveProbability(params, customer.x, customer.tx, customer.T);
  return alive === 0 ? 0 : alive * aliveExpectedPurchases(params, customer.x, customer.T, t);
}

/**
 * Expected number of repeat purchases of a new customer in (0, t]: rβ/(α(s − 1))·[1 − (β/(β + t))^(s−1)]
 * (note 009).
 *
 * @example
 * ```ts
 * paretoNbd.expectedPurchases({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, 52) //≈ 1.4734
 * ```
 */
export function expectedPurchases(params: ParetoNbdParams, t: number): number {
  checkParams(params);
  if (!(t > 0)) return 0;
  return ((params.r * params.beta) / params.alpha) * survivalIntegralFactor(t / params.beta, params.s);
}

/**
 * Probability that a new customer makes exactly n repeat purchases in (0, t] (Fader & Hardie, "Deriving an
 * Expression for P(X(t) = x) Under the Pareto/NBD Model", brucehardie.com/notes/012): the customer alive
 * throughout, (β/(β + t))^s·NB(n), plus the closed form of dying before t with ₂F₁ terms; where that difference
 * cancels badly (tiny probabilities) the "died before t" part is integrated numerically instead.
 *
 * @example
 * ```ts
 * paretoNbd.probabilityOfPurchases({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 0, 39) //≈ 0.59602
 * ```
 */
export function probabilityOfPurchases(params: ParetoNbdParams, n: number, t: number): number {
  checkParams(params);
  if (!(Number.isInteger(n) && n >= 0))
    throw new RangeError('[clientele] the number of purchases must be a non-negative integer');
  if (!(t >= 0)) throw new RangeError('[clientele] t must be ≥ 0');
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, s, beta } = params;
  const logNb = lgamma(r + n) - lgamma(r) - lgamma(n + 1);
  const alive = Math.exp(
    logNb - r * Math.log1p(t / alpha) + n * (Math.log(t) - Math.log(alpha + t)) - s * Math.log1p(t / beta),
  );
  const logPrefactor = r * Math.log(alpha) + s * Math.log(beta) + betaln(r + n, s + 1) - betaln(r, s);
  const c = r + s + n + 1;
  const big = Math.max(alpha, beta);
  const second = alpha >= beta ? s + 1 : r + n;
  const z0 = Math.abs(alpha - beta) / big;
  const zt = Math.abs(alpha - beta) / (big + t);
  const logB1 = logHyp2f1(r + s, second, c, z0) - (r + s) * Math.log(big);
  let relative = 0;
  for (let i = 0; i <= n; i++) {
    const logB2 = logHyp2f1(r + s + i, second, c, zt) - (r + s + i) * Math.log(big + t);
    const logCoefficient = lgamma(r + s + i) - lgamma(r + s) - lgamma(i + 1) + i * Math.log(t);
    relative += Math.exp(logCoefficient + logB2 - logB1);
  }
  const bracket = 1 - relative;
  if (bracket > 1e-6) return alive + Math.exp(logPrefactor + logB1) * bracket;
  return alive + diedBefore(params, n, t, logNb);
}

/**
 * ∫₀ᵗ f(τ) NB_τ(n) dτ by tanh-sinh quadrature after u = τ/(α + τ):
 * s β^s α Γ(r + n)/(Γ(r) n!) ∫₀^U uⁿ (1 − u)^(r+s−1) (β + (α − β)u)^(−(s+1)) du, U = t/(α + t).
 */
function diedBefore(params: ParetoNbdParams, n: number, t: number, logNb: number): number {
  const { r, alpha, s, beta } = params;
  const U = t / (alpha + t);
  const oneMinusU = alpha / (alpha + t);
  const logConstant = Math.log(s) + s * Math.log(beta) + logNb + Math.log(alpha) + Math.log(U);
  return tanhSinhUnit((p, q, logP, _logQ, logWeight) => {
    const u = U * p;
    const logU = Math.log(U) + logP;
    const logOneMinusU = Math.log(oneMinusU + U * q);
    const logLinear = Math.log(beta + (alpha - beta) * u);
    return Math.exp(logConstant + n * logU + (r + s - 1) * logOneMinusU - (s + 1) * logLinear + logWeight);
  }, 1e-10);
}

/**
 * Expected number of customers with 0, 1, …, maxPurchases − 1, and maxPurchases or more repeat purchases over
 * their own calibration periods, Σᵢ P(X(Tᵢ) = n) (BTYD's `pnbd.PlotFrequencyInCalibration`); maxPurchases + 1
 * entries.
 *
 * @example
 * ```ts
 * paretoNbd.expectedCustomersByPurchases(model.params, summary, { maxPurchases: 7 }) // 8 numbers summing to the customer count
 * ```
 */
export function expectedCustomersByPurchases(
  params: ParetoNbdParams,
  data: PurchaseData,
  options: { readonly maxPurchases: number },
): number[] {
  checkParams(params);
  return byPurchases((n, t) => probabilityOfPurchases(params, n, t), data, options.maxPurchases);
}

/**
 * Discounted expected residual transactions (DERT) at continuous rate δ per time unit (Fader, Hardie & Lee 2005,
 * "RFM and CLV: Using Iso-Value Curves", JMR 42, eq. 2): P(alive)·(r + x)(β + T)/(α + T)·J(s, δ(β + T)) with
 * J(s, z) = ∫₀^∞ e^(−zu)(1 + u)^(−s) du = z^(s−1) U(s, s, z), computed without the cancellation of the 1F1
 * form (CLVTools issue #171).
 *
 * @example
 * ```ts
 * paretoNbd.discountedExpectedResidualTransactions(
 *   { r: 0.5629966, alpha: 12.5590370, s: 0.4081095, beta: 10.5148048 }, { x: 7, tx: 35, T: 77.86 }, { discountRate: 0.0027 },
 * ) //≈ 1.86418 (BTYD's pnbd.DERT example)
 * ```
 */
export function discountedExpectedResidualTransactions(
  params: ParetoNbdParams,
  customer: RecencyFrequency,
  options: DiscountOptions,
): number {
  checkParams(params);
  if (!(options.discountRate > 0)) throw new RangeError('[clientele] the continuous discount rate must be > 0');
  const alive = aliveProbability(params, customer.x, customer.tx, customer.T);
  return alive === 0 ? 0 : alive * aliveDiscounted(params, customer.x, customer.T, options.discountRate);
}

function aliveDiscounted(params: ParetoNbdParams, x: number, T: number, delta: number): number {
  const horizon = params.beta + T;
  return (((params.r + x) * horizon) / (params.alpha + T)) * discountedSurvivalIntegral(params.s, delta * horizon);
}

/**
 * P(alive) for many customers at once.
 *
 * @example
 * ```ts
 * paretoNbd.probabilityAliveColumns(params, columns) // Float64Array
 * ```
 */
export function probabilityAliveColumns(params: ParetoNbdParams, columns: RecencyFrequencyColumns): Float64Array {
  checkParams(params);
  return factorizedColumns(columns, cachedAliveProbability(params), () => 1);
}

/**
 * P(alive) with the A₀ terms L(t) cached per (x, t): customers share ages (days), so a million customers need
 * only as many series as distinct (x, age) pairs.
 */
function cachedAliveProbability(params: ParetoNbdParams): (x: number, tx: number, T: number) => number {
  const cache = new Map<number, Map<number, number>>();
  const term = (x: number, t: number): number => {
    let byT = cache.get(x);
    if (byT === undefined) {
      byT = new Map();
      cache.set(x, byT);
    }
    let value = byT.get(t);
    if (value === undefined) {
      value = logA0TermValue(params, x, t);
      byT.set(t, value);
    }
    return value;
  };
  return (x, tx, T) => {
    if (tx >= T) return 1;
    const logE = -(params.r + x) * Math.log(params.alpha + T) - params.s * Math.log(params.beta + T);
    const logRatio = Math.log(params.s / (params.r + params.s + x)) - logE + logA0(term(x, tx), term(x, T));
    return sigmoid(-logRatio);
  };
}

/**
 * Conditional expected purchases in the next t time units for many customers at once.
 *
 * @example
 * ```ts
 * paretoNbd.conditionalExpectedPurchasesColumns(params, 52, columns) // Float64Array
 * ```
 */
export function conditionalExpectedPurchasesColumns(
  params: ParetoNbdParams,
  t: number,
  columns: RecencyFrequencyColumns,
): Float64Array {
  checkParams(params);
  return factorizedColumns(columns, cachedAliveProbability(params), (x, T) => aliveExpectedPurchases(params, x, T, t));
}

/**
 * DERT for many customers at once.
 *
 * @example
 * ```ts
 * paretoNbd.discountedExpectedResidualTransactionsColumns(params, columns, { discountRate: 0.0018 }) // Float64Array
 * ```
 */
export function discountedExpectedResidualTransactionsColumns(
  params: ParetoNbdParams,
  columns: RecencyFrequencyColumns,
  options: DiscountOptions,
): Float64Array {
  checkParams(params);
  if (!(options.discountRate > 0)) throw new RangeError('[clientele] the continuous discount rate must be > 0');
  return factorizedColumns(columns, cachedAliveProbability(params), (x, T) =>
    aliveDiscounted(params, x, T, options.discountRate),
  );
}

/**
 * Simulates Pareto/NBD customers from given parameters (seeded): each draws λ and μ and an exponential lifetime,
 * and buys at rate λ until it ends; observed for T (and a holdout window when given).
 *
 * @example
 * ```ts
 * const data = paretoNbd.simulate({ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, { customers: 20_000, T: 39, seed: 1 });
 * ```
 */
export function simulate(params: ParetoNbdParams, options: SimulationOptions): SimulatedPurchases {
  checkParams(params);
  return simulateProcess(paretoProcess(params.r, params.alpha, params.s, params.beta), options);
}
