/**
 * Internal: order statistics and stable ranks without comparator sorts of objects — histograms (counting sort) for
 * integer-valued data with a small range, radix selection or a native typed-array sort otherwise.
 *
 * @module
 * @internal
 */

const SMALL_RANGE_FACTOR = 4;
const SMALL_RANGE_EXTRA = 1024;

/** Value range of integer-valued values when it is small enough for a histogram, else `undefined`. */
function histogramRange(values: Float64Array): { min: number; size: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== Math.floor(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (values.length === 0) return undefined;
  const size = max - min + 1;
  return size <= SMALL_RANGE_FACTOR * values.length + SMALL_RANGE_EXTRA ? { min, size } : undefined;
}

/** Index of the high 32-bit word of a float64 in a Uint32Array view (platform byte order). */
const HIGH_WORD = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;

/** Top 16 bits of the order-preserving unsigned key of a finite float64 whose high word is `high`. */
function bucketOf(high: number): number {
  return (high & 0x80000000 ? ~high : high | 0x80000000) >>> 16;
}

/**
 * Order statistics by radix selection: a histogram of the top 16 bits of the order-preserving key (sign, exponent,
 * 4 mantissa bits), then only the few buckets that hold a wanted rank are gathered and sorted. Two branch-light passes
 * instead of a comparison sort.
 */
function radixOrderStatistics(values: Float64Array, ranks: readonly number[], out: number[]): void {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const below = new Int32Array(65_537);
  for (let i = 0; i < n; i++) below[bucketOf(words[2 * i + HIGH_WORD]!) + 1]!++;
  for (let b = 0; b < 65_536; b++) below[b + 1] = below[b + 1]! + below[b]!;
  const bucketOfRank = ranks.map((rank) => {
    let lo = 0;
    let hi = 65_535;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (below[mid]! <= rank) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  });
  const slotOfBucket = new Int16Array(65_536).fill(-1);
  const gathered: Float64Array[] = [];
  for (const b of bucketOfRank) {
    if (slotOfBucket[b] !== -1) continue;
    slotOfBucket[b] = gathered.length;
    gathered.push(new Float64Array(below[b + 1]! - below[b]!));
  }
  const fill = new Int32Array(gathered.length);
  for (let i = 0; i < n; i++) {
    const slot = slotOfBucket[bucketOf(words[2 * i + HIGH_WORD]!)]!;
    if (slot >= 0) gathered[slot]![fill[slot]!++] = values[i]!;
  }
  for (const bucket of gathered) bucket.sort();
  ranks.forEach((rank, k) => {
    const b = bucketOfRank[k]!;
    out[k] = gathered[slotOfBucket[b]!]![rank - below[b]!]!;
  });
}

/**
 * The values at the given 0-based ranks (ascending, distinct, each < values.length) of the ascending order of
 * `values`. Does not modify `values`.
 *
 * @example
 * ```ts
 * orderStatistics(Float64Array.of(5, 1, 4, 2, 3), [0, 2, 4]) //=> [1, 3, 5]
 * ```
 */
export function orderStatistics(values: Float64Array, ranks: readonly number[]): number[] {
  const out = new Array<number>(ranks.length).fill(Number.NaN);
  if (ranks.length === 0 || values.length === 0) return out;
  const range = histogramRange(values);
  if (range !== undefined) {
    const counts = new Int32Array(range.size);
    for (let i = 0; i < values.length; i++) counts[values[i]! - range.min]!++;
    let seen = 0;
    let r = 0;
    for (let v = 0; v < range.size && r < ranks.length; v++) {
      seen += counts[v]!;
      while (r < ranks.length && ranks[r]! < seen) out[r++] = v + range.min;
    }
    return out;
  }
  radixOrderStatistics(values, ranks, out);
  return out;
}

/**
 * Stable ascending ranks 1..m: equal values are ranked in index order (pandas `rank(method='first')` on rows in
 * index order). Returns the ranks and the ascending sorted values.
 *
 * @example
 * ```ts
 * stableRanks(Float64Array.of(2, 1, 2)).ranks //=> Int32Array [2, 1, 3]
 * ```
 */
export function stableRanks(values: Float64Array): { ranks: Int32Array; sorted: Float64Array } {
  const m = values.length;
  const ranks = new Int32Array(m);
  const range = histogramRange(values);
  if (range !== undefined) {
    const before = new Int32Array(range.size + 1);
    for (let i = 0; i < m; i++) before[values[i]! - range.min + 1]!++;
    for (let v = 0; v < range.size; v++) before[v + 1] = before[v + 1]! + before[v]!;
    const sorted = new Float64Array(m);
    for (let v = 0; v < range.size; v++) sorted.fill(v + range.min, before[v], before[v + 1]);
    for (let i = 0; i < m; i++) ranks[i] = ++before[values[i]! - range.min]!;
    return { ranks, sorted };
  }
  const sorted = Float64Array.from(values).sort();
  const seenAt = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const x = values[i]!;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo + ++seenAt[lo]!;
  }
  return { ranks, sorted };
}
