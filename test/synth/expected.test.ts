import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { betaln, createRng } from '../../src/core/index.js';
import { DEFAULT_SYNTH_PARAMETERS, expectedPurchaseStatistics, solvePurchaseScale } from '../../src/synth/index.js';

/** Brute force: midpoint rule over p on a fine grid for a smooth Beta density (a, b > 1), closed form in λ and t. */
function bruteForce(r: number, alpha: number, a: number, b: number, windowDays: number): { purchases: number; alive: number } {
  const steps = 4000;
  let purchases = 0;
  let alive = 0;
  let mass = 0;
  for (let k = 0; k < steps; k++) {
    const p = (k + 0.5) / steps;
    const density = Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p) - betaln(a, b)) / steps;
    // Average over t in [0, W] with 200 midpoints of (1 - (α/(α+pt))^r)/p and (α/(α+pt))^r.
    let repeats = 0;
    let survive = 0;
    for (let j = 0; j < 200; j++) {
      const t = ((j + 0.5) / 200) * windowDays;
      const s = Math.pow(alpha / (alpha + p * t), r);
      repeats += (1 - s) / p / 200;
      survive += s / 200;
    }
    purchases += density * repeats;
    alive += density * survive;
    mass += density;
  }
  return { purchases: 1 + purchases / mass, alive: alive / mass };
}

describe('expectedPurchaseStatistics', () => {
  it('agrees with brute-force integration on smooth parameters', () => {
    for (const [r, alpha, a, b] of [
      [0.75, 9, 2, 5],
      [1, 20, 3, 8],
      [2.5, 40, 1.5, 2],
    ] as const) {
      const exact = expectedPurchaseStatistics({ r, alpha, a, b }, 365);
      const brute = bruteForce(r, alpha, a, b, 365);
      expect(exact.purchasesPerCustomer).toBeCloseTo(brute.purchases, 3);
      expect(exact.shareAlive).toBeCloseTo(brute.alive, 4);
      expect(exact.repeatPurchasesPerCustomer).toBeCloseTo(exact.purchasesPerCustomer - 1, 12);
    }
  });

  it('is continuous across r = 1 (log form) and as p → 0 (series form)', () => {
    const below = expectedPurchaseStatistics({ r: 1 - 1e-9, alpha: 10, a: 0.5, b: 3 }, 730);
    const at = expectedPurchaseStatistics({ r: 1, alpha: 10, a: 0.5, b: 3 }, 730);
    expect(at.purchasesPerCustomer).toBeCloseTo(below.purchasesPerCustomer, 6);
    expect(at.shareAlive).toBeCloseTo(below.shareAlive, 6);
  });

  it('agrees with a Monte Carlo simulation of the process (CDNOW shapes, singular Beta density)', () => {
    const process = { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 };
    const rng = createRng('mc');
    let purchases = 0;
    let alive = 0;
    const n = 60_000;
    for (let i = 0; i < n; i++) {
      const lambda = rng.gamma(process.r, process.alpha);
      const p = rng.beta(process.a, process.b);
      const exposure = rng.uniform() * 546;
      let t = 0;
      let count = 1;
      let active = true;
      for (;;) {
        t += rng.exponential(lambda);
        if (t > exposure) break;
        count++;
        if (rng.uniform() < p) {
          active = false;
          break;
        }
      }
      purchases += count;
      if (active) alive++;
    }
    const exact = expectedPurchaseStatistics(process, 546);
    expect(purchases / n).toBeGreaterThan(exact.purchasesPerCustomer * 0.97);
    expect(purchases / n).toBeLessThan(exact.purchasesPerCustomer * 1.03);
    expect(Math.abs(alive / n - exact.shareAlive)).toBeLessThan(0.01);
  });

  it('gives about 10 purchases per customer with the defaults', () => {
    const stats = expectedPurchaseStatistics(DEFAULT_SYNTH_PARAMETERS.purchaseProcess, DEFAULT_SYNTH_PARAMETERS.acquisitionWindowDays);
    expect(stats.purchasesPerCustomer).toBeGreaterThan(9.9);
    expect(stats.purchasesPerCustomer).toBeLessThan(10.2);
    expect(stats.shareAlive).toBeGreaterThan(0.4);
    expect(stats.shareAlive).toBeLessThan(0.45);
  });
});

describe('solvePurchaseScale', () => {
  it('finds the alpha that gives the target', () => {
    const process = DEFAULT_SYNTH_PARAMETERS.purchaseProcess;
    for (const target of [2, 10, 25]) {
      const alpha = solvePurchaseScale(process, 730, target);
      expect(E.isRight(alpha)).toBe(true);
      if (E.isRight(alpha)) {
        expect(expectedPurchaseStatistics({ ...process, alpha: alpha.right }, 730).purchasesPerCustomer).toBeCloseTo(target, 6);
      }
    }
  });

  it('explains unreachable targets', () => {
    expect(solvePurchaseScale({ r: 1, alpha: 1, a: 3, b: 3 }, 730, 5)).toEqual(E.left(expect.stringMatching(/^at most 3\.\d\d purchases/)));
    expect(E.isLeft(solvePurchaseScale({ r: 1, alpha: 1, a: 3, b: 3 }, 730, 0.5))).toBe(true);
  });
});
