/**
 * Ranks of column values (library-private): the distinct values and each entry's index into them, for the
 * compression of recency-frequency data and the likelihood tables.
 *
 * @module
 */

/**
 * The distinct values of a column (ascending) and each entry's index into them — by a native sort and binary
 * search, no hashing of doubles.
 */
export function rankValues(values: Float64Array): { table: Float64Array; rank: Int32Array } {
  const sorted = Float64Array.from(values).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[unique - 1]) sorted[unique++] = sorted[i]!;
  }
  const table = sorted.slice(0, unique);
  const rank = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = unique - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
  }
  return { table, rank };
}
