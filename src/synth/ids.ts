/**
 * Identifiers of generated records. Numbers are zero-padded so ids sort in generation order; numbers wider than the
 * padding keep all their digits, so ids stay unique for any size.
 *
 * @module
 */

function padded(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0');
}

/**
 * The canonical (shop) customer id of the person at `index` (0-based): `C0000001` for index 0.
 *
 * @example
 * ```ts
 * syntheticCustomerId(0) //=> 'C0000001'
 * ```
 */
export function syntheticCustomerId(index: number): string {
  return padded('C', index + 1, 7);
}

/**
 * The transaction id of row `row` (0-based) of the generated transactions: `T000000001` for row 0. The record form
 * and the columnar form share rows, so `transactions[i].id === syntheticTransactionId(i)`.
 *
 * @example
 * ```ts
 * syntheticTransactionId(41) //=> 'T000000042'
 * ```
 */
export function syntheticTransactionId(row: number): string {
  return padded('T', row + 1, 9);
}

/**
 * The order id of order number `orderNumber` (the value in the columnar `orderId` column): `O000000007` for 7.
 * A refund carries the order id of the purchase it refunds.
 *
 * @example
 * ```ts
 * syntheticOrderId(7) //=> 'O000000007'
 * ```
 */
export function syntheticOrderId(orderNumber: number): string {
  return padded('O', orderNumber, 9);
}

/**
 * A record id with a prefix and a 1-based sequence number, e.g. `crm-0000012`, `S0000003`.
 *
 * @example
 * ```ts
 * sequenceId('crm-', 12) //=> 'crm-0000012'
 * ```
 */
export function sequenceId(prefix: string, n: number): string {
  return padded(prefix, n, 7);
}
