/**
 * Shifted-beta-geometric (sBG) model of contract retention (Fader & Hardie 2007, "How to Project Customer
 * Retention", Journal of Interactive Marketing 21(1); Fader & Hardie 2010, "Customer-Base Valuation in a
 * Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1)).
 *
 * Each customer renews at the end of every period with probability 1 − θ, θ ~ Beta(α, β) across customers.
 * The lifetime T (periods until cancellation) then has P(T = t) = B(α+1, β+t−1)/B(α, β) and survival
 * S(t) = P(T > t) = B(α, β+t)/B(α, β); the retention rate r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1) rises with t
 * because the customers most likely to cancel leave first. Exported as the namespace `sbg`.
 *
 * @module
 */
import { betaln, digamma, joinPath, makeIssue, type ValidationIssue } from '../core/index.js';
import { betaGeometricDiscountedSum } from './beta-geometric-series.js';
import { fitMaximumLikelihood, type FitOptions, type FittedModel } from './fit.js';
import type { TimeUnit } from './units.js';

/**
 * sBG parameters: the churn probability θ ~ Beta(α, β).
 *
 * @example
 * ```ts
 * const highEnd: SbgParams = { alpha: 0.668, beta: 3.806 }; // Fader & Hardie (2007)
 * ```
 */
export interface SbgParams {
  /** First shape parameter of the Beta distribution of the per-period churn probability. */
  readonly alpha: number;
  /** Second shape parameter of the Beta distribution of the per-period churn probability. */
  readonly beta: number;
}

/**
 * One cohort: the number of customers still active at the start of periods 0, 1, 2, … (`survivors[0]` is the
 * cohort size). Counts may be fractional (e.g. percentages of a cohort); they must not increase.
 *
 * @example
 * ```ts
 * const highEnd: SbgCohort = { survivors: [1000, 869, 743, 653, 593, 551, 517, 491] };
 * ```
 */
export interface SbgCohort {
  /** Active customers at the start of each period, starting with the cohort size. */
  readonly survivors: readonly number[];
}

/**
 * Options of {@link fit}.
 *
 * @example
 * ```ts
 * const options: SbgFitOptions = { timeUnit: { days: 365.25 } };
 * ```
 */
export interface SbgFitOptions extends FitOptions {
  /** Length of one contract period, carried into the fitted model. */
  readonly timeUnit: TimeUnit;
}

/**
 * A fitted sBG model: the common {@link FittedModel} fields, `kind: 'sbg'` and the cohorts that were rejected.
 *
 * @example
 * ```ts
 * const model: SbgModel = sbg.fit([{ survivors: [1000, 631, 468, 382, 326, 289, 262, 241] }], { timeUnit: { days: 365.25 } });
 * model.params //≈ { alpha: 0.704, beta: 1.182 }
 * ```
 */
export interface SbgModel extends FittedModel<Pick<SbgParams, keyof SbgParams>> {
  /** Discriminator. */
  readonly kind: 'sbg';
  /** Indices of rejected cohorts, ascending. */
  readonly rejected: number[];
  /** Issues of the rejected cohorts (`cohorts[i].survivors[j]`). */
  readonly issues: ValidationIssue[];
}

/**
 * Options of the discounted-lifetime predictions.
 *
 * @example
 * ```ts
 * const options: SbgDiscountOptions = { discountRate: 0.1, renewals: 0 };
 * ```
 */
export interface SbgDiscountOptions {
  /** Discount rate per period (> 0). */
  readonly discountRate: number;
  /** Renewals the customer has already made (n − 1 in Fader & Hardie 2010); default 0. */
  readonly renewals?: number;
}

interface Outcome {
  /** Lifetime t (1-based period of cancellation), or the censoring point for survivors. */
  readonly t: number;
  /** true: cancelled after exactly t periods (P(T = t)); false: still active after t periods (S(t)). */
  readonly cancelled: boolean;
  readonly weight: number;
}

function assertParams(params: SbgParams): void {
  for (const name of ['alpha', 'beta'] as const) {
    const v = params[name];
    if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`[clientele] sBG parameter ${name} must be a finite positive number`);
  }
}

function assertPeriod(t: number, min: number, name: string): void {
  if (!(t >= min) || !Number.isFinite(t)) throw new RangeError(`[clientele] ${name} must be a finite number >= ${min}`);
}

function validateCohorts(cohorts: readonly SbgCohort[]): { outcomes: Outcome[]; rejected: number[]; issues: ValidationIssue[]; customers: number } {
  const outcomes: Outcome[] = [];
  const rejected: number[] = [];
  const issues: ValidationIssue[] = [];
  let customers = 0;
  if (!Array.isArray(cohorts)) {
    return { outcomes, rejected, issues: [makeIssue('cohorts', 'array of { survivors: number[] }', cohorts)], customers };
  }
  const list = cohorts as readonly unknown[];
  for (let c = 0; c < list.length; c++) {
    const path = joinPath('cohorts', c);
    const cohort = list[c];
    const survivors = cohort !== null && typeof cohort === 'object' ? (cohort as Record<string, unknown>).survivors : undefined;
    if (!Array.isArray(survivors)) {
      issues.push(makeIssue(joinPath(path, 'survivors'), 'array of survivor counts', survivors));
      rejected.push(c);
      continue;
    }
    const before = issues.length;
    const counts = survivors as readonly unknown[];
    if (counts.length < 2) issues.push(makeIssue(joinPath(path, 'survivors'), 'at least two counts (cohort size and one later period)', counts));
    for (let t = 0; t < counts.length; t++) {
      const v = counts[t];
      const at = joinPath(joinPath(path, 'survivors'), t);
      if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) issues.push(makeIssue(at, 'finite non-negative count', v));
      else if (t === 0 && v === 0) issues.push(makeIssue(at, 'positive cohort size', v));
      else if (t > 0 && typeof counts[t - 1] === 'number' && v > (counts[t - 1] as number)) {
        issues.push(makeIssue(at, `a count not above the previous period's (${counts[t - 1] as number})`, v));
      }
    }
    if (issues.length > before) {
      rejected.push(c);
      continue;
    }
    const s = counts as readonly number[];
    customers += s[0]!;
    for (let t = 1; t < s.length; t++) {
      const lost = s[t - 1]! - s[t]!;
      if (lost > 0) outcomes.push({ t, cancelled: true, weight: lost });
    }
    const last = s[s.length - 1]!;
    if (last > 0) outcomes.push({ t: s.length - 1, cancelled: false, weight: last });
  }
  return { outcomes, rejected, issues, customers };
}

/** Weighted log-likelihood and gradient: ln P(T=t) = lnB(α+1, β+t−1) − lnB(α,β); ln S(t) = lnB(α, β+t) − lnB(α,β). */
function totalLogLikelihood(theta: readonly number[], outcomes: readonly Outcome[], withGradient: boolean): { value: number; gradient: number[] } {
  const alpha = theta[0]!;
  const beta = theta[1]!;
  const lb = betaln(alpha, beta);
  const psiAB = withGradient ? digamma(alpha + beta) : 0;
  const psiA = withGradient ? digamma(alpha) : 0;
  const psiB = withGradient ? digamma(beta) : 0;
  let value = 0;
  let dA = 0;
  let dB = 0;
  for (const { t, cancelled, weight } of outcomes) {
    const a = cancelled ? alpha + 1 : alpha;
    const b = cancelled ? beta + t - 1 : beta + t;
    value += weight * (betaln(a, b) - lb);
    if (withGradient) {
      const psiSum = digamma(a + b);
      dA += weight * (digamma(a) - psiSum - psiA + psiAB);
      dB += weight * (digamma(b) - psiSum - psiB + psiAB);
    }
  }
  return { value, gradient: [dA, dB] };
}

/**
 * Fits the sBG model by maximum likelihood to one or more cohorts' survivor counts (log-parameters, analytic
 * gradient). A cohort observed for k periods contributes (n_{t−1} − n_t)·ln P(T = t) for t = 1..k and
 * n_k·ln S(k). Invalid cohorts are left out and reported.
 *
 * @example
 * ```ts
 * const fitted = sbg.fit([{ survivors: [1000, 869, 743, 653, 593, 551, 517, 491] }], { timeUnit: { days: 365.25 } });
 * fitted.params //≈ { alpha: 0.668, beta: 3.806 } (Fader & Hardie 2007, High End)
 * fitted.logLikelihood //≈ -1611.158
 * ```
 */
export function fit(cohorts: readonly SbgCohort[], options: SbgFitOptions): SbgModel {
  const { outcomes, rejected, issues, customers } = validateCohorts(cohorts);
  const fitted = fitMaximumLikelihood<{ alpha: number; beta: number }>(
    {
      names: ['alpha', 'beta'],
      logLikelihood: (theta) => totalLogLikelihood(theta, outcomes, false).value,
      gradient: (theta) => totalLogLikelihood(theta, outcomes, true).gradient,
      starts: [
        [1, 1],
        [0.5, 5],
        [5, 0.5],
      ],
      observations: customers,
      timeUnit: options.timeUnit,
    },
    options,
  );
  return {
    kind: 'sbg',
    ...fitted,
    converged: fitted.converged && customers > 0,
    message: customers === 0 ? 'no valid cohorts' : fitted.message,
    rejected,
    issues,
  };
}

/**
 * Survival S(t) = P(T > t) = B(α, β+t)/B(α, β): the share of a new cohort still active after t periods.
 *
 * @example
 * ```ts
 * sbg.survival({ alpha: 0.668, beta: 3.806 }, 8) //≈ 0.460 (holdout year 8; actual 46.8%)
 * ```
 */
export function survival(params: SbgParams, t: number): number {
  assertParams(params);
  assertPeriod(t, 0, 't');
  return Math.exp(betaln(params.alpha, params.beta + t) - betaln(params.alpha, params.beta));
}

/**
 * Retention rate of period t, r(t) = S(t)/S(t−1) = (β + t − 1)/(α + β + t − 1), t ≥ 1: the share of customers
 * active in period t − 1 who renew for period t.
 *
 * @example
 * ```ts
 * sbg.retentionRate({ alpha: 0.704, beta: 1.182 }, 1) //≈ 0.627
 * sbg.retentionRate({ alpha: 0.704, beta: 1.182 }, 5) //≈ 0.880
 * ```
 */
export function retentionRate(params: SbgParams, t: number): number {
  assertParams(params);
  assertPeriod(t, 1, 't');
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * Probability that a new customer cancels after exactly t periods, P(T = t) = B(α+1, β+t−1)/B(α, β), t ≥ 1 (the
 * unconditional churn probability of period t; the conditional one is 1 − r(t)).
 *
 * @example
 * ```ts
 * sbg.churnProbability({ alpha: 1, beta: 1 }, 1) //≈ 0.5
 * ```
 */
export function churnProbability(params: SbgParams, t: number): number {
  assertParams(params);
  assertPeriod(t, 1, 't');
  return Math.exp(betaln(params.alpha + 1, params.beta + t - 1) - betaln(params.alpha, params.beta));
}

/**
 * Discounted expected residual lifetime (DERL, Fader & Hardie 2010 eq. 6) of a customer who has made `renewals`
 * renewals (n − 1 in the paper), just before the next renewal decision: the expected number of future periods paid
 * for, the next one undiscounted and each later one discounted by (1 + d) per period,
 *
 *   DERL = Σ_{t≥n} S(t)/S(n−1) · (1+d)^−(t−n) = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)),
 *
 * summed as a positive series with a proven truncation bound. Multiply by the margin per period for the customer's
 * residual value.
 *
 * @example
 * ```ts
 * sbg.discountedExpectedResidualLifetime({ alpha: 3.8, beta: 15.2 }, { discountRate: 0.1 }) //≈ 3.31 (FH 2010 Table 3)
 * sbg.discountedExpectedResidualLifetime({ alpha: 3.8, beta: 15.2 }, { discountRate: 0.1, renewals: 4 }) //≈ 3.84
 * ```
 */
export function discountedExpectedResidualLifetime(params: SbgParams, options: SbgDiscountOptions): number {
  assertParams(params);
  const d = options.discountRate;
  if (!(d > 0) || !Number.isFinite(d)) throw new RangeError('[clientele] discountRate must be a finite positive number');
  const renewals = options.renewals ?? 0;
  if (!Number.isInteger(renewals) || renewals < 0) throw new RangeError('[clientele] renewals must be a non-negative integer');
  const n = renewals + 1;
  const { alpha, beta } = params;
  return ((beta + n - 1) / (alpha + beta + n - 1)) * betaGeometricDiscountedSum(alpha, beta + n, 1 / (1 + d)).value;
}

/**
 * Discounted expected lifetime of a new customer, counting the first period (paid now, undiscounted):
 * Σ_{t≥0} S(t)/(1+d)^t = ₂F₁(1, β; α+β; 1/(1+d)). Times the margin per period, it is the expected value of a newly
 * acquired customer.
 *
 * @example
 * ```ts
 * sbg.discountedExpectedLifetime({ alpha: 1, beta: 1 }, { discountRate: 0.1 }) //≈ 2.6377 (= 1.1·ln 11)
 * ```
 */
export function discountedExpectedLifetime(params: SbgParams, options: Pick<SbgDiscountOptions, 'discountRate'>): number {
  assertParams(params);
  const d = options.discountRate;
  if (!(d > 0) || !Number.isFinite(d)) throw new RangeError('[clientele] discountRate must be a finite positive number');
  return betaGeometricDiscountedSum(params.alpha, params.beta, 1 / (1 + d)).value;
}
