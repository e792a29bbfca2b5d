import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderStatistics, stableRanks } from '../../src/rfm/order-statistics.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const values = fc.oneof(
  fc.array(finite, { minLength: 1, maxLength: 300 }),
  fc.array(fc.integer({ min: -5, max: 40 }), { minLength: 1, maxLength: 300 }),
  fc.array(fc.constantFrom(0, -0, 0.1, 12.5, 12.5, 1e6), { minLength: 1, maxLength: 300 }),
);

describe('orderStatistics (histogram and radix selection)', () => {
  it('equals the sorted values at the requested ranks (property)', () => {
    fc.assert(
      fc.property(values, fc.array(fc.nat(), { maxLength: 8 }), (list, raw) => {
        const sorted = Float64Array.from(list).sort();
        const ranks = [...new Set(raw.map((r) => r % list.length))].sort((a, b) => a - b);
        // −0 and +0 are the same value for cuts: compare with +0 normalised.
        const plus = (x: number | undefined): number => (x ?? Number.NaN) + 0;
        expect(orderStatistics(Float64Array.from(list), ranks).map(plus)).toEqual(ranks.map((r) => plus(sorted[r])));
      }),
      { numRuns: 300 },
    );
  });

  it('handles large inputs with heavy ties', () => {
    const list = Float64Array.from({ length: 50_000 }, (_, i) =>
      i % 3 === 0 ? 0 : Math.round(((i * 7919) % 10_007) * 1.37 * 100) / 100,
    );
    const sorted = list.slice().sort();
    const ranks = [0, 9_999, 10_000, 24_999, 49_999];
    expect(orderStatistics(list, ranks)).toEqual(ranks.map((r) => sorted[r]));
  });
});

describe('stableRanks', () => {
  it('ranks ascending, ties in index order (property)', () => {
    fc.assert(
      fc.property(values, (list) => {
        const expected = list
          .map((v, i) => ({ v, i }))
          .sort((a, b) => a.v - b.v || a.i - b.i)
          .reduce<number[]>((ranks, entry, k) => {
            ranks[entry.i] = k + 1;
            return ranks;
          }, []);
        expect(Array.from(stableRanks(Float64Array.from(list)).ranks)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
