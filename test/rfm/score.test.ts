import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binOf,
  score,
  scoreCustomer,
  summarize,
  type RfmBreakpoints,
  type RfmSummary,
  type ScoreOptions,
} from '../../src/rfm/index.js';
import { DAY, numericColumns, randomTransactions, shuffled } from './fixtures.js';

const AS_OF_DAY = 20_000;

/** Customers 1..n; customer i has frequency[i] purchase rows (own orders), monetary[i] in its first row, and its last
 * purchase recency[i] days before asOf. */
function summaryOf(values: { frequency?: number[]; monetary?: number[]; recency?: number[] }): RfmSummary {
  const n = (values.frequency ?? values.monetary ?? values.recency)!.length;
  const customerId: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  for (let i = 0; i < n; i++) {
    const rows = values.frequency?.[i] ?? 1;
    for (let r = 0; r < rows; r++) {
      customerId.push(i + 1);
      day.push(AS_OF_DAY - (values.recency?.[i] ?? 0) - r);
      amount.push(r === 0 ? (values.monetary?.[i] ?? 1) : 0);
    }
  }
  return summarize(
    { customerId: Int32Array.from(customerId), day: Int32Array.from(day), amount: Float64Array.from(amount) },
    { asOf: AS_OF_DAY * DAY },
  );
}

/** The tie policy 'first' written straight from its definition (independent of the implementation). */
function firstSpec(values: readonly number[], levels: number): number[] {
  const n = values.length;
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const rank = new Array<number>(n);
  order.forEach((entry, k) => (rank[entry.i] = k + 1));
  return rank.map((k) => {
    let bin = 1;
    for (let j = 1; j < levels; j++) if (levels * (k - 1) > (n - 1) * j) bin++; // k > e_j = 1 + (n-1) j / levels
    return bin;
  });
}

const FREQUENCY_23 = [1, 3, 1, 1, 2, 7, 1, 1, 2, 1, 4, 1, 12, 1, 2, 1, 1, 5, 1, 3, 1, 1, 2];

describe("score — quantile with ties: 'shared'", () => {
  it('hand-checked: numpy-linear cuts, equal values share a score, collapsed bins are reported', () => {
    const scoring = score(summaryOf({ frequency: [1, 1, 1, 1, 1, 1, 2, 2, 3, 8] }), { dimensions: ['frequency'] });
    // sorted x = 1,1,1,1,1,1,2,2,3,8; h = 9j/5 = 1.8, 3.6, 5.4, 7.2 → cuts 1, 1, 1.4, 2.2
    expect(scoring.breakpoints.dimensions[0]).toEqual({
      dimension: 'frequency',
      method: 'quantile',
      ties: 'shared',
      higherIsBetter: true,
      cuts: [1, 1, 1.4, 2.2],
      exact: true,
    });
    expect(Array.from(scoring.scores.frequency!)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(scoring.warnings).toContainEqual(
      expect.objectContaining({ code: 'collapsed-bins', dimension: 'frequency', count: 3 }),
    );
    expect(scoring.warnings).toContainEqual(expect.objectContaining({ code: 'small-sample', count: 10 }));
  });

  it('many customers with frequency 1 all get the same score', () => {
    const frequency = Array.from({ length: 200 }, (_, i) => (i % 10 < 7 ? 1 : 1 + (i % 10)));
    const scoring = score(summaryOf({ frequency }), { dimensions: ['frequency'] });
    const ones = new Set(frequency.flatMap((f, i) => (f === 1 ? [scoring.scores.frequency![i]] : [])));
    expect([...ones]).toEqual([1]);
  });

  it('equals pandas qcut(values, 5) when the edges are unique (recency reversed)', () => {
    const recency = [3, 40, 40, 40, 200, 7, 7, 365, 90, 90, 1, 15];
    const scoring = score(summaryOf({ recency }), { dimensions: ['recency'], minCustomers: 0 });
    // pandas: qcut(s, 5, labels=[5, 4, 3, 2, 1]); s.quantile([.2, .4, .6, .8]) = [7, 25.000000000000007, 40, 90]
    expect(Array.from(scoring.scores.recency!)).toEqual([5, 3, 3, 3, 1, 5, 5, 1, 2, 2, 5, 4]);
    const cuts = scoring.breakpoints.dimensions[0]!.cuts;
    expect(cuts[0]).toBe(7);
    expect(cuts[1]).toBeCloseTo(25, 12);
    expect(cuts.slice(2)).toEqual([40, 90]);
    expect(scoring.warnings).toEqual([]);
  });

  it('keeps duplicate edges (bins empty) where pandas qcut would raise', () => {
    const monetary = [10.5, 99.99, 10.5, 250, 0, 10.5, 42, 42, 42, 1300, 7.25, 99.99, 10.5];
    const scoring = score(summaryOf({ monetary }), { dimensions: ['monetary'] });
    expect(scoring.breakpoints.dimensions[0]!.cuts).toEqual([10.5, 10.5, 42, 99.99]);
    expect(Array.from(scoring.scores.monetary!)).toEqual([1, 4, 1, 5, 1, 1, 3, 3, 3, 5, 1, 4, 1]);
  });

  it('is invariant under permutations of the input rows (property)', () => {
    const transactions = randomTransactions('perm', { customers: 80, rows: 900, rowsPerOrder: 2 });
    const asOf = Date.UTC(2024, 1, 1);
    const reference = score(summarize(transactions, { asOf }));
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom<ScoreOptions['ties']>('shared', 'first'), (seed, ties) => {
        const options = { ties } as ScoreOptions;
        const a = score(summarize(shuffled(transactions, seed), { asOf }), options);
        const b = ties === 'shared' ? reference : score(summarize(transactions, { asOf }), options);
        for (const d of ['recency', 'frequency', 'monetary'] as const) {
          expect(Array.from(a.scores[d]!)).toEqual(Array.from(b.scores[d]!));
        }
        expect(a.breakpoints).toEqual(b.breakpoints);
      }),
      { numRuns: 30 },
    );
  });
});

describe("score — quantile with ties: 'first' (pandas rank-first)", () => {
  it('reproduces pandas qcut(s.rank(method="first"), q) on published small cases', () => {
    // pandas 3.0.6: pd.qcut(pd.Series(FREQUENCY_23, dtype=float).rank(method='first'), 5 / 4, labels=False) + 1
    const summary = summaryOf({ frequency: FREQUENCY_23 });
    expect(Array.from(score(summary, { dimensions: ['frequency'], ties: 'first' }).scores.frequency!)).toEqual([
      1, 4, 1, 1, 3, 5, 1, 1, 4, 2, 5, 2, 5, 2, 4, 2, 3, 5, 3, 5, 3, 3, 4,
    ]);
    expect(
      Array.from(score(summary, { dimensions: ['frequency'], ties: 'first', levels: 4 }).scores.frequency!),
    ).toEqual([1, 4, 1, 1, 3, 4, 1, 1, 3, 1, 4, 2, 4, 2, 3, 2, 2, 4, 2, 4, 2, 3, 3]);
    const monetary = [10.5, 99.99, 10.5, 250, 0, 10.5, 42, 42, 42, 1300, 7.25, 99.99, 10.5];
    expect(
      Array.from(score(summaryOf({ monetary }), { dimensions: ['monetary'], ties: 'first' }).scores.monetary!),
    ).toEqual([1, 4, 2, 5, 1, 2, 3, 3, 4, 5, 1, 5, 3]);
    // recency with labels=[5, 4, 3, 2, 1]
    const recency = [3, 40, 40, 40, 200, 7, 7, 365, 90, 90, 1, 15];
    expect(
      Array.from(score(summaryOf({ recency }), { dimensions: ['recency'], ties: 'first' }).scores.recency!),
    ).toEqual([5, 3, 3, 2, 1, 5, 4, 1, 2, 1, 5, 4]);
  });

  it('equals the definition for any values, ties and levels (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 10 }),
        (frequency, levels) => {
          const scoring = score(summaryOf({ frequency }), { dimensions: ['frequency'], ties: 'first', levels });
          expect(Array.from(scoring.scores.frequency!)).toEqual(firstSpec(frequency, levels));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives equal-count bins and flags breakpoints that cannot reproduce split ties', () => {
    const scoring = score(summaryOf({ frequency: FREQUENCY_23 }), { dimensions: ['frequency'], ties: 'first' });
    const entry = scoring.breakpoints.dimensions[0]!;
    expect(entry.exact).toBe(false);
    expect(entry.cuts).toEqual([1, 1, 2, 3]);
    expect(scoring.warnings.map((w) => w.code)).toContain('inexact-breakpoints');
  });
});

describe('score — thresholds and breakpoints', () => {
  it('scores by fixed business thresholds, bins closed on the right', () => {
    const recency = [12, 30, 31, 90, 200, 400];
    const scoring = score(summaryOf({ recency }), {
      dimensions: ['recency'],
      method: 'thresholds',
      thresholds: { recency: [30, 90, 180, 365] },
    });
    expect(Array.from(scoring.scores.recency!)).toEqual([5, 5, 4, 4, 2, 1]);
    expect(scoring.breakpoints.dimensions[0]).toMatchObject({
      method: 'thresholds',
      cuts: [30, 90, 180, 365],
      exact: true,
    });
  });

  it('mixes methods per dimension', () => {
    const summary = summaryOf({ recency: [1, 50, 100, 400], frequency: [1, 2, 3, 4] });
    const scoring = score(summary, {
      method: { recency: 'thresholds' },
      thresholds: { recency: [30, 90, 180, 365] },
      minCustomers: 0,
    });
    expect(Array.from(scoring.scores.recency!)).toEqual([5, 4, 3, 1]);
    expect(scoring.breakpoints.dimensions.map((d) => d.method)).toEqual(['thresholds', 'quantile', 'quantile']);
  });

  it("an earlier run's breakpoints score the same customers identically, in bulk and one by one", () => {
    const transactions = randomTransactions('bp', { customers: 150, rows: 1200 });
    const summary = summarize(transactions, { asOf: Date.UTC(2024, 1, 1) });
    const first = score(summary);
    const again = score(summary, {
      method: 'breakpoints',
      breakpoints: JSON.parse(JSON.stringify(first.breakpoints)) as RfmBreakpoints,
    });
    for (const d of ['recency', 'frequency', 'monetary'] as const) {
      expect(Array.from(again.scores[d]!)).toEqual(Array.from(first.scores[d]!));
    }
    for (let i = 0; i < summary.customers.recencyDays.length; i++) {
      if (summary.customers.purchaseRows[i] === 0) continue;
      const single = scoreCustomer(
        {
          recency: summary.customers.recencyDays[i]!,
          frequency: summary.customers.frequency[i]!,
          monetary: summary.customers.monetary[i]!,
        },
        first.breakpoints,
      );
      expect(single).toEqual({
        recency: first.scores.recency![i],
        frequency: first.scores.frequency![i],
        monetary: first.scores.monetary![i],
      });
    }
  });

  it('binOf counts cuts strictly below the value', () => {
    expect(binOf(12, [30, 90, 180, 365])).toBe(1);
    expect(binOf(90, [30, 90, 180, 365])).toBe(2);
    expect(binOf(91, [30, 90, 180, 365])).toBe(3);
    expect(binOf(1, [1, 1, 2, 4])).toBe(1);
    expect(binOf(3, [1, 1, 2, 4])).toBe(4);
  });
});

describe('score — variants, weights, unscored customers', () => {
  it('LRFM: the length dimension is days from first to last purchase', () => {
    const summary = summaryOf({ frequency: [1, 2, 5, 10, 3] });
    const scoring = score(summary, { dimensions: ['length', 'recency', 'frequency', 'monetary'], minCustomers: 0 });
    expect(scoring.dimensions).toEqual(['length', 'recency', 'frequency', 'monetary']);
    // lengths 0, 1, 4, 9, 2 → quintile cuts 0.8, 1.6, 2.8, 5.0
    expect(Array.from(scoring.scores.length!)).toEqual([1, 2, 4, 5, 3]);
  });

  it('RFE: engagement values, non-finite ones are not scored', () => {
    const summary = summaryOf({ frequency: [1, 2, 3, 4] });
    const scoring = score(summary, {
      dimensions: ['recency', 'frequency', 'engagement'],
      engagement: [5, Number.NaN, 1, 20],
      levels: 3,
      minCustomers: 0,
    });
    expect(Array.from(scoring.scores.engagement!)).toEqual([2, 0, 1, 3]);
    expect(scoring.scoredCustomers).toBe(3);
    expect(scoring.warnings.map((w) => w.code)).toContain('unscored-customers');
    expect(() => score(summary, { dimensions: ['engagement'] })).toThrow(/engagement/);
  });

  it('combined score is the weighted mean of the scores', () => {
    const summary = summaryOf({ frequency: [1, 2, 3, 4, 5], recency: [50, 40, 30, 20, 10] });
    const scoring = score(summary, { weights: { recency: 2, frequency: 1, monetary: 1 }, minCustomers: 0 });
    for (let i = 0; i < 5; i++) {
      const expected =
        (2 * scoring.scores.recency![i]! + scoring.scores.frequency![i]! + scoring.scores.monetary![i]!) / 4;
      expect(scoring.combined[i]).toBeCloseTo(expected, 12);
    }
  });

  it('customers without a purchase get score 0 and are counted', () => {
    const summary = summarize(
      { customerId: [1, 2], day: Int32Array.of(5, 6), amount: Float64Array.of(10, 3), kind: Uint8Array.of(0, 1) },
      { asOf: 10 * DAY },
    );
    const scoring = score(summary);
    expect(Array.from(scoring.scores.recency!)).toEqual([5, 0]); // one customer: every cut equals its value → bin 1
    expect(Number.isNaN(scoring.combined[1])).toBe(true);
    expect(scoring.warnings.map((w) => w.code)).toEqual([
      'unscored-customers',
      'small-sample',
      'collapsed-bins',
      'collapsed-bins',
      'collapsed-bins',
    ]);
  });

  it('an empty base has no cuts and says so', () => {
    const scoring = score(summarize([], { asOf: 0 }));
    expect(scoring.breakpoints.dimensions.every((d) => d.cuts.length === 0)).toBe(true);
    expect(scoring.warnings.map((w) => w.code)).toEqual(['no-customers']);
  });

  it('throws on invalid options (programming errors)', () => {
    const summary = summaryOf({ frequency: [1, 2] });
    expect(() => score(summary, { levels: 1 })).toThrow(/levels/);
    expect(() => score(summary, { dimensions: ['recency', 'recency'] })).toThrow(/twice/);
    expect(() => score(summary, { method: 'thresholds' })).toThrow(/thresholds.recency/);
    expect(() =>
      score(summary, { method: 'thresholds', thresholds: { recency: [3, 2, 1, 0] }, dimensions: ['recency'] }),
    ).toThrow(/non-decreasing/);
    expect(() => score(summary, { method: 'breakpoints' })).toThrow(/breakpoints/);
    expect(() => score(summary, { weights: { recency: 0, frequency: 0, monetary: 0 } })).toThrow(/positive/);
    expect(() => score(summary, { ties: 'average' as never })).toThrow(/tie policy/);
  });

  it('numeric and string ids give the same scores', () => {
    const transactions = randomTransactions('ids', { customers: 90, rows: 700 });
    const asOf = Date.UTC(2024, 1, 1);
    const a = score(summarize(transactions, { asOf }), { ties: 'first' });
    const b = score(summarize(numericColumns(transactions), { asOf }), { ties: 'first' });
    expect(Array.from(a.scores.monetary!)).toEqual(Array.from(b.scores.monetary!));
    expect(a.breakpoints).toEqual(b.breakpoints);
  });
});
