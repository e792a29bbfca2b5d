/**
 * Retention analytics by acquisition cohort: the cohort retention table (cells not yet observable are `null`,
 * never 0; the average row uses only cohorts that completed the period, weighted by cohort size), the
 * repeat-purchase rate, and a churn rate under a stated definition.
 *
 * @module
 */
import { isoDateOfDayNumber, toInstant, type ColumnarTransactions, type DateInput, type Transaction } from '../core/index.js';
import { buildPurchaseIndex } from './history.js';
import { lastCompletePeriod, periodLabel, periodLookup, periodStartDay, type CohortPeriod } from './periods.js';

/**
 * Options of {@link cohortRetention}.
 *
 * @example
 * ```ts
 * const options: CohortRetentionOptions = { asOf: '2024-07-01', period: 'month', periods: 13, mode: 'return-on' };
 * ```
 */
export interface CohortRetentionOptions {
  /** The analysis date: only transactions before it count. */
  readonly asOf: DateInput;
  /** Cohort and retention period (default `month`). */
  readonly period?: CohortPeriod;
  /** Number of periods after acquisition to report, 0 included (default 13: months 0-12). */
  readonly periods?: number;
  /**
   * `return-on` (default): share of the cohort that purchased in exactly period k. `return-on-or-after`: share that
   * purchased in period k or later (monotone non-increasing).
   */
  readonly mode?: 'return-on' | 'return-on-or-after';
  /** Keep only the latest `cohorts` cohorts (default all). */
  readonly cohorts?: number;
  /** Lapse window of the churn-rate definition, days (default 90). */
  readonly lapseDays?: number;
  /** The second order must come within this many days of the first for the windowed repeat rate (default 90). */
  readonly repeatWithinDays?: number;
  /** IANA zone for calendar days (default UTC). */
  readonly timeZone?: string;
}

/**
 * One cohort row.
 *
 * @example
 * ```ts
 * const row: CohortRow = { cohort: '2024-01', startDate: '2024-01-01', size: 120, retained: [120, 31, null], rates: [1, 0.258, null], repeatRate: 0.41 };
 * ```
 */
export interface CohortRow {
  /** Period key of the acquisition period. */
  readonly cohort: string;
  /** First day of the acquisition period (ISO date). */
  readonly startDate: string;
  /** Customers whose first purchase fell in the period. */
  readonly size: number;
  /** Retained customers per period after acquisition; `null` = period not complete yet. */
  readonly retained: readonly (number | null)[];
  /** `retained / size`; `null` = not observable yet. */
  readonly rates: readonly (number | null)[];
  /** Share of the cohort with at least two orders before `asOf`. */
  readonly repeatRate: number;
}

/**
 * The result of {@link cohortRetention}.
 *
 * @example
 * ```ts
 * const table = cohortRetention({ transactions }, { asOf: '2024-07-01' });
 * table.average[3]; // weighted month-3 retention over cohorts that completed month 3
 * ```
 */
export interface CohortRetentionTable {
  /** The period unit. */
  readonly period: CohortPeriod;
  /** The retention definition used. */
  readonly mode: 'return-on' | 'return-on-or-after';
  /** The last complete period before `asOf`. */
  readonly lastCompletePeriod: string;
  /** Oldest cohort first. */
  readonly cohorts: readonly CohortRow[];
  /** Per period after acquisition: Σ retained ÷ Σ size over cohorts whose cell is observable; `null` if none. */
  readonly average: readonly (number | null)[];
  /** How many cohorts each average uses. */
  readonly averageCohorts: readonly number[];
  /** Repeat-purchase rates. */
  readonly repeatPurchase: {
    /** Customers with ≥ 2 orders before `asOf` ÷ all customers. */
    readonly ever: RepeatRate;
    /** Customers acquired ≥ `days` before `asOf` whose second order came within `days` of the first ÷ those customers. */
    readonly within: WindowedRepeatRate;
  };
  /** The churn rate under its stated definition. */
  readonly churn: {
    /** The definition in words. */
    readonly definition: string;
    /** The lapse window. */
    readonly lapseDays: number;
    /** Customers who purchased in the `lapseDays` before the last `lapseDays`. */
    readonly base: number;
    /** Of those, customers with no purchase in the last `lapseDays`. */
    readonly churned: number;
    /** churned ÷ base (`null` without a base). */
    readonly rate: number | null;
  };
}

/**
 * A repeat-purchase rate.
 *
 * @example
 * ```ts
 * const r: RepeatRate = { customers: 200, repeaters: 84, rate: 0.42 };
 * ```
 */
export interface RepeatRate {
  /** Customers considered. */
  readonly customers: number;
  /** Of those, customers with a second order. */
  readonly repeaters: number;
  /** repeaters ÷ customers (`null` without customers). */
  readonly rate: number | null;
}

/**
 * Builds the cohort retention table, repeat-purchase rates and churn rate from transactions (records or columns).
 * A customer's cohort is the period of their first purchase; a cell (cohort c, k periods later) is observable only
 * when period c + k has ended before `asOf` — otherwise it is `null`, never 0.
 *
 * @example
 * ```ts
 * const table = cohortRetention({ transactions }, { asOf: '2024-07-01', period: 'month', periods: 7 });
 * table.cohorts.at(-1)?.rates //=> [null, null, ...] for the current month's cohort
 * ```
 */
export function cohortRetention(
  data: { readonly transactions?: readonly Transaction[]; readonly columns?: ColumnarTransactions },
  options: CohortRetentionOptions,
): CohortRetentionTable {
  const unit = options.period ?? 'month';
  const width = Math.max(1, Math.floor(options.periods ?? 13));
  const mode = options.mode ?? 'return-on';
  const lapseDays = options.lapseDays ?? 90;
  const repeatDays = options.repeatWithinDays ?? 90;
  const calendar = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const asOfMs = toInstant(options.asOf, calendar);
  const index = buildPurchaseIndex(data, { asOfMs, timeZone: options.timeZone });
  const asOfDay = index.asOfDay;
  const lastComplete = lastCompletePeriod(index.endDay, unit);
  const periodOf = periodLookup(index.day, unit);
  const sizes = new Map<number, number>();
  const retained = new Map<number, number[]>();
  const repeaters = new Map<number, number>();
  let customers = 0;
  let everRepeaters = 0;
  let withinEligible = 0;
  let withinRepeaters = 0;
  let churnBase = 0;
  let churned = 0;
  const lapseStart = asOfDay - lapseDays;
  const baseStart = lapseStart - lapseDays;
  for (let k = 0; k < index.ids.length; k++) {
    let first = Number.NaN;
    let orders = 0;
    let secondDay = Number.NaN;
    let lastPeriod = Number.NaN;
    let inBase = false;
    let inLapse = false;
    const periodsSeen: number[] = [];
    for (let j = index.offsets[k]!; j < index.offsets[k + 1]!; j++) {
      if (index.refund[j] === 1) continue;
      const d = index.day[j]!;
      if (Number.isNaN(first)) first = d;
      if (index.newOrder[j] === 1) {
        orders++;
        if (orders === 2) secondDay = d;
      }
      const p = periodOf(d);
      if (p !== lastPeriod) {
        periodsSeen.push(p);
        lastPeriod = p;
      }
      if (d >= baseStart && d < lapseStart) inBase = true;
      if (d >= lapseStart) inLapse = true;
    }
    if (Number.isNaN(first)) continue;
    customers++;
    if (orders >= 2) everRepeaters++;
    if (first <= asOfDay - repeatDays) {
      withinEligible++;
      if (secondDay - first <= repeatDays) withinRepeaters++;
    }
    if (inBase) {
      churnBase++;
      if (!inLapse) churned++;
    }
    const cohort = periodOf(first);
    sizes.set(cohort, (sizes.get(cohort) ?? 0) + 1);
    if (orders >= 2) repeaters.set(cohort, (repeaters.get(cohort) ?? 0) + 1);
    let row = retained.get(cohort);
    if (row === undefined) {
      row = new Array<number>(width).fill(0);
      retained.set(cohort, row);
    }
    if (mode === 'return-on') {
      for (const p of periodsSeen) {
        const offset = p - cohort;
        if (offset < width) row[offset]!++;
      }
    } else {
      const lastOffset = Math.min(width - 1, periodsSeen[periodsSeen.length - 1]! - cohort);
      for (let offset = 0; offset <= lastOffset; offset++) row[offset]!++;
    }
  }
  let cohortIndices = [...sizes.keys()].sort((a, b) => a - b);
  if (options.cohorts !== undefined) cohortIndices = cohortIndices.slice(Math.max(0, cohortIndices.length - Math.max(0, Math.floor(options.cohorts))));
  const averageRetained = new Array<number>(width).fill(0);
  const averageSize = new Array<number>(width).fill(0);
  const averageCohorts = new Array<number>(width).fill(0);
  const rows: CohortRow[] = cohortIndices.map((cohort) => {
    const size = sizes.get(cohort)!;
    const counts = retained.get(cohort)!;
    const cells: (number | null)[] = [];
    const rates: (number | null)[] = [];
    for (let offset = 0; offset < width; offset++) {
      if (cohort + offset > lastComplete) {
        cells.push(null);
        rates.push(null);
        continue;
      }
      cells.push(counts[offset]!);
      rates.push(counts[offset]! / size);
      averageRetained[offset]! += counts[offset]!;
      averageSize[offset]! += size;
      averageCohorts[offset]!++;
    }
    return {
      cohort: periodLabel(cohort, unit),
      startDate: isoDateOfDayNumber(periodStartDay(cohort, unit)),
      size,
      retained: cells,
      rates,
      repeatRate: (repeaters.get(cohort) ?? 0) / size,
    };
  });
  return {
    period: unit,
    mode,
    lastCompletePeriod: periodLabel(lastComplete, unit),
    cohorts: rows,
    average: averageSize.map((size, offset) => (size > 0 ? averageRetained[offset]! / size : null)),
    averageCohorts,
    repeatPurchase: {
      ever: { customers, repeaters: everRepeaters, rate: customers > 0 ? everRepeaters / customers : null },
      within: { days: repeatDays, customers: withinEligible, repeaters: withinRepeaters, rate: withinEligible > 0 ? withinRepeaters / withinEligible : null },
    },
    churn: {
      definition: `share of customers who purchased in the ${lapseDays} days before the last ${lapseDays} days and made no purchase in the last ${lapseDays} days before asOf`,
      lapseDays,
      base: churnBase,
      churned,
      rate: churnBase > 0 ? churned / churnBase : null,
    },
  };
}

/**
 * A repeat-purchase rate with a window for the second order.
 *
 * @example
 * ```ts
 * const r: WindowedRepeatRate = { days: 90, customers: 150, repeaters: 51, rate: 0.34 };
 * ```
 */
export interface WindowedRepeatRate extends RepeatRate {
  /** The window (days after the first order) for the second order. */
  readonly days: number;
}
