/**
 * Shared generated bases for the synth tests (memoised per test worker, so each file pays for generation once).
 */
import { generateCustomerBase, type ColumnarCustomerBase } from '../../src/synth/index.js';

/** Options of the shared base: 6,000 persons over two years before 2025-01-01. */
export const BASE_OPTIONS = { seed: 'synth-tests', customers: 6000, asOf: '2025-01-01', columnar: true } as const;

let cached: ColumnarCustomerBase | undefined;

/** The shared base (with columns). */
export function sharedBase(): ColumnarCustomerBase {
  cached ??= generateCustomerBase(BASE_OPTIONS);
  return cached;
}

/** Milliseconds per day. */
export const DAY = 86_400_000;

/** Arithmetic mean. */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Element-wise equality of two array-likes (fast, unlike deep equality on large typed arrays). */
export function sameArray(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Names of the columns that differ between two column sets with the same keys. */
export function differingColumns(a: object, b: object): string[] {
  const left = a as Record<string, ArrayLike<unknown>>;
  const right = b as Record<string, ArrayLike<unknown>>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.filter((key) => left[key] === undefined || right[key] === undefined || !sameArray(left[key], right[key]) || left[key].constructor !== right[key].constructor);
}
