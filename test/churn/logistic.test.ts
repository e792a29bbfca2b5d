import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { fitLogisticRegression } from '../../src/churn/index.js';

describe('fitLogisticRegression', () => {
  it('recovers known coefficients on simulated data (within 3.5 standard errors)', () => {
    const truth = { intercept: -1, coefficients: [2, -1.5, 0.5] };
    const rng = createRng('logistic');
    const rows = 20_000;
    const width = 3;
    const x = new Float64Array(rows * width);
    const y = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      let z = truth.intercept;
      for (let c = 0; c < width; c++) {
        const v = c === 2 ? rng.uniform() : rng.normal();
        x[i * width + c] = v;
        z += truth.coefficients[c]! * v;
      }
      y[i] = rng.uniform() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    const fit = fitLogisticRegression(x, width, y, { l2: 1e-6 });
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.intercept - truth.intercept)).toBeLessThan(3.5 * fit.standardErrors[0]!);
    for (let c = 0; c < width; c++) {
      expect(Math.abs(fit.coefficients[c]! - truth.coefficients[c]!)).toBeLessThan(3.5 * fit.standardErrors[c + 1]!);
      expect(fit.standardErrors[c + 1]!).toBeLessThan(0.08);
    }
  });

  it('shrinks toward zero, or toward given prior coefficients, as the penalty grows', () => {
    const x = Float64Array.from([0, 0, 1, 1, 1, 0]);
    const y = [0, 1, 1, 1, 1, 0];
    const loose = fitLogisticRegression(x, 1, y, { l2: 0.01 });
    const tight = fitLogisticRegression(x, 1, y, { l2: 1000 });
    expect(loose.coefficients[0]!).toBeGreaterThan(1);
    expect(Math.abs(tight.coefficients[0]!)).toBeLessThan(0.01);
    const anchored = fitLogisticRegression(x, 1, y, { l2: 1000, priorCoefficients: [-2] });
    expect(anchored.coefficients[0]!).toBeCloseTo(-2, 1);
  });

  it('refuses mismatched shapes', () => {
    expect(() => fitLogisticRegression(Float64Array.from([1, 2, 3]), 2, [0, 1])).toThrow(/\[clientele\]/);
    expect(() => fitLogisticRegression(Float64Array.from([1, 2]), 1, [0, 1], { priorCoefficients: [1, 2] })).toThrow(/\[clientele\]/);
  });
});
