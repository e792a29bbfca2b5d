/**
 * Internal: derived per-customer columns and exact money totals, shared by {@link summarize} and
 * {@link mergeSummaries} so that a merged summary is computed exactly like a one-pass summary.
 *
 * @module
 * @internal
 */
import type { FrequencyBasis, MonetaryBasis, RfmCustomerColumns, RfmTotals, RfmWarning } from './types.js';

/**
 * The per-customer columns that are accumulated; the rest is derived from them.
 *
 * @example
 * ```ts
 * const columns = deriveColumns(base, asOfDay, 'orders', 'net', 2);
 * ```
 */
export interface BaseColumns {
  readonly customerId: Float64Array | readonly string[];
  readonly orders: Int32Array;
  readonly purchaseDays: Int32Array;
  readonly purchaseRows: Int32Array;
  readonly refundRows: Int32Array;
  readonly grossMinor: Float64Array;
  readonly refundMinor: Float64Array;
  readonly firstPurchaseDay: Int32Array;
  readonly lastPurchaseDay: Int32Array;
}

/**
 * Adds recency, tenure, frequency, monetary and average order value to accumulated columns.
 *
 * @example
 * ```ts
 * deriveColumns(base, 19_783, 'orders', 'net', 2).recencyDays; // Int32Array of days since the last purchase
 * ```
 */
export function deriveColumns(
  base: BaseColumns,
  asOfDay: number,
  frequencyBasis: FrequencyBasis,
  monetaryBasis: MonetaryBasis,
  amountDecimals: number,
): RfmCustomerColumns {
  const n = base.orders.length;
  const scale = 10 ** amountDecimals;
  const recencyDays = new Int32Array(n);
  const tenureDays = new Int32Array(n);
  const monetary = new Float64Array(n);
  const averageOrderValue = new Float64Array(n);
  const net = monetaryBasis === 'net';
  for (let i = 0; i < n; i++) {
    const hasPurchase = base.purchaseRows[i]! > 0;
    recencyDays[i] = hasPurchase ? asOfDay - base.lastPurchaseDay[i]! : -1;
    tenureDays[i] = hasPurchase ? asOfDay - base.firstPurchaseDay[i]! : -1;
    const minor = net ? base.grossMinor[i]! - base.refundMinor[i]! : base.grossMinor[i]!;
    const value = minor / scale;
    monetary[i] = value;
    const orders = base.orders[i]!;
    averageOrderValue[i] = orders > 0 ? value / orders : Number.NaN;
  }
  const frequency =
    frequencyBasis === 'orders' ? base.orders : frequencyBasis === 'rows' ? base.purchaseRows : base.purchaseDays;
  return {
    customerId: base.customerId,
    recencyDays,
    frequency,
    monetary,
    orders: base.orders,
    purchaseDays: base.purchaseDays,
    purchaseRows: base.purchaseRows,
    refundRows: base.refundRows,
    grossMinor: base.grossMinor,
    refundMinor: base.refundMinor,
    firstPurchaseDay: base.firstPurchaseDay,
    lastPurchaseDay: base.lastPurchaseDay,
    tenureDays,
    averageOrderValue,
  };
}

/**
 * An exact integer number of minor units as a decimal string in major units (`-123` with 2 decimals → `'-1.23'`).
 *
 * @example
 * ```ts
 * formatMinorUnits(-123, 2) //=> '-1.23'
 * formatMinorUnits(891140790, 2) //=> '8911407.90'
 * ```
 */
export function formatMinorUnits(minor: number, decimals: number): string {
  const negative = minor < 0;
  const digits = String(Math.abs(minor));
  if (decimals === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(decimals + 1, '0');
  const text = `${padded.slice(0, padded.length - decimals)}.${padded.slice(padded.length - decimals)}`;
  return negative ? `-${text}` : text;
}

/**
 * Totals over all customers, with a `precision-limit` warning when a sum leaves the exact integer range.
 *
 * @example
 * ```ts
 * computeTotals(columns, 2).totals.netRevenue //=> '59.50'
 * ```
 */
export function computeTotals(
  columns: RfmCustomerColumns,
  amountDecimals: number,
): { totals: RfmTotals; warnings: RfmWarning[] } {
  let gross = 0;
  let refunds = 0;
  let orders = 0;
  let purchasers = 0;
  const n = columns.orders.length;
  for (let i = 0; i < n; i++) {
    gross += columns.grossMinor[i]!;
    refunds += columns.refundMinor[i]!;
    orders += columns.orders[i]!;
    if (columns.purchaseRows[i]! > 0) purchasers++;
  }
  const warnings: RfmWarning[] = [];
  if (gross > Number.MAX_SAFE_INTEGER || refunds > Number.MAX_SAFE_INTEGER) {
    warnings.push({
      code: 'precision-limit',
      message: 'money totals exceed 2^53 minor units: totals are no longer exact',
    });
  }
  return {
    totals: {
      customers: n,
      purchasers,
      orders,
      grossRevenue: formatMinorUnits(gross, amountDecimals),
      refunds: formatMinorUnits(refunds, amountDecimals),
      netRevenue: formatMinorUnits(gross - refunds, amountDecimals),
    },
    warnings,
  };
}

/**
 * The `rounded-amounts` warning, or nothing when no amount was rounded.
 *
 * @example
 * ```ts
 * roundedAmountsWarnings(0, 2) //=> []
 * roundedAmountsWarnings(4, 2)[0]!.code //=> 'rounded-amounts'
 * ```
 */
export function roundedAmountsWarnings(count: number, amountDecimals: number): RfmWarning[] {
  if (count === 0) return [];
  return [
    {
      code: 'rounded-amounts',
      count,
      message: `${count} amounts had more than ${amountDecimals} decimals and were rounded half-even before summing`,
    },
  ];
}
