import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMeans, compareNetScores, compareNps, compareProportions } from '../../src/satisfaction/compare.js';
import { npsFromCounts } from '../../src/satisfaction/nps.js';
import { left, right } from './helpers.js';

describe('compareNps', () => {
  const a = right(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }));
  const b = right(npsFromCounts({ promoters: 40, passives: 50, detractors: 30 }));

  // The anchor rounds to z 2.041; the exact value of its formula is 2.04046 (also computed with numpy/scipy).
  it('matches the reference two-sample vectors (Wald z 2.075; adjusted-Wald z 2.04, p 0.041)', () => {
    const wald = right(compareNps(a, b, { method: 'wald' }));
    expect(wald.statistic).toBeCloseTo(2.075, 3);
    expect(wald.pValue).toBeCloseTo(0.038, 3);
    expect(wald.difference).toBeCloseTo(21.667, 3);
    expect(wald.significant).toBe(true);
    const adjusted = right(compareNps(a, b, { method: 'adjusted-wald' }));
    expect(adjusted.statistic).toBeCloseTo(2.04046, 5);
    expect(adjusted.pValue).toBeCloseTo(0.041, 3);
    expect(adjusted.difference).toBeCloseTo(21.667, 3);
    expect(adjusted.estimate).toBeCloseTo(20.996, 3);
    expect(adjusted.alpha).toBe(0.05);
    expect(adjusted.interval.lower).toBeLessThan(adjusted.estimate);
  });

  it('auto uses Wald when both samples are large, adjusted-Wald otherwise', () => {
    expect(right(compareNps(a, b)).method).toBe('wald');
    const small = right(npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }));
    expect(right(compareNps(a, small)).method).toBe('adjusted-wald');
  });

  it('is antisymmetric and significant exactly when p < alpha', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(80), fc.nat(80), fc.nat(80)),
        fc.tuple(fc.nat(80), fc.nat(80), fc.nat(80)),
        ([p1, q1, d1], [p2, q2, d2]) => {
          fc.pre(p1 + q1 + d1 > 0 && p2 + q2 + d2 > 0);
          const x = right(npsFromCounts({ promoters: p1, passives: q1, detractors: d1 }));
          const y = right(npsFromCounts({ promoters: p2, passives: q2, detractors: d2 }));
          const xy = compareNps(x, y, { method: 'adjusted-wald' });
          const yx = compareNps(y, x, { method: 'adjusted-wald' });
          const r1 = right(xy);
          const r2 = right(yx);
          expect(r1.statistic).toBeCloseTo(-r2.statistic, 10);
          expect(r1.pValue).toBeCloseTo(r2.pValue, 12);
          expect(r1.significant).toBe(r1.pValue < 0.05);
          expect(r1.interval.lower).toBeGreaterThanOrEqual(-200);
          expect(r1.interval.upper).toBeLessThanOrEqual(200);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a Wald test between two different zero-variance samples', () => {
    const allPromoters = right(npsFromCounts({ promoters: 200, passives: 0, detractors: 0 }));
    const allDetractors = right(npsFromCounts({ promoters: 0, passives: 0, detractors: 200 }));
    expect(left(compareNps(allPromoters, allDetractors, { method: 'wald' })).code).toBe('zero-standard-error');
    expect(right(compareNps(allPromoters, allPromoters, { method: 'wald' })).pValue).toBe(1);
    expect(right(compareNps(allPromoters, allDetractors)).significant).toBe(true);
    expect(left(compareNetScores({ positive: 0, negative: 0, n: 0 }, { positive: 0, negative: 0, n: 3 })).code).toBe('insufficient-data');
  });
});

describe('compareProportions', () => {
  it('matches the textbook pooled test: 140/200 vs 255/340 → p̂ 0.7315, SE 0.03949, z −1.266, p 0.2055', () => {
    const result = right(compareProportions({ successes: 140, n: 200 }, { successes: 255, n: 340 }));
    expect(result.difference).toBeCloseTo(-5, 10);
    expect(result.standardError).toBeCloseTo(3.949401, 5);
    expect(result.statistic).toBeCloseTo(-1.266015, 5);
    expect(result.pValue).toBeCloseTo(0.2055078, 6);
    expect(result.significant).toBe(false);
    expect(result.unit).toBe('percentage-points');
  });

  it("gives Newcombe's hybrid score interval: 56/70 − 48/80 → [0.0524, 0.3339] (Newcombe 1998)", () => {
    const result = right(compareProportions({ successes: 56, n: 70 }, { share: 0.6, effectiveN: 80 }));
    expect(result.interval.lower).toBeCloseTo(5.24, 2);
    expect(result.interval.upper).toBeCloseTo(33.39, 2);
  });

  it('handles degenerate and invalid samples', () => {
    expect(right(compareProportions({ successes: 0, n: 10 }, { successes: 0, n: 20 })).pValue).toBe(1);
    expect(left(compareProportions({ successes: 1, n: 0 }, { successes: 0, n: 20 })).code).toBe('insufficient-data');
  });
});

describe('compareMeans', () => {
  it("matches scipy's Welch test (t 2.4553, ν 14.3064, p 0.02744)", () => {
    const a = [4, 5, 3, 4, 5, 2, 4, 5];
    const b = [3, 3, 4, 2, 3, 4, 1, 3, 2];
    const stats = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
      return { value: m, standardDeviation: sd, effectiveN: xs.length };
    };
    const result = right(compareMeans(stats(a), stats(b)));
    expect(result.statistic).toBeCloseTo(2.4552942290, 8);
    expect(result.degreesOfFreedom).toBeCloseTo(14.3064265123, 7);
    expect(result.pValue).toBeCloseTo(0.0274377927, 7);
    expect(result.test).toBe('welch-t');
  });

  it('refuses samples without a spread', () => {
    expect(left(compareMeans({ value: 1, standardDeviation: null, effectiveN: 1 }, { value: 2, standardDeviation: 1, effectiveN: 5 })).code).toBe('insufficient-data');
    expect(left(compareMeans({ value: 1, standardDeviation: 0, effectiveN: 5 }, { value: 2, standardDeviation: 0, effectiveN: 5 })).code).toBe('zero-standard-error');
  });
});
