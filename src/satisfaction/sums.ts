/**
 * A small vector of running compensated (Neumaier) sums: the sufficient statistics of a score, which add up
 * across responses and subtract for complements (a segment versus the rest).
 *
 * @module
 */

/**
 * A fixed-width vector of compensated running sums. Mutable on purpose, for hot loops.
 *
 * @example
 * ```ts
 * const acc = new SumVector(2);
 * acc.add(0, 1);
 * acc.add(1, 0.1);
 * acc.values() // Float64Array [1, 0.1]
 * ```
 */
export class SumVector {
  private readonly sums: Float64Array;
  private readonly compensation: Float64Array;

  /** Creates `width` sums, all zero. */
  constructor(width: number) {
    this.sums = new Float64Array(width);
    this.compensation = new Float64Array(width);
  }

  /** Adds a term to one slot. */
  add(slot: number, term: number): void {
    const sum = this.sums[slot]!;
    const total = sum + term;
    if (Math.abs(sum) >= Math.abs(term)) this.compensation[slot]! += sum - total + term;
    else this.compensation[slot]! += term - total + sum;
    this.sums[slot] = total;
  }

  /** The current totals (a fresh array). */
  values(): Float64Array {
    const out = new Float64Array(this.sums.length);
    for (let i = 0; i < out.length; i++) out[i] = this.sums[i]! + this.compensation[i]!;
    return out;
  }
}

/**
 * Elementwise `a − b` of two sum vectors (the complement of a group within a total).
 *
 * @example
 * ```ts
 * subtractSums(Float64Array.of(10, 4), Float64Array.of(3, 1)) // Float64Array [7, 3]
 * ```
 */
export function subtractSums(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, a[i]! - b[i]!);
  return out;
}
