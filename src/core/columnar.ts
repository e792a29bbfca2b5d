/**
 * The columnar form of transactions: parallel typed arrays, the fast path of every module that scans millions of
 * rows (RFM, CLV summaries, derived profiles, churn signals).
 *
 * @module
 */
import { makeIssue, type ValidationIssue } from './issues.js';
import type { Transaction } from './records.js';
import { MS_PER_DAY } from './time.js';

/** `kind` code of a purchase in {@link ColumnarTransactions.kind}. */
export const KIND_PURCHASE = 0;
/** `kind` code of a refund in {@link ColumnarTransactions.kind}. */
export const KIND_REFUND = 1;

/**
 * Transactions as parallel columns; row `i` is `{ customerId[i], day[i] or occurredAt[i], amount[i], kind[i], orderId[i] }`.
 * Give `day` (integer day numbers, see `dayNumber`) or `occurredAt` (epoch ms); when both are present `day` is used
 * for day-level work. Amounts are non-negative major units; the kind gives the sign.
 *
 * @example
 * ```ts
 * const columns: ColumnarTransactions = {
 *   customerId: ['a', 'a', 'b'],
 *   day: Int32Array.from([19700, 19730, 19731]),
 *   amount: Float64Array.from([20, 35.5, 12]),
 *   kind: Uint8Array.from([KIND_PURCHASE, KIND_PURCHASE, KIND_PURCHASE]),
 * };
 * ```
 */
export interface ColumnarTransactions {
  /** Customer of each row: strings, or numbers (a plain array or any typed array). */
  readonly customerId: ArrayLike<string> | ArrayLike<number>;
  /** Calendar day number of each row. */
  readonly day?: Int32Array;
  /** Instant (epoch ms) of each row. */
  readonly occurredAt?: Float64Array;
  /** Amount of each row, non-negative, in major units. */
  readonly amount: Float64Array;
  /** {@link KIND_PURCHASE} or {@link KIND_REFUND} per row; all purchases when absent. */
  readonly kind?: Uint8Array;
  /** Order of each row (rows of one order count as one order); each row is its own order when absent. */
  readonly orderId?: ArrayLike<string> | ArrayLike<number>;
}

/**
 * Checks a columnar batch: equal column lengths, a time column, finite non-negative amounts, known kinds, finite
 * times. Returns every issue (capped at 100 per column) with paths like `columns.amount[17]`.
 *
 * @example
 * ```ts
 * validateColumnar({ customerId: ['a'], day: Int32Array.from([1]), amount: Float64Array.from([-1]) })[0]?.path
 * //=> 'columns.amount[0]'
 * ```
 */
export function validateColumnar(columns: ColumnarTransactions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const n = columns.amount.length;
  const lengthOf = (name: string, column: ArrayLike<unknown> | undefined): void => {
    if (column !== undefined && column.length !== n) {
      issues.push(makeIssue(`columns.${name}`, `${n} rows (the length of amount)`, `${column.length} rows`));
    }
  };
  lengthOf('customerId', columns.customerId);
  lengthOf('day', columns.day);
  lengthOf('occurredAt', columns.occurredAt);
  lengthOf('kind', columns.kind);
  lengthOf('orderId', columns.orderId);
  if (columns.day === undefined && columns.occurredAt === undefined) {
    issues.push(makeIssue('columns', 'a day or occurredAt column', 'neither'));
  }
  if (issues.length > 0) return issues;
  const check = (name: string, ok: (i: number) => boolean, expected: string, value: (i: number) => unknown): void => {
    let count = 0;
    for (let i = 0; i < n && count < 100; i++) {
      if (!ok(i)) {
        issues.push(makeIssue(`columns.${name}[${i}]`, expected, value(i)));
        count++;
      }
    }
  };
  const amount = columns.amount;
  check(
    'amount',
    (i) => amount[i]! >= 0 && amount[i]! < Number.POSITIVE_INFINITY,
    'finite non-negative amount',
    (i) => amount[i],
  );
  const kind = columns.kind;
  if (kind !== undefined)
    check(
      'kind',
      (i) => kind[i]! <= KIND_REFUND,
      '0 (purchase) or 1 (refund)',
      (i) => kind[i],
    );
  const at = columns.occurredAt;
  if (at !== undefined)
    check(
      'occurredAt',
      (i) => Number.isFinite(at[i]),
      'finite epoch milliseconds',
      (i) => at[i],
    );
  return issues;
}

/**
 * Converts decoded transactions to columns (UTC day numbers and epoch ms both filled).
 *
 * @example
 * ```ts
 * const columns = toColumnar([
 *   { id: 't1', customerId: 'a', occurredAt: Date.UTC(2024, 0, 2), kind: 'purchase', amount: 10, currency: 'EUR' },
 * ]);
 * columns.day //=> Int32Array [19724]
 * ```
 */
export function toColumnar(transactions: readonly Transaction[]): Required<ColumnarTransactions> {
  const n = transactions.length;
  const customerId = new Array<string>(n);
  const orderId = new Array<string>(n);
  const day = new Int32Array(n);
  const occurredAt = new Float64Array(n);
  const amount = new Float64Array(n);
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const tx = transactions[i]!;
    customerId[i] = tx.customerId;
    orderId[i] = tx.orderId ?? tx.id;
    occurredAt[i] = tx.occurredAt;
    day[i] = Math.floor(tx.occurredAt / MS_PER_DAY);
    amount[i] = tx.amount;
    kind[i] = tx.kind === 'refund' ? KIND_REFUND : KIND_PURCHASE;
  }
  return { customerId, orderId, day, occurredAt, amount, kind };
}

/**
 * The day number of row `i`: `day[i]` when present, else the UTC day of `occurredAt[i]`.
 *
 * @example
 * ```ts
 * columnDay({ customerId: [1], occurredAt: Float64Array.from([86_400_000 * 3.5]), amount: Float64Array.from([1]) }, 0) //=> 3
 * ```
 */
export function columnDay(columns: ColumnarTransactions, i: number): number {
  if (columns.day !== undefined) return columns.day[i]!;
  return Math.floor(columns.occurredAt![i]! / MS_PER_DAY);
}
