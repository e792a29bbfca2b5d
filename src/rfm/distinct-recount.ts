/**
 * Internal: exact distinct purchase days and orders per customer, for rows that did not arrive in per-customer order
 * and for mergeable summaries (which keep the distinct sets).
 *
 * @module
 * @internal
 */
import type { OrderKeys } from './id-columns.js';
import { INTS, ORDERS, PURCHASE_DAYS, PURCHASE_ROWS, STATUS_PURCHASE } from './slot-layout.js';
import type { RfmMergeState } from './types.js';

const SMALL_SORT = 24;

/**
 * What the exact recount of distinct days and orders reads.
 *
 * @example
 * ```ts
 * const state = recountDistinct({ I, status, ids, offset, slots, outSlots, purchases, day, occurredAt, dayOfInstant, orders, keepSets: true });
 * ```
 */
export interface RecountInput {
  readonly I: Int32Array;
  readonly status: Uint8Array;
  readonly ids: ArrayLike<number>;
  readonly offset: number;
  readonly slots: number;
  readonly outSlots: Int32Array;
  readonly purchases: number;
  /** Day column to read, or `null` to derive days from `occurredAt`. */
  readonly day: Int32Array | null;
  readonly occurredAt: Float64Array | undefined;
  readonly dayOfInstant: (instant: number) => number;
  readonly orders: OrderKeys | undefined;
  readonly keepSets: boolean;
}

/** Sorts `values[from..to)` ascending in place (insertion sort for short runs). */
function sortRange(values: Int32Array | Float64Array, from: number, to: number): void {
  if (to - from > SMALL_SORT) {
    values.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = values[i]!;
    let j = i - 1;
    while (j >= from && values[j]! > v) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = v;
  }
}

/** Sorts each customer's run and compacts distinct values to the front of the array; returns per-customer counts. */
function distinctRuns(values: Int32Array | Float64Array, start: Int32Array, offsets: Int32Array): Int32Array {
  const c = start.length - 1;
  const counts = new Int32Array(c);
  let write = 0;
  for (let j = 0; j < c; j++) {
    const from = start[j]!;
    const to = start[j + 1]!;
    let sorted = true;
    for (let r = from + 1; r < to; r++) {
      if (values[r]! < values[r - 1]!) {
        sorted = false;
        break;
      }
    }
    if (!sorted) sortRange(values, from, to);
    const first = write;
    for (let r = from; r < to; r++) {
      if (r === from || values[r] !== values[r - 1]) values[write++] = values[r]!;
    }
    counts[j] = write - first;
    offsets[j + 1] = write;
  }
  return counts;
}

/**
 * Exact distinct days and orders per customer: the purchase rows' days and order keys are scattered into customer
 * order with a counting sort, then every customer's run is sorted, counted and compacted in place. Writes the counts
 * back into the slots and returns the distinct sets (meaningful when `keepSets`).
 *
 * @example
 * ```ts
 * recountDistinct(input).days; // every customer's distinct purchase days, ascending (when keepSets)
 * ```
 */
export function recountDistinct(input: RecountInput): RfmMergeState {
  const { I, status, ids, offset, outSlots, purchases, orders, keepSets, day, occurredAt } = input;
  const c = outSlots.length;
  const position = new Int32Array(input.slots).fill(-1);
  for (let j = 0; j < c; j++) position[outSlots[j]!] = j;
  const start = new Int32Array(c + 1);
  for (let j = 0; j < c; j++) start[j + 1] = start[j]! + I[outSlots[j]! * INTS + PURCHASE_ROWS]!;
  const cursor = start.slice(0, c);
  const days = new Int32Array(purchases);
  const keys = orders === undefined ? undefined : new Float64Array(purchases);
  const orderColumn = orders?.keys;
  for (let i = 0; i < status.length; i++) {
    if (status[i] !== STATUS_PURCHASE) continue;
    const j = position[ids[i]! - offset]!;
    const k = cursor[j]!;
    cursor[j] = k + 1;
    days[k] = day !== null ? day[i]! : input.dayOfInstant(occurredAt![i]!);
    if (keys !== undefined) keys[k] = orderColumn![i]!;
  }
  const dayOffsets = new Int32Array(c + 1);
  const dayCounts = distinctRuns(days, start, dayOffsets);
  const orderOffsets = new Int32Array(c + 1);
  const orderCounts = keys === undefined ? undefined : distinctRuns(keys, start, orderOffsets);
  for (let j = 0; j < c; j++) {
    const bi = outSlots[j]! * INTS;
    if (I[bi + PURCHASE_ROWS] === 0) continue;
    I[bi + PURCHASE_DAYS] = dayCounts[j]!;
    if (orderCounts !== undefined) I[bi + ORDERS] = orderCounts[j]!;
  }
  let orderKeys: Float64Array | string[] | null = null;
  if (keepSets && keys !== undefined) {
    if (orders!.numeric) orderKeys = keys.slice(0, orderOffsets[c]);
    else {
      // Distinct counting used first-appearance numbers; the kept sets hold the ids, sorted as strings.
      const strings = orders!.strings!;
      orderKeys = new Array<string>(orderOffsets[c]!);
      for (let j = 0; j < c; j++) {
        const from = orderOffsets[j]!;
        const own = Array.from(keys.subarray(from, orderOffsets[j + 1]), (key) => strings[key]!).sort();
        for (let r = 0; r < own.length; r++) orderKeys[from + r] = own[r]!;
      }
    }
  }
  return {
    dayOffsets,
    days: keepSets ? days.slice(0, dayOffsets[c]) : new Int32Array(0),
    orderOffsets: orders === undefined ? null : orderOffsets,
    orderKeys,
  };
}
