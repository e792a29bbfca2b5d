import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sbg, type SbgCohort } from '../../src/clv/index.js';

const YEAR = { days: 365.25 } as const;
const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

// sbg_fader_hardie_2007_survival.csv: year, regular_pct_alive, highend_pct_alive, period (calibration / holdout)
const table = readFileSync(new URL('../../../shared/datasets/sbg_fader_hardie_2007_survival.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(','));
const calibration = table.filter((r) => r[3] === 'calibration');
const holdout = table.filter((r) => r[3] === 'holdout');
// Cohort of 1,000 (Fader & Hardie 2007): survivors = 10 × percent.
const regular: SbgCohort = { survivors: calibration.map((r) => Math.round(10 * Number(r[1]))) };
const highEnd: SbgCohort = { survivors: calibration.map((r) => Math.round(10 * Number(r[2]))) };

describe('sbg.fit: Fader & Hardie (2007) Table 1, years 0..7', () => {
  it('High End: α 0.668, β 3.806', () => {
    const fitted = sbg.fit([highEnd], { timeUnit: YEAR });
    expect(fitted.converged).toBe(true);
    expect(relative(fitted.params.alpha, 0.668)).toBeLessThan(1e-3);
    expect(relative(fitted.params.beta, 3.806)).toBeLessThan(1e-3);
    // Computed independently with SciPy: LL −1611.158.
    expect(Math.abs(fitted.logLikelihood - -1611.158)).toBeLessThan(0.01);
    expect(fitted.observations).toBe(1000);
  });

  it('Regular: α 0.704, β 1.182', () => {
    const fitted = sbg.fit([regular], { timeUnit: YEAR });
    expect(relative(fitted.params.alpha, 0.704)).toBeLessThan(1e-3);
    expect(relative(fitted.params.beta, 1.182)).toBeLessThan(1e-3);
    expect(Math.abs(fitted.logLikelihood - -1680.265)).toBeLessThan(0.01);
  });

  it('projects the holdout years 8..12 (paper Table 1) within 5% and matches the SciPy projection', () => {
    for (const [cohort, column, projected] of [
      [regular, 1, [22.0, 20.4, 19.1, 18.0, 17.0]],
      [highEnd, 2, [46.0, 43.6, 41.4, 39.5, 37.8]],
    ] as const) {
      const { params } = sbg.fit([cohort], { timeUnit: YEAR });
      holdout.forEach((row, i) => {
        const survival = 100 * sbg.survival(params, Number(row[0]));
        expect(relative(survival, Number(row[column]))).toBeLessThan(0.05);
        expect(Math.abs(survival - projected[i]!)).toBeLessThan(0.06);
      });
    }
  });

  it('fits several cohorts jointly (a cohort twice = doubled weights, same estimates)', () => {
    const one = sbg.fit([highEnd], { timeUnit: YEAR });
    const two = sbg.fit([highEnd, highEnd], { timeUnit: YEAR });
    expect(relative(two.params.alpha, one.params.alpha)).toBeLessThan(1e-6);
    expect(two.logLikelihood).toBeCloseTo(2 * one.logLikelihood, 6);
    expect(two.observations).toBe(2000);
  });

  it('reports invalid cohorts with paths, fits the valid ones, never throws on arbitrary input', () => {
    const result = sbg.fit([highEnd, { survivors: [100, 120] }, { survivors: [0, 0] }, { survivors: [5] }, { nope: 1 }] as unknown as SbgCohort[], {
      timeUnit: YEAR,
    });
    expect(result.rejected).toEqual([1, 2, 3, 4]);
    expect(result.issues.map((i) => i.path)).toEqual([
      'cohorts[1].survivors[1]',
      'cohorts[2].survivors[0]',
      'cohorts[3].survivors',
      'cohorts[4].survivors',
    ]);
    expect(relative(result.params.alpha, 0.668)).toBeLessThan(1e-3);
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const fuzzed = sbg.fit(input as SbgCohort[], { timeUnit: YEAR, maxIterations: 5 });
        expect(typeof fuzzed.converged).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

describe('sbg predictions', () => {
  it('retention rates at the published parameters (FH 2007)', () => {
    const highEnd = { alpha: 0.668, beta: 3.806 };
    const regular = { alpha: 0.704, beta: 1.182 };
    [0.851, 0.878, 0.897, 0.911, 0.921].forEach((r, i) => { expect(sbg.retentionRate(highEnd, i + 1)).toBeCloseTo(r, 3); });
    [0.627, 0.756, 0.819, 0.856, 0.88].forEach((r, i) => { expect(sbg.retentionRate(regular, i + 1)).toBeCloseTo(r, 3); });
  });

  it('DERL: Fader & Hardie (2010) Table 3, d = 0.10, n = 1..5', () => {
    const case1 = [3.31, 3.45, 3.59, 3.72, 3.84];
    const case2 = [7.68, 9.46, 9.86, 10.06, 10.19];
    case1.forEach((v, i) => { expect(relative(sbg.discountedExpectedResidualLifetime({ alpha: 3.8, beta: 15.2 }, { discountRate: 0.1, renewals: i }), v)).toBeLessThan(1e-2); });
    case2.forEach((v, i) => { expect(relative(sbg.discountedExpectedResidualLifetime({ alpha: 0.067, beta: 0.267 }, { discountRate: 0.1, renewals: i }), v)).toBeLessThan(1e-2); },
    );
    // Computed independently with SciPy (₂F₁ form): 3.31 and 7.67 for n = 1.
    expect(sbg.discountedExpectedResidualLifetime({ alpha: 3.8, beta: 15.2 }, { discountRate: 0.1 })).toBeCloseTo(3.31, 2);
    expect(sbg.discountedExpectedResidualLifetime({ alpha: 0.067, beta: 0.267 }, { discountRate: 0.1 })).toBeCloseTo(7.67, 2);
  });

  it('DERL equals the discounted survival sum it is defined by (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (alpha, beta, d, renewals) => {
          const params = { alpha, beta };
          const n = renewals + 1;
          let sum = 0;
          const base = sbg.survival(params, n - 1);
          for (let t = n; t < n + 3000; t++) sum += sbg.survival(params, t) / base / (1 + d) ** (t - n);
          const derl = sbg.discountedExpectedResidualLifetime(params, { discountRate: d, renewals });
          // The brute-force sum is truncated after 3,000 terms: its tail is below (1+d)^-3000/(d) relative.
          expect(relative(derl, sum)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('survival, churn probabilities and retention are consistent (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 50, noNaN: true }), fc.integer({ min: 1, max: 200 }), (alpha, beta, t) => {
        const p = { alpha, beta };
        const before = sbg.survival(p, t - 1);
        const after = sbg.survival(p, t);
        expect(after).toBeLessThanOrEqual(before);
        expect(sbg.churnProbability(p, t)).toBeCloseTo(before - after, 12);
        expect(after / before).toBeCloseTo(sbg.retentionRate(p, t), 10);
      }),
      { numRuns: 200 },
    );
    expect(sbg.survival({ alpha: 1, beta: 1 }, 0)).toBe(1);
  });

  it('discounted expected lifetime of a new customer: α = β = 1 has the closed form 1.1·ln 11 at d = 0.1', () => {
    expect(sbg.discountedExpectedLifetime({ alpha: 1, beta: 1 }, { discountRate: 0.1 })).toBeCloseTo(1.1 * Math.log(11), 12);
    // DEL = 1 + S(1)·DERL(after the first renewal decision, discounted one period)
    const p = { alpha: 0.704, beta: 1.182 };
    const del = sbg.discountedExpectedLifetime(p, { discountRate: 0.1 });
    expect(del).toBeCloseTo(1 + sbg.discountedExpectedResidualLifetime(p, { discountRate: 0.1 }) / 1.1, 12);
  });

  it('rejects invalid arguments as programmer errors', () => {
    expect(() => sbg.retentionRate({ alpha: 1, beta: 1 }, 0)).toThrow(/\[clientele\]/);
    expect(() => sbg.survival({ alpha: -1, beta: 1 }, 2)).toThrow(/\[clientele\]/);
    expect(() => sbg.discountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, { discountRate: 0 })).toThrow(/\[clientele\]/);
    expect(() => sbg.discountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, { discountRate: 0.1, renewals: 1.5 })).toThrow(/\[clientele\]/);
  });
});
