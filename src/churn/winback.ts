/**
 * Win-back evaluation: a treated group against a held-out control, reactivation within a window, the uplift with
 * a Newcombe interval and a two-proportion z-test, incremental revenue, and the sample size needed to detect a
 * target uplift.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import {
  dayNumber,
  isoDateOfDayNumber,
  MS_PER_DAY,
  normalCdf,
  normalInterval,
  normalQuantile,
  toInstant,
  twoSidedPValue,
  wilsonInterval,
  type ColumnarTransactions,
  type DateInput,
  type Interval,
  type Transaction,
} from '../core/index.js';
import { buildPurchaseIndex } from './history.js';

/**
 * Options of {@link winBackSampleSize}.
 *
 * @example
 * ```ts
 * const options: SampleSizeOptions = { baselineRate: 0.1, uplift: 0.05, power: 0.8 };
 * ```
 */
export interface SampleSizeOptions {
  /** Reactivation rate expected without treatment (the control rate), 0-1. */
  readonly baselineRate: number;
  /** Absolute uplift to detect (treated rate − baseline rate), e.g. 0.05. */
  readonly uplift: number;
  /** Two-sided significance level (default 0.05). */
  readonly alpha?: number;
  /** Power (default 0.8). */
  readonly power?: number;
  /** Control size ÷ treatment size (default 1). */
  readonly controlRatio?: number;
}

/**
 * Customers per group of a test.
 *
 * @example
 * ```ts
 * const sizes: GroupSizes = { treatment: 686, control: 686 };
 * ```
 */
export interface GroupSizes {
  /** Treated customers. */
  readonly treatment: number;
  /** Held-out control customers. */
  readonly control: number;
}

/**
 * The group sizes needed for a target uplift.
 *
 * @example
 * ```ts
 * const required: RequiredSampleSize = { targetUplift: 0.05, treatment: 686, control: 686 };
 * ```
 */
export interface RequiredSampleSize extends GroupSizes {
  /** The absolute uplift the sizes aim at. */
  readonly targetUplift: number;
}

/**
 * Customers needed per group to detect an absolute uplift in a reactivation rate with a two-sided two-proportion
 * z-test (Fleiss, Levin & Paik 2003, §4.2, without continuity correction):
 * n₁ = (z₁₋α/₂·√(p̄q̄(1 + 1/r)) + z₁₋β·√(p₁q₁ + p₀q₀/r))² / Δ², n₀ = r·n₁, p̄ = (p₁ + r·p₀)/(1 + r).
 * `null` when the inputs make no sense (rates outside (0,1), zero uplift).
 *
 * @example
 * ```ts
 * winBackSampleSize({ baselineRate: 0.1, uplift: 0.05 }) //=> { treatment: 686, control: 686 }
 * ```
 */
export function winBackSampleSize(options: SampleSizeOptions): GroupSizes | null {
  const p0 = options.baselineRate;
  const p1 = p0 + options.uplift;
  const r = options.controlRatio ?? 1;
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  if (!(p0 > 0 && p0 < 1 && p1 > 0 && p1 < 1 && options.uplift !== 0 && r > 0 && alpha > 0 && alpha < 1 && power > 0 && power < 1)) return null;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const pBar = (p1 + r * p0) / (1 + r);
  const root = za * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / r)) + zb * Math.sqrt(p1 * (1 - p1) + (p0 * (1 - p0)) / r);
  const n1 = Math.ceil((root * root) / (options.uplift * options.uplift) - 1e-9);
  return { treatment: n1, control: Math.ceil(r * n1 - 1e-9) };
}

/**
 * One arm of a win-back test.
 *
 * @example
 * ```ts
 * const arm: WinBackArm = { customers: 1000, reactivated: 130, rate: 0.13, interval: { lower: 0.11, upper: 0.152, level: 0.95 }, revenue: 5400, revenuePerCustomer: 5.4 };
 * ```
 */
export interface WinBackArm {
  /** Customers in the arm. */
  readonly customers: number;
  /** Customers with a purchase in the window. */
  readonly reactivated: number;
  /** reactivated ÷ customers. */
  readonly rate: number;
  /** Wilson interval of the rate. */
  readonly interval: Interval;
  /** Net revenue (purchases − refunds) in the window. */
  readonly revenue: number;
  /** revenue ÷ customers. */
  readonly revenuePerCustomer: number;
}

/**
 * The result of {@link evaluateWinBack}.
 *
 * @example
 * ```ts
 * const r = evaluateWinBack({ transactions }, { treatment, control, startAt: '2024-05-01', windowDays: 60 });
 * // r.right.uplift.estimate, r.right.uplift.pValue, r.right.incrementalRevenue.estimate
 * ```
 */
export interface WinBackEvaluation {
  /** The reactivation window. */
  readonly window: {
    /** First day (ISO date). */
    readonly start: string;
    /** First day after the window (ISO date). */
    readonly endExclusive: string;
    /** Length in days. */
    readonly days: number;
  };
  /** The treated arm. */
  readonly treatment: WinBackArm;
  /** The control arm. */
  readonly control: WinBackArm;
  /** Treated rate − control rate, with Newcombe's hybrid score interval and a pooled two-proportion z-test. */
  readonly uplift: {
    /** rate₁ − rate₀. */
    readonly estimate: number;
    /** Newcombe (1998) method 10 interval. */
    readonly interval: Interval;
    /** Pooled two-proportion z statistic. */
    readonly z: number;
    /** Two-sided p-value of z. */
    readonly pValue: number;
    /** Uplift ÷ control rate (`null` when the control rate is 0). */
    readonly relative: number | null;
  };
  /** Extra reactivations attributable to the treatment: (rate₁ − rate₀) × treated customers. */
  readonly incrementalReactivations: number;
  /** (revenue per treated − revenue per control) × treated customers, with a normal (Welch) interval. */
  readonly incrementalRevenue: {
    /** Point estimate. */
    readonly estimate: number;
    /** Normal interval from the arms' revenue variances. */
    readonly interval: Interval;
  };
  /** Customers per group needed to detect `targetUplift` at the observed control rate (null if not computable). */
  readonly requiredSampleSize: RequiredSampleSize | null;
  /** Whether both groups reach the required size. */
  readonly adequatelyPowered: boolean | null;
}

/**
 * Why a win-back evaluation was refused.
 *
 * @example
 * ```ts
 * const refusal: WinBackRefusal = { code: 'empty-group', message: 'the control group is empty' };
 * ```
 */
export interface WinBackRefusal {
  /** Machine-readable reason. */
  readonly code: 'empty-group' | 'overlapping-groups' | 'invalid-window';
  /** Human-readable explanation. */
  readonly message: string;
}

/**
 * Options of {@link evaluateWinBack}.
 *
 * @example
 * ```ts
 * const options: EvaluateWinBackOptions = { treatment: ['c1'], control: ['c2'], startAt: '2024-05-01', windowDays: 60 };
 * ```
 */
export interface EvaluateWinBackOptions {
  /** Customer ids that received the campaign. */
  readonly treatment: readonly string[];
  /** Customer ids held out as control. */
  readonly control: readonly string[];
  /** Campaign start: the window begins on this day. */
  readonly startAt: DateInput;
  /** Window length in days (purchases on days start … start + windowDays − 1 count). */
  readonly windowDays: number;
  /** Confidence level (default 0.95). */
  readonly level?: number;
  /** Absolute uplift the sample-size check aims at (default 0.05). */
  readonly targetUplift?: number;
  /** Power of the sample-size check (default 0.8). */
  readonly power?: number;
  /** IANA zone for calendar days (default UTC). */
  readonly timeZone?: string;
}

function newcombeInterval(x1: number, n1: number, x0: number, n0: number, level: number): Interval {
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const a = wilsonInterval(x1, n1, level);
  const b = wilsonInterval(x0, n0, level);
  const d = p1 - p0;
  return {
    lower: d - Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p0) ** 2),
    upper: d + Math.sqrt((a.upper - p1) ** 2 + (p0 - b.lower) ** 2),
    level,
  };
}

/**
 * Evaluates a win-back campaign from transactions: reactivation = at least one purchase in the window after
 * `startAt`; revenue = net amount in the window. Refuses (never throws) empty or overlapping groups and a
 * non-positive window. Duplicate ids within a group count once.
 *
 * @example
 * ```ts
 * const result = evaluateWinBack({ transactions }, { treatment: treatedIds, control: controlIds, startAt: '2024-05-01', windowDays: 60 });
 * if (result._tag === 'Right') result.right.uplift.pValue;
 * ```
 */
export function evaluateWinBack(
  data: { readonly transactions?: readonly Transaction[]; readonly columns?: ColumnarTransactions },
  options: EvaluateWinBackOptions,
): E.Either<WinBackRefusal, WinBackEvaluation> {
  const treatment = [...new Set(options.treatment)];
  const control = [...new Set(options.control)];
  if (treatment.length === 0 || control.length === 0) {
    return E.left({ code: 'empty-group', message: `the ${treatment.length === 0 ? 'treatment' : 'control'} group is empty` });
  }
  const treatedSet = new Set(treatment);
  const overlap = control.filter((id) => treatedSet.has(id));
  if (overlap.length > 0) {
    return E.left({ code: 'overlapping-groups', message: `${overlap.length} customer(s) are in both groups, e.g. ${overlap.slice(0, 3).join(', ')}` });
  }
  if (!(Number.isInteger(options.windowDays) && options.windowDays > 0)) {
    return E.left({ code: 'invalid-window', message: `windowDays must be a positive integer, got ${options.windowDays}` });
  }
  const level = options.level ?? 0.95;
  const calendar = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const startDay = dayNumber(toInstant(options.startAt, calendar), calendar);
  const endDay = startDay + options.windowDays;
  // Index every row before the end of the window, then keep the window's days.
  const endMs = (endDay + 2) * MS_PER_DAY;
  const index = buildPurchaseIndex(data, { asOfMs: endMs, timeZone: options.timeZone, customerIds: [...treatment, ...control] });
  const reactivated = new Map<string, boolean>();
  const revenue = new Map<string, number>();
  for (let k = 0; k < index.ids.length; k++) {
    let bought = false;
    let net = 0;
    for (let j = index.offsets[k]!; j < index.offsets[k + 1]!; j++) {
      const d = index.day[j]!;
      if (d < startDay || d >= endDay) continue;
      net += index.amount[j]!;
      if (index.refund[j] === 0) bought = true;
    }
    reactivated.set(index.ids[k]!, bought);
    revenue.set(index.ids[k]!, net);
  }
  const arm = (ids: readonly string[]): WinBackArm & { readonly variance: number } => {
    let hits = 0;
    let sum = 0;
    let sumSq = 0;
    for (const id of ids) {
      if (reactivated.get(id) === true) hits++;
      const r = revenue.get(id) ?? 0;
      sum += r;
      sumSq += r * r;
    }
    const n = ids.length;
    const mean = sum / n;
    const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
    return { customers: n, reactivated: hits, rate: hits / n, interval: wilsonInterval(hits, n, level), revenue: sum, revenuePerCustomer: mean, variance };
  };
  const t1 = arm(treatment);
  const t0 = arm(control);
  const d = t1.rate - t0.rate;
  const pooled = (t1.reactivated + t0.reactivated) / (t1.customers + t0.customers);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / t1.customers + 1 / t0.customers));
  const z = se > 0 ? d / se : 0;
  const revenueSe = Math.sqrt(t1.variance / t1.customers + t0.variance / t0.customers) * t1.customers;
  const target = options.targetUplift ?? 0.05;
  const size = winBackSampleSize({ baselineRate: t0.rate, uplift: target, alpha: 1 - level, power: options.power ?? 0.8 });
  const strip = (a: WinBackArm & { readonly variance: number }): WinBackArm => ({
    customers: a.customers,
    reactivated: a.reactivated,
    rate: a.rate,
    interval: a.interval,
    revenue: a.revenue,
    revenuePerCustomer: a.revenuePerCustomer,
  });
  const window = { start: isoDateOfDayNumber(startDay), endExclusive: isoDateOfDayNumber(endDay), days: options.windowDays };
  return E.right({
    window,
    treatment: strip(t1),
    control: strip(t0),
    uplift: {
      estimate: d,
      interval: newcombeInterval(t1.reactivated, t1.customers, t0.reactivated, t0.customers, level),
      z,
      pValue: se > 0 ? twoSidedPValue(z) : 1,
      relative: t0.rate > 0 ? d / t0.rate : null,
    },
    incrementalReactivations: d * t1.customers,
    incrementalRevenue: {
      estimate: (t1.revenuePerCustomer - t0.revenuePerCustomer) * t1.customers,
      interval: normalInterval((t1.revenuePerCustomer - t0.revenuePerCustomer) * t1.customers, revenueSe, { level }),
    },
    requiredSampleSize: size === null ? null : { targetUplift: target, ...size },
    adequatelyPowered: size === null ? null : t1.customers >= size.treatment && t0.customers >= size.control,
  });
}

/**
 * Power of the pooled two-proportion z-test for given group sizes and rates (normal approximation), for planning.
 *
 * @example
 * ```ts
 * winBackPower({ baselineRate: 0.1, uplift: 0.05, treatment: 686, control: 686 }) //≈ 0.80
 * ```
 */
export function winBackPower(options: { readonly baselineRate: number; readonly uplift: number; readonly treatment: number; readonly control: number; readonly alpha?: number }): number {
  const p0 = options.baselineRate;
  const p1 = p0 + options.uplift;
  const n1 = options.treatment;
  const n0 = options.control;
  const za = normalQuantile(1 - (options.alpha ?? 0.05) / 2);
  const pBar = (n1 * p1 + n0 * p0) / (n1 + n0);
  const seNull = Math.sqrt(pBar * (1 - pBar) * (1 / n1 + 1 / n0));
  const seAlt = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
  if (!(seAlt > 0)) return Number.NaN;
  return normalCdf((Math.abs(options.uplift) - za * seNull) / seAlt);
}
