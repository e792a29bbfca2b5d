import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaGeometricDiscountedSum } from '../../src/clv/beta-geometric-series.js';
import { hyp2f1 } from '../../src/core/index.js';

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('betaGeometricDiscountedSum = ₂F₁(1, b; a + b; z)', () => {
  // References computed independently with mpmath.hyp2f1 at 30 digits.
  const references: [number, number, number, number][] = [
    [3.8, 16.2, 1 / 1.1, 4.137273026281711],
    [0.067, 0.267, 1 / 1.1, 7.97348678265652],
    [0.5, 2.5, 1 / 1.001, 80.53171158873947],
    [2.0, 0.3, 0.5, 1.0831494576097702],
    [10.0, 1000.0, 1 / 1.05, 17.57518259351191],
    [0.01, 50.0, 1 / 1.02, 50.696179032644864],
    [1.0, 1.0, 1 / 1.1, 2.6376848000782074],
  ];

  it('matches arbitrary-precision references to 1e-13', () => {
    for (const [a, b, z, expected] of references) {
      const result = betaGeometricDiscountedSum(a, b, z);
      expect(relative(result.value, expected), `a=${a} b=${b} z=${z}`).toBeLessThan(1e-13);
      expect(result.errorBound).toBeLessThanOrEqual(1e-15 * result.value);
    }
  });

  it('agrees with the general hyp2f1 of clientele/core', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (a, b, z) => {
          expect(relative(betaGeometricDiscountedSum(a, b, z).value, hyp2f1(1, b, a + b, z))).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is 1 at z = 0 and refuses arguments outside its domain', () => {
    expect(betaGeometricDiscountedSum(1, 1, 0).value).toBe(1);
    expect(() => betaGeometricDiscountedSum(0, 1, 0.5)).toThrow(/\[clientele\]/);
    expect(() => betaGeometricDiscountedSum(1, 1, 1)).toThrow(/\[clientele\]/);
    expect(() => betaGeometricDiscountedSum(1, Number.NaN, 0.5)).toThrow(/\[clientele\]/);
  });
});
