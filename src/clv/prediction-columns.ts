/**
 * Columnar evaluation of per-customer predictions (library-private). The conditional predictions of the purchase
 * models factor as P(alive | x, tx, T) · f(x, T); f is computed once per distinct (x, T) pair, so a million
 * customers cost a million P(alive) evaluations plus one f per distinct pair.
 *
 * @module
 */
import type { RecencyFrequencyColumns } from './data.js';

/** Checks that the three columns have equal lengths. */
export function columnLength(columns: RecencyFrequencyColumns): number {
  const n = columns.x.length;
  if (columns.tx.length !== n || columns.T.length !== n) {
    throw new RangeError('[clientele] the x, tx and T columns must have the same length');
  }
  return n;
}

/** out[i] = alive(xᵢ, txᵢ, Tᵢ) · future(xᵢ, Tᵢ), with future cached per distinct (x, T) and skipped when alive is 0. */
export function factorizedColumns(
  columns: RecencyFrequencyColumns,
  alive: (x: number, tx: number, T: number) => number,
  future: (x: number, T: number) => number,
): Float64Array {
  const n = columnLength(columns);
  const out = new Float64Array(n);
  const cache = new Map<number, Map<number, number>>();
  for (let i = 0; i < n; i++) {
    const x = columns.x[i]!;
    const T = columns.T[i]!;
    const probability = alive(x, columns.tx[i]!, T);
    if (probability === 0) continue;
    let byT = cache.get(x);
    if (byT === undefined) {
      byT = new Map();
      cache.set(x, byT);
    }
    let value = byT.get(T);
    if (value === undefined) {
      value = future(x, T);
      byT.set(T, value);
    }
    out[i] = probability * value;
  }
  return out;
}

/** out[i] = f(xᵢ, txᵢ, Tᵢ). */
export function mapColumns(
  columns: RecencyFrequencyColumns,
  f: (x: number, tx: number, T: number) => number,
): Float64Array {
  const n = columnLength(columns);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(columns.x[i]!, columns.tx[i]!, columns.T[i]!);
  return out;
}
