/**
 * Quantiles with numpy's default ("linear", Hyndman & Fan type 7) method.
 *
 * @module
 */

/**
 * The q-quantile (0 ≤ q ≤ 1) of values already sorted ascending, by numpy's default linear interpolation:
 * position h = (n − 1)·q, result = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). `NaN` for an empty input.
 *
 * @example
 * ```ts
 * quantileSorted([1, 2, 3, 4], 0.5) //=> 2.5
 * quantileSorted([1, 2, 3, 4], 0.25) //=> 1.75
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0 || !(q >= 0 && q <= 1)) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  if (h === lo) return a; // exact order statistic, no interpolation
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/**
 * Quantiles of unsorted values (numpy "linear" method). Copies and sorts once for all requested levels.
 *
 * @example
 * ```ts
 * quantiles([5, 1, 4, 2, 3], [0, 0.5, 0.9]) //=> [1, 3, 4.6]
 * ```
 */
export function quantiles(values: ArrayLike<number>, levels: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return levels.map((q) => quantileSorted(sorted, q));
}

/**
 * The median of unsorted values (numpy "linear" method); `NaN` when empty.
 *
 * @example
 * ```ts
 * median([3, 1, 2, 10]) //=> 2.5
 * ```
 */
export function median(values: ArrayLike<number>): number {
  return quantiles(values, [0.5])[0]!;
}
