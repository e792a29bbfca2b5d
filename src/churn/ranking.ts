/**
 * Fast, stable ranking of a million scores: an LSD radix sort on the IEEE-754 bit patterns (16-bit digits) that
 * carries the keys with the indices (sequential reads), keeping ties in index order. Used to order risk
 * assessments by priority without a comparator sort.
 *
 * @module
 */

const DIGITS = 1 << 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Writes the descending-order unsigned key words of `values[order[i]]` into `hi[i]`, `lo[i]`. */
function gatherKeys(values: Float64Array, order: Uint32Array, hi: Uint32Array, lo: Uint32Array): void {
  const cell = new Float64Array(1);
  const words = new Uint32Array(cell.buffer);
  const hiWord = LITTLE_ENDIAN ? 1 : 0;
  const loWord = 1 - hiWord;
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]!]!;
    cell[0] = v === 0 ? 0 : Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v; // −0 ≡ 0; NaN ranks last
    let h = words[hiWord]!;
    let l = words[loWord]!;
    // Order-preserving map of the double to an unsigned 64-bit integer, then inverted for descending order.
    if (h >>> 31 === 1) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = ~h >>> 0;
    lo[i] = ~l >>> 0;
  }
}

interface Lanes {
  order: Uint32Array;
  hi: Uint32Array;
  lo: Uint32Array;
}

function radixPass(from: Lanes, to: Lanes, digitOf: Uint32Array, shift: number, counts: Uint32Array): boolean {
  counts.fill(0);
  const n = from.order.length;
  for (let i = 0; i < n; i++) counts[(digitOf[i]! >>> shift) & 0xffff]!++;
  for (let d = 0; d < DIGITS; d++) {
    if (counts[d] === n) return false; // a single digit value: the pass would not move anything
    if (counts[d]! > 0) break;
  }
  let sum = 0;
  for (let d = 0; d < DIGITS; d++) {
    const c = counts[d]!;
    counts[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const p = counts[(digitOf[i]! >>> shift) & 0xffff]!++;
    to.order[p] = from.order[i]!;
    to.hi[p] = from.hi[i]!;
    to.lo[p] = from.lo[i]!;
  }
  return true;
}

/**
 * Indices ordered by `primary` descending, ties by `secondary` descending (when given), remaining ties by index
 * ascending. NaN ranks last; −0 equals 0.
 *
 * @example
 * ```ts
 * Array.from(rankDescending(Float64Array.from([0.2, 0.9, 0.2]), Float64Array.from([1, 0, 3]))) //=> [1, 2, 0]
 * ```
 */
export function rankDescending(primary: Float64Array, secondary?: Float64Array): Uint32Array {
  const n = primary.length;
  let a: Lanes = { order: new Uint32Array(n), hi: new Uint32Array(n), lo: new Uint32Array(n) };
  let b: Lanes = { order: new Uint32Array(n), hi: new Uint32Array(n), lo: new Uint32Array(n) };
  for (let i = 0; i < n; i++) a.order[i] = i;
  const counts = new Uint32Array(DIGITS);
  for (const values of secondary === undefined ? [primary] : [secondary, primary]) {
    gatherKeys(values, a.order, a.hi, a.lo);
    for (const [lane, shift] of [
      ['lo', 0],
      ['lo', 16],
      ['hi', 0],
      ['hi', 16],
    ] as const) {
      if (radixPass(a, b, a[lane], shift, counts)) {
        const swap = a;
        a = b;
        b = swap;
      }
    }
  }
  return a.order;
}
