/**
 * Recognising columnar input (arrays or typed arrays) in untrusted data.
 *
 * @module
 */

/**
 * Whether a value can serve as a column: an array or a typed array.
 *
 * @example
 * ```ts
 * isNumberColumn(new Float64Array(3)) //=> true
 * isNumberColumn('abc') //=> false
 * ```
 */
export function isNumberColumn(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Whether a value is an object whose named fields are all columns ({@link isNumberColumn}).
 *
 * @example
 * ```ts
 * hasNumberColumns({ x: [1], tx: [1] }, ['x', 'tx']) //=> true
 * ```
 */
export function hasNumberColumns(value: unknown, fields: readonly string[]): boolean {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return fields.every((field) => isNumberColumn(record[field]));
}
