/**
 * Internal: turns customer-id and order-id columns into integer slots for the summary engine.
 *
 * Numeric customer ids whose range is small compared with the row count take the dense fast path (slot = id - min,
 * no lookup at all); sparse numeric ids go through an open-addressing hash table; strings through a `Map`.
 *
 * @module
 * @internal
 */

/**
 * Integer slots of a customer-id column.
 *
 * @example
 * ```ts
 * const { ids, offset, slots } = customerSlots(Int32Array.of(7, 9, 7));
 * // slots === 3, ids[i] - offset is the slot of row i
 * ```
 */
export interface CustomerSlots {
  /** Per row: `ids[i] - offset` is the slot; anything that is not an integer in `[0, slots)` marks an invalid id. */
  readonly ids: ArrayLike<number>;
  readonly offset: number;
  readonly slots: number;
  /** `dense`: key = offset + slot; `numeric`: key = numericKeys[slot]; `string`: key = stringKeys[slot]. */
  readonly mode: 'dense' | 'numeric' | 'string';
  readonly numericKeys: Float64Array | null;
  readonly stringKeys: readonly string[] | null;
  /** Slots in ascending key order (`null` for dense: ascending slot order is ascending key order). */
  readonly sortedSlots: Int32Array | null;
  /** True when more than a quarter of the rows jump to a customer more than 8 slots away from the previous row's. */
  readonly scattered: boolean;
}

/**
 * Per-row numeric order keys for the engine plus what is needed to recover the original ids.
 *
 * @example
 * ```ts
 * orderKeys(['o1', 'o2', 'o1']).keys //=> Float64Array [0, 1, 0]
 * ```
 */
export interface OrderKeys {
  /** Per row: a number identifying the order (`NaN` = invalid order id). */
  readonly keys: ArrayLike<number>;
  /** True when the per-row keys are the original numeric order ids. */
  readonly numeric: boolean;
  /** True when every key is an integer by construction (integer typed array), so rows need no check. */
  readonly alwaysValid: boolean;
  /** For string order ids: the distinct ids, indexed by key. */
  readonly strings: readonly string[] | null;
}

const DENSE_MIN_RANGE = 65_536;

function isTypedArray(column: ArrayLike<unknown>): column is ArrayLike<number> & ArrayBufferView {
  return ArrayBuffer.isView(column);
}

function isIntegerTypedArray(column: ArrayBufferView): boolean {
  return (
    column instanceof Int32Array ||
    column instanceof Uint32Array ||
    column instanceof Int16Array ||
    column instanceof Uint16Array ||
    column instanceof Int8Array ||
    column instanceof Uint8Array ||
    column instanceof Uint8ClampedArray
  );
}

function allNumbers(column: ArrayLike<unknown>): boolean {
  for (let i = 0; i < column.length; i++) if (typeof column[i] !== 'number') return false;
  return true;
}

/**
 * The string form of an id: strings as they are, safe integers in decimal, anything else `undefined`.
 *
 * @example
 * ```ts
 * idText(' ') //=> undefined
 * idText(17850) //=> '17850'
 * ```
 */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

function hashNumber(key: number, mask: number): number {
  const lo = key >>> 0;
  const hi = ((key - lo) / 4294967296) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h & mask;
}

/** Slots in ascending order of numeric keys. */
function sortSlotsByNumber(keys: Float64Array): Int32Array {
  const sorted = keys.slice().sort();
  const order = new Int32Array(keys.length);
  for (let slot = 0; slot < keys.length; slot++) {
    const key = keys[slot]!;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    order[lo] = slot;
  }
  return order;
}

/** Rows whose slot is more than 8 slots away from the previous row's (a measure of customer interleaving). */
function slotJumps(slots: ArrayLike<number>): number {
  let previous = -1;
  let jumps = 0;
  for (let i = 0; i < slots.length; i++) {
    const gap = slots[i]! - previous;
    if (gap > 8 || gap < -8) jumps++;
    previous = slots[i]!;
  }
  return jumps;
}

/** Smallest and largest valid id of a numeric column (`min > max` when there is none). */
function idRange(column: ArrayLike<number>, integerTyped: boolean): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < column.length; i++) {
    const id = column[i]!;
    if (!integerTyped && !Number.isSafeInteger(id)) continue;
    if (id < min) min = id;
    if (id > max) max = id;
  }
  return { min, max };
}

/** Sparse numeric ids: open addressing, capacity a power of two kept at most half full. */
function hashedSlots(column: ArrayLike<number>, integerTyped: boolean): CustomerSlots {
  const n = column.length;
  let capacity = 1024;
  let table = new Int32Array(capacity).fill(-1);
  let keys = new Float64Array(512);
  let count = 0;
  const rowSlot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = column[i]!;
    if (!integerTyped && !Number.isSafeInteger(id)) {
      rowSlot[i] = -1;
      continue;
    }
    let mask = capacity - 1;
    let h = hashNumber(id, mask);
    let slot = table[h]!;
    while (slot !== -1 && keys[slot] !== id) {
      h = (h + 1) & mask;
      slot = table[h]!;
    }
    if (slot === -1) {
      slot = count++;
      if (slot >= keys.length) {
        const grown = new Float64Array(keys.length * 2);
        grown.set(keys);
        keys = grown;
      }
      keys[slot] = id;
      table[h] = slot;
      if (count * 2 > capacity) {
        capacity *= 2;
        mask = capacity - 1;
        table = new Int32Array(capacity).fill(-1);
        for (let s = 0; s < count; s++) {
          let p = hashNumber(keys[s]!, mask);
          while (table[p] !== -1) p = (p + 1) & mask;
          table[p] = s;
        }
      }
    }
    rowSlot[i] = slot;
  }
  const numericKeys = keys.slice(0, count);
  return {
    ids: rowSlot,
    offset: 0,
    slots: count,
    mode: 'numeric',
    numericKeys,
    stringKeys: null,
    sortedSlots: sortSlotsByNumber(numericKeys),
    scattered: slotJumps(rowSlot) * 4 > n,
  };
}

function numericSlots(column: ArrayLike<number>, integerTyped: boolean): CustomerSlots {
  const n = column.length;
  const { min, max } = idRange(column, integerTyped);
  if (min > max) {
    const none = { ids: column, offset: 0, slots: 0, mode: 'dense', numericKeys: null, stringKeys: null } as const;
    return { ...none, sortedSlots: null, scattered: false };
  }
  const range = max - min + 1;
  if (range <= Math.max(DENSE_MIN_RANGE, n >>> 2)) {
    return {
      ids: column,
      offset: min,
      slots: range,
      mode: 'dense',
      numericKeys: null,
      stringKeys: null,
      sortedSlots: null,
      scattered: slotJumps(column) * 4 > n,
    };
  }
  return hashedSlots(column, integerTyped);
}

function stringSlots(column: ArrayLike<unknown>): CustomerSlots {
  const n = column.length;
  const index = new Map<string, number>();
  const keys: string[] = [];
  const rowSlot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const text = idText(column[i]);
    if (text === undefined) {
      rowSlot[i] = -1;
      continue;
    }
    let slot = index.get(text);
    if (slot === undefined) {
      slot = keys.length;
      keys.push(text);
      index.set(text, slot);
    }
    rowSlot[i] = slot;
  }
  const sortedKeys = keys.slice().sort();
  const sortedSlots = new Int32Array(keys.length);
  for (let r = 0; r < sortedKeys.length; r++) sortedSlots[r] = index.get(sortedKeys[r]!)!;
  return {
    ids: rowSlot,
    offset: 0,
    slots: keys.length,
    mode: 'string',
    numericKeys: null,
    stringKeys: keys,
    sortedSlots,
    scattered: slotJumps(rowSlot) * 4 > n,
  };
}

/**
 * Slots of a customer-id column. Typed arrays and all-number arrays are numeric (non-integers are invalid ids);
 * any other array is read as strings (safe integers converted to decimal, like `IdCodec`; empty strings invalid).
 *
 * @example
 * ```ts
 * customerSlots(['b', 'a', 'b']).sortedSlots //=> Int32Array [1, 0]
 * customerSlots(Int32Array.of(5, 6)).mode //=> 'dense'
 * ```
 */
export function customerSlots(column: ArrayLike<string> | ArrayLike<number>): CustomerSlots {
  if (isTypedArray(column)) return numericSlots(column, isIntegerTypedArray(column));
  if (allNumbers(column)) return numericSlots(column as ArrayLike<number>, false);
  return stringSlots(column);
}

/**
 * Per-row order keys. Numeric columns are used as they are (non-finite values invalid); string columns are numbered
 * by first appearance (numbering preserves equality, which is all distinct counting needs).
 *
 * @example
 * ```ts
 * orderKeys(Int32Array.of(3, 3, 4)).alwaysValid //=> true
 * orderKeys(['x', 'y']).strings //=> ['x', 'y']
 * ```
 */
export function orderKeys(column: ArrayLike<string> | ArrayLike<number>): OrderKeys {
  if (isTypedArray(column)) {
    return { keys: column, numeric: true, alwaysValid: isIntegerTypedArray(column), strings: null };
  }
  if (allNumbers(column))
    return { keys: column as ArrayLike<number>, numeric: true, alwaysValid: false, strings: null };
  const n = column.length;
  const index = new Map<string, number>();
  const strings: string[] = [];
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const text = idText((column as ArrayLike<unknown>)[i]);
    if (text === undefined) {
      keys[i] = Number.NaN;
      continue;
    }
    let key = index.get(text);
    if (key === undefined) {
      key = strings.length;
      strings.push(text);
      index.set(text, key);
    }
    keys[i] = key;
  }
  return { keys, numeric: false, alwaysValid: false, strings };
}
