import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as bgNbd from '../../src/clv/bg-nbd.js';
import type { BgNbdParams } from '../../src/clv/bg-nbd.js';
import { familyLikelihood } from '../../src/clv/beta-geometric.js';
import { prepareFit } from '../../src/clv/prepare.js';
import { toCalibrationColumns } from '../../src/clv/summary.js';
import { numericalGradient, numericalHessian } from '../../src/core/index.js';
import { btydCdnowCbs, cdnowCustomersSummary, cdnowSampleColumns, dayOf, parseCsv, readDataset } from './datasets.js';

const relative = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

/** BTYD walkthrough §4.2 estimates (bgnbd.EstimateParameters on cdnowSummary). */
const WALKTHROUGH: BgNbdParams = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
/** The rounded published values used by lifetimes' tests ("same as R BTYD"). */
const ROUNDED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Adaptive Simpson on [a, b] (test-local reference integrator). */
function simpson(f: (x: number) => number, a: number, b: number, tolerance: number): number {
  const step = (
    lo: number,
    hi: number,
    flo: number,
    fmid: number,
    fhi: number,
    whole: number,
    depth: number,
  ): number => {
    const mid = (lo + hi) / 2;
    const left = (lo + mid) / 2;
    const right = (mid + hi) / 2;
    const fl = f(left);
    const fr = f(right);
    const leftArea = ((mid - lo) / 6) * (flo + 4 * fl + fmid);
    const rightArea = ((hi - mid) / 6) * (fmid + 4 * fr + fhi);
    if (depth > 40 || Math.abs(leftArea + rightArea - whole) <= 15 * tolerance)
      return leftArea + rightArea + (leftArea + rightArea - whole) / 15;
    return step(lo, mid, flo, fl, fmid, leftArea, depth + 1) + step(mid, hi, fmid, fr, fhi, rightArea, depth + 1);
  };
  const fa = f(a);
  const fb = f(b);
  const fm = f((a + b) / 2);
  return step(a, b, fa, fm, fb, ((b - a) / 6) * (fa + 4 * fm + fb), 0);
}

describe('bgNbd.fit', () => {
  it('reproduces the CDNOW estimates on BTYD’s full-precision summary (FHL 2005, BTYD, CLVTools)', () => {
    const model = bgNbd.fit(btydCdnowCbs(), { timeUnit: 'week' });
    expect(model.kind).toBe('bgNbd');
    expect(model.converged).toBe(true);
    expect(model.timeUnit).toBe('week');
    expect(model.observations).toBe(2357);
    // Published: r 0.2426, α 4.4135, a 0.7930, b 2.4260 (issue); SciPy 0.2425941, 4.4134952, 0.7930005, 2.4261954.
    expect(relative(model.params.r, 0.2425941)).toBeLessThan(1e-3);
    expect(relative(model.params.alpha, 4.4134952)).toBeLessThan(1e-3);
    expect(relative(model.params.a, 0.7930005)).toBeLessThan(1e-3);
    expect(relative(model.params.b, 2.4261954)).toBeLessThan(1e-3);
    expect(model.logLikelihood).toBeCloseTo(-9582.4292, 2);
    expect(model.aic).toBeCloseTo(8 - 2 * model.logLikelihood, 8);
    expect(model.bic).toBeCloseTo(4 * Math.log(2357) - 2 * model.logLikelihood, 8);
    for (const se of Object.values(model.standardErrors)) expect(se).toBeGreaterThan(0);
  });

  it('gives −9582.4256 on the 2-decimal lifetimes summary (datasets README) and the same fit from the transaction log', () => {
    const rounded = bgNbd.fit(cdnowCustomersSummary(), { timeUnit: 'week' });
    expect(rounded.logLikelihood).toBeCloseTo(-9582.4256, 2);
    expect(relative(rounded.params.b, 2.426032)).toBeLessThan(1e-3);
    const summary = toCalibrationColumns(cdnowSampleColumns(), { calibrationEnd: '1997-09-30', timeUnit: 'week' });
    const fromLog = bgNbd.fit(summary);
    expect(fromLog.logLikelihood).toBeCloseTo(-9582.4292, 2);
  });

  it('fits weighted compressed rows exactly like the expanded rows', () => {
    const rows = cdnowCustomersSummary();
    const counts = new Map<string, { x: number; tx: number; T: number; weight: number }>();
    for (const { x, tx, T } of rows) {
      const key = `${x}|${tx}|${T}`;
      const entry = counts.get(key);
      if (entry === undefined) counts.set(key, { x, tx, T, weight: 1 });
      else entry.weight++;
    }
    const weighted = bgNbd.fit([...counts.values()], { timeUnit: 'week' });
    const plain = bgNbd.fit(rows, { timeUnit: 'week' });
    expect(weighted.logLikelihood).toBeCloseTo(plain.logLikelihood, 8);
    expect(weighted.params.r).toBeCloseTo(plain.params.r, 6);
  });

  it('is invariant to the time unit: P(alive) unchanged when times are scaled by 10 (lifetimes test)', () => {
    const rows = cdnowCustomersSummary();
    const weeks = bgNbd.fit(rows, { timeUnit: 'week' });
    const tenths = bgNbd.fit(
      rows.map((r) => ({ x: r.x, tx: r.tx * 10, T: r.T * 10 })),
      { timeUnit: { days: 0.7 } },
    );
    for (const r of rows.slice(0, 50)) {
      const a = bgNbd.probabilityAlive(weeks.params, r);
      const b = bgNbd.probabilityAlive(tenths.params, { x: r.x, tx: r.tx * 10, T: r.T * 10 });
      expect(Math.abs(a - b)).toBeLessThan(1e-4);
    }
  });

  it('has exact analytic gradients and Hessians (BG/NBD and MBG/NBD likelihoods)', () => {
    const data = prepareFit(btydCdnowCbs(), 'week');
    for (const offset of [0, 1] as const) {
      const ll = familyLikelihood(data, offset);
      for (const theta of [
        [0.24, 4.4, 0.79, 2.4],
        [1.5, 20, 3, 0.7],
      ]) {
        const gradient = ll.gradient(theta);
        numericalGradient((t) => ll.value(t), theta).forEach((g, i) => {
          expect(Math.abs(g - gradient[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(g)));
        });
        const hessian = ll.hessian(theta);
        numericalHessian(
          (t) => -ll.value(t),
          theta,
          (t) => ll.gradient(t).map((g) => -g),
        ).forEach((row, i) => {
          row.forEach((v, j) => {
            expect(Math.abs(-v - hessian[i]![j]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(v)));
          });
        });
      }
    }
  });

  it('leaves invalid rows out and reports them, refuses conflicting time units, and needs a time unit', () => {
    const fitted = bgNbd.fit([{ x: 1, tx: 5, T: 2 }], { timeUnit: 'week' });
    expect(fitted.rejected).toEqual([0]);
    expect(fitted.issues.map((issue) => issue.path)).toEqual(['data[0].tx']);
    expect(fitted.converged).toBe(false);
    expect(fitted.message).toBe('no valid observations');
    expect(() => bgNbd.fit([{ x: 1, tx: 1, T: 2 }])).toThrow(/time unit/);
    const summary = toCalibrationColumns(cdnowSampleColumns(), { calibrationEnd: '1997-09-30', timeUnit: 'week' });
    expect(() => bgNbd.fit(summary, { timeUnit: 'day' })).toThrow(/week/);
  });

  it('recovers simulated parameters (day-level times, 40,000 customers)', () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const ages = Float64Array.from({ length: 40_000 }, (_, i) => 26 + (i % 92) / 7);
    const data = bgNbd.simulate(truth, { T: ages, seed: 'bg-recovery', timeGrid: 1 / 7 });
    const model = bgNbd.fit(data);
    expect(model.converged).toBe(true);
    expect(relative(model.params.r, truth.r)).toBeLessThan(0.1);
    expect(relative(model.params.alpha, truth.alpha)).toBeLessThan(0.15);
    expect(relative(model.params.a, truth.a)).toBeLessThan(0.15);
    expect(relative(model.params.b, truth.b)).toBeLessThan(0.2);
  });
});

describe('bgNbd predictions', () => {
  it('reproduce the BTYD walkthrough table (customer 1516 and the “paradox” customers)', () => {
    const c1516 = { x: 26, tx: 30.85714, T: 31 };
    expect(relative(bgNbd.expectedPurchases(WALKTHROUGH, 52), 1.444004)).toBeLessThan(1e-6);
    expect(relative(bgNbd.conditionalExpectedPurchases(WALKTHROUGH, 52, c1516), 25.75659)).toBeLessThan(5e-6);
    expect(relative(bgNbd.probabilityAlive(WALKTHROUGH, c1516), 0.9688523)).toBeLessThan(1e-6);
    const paradox = [0.3474606, 0.04283391, 0.004158973, 0.0003583685];
    [10, 15, 20, 25].forEach((x, i) => {
      expect(
        relative(bgNbd.conditionalExpectedPurchases(WALKTHROUGH, 52, { x, tx: 20, T: 39 }), paradox[i]!),
      ).toBeLessThan(2e-5);
    });
  });

  it('reproduce lifetimes’ test values', () => {
    const fitted = bgNbd.fit(cdnowCustomersSummary(), { timeUnit: 'week' }).params;
    expect(
      Math.abs(bgNbd.conditionalExpectedPurchases(fitted, 39, { x: 2, tx: 30.43, T: 38.86 }) - 1.226),
    ).toBeLessThan(0.001);
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.858];
    [0.1429, 1, 3, 31.8571, 32, 78].forEach((t, i) => {
      expect(Math.abs(bgNbd.expectedPurchases(fitted, t) - expected[i]!)).toBeLessThan(5e-4);
    });
    expect(bgNbd.probabilityAlive(fitted, { x: 0, tx: 0, T: 1 })).toBe(1);
    expect(bgNbd.probabilityAlive(fitted, { x: 1000, tx: 10, T: 100 })).toBe(0);
    expect(bgNbd.probabilityOfPurchases(ROUNDED, 10, 2)).toBeCloseTo(1.07869e-7, 11);
    expect(bgNbd.probabilityOfPurchases(ROUNDED, 0, 39)).toBeCloseTo(0.5737864, 7);
    const tail = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171,
      0.0002769613, 0.000222226,
    ];
    tail.forEach((p, i) => {
      expect(bgNbd.probabilityOfPurchases(ROUNDED, 11 + i, 30)).toBeCloseTo(p, 10);
    });
  });

  it('reproduce lifetimes’ CLV test end to end (example_transactions.csv, days: summary, fit, 30-day expectations)', () => {
    const { rows } = parseCsv(readDataset('example_transactions.csv'));
    const log = {
      customerId: rows.map((row) => Number(row[1])),
      day: Int32Array.from(rows, (row) => dayOf(row[0]!.slice(0, 10))),
      amount: new Float64Array(rows.length).fill(1),
    };
    const summary = toCalibrationColumns(log, { asOf: '2014-12-31', timeUnit: 'day' });
    const firstFive = [0, 1, 2, 3, 4].map((i) => [summary.x[i], summary.tx[i], summary.T[i]]);
    expect(firstFive).toEqual([
      [0, 0, 298],
      [0, 0, 224],
      [6, 142, 292],
      [0, 0, 147],
      [2, 9, 183],
    ]);
    const model = bgNbd.fit(summary);
    // SciPy: r 0.1639, α 1.8643, a 1.8504, b 3.1812.
    expect(model.params.r).toBeCloseTo(0.1639, 3);
    expect(model.params.alpha).toBeCloseTo(1.8643, 3);
    expect(model.params.a).toBeCloseTo(1.8504, 3);
    expect(model.params.b).toBeCloseTo(3.1812, 3);
    const expected = [0.016053, 0.021171, 0.030461, 0.031686, 0.001607];
    firstFive.forEach(([x, tx, T], i) => {
      expect(bgNbd.conditionalExpectedPurchases(model.params, 30, { x: x!, tx: tx!, T: T! })).toBeCloseTo(
        expected[i]!,
        6,
      );
    });
  });

  it('form a distribution: Σₙ P(X(t) = n) = 1 and Σₙ n P(X(t) = n) = E[X(t)]', () => {
    for (const t of [1, 39, 200]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 4000; n++) {
        const p = bgNbd.probabilityOfPurchases(WALKTHROUGH, n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 9);
      expect(relative(mean, bgNbd.expectedPurchases(WALKTHROUGH, t))).toBeLessThan(1e-6);
    }
  });

  it('expects customers by calibration purchases summing to the cohort', () => {
    const summary = btydCdnowCbs();
    const expected = bgNbd.expectedCustomersByPurchases(WALKTHROUGH, summary, { maxPurchases: 7 });
    expect(expected).toHaveLength(8);
    expect(expected.reduce((s, v) => s + v, 0)).toBeCloseTo(2357, 6);
    expect(expected[0]).toBeGreaterThan(1350);
    expect(expected[0]).toBeLessThan(1450);
  });

  it('DERT equals δ∫e^(−δt) E[X(T, T+t]] dt computed from the conditional expectation', () => {
    const delta = 0.02;
    for (const customer of [
      { x: 0, tx: 0, T: 38.86 },
      { x: 2, tx: 30.43, T: 38.86 },
      { x: 26, tx: 30.857, T: 31 },
    ]) {
      const dert = bgNbd.discountedExpectedResidualTransactions(WALKTHROUGH, customer, { discountRate: delta });
      // t = −ln(u)/δ maps (0, ∞) to (0, 1]; the integrand δ e^(−δt) CET(t) dt becomes CET(−ln u/δ) du.
      const reference = simpson(
        (u) => (u === 0 ? 0 : bgNbd.conditionalExpectedPurchases(WALKTHROUGH, -Math.log(u) / delta, customer)),
        0,
        1,
        1e-9,
      );
      expect(relative(dert, reference)).toBeLessThan(1e-5);
    }
  });

  it('give the same values in columns and per customer', () => {
    const rows = btydCdnowCbs().slice(0, 300);
    const columns = { x: rows.map((r) => r.x), tx: rows.map((r) => r.tx), T: rows.map((r) => r.T) };
    const alive = bgNbd.probabilityAliveColumns(WALKTHROUGH, columns);
    const cet = bgNbd.conditionalExpectedPurchasesColumns(WALKTHROUGH, 39, columns);
    const dert = bgNbd.discountedExpectedResidualTransactionsColumns(WALKTHROUGH, columns, { discountRate: 0.01 });
    rows.forEach((row, i) => {
      expect(alive[i]).toBe(bgNbd.probabilityAlive(WALKTHROUGH, row));
      expect(cet[i]).toBeCloseTo(bgNbd.conditionalExpectedPurchases(WALKTHROUGH, 39, row), 12);
      expect(dert[i]).toBeCloseTo(
        bgNbd.discountedExpectedResidualTransactions(WALKTHROUGH, row, { discountRate: 0.01 }),
        12,
      );
    });
  });

  it('stay finite with P(alive) in [0, 1] for x up to 10,000 and T up to 10,000', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.01, max: 20, noNaN: true }),
          alpha: fc.double({ min: 0.01, max: 1000, noNaN: true }),
          a: fc.double({ min: 0.01, max: 20, noNaN: true }),
          b: fc.double({ min: 0.01, max: 20, noNaN: true }),
        }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        (params, x, share, T, t) => {
          const customer = { x, tx: x === 0 ? 0 : share * T, T };
          const alive = bgNbd.probabilityAlive(params, customer);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const cet = bgNbd.conditionalExpectedPurchases(params, t, customer);
          expect(Number.isFinite(cet)).toBe(true);
          expect(cet).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(bgNbd.expectedPurchases(params, t))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('simulate deterministically from a seed', () => {
    const a = bgNbd.simulate(WALKTHROUGH, { customers: 100, T: 39, seed: 3, holdout: 39 });
    const b = bgNbd.simulate(WALKTHROUGH, { customers: 100, T: 39, seed: 3, holdout: 39 });
    expect(a).toEqual(b);
    expect(a.holdoutPurchases).toHaveLength(100);
    for (let i = 0; i < 100; i++) expect(a.tx[i]).toBeLessThanOrEqual(39);
  });
});
