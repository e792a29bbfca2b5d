/**
 * Internal: the columnar summary engine behind {@link summarize}.
 *
 * Validates and accumulates the rows (`row-accumulation.ts`), recounts distinct days and orders exactly when needed
 * (`distinct-recount.ts`), then builds the per-customer columns in ascending id order, the totals and the rejections.
 *
 * @module
 * @internal
 */
import { makeIssue, MS_PER_DAY, type ValidationIssue } from '../core/index.js';
import { recountDistinct } from './distinct-recount.js';
import type { CustomerSlots, OrderKeys } from './id-columns.js';
import { accumulateRows, zonedDayOf } from './row-accumulation.js';
import {
  FLOATS,
  GROSS,
  FIRST,
  INTS,
  LAST,
  ORDERS,
  PURCHASE_DAYS,
  PURCHASE_ROWS,
  REFUND,
  REFUND_ROWS,
  REJECT_REASONS,
  STATUS_REJECTED,
} from './slot-layout.js';
import { computeTotals, deriveColumns, roundedAmountsWarnings, type BaseColumns } from './summary-columns.js';
import type { FrequencyBasis, MonetaryBasis, RejectReason, RfmMergeState, RfmSummary, RfmWarning } from './types.js';
import { NO_DAY } from './types.js';

/**
 * The columns the engine reads, already normalised.
 *
 * @example
 * ```ts
 * runSummaryEngine(engineInput, settings).totals;
 * ```
 */
export interface EngineInput {
  readonly customers: CustomerSlots;
  /** The original customer-id column (for issue messages). */
  readonly rawCustomerId: ArrayLike<unknown>;
  readonly day: Int32Array | undefined;
  readonly occurredAt: Float64Array | undefined;
  readonly amount: Float64Array;
  readonly kind: Uint8Array | undefined;
  readonly orders: OrderKeys | undefined;
  /** The original order-id column (for issue messages). */
  readonly rawOrderId: ArrayLike<unknown> | undefined;
  /** Rows rejected before the engine runs (record input in another currency), with the value to report. */
  readonly currencyRejected: Uint8Array | undefined;
  readonly currencyOf: ((row: number) => unknown) | undefined;
  /** Issue path of a column of a row, e.g. `columns.amount[3]` or `transactions[3].amount`. */
  readonly path: (column: string, row: number) => string;
  /** Warnings found while preparing the input (e.g. mixed currencies). */
  readonly warnings: readonly RfmWarning[];
}

/**
 * Normalised options.
 *
 * @example
 * ```ts
 * const settings: EngineSettings = {
 *   asOf: 1711929599000, asOfDay: 19813, asOfDate: '2024-03-31', timeZone: 'UTC',
 *   frequency: 'orders', monetary: 'net', amountDecimals: 2, mergeable: false,
 * };
 * ```
 */
export interface EngineSettings {
  readonly asOf: number;
  readonly asOfDay: number;
  readonly asOfDate: string;
  readonly timeZone: string;
  readonly frequency: FrequencyBasis;
  readonly monetary: MonetaryBasis;
  readonly amountDecimals: number;
  readonly mergeable: boolean;
}

const MAX_ISSUES = 100;

const EXPECTED: Record<RejectReason, string> = {
  customerId: 'customer id (non-empty string or integer)',
  amount: 'finite non-negative amount (below 2^53 minor units)',
  kind: '0 (purchase) or 1 (refund)',
  time: 'finite epoch milliseconds',
  orderId: 'order id (non-empty string or finite number)',
  currency: 'the currency given in the options',
};

const REJECT_COLUMNS: Readonly<Record<RejectReason, string>> = {
  customerId: 'customerId',
  currency: 'currency',
  amount: 'amount',
  kind: 'kind',
  orderId: 'orderId',
  time: 'occurredAt',
};

/** Counts the rejected rows per reason and describes the first {@link MAX_ISSUES} with their paths. */
function describeRejections(
  input: EngineInput,
  status: Uint8Array,
): { byReason: Partial<Record<RejectReason, number>>; issues: ValidationIssue[] } {
  const byReason: Partial<Record<RejectReason, number>> = {};
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < status.length; i++) {
    const code = status[i]!;
    if (code < STATUS_REJECTED) continue;
    const reason = REJECT_REASONS[code - STATUS_REJECTED]!;
    byReason[reason] = (byReason[reason] ?? 0) + 1;
    if (issues.length >= MAX_ISSUES) continue;
    const column = REJECT_COLUMNS[reason];
    const value =
      reason === 'customerId'
        ? input.rawCustomerId[i]
        : reason === 'currency'
          ? input.currencyOf?.(i)
          : reason === 'amount'
            ? input.amount[i]
            : reason === 'kind'
              ? input.kind?.[i]
              : reason === 'orderId'
                ? input.rawOrderId?.[i]
                : input.occurredAt?.[i];
    issues.push(makeIssue(input.path(column, i), EXPECTED[reason], value));
  }
  return { byReason, issues };
}

/** The slots that received a row, in output order (ascending customer id). */
function presentSlots(I: Int32Array, slots: number, sorted: Int32Array | null): Int32Array {
  let present = 0;
  for (let s = 0; s < slots; s++) if (I[s * INTS + PURCHASE_ROWS]! > 0 || I[s * INTS + REFUND_ROWS]! > 0) present++;
  const outSlots = new Int32Array(present);
  let j = 0;
  for (let r = 0; r < slots; r++) {
    const s = sorted === null ? r : sorted[r]!;
    if (I[s * INTS + PURCHASE_ROWS]! > 0 || I[s * INTS + REFUND_ROWS]! > 0) outSlots[j++] = s;
  }
  return outSlots;
}

/**
 * Runs the engine: validates and accumulates every row, then builds the summary.
 *
 * @example
 * ```ts
 * runSummaryEngine(columnarInput(columns), settings).customers.recencyDays;
 * ```
 */
export function runSummaryEngine(input: EngineInput, settings: EngineSettings): RfmSummary {
  const { customers, day, occurredAt } = input;
  if (day === undefined && occurredAt === undefined) {
    throw new RangeError('[clientele] summarize: the columns need a day or an occurredAt column');
  }
  const n = input.amount.length;
  const ids = customers.ids;
  const offset = customers.offset;
  const slots = customers.slots;
  const zonedDay = settings.timeZone === 'UTC' ? undefined : zonedDayOf(settings.timeZone);
  const useDayColumn = day !== undefined && !(zonedDay !== undefined && occurredAt !== undefined);
  const dayOfInstant = (t: number): number => (zonedDay === undefined ? Math.floor(t / MS_PER_DAY) : zonedDay(t));
  const buffer = new ArrayBuffer(slots * INTS * 4);
  const I = new Int32Array(buffer);
  const F = new Float64Array(buffer);
  const status = new Uint8Array(n);
  const hasOrders = input.orders !== undefined;
  const { purchases, refunds, afterAsOf, rejected, roundedAmounts, daysSorted, ordersSorted } = accumulateRows(
    {
      ids,
      offset,
      slots,
      scattered: customers.scattered,
      day,
      occurredAt,
      amount: input.amount,
      kind: input.kind,
      orderColumn: input.orders?.keys,
      checkOrders: input.orders?.alwaysValid !== true,
      currencyRejected: input.currencyRejected,
      zonedDay,
      asOf: settings.asOf,
      asOfDay: settings.asOfDay,
      amountDecimals: settings.amountDecimals,
    },
    I,
    F,
    status,
  );
  const { byReason, issues } =
    rejected > 0 ? describeRejections(input, status) : { byReason: {}, issues: [] as ValidationIssue[] };
  const outSlots = presentSlots(I, slots, customers.sortedSlots);

  let mergeState: RfmMergeState | undefined;
  if (settings.mergeable || !daysSorted || (hasOrders && !ordersSorted)) {
    mergeState = recountDistinct({
      I,
      status,
      ids,
      offset,
      slots,
      outSlots,
      purchases,
      day: occurredAt === undefined || useDayColumn ? day! : null,
      occurredAt,
      dayOfInstant,
      orders: input.orders,
      keepSets: settings.mergeable,
    });
  }

  const base = buildBaseColumns(I, F, outSlots, customers);
  const columns = deriveColumns(base, settings.asOfDay, settings.frequency, settings.monetary, settings.amountDecimals);
  const { totals, warnings: totalWarnings } = computeTotals(columns, settings.amountDecimals);
  const warnings: RfmWarning[] = [
    ...input.warnings,
    ...totalWarnings,
    ...roundedAmountsWarnings(roundedAmounts, settings.amountDecimals),
  ];
  return {
    asOf: settings.asOf,
    asOfDay: settings.asOfDay,
    asOfDate: settings.asOfDate,
    timeZone: settings.timeZone,
    frequencyBasis: settings.frequency,
    monetaryBasis: settings.monetary,
    amountDecimals: settings.amountDecimals,
    customers: columns,
    counts: { rows: n, purchases, refunds, afterAsOf, rejected, roundedAmounts },
    totals,
    rejections: { byReason, issues },
    warnings,
    ...(settings.mergeable && mergeState !== undefined ? { mergeState } : {}),
  };
}

function buildBaseColumns(I: Int32Array, F: Float64Array, outSlots: Int32Array, customers: CustomerSlots): BaseColumns {
  const c = outSlots.length;
  const orders = new Int32Array(c);
  const purchaseDays = new Int32Array(c);
  const purchaseRows = new Int32Array(c);
  const refundRows = new Int32Array(c);
  const grossMinor = new Float64Array(c);
  const refundMinor = new Float64Array(c);
  const firstPurchaseDay = new Int32Array(c);
  const lastPurchaseDay = new Int32Array(c);
  for (let j = 0; j < c; j++) {
    const s = outSlots[j]!;
    const bi = s * INTS;
    const bf = s * FLOATS;
    const rows = I[bi + PURCHASE_ROWS]!;
    purchaseRows[j] = rows;
    refundRows[j] = I[bi + REFUND_ROWS]!;
    orders[j] = rows > 0 ? I[bi + ORDERS]! : 0;
    purchaseDays[j] = rows > 0 ? I[bi + PURCHASE_DAYS]! : 0;
    firstPurchaseDay[j] = rows > 0 ? I[bi + FIRST]! : NO_DAY;
    lastPurchaseDay[j] = rows > 0 ? I[bi + LAST]! : NO_DAY;
    grossMinor[j] = F[bf + GROSS]!;
    refundMinor[j] = F[bf + REFUND]!;
  }
  let customerId: Float64Array | string[];
  if (customers.mode === 'string') {
    const keys = customers.stringKeys!;
    customerId = new Array<string>(c);
    for (let j = 0; j < c; j++) customerId[j] = keys[outSlots[j]!]!;
  } else {
    customerId = new Float64Array(c);
    const keys = customers.numericKeys;
    for (let j = 0; j < c; j++) customerId[j] = keys === null ? customers.offset + outSlots[j]! : keys[outSlots[j]!]!;
  }
  return {
    customerId,
    orders,
    purchaseDays,
    purchaseRows,
    refundRows,
    grossMinor,
    refundMinor,
    firstPurchaseDay,
    lastPurchaseDay,
  };
}
