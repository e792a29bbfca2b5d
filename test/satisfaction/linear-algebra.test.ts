import { describe, expect, it } from 'vitest';
import { subsetRSquared, symmetricEigen } from '../../src/satisfaction/linear-algebra.js';

describe('symmetric eigendecomposition', () => {
  it('reconstructs the matrix from its eigenpairs', () => {
    const n = 4;
    const a = Float64Array.of(4, 1, 0.5, 0.2, 1, 3, 0.3, 0.1, 0.5, 0.3, 2, 0.4, 0.2, 0.1, 0.4, 1);
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let m = 0; m < n; m++) sum += vectors[i * n + m]! * values[m]! * vectors[j * n + m]!;
        expect(sum).toBeCloseTo(a[i * n + j]!, 12);
      }
    }
    expect(Array.from(symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values).map((v) => Number(v.toFixed(12)))).toEqual([1, 3]);
  });
});

describe('subset R²', () => {
  it('is the squared correlation for one predictor and ignores exact duplicates', () => {
    const rxx = Float64Array.of(1, 1, 1, 1);
    const rxy = Float64Array.of(0.4, 0.4);
    expect(subsetRSquared(rxx, rxy, 0b01, 2)).toBeCloseTo(0.16, 12);
    expect(subsetRSquared(rxx, rxy, 0b11, 2)).toBeCloseTo(0.16, 12);
    expect(subsetRSquared(rxx, rxy, 0, 2)).toBe(0);
  });
});
