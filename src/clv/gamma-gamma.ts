/**
 * The Gamma-Gamma model of monetary value (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value",
 * brucehardie.com/notes/025; Fader, Hardie & Lee 2005, "RFM and CLV", JMR 42).
 *
 * A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so E[Z | ν] = p/ν and the
 * population mean spend is pγ/(q − 1). The observed mean z̄ of x repeat transactions is Gamma(px, νx) given ν.
 * Spend is assumed independent of the purchase process (the data check reports the correlation). Exported as the
 * namespace `gammaGamma`.
 *
 * @module
 */
import { digamma, lgamma, type ValidationIssue } from '../core/index.js';
import { fitMaximumLikelihood, type FitOptions, type FittedModel } from './fit.js';
import { resolveTimeUnit } from './prepare.js';
import { prepareGammaGammaData, type GammaGammaData, type GammaGammaDataCheck, type PreparedGammaGammaData } from './gamma-gamma-data.js';
import { withRejectedRows } from './row-screening.js';
import type { TimeUnit } from './units.js';

export type {
  CalibrationSpendColumns,
  CalibrationSpendRow,
  CalibrationSpendSummary,
  GammaGammaColumns,
  GammaGammaData,
  GammaGammaDataCheck,
  GammaGammaRow,
  GammaGammaWarning,
} from './gamma-gamma-data.js';

/**
 * Gamma-Gamma parameters (lifetimes names them p, q, v).
 *
 * @example
 * ```ts
 * const cdnow: GammaGammaParams = { p: 6.2487, q: 3.7446, gamma: 15.448 };
 * ```
 */
export interface GammaGammaParams {
  /** Shape of the transaction-value distribution given ν. */
  readonly p: number;
  /** Shape of the Gamma distribution of ν across customers. */
  readonly q: number;
  /** Rate (scale of spend) of the Gamma distribution of ν across customers. */
  readonly gamma: number;
}

/**
 * A customer's observed spend: `x` repeat purchases with mean value `mean`.
 *
 * @example
 * ```ts
 * const spend: SpendHistory = { x: 2, mean: 22.35 };
 * ```
 */
export interface SpendHistory {
  /** Number of repeat purchases. */
  readonly x: number;
  /** Mean value of the repeat purchases (ignored when x = 0). */
  readonly mean: number;
}

/**
 * Options of {@link fit}.
 *
 * @example
 * ```ts
 * const options: GammaGammaFitOptions = { correlationThreshold: 0.3, qGreaterThanOne: true };
 * ```
 */
export interface GammaGammaFitOptions extends FitOptions {
  /**
   * Time unit of the purchase model this spend model goes with (carried for consistency; spend has no time). Taken
   * from a calibration summary when the data are one; must agree with it when both are given.
   */
  readonly timeUnit?: TimeUnit;
  /** |Pearson r| of frequency and mean spend above which the data check warns (default 0.3). */
  readonly correlationThreshold?: number;
  /**
   * Constrain q > 1 so the population mean spend pγ/(q − 1) is finite (lifetimes' `q_constraint`); the optimiser
   * then works on ln(q − 1) and an L2 `penalty` applies to q − 1. Default false.
   */
  readonly qGreaterThanOne?: boolean;
}

/**
 * A fitted Gamma-Gamma model: the common {@link FittedModel} fields, `kind: 'gammaGamma'` (so it can be passed as
 * plain data to `customerLifetimeValue`), the data check (exclusions, spend–frequency correlation, warnings) and the
 * rejected input rows.
 *
 * @example
 * ```ts
 * const model: GammaGammaModel = gammaGamma.fit(summary);
 * model.dataCheck.spendFrequencyCorrelation //≈ 0.1139 on CDNOW
 * ```
 */
export interface GammaGammaModel extends FittedModel<Pick<GammaGammaParams, keyof GammaGammaParams>> {
  /** Discriminator. */
  readonly kind: 'gammaGamma';
  /** What the data check found. */
  readonly dataCheck: GammaGammaDataCheck;
  /** Input indices of invalid rows (non-numeric, negative or fractional x, non-finite mean), ascending. */
  readonly rejected: number[];
  /** Issues of the invalid rows. */
  readonly issues: ValidationIssue[];
}

function assertParams(params: GammaGammaParams): void {
  for (const name of ['p', 'q', 'gamma'] as const) {
    const v = params[name];
    if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`[clientele] Gamma-Gamma parameter ${name} must be a finite positive number`);
  }
}

/** Weighted total log-likelihood (note 025 eq. 1a, every term kept) and its gradient in (p, q, γ). */
function totalLogLikelihood(theta: readonly number[], data: PreparedGammaGammaData, withGradient: boolean): { value: number; gradient: number[] } {
  const p = theta[0]!;
  const q = theta[1]!;
  const g = theta[2]!;
  const lgQ = lgamma(q);
  const logG = Math.log(g);
  const psiQ = withGradient ? digamma(q) : 0;
  let value = 0;
  let dp = 0;
  let dq = 0;
  let dg = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!;
    const m = data.mean[i]!;
    const w = data.weight[i]!;
    const px = p * x;
    const logX = Math.log(x);
    const logM = Math.log(m);
    const logGmx = Math.log(g + m * x);
    value += w * (lgamma(px + q) - lgamma(px) - lgQ + q * logG + (px - 1) * logM + px * logX - (px + q) * logGmx);
    if (withGradient) {
      const psiPxQ = digamma(px + q);
      dp += w * x * (psiPxQ - digamma(px) + logM + logX - logGmx);
      dq += w * (psiPxQ - psiQ + logG - logGmx);
      dg += w * (q / g - (px + q) / (g + m * x));
    }
  }
  return { value, gradient: [dp, dq, dg] };
}

/**
 * Fits the Gamma-Gamma model by maximum likelihood on the customers with x > 0 and a positive mean spend
 * (log-parameters, analytic gradient). The result carries a data check: customers without repeat purchases and
 * customers with non-positive mean spend are counted (not silently dropped), and the weighted Pearson correlation
 * of frequency and mean spend is reported, with a warning above `correlationThreshold`.
 *
 * @example
 * ```ts
 * // CDNOW (cdnow_customers_summary_with_transactions.csv: x, zbar):
 * const fitted = gammaGamma.fit(rows.map((r) => ({ x: r.x, mean: r.zbar })), { timeUnit: 'week' });
 * fitted.params //≈ { p: 6.2487, q: 3.7446, gamma: 15.448 }
 * fitted.dataCheck.customersUsed //=> 946
 * ```
 */
export function fit(data: GammaGammaData, options: GammaGammaFitOptions = {}): GammaGammaModel {
  const dataUnit = data !== null && typeof data === 'object' && 'timeUnit' in data ? (data as { timeUnit?: TimeUnit }).timeUnit : undefined;
  const timeUnit = resolveTimeUnit(dataUnit, options.timeUnit);
  const prepared = prepareGammaGammaData(data, options.correlationThreshold === undefined ? {} : { correlationThreshold: options.correlationThreshold });
  let average = 0;
  for (let i = 0; i < prepared.x.length; i++) average += prepared.weight[i]! * prepared.mean[i]!;
  average = prepared.customers > 0 ? average / prepared.customers : 1;
  const shift = options.qGreaterThanOne === true ? 1 : 0;
  const fromTheta = (theta: readonly number[]): number[] => [theta[0]!, theta[1]! + shift, theta[2]!];
  const initial = options.initialParams;
  const fitted = fitMaximumLikelihood<{ p: number; q: number; gamma: number }>(
    {
      names: ['p', 'q', 'gamma'],
      logLikelihood: (theta) => totalLogLikelihood(fromTheta(theta), prepared, false).value,
      gradient: (theta) => totalLogLikelihood(fromTheta(theta), prepared, true).gradient,
      starts: [
        [1, 2 - shift, average],
        [1, 1, 1],
        [5, 4 - shift, 10 * average],
      ],
      observations: prepared.customers,
      timeUnit,
    },
    {
      ...options,
      ...(initial === undefined ? {} : { initialParams: { ...initial, q: (initial.q ?? 2) - shift } }),
    },
  );
  const params: GammaGammaParams = { p: fitted.params.p, q: fitted.params.q + shift, gamma: fitted.params.gamma };
  return {
    kind: 'gammaGamma',
    ...withRejectedRows({ ...fitted, params }, prepared, prepared.customers, 'no customers with repeat purchases and positive spend'),
    dataCheck: prepared.check,
  };
}

/**
 * One customer's log-likelihood of the observed mean spend (note 025 eq. 1a, with the z̄^(px−1) x^(px) terms),
 * for x > 0 and mean > 0.
 *
 * @example
 * ```ts
 * gammaGamma.logLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, { x: 2, mean: 22.35 }) // a finite negative number
 * ```
 */
export function logLikelihood(params: GammaGammaParams, spend: SpendHistory): number {
  assertParams(params);
  if (!(Number.isInteger(spend.x) && spend.x > 0) || !(spend.mean > 0) || !Number.isFinite(spend.mean)) {
    throw new RangeError('[clientele] the Gamma-Gamma likelihood needs x a positive integer and mean > 0');
  }
  return totalLogLikelihood([params.p, params.q, params.gamma], { x: [spend.x], mean: [spend.mean], weight: [1] } as PreparedGammaGammaData, false).value;
}

/**
 * Expected average transaction value of a new customer (the population mean), pγ/(q − 1); `Infinity` when q ≤ 1
 * (no finite mean: fit with `qGreaterThanOne`).
 *
 * @example
 * ```ts
 * gammaGamma.expectedAverageSpend({ p: 6.25, q: 3.74, gamma: 15.44 }) //≈ 35.219
 * ```
 */
export function expectedAverageSpend(params: GammaGammaParams): number {
  assertParams(params);
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : Number.POSITIVE_INFINITY;
}

/**
 * Conditional expected average transaction value of a customer with `x` repeat purchases of mean value `mean`:
 * E[Z | p, q, γ, z̄, x] = p(γ + x z̄)/(px + q − 1) (note 025 eq. 5), a weighted average of the population mean
 * pγ/(q−1) and the customer's mean z̄ with weights (q−1)/(px+q−1) and px/(px+q−1). For x = 0 it is the population
 * mean.
 *
 * @example
 * ```ts
 * gammaGamma.conditionalExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, { x: 2, mean: 22.35 }) //≈ 24.65
 * gammaGamma.conditionalExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, { x: 0, mean: 0 }) //≈ 35.22
 * ```
 */
export function conditionalExpectedSpend(params: GammaGammaParams, spend: SpendHistory): number {
  assertParams(params);
  const { x, mean } = spend;
  if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError('[clientele] x must be a finite non-negative number');
  if (x === 0) return expectedAverageSpend(params);
  if (!Number.isFinite(mean)) throw new RangeError('[clientele] mean must be a finite number');
  const { p, q, gamma } = params;
  return (p * (gamma + x * mean)) / (p * x + q - 1);
}

/**
 * Columnar {@link conditionalExpectedSpend}: one expected spend per customer, into a Float64Array.
 * Rows with x = 0 get the population mean; non-finite inputs give NaN.
 *
 * @example
 * ```ts
 * gammaGamma.conditionalExpectedSpendColumns({ p: 6.25, q: 3.74, gamma: 15.44 }, { x: [2, 0], mean: [22.35, 0] })
 * //≈ Float64Array [24.65, 35.22]
 * ```
 */
export function conditionalExpectedSpendColumns(
  params: GammaGammaParams,
  columns: { readonly x: ArrayLike<number>; readonly mean: ArrayLike<number> },
): Float64Array {
  assertParams(params);
  const { p, q, gamma } = params;
  const populationMean = expectedAverageSpend(params);
  const out = new Float64Array(columns.x.length);
  for (let i = 0; i < out.length; i++) {
    const x = columns.x[i]!;
    out[i] = x === 0 ? populationMean : x > 0 ? (p * (gamma + x * columns.mean[i]!)) / (p * x + q - 1) : Number.NaN;
  }
  return out;
}
