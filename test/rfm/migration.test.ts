import { describe, expect, it } from 'vitest';
import { migration, score, segment, summarize, type RfmSegmentation, type SegmentMap } from '../../src/rfm/index.js';
import { DAY, randomTransactions } from './fixtures.js';

const TWO_BY_TWO: SegmentMap = {
  type: 'cells',
  name: 'active-lapsed',
  levels: 2,
  dimensions: ['recency', 'frequency'],
  segments: [
    { id: 'active', name: 'Active', cells: ['21', '22'] },
    { id: 'lapsed', name: 'Lapsed', cells: ['11', '12'] },
  ],
};

function snapshot(rows: [number, number][], asOfDay: number): RfmSegmentation {
  const summary = summarize(
    {
      customerId: Int32Array.from(rows, (r) => r[0]),
      day: Int32Array.from(rows, (r) => r[1]),
      amount: Float64Array.from(rows, () => 10),
    },
    { asOf: asOfDay * DAY },
  );
  return segment(
    score(summary, {
      levels: 2,
      dimensions: ['recency', 'frequency'],
      method: 'thresholds',
      thresholds: { recency: [30], frequency: [1] },
    }),
    TWO_BY_TWO,
  );
}

describe('migration', () => {
  // Customer 1 active then lapsed, 2 lapsed then active, 3 active both times, 4 only before (leaver), 5 new (entrant).
  const before = snapshot(
    [
      [1, 95],
      [2, 10],
      [3, 90],
      [4, 80],
    ],
    100,
  );
  const after = snapshot(
    [
      [1, 95],
      [2, 10],
      [2, 190],
      [3, 90],
      [3, 185],
      [5, 199],
    ],
    200,
  );

  it('counts moves between segments, entrants and leavers', () => {
    const m = migration(before, after);
    expect(m.segments).toEqual([
      { segment: 'active', name: 'Active' },
      { segment: 'lapsed', name: 'Lapsed' },
    ]);
    expect(m.counts).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(m.rates).toEqual([
      [0.5, 0.5],
      [1, 0],
    ]);
    expect(m.entrants).toEqual([1, 0]);
    expect(m.leavers).toEqual([1, 0]);
    expect(m.totals).toEqual({ before: 4, after: 4, retained: 3, stayed: 1, moved: 2, entrants: 1, leavers: 1 });
    expect(m.flows).toEqual([
      { from: 'active', to: 'lapsed', customers: 1, rate: 0.5 },
      { from: 'lapsed', to: 'active', customers: 1, rate: 1 },
    ]);
  });

  it('adds an unassigned row when customers have no segment', () => {
    const refundOnly = segment(
      score(
        summarize(
          { customerId: [1, 9], day: Int32Array.of(95, 99), amount: Float64Array.of(10, 1), kind: Uint8Array.of(0, 1) },
          { asOf: 100 * DAY },
        ),
        {
          levels: 2,
          dimensions: ['recency', 'frequency'],
          method: 'thresholds',
          thresholds: { recency: [30], frequency: [1] },
        },
      ),
      TWO_BY_TWO,
    );
    const m = migration(refundOnly, after);
    expect(m.segments.map((s) => s.segment)).toEqual(['active', 'lapsed', null]);
    expect(m.leavers).toEqual([0, 0, 1]);
  });

  it('accounts for every customer on random snapshots (90 days apart)', () => {
    const transactions = randomTransactions('migration', { customers: 200, rows: 3000, days: 500 });
    const b = segment(score(summarize(transactions, { asOf: Date.UTC(2024, 0, 1) })));
    const a = segment(score(summarize(transactions, { asOf: Date.UTC(2024, 3, 1) })));
    const m = migration(b, a);
    const sum = (rows: readonly (readonly number[])[]): number => rows.flat().reduce((x, y) => x + y, 0);
    expect(sum(m.counts)).toBe(m.totals.retained);
    expect(m.totals.before).toBe(b.scoring.summary.totals.customers);
    expect(m.totals.after).toBe(a.scoring.summary.totals.customers);
    expect(m.totals.leavers).toBe(0); // the later snapshot contains every earlier customer
    for (const row of m.rates) {
      const total = row.reduce<number>((x, y) => x + (y ?? 0), 0);
      if (row.some((r) => r !== null)) expect(total).toBeCloseTo(1, 12);
    }
  });
});
