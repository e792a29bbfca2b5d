/**
 * Internal: the per-customer slot layout and row status codes shared by the summary engine's passes.
 *
 * A customer's accumulators live in one 64-byte slot (one cache line): 16 Int32 words, the Float64 fields overlaying
 * words 8..15.
 *
 * @module
 * @internal
 */
import type { RejectReason } from './types.js';

/**
 * Int32 words per slot.
 *
 * @example
 * ```ts
 * const buffer = new ArrayBuffer(slots * INTS * 4);
 * ```
 */
export const INTS = 16;
/**
 * Float64 words per slot.
 *
 * @example
 * ```ts
 * const gross = F[slot * FLOATS + GROSS];
 * ```
 */
export const FLOATS = 8;
/**
 * Int32 field: day of the first purchase.
 *
 * @example
 * ```ts
 * const firstDay = I[slot * INTS + FIRST];
 * ```
 */
export const FIRST = 0;
/**
 * Int32 field: day of the last purchase.
 *
 * @example
 * ```ts
 * const lastDay = I[slot * INTS + LAST];
 * ```
 */
export const LAST = 1;
/**
 * Int32 field: purchase rows.
 *
 * @example
 * ```ts
 * const rows = I[slot * INTS + PURCHASE_ROWS];
 * ```
 */
export const PURCHASE_ROWS = 2;
/**
 * Int32 field: distinct purchase days.
 *
 * @example
 * ```ts
 * const days = I[slot * INTS + PURCHASE_DAYS];
 * ```
 */
export const PURCHASE_DAYS = 3;
/**
 * Int32 field: refund rows.
 *
 * @example
 * ```ts
 * const refundRows = I[slot * INTS + REFUND_ROWS];
 * ```
 */
export const REFUND_ROWS = 4;
/**
 * Int32 field: distinct orders.
 *
 * @example
 * ```ts
 * const orders = I[slot * INTS + ORDERS];
 * ```
 */
export const ORDERS = 5;
/**
 * Float64 field: purchases in minor units.
 *
 * @example
 * ```ts
 * const grossMinor = F[slot * FLOATS + GROSS];
 * ```
 */
export const GROSS = 4;
/**
 * Float64 field: refunds in minor units.
 *
 * @example
 * ```ts
 * const refundMinor = F[slot * FLOATS + REFUND];
 * ```
 */
export const REFUND = 5;
/**
 * Float64 field: key of the last order seen.
 *
 * @example
 * ```ts
 * const lastOrderKey = F[slot * FLOATS + LAST_ORDER];
 * ```
 */
export const LAST_ORDER = 6;

/**
 * Row status: included purchase.
 *
 * @example
 * ```ts
 * if (status[row] === STATUS_PURCHASE) purchases++;
 * ```
 */
export const STATUS_PURCHASE = 0;
/**
 * Row status: included refund.
 *
 * @example
 * ```ts
 * status[row] = STATUS_REFUND;
 * ```
 */
export const STATUS_REFUND = 1;
/**
 * Row status: valid but after asOf.
 *
 * @example
 * ```ts
 * status[row] = STATUS_AFTER;
 * ```
 */
export const STATUS_AFTER = 2;
/**
 * Row status: rejected; `STATUS_REJECTED + i` where `i` indexes {@link REJECT_REASONS}.
 *
 * @example
 * ```ts
 * status[row] = STATUS_REJECTED + REJECT_REASONS.indexOf('amount');
 * ```
 */
export const STATUS_REJECTED = 3;

/**
 * Reasons of rejected rows, in status-code order.
 *
 * @example
 * ```ts
 * REJECT_REASONS[status[row]! - STATUS_REJECTED] //=> 'amount'
 * ```
 */
export const REJECT_REASONS: readonly RejectReason[] = ['customerId', 'currency', 'amount', 'kind', 'orderId', 'time'];
