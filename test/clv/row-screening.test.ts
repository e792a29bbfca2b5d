import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as bgBb from '../../src/clv/bg-bb.js';
import * as bgNbd from '../../src/clv/bg-nbd.js';
import { screenRecencyFrequency, validateRecencyFrequency, type RecencyFrequency } from '../../src/clv/data.js';
import * as mbgNbd from '../../src/clv/mbg-nbd.js';
import * as paretoNbd from '../../src/clv/pareto-nbd.js';
import { rejectAllRows, screenRows, withRejectedRows } from '../../src/clv/row-screening.js';
import { makeIssue } from '../../src/core/index.js';
import { cdnowCustomersSummary } from './datasets.js';

const models = [
  ['bgNbd', bgNbd.fit],
  ['mbgNbd', mbgNbd.fit],
  ['paretoNbd', paretoNbd.fit],
] as const;

/** The first 400 CDNOW customers (weeks): valid rows. */
function validRows(): RecencyFrequency[] {
  return cdnowCustomersSummary()
    .slice(0, 400)
    .map(({ x, tx, T }) => ({ x, tx, T }));
}

/** Invalid rows, each with the issue paths it must produce at input index i. */
const invalid: readonly { readonly row: unknown; readonly paths: (i: number) => string[] }[] = [
  { row: { x: 1, tx: 5, T: 2 }, paths: (i) => [`data[${i}].tx`] },
  { row: { x: -1, tx: 0, T: 3 }, paths: (i) => [`data[${i}].x`] },
  { row: { x: 1.5, tx: 1, T: 3 }, paths: (i) => [`data[${i}].x`] },
  { row: { x: 0, tx: 2, T: 3 }, paths: (i) => [`data[${i}].tx`] },
  { row: { x: 2, tx: 1, T: Number.NaN }, paths: (i) => [`data[${i}].T`, `data[${i}].tx`] },
  { row: { x: 2, tx: 1, T: 4, weight: -3 }, paths: (i) => [`data[${i}].weight`] },
  { row: { x: '2', tx: 1, T: 4 }, paths: (i) => [`data[${i}].x`] },
  { row: null, paths: (i) => [`data[${i}]`] },
];

/** Valid rows with the invalid ones inserted at every 37th position; returns the mix and the expected report. */
function mixedRows(): { rows: RecencyFrequency[]; rejected: number[]; paths: string[] } {
  const rows: unknown[] = [];
  const rejected: number[] = [];
  const paths: string[] = [];
  const valid = validRows();
  let next = 0;
  valid.forEach((row, k) => {
    if (k % 37 === 5 && next < invalid.length) {
      const bad = invalid[next++]!;
      rejected.push(rows.length);
      paths.push(...bad.paths(rows.length));
      rows.push(bad.row);
    }
    rows.push(row);
  });
  return { rows: rows as RecencyFrequency[], rejected, paths };
}

describe('screenRows', () => {
  it('rejects exactly the rows whose check added an issue, in ascending order', () => {
    const values = [1, -2, 3, -4];
    const screened = screenRows(values.length, (i, issues) => {
      if (values[i]! < 0) issues.push(makeIssue(`data[${i}]`, 'a non-negative number', values[i]));
    });
    expect(screened.rejected).toEqual([1, 3]);
    expect(Array.from(screened.accepted)).toEqual([1, 0, 1, 0]);
    expect(screened.issues.map((issue) => issue.path)).toEqual(['data[1]', 'data[3]']);
    expect(rejectAllRows(2, []).rejected).toEqual([0, 1]);
  });

  it('withRejectedRows marks a fit without observations as not converged', () => {
    const report = { rejected: [0], issues: [makeIssue('data[0].x', 'a non-negative integer', -1)] };
    expect(withRejectedRows({ converged: true, message: 'ok' }, report, 0)).toEqual({
      converged: false,
      message: 'no valid observations',
      ...report,
    });
    expect(withRejectedRows({ converged: true, message: 'ok' }, report, 3)).toEqual({ converged: true, message: 'ok', ...report });
  });
});

describe('screenRecencyFrequency', () => {
  it('reports every invalid row with its path for rows, summaries and columns', () => {
    const { rows, rejected, paths } = mixedRows();
    const screened = screenRecencyFrequency(rows);
    expect(screened.rejected).toEqual(rejected);
    expect(screened.issues.map((issue) => issue.path)).toEqual(paths);
    expect(screened.valid.x.length).toBe(400);

    const summary = screenRecencyFrequency({ customers: [{ x: 1, tx: 2, T: 5 }, { x: 1, tx: 9, T: 5 }], timeUnit: 'week' });
    expect(summary.rejected).toEqual([1]);
    expect(summary.issues.map((issue) => issue.path)).toEqual(['data.customers[1].tx']);
    expect(summary.valid.timeUnit).toBe('week');

    const columns = screenRecencyFrequency({ x: [1, 0, 2], tx: [2, 3, 1], T: [5, 5, 4], weight: [1, 1, -1] });
    expect(columns.rejected).toEqual([1, 2]);
    expect(columns.issues.map((issue) => issue.path)).toEqual(['data.tx[1]', 'data.weight[2]']);
    expect(Array.from(columns.valid.x)).toEqual([1]);

    const typed = { x: Float64Array.from([1, 2, 1]), tx: Float64Array.from([2, 7, 1]), T: Float64Array.from([5, 5, 4]) };
    expect(screenRecencyFrequency(typed).issues.map((issue) => issue.path)).toEqual(['data.tx[1]']);
    const allValid = screenRecencyFrequency({ ...typed, tx: Float64Array.from([2, 3, 1]) });
    expect(allValid.rejected).toEqual([]);
    expect(Array.from(allValid.valid.tx)).toEqual([2, 3, 1]);
  });

  it('rejects every row when the columns have unequal lengths', () => {
    const screened = screenRecencyFrequency({ x: [1, 2], tx: [1], T: [3, 3] });
    expect(screened.rejected).toEqual([0, 1]);
    expect(screened.issues.map((issue) => issue.path)).toEqual(['data.tx']);
    expect(screened.valid.x.length).toBe(0);
  });

  it('reports every invalid row, beyond the 100-per-field cap of validateRecencyFrequency', () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ x: 1, tx: i % 2 === 0 ? 9 : 1, T: 5 }));
    const screened = screenRecencyFrequency(rows);
    expect(screened.rejected.length).toBe(125);
    expect(screened.issues.length).toBe(125);
    expect(validateRecencyFrequency(rows).length).toBe(100);
  });

  it('rejects a row exactly when validateRecencyFrequency finds an issue in it (property)', () => {
    const value = fc.oneof(
      fc.integer({ min: -2, max: 6 }),
      fc.double({ min: -2, max: 8, noNaN: false }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
    );
    const row = fc.record({ x: value, tx: value, T: value }, { requiredKeys: ['x', 'tx', 'T'] });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const screened = screenRecencyFrequency(rows);
        const expected = rows.flatMap((r, i) => (validateRecencyFrequency([r]).length > 0 ? [i] : []));
        expect(screened.rejected).toEqual(expected);
        expect(screened.valid.x.length).toBe(rows.length - expected.length);
        for (const issue of screened.issues) expect(issue.path).toMatch(/^data\[\d+\]\./);
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(models)('%s.fit with invalid rows', (_name, fit) => {
  it('fits the valid rows exactly as without the invalid ones, and reports each invalid row with its path', () => {
    const { rows, rejected, paths } = mixedRows();
    const clean = fit(validRows(), { timeUnit: 'week' });
    const mixed = fit(rows, { timeUnit: 'week' });
    expect(clean.rejected).toEqual([]);
    expect(clean.issues).toEqual([]);
    expect(mixed.params).toEqual(clean.params);
    expect(mixed.logLikelihood).toBe(clean.logLikelihood);
    expect(mixed.observations).toBe(400);
    expect(mixed.converged).toBe(clean.converged);
    expect(mixed.rejected).toEqual(rejected);
    expect(mixed.issues.map((issue) => issue.path)).toEqual(paths);
  });

  it('reports a fit without any valid row as not converged, like bgBb.fit', () => {
    const fitted = fit([{ x: 1, tx: 5, T: 2 }, { x: -1, tx: 0, T: 2 }], { timeUnit: 'week' });
    const bb = bgBb.fit([{ x: 3, tx: 2, n: 6 }], { timeUnit: 'week' });
    expect(fitted.converged).toBe(false);
    expect(fitted.message).toBe(bb.message);
    expect(fitted.observations).toBe(0);
    expect(fitted.rejected).toEqual([0, 1]);
    expect(bb.converged).toBe(false);
    const columns = fit({ x: [1, 2], tx: [1], T: [3, 3] }, { timeUnit: 'week' });
    expect(columns.rejected).toEqual([0, 1]);
    expect(columns.issues.map((issue) => issue.path)).toEqual(['data.tx']);
  });

  it('still throws on a time-unit conflict (programmer error)', () => {
    expect(() => fit({ customers: [{ x: 1, tx: 5, T: 2 }], timeUnit: 'week' }, { timeUnit: 'day' })).toThrow(/\[clientele\].*week/);
    expect(() => fit([{ x: 1, tx: 5, T: 2 }])).toThrow(/time unit/);
  });
});
