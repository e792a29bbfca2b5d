import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as paretoNbd from '../../src/clv/pareto-nbd.js';
import type { ParetoNbdParams } from '../../src/clv/pareto-nbd.js';
import { paretoLikelihood } from '../../src/clv/pareto-nbd-likelihood.js';
import { prepareFit } from '../../src/clv/prepare.js';
import { toCalibrationColumns } from '../../src/clv/summary.js';
import { numericalGradient } from '../../src/core/index.js';
import { apparelColumns, btydCdnowCbs, cdnowCustomersSummary } from './datasets.js';

const relative = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

/** BTYD's cdnowSummary$est.params. */
const BTYD: ParetoNbdParams = { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 };

describe('paretoNbd.fit', () => {
  it('reproduces the CDNOW estimates and standard errors (FHL 2005, BTYD, CLVTools)', () => {
    const model = paretoNbd.fit(btydCdnowCbs(), { timeUnit: 'week' });
    expect(model.kind).toBe('paretoNbd');
    expect(model.converged).toBe(true);
    // Published r 0.5533, α 10.578, s 0.6062, β ≈ 11.67; SciPy 0.55328, 10.577714, 0.60623, 11.668419.
    expect(relative(model.params.r, 0.55328)).toBeLessThan(1e-3);
    expect(relative(model.params.alpha, 10.577714)).toBeLessThan(1e-3);
    expect(relative(model.params.s, 0.60623)).toBeLessThan(1e-3);
    expect(Math.abs(model.params.beta - 11.67)).toBeLessThan(0.02); // the likelihood is flat in β
    expect(model.logLikelihood).toBeCloseTo(-9594.9762, 2);
    // CLVTools correct.se (tolerance 0.001 there; β's is the flattest direction).
    expect(relative(model.standardErrors.r, 0.0476264)).toBeLessThan(2e-3);
    expect(relative(model.standardErrors.alpha, 0.8427222)).toBeLessThan(2e-3);
    expect(relative(model.standardErrors.s, 0.1872594)).toBeLessThan(2e-3);
    expect(relative(model.standardErrors.beta, 6.2105448)).toBeLessThan(1e-2);
    const rounded = paretoNbd.fit(cdnowCustomersSummary(), { timeUnit: 'week' });
    expect(rounded.logLikelihood).toBeCloseTo(-9594.9739, 2);
  });

  it('has an exact analytic gradient (both hypergeometric branches)', () => {
    const likelihood = paretoLikelihood(prepareFit(btydCdnowCbs(), 'week'));
    for (const theta of [
      [0.55, 10.58, 0.61, 11.67],
      [0.55, 15.58, 0.61, 1.67],
      [1.2, 3, 2.5, 40],
      [0.3, 8, 1, 8],
    ]) {
      const analytic = likelihood.gradient(theta);
      const numeric = numericalGradient((t) => likelihood.value(t), theta);
      analytic.forEach((g, i) => {
        expect(Math.abs(g - numeric[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(g)));
      });
    }
  });

  it('reproduces the CLVTools README fit and predictions on the apparel data (40-week split)', () => {
    const summary = toCalibrationColumns(apparelColumns(), { calibrationEnd: '2005-10-10', timeUnit: 'week' });
    expect(summary.x.length).toBe(250);
    expect(summary.x.reduce((s, v) => s + v, 0)).toBe(1061);
    const model = paretoNbd.fit(summary);
    expect(relative(model.params.r, 0.7866)).toBeLessThan(1e-3);
    expect(relative(model.params.alpha, 5.3349)).toBeLessThan(1e-3);
    expect(relative(model.params.s, 0.357)).toBeLessThan(1e-3);
    expect(relative(model.params.beta, 11.6152)).toBeLessThan(1e-3);
    expect(model.logLikelihood).toBeCloseTo(-2879.4699, 2);
    expect(model.aic).toBeCloseTo(5766.9399, 1);
    expect(model.bic).toBeCloseTo(5781.0257, 1);
    expect(relative(model.standardErrors.r, 0.1324)).toBeLessThan(2e-3);
    expect(relative(model.standardErrors.alpha, 0.9027)).toBeLessThan(2e-3);
    expect(relative(model.standardErrors.s, 0.1838)).toBeLessThan(2e-3);
    // README: Id, PAlive, CET (39.857 weeks), DERT (continuous 0.1 per week).
    const readme: [string, number, number, number][] = [
      ['1', 0.3571791, 0.2212506, 0.05848859],
      ['10', 0.4225636, 0.9272819, 0.24513121],
      ['100', 0.9155479, 13.544863, 3.58064629],
      ['1000', 0.996778, 13.176697, 3.48331993],
      ['1001', 0.5098134, 3.5275846, 0.93253307],
      ['1222', 0.4136156, 0.5819279, 0.15383529],
    ];
    for (const [id, alive, cet, dert] of readme) {
      const i = summary.customerId.indexOf(id);
      const customer = { x: summary.x[i]!, tx: summary.tx[i]!, T: summary.T[i]! };
      expect(relative(paretoNbd.probabilityAlive(model.params, customer), alive)).toBeLessThan(5e-5);
      expect(relative(paretoNbd.conditionalExpectedPurchases(model.params, 279 / 7, customer), cet)).toBeLessThan(5e-5);
      expect(
        relative(paretoNbd.discountedExpectedResidualTransactions(model.params, customer, { discountRate: 0.1 }), dert),
      ).toBeLessThan(5e-5);
    }
  });

  it('recovers simulated parameters', () => {
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 12 };
    const ages = Float64Array.from({ length: 30_000 }, (_, i) => 40 + (i % 105) / 7);
    const model = paretoNbd.fit(paretoNbd.simulate(truth, { T: ages, seed: 'pareto-recovery' }));
    expect(model.converged).toBe(true);
    expect(relative(model.params.r, truth.r)).toBeLessThan(0.1);
    expect(relative(model.params.alpha, truth.alpha)).toBeLessThan(0.15);
    expect(relative(model.params.s, truth.s)).toBeLessThan(0.3);
    expect(relative(model.params.beta, truth.beta)).toBeLessThan(0.5);
  });

  it('reaches the same optimum with the subsample warm start as from a cold start (large data)', () => {
    // 60,000 day-level customers → about 19,000 compressed rows, above the 15,000-row warm-start threshold.
    const truth = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
    const ages = Float64Array.from({ length: 60_000 }, (_, i) => 1 + (i % 365) / 7);
    const data = paretoNbd.simulate(truth, { T: ages, seed: 'pareto-warm', timeGrid: 1 / 7 });
    const warm = paretoNbd.fit(data);
    // An explicit starting point disables the warm start.
    const cold = paretoNbd.fit(data, { initialParams: { r: 1, alpha: 1, s: 1, beta: 20 } });
    expect(warm.converged).toBe(true);
    expect(cold.converged).toBe(true);
    for (const name of ['r', 'alpha', 's', 'beta'] as const) {
      expect(relative(warm.params[name], cold.params[name]), name).toBeLessThan(1e-6);
      expect(relative(warm.standardErrors[name], cold.standardErrors[name]), name).toBeLessThan(1e-4);
    }
    expect(Math.abs(warm.logLikelihood - cold.logLikelihood)).toBeLessThan(1e-6);
  });
});

describe('paretoNbd predictions', () => {
  const fitted = paretoNbd.fit(btydCdnowCbs(), { timeUnit: 'week' }).params;

  it('reproduce the BTYD walkthrough and lifetimes’ test values', () => {
    // P(alive) of customer 1516 at BTYD's estimates (walkthrough p. 8, lifetimes ±0.001).
    expect(
      paretoNbd.probabilityAlive({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, { x: 26, tx: 30.86, T: 31 }),
    ).toBeCloseTo(0.99792, 4);
    expect(
      Math.abs(paretoNbd.conditionalExpectedPurchases(fitted, 52, { x: 26, tx: 30.86, T: 31 }) - 25.46),
    ).toBeLessThan(0.01);
    // Walkthrough at its own estimates: E[X(52)] 1.473434, CET 25.45647, P(alive) 0.997874 (β is flat: 4th digit).
    expect(relative(paretoNbd.expectedPurchases(fitted, 52), 1.473434)).toBeLessThan(5e-4);
    expect(
      relative(paretoNbd.conditionalExpectedPurchases(fitted, 52, { x: 26, tx: 30.85714, T: 31 }), 25.45647),
    ).toBeLessThan(1e-4);
    expect(relative(paretoNbd.probabilityAlive(BTYD, { x: 26, tx: 30.85714, T: 31 }), 0.997874)).toBeLessThan(1e-5);
    const paradox = [0.7062289, 0.1442396, 0.02250658, 0.00309267];
    [10, 15, 20, 25].forEach((x, i) => {
      expect(
        relative(paretoNbd.conditionalExpectedPurchases(fitted, 52, { x, tx: 20, T: 39 }), paradox[i]!),
      ).toBeLessThan(2e-3);
    });
    // lifetimes (atol 0.01, "From BTYD.pdf") and SciPy at the MLE (0.051007, 0.099627, 0.146135, …).
    const lifetimes = [
      0, 0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211,
    ];
    const scipy = [0, 0.051007, 0.099627, 0.146135, 0.190759, 0.233687, 0.275081, 0.315078, 0.353796, 0.391338];
    for (let t = 0; t <= 9; t++) {
      expect(Math.abs(paretoNbd.expectedPurchases(fitted, t) - lifetimes[t]!)).toBeLessThan(0.01);
      expect(Math.abs(paretoNbd.expectedPurchases(fitted, t) - scipy[t]!)).toBeLessThan(2e-5);
    }
  });

  it('survive lifetimes’ underflow and overflow guards', () => {
    const p = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
    const a = paretoNbd.conditionalExpectedPurchases(p, 10, { x: 132, tx: 200, T: 200 });
    const b = paretoNbd.conditionalExpectedPurchases(p, 10, { x: 133, tx: 200, T: 200 });
    expect(Math.abs(a - b)).toBeLessThan(0.05);
    expect(a).toBeCloseTo(6.2061, 3);
    const q = { r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 };
    for (const [x, tx, T] of [
      [400, 5, 6],
      [500, 1, 37],
      [500, 4, 37],
      [40, 5, 6],
      [50, 1, 37],
      [50, 4, 37],
    ] as const) {
      const alive = paretoNbd.probabilityAlive(q, { x, tx, T });
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
    }
    const ll = paretoLikelihood(
      prepareFit(
        [
          { x: 400, tx: 5, T: 6 },
          { x: 500, tx: 1, T: 37 },
          { x: 500, tx: 4, T: 37 },
        ],
        'week',
      ),
    );
    expect(Number.isFinite(ll.value([q.r, q.alpha, q.s, q.beta]))).toBe(true);
  });

  it('give P(X(t) = n) matching the integral over the lifetime (mpmath) and forming a distribution', () => {
    // mpmath: (β/(β+t))^s NB_t(n) + ∫₀ᵗ f_τ(τ) NB_τ(n) dτ at 40 digits.
    const cases: [ParetoNbdParams, number, number, number][] = [
      [{ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 39, 0, 0.5960197918778922],
      [{ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 39, 3, 0.04868487561162896],
      [{ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 5, 7, 5.969044644237809e-5],
      [{ r: 0.55, alpha: 5.58, s: 0.61, beta: 11.67 }, 39, 3, 0.05810365189038704],
      [{ r: 0.55, alpha: 15.58, s: 0.61, beta: 1.67 }, 39, 3, 0.01717597831167522],
    ];
    for (const [p, t, n, want] of cases)
      expect(relative(paretoNbd.probabilityOfPurchases(p, n, t), want)).toBeLessThan(1e-9);
    for (const t of [1, 39]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 200; n++) {
        const p = paretoNbd.probabilityOfPurchases(BTYD, n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 6);
      expect(relative(mean, paretoNbd.expectedPurchases(BTYD, t))).toBeLessThan(1e-4);
    }
    // Tiny probabilities where the closed form cancels: the quadrature path stays positive and small.
    const tiny = paretoNbd.probabilityOfPurchases(BTYD, 60, 1);
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThan(1e-40);
  });

  it('DERT reproduces BTYD’s pnbd.DERT example and equals δ∫e^(−δt) E[X(T, T+t]] dt', () => {
    const example = { r: 0.5629966, alpha: 12.559037, s: 0.4081095, beta: 10.5148048 };
    expect(
      relative(
        paretoNbd.discountedExpectedResidualTransactions(example, { x: 7, tx: 35, T: 77.86 }, { discountRate: 0.0027 }),
        1.86418,
      ),
    ).toBeLessThan(5e-6);
    // Closed form of the integral for a customer: (r+x)/(α+T)·∫ e^(−δt)((β+T)/(β+T+t))^s dt P(alive).
    for (const s of [0.4081095, 1, 2, 3.5]) {
      const p = { ...example, s };
      const customer = { x: 3, tx: 20, T: 40 };
      const delta = 0.01;
      const steps = 200_000;
      let integral = 0;
      // ∫₀^∞ e^(−δt) S(t) dt with u = e^(−δt): (1/δ)∫₀¹ S(−ln u/δ) du, midpoint rule (smooth integrand).
      for (let k = 0; k < steps; k++) {
        const u = (k + 0.5) / steps;
        integral += ((p.beta + customer.T) / (p.beta + customer.T - Math.log(u) / delta)) ** s;
      }
      integral /= steps * delta;
      const expected =
        paretoNbd.probabilityAlive(p, customer) * ((p.r + customer.x) / (p.alpha + customer.T)) * integral;
      expect(
        relative(paretoNbd.discountedExpectedResidualTransactions(p, customer, { discountRate: delta }), expected),
      ).toBeLessThan(1e-5);
    }
  });

  it('give the same values in columns and per customer', () => {
    const rows = btydCdnowCbs().slice(0, 200);
    const columns = { x: rows.map((r) => r.x), tx: rows.map((r) => r.tx), T: rows.map((r) => r.T) };
    const alive = paretoNbd.probabilityAliveColumns(BTYD, columns);
    const cet = paretoNbd.conditionalExpectedPurchasesColumns(BTYD, 39, columns);
    const dert = paretoNbd.discountedExpectedResidualTransactionsColumns(BTYD, columns, { discountRate: 0.01 });
    rows.forEach((row, i) => {
      expect(alive[i]).toBe(paretoNbd.probabilityAlive(BTYD, row));
      expect(cet[i]).toBeCloseTo(paretoNbd.conditionalExpectedPurchases(BTYD, 39, row), 12);
      expect(dert[i]).toBeCloseTo(
        paretoNbd.discountedExpectedResidualTransactions(BTYD, row, { discountRate: 0.01 }),
        12,
      );
    });
    expect(
      paretoNbd.expectedCustomersByPurchases(BTYD, rows, { maxPurchases: 5 }).reduce((s, v) => s + v, 0),
    ).toBeCloseTo(200, 6);
  });

  it('stay finite with P(alive) in [0, 1] for x up to 10,000 and T up to 10,000', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.01, max: 20, noNaN: true }),
          alpha: fc.double({ min: 0.01, max: 1000, noNaN: true }),
          s: fc.double({ min: 0.01, max: 20, noNaN: true }),
          beta: fc.double({ min: 0.01, max: 1000, noNaN: true }),
        }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        (params, x, share, T, t) => {
          const customer = { x, tx: x === 0 ? 0 : share * T, T };
          const alive = paretoNbd.probabilityAlive(params, customer);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const cet = paretoNbd.conditionalExpectedPurchases(params, t, customer);
          expect(Number.isFinite(cet)).toBe(true);
          expect(cet).toBeGreaterThanOrEqual(0);
          const dert = paretoNbd.discountedExpectedResidualTransactions(params, customer, { discountRate: 0.01 });
          expect(Number.isFinite(dert)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
