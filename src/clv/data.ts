/**
 * Recency-frequency data, the input of the purchase models (BG/NBD, Pareto/NBD, MBG/NBD): per customer (or per
 * group of identical customers, with a weight) the number of repeat purchases `x`, the age at the last purchase
 * `tx` and the age at the end of calibration `T`, all in one time unit. Also: normalisation of the accepted
 * shapes, validation, an untrusted-input decoder and compression of identical rows into weights.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import { decodeWith, makeIssue, type ValidationIssue } from '../core/index.js';
import type { FitOptions } from './fit.js';
import { rejectAllRows, screenRows, type RejectedRows } from './row-screening.js';
import { rankValues } from './ranks.js';
import type { TimeUnit } from './units.js';

/**
 * One customer's recency-frequency statistics (names as in Fader, Hardie & Lee 2005): `x` repeat purchases,
 * `tx` age at the last purchase, `T` age at the end of calibration, both measured from the first purchase in the
 * data's time unit. `weight` (default 1) counts identical customers.
 *
 * @example
 * ```ts
 * const customer: RecencyFrequency = { x: 2, tx: 30.43, T: 38.86 };
 * const group: RecencyFrequency = { x: 0, tx: 0, T: 38.86, weight: 112 };
 * ```
 */
export interface RecencyFrequency {
  /** Number of repeat purchases (purchase periods after the first), a non-negative integer. */
  readonly x: number;
  /** Age at the last purchase (0 when x = 0). */
  readonly tx: number;
  /** Age at the end of the calibration period, ≥ tx. */
  readonly T: number;
  /** Number of identical customers this row stands for (default 1). */
  readonly weight?: number;
}

/**
 * Recency-frequency statistics as parallel columns (the fast path for large bases). The calibration summary's
 * columnar form ({@link CalibrationColumns}) is one of these.
 *
 * @example
 * ```ts
 * const columns: RecencyFrequencyColumns = {
 *   x: Float64Array.from([2, 0]), tx: Float64Array.from([30.43, 0]), T: Float64Array.from([38.86, 38.86]),
 *   weight: Float64Array.from([1, 112]), timeUnit: 'week',
 * };
 * ```
 */
export interface RecencyFrequencyColumns {
  /** Repeat purchases per row. */
  readonly x: ArrayLike<number>;
  /** Age at the last purchase per row. */
  readonly tx: ArrayLike<number>;
  /** Age at the end of calibration per row. */
  readonly T: ArrayLike<number>;
  /** Customers per row (all 1 when absent). */
  readonly weight?: ArrayLike<number>;
  /** The time unit of tx and T, when known. */
  readonly timeUnit?: TimeUnit;
}

/**
 * Anything the purchase models accept: rows, columns, or a calibration summary (whose `customers` rows and
 * `timeUnit` are used).
 *
 * @example
 * ```ts
 * const data: PurchaseData = [{ x: 2, tx: 30.43, T: 38.86 }, { x: 0, tx: 0, T: 38.86 }];
 * ```
 */
export type PurchaseData = readonly RecencyFrequency[] | RecencyFrequencyColumns | PurchaseSummary;

/**
 * A calibration summary as the purchase models read it: its `customers` rows and its time unit.
 *
 * @example
 * ```ts
 * const summary: PurchaseSummary = { customers: [{ x: 2, tx: 30.43, T: 38.86 }], timeUnit: 'week' };
 * ```
 */
export interface PurchaseSummary {
  /** One row per customer. */
  readonly customers: readonly RecencyFrequency[];
  /** Time unit of tx and T. */
  readonly timeUnit: TimeUnit;
}

/**
 * Normalised recency-frequency columns: `Float64Array`s, with weights.
 *
 * @example
 * ```ts
 * const columns: WeightedRecencyFrequency = toRecencyFrequencyColumns([{ x: 1, tx: 2, T: 5 }]);
 * columns.weight //=> Float64Array [1]
 * ```
 */
export interface WeightedRecencyFrequency {
  /** Repeat purchases per row. */
  readonly x: Float64Array;
  /** Age at the last purchase per row. */
  readonly tx: Float64Array;
  /** Age at the end of calibration per row. */
  readonly T: Float64Array;
  /** Customers per row. */
  readonly weight: Float64Array;
  /** The time unit, when the input carried one. */
  readonly timeUnit?: TimeUnit;
}

/**
 * Options of the purchase models' `fit`: the shared {@link FitOptions} (L2 penalty, a first starting point,
 * iteration limit) and the time unit when the data do not carry one (plain rows or columns without `timeUnit`).
 *
 * @example
 * ```ts
 * const options: PurchaseFitOptions = { timeUnit: 'week', penalty: 0.001 };
 * ```
 */
export interface PurchaseFitOptions extends FitOptions {
  /** Time unit of tx and T when the data do not say; must agree with the data's when both are given. */
  readonly timeUnit?: TimeUnit;
}

/**
 * Options of the discounted-expected-residual-transactions (DERT) predictions.
 *
 * @example
 * ```ts
 * const weekly: DiscountOptions = { discountRate: Math.log(1.1) / 52.18 }; // 10% a year, continuously, per week
 * ```
 */
export interface DiscountOptions {
  /**
   * Continuously compounded discount rate δ per time unit of the model (a purchase at time t is worth e^(−δt)).
   * From an effective rate d per year and k time units per year: δ = ln(1 + d)/k.
   */
  readonly discountRate: number;
}

function isRowArray(data: PurchaseData): data is readonly RecencyFrequency[] {
  return Array.isArray(data);
}

function isSummary(data: PurchaseData): data is PurchaseSummary {
  return !Array.isArray(data) && 'customers' in data;
}

/**
 * Converts any accepted {@link PurchaseData} shape to weighted `Float64Array` columns (no validation; see
 * {@link validateRecencyFrequency}).
 *
 * @example
 * ```ts
 * const columns = toRecencyFrequencyColumns({ customers: [{ x: 1, tx: 2, T: 5 }], timeUnit: 'week' });
 * columns.T //=> Float64Array [5]
 * columns.timeUnit //=> 'week'
 * ```
 */
export function toRecencyFrequencyColumns(data: PurchaseData): WeightedRecencyFrequency {
  const rows = isRowArray(data) ? data : isSummary(data) ? data.customers : undefined;
  if (rows !== undefined) {
    const n = rows.length;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    const weight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Rows that are not objects (untyped callers) become NaN rows, which validation then rejects.
      const candidate: unknown = rows[i];
      const row = (typeof candidate === 'object' && candidate !== null ? candidate : {}) as Partial<RecencyFrequency>;
      x[i] = row.x ?? Number.NaN;
      tx[i] = row.tx ?? Number.NaN;
      T[i] = row.T ?? Number.NaN;
      weight[i] = row.weight ?? 1;
    }
    const timeUnit = isSummary(data) ? data.timeUnit : undefined;
    return { x, tx, T, weight, ...(timeUnit === undefined ? {} : { timeUnit }) };
  }
  const columns = data as RecencyFrequencyColumns;
  const n = columns.x.length;
  const weight = new Float64Array(n);
  if (columns.weight === undefined) weight.fill(1);
  else for (let i = 0; i < n; i++) weight[i] = columns.weight[i]!;
  return {
    x: Float64Array.from(columns.x),
    tx: Float64Array.from(columns.tx),
    T: Float64Array.from(columns.T),
    weight,
    ...(columns.timeUnit === undefined ? {} : { timeUnit: columns.timeUnit }),
  };
}

type RowField = 'x' | 'tx' | 'T' | 'weight';

function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

/** The issues of one row (raw values, as given), passed to `report` field by field. */
function checkRow(
  x: unknown,
  tx: unknown,
  T: unknown,
  weight: unknown,
  report: (field: RowField, expected: string, value: unknown) => void,
): void {
  const age = isNumber(T) ? T : Number.NaN;
  if (!(isNumber(x) && Number.isInteger(x) && x >= 0)) report('x', 'a non-negative integer', x);
  if (!(Number.isFinite(age) && age >= 0)) report('T', 'a finite age ≥ 0', T);
  if (!(isNumber(tx) && Number.isFinite(tx) && tx >= 0 && tx <= age)) report('tx', 'a finite age with 0 ≤ tx ≤ T', tx);
  else if (x === 0 && tx !== 0) report('tx', '0 when x = 0', tx);
  if (!(weight === undefined || (isNumber(weight) && Number.isFinite(weight) && weight >= 0))) {
    report('weight', 'a finite non-negative weight', weight);
  }
}

/** Column-length issues of columnar data (empty for rows and summaries). */
function columnIssues(data: PurchaseData): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (isRowArray(data) || isSummary(data)) return issues;
  const n = data.x.length;
  for (const [name, column] of [
    ['tx', data.tx],
    ['T', data.T],
    ['weight', data.weight],
  ] as const) {
    if (column !== undefined && column.length !== n) {
      issues.push(makeIssue(`data.${name}`, `${n} rows (the length of x)`, `${column.length} rows`));
    }
  }
  return issues;
}

/** Row count, raw field access and issue paths of any accepted shape (column lengths already checked). */
function rowAccess(data: PurchaseData): {
  readonly count: number;
  readonly field: (i: number, name: RowField) => unknown;
  readonly path: (i: number, name: RowField | undefined) => string;
} {
  if (isRowArray(data) || isSummary(data)) {
    const rows = (isSummary(data) ? data.customers : data) as readonly unknown[];
    const base = isSummary(data) ? 'data.customers' : 'data';
    return {
      count: rows.length,
      field: (i, name) => {
        const row = rows[i];
        return typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[name] : undefined;
      },
      path: (i, name) => (name === undefined ? `${base}[${i}]` : `${base}[${i}].${name}`),
    };
  }
  const columns = data;
  return {
    count: columns.x.length,
    field: (i, name) => (name === 'weight' ? columns.weight?.[i] : columns[name][i]),
    path: (i, name) => (name === undefined ? `data[${i}]` : `data.${name}[${i}]`),
  };
}

/** Whether row i of normalised columns passes every row check (the values are numbers). */
function isValidRow(c: WeightedRecencyFrequency, i: number): boolean {
  const x = c.x[i]!;
  const tx = c.tx[i]!;
  const T = c.T[i]!;
  const w = c.weight[i]!;
  return Number.isInteger(x) && x >= 0 && Number.isFinite(T) && T >= 0 && tx >= 0 && tx <= T && (x !== 0 || tx === 0) && Number.isFinite(w) && w >= 0;
}

/**
 * For columns that are all typed arrays (whose values are always numbers), whether every row is valid, in one tight
 * pass over the normalised columns; `false` for other shapes (which then take the detailed row-by-row check).
 */
function allTypedRowsValid(data: PurchaseData, c: WeightedRecencyFrequency | undefined): boolean {
  if (c === undefined || isRowArray(data) || isSummary(data)) return false;
  if (![data.x, data.tx, data.T, data.weight].every((column) => column === undefined || ArrayBuffer.isView(column))) return false;
  for (let i = 0; i < c.x.length; i++) if (!isValidRow(c, i)) return false;
  return true;
}

/** The issues of row i of any shape: a row that is not an object is one issue at `data[i]`. */
function checkRowAt(
  data: PurchaseData,
  access: ReturnType<typeof rowAccess>,
  i: number,
  report: (field: RowField | undefined, expected: string, value: unknown) => void,
): void {
  if (isRowArray(data) || isSummary(data)) {
    const row: unknown = isSummary(data) ? data.customers[i] : data[i];
    if (typeof row !== 'object' || row === null) {
      report(undefined, 'an object {x, tx, T, weight?}', row);
      return;
    }
  }
  checkRow(access.field(i, 'x'), access.field(i, 'tx'), access.field(i, 'T'), access.field(i, 'weight'), report);
}

/**
 * Checks recency-frequency data: equal column lengths, x a non-negative integer, 0 ≤ tx ≤ T finite, x = 0 ⇒
 * tx = 0, weights finite and non-negative. Returns every issue (at most 100 per field) with its path. The fits
 * apply the same checks row by row through {@link screenRecencyFrequency}.
 *
 * @example
 * ```ts
 * validateRecencyFrequency([{ x: 1, tx: 9, T: 5 }])[0]?.path //=> 'data[0].tx'
 * validateRecencyFrequency([{ x: 1, tx: 2, T: 5 }]) //=> []
 * ```
 */
export function validateRecencyFrequency(data: PurchaseData): ValidationIssue[] {
  const issues = columnIssues(data);
  if (issues.length > 0) return issues;
  const access = rowAccess(data);
  if (allTypedRowsValid(data, toRecencyFrequencyColumns(data))) return issues;
  const counts = new Map<string, number>();
  for (let i = 0; i < access.count; i++) {
    checkRowAt(data, access, i, (field, expected, value) => {
      const key = field ?? 'row';
      const count = counts.get(key) ?? 0;
      if (count < 100) issues.push(makeIssue(access.path(i, field), expected, value));
      counts.set(key, count + 1);
    });
  }
  return issues;
}

/**
 * Recency-frequency data after the row-by-row checks of {@link validateRecencyFrequency}: the valid rows as
 * weighted columns, and the rejected rows with every issue (no cap). Unequal column lengths reject every row.
 *
 * @example
 * ```ts
 * const screened: ScreenedRecencyFrequency = screenRecencyFrequency([{ x: 1, tx: 2, T: 5 }, { x: 1, tx: 9, T: 5 }]);
 * screened.rejected //=> [1]
 * ```
 */
export interface ScreenedRecencyFrequency extends RejectedRows {
  /** The valid rows (in input order), with the data's time unit when it has one. */
  readonly valid: WeightedRecencyFrequency;
}

/**
 * Splits recency-frequency data into the valid rows and the rejected ones with their issues (paths `data[i].field`,
 * `data.customers[i].field` or `data.field[i]`), so that fits can use the valid rows and report the rest.
 *
 * @example
 * ```ts
 * const screened = screenRecencyFrequency({ x: [1, 0], tx: [2, 3], T: [5, 5], timeUnit: 'week' });
 * screened.rejected //=> [1]            (x = 0 needs tx = 0)
 * screened.issues[0]?.path //=> 'data.tx[1]'
 * screened.valid.x //=> Float64Array [1]
 * ```
 */
export function screenRecencyFrequency(data: PurchaseData): ScreenedRecencyFrequency {
  const structural = columnIssues(data);
  const access = rowAccess(data);
  const all = structural.length > 0 ? undefined : toRecencyFrequencyColumns(data);
  if (all !== undefined && allTypedRowsValid(data, all)) return { valid: all, rejected: [], issues: [] };
  const screened =
    structural.length > 0
      ? rejectAllRows(access.count, structural)
      : screenRows(access.count, (i, issues) => {
          checkRowAt(data, access, i, (field, expected, value) => {
            issues.push(makeIssue(access.path(i, field), expected, value));
          });
        });
  const unit = isSummary(data) ? data.timeUnit : isRowArray(data) ? undefined : data.timeUnit;
  const timeUnit = unit === undefined ? {} : { timeUnit: unit };
  if (all !== undefined && screened.rejected.length === 0) return { valid: all, rejected: [], issues: [] };
  const kept: number[] = [];
  for (let i = 0; i < screened.accepted.length; i++) if (screened.accepted[i] === 1) kept.push(i);
  const pick = (column: Float64Array | undefined): Float64Array =>
    column === undefined ? new Float64Array(0) : Float64Array.from(kept, (i) => column[i]!);
  return {
    valid: { x: pick(all?.x), tx: pick(all?.tx), T: pick(all?.T), weight: pick(all?.weight), ...timeUnit },
    rejected: screened.rejected,
    issues: screened.issues,
  };
}

const NonNegativeFinite = new t.Type<number, number, unknown>(
  'NonNegativeFinite',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0,
  (u, c) => (typeof u === 'number' && Number.isFinite(u) && u >= 0 ? t.success(u) : t.failure(u, c)),
  (a) => a,
);

const NonNegativeInteger = new t.Type<number, number, unknown>(
  'NonNegativeInteger',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0,
  (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= 0 ? t.success(u) : t.failure(u, c)),
  (a) => a,
);

/** Codec of one {@link RecencyFrequency} row (shape only; cross-field checks are in {@link decodeRecencyFrequency}). */
const RecencyFrequencyCodec = t.intersection([
  t.type({ x: NonNegativeInteger, tx: NonNegativeFinite, T: NonNegativeFinite }),
  t.partial({ weight: NonNegativeFinite }),
]);

/**
 * Decodes untrusted recency-frequency rows (e.g. parsed JSON): every issue with its path, including the
 * cross-field rules (tx ≤ T, x = 0 ⇒ tx = 0).
 *
 * @example
 * ```ts
 * decodeRecencyFrequency([{ x: 1, tx: 2, T: 5 }]) //=> right([{ x: 1, tx: 2, T: 5 }])
 * decodeRecencyFrequency([{ x: -1, tx: 2, T: 5 }]) // left([{ path: 'data[0].x', ... }])
 * ```
 */
export function decodeRecencyFrequency(input: unknown): E.Either<ValidationIssue[], RecencyFrequency[]> {
  const decoded = decodeWith(t.array(RecencyFrequencyCodec), input, 'data');
  if (E.isLeft(decoded)) return decoded;
  const issues = validateRecencyFrequency(decoded.right);
  return issues.length > 0 ? E.left(issues) : decoded;
}

/** Stable counting sort of `order` by key[order[i]] ∈ [0, range). */
function countingSort(order: Int32Array, key: Int32Array, range: number): Int32Array {
  const counts = new Int32Array(range + 1);
  for (let i = 0; i < order.length; i++) counts[key[order[i]!]! + 1]!++;
  for (let k = 1; k <= range; k++) counts[k]! += counts[k - 1]!;
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const row = order[i]!;
    out[counts[key[row]!]!++] = row;
  }
  return out;
}

/** Whether rows are strictly increasing in (x, T, tx) with positive weights (already compressed). */
function isCompressed(c: WeightedRecencyFrequency): boolean {
  for (let i = 0; i < c.x.length; i++) {
    if (!(c.weight[i]! > 0)) return false;
    if (i === 0) continue;
    const dx = c.x[i]! - c.x[i - 1]!;
    const dT = c.T[i]! - c.T[i - 1]!;
    const dtx = c.tx[i]! - c.tx[i - 1]!;
    if (!(dx > 0 || (dx === 0 && (dT > 0 || (dT === 0 && dtx > 0))))) return false;
  }
  return true;
}

/**
 * Merges identical (x, tx, T) rows into one row with the summed weight (rows of weight 0 are dropped). The output
 * is sorted by x, then T, then tx, so the result does not depend on the input order. Fitting on the compressed
 * data gives the same likelihood as on the rows: CDNOW's 2,357 customers become about a thousand rows; a
 * day-level base of a million customers a few hundred thousand. Linear time (counting sorts on the ranks of the
 * values); already compressed input is returned as it is.
 *
 * @example
 * ```ts
 * const compressed = compressRecencyFrequency([
 *   { x: 0, tx: 0, T: 10 }, { x: 0, tx: 0, T: 10 }, { x: 2, tx: 4, T: 10 },
 * ]);
 * compressed.weight //=> Float64Array [2, 1]
 * ```
 */
export function compressRecencyFrequency(data: PurchaseData): WeightedRecencyFrequency {
  const c = toRecencyFrequencyColumns(data);
  if (isCompressed(c)) return c;
  const n = c.x.length;
  const ages = rankValues(c.T);
  const recencies = rankValues(c.tx);
  let maxX = 0;
  for (let i = 0; i < n; i++) maxX = Math.max(maxX, c.x[i]!);
  const xKey = Int32Array.from(c.x);
  let order: Int32Array = Int32Array.from({ length: n }, (_, i) => i);
  order = countingSort(order, recencies.rank, recencies.table.length);
  order = countingSort(order, ages.rank, ages.table.length);
  if (Number.isInteger(maxX) && maxX <= 4 * n + 1_000_000) order = countingSort(order, xKey, maxX + 1);
  else
    order.sort((i, j) => c.x[i]! - c.x[j]! || ages.rank[i]! - ages.rank[j]! || recencies.rank[i]! - recencies.rank[j]!);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  let last = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const w = c.weight[i]!;
    if (w === 0) continue;
    if (
      last >= 0 &&
      c.x[i] === c.x[last] &&
      ages.rank[i] === ages.rank[last] &&
      recencies.rank[i] === recencies.rank[last]
    ) {
      weight[weight.length - 1]! += w;
      continue;
    }
    x.push(c.x[i]!);
    tx.push(c.tx[i]!);
    T.push(c.T[i]!);
    weight.push(w);
    last = i;
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    ...(c.timeUnit === undefined ? {} : { timeUnit: c.timeUnit }),
  };
}
