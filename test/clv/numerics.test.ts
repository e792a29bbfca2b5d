import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as bgNbd from '../../src/clv/bg-nbd.js';
import * as mbgNbd from '../../src/clv/mbg-nbd.js';
import { betaGeometricDiscountedPurchases, betaGeometricDiscountedPurchasesEvaluator } from '../../src/clv/numerics.js';

const relative = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe('betaGeometricDiscountedPurchasesEvaluator (Laplace-transform quadrature of the BG/NBD-type DERT)', () => {
  it('agrees with the exact series to 1e-9 on a dense grid of x, T, δ, a and b (both offsets)', () => {
    const shapes = [
      { r: 0.2426, alpha: 4.4135, a: 0.793, b: 2.426 }, // CDNOW, weeks
      { r: 0.05, alpha: 0.2, a: 0.15, b: 0.3 }, // a < 1, b < 1, day-level α
      { r: 2.5, alpha: 60, a: 1, b: 1 }, // a = 1 (E[1/p] on the edge of divergence)
      { r: 0.8, alpha: 12, a: 6, b: 40 }, // a > 1, concentrated dropout
    ];
    let worst = 0;
    let cases = 0;
    for (const { r, alpha, a, b } of shapes) {
      const evaluate = betaGeometricDiscountedPurchasesEvaluator(a);
      for (const x of [0, 1, 4, 25, 300, 10_000])
        for (const T of [0.5, 30, 700, 10_000])
          for (const delta of [1e-5, 0.0018, 0.05, 1])
            for (const offset of [0, 1]) {
              const R = r + x;
              const A = alpha + T;
              const B = b + x + offset;
              const exact = betaGeometricDiscountedPurchases(R, A, a, B, delta);
              const fast = evaluate(R, A, B, delta);
              worst = Math.max(worst, relative(fast, exact));
              cases++;
            }
    }
    expect(cases).toBe(768);
    expect(worst).toBeLessThan(1e-9);
  });

  it('agrees with the exact series to 1e-9 for random parameters over the promised ranges (property)', () => {
    const logUniform = (lo: number, hi: number) =>
      fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
    fc.assert(
      fc.property(
        fc.record({
          r: logUniform(0.05, 10),
          alpha: logUniform(0.1, 200),
          a: logUniform(0.1, 10),
          b: logUniform(0.1, 50),
          x: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 10_000 })),
          T: logUniform(0.1, 10_000),
          delta: logUniform(1e-5, 1),
          offset: fc.constantFrom(0, 1),
        }),
        ({ r, alpha, a, b, x, T, delta, offset }) => {
          const exact = betaGeometricDiscountedPurchases(r + x, alpha + T, a, b + x + offset, delta);
          const fast = betaGeometricDiscountedPurchasesEvaluator(a)(r + x, alpha + T, b + x + offset, delta);
          expect(relative(fast, exact)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 150, seed: 20_251_122 },
    );
  });

  it('matches values computed independently by two-dimensional quadrature in 30-digit arithmetic', () => {
    // E[λ/(δ + pλ)], λ ~ Gamma(R, A), p ~ Beta(a, B), by mpmath quad over p of the Beta density times quad over λ
    // (mp.dps = 30), independent of both the series and the Laplace transform.
    const references: [number, number, number, number, number, number][] = [
      [2.2426, 43.2735, 0.793, 4.426, 0.0018, 8.836151059542477],
      [0.2426, 43.2735, 0.793, 2.426, 0.0018, 1.3139130014997684],
      [30.25, 104, 1.8, 33.5, 0.001, 30.71242149858474],
      [7.5, 83.86, 0.4, 8.6, 0.05, 1.662121995925405],
    ];
    for (const [R, A, a, B, delta, want] of references) {
      expect(relative(betaGeometricDiscountedPurchasesEvaluator(a)(R, A, B, delta), want)).toBeLessThan(1e-12);
      expect(relative(betaGeometricDiscountedPurchases(R, A, a, B, delta), want)).toBeLessThan(1e-12);
    }
  });

  it('returns the same value whatever was evaluated before (the shared tables do not change results)', () => {
    const requests = [
      [3.25, 20, 5.5, 0.01],
      [3.25, 9000, 5.5, 1],
      [3.25, 2, 5.5, 1e-5],
      [0.25, 50, 2.5, 0.0018],
    ] as const;
    const fresh = requests.map(([R, A, B, delta]) => betaGeometricDiscountedPurchasesEvaluator(0.8)(R, A, B, delta));
    const shared = betaGeometricDiscountedPurchasesEvaluator(0.8);
    const forward = requests.map(([R, A, B, delta]) => shared(R, A, B, delta));
    const backward = [...requests].reverse().map(([R, A, B, delta]) => shared(R, A, B, delta));
    expect(forward).toEqual(fresh);
    expect(backward.reverse()).toEqual(fresh);
  });
});

describe('columnar BG/NBD and MBG/NBD DERT (batch evaluator)', () => {
  const rows = Array.from({ length: 200 }, (_, i) => {
    const x = (i * 7) % 41;
    const T = 1 + ((i * 13) % 104) + (i % 7) / 7;
    return { x, tx: x === 0 ? 0 : T * (0.2 + 0.8 * ((i % 10) / 10)), T };
  });
  const columns = { x: rows.map((r) => r.x), tx: rows.map((r) => r.tx), T: rows.map((r) => r.T) };

  it('agree with the single-customer (exact series) DERT to 1e-9, for small and large discount rates', () => {
    const bgParams = { r: 0.2426, alpha: 4.4135, a: 0.793, b: 2.426 };
    const mbgParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
    for (const discountRate of [0.00002, 0.0018, 0.3]) {
      const bg = bgNbd.discountedExpectedResidualTransactionsColumns(bgParams, columns, { discountRate });
      const mbg = mbgNbd.discountedExpectedResidualTransactionsColumns(mbgParams, columns, { discountRate });
      rows.forEach((row, i) => {
        const bgOne = bgNbd.discountedExpectedResidualTransactions(bgParams, row, { discountRate });
        const mbgOne = mbgNbd.discountedExpectedResidualTransactions(mbgParams, row, { discountRate });
        expect(relative(bg[i]!, bgOne)).toBeLessThan(1e-9);
        expect(relative(mbg[i]!, mbgOne)).toBeLessThan(1e-9);
      });
    }
  });

  it('do not depend on the order of the customers', () => {
    const params = { r: 0.2426, alpha: 4.4135, a: 0.793, b: 2.426 };
    const order = rows.map((_, i) => (i * 151) % rows.length);
    const shuffled = {
      x: order.map((k) => rows[k]!.x),
      tx: order.map((k) => rows[k]!.tx),
      T: order.map((k) => rows[k]!.T),
    };
    const direct = bgNbd.discountedExpectedResidualTransactionsColumns(params, columns, { discountRate: 0.0018 });
    const permuted = bgNbd.discountedExpectedResidualTransactionsColumns(params, shuffled, { discountRate: 0.0018 });
    order.forEach((k, i) => {
      expect(permuted[i]).toBe(direct[k]);
    });
  });
});
