import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chiSquareSurvival,
  CompensatedSum,
  compensatedSum,
  betaln,
  digamma,
  erfc,
  lgamma,
  median,
  normalCdf,
  normalInterval,
  normalQuantile,
  quantiles,
  quantileSorted,
  regularizedBeta,
  regularizedGammaP,
  studentTQuantile,
  studentTTwoSidedPValue,
  twoSidedPValue,
  wilsonInterval,
} from '../../src/core/index.js';

describe('compensated summation', () => {
  it('recovers what naive summation loses', () => {
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
    const acc = new CompensatedSum();
    for (let i = 0; i < 10; i++) acc.add(0.1);
    expect(acc.value).toBe(1);
    expect(compensatedSum(new Float64Array(1_000_000).fill(0.01))).toBe(10000);
  });

  it('merging shard sums equals one pass (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }),
        fc.nat(),
        (values, cut) => {
          const k = values.length === 0 ? 0 : cut % values.length;
          const a = new CompensatedSum();
          const b = new CompensatedSum();
          values.slice(0, k).forEach((v) => a.add(v));
          values.slice(k).forEach((v) => b.add(v));
          expect(a.merge(b).value).toBeCloseTo(compensatedSum(values), 6);
        },
      ),
    );
  });
});

describe('quantiles (numpy linear)', () => {
  it('matches numpy.quantile reference values', () => {
    // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) -> [1.75, 2.5, 3.25]
    expect(quantiles([4, 1, 3, 2], [0.25, 0.5, 0.75])).toEqual([1.75, 2.5, 3.25]);
    // numpy.quantile([5, 1, 4, 2, 3], [0, 0.5, 0.9]) -> [1, 3, 4.6]
    const q = quantiles([5, 1, 4, 2, 3], [0, 0.5, 0.9]);
    expect(q[0]).toBe(1);
    expect(q[1]).toBe(3);
    expect(q[2]).toBeCloseTo(4.6, 12);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted([1], 1.5)).toBeNaN();
    expect(quantileSorted([7], 0.3)).toBe(7);
  });

  it('are monotone in q and bounded by min and max (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 100 }),
        (values) => {
          const levels = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
          const qs = quantiles(values, levels);
          for (let i = 1; i < qs.length; i++) expect(qs[i]!).toBeGreaterThanOrEqual(qs[i - 1]!);
          expect(qs[0]).toBe(Math.min(...values));
          expect(qs[qs.length - 1]).toBe(Math.max(...values));
        },
      ),
    );
  });
});

describe('normal distribution and intervals', () => {
  it('matches reference values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 14);
    expect(twoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedPValue(0)).toBe(1);
  });

  it('computes Wilson intervals (published values)', () => {
    // 50 / 100 at 95%: [0.4038, 0.5962]
    const ci = wilsonInterval(50, 100);
    expect(ci.lower).toBeCloseTo(0.403832, 5);
    expect(ci.upper).toBeCloseTo(0.596168, 5);
    // 0 / 10: lower 0, upper 0.2775 (Wilson 1927; Newcombe 1998 table, method 3)
    const zero = wilsonInterval(0, 10);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(0.27753, 4);
    // 81/263 (Newcombe 1998 example): 0.2553 to 0.3662
    const newcombe = wilsonInterval(81, 263);
    expect(newcombe.lower).toBeCloseTo(0.2553, 4);
    expect(newcombe.upper).toBeCloseTo(0.3662, 4);
    expect(wilsonInterval(0, 0)).toEqual({ lower: 0, upper: 1, level: 0.95 });
  });

  it('keeps Wilson intervals inside [0, 1] and around the estimate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (n, share, level) => {
          const k = Math.round(share * n);
          const ci = wilsonInterval(k, n, level);
          expect(ci.lower).toBeGreaterThanOrEqual(0);
          expect(ci.upper).toBeLessThanOrEqual(1);
          expect(ci.lower).toBeLessThanOrEqual(k / n + 1e-12);
          expect(ci.upper).toBeGreaterThanOrEqual(k / n - 1e-12);
        },
      ),
    );
  });

  it('builds normal intervals with optional bounds', () => {
    const ci = normalInterval(0.3, 0.05);
    expect(ci.lower).toBeCloseTo(0.202002, 5);
    expect(ci.upper).toBeCloseTo(0.397998, 5);
    expect(normalInterval(0.98, 0.05, { bounds: [0, 1] }).upper).toBe(1);
    expect(normalInterval(0, 1, { level: 0.9 }).upper).toBeCloseTo(1.644854, 5);
  });
});

describe('special functions', () => {
  it('match reference values', () => {
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lgamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(betaln(1, 1)).toBe(0);
    expect(betaln(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 13);
    expect(regularizedGammaP(1, 1)).toBeCloseTo(1 - Math.exp(-1), 13);
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 9);
    expect(studentTTwoSidedPValue(2.228138851986274, 10)).toBeCloseTo(0.05, 9);
  });
});
