import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as bgNbd from '../../src/clv/bg-nbd.js';
import * as mbgNbd from '../../src/clv/mbg-nbd.js';
import type { MbgNbdParams } from '../../src/clv/mbg-nbd.js';
import { cdnowCustomersSummary } from './datasets.js';

const relative = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

/** SciPy MLE on the 2-decimal CDNOW summary (clv-anchors §1.4). */
const SCIPY: MbgNbdParams = { r: 0.524838, alpha: 6.183001, a: 0.891356, b: 1.614004 };

describe('mbgNbd.fit', () => {
  it('reproduces the BTYDplus / lifetimes CDNOW estimates', () => {
    const model = mbgNbd.fit(cdnowCustomersSummary(), { timeUnit: 'week' });
    expect(model.kind).toBe('mbgNbd');
    expect(model.converged).toBe(true);
    // lifetimes (decimal=3, "See BTYDplus"): r 0.525, α 6.183, a 0.891, b 1.614.
    expect(relative(model.params.r, 0.525)).toBeLessThan(1e-3);
    expect(relative(model.params.alpha, 6.183)).toBeLessThan(1e-3);
    expect(relative(model.params.a, 0.891)).toBeLessThan(1e-3);
    expect(relative(model.params.b, 1.614)).toBeLessThan(1e-3);
    expect(model.logLikelihood).toBeCloseTo(-9582.1327, 2);
  });

  it('recovers simulated parameters', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.9, b: 1.6 };
    const ages = Float64Array.from({ length: 40_000 }, (_, i) => 26 + (i % 92) / 7);
    const model = mbgNbd.fit(mbgNbd.simulate(truth, { T: ages, seed: 'mbg-recovery' }));
    expect(model.converged).toBe(true);
    expect(relative(model.params.r, truth.r)).toBeLessThan(0.1);
    expect(relative(model.params.alpha, truth.alpha)).toBeLessThan(0.15);
    expect(relative(model.params.a, truth.a)).toBeLessThan(0.2);
    expect(relative(model.params.b, truth.b)).toBeLessThan(0.2);
  });
});

describe('mbgNbd predictions', () => {
  it('reproduce lifetimes’ and SciPy’s values', () => {
    // lifetimes: CET(39 | 2, 30.43, 38.86) = 1.226 ± 0.05; SciPy 1.2627.
    const cet = mbgNbd.conditionalExpectedPurchases(SCIPY, 39, { x: 2, tx: 30.43, T: 38.86 });
    expect(Math.abs(cet - 1.226)).toBeLessThan(0.05);
    expect(cet).toBeCloseTo(1.2627, 3);
    // One-time buyers are not surely alive (SciPy 0.6442 for frequency 0, recency 1, T 1).
    expect(mbgNbd.probabilityAlive(SCIPY, { x: 0, tx: 1, T: 1 })).toBeCloseTo(0.6442, 4);
    expect(mbgNbd.probabilityAlive(SCIPY, { x: 0, tx: 0, T: 1 })).toBeLessThan(1);
    // Expected purchases within rtol 0.05 of the BG/NBD values at the BG/NBD times.
    const bg = bgNbd.fit(cdnowCustomersSummary(), { timeUnit: 'week' }).params;
    for (const t of [0.1429, 1, 3, 31.8571, 32, 78]) {
      expect(relative(mbgNbd.expectedPurchases(SCIPY, t), bgNbd.expectedPurchases(bg, t))).toBeLessThan(0.05);
    }
  });

  it('form a distribution whose mean is the expected purchases', () => {
    for (const t of [2, 39, 150]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 3000; n++) {
        const p = mbgNbd.probabilityOfPurchases(SCIPY, n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 9);
      expect(relative(mean, mbgNbd.expectedPurchases(SCIPY, t))).toBeLessThan(1e-6);
    }
  });

  it('agree with simulation: the conditional expectation matches the simulated holdout purchases', () => {
    const simulated = mbgNbd.simulate(SCIPY, {
      customers: 40_000,
      T: 39,
      holdout: 39,
      seed: 'mbg-holdout',
      timeGrid: 1 / 7,
    });
    let actual = 0;
    let predicted = 0;
    for (let i = 0; i < simulated.x.length; i++) {
      actual += simulated.holdoutPurchases![i]!;
      predicted += mbgNbd.conditionalExpectedPurchases(SCIPY, 39, { x: simulated.x[i]!, tx: simulated.tx[i]!, T: 39 });
    }
    expect(relative(predicted, actual)).toBeLessThan(0.03);
  });

  it('DERT equals δ∫e^(−δt) E[X(T, T+t]] dt', () => {
    const delta = 0.015;
    for (const customer of [
      { x: 0, tx: 0, T: 30 },
      { x: 4, tx: 20, T: 30 },
    ]) {
      const dert = mbgNbd.discountedExpectedResidualTransactions(SCIPY, customer, { discountRate: delta });
      const steps = 20_000;
      let reference = 0;
      for (let k = 0; k < steps; k++) {
        // u = e^(−δt) on (0, 1); midpoint rule in v = u² to soften the u → 0 end.
        const v = (k + 0.5) / steps;
        const u = v * v;
        reference += 2 * v * mbgNbd.conditionalExpectedPurchases(SCIPY, -Math.log(u) / delta, customer);
      }
      reference /= steps;
      expect(relative(dert, reference)).toBeLessThan(1e-4);
    }
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
          const alive = mbgNbd.probabilityAlive(params, customer);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const cet = mbgNbd.conditionalExpectedPurchases(params, t, customer);
          expect(Number.isFinite(cet)).toBe(true);
          expect(cet).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
