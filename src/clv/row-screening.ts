/**
 * The "exclude and report" rule shared by every fit of the module: each input row is checked, rows with issues are
 * left out, and their indices and issues are returned so that nothing is dropped silently.
 *
 * @module
 */
import type { ValidationIssue } from '../core/index.js';

/**
 * The rows a fit left out: their input indices (ascending) and every issue found in them. Fitted models and
 * prepared data of the module carry these two fields under these names.
 *
 * @example
 * ```ts
 * const report: RejectedRows = {
 *   rejected: [2],
 *   issues: [{ path: 'data[2].tx', expected: 'a finite age with 0 ≤ tx ≤ T', received: '9', message: '…' }],
 * };
 * ```
 */
export interface RejectedRows {
  /** Input indices of the rows left out because they were invalid, ascending. */
  readonly rejected: number[];
  /** Every issue of the rejected rows, each with its path (`data[i].field`, or `data.field[i]` for columns). */
  readonly issues: ValidationIssue[];
}

/**
 * Result of {@link screenRows}: the rejected rows and a mask of the accepted ones.
 *
 * @example
 * ```ts
 * const screened: ScreenedRows = { accepted: Uint8Array.from([1, 0]), rejected: [1], issues: [] };
 * ```
 */
export interface ScreenedRows extends RejectedRows {
  /** 1 for each accepted row, 0 for each rejected one. */
  readonly accepted: Uint8Array;
}

/**
 * Checks rows 0 … count − 1 with `check`, which appends the issues of row `index` (if any) to `issues`; a row is
 * rejected exactly when its check added an issue.
 *
 * @example
 * ```ts
 * const values = [1, -2, 3];
 * const screened = screenRows(values.length, (i, issues) => {
 *   if (values[i]! < 0) issues.push(makeIssue(`data[${i}]`, 'a non-negative number', values[i]));
 * });
 * screened.rejected //=> [1]
 * ```
 */
export function screenRows(count: number, check: (index: number, issues: ValidationIssue[]) => void): ScreenedRows {
  const accepted = new Uint8Array(count);
  const rejected: number[] = [];
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < count; i++) {
    const before = issues.length;
    check(i, issues);
    if (issues.length > before) rejected.push(i);
    else accepted[i] = 1;
  }
  return { accepted, rejected, issues };
}

/**
 * Rejects every row (a structural problem, e.g. columns of unequal lengths, makes no row usable) with the given
 * issues.
 *
 * @example
 * ```ts
 * rejectAllRows(2, [makeIssue('data.tx', '2 rows (the length of x)', '1 rows')]).rejected //=> [0, 1]
 * ```
 */
export function rejectAllRows(count: number, issues: ValidationIssue[]): ScreenedRows {
  return { accepted: new Uint8Array(count), rejected: Array.from({ length: count }, (_, i) => i), issues };
}

/**
 * Adds the rejected rows to a fitted model and marks a fit without any valid observation as not converged (with
 * `emptyMessage`), the way every fit of the module reports bad input.
 *
 * @example
 * ```ts
 * const model = withRejectedRows(fitted, { rejected: [2], issues }, fitted.observations);
 * model.rejected //=> [2]
 * ```
 */
export function withRejectedRows<M extends { readonly converged: boolean; readonly message: string }>(
  fitted: M,
  rows: RejectedRows,
  observations: number,
  emptyMessage = 'no valid observations',
): M & RejectedRows {
  const empty = !(observations > 0);
  return {
    ...fitted,
    converged: fitted.converged && !empty,
    message: empty ? emptyMessage : fitted.message,
    rejected: rows.rejected,
    issues: rows.issues,
  };
}
