/**
 * Compensated (Neumaier) summation: float sums whose error does not grow with the number of terms.
 *
 * @module
 */

/**
 * A running compensated sum (Neumaier's improvement of Kahan summation). Mutable on purpose, for hot loops;
 * read the result with {@link CompensatedSum.value}.
 *
 * @example
 * ```ts
 * const acc = new CompensatedSum();
 * for (let i = 0; i < 10; i++) acc.add(0.1);
 * acc.value //=> 1
 * ```
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  /** Adds one term. */
  add(term: number): this {
    const total = this.sum + term;
    if (Math.abs(this.sum) >= Math.abs(term)) this.compensation += this.sum - total + term;
    else this.compensation += term - total + this.sum;
    this.sum = total;
    return this;
  }

  /** Adds another running sum (for merging shards). */
  merge(other: CompensatedSum): this {
    this.add(other.sum);
    this.add(other.compensation);
    return this;
  }

  /** The current total. */
  get value(): number {
    return this.sum + this.compensation;
  }
}

/**
 * Sums numbers with Neumaier compensation.
 *
 * @example
 * ```ts
 * compensatedSum([1e16, 1, -1e16]) //=> 1
 * compensatedSum(new Float64Array([0.1, 0.2, 0.3])) //=> 0.6
 * ```
 */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const term = values[i]!;
    const total = sum + term;
    if (Math.abs(sum) >= Math.abs(term)) compensation += sum - total + term;
    else compensation += term - total + sum;
    sum = total;
  }
  return sum + compensation;
}
