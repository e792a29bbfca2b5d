/**
 * Calibration summaries: from a transaction log to the per-customer statistics of the "buy till you die"
 * models, with exactly the definitions of Python lifetimes' `summary_data_from_transaction_data` and
 * `calibration_and_holdout_data` (and BTYD's `dc.ElogToCbsCbt`):
 *
 * - purchases in the same day (or, with `mergeWithin: 'period'`, the same period of the time unit) are one
 *   purchase; refunds are ignored;
 * - `x` = number of purchase periods after the first one in the calibration window (repeat purchases);
 * - `tx` = age at the last calibration purchase, `T` = age at the calibration end (both from the first purchase);
 * - `meanSpend` = mean spend per repeat purchase period (the first purchase excluded), 0 when x = 0;
 * - with `holdoutEnd`: purchase periods and spend after the calibration end up to the holdout end.
 *
 * Customers whose first purchase is after the calibration end are not in the summary (they are listed in
 * `holdoutOnly`). The calibration end and the holdout end days are included in their windows.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import {
  civilFromDays,
  columnDay,
  daysFromCivil,
  dayNumber,
  isoDateOfDayNumber,
  KIND_REFUND,
  toColumnar,
  type ColumnarTransactions,
  type DateInput,
  type Transaction,
} from '../core/index.js';
import { timeUnitDays, type TimeUnit } from './units.js';

/**
 * A customer identifier as found in the input: strings for records, strings or numbers for columns.
 *
 * @example
 * ```ts
 * const ids: CustomerKey[] = ['c-1', 42];
 * ```
 */
export type CustomerKey = string | number;

/**
 * Options of {@link toCalibrationSummary} and {@link toCalibrationColumns}.
 *
 * @example
 * ```ts
 * const options: CalibrationSummaryOptions = { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', timeUnit: 'week' };
 * ```
 */
export interface CalibrationSummaryOptions {
  /** Time unit of tx, T and the holdout duration (and of every model fitted on the summary). */
  readonly timeUnit: TimeUnit;
  /** Last day of the calibration window (included). Give this or `asOf`. */
  readonly calibrationEnd?: DateInput;
  /** The observation end when there is no separate calibration end (same meaning as `calibrationEnd`). */
  readonly asOf?: DateInput;
  /** Last day of the holdout window (included); the holdout starts the day after the calibration end. */
  readonly holdoutEnd?: DateInput;
  /** IANA time zone in which calendar days are counted (default UTC). */
  readonly timeZone?: string;
  /**
   * `day` (default): purchases on the same calendar day are one purchase and ages are exact day differences
   * divided by the unit's length (lifetimes `freq='D'`, `freq_multiplier` = days per unit — the convention of all
   * published CDNOW numbers). `period`: purchases in the same period of the time unit are one purchase and ages are
   * whole periods (lifetimes `freq='W'`): calendar weeks starting on `weekStartsOn`, calendar months for `month`,
   * and for `{ days: k }` blocks of k days ending on the calibration end.
   */
  readonly mergeWithin?: 'day' | 'period';
  /** First day of a calendar week for `mergeWithin: 'period'` with weeks, 0 = Sunday … 6 = Saturday (default 1). */
  readonly weekStartsOn?: number;
}

/**
 * Customers seen only after the calibration end (new in the holdout), as columns.
 *
 * @example
 * ```ts
 * const newcomers: HoldoutOnlyColumns = {
 *   customerId: ['c-9'], firstPurchaseDay: Int32Array.from([10135]),
 *   holdoutPurchases: Int32Array.from([2]), holdoutSpend: Float64Array.from([31.5]),
 * };
 * ```
 */
export interface HoldoutOnlyColumns {
  /** The customers. */
  readonly customerId: CustomerKey[];
  /** Day number of each customer's first purchase. */
  readonly firstPurchaseDay: Int32Array;
  /** Purchase periods in the holdout window. */
  readonly holdoutPurchases: Int32Array;
  /** Spend in the holdout window. */
  readonly holdoutSpend: Float64Array;
}

/**
 * The calibration summary as columns (the fast path for large bases; accepted by every model's `fit` and the
 * columnar prediction functions). Row i describes `customerId[i]`; rows are sorted by customer id.
 *
 * @example
 * ```ts
 * const columns: CalibrationColumns = toCalibrationColumns(transactions, { calibrationEnd: '1997-09-30', timeUnit: 'week' });
 * bgNbd.fit(columns).params
 * ```
 */
export interface CalibrationColumns {
  /** Time unit of tx, T and the holdout duration. */
  readonly timeUnit: TimeUnit;
  /** How purchases were merged. */
  readonly mergeWithin: 'day' | 'period';
  /** Week start used for `mergeWithin: 'period'` with weeks. */
  readonly weekStartsOn: number;
  /** Last calibration day (ISO date). */
  readonly calibrationEnd: string;
  /** Last holdout day (ISO date), when a holdout was requested. */
  readonly holdoutEnd?: string;
  /** Length of the holdout window in the time unit. */
  readonly holdoutDuration?: number;
  /** Customer of each row. */
  readonly customerId: CustomerKey[];
  /** Repeat purchases in calibration. */
  readonly x: Int32Array;
  /** Age at the last calibration purchase. */
  readonly tx: Float64Array;
  /** Age at the calibration end. */
  readonly T: Float64Array;
  /** Mean spend per repeat purchase period (0 when x = 0). */
  readonly meanSpend: Float64Array;
  /** Day number of the first purchase. */
  readonly firstPurchaseDay: Int32Array;
  /** Day number of the last calibration purchase. */
  readonly lastPurchaseDay: Int32Array;
  /** Spend in the first purchase period (excluded from meanSpend). */
  readonly firstPeriodSpend: Float64Array;
  /** Total calibration spend, first period included. */
  readonly totalSpend: Float64Array;
  /** Purchase periods in the holdout window (with a holdout). */
  readonly holdoutPurchases?: Int32Array;
  /** Spend in the holdout window (with a holdout). */
  readonly holdoutSpend?: Float64Array;
  /** Customers whose purchases all fall after the calibration end. */
  readonly holdoutOnly: HoldoutOnlyColumns;
  /** Refund rows, which do not count as purchases. */
  readonly ignoredRefunds: number;
  /** Purchase rows after the last day of the summary (calibration end, or holdout end with a holdout). */
  readonly ignoredAfterEnd: number;
}

/**
 * One customer of a {@link CalibrationSummary}.
 *
 * @example
 * ```ts
 * const row: CalibrationSummaryRow = {
 *   customerId: '0001', x: 2, tx: 30.428571428571427, T: 38.857142857142854, meanSpend: 22.345,
 *   firstPurchase: '1997-01-01', lastPurchase: '1997-08-02', firstPeriodSpend: 29.33, totalSpend: 74.02,
 *   holdoutPurchases: 1, holdoutSpend: 11.77,
 * };
 * ```
 */
export interface CalibrationSummaryRow {
  /** The customer. */
  readonly customerId: CustomerKey;
  /** Repeat purchases in calibration. */
  readonly x: number;
  /** Age at the last calibration purchase. */
  readonly tx: number;
  /** Age at the calibration end. */
  readonly T: number;
  /** Mean spend per repeat purchase period (0 when x = 0). */
  readonly meanSpend: number;
  /** ISO date of the first purchase. */
  readonly firstPurchase: string;
  /** ISO date of the last calibration purchase. */
  readonly lastPurchase: string;
  /** Spend in the first purchase period. */
  readonly firstPeriodSpend: number;
  /** Total calibration spend. */
  readonly totalSpend: number;
  /** Purchase periods in the holdout (with a holdout). */
  readonly holdoutPurchases?: number;
  /** Spend in the holdout (with a holdout). */
  readonly holdoutSpend?: number;
}

/**
 * A customer seen only after the calibration end.
 *
 * @example
 * ```ts
 * const newcomer: HoldoutOnlyRow = { customerId: 'c-9', firstPurchase: '1997-10-12', holdoutPurchases: 2, holdoutSpend: 31.5 };
 * ```
 */
export interface HoldoutOnlyRow {
  /** The customer. */
  readonly customerId: CustomerKey;
  /** ISO date of the first purchase. */
  readonly firstPurchase: string;
  /** Purchase periods in the holdout. */
  readonly holdoutPurchases: number;
  /** Spend in the holdout. */
  readonly holdoutSpend: number;
}

/**
 * The calibration summary as records (accepted by every model's `fit`).
 *
 * @example
 * ```ts
 * const summary: CalibrationSummary = toCalibrationSummary(transactions, {
 *   calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', timeUnit: 'week',
 * });
 * summary.customers[0] // { customerId: '0001', x: 2, tx: 30.43, T: 38.86, ... }
 * ```
 */
export interface CalibrationSummary {
  /** Time unit of tx, T and the holdout duration. */
  readonly timeUnit: TimeUnit;
  /** How purchases were merged. */
  readonly mergeWithin: 'day' | 'period';
  /** Week start used for `mergeWithin: 'period'` with weeks. */
  readonly weekStartsOn: number;
  /** Last calibration day (ISO date). */
  readonly calibrationEnd: string;
  /** Last holdout day (ISO date), when a holdout was requested. */
  readonly holdoutEnd?: string;
  /** Length of the holdout window in the time unit. */
  readonly holdoutDuration?: number;
  /** One row per customer with a calibration purchase, sorted by customer id. */
  readonly customers: CalibrationSummaryRow[];
  /** Customers whose purchases all fall after the calibration end, sorted by customer id. */
  readonly holdoutOnly: HoldoutOnlyRow[];
  /** Refund rows, which do not count as purchases. */
  readonly ignoredRefunds: number;
  /** Purchase rows after the last day of the summary. */
  readonly ignoredAfterEnd: number;
}

/**
 * Why shard summaries could not be merged: `incompatible-summaries` (different time unit, merging rule,
 * calibration or holdout end) or `overlapping-purchases` (two shards hold purchases of one customer in
 * overlapping time ranges, so distinct purchase periods cannot be recounted; split shards by customer, or by time at
 * period boundaries).
 *
 * @example
 * ```ts
 * const refusal: SummaryMergeRefusal = { code: 'overlapping-purchases', message: 'customer c-1 ...', customerId: 'c-1' };
 * ```
 */
export interface SummaryMergeRefusal {
  /** Machine-readable reason. */
  readonly code: 'incompatible-summaries' | 'overlapping-purchases';
  /** Readable explanation. */
  readonly message: string;
  /** The customer concerned, for `overlapping-purchases`. */
  readonly customerId?: CustomerKey;
}

interface Resolved {
  readonly unit: TimeUnit;
  readonly unitDays: number;
  readonly mergeWithin: 'day' | 'period';
  readonly weekStartsOn: number;
  readonly calEndDay: number;
  readonly holdoutEndDay: number | undefined;
  readonly key: (day: number) => number;
  /** Age in time units between two days (via their keys in `period` mode). */
  readonly age: (fromDay: number, toDay: number) => number;
}

function periodKeyer(unit: TimeUnit, weekStartsOn: number, calEndDay: number): (day: number) => number {
  if (unit === 'day') return (day) => day;
  if (unit === 'week') {
    const anchor = (((weekStartsOn + 3) % 7) + 7) % 7;
    return (day) => Math.floor((day - anchor) / 7);
  }
  if (unit === 'month') {
    return (day) => {
      const { year, month } = civilFromDays(day);
      return year * 12 + month - 1;
    };
  }
  const k = unit.days;
  return (day) => Math.floor((day - calEndDay - 1) / k);
}

function resolve(
  options: Pick<CalibrationSummaryOptions, 'timeUnit' | 'mergeWithin' | 'weekStartsOn'>,
  calEndDay: number,
  holdoutEndDay: number | undefined,
): Resolved {
  const unitDays = timeUnitDays(options.timeUnit);
  const mergeWithin = options.mergeWithin ?? 'day';
  const weekStartsOn = options.weekStartsOn ?? 1;
  if (!(Number.isInteger(weekStartsOn) && weekStartsOn >= 0 && weekStartsOn <= 6)) {
    throw new RangeError('[clientele] weekStartsOn must be an integer 0 (Sunday) … 6 (Saturday)');
  }
  if (holdoutEndDay !== undefined && holdoutEndDay < calEndDay) {
    throw new RangeError('[clientele] holdoutEnd must not be before the calibration end');
  }
  const key = mergeWithin === 'day' ? (day: number) => day : periodKeyer(options.timeUnit, weekStartsOn, calEndDay);
  const age =
    mergeWithin === 'day'
      ? (from: number, to: number) => (to - from) / unitDays
      : (from: number, to: number) => key(to) - key(from);
  return { unit: options.timeUnit, unitDays, mergeWithin, weekStartsOn, calEndDay, holdoutEndDay, key, age };
}

function resolveOptions(options: CalibrationSummaryOptions): Resolved {
  const end = options.calibrationEnd ?? options.asOf;
  if (end === undefined || (options.calibrationEnd !== undefined && options.asOf !== undefined)) {
    throw new RangeError('[clientele] give exactly one of calibrationEnd and asOf');
  }
  const calendar = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const calEndDay = dayNumber(end, calendar);
  const holdoutEndDay = options.holdoutEnd === undefined ? undefined : dayNumber(options.holdoutEnd, calendar);
  return resolve(options, calEndDay, holdoutEndDay);
}

function compareKeys(a: CustomerKey, b: CustomerKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function rowDays(columns: ColumnarTransactions, timeZone: string | undefined): Int32Array {
  const n = columns.amount.length;
  const days = new Int32Array(n);
  if (timeZone !== undefined && timeZone !== 'UTC' && columns.day === undefined && columns.occurredAt !== undefined) {
    const at = columns.occurredAt;
    for (let i = 0; i < n; i++) days[i] = dayNumber(at[i]!, { timeZone });
    return days;
  }
  for (let i = 0; i < n; i++) days[i] = columnDay(columns, i);
  return days;
}

/** Stable counting sort of `rows` by key[row] − offset ∈ [0, range). */
function countingSortBy(rows: Int32Array, key: Int32Array, offset: number, range: number): Int32Array {
  const counts = new Int32Array(range + 1);
  for (let i = 0; i < rows.length; i++) counts[key[rows[i]!]! - offset + 1]!++;
  for (let k = 1; k <= range; k++) counts[k]! += counts[k - 1]!;
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    out[counts[key[row]! - offset]!++] = row;
  }
  return out;
}

/** Stable sort of `rows` by key[row]: counting sort when the key range allows it, else a comparison sort. */
function sortRowsBy(rows: Int32Array, key: Int32Array): Int32Array {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) {
    const v = key[rows[i]!]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (rows.length === 0) return rows;
  const range = max - min + 1;
  if (range <= 4 * rows.length + 1_000_000) return countingSortBy(rows, key, min, range);
  return rows.slice().sort((a, b) => key[a]! - key[b]! || a - b);
}

/**
 * Customer index of every row: the id itself for non-negative integer ids below a few times the row count (no
 * hashing; customers are then in id order), else the order of first appearance. Returns the index column and the
 * id of each index (undefined entries for unused dense ids).
 */
function customerIndices(
  idColumn: ArrayLike<string> | ArrayLike<number>,
  rows: Int32Array,
): { index: Int32Array; ids: (CustomerKey | undefined)[]; dense: boolean } {
  const n = idColumn.length;
  const index = new Int32Array(n);
  let max = -1;
  let dense = rows.length > 0;
  const limit = 4 * rows.length + 1_000_000;
  for (let k = 0; k < rows.length && dense; k++) {
    const id = idColumn[rows[k]!];
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > limit) dense = false;
    else if (id > max) max = id;
  }
  if (dense) {
    const ids: (CustomerKey | undefined)[] = new Array<CustomerKey | undefined>(max + 1);
    for (let k = 0; k < rows.length; k++) {
      const id = idColumn[rows[k]!] as number;
      index[rows[k]!] = id;
      ids[id] = id;
    }
    return { index, ids, dense: true };
  }
  const positions = new Map<CustomerKey, number>();
  const ids: CustomerKey[] = [];
  for (let k = 0; k < rows.length; k++) {
    const id = idColumn[rows[k]!]!;
    let c = positions.get(id);
    if (c === undefined) {
      c = ids.length;
      positions.set(id, c);
      ids.push(id);
    }
    index[rows[k]!] = c;
  }
  return { index, ids, dense: false };
}

function summarize(columns: ColumnarTransactions, r: Resolved, timeZone: string | undefined): CalibrationColumns {
  const n = columns.amount.length;
  const days = rowDays(columns, timeZone);
  const lastDay = r.holdoutEndDay ?? r.calEndDay;
  const keptRows: number[] = [];
  let ignoredRefunds = 0;
  let ignoredAfterEnd = 0;
  const kinds = columns.kind;
  for (let i = 0; i < n; i++) {
    if (kinds?.[i] === KIND_REFUND) ignoredRefunds++;
    else if (days[i]! > lastDay) ignoredAfterEnd++;
    else keptRows.push(i);
  }
  const kept = Int32Array.from(keptRows);
  const { index, ids, dense } = customerIndices(columns.customerId, kept);
  // Rows grouped by customer (a stable counting sort, input order kept within a customer), each group sorted by
  // day (insertion sort: groups are short), then scanned with the customer's state in local variables.
  const order = sortRowsBy(kept, index);
  for (let start = 0; start < order.length;) {
    const c = index[order[start]!]!;
    let end = start + 1;
    while (end < order.length && index[order[end]!] === c) end++;
    if (end - start > 32) {
      order.subarray(start, end).sort((a, b) => days[a]! - days[b]! || a - b);
      start = end;
      continue;
    }
    for (let i = start + 1; i < end; i++) {
      const row = order[i]!;
      const day = days[row]!;
      let j = i - 1;
      while (j >= start && (days[order[j]!]! > day || (days[order[j]!] === day && order[j]! > row))) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = row;
    }
    start = end;
  }
  const amounts = columns.amount;
  const customers = ids.length;
  const state = {
    firstDay: new Int32Array(customers),
    lastDay: new Int32Array(customers),
    periods: new Int32Array(customers),
    firstSpend: new Float64Array(customers),
    total: new Float64Array(customers),
    hoPeriods: new Int32Array(customers),
    hoSpend: new Float64Array(customers),
    hoFirstDay: new Int32Array(customers),
  };
  let k = 0;
  while (k < order.length) {
    const c = index[order[k]!]!;
    let periods = 0;
    let firstKey = 0;
    let lastKey = 0;
    let firstDay = 0;
    let lastCalDay = 0;
    let firstSpend = 0;
    let firstSpendC = 0;
    let total = 0;
    let totalC = 0;
    let hoPeriods = 0;
    let hoLastKey = 0;
    let hoSpend = 0;
    let hoSpendC = 0;
    let hoFirstDay = 0;
    for (; k < order.length && index[order[k]!] === c; k++) {
      const row = order[k]!;
      const day = days[row]!;
      const key = r.key(day);
      const amount = amounts[row]!;
      if (day <= r.calEndDay) {
        if (periods === 0) {
          periods = 1;
          firstKey = key;
          lastKey = key;
          firstDay = day;
        } else if (key !== lastKey) {
          periods++;
          lastKey = key;
        }
        lastCalDay = day;
        if (key === firstKey) {
          // Neumaier-compensated running sums (order-independent to the last bit for typical amounts).
          const t = firstSpend + amount;
          firstSpendC += Math.abs(firstSpend) >= Math.abs(amount) ? firstSpend - t + amount : amount - t + firstSpend;
          firstSpend = t;
        }
        const t = total + amount;
        totalC += Math.abs(total) >= Math.abs(amount) ? total - t + amount : amount - t + total;
        total = t;
      } else {
        if (hoPeriods === 0) {
          hoPeriods = 1;
          hoLastKey = key;
          hoFirstDay = day;
        } else if (key !== hoLastKey) {
          hoPeriods++;
          hoLastKey = key;
        }
        const t = hoSpend + amount;
        hoSpendC += Math.abs(hoSpend) >= Math.abs(amount) ? hoSpend - t + amount : amount - t + hoSpend;
        hoSpend = t;
      }
    }
    state.periods[c] = periods;
    state.firstDay[c] = firstDay;
    state.lastDay[c] = lastCalDay;
    state.firstSpend[c] = firstSpend + firstSpendC;
    state.total[c] = total + totalC;
    state.hoPeriods[c] = hoPeriods;
    state.hoSpend[c] = hoSpend + hoSpendC;
    state.hoFirstDay[c] = hoFirstDay;
  }
  const calibrated: number[] = [];
  const newcomers: number[] = [];
  for (let c = 0; c < customers; c++) {
    if (state.periods[c]! > 0) calibrated.push(c);
    else if (state.hoPeriods[c]! > 0) newcomers.push(c);
  }
  if (!dense) {
    const byId =
      typeof ids[0] === 'number'
        ? (a: number, b: number) => (ids[a] as number) - (ids[b] as number)
        : (a: number, b: number) => compareKeys(ids[a]!, ids[b]!);
    calibrated.sort(byId);
    newcomers.sort(byId);
  }
  const size = calibrated.length;
  const withHoldout = r.holdoutEndDay !== undefined;
  const out = {
    customerId: new Array<CustomerKey>(size),
    x: new Int32Array(size),
    tx: new Float64Array(size),
    T: new Float64Array(size),
    meanSpend: new Float64Array(size),
    firstPurchaseDay: new Int32Array(size),
    lastPurchaseDay: new Int32Array(size),
    firstPeriodSpend: new Float64Array(size),
    totalSpend: new Float64Array(size),
  };
  const holdoutPurchases = withHoldout ? new Int32Array(size) : undefined;
  const holdoutSpend = withHoldout ? new Float64Array(size) : undefined;
  for (let j = 0; j < size; j++) {
    const c = calibrated[j]!;
    out.customerId[j] = ids[c]!;
    out.firstPurchaseDay[j] = state.firstDay[c]!;
    out.lastPurchaseDay[j] = state.lastDay[c]!;
    out.firstPeriodSpend[j] = state.firstSpend[c]!;
    out.totalSpend[j] = state.total[c]!;
    if (holdoutPurchases !== undefined && holdoutSpend !== undefined) {
      holdoutPurchases[j] = state.hoPeriods[c]!;
      holdoutSpend[j] = state.hoSpend[c]!;
    }
    const x = state.periods[c]! - 1;
    out.x[j] = x;
    out.tx[j] = r.age(state.firstDay[c]!, state.lastDay[c]!);
    out.T[j] = r.age(state.firstDay[c]!, r.calEndDay);
    out.meanSpend[j] = x > 0 ? (out.totalSpend[j]! - out.firstPeriodSpend[j]!) / x : 0;
  }
  const holdoutOnly: HoldoutOnlyColumns = {
    customerId: newcomers.map((c) => ids[c]!),
    firstPurchaseDay: Int32Array.from(newcomers, (c) => state.hoFirstDay[c]!),
    holdoutPurchases: Int32Array.from(newcomers, (c) => state.hoPeriods[c]!),
    holdoutSpend: Float64Array.from(newcomers, (c) => state.hoSpend[c]!),
  };
  return finishColumns(r, out, holdoutPurchases, holdoutSpend, holdoutOnly, ignoredRefunds, ignoredAfterEnd);
}

function finishColumns(
  r: Resolved,
  out: Omit<
    CalibrationColumns,
    | 'timeUnit'
    | 'mergeWithin'
    | 'weekStartsOn'
    | 'calibrationEnd'
    | 'holdoutOnly'
    | 'ignoredRefunds'
    | 'ignoredAfterEnd'
  >,
  holdoutPurchases: Int32Array | undefined,
  holdoutSpend: Float64Array | undefined,
  holdoutOnly: HoldoutOnlyColumns,
  ignoredRefunds: number,
  ignoredAfterEnd: number,
): CalibrationColumns {
  const holdout =
    r.holdoutEndDay === undefined || holdoutPurchases === undefined || holdoutSpend === undefined
      ? {}
      : {
          holdoutEnd: isoDateOfDayNumber(r.holdoutEndDay),
          holdoutDuration: r.age(r.calEndDay, r.holdoutEndDay),
          holdoutPurchases,
          holdoutSpend,
        };
  return {
    timeUnit: r.unit,
    mergeWithin: r.mergeWithin,
    weekStartsOn: r.weekStartsOn,
    calibrationEnd: isoDateOfDayNumber(r.calEndDay),
    customerId: out.customerId,
    x: out.x,
    tx: out.tx,
    T: out.T,
    meanSpend: out.meanSpend,
    firstPurchaseDay: out.firstPurchaseDay,
    lastPurchaseDay: out.lastPurchaseDay,
    firstPeriodSpend: out.firstPeriodSpend,
    totalSpend: out.totalSpend,
    ...holdout,
    holdoutOnly,
    ignoredRefunds,
    ignoredAfterEnd,
  };
}

function isColumnar(input: readonly Transaction[] | ColumnarTransactions): input is ColumnarTransactions {
  return !Array.isArray(input);
}

/**
 * Builds the calibration summary in columnar form, from transaction records or columns, in one pass after a
 * counting sort by day (O(n) for n rows). See the module description for the definitions.
 *
 * @example
 * ```ts
 * const columns = toCalibrationColumns(
 *   { customerId: ['a', 'a', 'a', 'b'], day: Int32Array.from([0, 0, 14, 7]), amount: Float64Array.from([5, 5, 20, 9]) },
 *   { calibrationEnd: '1970-01-29', timeUnit: 'week' },
 * );
 * columns.x //=> Int32Array [1, 0]
 * columns.tx //=> Float64Array [2, 0]
 * columns.T //=> Float64Array [4, 3]
 * columns.meanSpend //=> Float64Array [20, 0]
 * ```
 */
export function toCalibrationColumns(
  input: readonly Transaction[] | ColumnarTransactions,
  options: CalibrationSummaryOptions,
): CalibrationColumns {
  const r = resolveOptions(options);
  const timeZone = options.timeZone;
  if (isColumnar(input)) return summarize(input, r, timeZone);
  const all = toColumnar(input);
  if (timeZone !== undefined && timeZone !== 'UTC') {
    // Record input: count calendar days in the zone from the instants.
    return summarize(
      { customerId: all.customerId, occurredAt: all.occurredAt, amount: all.amount, kind: all.kind },
      r,
      timeZone,
    );
  }
  return summarize(all, r, timeZone);
}

/**
 * Converts the columnar summary to records.
 *
 * @example
 * ```ts
 * const summary = calibrationColumnsToSummary(toCalibrationColumns(transactions, { asOf: '2024-06-30', timeUnit: 'day' }));
 * summary.customers.length
 * ```
 */
export function calibrationColumnsToSummary(columns: CalibrationColumns): CalibrationSummary {
  const customers: CalibrationSummaryRow[] = [];
  for (let i = 0; i < columns.customerId.length; i++) {
    customers.push({
      customerId: columns.customerId[i]!,
      x: columns.x[i]!,
      tx: columns.tx[i]!,
      T: columns.T[i]!,
      meanSpend: columns.meanSpend[i]!,
      firstPurchase: isoDateOfDayNumber(columns.firstPurchaseDay[i]!),
      lastPurchase: isoDateOfDayNumber(columns.lastPurchaseDay[i]!),
      firstPeriodSpend: columns.firstPeriodSpend[i]!,
      totalSpend: columns.totalSpend[i]!,
      ...(columns.holdoutPurchases === undefined || columns.holdoutSpend === undefined
        ? {}
        : { holdoutPurchases: columns.holdoutPurchases[i]!, holdoutSpend: columns.holdoutSpend[i]! }),
    });
  }
  const ho = columns.holdoutOnly;
  const holdoutOnly: HoldoutOnlyRow[] = ho.customerId.map((customerId, i) => ({
    customerId,
    firstPurchase: isoDateOfDayNumber(ho.firstPurchaseDay[i]!),
    holdoutPurchases: ho.holdoutPurchases[i]!,
    holdoutSpend: ho.holdoutSpend[i]!,
  }));
  return {
    timeUnit: columns.timeUnit,
    mergeWithin: columns.mergeWithin,
    weekStartsOn: columns.weekStartsOn,
    calibrationEnd: columns.calibrationEnd,
    ...(columns.holdoutEnd === undefined ? {} : { holdoutEnd: columns.holdoutEnd }),
    ...(columns.holdoutDuration === undefined ? {} : { holdoutDuration: columns.holdoutDuration }),
    customers,
    holdoutOnly,
    ignoredRefunds: columns.ignoredRefunds,
    ignoredAfterEnd: columns.ignoredAfterEnd,
  };
}

function isoToDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y!, m!, d!);
}

/**
 * Converts a record summary to the columnar form.
 *
 * @example
 * ```ts
 * const columns = calibrationSummaryToColumns(summary);
 * columns.x.length === summary.customers.length //=> true
 * ```
 */
export function calibrationSummaryToColumns(summary: CalibrationSummary): CalibrationColumns {
  const rows = summary.customers;
  const withHoldout = summary.holdoutEnd !== undefined;
  return {
    timeUnit: summary.timeUnit,
    mergeWithin: summary.mergeWithin,
    weekStartsOn: summary.weekStartsOn,
    calibrationEnd: summary.calibrationEnd,
    ...(summary.holdoutEnd === undefined ? {} : { holdoutEnd: summary.holdoutEnd }),
    ...(summary.holdoutDuration === undefined ? {} : { holdoutDuration: summary.holdoutDuration }),
    customerId: rows.map((row) => row.customerId),
    x: Int32Array.from(rows, (row) => row.x),
    tx: Float64Array.from(rows, (row) => row.tx),
    T: Float64Array.from(rows, (row) => row.T),
    meanSpend: Float64Array.from(rows, (row) => row.meanSpend),
    firstPurchaseDay: Int32Array.from(rows, (row) => isoToDay(row.firstPurchase)),
    lastPurchaseDay: Int32Array.from(rows, (row) => isoToDay(row.lastPurchase)),
    firstPeriodSpend: Float64Array.from(rows, (row) => row.firstPeriodSpend),
    totalSpend: Float64Array.from(rows, (row) => row.totalSpend),
    ...(withHoldout
      ? {
          holdoutPurchases: Int32Array.from(rows, (row) => row.holdoutPurchases ?? 0),
          holdoutSpend: Float64Array.from(rows, (row) => row.holdoutSpend ?? 0),
        }
      : {}),
    holdoutOnly: {
      customerId: summary.holdoutOnly.map((row) => row.customerId),
      firstPurchaseDay: Int32Array.from(summary.holdoutOnly, (row) => isoToDay(row.firstPurchase)),
      holdoutPurchases: Int32Array.from(summary.holdoutOnly, (row) => row.holdoutPurchases),
      holdoutSpend: Float64Array.from(summary.holdoutOnly, (row) => row.holdoutSpend),
    },
    ignoredRefunds: summary.ignoredRefunds,
    ignoredAfterEnd: summary.ignoredAfterEnd,
  };
}

/**
 * Builds the calibration summary (records) from transaction records or columns: lifetimes'
 * `summary_data_from_transaction_data` (with `asOf`) or `calibration_and_holdout_data` (with `calibrationEnd` and
 * `holdoutEnd`). CDNOW's sample log with `calibrationEnd: '1997-09-30'` and weeks reproduces
 * `cdnow_customers_summary.csv` and BTYD's `cdnowSummary$cbs`.
 *
 * @example
 * ```ts
 * const summary = toCalibrationSummary(
 *   [
 *     { id: '1', customerId: 'a', occurredAt: Date.UTC(2015, 0, 1), kind: 'purchase', amount: 1, currency: 'EUR' },
 *     { id: '2', customerId: 'a', occurredAt: Date.UTC(2015, 1, 6), kind: 'purchase', amount: 2, currency: 'EUR' },
 *   ],
 *   { asOf: '2015-02-07', timeUnit: 'day' },
 * );
 * summary.customers[0] // { customerId: 'a', x: 1, tx: 36, T: 37, meanSpend: 2, ... }
 * ```
 */
export function toCalibrationSummary(
  input: readonly Transaction[] | ColumnarTransactions,
  options: CalibrationSummaryOptions,
): CalibrationSummary {
  return calibrationColumnsToSummary(toCalibrationColumns(input, options));
}

function sameUnit(a: TimeUnit, b: TimeUnit): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.days === b.days;
}

interface Entry {
  readonly part: number;
  readonly row: number;
  readonly holdoutOnly: boolean;
}

/**
 * Merges calibration summaries computed on shards of one transaction log (same options) into the summary of the
 * whole log: identical to the one-pass result when the shards split the log by customer, or by time at purchase
 * period boundaries (with day merging: any split by calendar day). Customers in several shards are recombined:
 * first purchase, last purchase, purchase periods (a period shared at a shard boundary counted once), spend, holdout
 * purchases. Refuses (a left with a code) shards with different options or with overlapping purchase ranges of one
 * customer.
 *
 * @example
 * ```ts
 * const byCustomer = [shardA, shardB].map((rows) => toCalibrationColumns(rows, options));
 * const merged = mergeCalibrationColumns(byCustomer); // right(columns identical to toCalibrationColumns(all, options))
 * ```
 */
export function mergeCalibrationColumns(
  parts: readonly CalibrationColumns[],
): E.Either<SummaryMergeRefusal, CalibrationColumns> {
  if (parts.length === 0) throw new RangeError('[clientele] mergeCalibrationColumns needs at least one summary');
  const first = parts[0]!;
  for (const part of parts) {
    if (
      !sameUnit(part.timeUnit, first.timeUnit) ||
      part.mergeWithin !== first.mergeWithin ||
      part.weekStartsOn !== first.weekStartsOn ||
      part.calibrationEnd !== first.calibrationEnd ||
      part.holdoutEnd !== first.holdoutEnd
    ) {
      return E.left({
        code: 'incompatible-summaries',
        message: 'summaries to merge must share the time unit, merging rule, calibration end and holdout end',
      });
    }
  }
  const r = resolve(
    first,
    isoToDay(first.calibrationEnd),
    first.holdoutEnd === undefined ? undefined : isoToDay(first.holdoutEnd),
  );
  const byCustomer = new Map<CustomerKey, Entry[]>();
  parts.forEach((part, p) => {
    const add = (id: CustomerKey, entry: Entry): void => {
      const list = byCustomer.get(id);
      if (list === undefined) byCustomer.set(id, [entry]);
      else list.push(entry);
    };
    part.customerId.forEach((id, i) => {
      add(id, { part: p, row: i, holdoutOnly: false });
    });
    part.holdoutOnly.customerId.forEach((id, i) => {
      add(id, { part: p, row: i, holdoutOnly: true });
    });
  });
  const ids = [...byCustomer.keys()].sort(compareKeys);
  const withHoldout = r.holdoutEndDay !== undefined;
  const cal: {
    id: CustomerKey;
    firstDay: number;
    lastDay: number;
    periods: number;
    firstSpend: number;
    total: number;
    hoPurchases: number;
    hoSpend: number;
  }[] = [];
  const newcomers: { id: CustomerKey; firstDay: number; hoPurchases: number; hoSpend: number }[] = [];
  for (const id of ids) {
    const entries = byCustomer.get(id)!;
    let hoPurchases = 0;
    let hoSpend = 0;
    let hoFirstDay = Number.POSITIVE_INFINITY;
    const calEntries: { firstDay: number; lastDay: number; periods: number; firstSpend: number; total: number }[] = [];
    for (const e of entries) {
      const part = parts[e.part]!;
      if (e.holdoutOnly) {
        hoPurchases += part.holdoutOnly.holdoutPurchases[e.row]!;
        hoSpend += part.holdoutOnly.holdoutSpend[e.row]!;
        hoFirstDay = Math.min(hoFirstDay, part.holdoutOnly.firstPurchaseDay[e.row]!);
      } else {
        calEntries.push({
          firstDay: part.firstPurchaseDay[e.row]!,
          lastDay: part.lastPurchaseDay[e.row]!,
          periods: part.x[e.row]! + 1,
          firstSpend: part.firstPeriodSpend[e.row]!,
          total: part.totalSpend[e.row]!,
        });
        hoPurchases += part.holdoutPurchases?.[e.row] ?? 0;
        hoSpend += part.holdoutSpend?.[e.row] ?? 0;
      }
    }
    if (calEntries.length === 0) {
      newcomers.push({ id, firstDay: hoFirstDay, hoPurchases, hoSpend });
      continue;
    }
    calEntries.sort((a, b) => a.firstDay - b.firstDay || a.lastDay - b.lastDay);
    const merged = { ...calEntries[0]! };
    for (let k = 1; k < calEntries.length; k++) {
      const next = calEntries[k]!;
      const lastKey = r.key(merged.lastDay);
      const nextFirstKey = r.key(next.firstDay);
      if (nextFirstKey > lastKey) {
        merged.periods += next.periods;
      } else if (nextFirstKey === lastKey) {
        // One purchase period shared at the shard boundary: counted once.
        merged.periods += next.periods - 1;
        if (r.key(merged.firstDay) === nextFirstKey) merged.firstSpend += next.firstSpend;
      } else {
        return E.left({
          code: 'overlapping-purchases',
          message: `customer ${String(id)} has purchases in overlapping time ranges in two summaries`,
          customerId: id,
        });
      }
      merged.lastDay = Math.max(merged.lastDay, next.lastDay);
      merged.total += next.total;
    }
    cal.push({ id, ...merged, hoPurchases, hoSpend });
  }
  const out = {
    customerId: cal.map((c) => c.id),
    x: Int32Array.from(cal, (c) => c.periods - 1),
    tx: Float64Array.from(cal, (c) => r.age(c.firstDay, c.lastDay)),
    T: Float64Array.from(cal, (c) => r.age(c.firstDay, r.calEndDay)),
    meanSpend: Float64Array.from(cal, (c) => (c.periods > 1 ? (c.total - c.firstSpend) / (c.periods - 1) : 0)),
    firstPurchaseDay: Int32Array.from(cal, (c) => c.firstDay),
    lastPurchaseDay: Int32Array.from(cal, (c) => c.lastDay),
    firstPeriodSpend: Float64Array.from(cal, (c) => c.firstSpend),
    totalSpend: Float64Array.from(cal, (c) => c.total),
  };
  let refunds = 0;
  let after = 0;
  for (const part of parts) {
    refunds += part.ignoredRefunds;
    after += part.ignoredAfterEnd;
  }
  return E.right(
    finishColumns(
      r,
      out,
      withHoldout ? Int32Array.from(cal, (c) => c.hoPurchases) : undefined,
      withHoldout ? Float64Array.from(cal, (c) => c.hoSpend) : undefined,
      {
        customerId: newcomers.map((c) => c.id),
        firstPurchaseDay: Int32Array.from(newcomers, (c) => c.firstDay),
        holdoutPurchases: Int32Array.from(newcomers, (c) => c.hoPurchases),
        holdoutSpend: Float64Array.from(newcomers, (c) => c.hoSpend),
      },
      refunds,
      after,
    ),
  );
}

/**
 * Record form of {@link mergeCalibrationColumns}: merges summaries of shards into the one-pass summary.
 *
 * @example
 * ```ts
 * const options = { calibrationEnd: '1997-09-30', timeUnit: 'week' } as const;
 * const merged = mergeCalibrationSummaries([toCalibrationSummary(januaryToJune, options), toCalibrationSummary(julyOnwards, options)]);
 * // right(summary equal to toCalibrationSummary(allTransactions, options))
 * ```
 */
export function mergeCalibrationSummaries(
  summaries: readonly CalibrationSummary[],
): E.Either<SummaryMergeRefusal, CalibrationSummary> {
  const merged = mergeCalibrationColumns(summaries.map(calibrationSummaryToColumns));
  return E.isLeft(merged) ? merged : E.right(calibrationColumnsToSummary(merged.right));
}
