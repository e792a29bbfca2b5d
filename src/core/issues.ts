/**
 * Validation issues: bad input described as data.
 *
 * @module
 */

/**
 * One problem found in untrusted input. Decoders collect every issue instead of stopping at the first.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = {
 *   path: 'transactions[3].amount',
 *   expected: 'decimal amount',
 *   received: '"12,50"',
 *   message: 'transactions[3].amount: expected decimal amount, received "12,50"',
 * };
 * ```
 */
export interface ValidationIssue {
  /** Where the problem is, e.g. `transactions[3].lines[0].quantity`. */
  readonly path: string;
  /** What was expected there, e.g. `ISO date or date-time`. */
  readonly expected: string;
  /** The value received, JSON-encoded and truncated to 80 characters. */
  readonly received: string;
  /** A readable sentence combining the three fields above. */
  readonly message: string;
}

/**
 * The result of decoding many records at once: the valid ones are kept, the rejected ones are reported.
 *
 * @example
 * ```ts
 * const result: BatchResult<{ id: string }> = { valid: [{ id: 'a' }], issues: [], rejected: [] };
 * ```
 */
export interface BatchResult<T> {
  /** The records that decoded, in input order. */
  readonly valid: T[];
  /** Every issue of every rejected record, with paths such as `transactions[3].amount`. */
  readonly issues: ValidationIssue[];
  /** Input indices of the rejected records, ascending. */
  readonly rejected: number[];
}

const MAX_RECEIVED = 80;

/**
 * Renders a received value for an issue: JSON where possible, truncated to 80 characters.
 *
 * @example
 * ```ts
 * describeReceived('12,50') //=> '"12,50"'
 * describeReceived(undefined) //=> 'undefined'
 * ```
 */
export function describeReceived(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'number' || typeof value === 'bigint') text = String(value);
  else if (typeof value === 'function') text = 'function';
  else if (value instanceof Date)
    text = Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`;
  else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > MAX_RECEIVED ? `${text.slice(0, MAX_RECEIVED - 1)}…` : text;
}

/**
 * Builds a {@link ValidationIssue} with its message.
 *
 * @example
 * ```ts
 * makeIssue('customers[0].email', 'email address', 'nope').message
 * //=> 'customers[0].email: expected email address, received "nope"'
 * ```
 */
export function makeIssue(path: string, expected: string, value: unknown): ValidationIssue {
  const received = describeReceived(value);
  return { path, expected, received, message: `${path}: expected ${expected}, received ${received}` };
}

/**
 * Appends a key to an issue path: numbers become `[i]`, names become `.name`.
 *
 * @example
 * ```ts
 * joinPath('transactions', 3) //=> 'transactions[3]'
 * joinPath('transactions[3]', 'amount') //=> 'transactions[3].amount'
 * ```
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number' || /^\d+$/.test(key)) return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}
