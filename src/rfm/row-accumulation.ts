/**
 * Internal: the row passes of the summary engine — validation, and accumulation of every accepted row into its
 * customer's 64-byte slot. Customer-grouped rows are applied as they come; chunks whose rows jump between distant
 * customers (time-ordered logs) are first partitioned by customer bucket with a stable counting sort, so that
 * accumulation works within cache-sized ranges of slots. Distinct days and orders are counted on the fly while each
 * customer's rows arrive in non-decreasing day / order-key order; otherwise a flag asks for the exact recount.
 *
 * @module
 * @internal
 */
import { Dec, dayNumber, MS_PER_DAY, roundDecimal } from '../core/index.js';
import {
  FIRST,
  FLOATS,
  GROSS,
  INTS,
  LAST,
  LAST_ORDER,
  ORDERS,
  PURCHASE_DAYS,
  PURCHASE_ROWS,
  REFUND,
  REFUND_ROWS,
  STATUS_AFTER,
  STATUS_REFUND,
  STATUS_REJECTED,
} from './slot-layout.js';

const MAX_INSTANT = 8.64e15;
const R_CUSTOMER = STATUS_REJECTED;
const R_CURRENCY = STATUS_REJECTED + 1;
const R_AMOUNT = STATUS_REJECTED + 2;
const R_KIND = STATUS_REJECTED + 3;
const R_ORDER = STATUS_REJECTED + 4;
const R_TIME = STATUS_REJECTED + 5;

/** Day number of an instant in a time zone, caching the zone offset per 15-minute bucket (zone rules change on
 * quarter hours).
 *
 * @example
 * ```ts
 * zonedDayOf('Asia/Shanghai')(Date.parse('2024-02-29T20:00:00Z')) //=> 19783 (2024-03-01)
 * ```
 */
export function zonedDayOf(timeZone: string): (instant: number) => number {
  const cache = new Map<number, number>();
  let lastBucket = Number.NaN;
  let lastOffset = 0;
  return (instant) => {
    const bucket = Math.floor(instant / 900_000);
    if (bucket !== lastBucket) {
      let offset = cache.get(bucket);
      if (offset === undefined) {
        const start = bucket * 900_000;
        offset = dayNumber(start, { timeZone }) * MS_PER_DAY - Math.floor(start / MS_PER_DAY) * MS_PER_DAY;
        cache.set(bucket, offset);
      }
      lastBucket = bucket;
      lastOffset = offset;
    }
    return Math.floor(instant / MS_PER_DAY) + lastOffset / MS_PER_DAY;
  };
}

/** The amount in minor units rounded half-even on its shortest decimal representation (for sub-minor amounts). */
function exactMinorUnits(value: number, decimals: number): number {
  return roundDecimal(new Dec(value), decimals, 'half-even')
    .times(10 ** decimals)
    .toNumber();
}

/** Rows per chunk: bounds the scratch memory (about 50 MB) whatever the input size. */
const CHUNK_ROWS = 1 << 20;
/** Customer slots per bucket when a chunk is partitioned: 8192 × 64 bytes = 512 KB of slots, cache-resident. */
const BUCKET_SHIFT = 13;

/**
 * The plain inputs of the row loops.
 *
 * @example
 * ```ts
 * const counters = accumulateRows(source, I, F, status); // counters.purchases, counters.daysSorted, ...
 * ```
 */
export interface RowSource {
  readonly ids: ArrayLike<number>;
  readonly offset: number;
  readonly slots: number;
  /** Whether consecutive rows jump between distant customers (see `CustomerSlots.scattered`). */
  readonly scattered: boolean;
  readonly day: Int32Array | undefined;
  readonly occurredAt: Float64Array | undefined;
  readonly amount: Float64Array;
  readonly kind: Uint8Array | undefined;
  readonly orderColumn: ArrayLike<number> | undefined;
  readonly checkOrders: boolean;
  readonly currencyRejected: Uint8Array | undefined;
  readonly zonedDay: ((instant: number) => number) | undefined;
  readonly asOf: number;
  readonly asOfDay: number;
  readonly amountDecimals: number;
}

/** The accepted rows of one chunk, column-wise. */
interface RowBatch {
  readonly slot: Int32Array;
  readonly day: Int32Array;
  readonly minor: Float64Array;
  readonly order: Float64Array;
  readonly refund: Uint8Array;
}

function newBatch(size: number): RowBatch {
  return {
    slot: new Int32Array(size),
    day: new Int32Array(size),
    minor: new Float64Array(size),
    order: new Float64Array(size),
    refund: new Uint8Array(size),
  };
}

/** Counters of the row loops. */
interface RowCounters {
  purchases: number;
  refunds: number;
  afterAsOf: number;
  rejected: number;
  roundedAmounts: number;
  /** `DAYS_UNSORTED | ORDERS_UNSORTED` flags of the rows applied so far. */
  flags: number;
}

/**
 * Validates the rows `[from, to)`: writes each row's status (purchase, refund, after asOf, or rejected with its
 * reason), then applies every accepted row to its customer's slot directly or, with a batch, appends it (slot, day,
 * amount in minor units, order key, refund flag) for partitioning. Returns the number of accepted rows.
 */
function classifyRows(
  source: RowSource,
  from: number,
  to: number,
  status: Uint8Array,
  batch: RowBatch | undefined,
  counters: RowCounters,
  I: Int32Array,
  F: Float64Array,
): number {
  const { ids, offset, slots, day, occurredAt, amount, kind, orderColumn, checkOrders, currencyRejected, zonedDay } =
    source;
  const { asOf, asOfDay, amountDecimals } = source;
  const scale = 10 ** amountDecimals;
  const maxAmount = Number.MAX_SAFE_INTEGER / scale;
  const useDayColumn = day !== undefined && !(zonedDay !== undefined && occurredAt !== undefined);
  const hasOrders = orderColumn !== undefined;
  let accepted = 0;
  let flags = 0;
  let purchases = 0;
  let refunds = 0;
  let afterAsOf = 0;
  let rejected = 0;
  let roundedAmounts = 0;
  for (let i = from; i < to; i++) {
    const s = ids[i]! - offset;
    if (s >>> 0 !== s || s >= slots) {
      status[i] = R_CUSTOMER;
      rejected++;
      continue;
    }
    if (currencyRejected?.[i] === 1) {
      status[i] = R_CURRENCY;
      rejected++;
      continue;
    }
    const a = amount[i]!;
    if (!(a >= 0 && a <= maxAmount)) {
      status[i] = R_AMOUNT;
      rejected++;
      continue;
    }
    const k = kind === undefined ? 0 : kind[i]!;
    if (k > 1) {
      status[i] = R_KIND;
      rejected++;
      continue;
    }
    let o = 0;
    if (hasOrders) {
      o = orderColumn[i]!;
      if (checkOrders && !(o >= -Number.MAX_VALUE && o <= Number.MAX_VALUE)) {
        status[i] = R_ORDER;
        rejected++;
        continue;
      }
    }
    let d: number;
    if (occurredAt !== undefined) {
      const t = occurredAt[i]!;
      if (!(t >= -MAX_INSTANT && t <= MAX_INSTANT)) {
        status[i] = R_TIME;
        rejected++;
        continue;
      }
      if (t > asOf) {
        status[i] = STATUS_AFTER;
        afterAsOf++;
        continue;
      }
      d = useDayColumn ? day[i]! : zonedDay === undefined ? Math.floor(t / MS_PER_DAY) : zonedDay(t);
    } else {
      d = day![i]!;
      if (d > asOfDay) {
        status[i] = STATUS_AFTER;
        afterAsOf++;
        continue;
      }
    }
    const scaled = a * scale;
    let minor = Math.round(scaled);
    if (minor !== scaled && Math.abs(scaled - minor) > 1e-9 * (scaled > 1 ? scaled : 1)) {
      minor = exactMinorUnits(a, amountDecimals);
      roundedAmounts++;
    }
    if (k === 1) {
      status[i] = STATUS_REFUND;
      refunds++;
    } else purchases++;
    if (batch === undefined) flags |= applyRow(I, F, s, d, minor, o, k === 1, hasOrders);
    else {
      batch.slot[accepted] = s;
      batch.day[accepted] = d;
      batch.minor[accepted] = minor;
      batch.order[accepted] = o;
      batch.refund[accepted] = k;
    }
    accepted++;
  }
  counters.purchases += purchases;
  counters.refunds += refunds;
  counters.afterAsOf += afterAsOf;
  counters.rejected += rejected;
  counters.roundedAmounts += roundedAmounts;
  counters.flags |= flags;
  return accepted;
}

/**
 * Reorders a batch by customer bucket (`slot >> BUCKET_SHIFT`) with a stable counting sort, so that applying it
 * touches one cache-sized range of customer slots at a time. A customer's rows keep their relative order.
 */
function partitionBatch(source: RowBatch, count: number, target: RowBatch, buckets: Int32Array): void {
  buckets.fill(0);
  const { slot, day, minor, order, refund } = source;
  for (let r = 0; r < count; r++) buckets[(slot[r]! >>> BUCKET_SHIFT) + 1]!++;
  for (let b = 1; b < buckets.length; b++) buckets[b] = buckets[b]! + buckets[b - 1]!;
  const { slot: tSlot, day: tDay, minor: tMinor, order: tOrder, refund: tRefund } = target;
  for (let r = 0; r < count; r++) {
    const s = slot[r]!;
    const w = buckets[s >>> BUCKET_SHIFT]!;
    buckets[s >>> BUCKET_SHIFT] = w + 1;
    tSlot[w] = s;
    tDay[w] = day[r]!;
    tMinor[w] = minor[r]!;
    tOrder[w] = order[r]!;
    tRefund[w] = refund[r]!;
  }
}

/** Bit flags returned by {@link applyRow}. */
const DAYS_UNSORTED = 1;
const ORDERS_UNSORTED = 2;

/**
 * Accumulates one accepted row into its customer's 64-byte slot. Distinct purchase days and orders are counted while
 * each customer's rows arrive in non-decreasing day / order-key order; otherwise a flag asks for the exact recount.
 */
function applyRow(
  I: Int32Array,
  F: Float64Array,
  s: number,
  d: number,
  minor: number,
  o: number,
  refund: boolean,
  hasOrders: boolean,
): number {
  const bi = s * INTS;
  const bf = s * FLOATS;
  if (refund) {
    F[bf + REFUND] = F[bf + REFUND]! + minor;
    I[bi + REFUND_ROWS] = I[bi + REFUND_ROWS]! + 1;
    return 0;
  }
  F[bf + GROSS] = F[bf + GROSS]! + minor;
  const rows = I[bi + PURCHASE_ROWS]!;
  I[bi + PURCHASE_ROWS] = rows + 1;
  if (rows === 0) {
    I[bi + FIRST] = d;
    I[bi + LAST] = d;
    I[bi + PURCHASE_DAYS] = 1;
    I[bi + ORDERS] = 1;
    F[bf + LAST_ORDER] = o;
    return 0;
  }
  let flags = 0;
  const last = I[bi + LAST]!;
  if (d > last) {
    I[bi + LAST] = d;
    I[bi + PURCHASE_DAYS] = I[bi + PURCHASE_DAYS]! + 1;
  } else if (d < last) {
    flags = DAYS_UNSORTED;
    if (d < I[bi + FIRST]!) I[bi + FIRST] = d;
  }
  if (!hasOrders) I[bi + ORDERS] = I[bi + ORDERS]! + 1;
  else {
    const lastOrder = F[bf + LAST_ORDER]!;
    if (o > lastOrder) {
      F[bf + LAST_ORDER] = o;
      I[bi + ORDERS] = I[bi + ORDERS]! + 1;
    } else if (o < lastOrder) flags |= ORDERS_UNSORTED;
  }
  return flags;
}

/** Applies a (partitioned) batch of accepted rows; returns the unsorted flags. */
function applyBatch(I: Int32Array, F: Float64Array, batch: RowBatch, count: number, hasOrders: boolean): number {
  const { slot, day, minor, order, refund } = batch;
  let flags = 0;
  for (let r = 0; r < count; r++) {
    flags |= applyRow(I, F, slot[r]!, day[r]!, minor[r]!, order[r]!, refund[r] === 1, hasOrders);
  }
  return flags;
}

/**
 * Validates and accumulates every row, a chunk at a time. When rows jump between distant customers (time-ordered
 * logs) each chunk is first partitioned by customer bucket, so that accumulation works within cache-sized slot ranges;
 * customer-grouped rows are applied directly in row order.
 *
 * @example
 * ```ts
 * const { purchases, refunds, rejected, daysSorted } = accumulateRows(source, I, F, new Uint8Array(rows));
 * ```
 */
export function accumulateRows(
  source: RowSource,
  I: Int32Array,
  F: Float64Array,
  status: Uint8Array,
): Omit<RowCounters, 'flags'> & { daysSorted: boolean; ordersSorted: boolean } {
  const n = source.amount.length;
  const size = Math.min(n, CHUNK_ROWS);
  const counters: RowCounters = { purchases: 0, refunds: 0, afterAsOf: 0, rejected: 0, roundedAmounts: 0, flags: 0 };
  const hasOrders = source.orderColumn !== undefined;
  const partitionable = source.slots > 2 << BUCKET_SHIFT;
  let batch: RowBatch | undefined;
  let partitioned: RowBatch | undefined;
  const buckets = new Int32Array(partitionable ? (source.slots >>> BUCKET_SHIFT) + 2 : 0);
  for (let from = 0; from < n; from += size) {
    const to = Math.min(n, from + size);
    if (!partitionable || !source.scattered) {
      classifyRows(source, from, to, status, undefined, counters, I, F);
      continue;
    }
    batch ??= newBatch(size);
    partitioned ??= newBatch(size);
    const count = classifyRows(source, from, to, status, batch, counters, I, F);
    partitionBatch(batch, count, partitioned, buckets);
    counters.flags |= applyBatch(I, F, partitioned, count, hasOrders);
  }
  const { flags, ...rest } = counters;
  return { ...rest, daysSorted: (flags & DAYS_UNSORTED) === 0, ordersSorted: (flags & ORDERS_UNSORTED) === 0 };
}
