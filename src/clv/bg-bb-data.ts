/**
 * Input of the BG/BB fit: discrete-time histories (x, t_x, n) as rows or columns, validated row by row and
 * compressed into distinct (x, t_x, n) rows with weights.
 *
 * @module
 */
import { joinPath, makeIssue, type ValidationIssue } from '../core/index.js';
import { hasNumberColumns, isNumberColumn } from './column-input.js';
import { rejectAllRows, screenRows } from './row-screening.js';

/**
 * One row of BG/BB data: a customer (or, with `weight`, that many identical customers) with `x` transactions in
 * `n` opportunities, the last in opportunity `tx`.
 *
 * @example
 * ```ts
 * const row: BgBbRow = { x: 4, tx: 6, n: 6, weight: 512 }; // 512 donors gave in 4 of 6 years, last in year 6
 * ```
 */
export interface BgBbRow {
  /** Number of opportunities with a transaction (after the first, acquisition, transaction). */
  readonly x: number;
  /** Opportunity of the last transaction, 0 when x = 0. */
  readonly tx: number;
  /** Number of opportunities observed. */
  readonly n: number;
  /** Number of customers with this history (default 1). */
  readonly weight?: number | undefined;
}

/**
 * BG/BB data in columns (any array-like of numbers, typed arrays included); `weight` optional.
 *
 * @example
 * ```ts
 * const columns: BgBbColumns = { x: [0, 6], tx: [0, 6], n: [6, 6], weight: [3464, 1203] };
 * ```
 */
export interface BgBbColumns {
  /** Transactions per customer. */
  readonly x: ArrayLike<number>;
  /** Opportunity of the last transaction per customer. */
  readonly tx: ArrayLike<number>;
  /** Opportunities observed per customer. */
  readonly n: ArrayLike<number>;
  /** Customers per row (default 1 each). */
  readonly weight?: ArrayLike<number> | undefined;
}

/**
 * Validated BG/BB data: the distinct (x, t_x, n) rows with summed weights (sorted, so the result does not depend on
 * input order), plus the rejected input rows and their issues.
 *
 * @example
 * ```ts
 * const prepared: PreparedBgBbData = prepareBgBbData([{ x: 1, tx: 2, n: 6 }, { x: 1, tx: 2, n: 6 }]);
 * prepared.weight //=> [2]
 * ```
 */
export interface PreparedBgBbData {
  /** Distinct transaction counts. */
  readonly x: number[];
  /** Distinct recencies. */
  readonly tx: number[];
  /** Distinct opportunity counts. */
  readonly n: number[];
  /** Customers per distinct row. */
  readonly weight: number[];
  /** Total weight (number of customers). */
  readonly customers: number;
  /** Input indices of rejected rows, ascending. */
  readonly rejected: number[];
  /** Every issue of every rejected row. */
  readonly issues: ValidationIssue[];
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function checkRow(
  x: unknown,
  tx: unknown,
  n: unknown,
  weight: unknown,
  path: (field: string) => string,
  issues: ValidationIssue[],
): boolean {
  const before = issues.length;
  if (!isCount(x)) issues.push(makeIssue(path('x'), 'non-negative integer', x));
  if (!isCount(tx)) issues.push(makeIssue(path('tx'), 'non-negative integer', tx));
  if (!isCount(n)) issues.push(makeIssue(path('n'), 'non-negative integer', n));
  if (weight !== undefined && !(typeof weight === 'number' && Number.isFinite(weight) && weight >= 0)) {
    issues.push(makeIssue(path('weight'), 'finite non-negative number', weight));
  }
  if (issues.length === before && isCount(x) && isCount(tx) && isCount(n)) {
    if (tx > n) issues.push(makeIssue(path('tx'), `tx <= n (${n})`, tx));
    else if (x > tx) issues.push(makeIssue(path('x'), `x <= tx (${tx})`, x));
    else if (x === 0 && tx !== 0) issues.push(makeIssue(path('tx'), 'tx = 0 when x = 0', tx));
  }
  return issues.length === before;
}

/**
 * Validates BG/BB rows or columns and compresses identical histories into weights. Invalid rows are reported
 * (path `data[i].field`, or `data.field[i]` for columns) and left out; nothing is dropped silently.
 *
 * @example
 * ```ts
 * const prepared = prepareBgBbData({ x: [0, 2, 9], tx: [0, 3, 2], n: [6, 6, 6] });
 * prepared.rejected //=> [2]  (x > tx)
 * prepared.customers //=> 2
 * ```
 */
export function prepareBgBbData(data: readonly BgBbRow[] | BgBbColumns, root = 'data'): PreparedBgBbData {
  const issues: ValidationIssue[] = [];
  const rejected: number[] = [];
  const groups = new Map<string, { x: number; tx: number; n: number; weight: number }>();
  const add = (x: number, tx: number, n: number, weight: number): void => {
    if (weight === 0) return;
    const key = `${x},${tx},${n}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { x, tx, n, weight });
    else group.weight += weight;
  };
  if (Array.isArray(data)) {
    const rows = data as readonly unknown[];
    const screened = screenRows(rows.length, (i, rowIssues) => {
      const row = rows[i];
      const rowPath = joinPath(root, i);
      if (row === null || typeof row !== 'object') {
        rowIssues.push(makeIssue(rowPath, 'object {x, tx, n, weight?}', row));
        return;
      }
      const r = row as Record<string, unknown>;
      if (checkRow(r.x, r.tx, r.n, r.weight, (field) => joinPath(rowPath, field), rowIssues)) {
        add(r.x as number, r.tx as number, r.n as number, (r.weight as number | undefined) ?? 1);
      }
    });
    issues.push(...screened.issues);
    rejected.push(...screened.rejected);
  } else if (!hasNumberColumns(data, ['x', 'tx', 'n'])) {
    issues.push(makeIssue(root, 'array of rows {x, tx, n, weight?} or columns {x, tx, n, weight?}', data));
  } else {
    const columns = data as BgBbColumns;
    const length = columns.x.length;
    for (const field of ['tx', 'n', 'weight'] as const) {
      const column = columns[field];
      if (column !== undefined && (!isNumberColumn(column) || column.length !== length)) {
        issues.push(makeIssue(joinPath(root, field), `a column of length ${length}`, `length ${column.length}`));
      }
    }
    if (issues.length > 0) {
      const all = rejectAllRows(length, issues);
      return { x: [], tx: [], n: [], weight: [], customers: 0, rejected: all.rejected, issues: all.issues };
    }
    const screened = screenRows(length, (i, rowIssues) => {
      const w = columns.weight?.[i];
      if (checkRow(columns.x[i], columns.tx[i], columns.n[i], w, (field) => joinPath(joinPath(root, field), i), rowIssues)) {
        add(columns.x[i]!, columns.tx[i]!, columns.n[i]!, w ?? 1);
      }
    });
    issues.push(...screened.issues);
    rejected.push(...screened.rejected);
  }
  const sorted = [...groups.values()].sort((a, b) => a.n - b.n || a.x - b.x || a.tx - b.tx);
  let customers = 0;
  for (const g of sorted) customers += g.weight;
  return {
    x: sorted.map((g) => g.x),
    tx: sorted.map((g) => g.tx),
    n: sorted.map((g) => g.n),
    weight: sorted.map((g) => g.weight),
    customers,
    rejected,
    issues,
  };
}
