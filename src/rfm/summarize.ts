/**
 * `summarize`: per-customer recency, frequency, monetary value, first purchase, tenure and average order value.
 *
 * @module
 */
import {
  currencyExponent,
  dayNumber,
  isoDateOfDayNumber,
  toInstant,
  type ColumnarTransactions,
  type Transaction,
} from '../core/index.js';
import { customerSlots, orderKeys } from './id-columns.js';
import { runSummaryEngine, type EngineInput, type EngineSettings } from './summary-engine.js';
import type { RfmSummary, RfmWarning, SummarizeOptions } from './types.js';

/**
 * True when the input is the columnar form (parallel typed arrays) rather than an array of records.
 *
 * @example
 * ```ts
 * isColumnarInput({ customerId: [1], day: Int32Array.of(0), amount: Float64Array.of(5) }) //=> true
 * isColumnarInput([]) //=> false
 * ```
 */
export function isColumnarInput(input: readonly Transaction[] | ColumnarTransactions): input is ColumnarTransactions {
  return !Array.isArray(input);
}

function normaliseSettings(options: SummarizeOptions): EngineSettings {
  const timeZone = options.timeZone ?? 'UTC';
  const frequency = options.frequency ?? 'orders';
  const monetary = options.monetary ?? 'net';
  if (frequency !== 'orders' && frequency !== 'rows' && frequency !== 'days') {
    throw new RangeError(
      `[clientele] summarize: frequency must be 'orders', 'rows' or 'days', got ${String(frequency)}`,
    );
  }
  if (monetary !== 'net' && monetary !== 'gross') {
    throw new RangeError(`[clientele] summarize: monetary must be 'net' or 'gross', got ${String(monetary)}`);
  }
  const amountDecimals =
    options.amountDecimals ?? (options.currency === undefined ? 2 : currencyExponent(options.currency));
  if (!Number.isInteger(amountDecimals) || amountDecimals < 0 || amountDecimals > 9) {
    throw new RangeError(
      `[clientele] summarize: amountDecimals must be an integer 0..9, got ${String(amountDecimals)}`,
    );
  }
  const calendar = timeZone === 'UTC' ? {} : { timeZone };
  const asOf = toInstant(options.asOf, calendar);
  const asOfDay = dayNumber(asOf, calendar);
  if (!Number.isFinite(asOfDay)) throw new RangeError(`[clientele] summarize: unknown time zone ${timeZone}`);
  return {
    asOf,
    asOfDay,
    asOfDate: isoDateOfDayNumber(asOfDay),
    timeZone,
    frequency,
    monetary,
    amountDecimals,
    mergeable: options.mergeable === true,
  };
}

function recordInput(transactions: readonly Transaction[], options: SummarizeOptions): EngineInput {
  const n = transactions.length;
  const customerId = new Array<unknown>(n);
  const orderId = new Array<unknown>(n);
  const occurredAt = new Float64Array(n);
  const amount = new Float64Array(n);
  const kind = new Uint8Array(n);
  const wanted = options.currency?.toUpperCase();
  const currencyRejected = wanted === undefined ? undefined : new Uint8Array(n);
  const currencies = new Set<string>();
  for (let i = 0; i < n; i++) {
    const tx = transactions[i]!;
    customerId[i] = tx.customerId;
    orderId[i] = tx.orderId ?? tx.id;
    occurredAt[i] = typeof tx.occurredAt === 'number' ? tx.occurredAt : Number.NaN;
    amount[i] = typeof tx.amount === 'number' ? tx.amount : Number.NaN;
    kind[i] = tx.kind === 'purchase' ? 0 : tx.kind === 'refund' ? 1 : 255;
    const currency = typeof tx.currency === 'string' ? tx.currency.toUpperCase() : String(tx.currency);
    currencies.add(currency);
    if (currencyRejected !== undefined && currency !== wanted) currencyRejected[i] = 1;
  }
  const warnings: RfmWarning[] = [];
  if (wanted === undefined && currencies.size > 1) {
    const list = [...currencies].sort();
    warnings.push({
      code: 'mixed-currencies',
      count: list.length,
      message: `transactions in ${list.join(', ')} were summed together; pass { currency } to keep one`,
    });
  }
  return {
    customers: customerSlots(customerId as string[]),
    rawCustomerId: customerId,
    day: undefined,
    occurredAt,
    amount,
    kind,
    orders: orderKeys(orderId as string[]),
    rawOrderId: orderId,
    currencyRejected,
    currencyOf: (row) => transactions[row]?.currency,
    path: (column, row) => `transactions[${row}].${column}`,
    warnings,
  };
}

function columnarInput(columns: ColumnarTransactions): EngineInput {
  const n = columns.amount.length;
  const lengths: [string, ArrayLike<unknown> | undefined][] = [
    ['customerId', columns.customerId],
    ['day', columns.day],
    ['occurredAt', columns.occurredAt],
    ['kind', columns.kind],
    ['orderId', columns.orderId],
  ];
  for (const [name, column] of lengths) {
    if (column !== undefined && column.length !== n) {
      throw new RangeError(`[clientele] summarize: columns.${name} has ${column.length} rows, amount has ${n}`);
    }
  }
  return {
    customers: customerSlots(columns.customerId),
    rawCustomerId: columns.customerId,
    day: columns.day,
    occurredAt: columns.occurredAt,
    amount: columns.amount,
    kind: columns.kind,
    orders: columns.orderId === undefined ? undefined : orderKeys(columns.orderId),
    rawOrderId: columns.orderId,
    currencyRejected: undefined,
    currencyOf: undefined,
    path: (column, row) => `columns.${column}[${row}]`,
    warnings: [],
  };
}

/**
 * Summarises transactions per customer as of an explicit analysis instant.
 *
 * - **Recency**: whole days from the last purchase day to the `asOf` day (calendar days in `timeZone`, UTC by default).
 * - **Frequency**: distinct purchase orders (default; rows without an order id are their own order), purchase rows, or
 *   distinct purchase days. Refunds never add frequency.
 * - **Monetary**: purchases net of refunds (default) or gross. Amounts are summed as exact integers in minor units
 *   (`amountDecimals`, default the currency's exponent or 2); amounts with more decimals are rounded half-even per row
 *   and counted in `counts.roundedAmounts`.
 * - Rows after `asOf` are excluded and counted (`counts.afterAsOf`); invalid rows are rejected and reported
 *   (`rejections`), never dropped silently.
 *
 * Both input forms give identical results: an array of core `Transaction` records, or core `ColumnarTransactions`
 * (the fast path; numeric customer ids take a dense typed-array path). Customers come out sorted by id.
 *
 * @example
 * ```ts
 * const summary = summarize(
 *   {
 *     customerId: Int32Array.of(1, 1, 2, 1),
 *     day: Int32Array.of(19_000, 19_010, 19_005, 19_012),
 *     amount: Float64Array.of(20, 35.5, 12, 5.5),
 *     kind: Uint8Array.of(0, 0, 0, 1), // the last row is a refund
 *   },
 *   { asOf: '2022-01-31' }, // day 19_023
 * );
 * summary.customers.recencyDays //=> Int32Array [13, 18]
 * summary.customers.frequency //=> Int32Array [2, 1]
 * summary.customers.monetary //=> Float64Array [50, 12]
 * summary.totals.netRevenue //=> '62.00'
 * ```
 */
export function summarize(input: readonly Transaction[] | ColumnarTransactions, options: SummarizeOptions): RfmSummary {
  const settings = normaliseSettings(options);
  const engineInput = isColumnarInput(input) ? columnarInput(input) : recordInput(input, options);
  return runSummaryEngine(engineInput, settings);
}
