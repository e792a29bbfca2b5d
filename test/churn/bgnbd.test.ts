import { describe, expect, it } from 'vitest';
import { bgnbdDropoutProbability, bgnbdExpectedPurchases, bgnbdProbabilityAlive } from '../../src/churn/index.js';

// BTYD walkthrough BG/NBD estimates on CDNOW (weeks).
const WALKTHROUGH = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };

describe('BG/NBD closed forms', () => {
  it('P(alive) matches the BTYD walkthrough (customer 1516: 0.9688523)', () => {
    expect(bgnbdProbabilityAlive(WALKTHROUGH, { x: 26, tx: 30.85714, T: 31 })).toBeCloseTo(0.9688523, 5);
  });

  it('P(alive) is 1 without repeat purchases and 0 (not NaN) for extreme histories', () => {
    expect(bgnbdProbabilityAlive(WALKTHROUGH, { x: 0, tx: 0, T: 40 })).toBe(1);
    expect(bgnbdProbabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { x: 1000, tx: 10, T: 100 })).toBe(0);
  });

  it('expected purchases match lifetimes / Hardie (CET(39 | 2, 30.43, 38.86) = 1.2259) and the walkthrough (CET(52) for 1516 = 25.7566)', () => {
    expect(bgnbdExpectedPurchases(WALKTHROUGH, { x: 2, tx: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.2259, 3);
    expect(bgnbdExpectedPurchases(WALKTHROUGH, { x: 26, tx: 30.85714, T: 31 }, 52)).toBeCloseTo(25.7566, 2);
    // "paradox" rows of the walkthrough: CET(52 | x, 20, 39)
    expect(bgnbdExpectedPurchases(WALKTHROUGH, { x: 10, tx: 20, T: 39 }, 52)).toBeCloseTo(0.3474606, 3);
    expect(bgnbdExpectedPurchases(WALKTHROUGH, { x: 15, tx: 20, T: 39 }, 52)).toBeCloseTo(0.04283391, 4);
    expect(bgnbdExpectedPurchases(WALKTHROUGH, { x: 0, tx: 0, T: 39 }, 0)).toBe(0);
  });

  it('dropout probability matches numerical integration over the Beta posterior (SciPy: S = 0.9100110724)', () => {
    // 1 − S with S = ∫ Beta(p; a, b + x) · ((α+T)/(α+T+p·t))^(r+x) dp, computed with scipy.integrate.quad
    expect(bgnbdDropoutProbability(WALKTHROUGH, { x: 2, tx: 30.43, T: 38.86 }, 13)).toBeCloseTo(1 - 0.9100110724, 9);
    expect(bgnbdDropoutProbability(WALKTHROUGH, { x: 2, tx: 30.43, T: 38.86 }, 0)).toBe(0);
  });

  it('dropout probability grows with the horizon and stays in [0, 1] for frequent buyers', () => {
    let previous = 0;
    for (const t of [1, 5, 20, 100, 1000]) {
      const p = bgnbdDropoutProbability(WALKTHROUGH, { x: 300, tx: 99, T: 100 }, t);
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(p).toBeLessThanOrEqual(1);
      previous = p;
    }
  });

  it('returns NaN for invalid input', () => {
    expect(bgnbdProbabilityAlive({ ...WALKTHROUGH, r: -1 }, { x: 1, tx: 1, T: 2 })).toBeNaN();
    expect(bgnbdProbabilityAlive(WALKTHROUGH, { x: 1, tx: 3, T: 2 })).toBeNaN();
    expect(bgnbdExpectedPurchases({ ...WALKTHROUGH, a: 1 }, { x: 1, tx: 1, T: 2 }, 5)).toBeNaN();
    expect(bgnbdDropoutProbability(WALKTHROUGH, { x: 1, tx: 1, T: 2 }, -1)).toBeNaN();
  });
});
