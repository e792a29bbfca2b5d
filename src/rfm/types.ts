/**
 * Shared types of the RFM module: the per-customer summary, its bases, warnings and refusals.
 *
 * @module
 */
import type { ValidationIssue } from '../core/index.js';

/**
 * What "frequency" counts: distinct purchase `orders` (default), purchase `rows`, or distinct purchase `days`.
 * Refunds never add frequency.
 *
 * @example
 * ```ts
 * const basis: FrequencyBasis = 'days';
 * ```
 */
export type FrequencyBasis = 'orders' | 'rows' | 'days';

/**
 * What "monetary" sums: purchases `net` of refunds (default) or `gross` purchases.
 *
 * @example
 * ```ts
 * const basis: MonetaryBasis = 'gross';
 * ```
 */
export type MonetaryBasis = 'net' | 'gross';

/**
 * A per-customer quantity that can be scored. `recency` (days since the last purchase, scored in reverse), `frequency`,
 * `monetary`, `length` (days from first to last purchase, the L of LRFM), `tenure` (days from first purchase to
 * `asOf`) and `engagement` (a per-customer value supplied by the caller, the E of RFE).
 *
 * @example
 * ```ts
 * const lrfm: RfmDimension[] = ['length', 'recency', 'frequency', 'monetary'];
 * ```
 */
export type RfmDimension = 'recency' | 'frequency' | 'monetary' | 'length' | 'tenure' | 'engagement';

/**
 * Every dimension name, in a fixed order.
 *
 * @example
 * ```ts
 * RFM_DIMENSIONS.includes('engagement') //=> true
 * ```
 */
export const RFM_DIMENSIONS: readonly RfmDimension[] = Object.freeze([
  'recency',
  'frequency',
  'monetary',
  'length',
  'tenure',
  'engagement',
]);

/**
 * Why a transaction row was rejected by {@link summarize}.
 *
 * @example
 * ```ts
 * const reason: RejectReason = 'customerId'; // e.g. a UCI Online Retail row without CustomerID
 * ```
 */
export type RejectReason = 'customerId' | 'amount' | 'kind' | 'time' | 'orderId' | 'currency';

/**
 * Machine-readable code of an {@link RfmWarning}.
 *
 * @example
 * ```ts
 * const code: RfmWarningCode = 'collapsed-bins';
 * ```
 */
export type RfmWarningCode =
  | 'small-sample'
  | 'collapsed-bins'
  | 'unscored-customers'
  | 'inexact-breakpoints'
  | 'no-customers'
  | 'rounded-amounts'
  | 'mixed-currencies'
  | 'precision-limit'
  | 'unassigned-customers'
  | 'negative-values';

/**
 * A condition worth knowing about that did not stop the computation, as data.
 *
 * @example
 * ```ts
 * const warning: RfmWarning = {
 *   code: 'collapsed-bins', dimension: 'frequency', count: 2,
 *   message: 'frequency: 5 levels asked, only 2 distinct scores (ties or too few distinct values)',
 * };
 * ```
 */
export interface RfmWarning {
  /** What kind of condition this is. */
  readonly code: RfmWarningCode;
  /** Readable explanation. */
  readonly message: string;
  /** The dimension concerned, when there is one. */
  readonly dimension?: RfmDimension;
  /** A count that quantifies the condition (customers, rows, distinct scores...), when there is one. */
  readonly count?: number;
}

/**
 * Per-customer results of {@link summarize} as parallel columns, one entry per customer, customers sorted by id
 * (numbers numerically, strings by UTF-16 code units).
 *
 * Customers with refunds but no purchase before `asOf` are included with `purchaseRows = 0`, `recencyDays = -1`,
 * `tenureDays = -1`, `firstPurchaseDay = lastPurchaseDay = NO_DAY` and `averageOrderValue = NaN`; they are not scored.
 * Money columns ending in `Minor` hold exact integers in minor units (cents for `amountDecimals = 2`).
 *
 * @example
 * ```ts
 * const summary = summarize(transactions, { asOf: '2024-06-30' });
 * summary.customers.recencyDays[0]; // days since customer 0's last purchase
 * ```
 */
export interface RfmCustomerColumns {
  /** Customer ids, ascending. Numbers when the input ids were numbers, else strings. */
  readonly customerId: Float64Array | readonly string[];
  /** Whole days from the last purchase day to the `asOf` day; -1 when there is no purchase. */
  readonly recencyDays: Int32Array;
  /** The frequency on the summary's basis (an alias of `orders`, `purchaseRows` or `purchaseDays`). */
  readonly frequency: Int32Array;
  /** Monetary value in major units on the summary's basis (net of refunds by default). */
  readonly monetary: Float64Array;
  /** Distinct purchase orders. */
  readonly orders: Int32Array;
  /** Distinct calendar days with a purchase. */
  readonly purchaseDays: Int32Array;
  /** Purchase rows. */
  readonly purchaseRows: Int32Array;
  /** Refund rows. */
  readonly refundRows: Int32Array;
  /** Sum of purchase amounts, exact integer minor units. */
  readonly grossMinor: Float64Array;
  /** Sum of refund amounts, exact integer minor units. */
  readonly refundMinor: Float64Array;
  /** Day number of the first purchase; `NO_DAY` when there is none. */
  readonly firstPurchaseDay: Int32Array;
  /** Day number of the last purchase; `NO_DAY` when there is none. */
  readonly lastPurchaseDay: Int32Array;
  /** Whole days from the first purchase day to the `asOf` day; -1 when there is no purchase. */
  readonly tenureDays: Int32Array;
  /** `monetary / orders`; `NaN` when there is no order. */
  readonly averageOrderValue: Float64Array;
}

/**
 * The distinct orders and purchase days of every customer, kept when {@link SummarizeOptions.mergeable} is set so
 * that {@link mergeSummaries} can count distinct orders and days exactly across shards. Compressed-row layout:
 * customer `i` owns `days[dayOffsets[i] .. dayOffsets[i + 1])` (ascending) and likewise for orders.
 *
 * @example
 * ```ts
 * const state = summarize(rows, { asOf: '2024-06-30', mergeable: true }).mergeState;
 * // state.days.subarray(state.dayOffsets[0], state.dayOffsets[1]) are customer 0's purchase days
 * ```
 */
export interface RfmMergeState {
  /** `customers + 1` offsets into `days`. */
  readonly dayOffsets: Int32Array;
  /** Distinct purchase day numbers, ascending per customer. */
  readonly days: Int32Array;
  /** `customers + 1` offsets into `orderKeys`; `null` when `orderKeys` is `null`. */
  readonly orderOffsets: Int32Array | null;
  /**
   * Distinct purchase order ids, ascending per customer (numbers, or strings when any order id was a string);
   * `null` when the input had no order ids (each purchase row is its own order, so orders simply add up).
   */
  readonly orderKeys: Float64Array | readonly string[] | null;
}

/**
 * Row counts of a summary. `rows = purchases + refunds + afterAsOf + rejected`.
 *
 * @example
 * ```ts
 * const counts: RfmRowCounts = { rows: 10, purchases: 7, refunds: 1, afterAsOf: 1, rejected: 1, roundedAmounts: 0 };
 * ```
 */
export interface RfmRowCounts {
  /** Rows read. */
  readonly rows: number;
  /** Purchase rows included. */
  readonly purchases: number;
  /** Refund rows included. */
  readonly refunds: number;
  /** Valid rows dated after `asOf`, excluded. */
  readonly afterAsOf: number;
  /** Rows rejected as invalid (see {@link RfmRejections}). */
  readonly rejected: number;
  /** Included rows whose amount had more decimals than `amountDecimals` and was rounded (half-even). */
  readonly roundedAmounts: number;
}

/**
 * The rejected rows of a summary: a count per reason and the first 100 issues with their paths
 * (`transactions[3].amount` or `columns.customerId[17]`).
 *
 * @example
 * ```ts
 * const rejections: RfmRejections = {
 *   byReason: { customerId: 1 },
 *   issues: [{ path: 'columns.customerId[4]', expected: 'customer id', received: 'NaN', message: '...' }],
 * };
 * ```
 */
export interface RfmRejections {
  /** Rejected rows per reason. */
  readonly byReason: Readonly<Partial<Record<RejectReason, number>>>;
  /** The first 100 issues, in row order. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * Totals over all customers of a summary. Money totals are exact decimal strings in major units.
 *
 * @example
 * ```ts
 * const totals: RfmTotals = {
 *   customers: 4372, purchasers: 4339, orders: 18536,
 *   grossRevenue: '8911407.90', refunds: '611342.09', netRevenue: '8300065.81',
 * };
 * ```
 */
export interface RfmTotals {
  /** Customers with at least one included row. */
  readonly customers: number;
  /** Customers with at least one purchase. */
  readonly purchasers: number;
  /** Distinct orders over all customers. */
  readonly orders: number;
  /** Sum of purchases, decimal string. */
  readonly grossRevenue: string;
  /** Sum of refunds, decimal string. */
  readonly refunds: string;
  /** `grossRevenue - refunds`, decimal string. */
  readonly netRevenue: string;
}

/**
 * The result of {@link summarize}: per-customer columns plus everything needed to interpret, score and merge them.
 *
 * @example
 * ```ts
 * const summary: RfmSummary = summarize(columns, { asOf: '2011-12-10' });
 * summary.totals.customers; // customers with at least one row up to asOf
 * ```
 */
export interface RfmSummary {
  /** The analysis instant, epoch ms. Rows after it are excluded. */
  readonly asOf: number;
  /** The calendar day of `asOf` (day number in `timeZone`). */
  readonly asOfDay: number;
  /** The calendar day of `asOf`, ISO `YYYY-MM-DD`. */
  readonly asOfDate: string;
  /** The IANA time zone of day numbers (`UTC` unless given). */
  readonly timeZone: string;
  /** What `frequency` counts. */
  readonly frequencyBasis: FrequencyBasis;
  /** What `monetary` sums. */
  readonly monetaryBasis: MonetaryBasis;
  /** Decimals of the minor unit that money is summed in exactly (2 = cents). */
  readonly amountDecimals: number;
  /** Per-customer columns. */
  readonly customers: RfmCustomerColumns;
  /** Row counts. */
  readonly counts: RfmRowCounts;
  /** Totals over all customers. */
  readonly totals: RfmTotals;
  /** Rejected rows, by reason, with the first issues. */
  readonly rejections: RfmRejections;
  /** Warnings (rounded amounts, mixed currencies, precision limit). */
  readonly warnings: readonly RfmWarning[];
  /** Distinct orders and days per customer; present only when the summary was made `mergeable`. */
  readonly mergeState?: RfmMergeState;
}

/**
 * Options of {@link summarize}.
 *
 * @example
 * ```ts
 * const options: SummarizeOptions = { asOf: '2024-06-30', frequency: 'orders', monetary: 'net', currency: 'EUR' };
 * ```
 */
export interface SummarizeOptions {
  /** The analysis instant (ISO string, `Date` or epoch ms). Rows after it are excluded and counted. Required. */
  readonly asOf: string | number | Date;
  /** What frequency counts; default `'orders'`. */
  readonly frequency?: FrequencyBasis;
  /** What monetary sums; default `'net'`. */
  readonly monetary?: MonetaryBasis;
  /**
   * IANA time zone of calendar days (default UTC). It sets the `asOf` day and the day of rows that come with
   * instants; when given, days are derived from `occurredAt` even if a `day` column is present.
   */
  readonly timeZone?: string;
  /** Record input only: keep only transactions in this currency; the others are rejected with reason `currency`. */
  readonly currency?: string;
  /** Decimals of the minor unit money is summed in (default: the currency's exponent, else 2). */
  readonly amountDecimals?: number;
  /** Keep the distinct orders and days of every customer so that shard summaries merge exactly (default false). */
  readonly mergeable?: boolean;
}

/**
 * A business refusal of {@link mergeSummaries}: the summaries cannot be combined exactly.
 *
 * @example
 * ```ts
 * const refusal: MergeRefusal = {
 *   code: 'merge-state-required', customers: 12,
 *   message: '12 customers have purchases in both summaries; summarize the shards with { mergeable: true }',
 * };
 * ```
 */
export interface MergeRefusal {
  /** `incompatible-summaries` (different asOf, bases, decimals or time zone) or `merge-state-required`. */
  readonly code: 'incompatible-summaries' | 'merge-state-required';
  /** Readable explanation. */
  readonly message: string;
  /** Customers that need the merge state, for `merge-state-required`. */
  readonly customers?: number;
}

/**
 * Day number used in `firstPurchaseDay` / `lastPurchaseDay` for customers without a purchase (the smallest Int32).
 *
 * @example
 * ```ts
 * summary.customers.firstPurchaseDay[i] === NO_DAY; // customer i has refunds only
 * ```
 */
export const NO_DAY = -2147483648;
