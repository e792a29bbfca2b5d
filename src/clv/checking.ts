/**
 * Model checking for the purchase models (BG/NBD, MBG/NBD, Pareto/NBD), as plain data ready to plot:
 *
 * - calibration-period frequencies: actual vs expected numbers of customers with 0, 1, 2, … repeat purchases;
 * - calibration/holdout comparison: actual vs predicted mean holdout purchases by calibration frequency
 *   (BTYD's `*.PlotFreqVsConditionalExpectedFrequency`, lifetimes' `plot_calibration_purchases_vs_holdout_purchases`);
 * - tracking: actual vs expected repeat transactions per period and cumulated, the expectation summed over each
 *   customer's own birth (first purchase) time (BTYD's `*.ExpectedCumulativeTransactions`).
 *
 * @module
 */
import {
  columnDay,
  dayNumber,
  isoDateOfDayNumber,
  KIND_REFUND,
  toColumnar,
  type ColumnarTransactions,
  type DateInput,
  type Transaction,
} from '../core/index.js';
import * as bgNbd from './bg-nbd.js';
import * as mbgNbd from './mbg-nbd.js';
import * as paretoNbd from './pareto-nbd.js';
import type { BgNbdPurchaseModel, MbgNbdPurchaseModel, ParetoNbdPurchaseModel } from './purchase-model-adapter.js';
import type { CalibrationColumns, CalibrationSummary } from './summary.js';
import { calibrationSummaryToColumns } from './summary.js';
import { timeUnitDays, timeUnitName, type TimeUnit } from './units.js';

/**
 * A purchase model as plain data: its kind, parameters and time unit (a fitted model is one).
 *
 * @example
 * ```ts
 * const model: PurchaseModelRef = { kind: 'bgNbd', params: { r: 0.2426, alpha: 4.4135, a: 0.793, b: 2.426 }, timeUnit: 'week' };
 * ```
 */
export type PurchaseModelRef = BgNbdPurchaseModel | MbgNbdPurchaseModel | ParetoNbdPurchaseModel;

interface ModelFunctions {
  readonly expectedPurchases: (t: number) => number;
  readonly probabilityOfPurchases: (n: number, t: number) => number;
  readonly conditionalColumns: (
    t: number,
    columns: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> },
  ) => Float64Array;
  readonly expectedByPurchases: (
    data: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> },
    maxPurchases: number,
  ) => number[];
}

function functionsOf(model: PurchaseModelRef): ModelFunctions {
  switch (model.kind) {
    case 'bgNbd': {
      const p = model.params;
      return {
        expectedPurchases: (t) => bgNbd.expectedPurchases(p, t),
        probabilityOfPurchases: (n, t) => bgNbd.probabilityOfPurchases(p, n, t),
        conditionalColumns: (t, c) => bgNbd.conditionalExpectedPurchasesColumns(p, t, c),
        expectedByPurchases: (d, m) => bgNbd.expectedCustomersByPurchases(p, d, { maxPurchases: m }),
      };
    }
    case 'mbgNbd': {
      const p = model.params;
      return {
        expectedPurchases: (t) => mbgNbd.expectedPurchases(p, t),
        probabilityOfPurchases: (n, t) => mbgNbd.probabilityOfPurchases(p, n, t),
        conditionalColumns: (t, c) => mbgNbd.conditionalExpectedPurchasesColumns(p, t, c),
        expectedByPurchases: (d, m) => mbgNbd.expectedCustomersByPurchases(p, d, { maxPurchases: m }),
      };
    }
    case 'paretoNbd': {
      const p = model.params;
      return {
        expectedPurchases: (t) => paretoNbd.expectedPurchases(p, t),
        probabilityOfPurchases: (n, t) => paretoNbd.probabilityOfPurchases(p, n, t),
        conditionalColumns: (t, c) => paretoNbd.conditionalExpectedPurchasesColumns(p, t, c),
        expectedByPurchases: (d, m) => paretoNbd.expectedCustomersByPurchases(p, d, { maxPurchases: m }),
      };
    }
    default:
      throw new RangeError(
        `[clientele] unknown purchase model kind ${JSON.stringify((model as { kind?: unknown }).kind)}`,
      );
  }
}

function sameUnit(a: TimeUnit, b: TimeUnit): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.days === b.days;
}

function checkUnits(model: PurchaseModelRef, unit: TimeUnit): void {
  if (!sameUnit(model.timeUnit, unit)) {
    throw new RangeError(
      `[clientele] the model is in ${timeUnitName(model.timeUnit)} but the summary in ${timeUnitName(unit)}: refit or rebuild the summary`,
    );
  }
}

function asColumns(summary: CalibrationSummary | CalibrationColumns): CalibrationColumns {
  return 'customers' in summary ? calibrationSummaryToColumns(summary) : summary;
}

function binLabel(k: number, max: number): string {
  return k === max ? `${max}+` : String(k);
}

/**
 * One bin of {@link frequencyComparison}.
 *
 * @example
 * ```ts
 * const row: FrequencyComparisonRow = { purchases: '0', actual: 1411, expected: 1425.3 };
 * ```
 */
export interface FrequencyComparisonRow {
  /** Repeat purchases in the calibration period: '0', '1', …, and 'max+' for the last bin. */
  readonly purchases: string;
  /** Customers with that many repeat purchases. */
  readonly actual: number;
  /** Customers the model expects, Σᵢ P(X(Tᵢ) = n). */
  readonly expected: number;
}

/**
 * Actual vs expected numbers of customers by repeat purchases in the calibration period (the model's fit to the
 * frequency distribution, BTYD's `*.PlotFrequencyInCalibration`).
 *
 * @example
 * ```ts
 * const rows = frequencyComparison(model, summary, { maxPurchases: 7 });
 * rows[0] // { purchases: '0', actual: 1411, expected: … }
 * ```
 */
export function frequencyComparison(
  model: PurchaseModelRef,
  summary: CalibrationSummary | CalibrationColumns,
  options: { readonly maxPurchases?: number } = {},
): FrequencyComparisonRow[] {
  const columns = asColumns(summary);
  checkUnits(model, columns.timeUnit);
  const max = options.maxPurchases ?? 7;
  const expected = functionsOf(model).expectedByPurchases(columns, max);
  const actual = new Array<number>(max + 1).fill(0);
  for (let i = 0; i < columns.x.length; i++) actual[Math.min(columns.x[i]!, max)]!++;
  return expected.map((value, k) => ({ purchases: binLabel(k, max), actual: actual[k]!, expected: value }));
}

/**
 * One bin of {@link calibrationHoldoutComparison}.
 *
 * @example
 * ```ts
 * const row: HoldoutComparisonRow = { frequency: '2', customers: 184, actualMean: 1.05, expectedMean: 1.12, actualTotal: 193, expectedTotal: 206.1 };
 * ```
 */
export interface HoldoutComparisonRow {
  /** Calibration repeat purchases of the bin: '0', '1', …, 'max+'. */
  readonly frequency: string;
  /** Customers in the bin. */
  readonly customers: number;
  /** Mean holdout purchases observed. */
  readonly actualMean: number;
  /** Mean holdout purchases predicted (conditional expectation over the holdout duration). */
  readonly expectedMean: number;
  /** Holdout purchases observed in the bin. */
  readonly actualTotal: number;
  /** Holdout purchases predicted in the bin. */
  readonly expectedTotal: number;
}

/**
 * Actual vs predicted holdout purchases by calibration frequency, from a calibration summary built with
 * `holdoutEnd` (the conditional expectation over the holdout duration, per customer, averaged per bin). The
 * standard out-of-sample check of the purchase models.
 *
 * @example
 * ```ts
 * const summary = toCalibrationSummary(transactions, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', timeUnit: 'week' });
 * calibrationHoldoutComparison(bgNbd.fit(summary), summary, { maxFrequency: 7 })
 * // [{ frequency: '0', customers: 1411, actualMean: 0.24, expectedMean: 0.21, … }, …]
 * ```
 */
export function calibrationHoldoutComparison(
  model: PurchaseModelRef,
  summary: CalibrationSummary | CalibrationColumns,
  options: { readonly maxFrequency?: number } = {},
): HoldoutComparisonRow[] {
  const columns = asColumns(summary);
  checkUnits(model, columns.timeUnit);
  const duration = columns.holdoutDuration;
  const holdout = columns.holdoutPurchases;
  if (duration === undefined || holdout === undefined) {
    throw new RangeError('[clientele] calibrationHoldoutComparison needs a summary built with holdoutEnd');
  }
  const max = options.maxFrequency ?? 7;
  const predicted = functionsOf(model).conditionalColumns(duration, columns);
  const customers = new Array<number>(max + 1).fill(0);
  const actual = new Array<number>(max + 1).fill(0);
  const expected = new Array<number>(max + 1).fill(0);
  for (let i = 0; i < columns.x.length; i++) {
    const bin = Math.min(columns.x[i]!, max);
    customers[bin]!++;
    actual[bin]! += holdout[i]!;
    expected[bin]! += predicted[i]!;
  }
  return customers.map((count, k) => ({
    frequency: binLabel(k, max),
    customers: count,
    actualMean: count > 0 ? actual[k]! / count : 0,
    expectedMean: count > 0 ? expected[k]! / count : 0,
    actualTotal: actual[k]!,
    expectedTotal: expected[k]!,
  }));
}

/**
 * Expected cumulative repeat purchases of a cohort at given times: Σᵢ wᵢ E[X(τ − bᵢ)] over customers born
 * (first purchase) at bᵢ < τ, all in the model's time unit from a common origin (BTYD's
 * `*.ExpectedCumulativeTransactions`).
 *
 * @example
 * ```ts
 * expectedCumulativePurchases(model, { births: [0, 0, 1.5], times: [1, 2, 3] }) // three cumulative expectations
 * ```
 */
export function expectedCumulativePurchases(
  model: PurchaseModelRef,
  cohort: {
    readonly births: ArrayLike<number>;
    readonly weights?: ArrayLike<number>;
    readonly times: readonly number[];
  },
): number[] {
  const { expectedPurchases } = functionsOf(model);
  const byBirth = new Map<number, number>();
  for (let i = 0; i < cohort.births.length; i++) {
    const b = cohort.births[i]!;
    byBirth.set(b, (byBirth.get(b) ?? 0) + (cohort.weights?.[i] ?? 1));
  }
  const births = [...byBirth.keys()].sort((a, b) => a - b);
  return cohort.times.map((tau) => {
    let total = 0;
    for (const b of births) {
      if (b >= tau) break;
      total += byBirth.get(b)! * expectedPurchases(tau - b);
    }
    return total;
  });
}

/**
 * Options of {@link purchaseTracking}.
 *
 * @example
 * ```ts
 * const options: TrackingOptions = { origin: '1997-01-01', periods: 78 };
 * ```
 */
export interface TrackingOptions {
  /** Number of tracking periods. */
  readonly periods: number;
  /** Start of period 1 (default: the earliest first purchase). */
  readonly origin?: DateInput;
  /** Length of a tracking period in the model's time unit (default 1). */
  readonly periodLength?: number;
  /** Only customers whose first purchase is on or before this day (the calibration cohort); default all. */
  readonly cohortEnd?: DateInput;
  /** IANA time zone of the calendar days (default UTC). */
  readonly timeZone?: string;
}

/**
 * One period of {@link purchaseTracking}.
 *
 * @example
 * ```ts
 * const row: TrackingRow = {
 *   period: 20, start: '1997-05-14', end: '1997-05-20', actual: 73, expected: 76.87, actualCumulative: 1359, expectedCumulative: 1312.46,
 * };
 * ```
 */
export interface TrackingRow {
  /** Period number, 1 … periods. */
  readonly period: number;
  /** First day of the period (ISO date). */
  readonly start: string;
  /** Last day of the period (ISO date). */
  readonly end: string;
  /** Repeat purchases observed in the period (same-day purchases merged, each customer's first excluded). */
  readonly actual: number;
  /** Repeat purchases expected in the period. */
  readonly expected: number;
  /** Observed repeat purchases up to the end of the period. */
  readonly actualCumulative: number;
  /** Expected repeat purchases up to the end of the period. */
  readonly expectedCumulative: number;
}

function isColumnar(input: readonly Transaction[] | ColumnarTransactions): input is ColumnarTransactions {
  return !Array.isArray(input);
}

/**
 * Tracking of actual vs expected repeat transactions per period and cumulated, for the customers of a transaction
 * log (each born at its first purchase): the weekly tracking plots of BTYD and lifetimes as data. Period k
 * covers the days [origin + (k − 1)·L, origin + k·L) with L the period length in days; the expectation at its end
 * is Σᵢ E[X(k·periodLength − bᵢ)].
 *
 * @example
 * ```ts
 * const rows = purchaseTracking(cdnowTransactions, model, { origin: '1997-01-01', periods: 78 });
 * rows[38].actualCumulative //=> 2457
 * ```
 */
export function purchaseTracking(
  transactions: readonly Transaction[] | ColumnarTransactions,
  model: PurchaseModelRef,
  options: TrackingOptions,
): TrackingRow[] {
  if (!(Number.isInteger(options.periods) && options.periods >= 1))
    throw new RangeError('[clientele] periods must be an integer ≥ 1');
  const periodLength = options.periodLength ?? 1;
  if (!(periodLength > 0)) throw new RangeError('[clientele] periodLength must be > 0');
  const calendar = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const columns: ColumnarTransactions = isColumnar(transactions) ? transactions : toColumnar(transactions);
  const n = columns.amount.length;
  const days = new Int32Array(n);
  const instants = options.timeZone !== undefined && options.timeZone !== 'UTC' ? columns.occurredAt : undefined;
  for (let i = 0; i < n; i++)
    days[i] = instants === undefined ? columnDay(columns, i) : dayNumber(instants[i]!, calendar);
  // Distinct purchase days per customer.
  const perCustomer = new Map<string | number, Set<number>>();
  for (let i = 0; i < n; i++) {
    if (columns.kind?.[i] === KIND_REFUND) continue;
    const id = columns.customerId[i]!;
    let set = perCustomer.get(id);
    if (set === undefined) {
      set = new Set();
      perCustomer.set(id, set);
    }
    set.add(days[i]!);
  }
  const cohortEnd = options.cohortEnd === undefined ? Number.POSITIVE_INFINITY : dayNumber(options.cohortEnd, calendar);
  let originDay = options.origin === undefined ? Number.POSITIVE_INFINITY : dayNumber(options.origin, calendar);
  const firsts: number[] = [];
  const repeats: number[] = [];
  for (const set of perCustomer.values()) {
    let first = Number.POSITIVE_INFINITY;
    for (const d of set) if (d < first) first = d;
    if (first > cohortEnd) continue;
    firsts.push(first);
    for (const d of set) if (d !== first) repeats.push(d);
    if (options.origin === undefined && first < originDay) originDay = first;
  }
  if (!Number.isFinite(originDay)) originDay = 0;
  const unitDays = timeUnitDays(model.timeUnit);
  const lengthDays = periodLength * unitDays;
  const actual = new Array<number>(options.periods).fill(0);
  for (const d of repeats) {
    const k = Math.floor((d - originDay) / lengthDays);
    if (k >= 0 && k < options.periods) actual[k]!++;
  }
  const births = firsts.map((d) => (d - originDay) / unitDays);
  const times = Array.from({ length: options.periods }, (_, k) => (k + 1) * periodLength);
  const expectedCumulative = expectedCumulativePurchases(model, { births, times });
  let actualCumulative = 0;
  return times.map((_, k) => {
    actualCumulative += actual[k]!;
    const startDay = originDay + Math.ceil(k * lengthDays);
    const endDay = originDay + Math.ceil((k + 1) * lengthDays) - 1;
    return {
      period: k + 1,
      start: isoDateOfDayNumber(startDay),
      end: isoDateOfDayNumber(endDay),
      actual: actual[k]!,
      expected: expectedCumulative[k]! - (k > 0 ? expectedCumulative[k - 1]! : 0),
      actualCumulative,
      expectedCumulative: expectedCumulative[k]!,
    };
  });
}
