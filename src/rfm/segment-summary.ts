/**
 * `segmentSummary`: customers, revenue and averages per segment.
 *
 * @module
 */
import type { RfmSegmentation } from './segment.js';
import type { RfmSummary } from './types.js';

/**
 * One row of a segment summary. Revenue is the summary's monetary value (net of refunds by default) summed exactly in
 * minor units; means are over the customers of the row that have a purchase.
 *
 * @example
 * ```ts
 * const row: SegmentSummaryRow = {
 *   segment: 'champions', name: 'Champions', category: 'high-value', customers: 120, customerShare: 0.08,
 *   revenue: 182_340.5, revenueShare: 0.41, orders: 1_430, averageOrderValue: 127.51,
 *   meanRecencyDays: 9.2, meanFrequency: 11.9, meanMonetary: 1519.5,
 * };
 * ```
 */
export interface SegmentSummaryRow {
  /** Segment id; `null` for the unassigned row and the total. */
  readonly segment: string | null;
  /** Display name (`(unassigned)` / `Total` for the special rows). */
  readonly name: string;
  /** Value group of the segment. */
  readonly category?: string;
  /** Customers. */
  readonly customers: number;
  /** Share of all customers of the summary (`null` when there are none). */
  readonly customerShare: number | null;
  /** Sum of monetary values, major units. */
  readonly revenue: number;
  /** Share of the total revenue (`null` when the total is 0). */
  readonly revenueShare: number | null;
  /** Distinct orders. */
  readonly orders: number;
  /** `revenue / orders` (`null` without orders). */
  readonly averageOrderValue: number | null;
  /** Mean days since last purchase (`null` without purchasers). */
  readonly meanRecencyDays: number | null;
  /** Mean frequency (`null` without purchasers). */
  readonly meanFrequency: number | null;
  /** Mean monetary value (`null` without purchasers). */
  readonly meanMonetary: number | null;
}

/**
 * Segment summary: one row per segment of the map (in map order, including empty segments), an `(unassigned)` row
 * when some customers have no segment, and the total.
 *
 * @example
 * ```ts
 * const { rows, total } = segmentSummary(segmentation);
 * rows.map((r) => [r.name, r.customers, r.revenueShare]);
 * ```
 */
export interface SegmentSummary {
  /** Rows per segment, then `(unassigned)` if any. */
  readonly rows: readonly SegmentSummaryRow[];
  /** All customers together. */
  readonly total: SegmentSummaryRow;
}

/**
 * Accumulator of group totals over customers, shared by segment and grouped summaries.
 *
 * @internal
 *
 * @example
 * ```ts
 * const acc = new GroupAccumulator(summary, 2);
 * acc.add(0, 5); // customer 5 into group 0
 * acc.row(0, { segment: null, name: 'North' }).revenue;
 * ```
 */
export class GroupAccumulator {
  readonly customers: Float64Array;
  readonly purchasers: Float64Array;
  readonly minor: Float64Array;
  readonly orders: Float64Array;
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  private readonly summary: RfmSummary;
  private readonly net: boolean;

  constructor(summary: RfmSummary, groups: number) {
    this.summary = summary;
    this.net = summary.monetaryBasis === 'net';
    this.customers = new Float64Array(groups);
    this.purchasers = new Float64Array(groups);
    this.minor = new Float64Array(groups);
    this.orders = new Float64Array(groups);
    this.recency = new Float64Array(groups);
    this.frequency = new Float64Array(groups);
  }

  /** Adds customer `i` of the summary to group `g`. */
  add(g: number, i: number): void {
    const c = this.summary.customers;
    this.customers[g]!++;
    this.minor[g] = this.minor[g]! + (this.net ? c.grossMinor[i]! - c.refundMinor[i]! : c.grossMinor[i]!);
    this.orders[g] = this.orders[g]! + c.orders[i]!;
    if (c.purchaseRows[i]! > 0) {
      this.purchasers[g]!++;
      this.recency[g] = this.recency[g]! + c.recencyDays[i]!;
      this.frequency[g] = this.frequency[g]! + c.frequency[i]!;
    }
  }

  /** Total minor units over every group. */
  totalMinor(): number {
    let total = 0;
    for (let g = 0; g < this.minor.length; g++) total += this.minor[g]!;
    return total;
  }

  /** Row of group `g` (or the sum of all groups when `g` is -1). */
  row(g: number, label: { segment: string | null; name: string; category?: string | undefined }): SegmentSummaryRow {
    const scale = 10 ** this.summary.amountDecimals;
    const pick = (column: Float64Array): number => {
      if (g >= 0) return column[g]!;
      let sum = 0;
      for (let k = 0; k < column.length; k++) sum += column[k]!;
      return sum;
    };
    const customers = pick(this.customers);
    const purchasers = pick(this.purchasers);
    const minor = pick(this.minor);
    const orders = pick(this.orders);
    const allCustomers = this.summary.customers.purchaseRows.length;
    const totalMinor = this.totalMinor();
    const revenue = minor / scale;
    return {
      segment: label.segment,
      name: label.name,
      ...(label.category === undefined ? {} : { category: label.category }),
      customers,
      customerShare: allCustomers > 0 ? customers / allCustomers : null,
      revenue,
      revenueShare: totalMinor !== 0 ? minor / totalMinor : null,
      orders,
      averageOrderValue: orders > 0 ? revenue / orders : null,
      meanRecencyDays: purchasers > 0 ? pick(this.recency) / purchasers : null,
      meanFrequency: purchasers > 0 ? pick(this.frequency) / purchasers : null,
      meanMonetary: purchasers > 0 ? revenue / purchasers : null,
    };
  }
}

/**
 * Summarises a segmentation per segment: customers and share, revenue and share of revenue, orders, average order
 * value, mean recency / frequency / monetary. Revenue is summed exactly in minor units.
 *
 * @example
 * ```ts
 * const { rows, total } = segmentSummary(segment(score(summary)));
 * rows[0] //=> { segment: 'champions', name: 'Champions', customers: 120, revenueShare: 0.41, ... }
 * total.customers === summary.totals.customers //=> true
 * ```
 */
export function segmentSummary(segmentation: RfmSegmentation): SegmentSummary {
  const summary = segmentation.scoring.summary;
  const k = segmentation.segments.length;
  const acc = new GroupAccumulator(summary, k + 1);
  const index = segmentation.segmentIndex;
  for (let i = 0; i < index.length; i++) acc.add(index[i]! >= 0 ? index[i]! : k, i);
  const rows = segmentation.segments.map((s, g) => acc.row(g, { segment: s.id, name: s.name, category: s.category }));
  if (acc.customers[k]! > 0) rows.push(acc.row(k, { segment: null, name: '(unassigned)' }));
  return { rows, total: acc.row(-1, { segment: null, name: 'Total' }) };
}
