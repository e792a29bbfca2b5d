import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveSampleSize, effectiveSampleSizeFromSums, isValidWeight } from '../../src/satisfaction/weights.js';

describe('effective sample size', () => {
  it('matches the Kish example w = [1, 1, 2, 4] → 2.91', () => {
    expect(effectiveSampleSize([1, 1, 2, 4])).toBeCloseTo(64 / 22, 12);
    expect(effectiveSampleSize([1, 1, 2, 4])).toBeCloseTo(2.909, 3);
    expect(effectiveSampleSizeFromSums(8, 22)).toBeCloseTo(2.909, 3);
  });

  it('is n for equal weights and at most n otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (n, w) => {
        expect(effectiveSampleSize(new Array<number>(n).fill(w))).toBeCloseTo(n, 9);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 100 }), (weights) => {
        const ess = effectiveSampleSize(weights);
        expect(ess).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(ess).toBeLessThanOrEqual(weights.length + 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('is 0 without weights and accepts only positive finite weights', () => {
    expect(effectiveSampleSize([])).toBe(0);
    expect(isValidWeight(1)).toBe(true);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1', null]) expect(isValidWeight(bad)).toBe(false);
  });
});
