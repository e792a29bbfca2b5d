import { describe, expect, it } from 'vitest';
import { toColumnar } from '../../src/core/index.js';
import { analyze, RF_GRID_SEGMENT_MAP, segmentSummary } from '../../src/rfm/index.js';
import { numericColumns, plain, randomTransactions } from './fixtures.js';

describe('analyze', () => {
  const transactions = randomTransactions('analyze', { customers: 120, rows: 1500, rowsPerOrder: 2 });
  const asOf = Date.UTC(2024, 1, 10);
  const records = analyze(transactions, { asOf });
  const columns = analyze(toColumnar(transactions), { asOf });

  it('gives record output for records and columnar output for columns, with identical results', () => {
    expect(records.customers).toHaveLength(columns.customers.recencyDays.length);
    records.customers.forEach((row, i) => {
      expect(row.customerId).toBe(columns.customers.customerId[i]);
      expect(row.monetary).toBe(columns.customers.monetary[i]);
      expect(row.frequency).toBe(columns.customers.frequency[i]);
      const s = columns.customers.segmentIndex[i]!;
      expect(row.segment).toBe(s >= 0 ? columns.segmentation.segments[s]!.id : null);
      expect(row.scores?.recency ?? 0).toBe(columns.customers.scores.recency![i]);
    });
    expect(plain(records.segments)).toEqual(plain(columns.segments));
    expect(records.breakpoints).toEqual(columns.breakpoints);
  });

  it('numeric customer ids give the same segments', () => {
    const numeric = analyze(numericColumns(transactions), { asOf });
    expect(Array.from(numeric.customers.segmentIndex)).toEqual(Array.from(columns.customers.segmentIndex));
    expect(plain(numeric.segments)).toEqual(plain(columns.segments));
  });

  it('record rows carry scores, cell code and segment name', () => {
    const row = records.customers.find((r) => r.segment === 'champions')!;
    expect(row.code).toMatch(/^[45][45][45]$/);
    expect(row.segmentName).toBe('Champions');
    expect(row.combinedScore).toBeGreaterThanOrEqual(4);
    expect(records.segments).toEqual(segmentSummary(records.segmentation));
  });

  it('passes score and map options through', () => {
    const rf = analyze(transactions, {
      asOf,
      dimensions: ['recency', 'frequency'],
      map: RF_GRID_SEGMENT_MAP,
      ties: 'first',
      frequency: 'days',
    });
    expect(rf.segmentation.map.name).toBe('rf-grid-10-segment');
    expect(rf.breakpoints.dimensions.map((d) => [d.dimension, d.ties])).toEqual([
      ['recency', 'first'],
      ['frequency', 'first'],
    ]);
    expect(rf.segmentation.scoring.summary.frequencyBasis).toBe('days');
    expect(rf.customers[0]!.code).toMatch(/^\d\d$/);
  });

  it('collects the warnings of every step', () => {
    const small = analyze(transactions.slice(0, 30), { asOf });
    expect(small.warnings.map((w) => w.code)).toContain('small-sample');
  });
});
