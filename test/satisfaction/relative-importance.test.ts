import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeWeights, shapleyDecomposition, standardizedCoefficients } from '../../src/satisfaction/relative-importance.js';
import { johnsonByDenmanBeavers, olsRSquared, pearson, shapleyByPermutations } from './brute-force.js';
import { MTCARS, RWA_RAW, RWA_RESCALED } from './mtcars.js';

const y = MTCARS.map((row) => row[0]);
const columns = [1, 2, 3, 4].map((j) => MTCARS.map((row) => row[j]!));
const rxx = columns.map((a) => columns.map((b) => pearson(a, b)));
const rxy = columns.map((c) => pearson(c, y));

describe("Johnson's relative weights", () => {
  it('match the published rwa values for mtcars (mpg ~ cyl + disp + hp + wt)', () => {
    const result = relativeWeights(rxx, rxy);
    result.values.forEach((value, j) => { expect(value).toBeCloseTo(RWA_RAW[j]!, 6); });
    const total = result.values.reduce((s, v) => s + v, 0);
    result.values.forEach((value, j) => { expect((100 * value) / total).toBeCloseTo(RWA_RESCALED[j]!, 4); });
    expect(result.rSquared).toBeCloseTo(olsRSquared(y, columns), 10);
  });

  it('agree with an independent Denman–Beavers computation', () => {
    const reference = johnsonByDenmanBeavers(rxx, rxy);
    relativeWeights(rxx, rxy).values.forEach((value, j) => { expect(value).toBeCloseTo(reference[j]!, 9); });
  });

  it('reduce to squared correlations for uncorrelated predictors', () => {
    const result = relativeWeights([[1, 0], [0, 1]], [0.6, 0.3]);
    expect(result.values[0]).toBeCloseTo(0.36, 12);
    expect(result.values[1]).toBeCloseTo(0.09, 12);
  });
});

describe('Shapley decomposition of R²', () => {
  it('equals the average increment over all orders of entry computed by raw-data OLS (mtcars)', () => {
    const reference = shapleyByPermutations(y, columns);
    const result = shapleyDecomposition(rxx, rxy);
    result.values.forEach((value, j) => { expect(value).toBeCloseTo(reference[j]!, 9); });
    expect(result.rSquared).toBeCloseTo(0.8486348, 6);
    expect(result.values.reduce((s, v) => s + v, 0)).toBeCloseTo(result.rSquared, 10);
  });

  it('ranks the mtcars predictors like Johnson (wt > cyl > disp > hp)', () => {
    const shapley = shapleyDecomposition(rxx, rxy).values;
    const johnson = relativeWeights(rxx, rxy).values;
    const order = (values: readonly number[]) => values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
    expect(order(shapley)).toEqual([3, 0, 1, 2]);
    expect(order(johnson)).toEqual(order(shapley));
  });

  it('handles perfectly collinear predictors by splitting their share', () => {
    const result = shapleyDecomposition([[1, 1, 0], [1, 1, 0], [0, 0, 1]], [0.5, 0.5, 0.2]);
    expect(result.values[0]).toBeCloseTo(result.values[1]!, 12);
    expect(result.rSquared).toBeCloseTo(0.25 + 0.04, 10);
    const johnson = relativeWeights([[1, 1, 0], [1, 1, 0], [0, 0, 1]], [0.5, 0.5, 0.2]);
    expect(johnson.rSquared).toBeCloseTo(0.29, 10);
  });

  it('matches brute force and sums to R² on random data (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }), { minLength: 12, maxLength: 30 }),
        (rows) => {
          const yy = rows.map((r) => r[0]! + r[1]! - r[2]! + (r[3]! % 2));
          const cols = [0, 1, 2].map((j) => rows.map((r) => r[j]!));
          fc.pre(cols.every((c) => new Set(c).size > 1) && new Set(yy).size > 1);
          const cxx = cols.map((a) => cols.map((b) => pearson(a, b)));
          const cxy = cols.map((c) => pearson(c, yy));
          fc.pre(cxx.flat().every(Number.isFinite));
          const det = cxx[0]![0]! * (cxx[1]![1]! * cxx[2]![2]! - cxx[1]![2]! * cxx[2]![1]!) - cxx[0]![1]! * (cxx[1]![0]! * cxx[2]![2]! - cxx[1]![2]! * cxx[2]![0]!) + cxx[0]![2]! * (cxx[1]![0]! * cxx[2]![1]! - cxx[1]![1]! * cxx[2]![0]!);
          fc.pre(det > 1e-6);
          const result = shapleyDecomposition(cxx, cxy);
          const reference = shapleyByPermutations(yy, cols);
          result.values.forEach((v, j) => { expect(v).toBeCloseTo(reference[j]!, 7); });
          const johnson = relativeWeights(cxx, cxy);
          expect(johnson.rSquared).toBeCloseTo(result.rSquared, 8);
          johnson.values.forEach((v) => { expect(v).toBeGreaterThanOrEqual(-1e-12); });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('standardized coefficients', () => {
  it('solve the normal equations in correlation form', () => {
    const beta = standardizedCoefficients(rxx, rxy);
    const fitted = beta.reduce((s, b, j) => s + b * rxy[j]!, 0);
    expect(fitted).toBeCloseTo(olsRSquared(y, columns), 10);
  });
});
