/**
 * `customerRows`: a summary's columns as one plain object per customer.
 *
 * @module
 */
import { isoDateOfDayNumber } from '../core/index.js';
import type { RfmSummary } from './types.js';

/**
 * One customer of a summary as a plain object (money in major units, `null` where a customer has no purchase).
 *
 * @example
 * ```ts
 * const row: CustomerRfm = {
 *   customerId: '12347', recencyDays: 3, frequency: 7, monetary: 4310, orders: 7, purchaseDays: 7, purchaseRows: 182,
 *   refundRows: 0, grossRevenue: 4310, refunds: 0, netRevenue: 4310, firstPurchaseDate: '2010-12-07',
 *   lastPurchaseDate: '2011-12-07', tenureDays: 368, averageOrderValue: 615.71,
 * };
 * ```
 */
export interface CustomerRfm {
  /** Customer id (a number when the input ids were numbers). */
  readonly customerId: string | number;
  /** Days since the last purchase; `null` without purchase. */
  readonly recencyDays: number | null;
  /** Frequency on the summary's basis. */
  readonly frequency: number;
  /** Monetary value on the summary's basis. */
  readonly monetary: number;
  /** Distinct orders. */
  readonly orders: number;
  /** Distinct purchase days. */
  readonly purchaseDays: number;
  /** Purchase rows. */
  readonly purchaseRows: number;
  /** Refund rows. */
  readonly refundRows: number;
  /** Purchases, major units. */
  readonly grossRevenue: number;
  /** Refunds, major units. */
  readonly refunds: number;
  /** Purchases minus refunds, major units. */
  readonly netRevenue: number;
  /** ISO date of the first purchase; `null` without purchase. */
  readonly firstPurchaseDate: string | null;
  /** ISO date of the last purchase; `null` without purchase. */
  readonly lastPurchaseDate: string | null;
  /** Days from the first purchase to `asOf`; `null` without purchase. */
  readonly tenureDays: number | null;
  /** Monetary value per order; `null` without orders. */
  readonly averageOrderValue: number | null;
}

/**
 * Customer `i` of a summary as a plain object.
 *
 * @example
 * ```ts
 * customerRow(summary, 0).recencyDays //=> 13
 * ```
 */
export function customerRow(summary: RfmSummary, i: number): CustomerRfm {
  const c = summary.customers;
  const scale = 10 ** summary.amountDecimals;
  const bought = c.purchaseRows[i]! > 0;
  const aov = c.averageOrderValue[i]!;
  return {
    customerId: c.customerId[i]!,
    recencyDays: bought ? c.recencyDays[i]! : null,
    frequency: c.frequency[i]!,
    monetary: c.monetary[i]!,
    orders: c.orders[i]!,
    purchaseDays: c.purchaseDays[i]!,
    purchaseRows: c.purchaseRows[i]!,
    refundRows: c.refundRows[i]!,
    grossRevenue: c.grossMinor[i]! / scale,
    refunds: c.refundMinor[i]! / scale,
    netRevenue: (c.grossMinor[i]! - c.refundMinor[i]!) / scale,
    firstPurchaseDate: bought ? isoDateOfDayNumber(c.firstPurchaseDay[i]!) : null,
    lastPurchaseDate: bought ? isoDateOfDayNumber(c.lastPurchaseDay[i]!) : null,
    tenureDays: bought ? c.tenureDays[i]! : null,
    averageOrderValue: Number.isNaN(aov) ? null : aov,
  };
}

/**
 * Every customer of a summary as plain objects, in summary order (ascending id).
 *
 * @example
 * ```ts
 * customerRows(summarize(transactions, { asOf: '2024-06-30' }))
 * //=> [{ customerId: 'c-1', recencyDays: 12, frequency: 3, monetary: 140.5, ... }, ...]
 * ```
 */
export function customerRows(summary: RfmSummary): CustomerRfm[] {
  const n = summary.customers.purchaseRows.length;
  const rows = new Array<CustomerRfm>(n);
  for (let i = 0; i < n; i++) rows[i] = customerRow(summary, i);
  return rows;
}
