import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEGMENT_MAP,
  explainCustomer,
  RF_GRID_SEGMENT_MAP,
  score,
  segment,
  segmentSummary,
  summarize,
  type RuleSegmentMap,
} from '../../src/rfm/index.js';
import { DAY, randomTransactions } from './fixtures.js';

/** Customers 1..5 with distinct values so quintile scores are 1..5 in order; customer 6 has refunds only. */
function ladder(): ReturnType<typeof summarize> {
  const customerId: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  const kind: number[] = [];
  for (let c = 1; c <= 5; c++) {
    for (let r = 0; r < c; r++) {
      customerId.push(c);
      day.push(100 + 10 * c - r); // last purchase day 100 + 10c: customer 5 is the most recent
      amount.push(r === 0 ? 10 * c : 0); // monetary 10c
      kind.push(0);
    }
  }
  customerId.push(6);
  day.push(120);
  amount.push(4);
  kind.push(1);
  return summarize(
    {
      customerId: Int32Array.from(customerId),
      day: Int32Array.from(day),
      amount: Float64Array.from(amount),
      kind: Uint8Array.from(kind),
    },
    { asOf: 200 * DAY },
  );
}

describe('segment', () => {
  const summary = ladder();
  const scoring = score(summary, { minCustomers: 0 });
  const segmentation = segment(scoring);

  it('looks up the cell of every scored customer in the default map', () => {
    const codes = [0, 1, 2, 3, 4].map(
      (i) => `${scoring.scores.recency![i]}${scoring.scores.frequency![i]}${scoring.scores.monetary![i]}`,
    );
    expect(codes).toEqual(['111', '222', '333', '444', '555']);
    const ids = Array.from(segmentation.segmentIndex, (s) => (s >= 0 ? segmentation.segments[s]!.id : null));
    expect(ids).toEqual(['lost', 'hibernating', 'potential-loyalist', 'loyal', 'champions', null]);
    expect(Array.from(segmentation.cell)).toEqual([0, 31, 62, 93, 124, -1]);
    expect(segmentation.unscored).toBe(1);
    expect(segmentation.uncovered).toBe(0);
    expect(segmentation.counts).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('applies RF grid maps and first-match rule maps, leaving uncovered cells unassigned', () => {
    const rf = segment(score(summary, { dimensions: ['recency', 'frequency'], minCustomers: 0 }), RF_GRID_SEGMENT_MAP);
    expect(Array.from(rf.segmentIndex, (s) => (s >= 0 ? rf.segments[s]!.id : null))).toEqual([
      'hibernating',
      'hibernating',
      'need-attention',
      'loyal',
      'champions',
      null,
    ]);
    const rules: RuleSegmentMap = {
      type: 'rules',
      name: 'top-and-bottom',
      levels: 5,
      dimensions: ['recency', 'frequency', 'monetary'],
      segments: [
        { id: 'top', name: 'Top' },
        { id: 'bottom', name: 'Bottom' },
      ],
      rules: [
        { segment: 'top', ranges: { recency: [4, 5], monetary: [4, 5] } },
        { segment: 'bottom', ranges: { frequency: [1, 2] } },
        { segment: 'top', ranges: { recency: [5, 5] } },
      ],
    };
    const result = segment(scoring, rules);
    expect(Array.from(result.segmentIndex)).toEqual([1, 1, -1, 0, 0, -1]);
    expect(result.uncovered).toBe(1);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'unassigned-customers', count: 1 })]);
  });

  it('binds other scored dimensions to the map positions (RFE with the default map)', () => {
    const rfe = score(summary, {
      dimensions: ['recency', 'frequency', 'engagement'],
      engagement: [50, 40, 30, 20, 10, 0],
      minCustomers: 0,
    });
    const result = segment(rfe, DEFAULT_SEGMENT_MAP, { dimensions: ['recency', 'frequency', 'engagement'] });
    expect(Array.from(result.cell.slice(0, 5))).toEqual([4, 33, 62, 91, 120]); // 115, 224, 333, 442, 551
    expect(result.segments[result.segmentIndex[0]!]!.id).toBe('cant-lose-them');
  });

  it('throws when the map does not fit the scores', () => {
    expect(() => segment(score(summary, { levels: 4, minCustomers: 0 }))).toThrow(/5 levels/);
    expect(() => segment(score(summary, { dimensions: ['recency', 'frequency'], minCustomers: 0 }))).toThrow(
      /monetary was not scored/,
    );
    expect(() => segment(scoring, DEFAULT_SEGMENT_MAP, { dimensions: ['recency'] })).toThrow(/needs 3 dimensions/);
  });
});

describe('segmentSummary', () => {
  it('totals customers, revenue (exact), shares, AOV and mean R/F/M per segment', () => {
    const summary = ladder();
    const { rows, total } = segmentSummary(segment(score(summary, { minCustomers: 0 })));
    expect(rows).toHaveLength(12); // 11 segments + unassigned
    const champions = rows[0]!;
    expect(champions).toEqual({
      segment: 'champions',
      name: 'Champions',
      category: 'high-value',
      customers: 1,
      customerShare: 1 / 6,
      revenue: 50,
      revenueShare: 50 / 146,
      orders: 5,
      averageOrderValue: 10,
      meanRecencyDays: 50,
      meanFrequency: 5,
      meanMonetary: 50,
    });
    expect(rows[11]).toMatchObject({
      segment: null,
      name: '(unassigned)',
      customers: 1,
      revenue: -4,
      meanRecencyDays: null,
    });
    expect(rows[3]).toMatchObject({ customers: 0, revenue: 0, averageOrderValue: null, meanFrequency: null });
    expect(total).toMatchObject({ name: 'Total', customers: 6, revenue: 146, revenueShare: 1, orders: 15 });
  });

  it('segment customers and revenue add up to the totals on random data', () => {
    const summary = summarize(randomTransactions('sums', { customers: 300, rows: 3000 }), {
      asOf: Date.UTC(2024, 2, 1),
    });
    const { rows, total } = segmentSummary(segment(score(summary)));
    expect(rows.reduce((a, r) => a + r.customers, 0)).toBe(summary.totals.customers);
    expect(total.revenue.toFixed(2)).toBe(summary.totals.netRevenue);
    expect(rows.reduce((a, r) => a + (r.revenueShare ?? 0), 0)).toBeCloseTo(1, 12);
  });
});

describe('explainCustomer', () => {
  it('shows values, cuts, bins, the cell and the entry that assigned the segment', () => {
    const summary = ladder();
    const segmentation = segment(score(summary, { minCustomers: 0 }));
    const why = explainCustomer(segmentation, 5)!;
    expect(why.status).toBe('scored');
    expect(why.cell).toBe('555');
    expect(why.segment?.id).toBe('champions');
    expect(why.rule).toEqual({ index: 0, type: 'cells' });
    expect(why.dimensions[0]).toEqual({
      dimension: 'recency',
      value: 50,
      score: 5,
      cuts: [58, 66, 74, 82],
      higherIsBetter: false,
      lower: null,
      upper: 58,
    });
    expect(why.dimensions[2]).toMatchObject({ dimension: 'monetary', value: 50, score: 5, lower: 42, upper: null });
    expect(explainCustomer(segmentation, '6')).toMatchObject({
      status: 'unscored',
      cell: null,
      segment: null,
      rule: null,
    });
    expect(explainCustomer(segmentation, 99)).toBeUndefined();
  });
});
