/**
 * The purchase index: transactions grouped per customer and sorted by day, built once from records or columns and
 * shared by the signal scan, cohort tables, survival data and KPI monitor. Columns are the fast path (counting
 * sort, typed arrays, no per-row objects).
 *
 * @module
 */
import { dayNumber, KIND_REFUND, type ColumnarTransactions, type Transaction } from '../core/index.js';

/**
 * Transactions grouped by customer: rows `offsets[k] .. offsets[k+1]` belong to `ids[k]`, sorted by day (ties by
 * amount). Customer ids are ordered canonically (numeric ids ascending, string ids by UTF-16 code units), so every
 * output built on the index is independent of the input order.
 *
 * @example
 * ```ts
 * const index = buildPurchaseIndex({ transactions }, { asOfMs: Date.UTC(2024, 6, 1) });
 * index.ids[0]; // the first customer id
 * index.offsets[1] - index.offsets[0]; // that customer's rows
 * ```
 */
export interface PurchaseIndex {
  /** Customer ids, canonical order. */
  readonly ids: readonly string[];
  /** Row offsets per customer (length `ids.length + 1`). */
  readonly offsets: Int32Array;
  /** Day number of each grouped row. */
  readonly day: Int32Array;
  /** Signed amount of each grouped row: purchases positive, refunds negative. */
  readonly amount: Float64Array;
  /** 1 for a refund row, 0 for a purchase row. */
  readonly refund: Uint8Array;
  /** 1 for a purchase row that starts a new order (rows of one order count once), else 0. */
  readonly newOrder: Uint8Array;
  /** The first day that is *not* history (rows with `day < endDay` were kept). */
  readonly endDay: number;
  /** The day number of `asOf`. */
  readonly asOfDay: number;
  /** Rows kept. */
  readonly rowsUsed: number;
  /** Rows dropped because they happened at or after `asOf`. */
  readonly rowsAfterAsOf: number;
  /** Rows dropped because their customer is not in the requested customer list. */
  readonly rowsOfUnknownCustomers: number;
}

/**
 * Options of {@link buildPurchaseIndex}.
 *
 * @example
 * ```ts
 * const options: PurchaseIndexOptions = { asOfMs: Date.UTC(2024, 6, 1), timeZone: 'UTC' };
 * ```
 */
export interface PurchaseIndexOptions {
  /** The analysis instant (epoch ms); only rows before it are history. */
  readonly asOfMs: number;
  /** IANA zone for calendar days (default UTC). */
  readonly timeZone?: string | undefined;
  /** Restrict to (and include, even without rows) these customers. */
  readonly customerIds?: readonly string[] | undefined;
}

/**
 * The day number of `asOf` and the first day excluded from history. A midnight `asOf` excludes its own day; an
 * `asOf` during a day includes that day (rows carry only a day there).
 *
 * @example
 * ```ts
 * asOfDays(Date.UTC(2024, 6, 1)) //=> { asOfDay: 19905, endDay: 19905 }
 * asOfDays(Date.UTC(2024, 6, 1, 12)) //=> { asOfDay: 19905, endDay: 19906 }
 * ```
 */
export function asOfDays(asOfMs: number, timeZone?: string): { asOfDay: number; endDay: number } {
  const options = timeZone === undefined ? {} : { timeZone };
  const asOfDay = dayNumber(asOfMs, options);
  const atStart = dayNumber(asOfMs - 1, options) < asOfDay;
  return { asOfDay, endDay: atStart ? asOfDay : asOfDay + 1 };
}

interface RowSource {
  readonly n: number;
  readonly customerId: ArrayLike<string> | ArrayLike<number>;
  readonly rowDay: Int32Array;
  readonly included: Uint8Array;
  readonly amount: ArrayLike<number>;
  readonly kind: Uint8Array | undefined;
  readonly orderId: ArrayLike<string> | ArrayLike<number> | undefined;
  readonly after: number;
}

function fromRecords(transactions: readonly Transaction[], asOfMs: number, timeZone: string | undefined): RowSource {
  const n = transactions.length;
  const customerId = new Array<string>(n);
  const orderId = new Array<string>(n);
  const rowDay = new Int32Array(n);
  const included = new Uint8Array(n);
  const amount = new Float64Array(n);
  const kind = new Uint8Array(n);
  const options = timeZone === undefined ? undefined : { timeZone };
  let after = 0;
  for (let i = 0; i < n; i++) {
    const tx = transactions[i]!;
    customerId[i] = tx.customerId;
    orderId[i] = tx.orderId ?? tx.id;
    amount[i] = tx.amount;
    kind[i] = tx.kind === 'refund' ? KIND_REFUND : 0;
    if (tx.occurredAt < asOfMs) {
      included[i] = 1;
      rowDay[i] = options === undefined ? Math.floor(tx.occurredAt / 86_400_000) : dayNumber(tx.occurredAt, options);
    } else after++;
  }
  return { n, customerId, rowDay, included, amount, kind, orderId, after };
}

function fromColumns(columns: ColumnarTransactions, asOfMs: number, endDay: number, timeZone: string | undefined): RowSource {
  const n = columns.amount.length;
  const included = new Uint8Array(n);
  let rowDay: Int32Array;
  let after = 0;
  if (columns.day !== undefined) {
    rowDay = columns.day;
    for (let i = 0; i < n; i++) {
      if (rowDay[i]! < endDay) included[i] = 1;
      else after++;
    }
  } else {
    const at = columns.occurredAt;
    if (at === undefined) throw new TypeError('[clientele] columnar transactions need a day or occurredAt column');
    rowDay = new Int32Array(n);
    const options = timeZone === undefined ? undefined : { timeZone };
    for (let i = 0; i < n; i++) {
      const ms = at[i]!;
      if (ms < asOfMs) {
        included[i] = 1;
        rowDay[i] = options === undefined ? Math.floor(ms / 86_400_000) : dayNumber(ms, options);
      } else after++;
    }
  }
  return {
    n,
    customerId: columns.customerId,
    rowDay,
    included,
    amount: columns.amount,
    kind: columns.kind,
    orderId: columns.orderId,
    after,
  };
}

const MAX_DENSE_ID = 1 << 26;
/** A module-local copy of the refund code (hot loops read it once per row). */
const REFUND_CODE = KIND_REFUND;

function isIntegerTypedArray(values: ArrayLike<string> | ArrayLike<number>): values is ArrayLike<number> {
  return (
    values instanceof Int32Array ||
    values instanceof Uint32Array ||
    values instanceof Int16Array ||
    values instanceof Uint16Array ||
    values instanceof Uint8Array ||
    values instanceof Float64Array ||
    values instanceof Float32Array
  );
}

interface Resolved {
  readonly rowCustomer: Int32Array;
  readonly ids: string[];
  readonly unknown: number;
}

/** Dense integer ids (typed arrays of small non-negative integers): ascending numeric order, no hashing. */
function resolveDense(values: ArrayLike<number>, included: Uint8Array): Resolved | undefined {
  const n = values.length;
  let max = -1;
  const integral = !(values instanceof Float64Array || values instanceof Float32Array);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= MAX_DENSE_ID && (integral || Math.floor(v) === v))) return undefined;
    if (v > max) max = v;
  }
  const slot = new Int32Array(max + 1);
  for (let i = 0; i < n; i++) if (included[i] === 1) slot[values[i]!] = 1;
  const ids: string[] = [];
  for (let v = 0; v <= max; v++) {
    if (slot[v] === 1) {
      slot[v] = ids.length;
      ids.push(String(v));
    } else slot[v] = -1;
  }
  const rowCustomer = new Int32Array(n);
  for (let i = 0; i < n; i++) rowCustomer[i] = included[i] === 1 ? slot[values[i]!]! : -1;
  return { rowCustomer, ids, unknown: 0 };
}

function keyOf(value: string | number): string {
  return typeof value === 'number' ? String(value) : value;
}

/** Any ids: hashing with a cache for runs of equal ids (sorted inputs), then canonical ordering. */
function resolveGeneric(values: ArrayLike<string> | ArrayLike<number>, included: Uint8Array, explicit: readonly string[] | undefined): Resolved {
  const n = values.length;
  const rowCustomer = new Int32Array(n);
  let unknown = 0;
  if (explicit !== undefined) {
    const ids = [...new Set(explicit)].sort();
    const lookup = new Map<string, number>();
    for (let k = 0; k < ids.length; k++) lookup.set(ids[k]!, k);
    let lastValue: string | number | undefined;
    let lastIndex = -1;
    for (let i = 0; i < n; i++) {
      if (included[i] !== 1) {
        rowCustomer[i] = -1;
        continue;
      }
      const v = values[i]!;
      if (v !== lastValue) {
        lastValue = v;
        lastIndex = lookup.get(keyOf(v)) ?? -1;
      }
      rowCustomer[i] = lastIndex;
      if (lastIndex < 0) unknown++;
    }
    return { rowCustomer, ids, unknown };
  }
  const lookup = new Map<string, number>();
  const firstSeen: string[] = [];
  let lastValue: string | number | undefined;
  let lastIndex = -1;
  const numeric = isIntegerTypedArray(values);
  for (let i = 0; i < n; i++) {
    if (included[i] !== 1) {
      rowCustomer[i] = -1;
      continue;
    }
    const v = values[i]!;
    if (v !== lastValue) {
      lastValue = v;
      const key = keyOf(v);
      let index = lookup.get(key);
      if (index === undefined) {
        index = firstSeen.length;
        lookup.set(key, index);
        firstSeen.push(key);
      }
      lastIndex = index;
    }
    rowCustomer[i] = lastIndex;
  }
  const order = firstSeen.map((_, k) => k);
  if (numeric) order.sort((x, y) => Number(firstSeen[x]) - Number(firstSeen[y]));
  else order.sort((x, y) => (firstSeen[x]! < firstSeen[y]! ? -1 : firstSeen[x]! > firstSeen[y]! ? 1 : 0));
  const remap = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) remap[order[k]!] = k;
  for (let i = 0; i < n; i++) if (rowCustomer[i]! >= 0) rowCustomer[i] = remap[rowCustomer[i]!]!;
  return { rowCustomer, ids: order.map((k) => firstSeen[k]!), unknown };
}

function rowBefore(x: number, y: number, day: Int32Array, amount: Float64Array, refund: Uint8Array, source: Int32Array | undefined): boolean {
  const dd = day[x]! - day[y]!;
  if (dd !== 0) return dd < 0;
  const da = amount[x]! - amount[y]!;
  if (da !== 0) return da < 0;
  const dr = refund[x]! - refund[y]!;
  if (dr !== 0) return dr < 0;
  return source !== undefined && source[x]! < source[y]!;
}

/** Sorts one customer's rows by (day, amount, refund, source row): insertion sort for the usual short, nearly sorted slices. */
function sortSlice(
  start: number,
  end: number,
  day: Int32Array,
  amount: Float64Array,
  refund: Uint8Array,
  source: Int32Array | undefined,
): void {
  if (end - start <= 48) {
    for (let j = start + 1; j < end; j++) {
      const d = day[j]!;
      const a = amount[j]!;
      const r = refund[j]!;
      const s = source === undefined ? 0 : source[j]!;
      let k = j - 1;
      // Shift larger rows right (compare the held row against row k).
      while (k >= start) {
        const dk = day[k]!;
        const later = dk > d || (dk === d && (amount[k]! > a || (amount[k] === a && (refund[k]! > r || (refund[k] === r && source !== undefined && source[k]! > s)))));
        if (!later) break;
        day[k + 1] = dk;
        amount[k + 1] = amount[k]!;
        refund[k + 1] = refund[k]!;
        if (source !== undefined) source[k + 1] = source[k]!;
        k--;
      }
      day[k + 1] = d;
      amount[k + 1] = a;
      refund[k + 1] = r;
      if (source !== undefined) source[k + 1] = s;
    }
    return;
  }
  const idx: number[] = [];
  for (let j = start; j < end; j++) idx.push(j);
  idx.sort((x, y) => (rowBefore(x, y, day, amount, refund, source) ? -1 : rowBefore(y, x, day, amount, refund, source) ? 1 : 0));
  const d = idx.map((j) => day[j]!);
  const a = idx.map((j) => amount[j]!);
  const r = idx.map((j) => refund[j]!);
  const s = source === undefined ? undefined : idx.map((j) => source[j]!);
  for (let j = start; j < end; j++) {
    day[j] = d[j - start]!;
    amount[j] = a[j - start]!;
    refund[j] = r[j - start]!;
    if (source !== undefined) source[j] = s![j - start]!;
  }
}

/**
 * Groups transactions per customer and sorts each customer's rows by day. Only rows before `asOf` are kept;
 * refunds become negative amounts; rows sharing an `orderId` count as one order.
 *
 * @example
 * ```ts
 * const index = buildPurchaseIndex(
 *   { transactions: [{ id: 't1', customerId: 'a', occurredAt: Date.UTC(2024, 0, 2), kind: 'purchase', amount: 10, currency: 'EUR' }] },
 *   { asOfMs: Date.UTC(2024, 6, 1) },
 * );
 * index.ids //=> ['a']
 * ```
 */
export function buildPurchaseIndex(
  source: { readonly transactions?: readonly Transaction[] | undefined; readonly columns?: ColumnarTransactions | undefined },
  options: PurchaseIndexOptions,
): PurchaseIndex {
  const { asOfDay, endDay } = asOfDays(options.asOfMs, options.timeZone);
  const rows =
    source.columns !== undefined
      ? fromColumns(source.columns, options.asOfMs, endDay, options.timeZone)
      : fromRecords(source.transactions ?? [], options.asOfMs, options.timeZone);
  const resolved =
    (options.customerIds === undefined && isIntegerTypedArray(rows.customerId)
      ? resolveDense(rows.customerId, rows.included)
      : undefined) ?? resolveGeneric(rows.customerId, rows.included, options.customerIds);
  const customers = resolved.ids.length;
  const offsets = new Int32Array(customers + 1);
  const rowCustomer = resolved.rowCustomer;
  const n = rows.n;
  // Count rows per customer, and see whether rows arrive grouped by customer (exports usually are): then a
  // sequential copy replaces the scatter.
  let grouped = true;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const c = rowCustomer[i]!;
    if (c < 0) continue;
    offsets[c + 1]!++;
    if (c < previous) grouped = false;
    previous = c;
  }
  for (let k = 0; k < customers; k++) offsets[k + 1]! += offsets[k]!;
  const used = offsets[customers]!;
  const day = new Int32Array(used);
  const amount = new Float64Array(used);
  const refund = new Uint8Array(used);
  const newOrder = new Uint8Array(used);
  const orderId = rows.orderId;
  const sourceRow = orderId === undefined ? undefined : new Int32Array(used);
  const kind = rows.kind;
  const rowDay = rows.rowDay;
  const rowAmount = rows.amount;
  const refundCode = REFUND_CODE;
  const cursor = grouped ? undefined : offsets.slice(0, customers);
  // Customers whose rows are not in (day, amount) order yet; detected during a grouped copy, assumed otherwise.
  const unsorted = new Uint8Array(customers);
  let next = 0;
  let lastCustomer = -1;
  for (let i = 0; i < n; i++) {
    const c = rowCustomer[i]!;
    if (c < 0) continue;
    const p = cursor === undefined ? next++ : cursor[c]!++;
    const d = rowDay[i]!;
    day[p] = d;
    let a: number;
    if (kind?.[i] === refundCode) {
      refund[p] = 1;
      a = -rowAmount[i]!;
    } else {
      a = rowAmount[i]!;
      newOrder[p] = 1;
    }
    amount[p] = a;
    if (sourceRow !== undefined) sourceRow[p] = i;
    if (cursor === undefined) {
      if (c === lastCustomer && (d < day[p - 1]! || (d === day[p - 1] && a < amount[p - 1]!))) unsorted[c] = 1;
      lastCustomer = c;
    }
  }
  for (let k = 0; k < customers; k++) {
    const start = offsets[k]!;
    const end = offsets[k + 1]!;
    if (end - start < 2) continue;
    if (unsorted[k] === 1 || cursor !== undefined) {
      for (let j = start + 1; j < end; j++) {
        if (day[j]! < day[j - 1]! || (day[j] === day[j - 1] && amount[j]! < amount[j - 1]!)) {
          sortSlice(start, end, day, amount, refund, sourceRow);
          for (let m = start; m < end; m++) newOrder[m] = 1 - refund[m]!;
          break;
        }
      }
    }
    if (orderId !== undefined) {
      const seen = new Set<string | number>();
      for (let j = start; j < end; j++) {
        if (refund[j] === 1) continue;
        const key = orderId[sourceRow![j]!]!;
        if (seen.has(key)) newOrder[j] = 0;
        else seen.add(key);
      }
    }
  }
  return {
    ids: resolved.ids,
    offsets,
    day,
    amount,
    refund,
    newOrder,
    endDay,
    asOfDay,
    rowsUsed: used,
    rowsAfterAsOf: rows.after,
    rowsOfUnknownCustomers: resolved.unknown,
  };
}

/**
 * A map from customer id to its position in the index (built on demand; O(customers)).
 *
 * @example
 * ```ts
 * customerPositions(index).get('a') //=> 0
 * ```
 */
export function customerPositions(index: PurchaseIndex): Map<string, number> {
  const map = new Map<string, number>();
  for (let k = 0; k < index.ids.length; k++) map.set(index.ids[k]!, k);
  return map;
}
