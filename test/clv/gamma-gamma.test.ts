import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaGamma, type GammaGammaRow } from '../../src/clv/index.js';
import { weightedPearsonCorrelation } from '../../src/clv/gamma-gamma-data.js';
import { createRng } from '../../src/core/index.js';

function readCsv(name: string): string[][] {
  const text = readFileSync(new URL(`../../../shared/datasets/${name}`, import.meta.url), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((cell) => cell.replace(/"/g, '')));
}

// cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar (mean repeat spend, 0 when x = 0)
const cdnow: GammaGammaRow[] = readCsv('cdnow_customers_summary_with_transactions.csv').map((r) => ({ x: Number(r[1]), mean: Number(r[4]) }));
// btyd_cdnow_cbs.csv: id, x, t.x, T.cal, x.star, m.x (full-precision mean spend)
const cbs: GammaGammaRow[] = readCsv('btyd_cdnow_cbs.csv').map((r) => ({ x: Number(r[1]), mean: Number(r[5]) }));
const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('gammaGamma.fit on CDNOW', () => {
  const fitted = gammaGamma.fit(cdnow, { timeUnit: 'week' });

  it('reproduces Fader & Hardie (2013): p 6.2487, q 3.7446, γ 15.448 (1e-3 relative)', () => {
    expect(fitted.converged).toBe(true);
    expect(relative(fitted.params.p, 6.2487)).toBeLessThan(1e-3);
    expect(relative(fitted.params.q, 3.7446)).toBeLessThan(1e-3);
    expect(relative(fitted.params.gamma, 15.448)).toBeLessThan(1e-3);
    // Computed independently with SciPy on the same file (note 025 eq. 1a, all terms): LL −4055.9232.
    expect(Math.abs(fitted.logLikelihood - -4055.9232)).toBeLessThan(0.01);
    expect(fitted.observations).toBe(946);
  });

  it('reproduces the CLVTools log-likelihood −4055.9177 on the full-precision spends of btyd_cdnow_cbs.csv', () => {
    const onCbs = gammaGamma.fit(cbs, { timeUnit: 'week' });
    expect(Math.abs(onCbs.logLikelihood - -4055.9177)).toBeLessThan(0.01);
    expect(relative(onCbs.params.p, 6.2487)).toBeLessThan(1e-3);
  });

  it('reports the data check: 946 used, 1,411 without repeat purchases, corr(frequency, spend) = 0.113884', () => {
    const check = fitted.dataCheck;
    expect(check.customersUsed).toBe(946);
    expect(check.excludedNoRepeatPurchases).toBe(1411);
    expect(check.excludedNonPositiveSpend).toBe(0);
    // lifetimes Quickstart: corr(monetary_value, frequency) = 0.113884
    expect(check.spendFrequencyCorrelation).toBeCloseTo(0.113884, 6);
    expect(check.warnings).toEqual([]);
  });

  it('gives the same estimates with q constrained above 1 (lifetimes q_constraint)', () => {
    const constrained = gammaGamma.fit(cdnow, { timeUnit: 'week', qGreaterThanOne: true });
    expect(constrained.params.q).toBeGreaterThan(1);
    for (const name of ['p', 'q', 'gamma'] as const) expect(relative(constrained.params[name], fitted.params[name])).toBeLessThan(1e-4);
  });

  it('is independent of input order and of columns vs rows', () => {
    const reversed = gammaGamma.fit([...cdnow].reverse(), { timeUnit: 'week' });
    const columns = gammaGamma.fit(
      { x: Float64Array.from(cdnow, (r) => r.x), mean: Float64Array.from(cdnow, (r) => r.mean) },
      { timeUnit: 'week' },
    );
    expect(reversed.params).toEqual(fitted.params);
    expect(columns.params).toEqual(fitted.params);
  });

  it('accepts a calibration summary (rows with meanSpend) and its columns', () => {
    const summary = { customers: cdnow.map((r, i) => ({ customerId: i, x: r.x, tx: 0, T: 1, meanSpend: r.mean })), timeUnit: 'week' as const };
    const fromSummary = gammaGamma.fit(summary, { timeUnit: 'week' });
    const fromColumns = gammaGamma.fit({ x: Int32Array.from(cdnow, (r) => r.x), meanSpend: Float64Array.from(cdnow, (r) => r.mean) }, { timeUnit: 'week' });
    expect(fromSummary.params).toEqual(fitted.params);
    expect(fromColumns.params).toEqual(fitted.params);
    const bad = gammaGamma.fit({ customers: [{ x: 1, meanSpend: 'a' }] } as never, { timeUnit: 'week' });
    expect(bad.issues.map((i) => i.path)).toEqual(['data.customers[0].meanSpend']);
  });

  it('warns about spend correlated with frequency and counts non-positive spends', () => {
    const rng = createRng('correlated');
    const rows: GammaGammaRow[] = [];
    for (let i = 0; i < 500; i++) {
      const x = 1 + rng.integer(10);
      rows.push({ x, mean: 10 * x * rng.gamma(20, 20) });
    }
    rows.push({ x: 2, mean: 0 }, { x: 3, mean: -4 }, { x: 0, mean: 0 });
    const result = gammaGamma.fit(rows, { timeUnit: 'day' });
    expect(result.dataCheck.excludedNonPositiveSpend).toBe(2);
    expect(result.dataCheck.excludedNoRepeatPurchases).toBe(1);
    expect(result.dataCheck.spendFrequencyCorrelation).toBeGreaterThan(0.3);
    expect(result.dataCheck.warnings.map((w) => w.code)).toEqual(['spend-frequency-correlation', 'non-positive-spend']);
    expect(result.observations).toBe(500);
  });

  it('reports invalid rows with paths and never throws on arbitrary input', () => {
    const result = gammaGamma.fit([{ x: 2, mean: 10 }, { x: 1.5, mean: 3 }, { x: 2, mean: Number.NaN }, 'row'] as unknown as GammaGammaRow[], {
      timeUnit: 'day',
    });
    expect(result.rejected).toEqual([1, 2, 3]);
    expect(result.issues.map((i) => i.path)).toEqual(['data[1].x', 'data[2].mean', 'data[3]']);
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const fuzzed = gammaGamma.fit(input as GammaGammaRow[], { timeUnit: 'day', maxIterations: 5 });
        expect(typeof fuzzed.converged).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('recovers simulated parameters (pymc-marketing recovery test setting p 6, q 4, γ 15)', () => {
    const rng = createRng('gg-recovery');
    const truth = { p: 6, q: 4, gamma: 15 };
    const rows: GammaGammaRow[] = [];
    for (let i = 0; i < 5000; i++) {
      const x = 1 + rng.integer(8);
      const nu = rng.gamma(truth.q, truth.gamma);
      let total = 0;
      for (let k = 0; k < x; k++) total += rng.gamma(truth.p, nu);
      rows.push({ x, mean: total / x });
    }
    const result = gammaGamma.fit(rows, { timeUnit: 'day' });
    for (const name of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(result.params[name] - truth[name])).toBeLessThan(4 * result.standardErrors[name]);
    }
  });
});

describe('gammaGamma predictions', () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };

  it('conditional expected spend of the first ten CDNOW customers: lifetimes / Hardie notes 025 spreadsheet', () => {
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    cdnow.slice(0, 10).forEach((row, i) => { expect(Math.abs(gammaGamma.conditionalExpectedSpend(params, row) - expected[i]!)).toBeLessThan(0.1); });
    // With the MLE the x = 0 customers get the population mean 35.17 exactly as published (SciPy: 24.66 … 35.17).
    const mle = gammaGamma.fit(cdnow, { timeUnit: 'week' }).params;
    cdnow.slice(0, 10).forEach((row, i) => { expect(Math.abs(gammaGamma.conditionalExpectedSpend(mle, row) - expected[i]!)).toBeLessThan(0.011); });
  });

  it('population mean pγ/(q − 1) = 35.219 at the rounded published parameters', () => {
    expect(gammaGamma.expectedAverageSpend(params)).toBeCloseTo(35.219, 3);
    expect(gammaGamma.conditionalExpectedSpend(params, { x: 0, mean: 0 })).toBe(gammaGamma.expectedAverageSpend(params));
    expect(gammaGamma.expectedAverageSpend({ p: 1, q: 0.8, gamma: 1 })).toBe(Number.POSITIVE_INFINITY);
  });

  it('is a weighted average of the population mean and the customer mean (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ p: fc.double({ min: 0.1, max: 50, noNaN: true }), q: fc.double({ min: 1.01, max: 50, noNaN: true }), gamma: fc.double({ min: 0.1, max: 1e4, noNaN: true }) }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        (p, x, mean) => {
          const value = gammaGamma.conditionalExpectedSpend(p, { x, mean });
          const population = gammaGamma.expectedAverageSpend(p);
          expect(value).toBeGreaterThanOrEqual(Math.min(population, mean) * (1 - 1e-12));
          expect(value).toBeLessThanOrEqual(Math.max(population, mean) * (1 + 1e-12));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('columnar expected spend equals the per-customer function', () => {
    const x = Float64Array.from(cdnow, (r) => r.x);
    const mean = Float64Array.from(cdnow, (r) => r.mean);
    const out = gammaGamma.conditionalExpectedSpendColumns(params, { x, mean });
    cdnow.forEach((row, i) => { expect(out[i]).toBe(gammaGamma.conditionalExpectedSpend(params, row)); });
  });

  it('log-likelihood of one customer sums to the fitted total', () => {
    const mle = gammaGamma.fit(cdnow, { timeUnit: 'week' });
    let total = 0;
    for (const row of cdnow) if (row.x > 0) total += gammaGamma.logLikelihood(mle.params, row);
    expect(total).toBeCloseTo(mle.logLikelihood, 8);
  });

  it('weighted Pearson correlation handles degenerate input', () => {
    expect(weightedPearsonCorrelation([1, 2, 3], [2, 4, 6], [1, 1, 1])).toBeCloseTo(1, 12);
    expect(weightedPearsonCorrelation([1, 1], [2, 3], [1, 1])).toBeNull();
    expect(weightedPearsonCorrelation([], [], [])).toBeNull();
  });
});
