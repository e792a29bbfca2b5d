/**
 * Internal: the per-customer value of each scoring dimension.
 *
 * @module
 * @internal
 */
import type { RfmDimension, RfmSummary } from './types.js';

/**
 * The values of one dimension for every customer of a summary (integers for day and count dimensions). `length` is
 * days from first to last purchase (LRFM's relationship length); `engagement` comes from the caller.
 *
 * @example
 * ```ts
 * dimensionValues(summary, 'length', undefined); // Int32Array of days from first to last purchase
 * ```
 */
export function dimensionValues(
  summary: RfmSummary,
  dimension: RfmDimension,
  engagement: ArrayLike<number> | undefined,
): Int32Array | Float64Array {
  const c = summary.customers;
  switch (dimension) {
    case 'recency':
      return c.recencyDays;
    case 'frequency':
      return c.frequency;
    case 'monetary':
      return c.monetary;
    case 'tenure':
      return c.tenureDays;
    case 'length': {
      const out = new Int32Array(c.purchaseRows.length);
      for (let i = 0; i < out.length; i++) {
        out[i] = c.purchaseRows[i]! > 0 ? c.lastPurchaseDay[i]! - c.firstPurchaseDay[i]! : -1;
      }
      return out;
    }
    case 'engagement': {
      if (engagement === undefined) {
        throw new RangeError('[clientele] the engagement dimension needs per-customer engagement values');
      }
      if (engagement.length !== c.purchaseRows.length) {
        throw new RangeError(
          `[clientele] engagement has ${engagement.length} values for ${c.purchaseRows.length} customers`,
        );
      }
      return Float64Array.from(engagement);
    }
  }
}

/**
 * Whether a higher value of the dimension is better (all but recency).
 *
 * @example
 * ```ts
 * higherIsBetter('recency') //=> false
 * higherIsBetter('monetary') //=> true
 * ```
 */
export function higherIsBetter(dimension: RfmDimension): boolean {
  return dimension !== 'recency';
}
