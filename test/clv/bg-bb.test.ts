import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgBb, type BgBbParams, type BgBbRow } from '../../src/clv/index.js';

const YEAR = { days: 365.25 } as const;

function readCsv(name: string): number[][] {
  const text = readFileSync(new URL(`../../../shared/datasets/${name}`, import.meta.url), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((cell) => Number(cell.replace(/"/g, ''))));
}

// donations.csv: frequency, recency, periods, weights (Fader, Hardie & Shang 2010; 11,104 donors, 6 opportunities)
const donations: BgBbRow[] = readCsv('donations.csv').map(([x, tx, n, weight]) => ({ x: x!, tx: tx!, n: n!, weight: weight! }));
// FHS (2010) / BTYD walkthrough §5.2 estimates
const PUBLISHED = { alpha: 1.2035, beta: 0.7497, gamma: 0.6568, delta: 2.7837 };
// BTYD walkthrough §5.2 run 3, the parameters behind its printed predictions
const BTYD_RUN3: BgBbParams = { alpha: 1.203528, beta: 0.749726, gamma: 0.6567808, delta: 2.783796 };

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('bgBb.fit on the donations data', () => {
  const fitted = bgBb.fit(donations, { timeUnit: YEAR });

  it('reproduces the published parameters (1e-3 relative) and log-likelihood (0.01)', () => {
    expect(fitted.converged).toBe(true);
    for (const name of ['alpha', 'beta', 'gamma', 'delta'] as const) {
      expect(relative(fitted.params[name], PUBLISHED[name])).toBeLessThan(1e-3);
    }
    expect(Math.abs(fitted.logLikelihood - -33225.58)).toBeLessThan(0.01);
    expect(fitted.observations).toBe(11_104);
    expect(fitted.timeUnit).toEqual(YEAR);
    expect(fitted.rejected).toEqual([]);
    expect(fitted.aic).toBeCloseTo(8 - 2 * fitted.logLikelihood, 8);
  });

  it('gives finite standard errors and survives a JSON round trip', () => {
    for (const v of Object.values(fitted.standardErrors)) expect(v).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
  });

  it('fits the exploded 11,104 rows, the columns and a shuffled order to the same parameters', () => {
    const exploded: BgBbRow[] = donations.flatMap((row) => Array.from({ length: row.weight! }, () => ({ x: row.x, tx: row.tx, n: row.n })));
    const fromRows = bgBb.fit(exploded, { timeUnit: YEAR });
    const fromColumns = bgBb.fit(
      {
        x: Float64Array.from(donations, (r) => r.x),
        tx: Float64Array.from(donations, (r) => r.tx),
        n: Float64Array.from(donations, (r) => r.n),
        weight: Float64Array.from(donations, (r) => r.weight!),
      },
      { timeUnit: YEAR },
    );
    const shuffled = bgBb.fit([...donations].reverse(), { timeUnit: YEAR });
    expect(fromRows.params).toEqual(fitted.params);
    expect(fromColumns.params).toEqual(fitted.params);
    expect(shuffled.params).toEqual(fitted.params);
  });

  it('reports invalid rows with their paths and fits the rest', () => {
    const bad = [...donations, { x: 3, tx: 2, n: 6 }, { x: 0, tx: 1, n: 6 }, { x: 1, tx: 7, n: 6 }, { x: -1, tx: 0, n: 6, weight: Number.NaN }, null];
    const result = bgBb.fit(bad as BgBbRow[], { timeUnit: YEAR });
    expect(result.rejected).toEqual([22, 23, 24, 25, 26]);
    expect(result.issues.map((i) => i.path)).toEqual(['data[22].x', 'data[23].tx', 'data[24].tx', 'data[25].x', 'data[25].weight', 'data[26]']);
    expect(result.params).toEqual(fitted.params);
  });

  it('reports no convergence (not an exception) when there is no valid row', () => {
    const result = bgBb.fit([{ x: 2, tx: 1, n: 1 }], { timeUnit: YEAR });
    expect(result.converged).toBe(false);
    expect(result.message).toBe('no valid observations');
    expect(result.kind).toBe('bgBb');
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = bgBb.fit(input as BgBbRow[], { timeUnit: YEAR, maxIterations: 5 });
        expect(typeof result.converged).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

describe('bgBb predictions against published values', () => {
  it('P(alive in 2002): FHS (2010) Table 6 (0.11, 0.59, 0.93)', () => {
    const fitted = bgBb.fit(donations, { timeUnit: YEAR }).params;
    const values = [
      bgBb.probabilityAlive(fitted, { x: 0, tx: 0, n: 6 }),
      bgBb.probabilityAlive(fitted, { x: 2, tx: 4, n: 6 }),
      bgBb.probabilityAlive(fitted, { x: 6, tx: 6, n: 6 }),
    ];
    expect(values.map((v) => Number(v.toFixed(2)))).toEqual([0.11, 0.59, 0.93]);
    // Computed independently with SciPy at the MLE: 0.10813, 0.58965, 0.93043.
    [0.10813, 0.58965, 0.93043].forEach((expected, i) => { expect(relative(values[i]!, expected)).toBeLessThan(1e-3); });
  });

  it("Σ customers·E[X(6, 6+5)]: Hardie's Conditional Expectations (II) sheet, 12,884.2", () => {
    const params = bgBb.fit(donations, { timeUnit: YEAR }).params;
    let total = 0;
    for (const row of donations) total += row.weight! * bgBb.conditionalExpectedPurchases(params, 5, row);
    expect(Math.abs(total - 12884.2)).toBeLessThan(0.5);
  });

  it("expected customers with 0..6 transactions: Hardie's in-sample sheet C18/C24 (3,454.9 and 1,253.1)", () => {
    const params = bgBb.fit(donations, { timeUnit: YEAR }).params;
    const counts = bgBb.expectedCustomersByPurchases(params, donations);
    expect(counts).toHaveLength(7);
    expect(bgBb.expectedCustomersByPurchases(params, donations, { maxPurchases: 6 })).toEqual(counts);
    const lumped = bgBb.expectedCustomersByPurchases(params, donations, { maxPurchases: 3 });
    expect(lumped.slice(0, 3)).toEqual(counts.slice(0, 3));
    expect(lumped[3]).toBeCloseTo(counts[3]! + counts[4]! + counts[5]! + counts[6]!, 8);
    expect(Math.abs(counts[0]! - 3454.9)).toBeLessThan(0.5);
    expect(Math.abs(counts[6]! - 1253.1)).toBeLessThan(0.5);
    expect(counts.reduce((a, b) => a + b, 0)).toBeCloseTo(11_104, 8);
  });

  it('BTYD walkthrough: E[X(10)] = 3.179805, CET(10) for customers A and B = 0.1302169 and 3.627858', () => {
    expect(bgBb.expectedPurchases(BTYD_RUN3, 10)).toBeCloseTo(3.179805, 5);
    expect(bgBb.conditionalExpectedPurchases(BTYD_RUN3, 10, { x: 0, tx: 0, n: 6 })).toBeCloseTo(0.1302169, 7);
    expect(bgBb.conditionalExpectedPurchases(BTYD_RUN3, 10, { x: 4, tx: 5, n: 6 })).toBeCloseTo(3.627858, 6);
  });

  it('pymc-marketing / notes/010 tracking sheet: E[X(n)] for n = 1..11 (rtol 1e-3)', () => {
    const params = { alpha: 1.2035, beta: 0.7497, gamma: 0.6567, delta: 2.7834 };
    const expected = [0.4985, 0.9233, 1.2969, 1.6323, 1.9381, 2.2202, 2.4826, 2.7285, 2.9603, 3.1798, 3.3887];
    expected.forEach((value, i) => { expect(relative(bgBb.expectedPurchases(params, i + 1), value)).toBeLessThan(1e-3); });
  });

  it('annual tracking 1996–2006 against btyd_donations_annual_transactions.csv and the BTYD walkthrough', () => {
    const actual = readCsv('btyd_donations_annual_transactions.csv').map(([, transactions]) => transactions!);
    const walkthrough = [5535.833, 4717.059, 4147.621, 3724.665, 3395.888, 3131.647, 2913.778, 2730.482, 2573.731, 2437.854, 2318.727];
    let previous = 0;
    let cumulativeActual = 0;
    for (let year = 1; year <= 11; year++) {
      const cumulative = bgBb.expectedPurchases(BTYD_RUN3, year);
      const incremental = 11_104 * (cumulative - previous);
      previous = cumulative;
      expect(Math.abs(incremental - walkthrough[year - 1]!)).toBeLessThan(0.005);
      cumulativeActual += actual[year - 1]!;
    }
    expect(11_104 * previous).toBeCloseTo(37627.29, 2);
    expect(cumulativeActual).toBe(37_875);
    // The model tracks the 11-year total within 1%.
    expect(relative(11_104 * previous, cumulativeActual)).toBeLessThan(0.01);
  });

  it('holdout check against btyd_donations_rf_calibration_with_holdout.csv (2002–2006)', () => {
    const params = bgBb.fit(donations, { timeUnit: YEAR }).params;
    const rows = readCsv('btyd_donations_rf_calibration_with_holdout.csv'); // x, t.x, n.cal, custs, x.star
    let predictedTotal = 0;
    let actualTotal = 0;
    const byFrequency = new Map<number, { predicted: number; actual: number; customers: number }>();
    for (const [x, tx, n, customers, xStar] of rows) {
      const predicted = customers! * bgBb.conditionalExpectedPurchases(params, 5, { x: x!, tx: tx!, n: n! });
      predictedTotal += predicted;
      actualTotal += xStar!;
      const group = byFrequency.get(x!) ?? { predicted: 0, actual: 0, customers: 0 };
      group.predicted += predicted;
      group.actual += xStar!;
      group.customers += customers!;
      byFrequency.set(x!, group);
    }
    expect(actualTotal).toBe(13_260);
    // The model slightly under-forecasts the 2002–2006 total (12,884 vs 13,260; FHS 2010): within 3%.
    expect(relative(predictedTotal, actualTotal)).toBeLessThan(0.03);
    // Per calibration frequency (FHS 2010's conditional-expectation plot): predicted vs actual holdout transactions
    // per donor, 0.073 vs 0.174 for x = 0 … 3.75 vs 3.53 for x = 6 — within a quarter of a transaction.
    for (const [x, group] of byFrequency) {
      expect(Math.abs(group.predicted - group.actual) / group.customers, `frequency ${x}`).toBeLessThan(0.25);
    }
  });

  it('DERT: BTYD bgbb.DERT man-page example 1.62138 and x = 1..6 at t_x = 6', () => {
    const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 };
    expect(bgBb.discountedExpectedResidualTransactions(params, { x: 3, tx: 4, n: 6 }, { discountRate: 0.1 })).toBeCloseTo(1.62138, 5);
    const expected = [1.802, 2.6212, 3.4403, 4.2594, 5.0785, 5.8976];
    expected.forEach((value, i) => { expect(bgBb.discountedExpectedResidualTransactions(params, { x: i + 1, tx: 6, n: 6 }, { discountRate: 0.1 })).toBeCloseTo(value, 4); },
    );
  });

  it('DERT equals the discounted sum of per-opportunity expected transactions', () => {
    const history = { x: 3, tx: 5, n: 6 };
    const d = 0.15;
    let sum = 0;
    let previous = 0;
    for (let k = 1; k <= 400; k++) {
      const current = bgBb.conditionalExpectedPurchases(BTYD_RUN3, k, history);
      sum += (current - previous) / (1 + d) ** k;
      previous = current;
    }
    expect(relative(bgBb.discountedExpectedResidualTransactions(BTYD_RUN3, history, { discountRate: d }), sum)).toBeLessThan(1e-10);
  });
});

describe('bgBb numerics', () => {
  const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 };

  it('matches arbitrary-precision references for long histories (x, n up to 10,000)', () => {
    // References computed independently with mpmath (40 digits) from FHS (2010) eqs. 5, 11 and 13.
    expect(bgBb.logLikelihood(params, { x: 10_000, tx: 10_000, n: 10_000 })).toBeCloseTo(-12.286378171382912, 10);
    expect(bgBb.logLikelihood(params, { x: 3, tx: 40, n: 10_000 })).toBeCloseTo(-17.364139240919005, 10);
    expect(relative(bgBb.probabilityAlive(params, { x: 3, tx: 40, n: 10_000 }), 1.6097601198307407e-11)).toBeLessThan(1e-10);
    expect(relative(bgBb.conditionalExpectedPurchases(params, 7, { x: 3, tx: 40, n: 10_000 }), 4.730835840560753e-14)).toBeLessThan(1e-10);
  });

  it('handles γ near 1 (the closed form is 0/0) continuously', () => {
    const near = (gamma: number): number => bgBb.expectedPurchases({ ...params, gamma }, 12);
    expect(relative(near(1 - 1e-9), near(1 + 1e-9))).toBeLessThan(1e-8);
    expect(relative(near(1 - 1e-3 - 1e-12), near(1 - 1e-3 + 1e-12))).toBeLessThan(1e-9);
  });

  const paramArb = fc.record({
    alpha: fc.double({ min: 0.05, max: 20, noNaN: true }),
    beta: fc.double({ min: 0.05, max: 20, noNaN: true }),
    gamma: fc.double({ min: 0.05, max: 20, noNaN: true }),
    delta: fc.double({ min: 0.05, max: 20, noNaN: true }),
  });
  const historyArb = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
    .map(([a, b, c]) => {
      const [x, tx, n] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
      return x === 0 ? { x: 0, tx: 0, n } : { x, tx: Math.max(tx, 1), n: Math.max(n, 1) };
    });

  it('P(alive) lies in [0, 1] and decreases with the horizon; CET increases with n*', () => {
    fc.assert(
      fc.property(paramArb, historyArb, fc.integer({ min: 0, max: 30 }), (p, h, m) => {
        const now = bgBb.probabilityAlive(p, h, { periodsAhead: m });
        const later = bgBb.probabilityAlive(p, h, { periodsAhead: m + 1 });
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(later).toBeLessThanOrEqual(now * (1 + 1e-12));
        const cet = bgBb.conditionalExpectedPurchases(p, m, h);
        expect(bgBb.conditionalExpectedPurchases(p, m + 1, h)).toBeGreaterThanOrEqual(cet * (1 - 1e-12));
      }),
      { numRuns: 200 },
    );
  });

  it('P(X(n) = x) sums to 1 and its mean is E[X(n)]', () => {
    fc.assert(
      fc.property(paramArb, fc.integer({ min: 0, max: 25 }), (p, n) => {
        let total = 0;
        let mean = 0;
        for (let x = 0; x <= n; x++) {
          const probability = bgBb.probabilityOfPurchases(p, x, n);
          total += probability;
          mean += x * probability;
        }
        expect(total).toBeCloseTo(1, 9);
        expect(mean).toBeCloseTo(bgBb.expectedPurchases(p, n), 8);
      }),
      { numRuns: 100 },
    );
  });

  it('the likelihood sums to 1 over all histories of n opportunities', () => {
    fc.assert(
      fc.property(paramArb, fc.integer({ min: 0, max: 8 }), (p, n) => {
        // Histories (x, t_x) have C(t_x − 1, x − 1) sequences each; the likelihood is per sequence.
        let total = Math.exp(bgBb.logLikelihood(p, { x: 0, tx: 0, n }));
        const choose = (a: number, b: number): number => (b < 0 || b > a ? 0 : b === 0 ? 1 : (choose(a - 1, b - 1) * a) / b);
        for (let tx = 1; tx <= n; tx++) {
          for (let x = 1; x <= tx; x++) total += choose(tx - 1, x - 1) * Math.exp(bgBb.logLikelihood(p, { x, tx, n }));
        }
        expect(total).toBeCloseTo(1, 10);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects invalid histories and parameters as programmer errors', () => {
    expect(() => bgBb.probabilityAlive(params, { x: 3, tx: 2, n: 6 })).toThrow(/\[clientele\]/);
    expect(() => bgBb.expectedPurchases({ ...params, alpha: 0 }, 3)).toThrow(/\[clientele\]/);
    expect(() => bgBb.conditionalExpectedPurchases(params, 1.5, { x: 0, tx: 0, n: 6 })).toThrow(/\[clientele\]/);
    expect(() => bgBb.discountedExpectedResidualTransactions(params, { x: 0, tx: 0, n: 6 }, { discountRate: 0 })).toThrow(/\[clientele\]/);
  });
});

describe('bgBb.simulate', () => {
  it('is deterministic for a seed and consistent with the histories it reports', () => {
    const a = bgBb.simulate(PUBLISHED, { customers: 500, n: 6, holdout: 5, seed: 'donors' });
    const b = bgBb.simulate(PUBLISHED, { customers: 500, n: 6, holdout: 5, seed: 'donors' });
    expect(a).toEqual(b);
    for (let i = 0; i < 500; i++) {
      expect(a.x[i]).toBeLessThanOrEqual(a.tx[i]!);
      expect(a.tx[i]).toBeLessThanOrEqual(a.n[i]!);
      expect(a.holdoutPurchases![i]).toBeLessThanOrEqual(5);
      if (a.alive[i] === 0) expect(a.holdoutPurchases![i]).toBe(0);
    }
    const perCustomer = bgBb.simulate(PUBLISHED, { n: [1, 2, 3], seed: 1 });
    expect(Array.from(perCustomer.n)).toEqual([1, 2, 3]);
    expect(perCustomer.holdoutPurchases).toBeUndefined();
  });

  it('recovers the parameters it was simulated with and matches the model-expected frequencies', () => {
    const simulated = bgBb.simulate(PUBLISHED, { customers: 40_000, n: 6, holdout: 5, seed: 2010 });
    const refit = bgBb.fit(simulated, { timeUnit: simulated.timeUnit });
    expect(refit.converged).toBe(true);
    const counts = new Array<number>(7).fill(0);
    for (const x of simulated.x) counts[x]!++;
    const expected = bgBb.expectedCustomersByPurchases(PUBLISHED, simulated);
    counts.forEach((count, x) => { expect(Math.abs(count - expected[x]!)).toBeLessThan(4 * Math.sqrt(expected[x]!) + 5); });
    for (const name of ['alpha', 'beta', 'gamma', 'delta'] as const) {
      expect(Math.abs(refit.params[name] - PUBLISHED[name])).toBeLessThan(4 * refit.standardErrors[name]);
    }
    const holdoutActual = simulated.holdoutPurchases!.reduce((sum, v) => sum + v, 0);
    const holdoutPredicted = bgBb.conditionalExpectedPurchasesColumns(PUBLISHED, 5, simulated).reduce((sum, v) => sum + v, 0);
    expect(relative(holdoutPredicted, holdoutActual)).toBeLessThan(0.03);
    // The share alive at n agrees with the model's P(alive at n).
    const aliveShare = simulated.alive.reduce((sum, v) => sum + v, 0) / 40_000;
    const predictedAlive = bgBb.probabilityAliveColumns(PUBLISHED, simulated, { periodsAhead: 0 }).reduce((sum, v) => sum + v, 0) / 40_000;
    expect(Math.abs(aliveShare - predictedAlive)).toBeLessThan(0.01);
  });
});

describe('bgBb columnar predictions', () => {
  it('equal the per-customer functions', () => {
    const columns = { x: donations.map((r) => r.x), tx: donations.map((r) => r.tx), n: donations.map((r) => r.n) };
    const alive = bgBb.probabilityAliveColumns(BTYD_RUN3, columns);
    const cet = bgBb.conditionalExpectedPurchasesColumns(BTYD_RUN3, 5, columns);
    const dert = bgBb.discountedExpectedResidualTransactionsColumns(BTYD_RUN3, columns, { discountRate: 0.1 });
    donations.forEach((row, i) => {
      expect(alive[i]).toBe(bgBb.probabilityAlive(BTYD_RUN3, row));
      expect(cet[i]).toBe(bgBb.conditionalExpectedPurchases(BTYD_RUN3, 5, row));
      expect(dert[i]).toBe(bgBb.discountedExpectedResidualTransactions(BTYD_RUN3, row, { discountRate: 0.1 }));
    });
    expect(() => bgBb.probabilityAliveColumns(BTYD_RUN3, { x: [1], tx: [1], n: [] })).toThrow(/\[clientele\]/);
  });
});
