import { describe, expect, it } from 'vitest';
import { betaln, lgamma, minimize, MS_PER_DAY } from '../../src/core/index.js';
import { expectedPurchaseStatistics, generateTransactionColumns, resolveSynthOptions } from '../../src/synth/index.js';
import { latentSatisfaction, simulatePurchases } from '../../src/synth/purchases.js';

const OPTIONS = { seed: 'purchases', customers: 20_000, asOf: '2025-01-01' } as const;
const { columns, latent, asOf } = generateTransactionColumns(OPTIONS);
const config = resolveSynthOptions(OPTIONS);
const n = OPTIONS.customers;

function perPerson<T>(f: (i: number, rows: number[]) => T): T[] {
  const rows: number[][] = Array.from({ length: n }, () => []);
  for (let row = 0; row < columns.amount.length; row++) rows[columns.customerIndex[row]!]!.push(row);
  return rows.map((r, i) => f(i, r));
}

describe('simulatePurchases: the BG/NBD process', () => {
  it('matches the expected purchases per customer and share alive', () => {
    const expected = expectedPurchaseStatistics(config.purchaseProcess, config.acquisitionWindowDays);
    let purchases = 0;
    for (let row = 0; row < columns.kind.length; row++) if (columns.kind[row] === 0) purchases++;
    expect(purchases / n).toBeGreaterThan(expected.purchasesPerCustomer * 0.95);
    expect(purchases / n).toBeLessThan(expected.purchasesPerCustomer * 1.05);
    let alive = 0;
    for (let i = 0; i < n; i++) alive += latent.alive[i]!;
    expect(Math.abs(alive / n - expected.shareAlive)).toBeLessThan(0.015);
  });

  it('gives ≈ 200k transactions for 20k customers with the defaults', () => {
    expect(columns.amount.length).toBeGreaterThan(190_000);
    expect(columns.amount.length).toBeLessThan(225_000);
  });

  it('has no purchase after dropoutAt, none before acquisition, none after asOf; alive ⇔ dropoutAt > asOf', () => {
    const violations: string[] = [];
    perPerson((i, rows) => {
      const dropoutAt = latent.dropoutAt[i]!;
      if ((latent.alive[i] === 1) !== dropoutAt > asOf) violations.push(`alive flag of ${i}`);
      if (rows.length === 0) violations.push(`no rows for ${i}`);
      let last = -Infinity;
      let lastPurchase = -Infinity;
      let purchases = 0;
      for (const row of rows) {
        const at = columns.occurredAt[row]!;
        if (at > asOf) violations.push(`row ${row} after asOf`);
        if (at < last) violations.push(`row ${row} out of order`);
        last = at;
        if (columns.kind[row] !== 0) continue;
        purchases++;
        lastPurchase = Math.max(lastPurchase, at);
        if (at > dropoutAt) violations.push(`purchase ${row} after dropout`);
        if (at < latent.acquiredAt[i]!) violations.push(`purchase ${row} before acquisition`);
      }
      // A person who dropped out by asOf did so at their last (repeat) purchase.
      if (latent.alive[i] === 0 && (dropoutAt !== lastPurchase || purchases < 2)) violations.push(`dropout of ${i}`);
    });
    expect(violations).toEqual([]);
  });

  it('acquires persons uniformly over the window', () => {
    const windowStart = asOf - config.acquisitionWindowDays * MS_PER_DAY;
    let early = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const at = latent.acquiredAt[i]!;
      if (at < windowStart - MS_PER_DAY || at > asOf) outside++;
      if (at < windowStart + (asOf - windowStart) / 2) early++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(early / n - 0.5)).toBeLessThan(0.02);
  });

  it('draws latent parameters from the configured distributions', () => {
    const { r, alpha, a, b } = config.purchaseProcess;
    const m = (xs: Float64Array): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(m(latent.purchaseRatePerDay) / (r / alpha)).toBeGreaterThan(0.95);
    expect(m(latent.purchaseRatePerDay) / (r / alpha)).toBeLessThan(1.05);
    expect(m(latent.dropoutProbability)).toBeCloseTo(a / (a + b), 2);
    const { p, q, gamma } = config.spend;
    expect(m(latent.meanSpend) / ((p * gamma) / (q - 1))).toBeGreaterThan(0.95);
    expect(m(latent.meanSpend) / ((p * gamma) / (q - 1))).toBeLessThan(1.05);
    expect(latent.satisfaction.every((s) => Math.abs(s) <= 1)).toBe(true);
  });

  it('draws order values from the Gamma-Gamma model (mean ≈ pγ/(q−1) ≈ 35.2), in whole cents', () => {
    let sum = 0;
    let count = 0;
    let bad = 0;
    for (let row = 0; row < columns.amount.length; row++) {
      if (columns.kind[row] !== 0) continue;
      const amount = columns.amount[row]!;
      if (Math.round(amount * 100) / 100 !== amount || !(amount > 0)) bad++;
      sum += amount;
      count++;
    }
    expect(bad).toBe(0);
    expect(sum / count).toBeGreaterThan(35.2 * 0.95);
    expect(sum / count).toBeLessThan(35.2 * 1.05);
  });

  it('refunds about refundRate of purchases, partly or fully, after the purchase and within its order', () => {
    let refunds = 0;
    let partial = 0;
    let purchases = 0;
    const violations: number[] = [];
    for (let row = 0; row < columns.amount.length; row++) {
      if (columns.kind[row] === 0) {
        purchases++;
        if (columns.refundOf[row] !== -1) violations.push(row);
        continue;
      }
      refunds++;
      const of = columns.refundOf[row]!;
      const ok =
        columns.kind[of] === 0 &&
        columns.customerIndex[of] === columns.customerIndex[row] &&
        columns.orderId[of] === columns.orderId[row] &&
        columns.occurredAt[row]! - columns.occurredAt[of]! >= MS_PER_DAY &&
        columns.amount[row]! <= columns.amount[of]!;
      if (!ok) violations.push(row);
      if (columns.amount[row]! < columns.amount[of]!) partial++;
    }
    expect(violations).toEqual([]);
    // Refunds of the last days before asOf are not observed yet, so slightly fewer than refundRate.
    expect(refunds / purchases).toBeGreaterThan(0.034);
    expect(refunds / purchases).toBeLessThan(0.044);
    expect(partial / refunds).toBeGreaterThan(0.35);
    expect(partial / refunds).toBeLessThan(0.45);
  });

  it('numbers orders uniquely and increasingly, with one order per purchase', () => {
    let previous = 0;
    let bad = 0;
    for (let row = 0; row < columns.amount.length; row++) {
      if (columns.kind[row] !== 0) continue;
      if (columns.orderId[row]! !== previous + 1) bad++;
      previous = columns.orderId[row]!;
    }
    expect(bad).toBe(0);
  });

  it('recovers the BG/NBD parameters by maximum likelihood (Fader, Hardie & Lee 2005, eq. 6)', () => {
    // Per person: x repeat purchases, t_x time of the last one, T time since the first purchase (days).
    const summary = perPerson((i, rows) => {
      const times = rows.filter((r) => columns.kind[r] === 0).map((r) => columns.occurredAt[r]!);
      const first = Math.min(...times);
      const last = Math.max(...times);
      return { x: times.length - 1, tx: (last - first) / MS_PER_DAY, T: (asOf - first) / MS_PER_DAY };
    });
    const maxX = Math.max(...summary.map((s) => s.x));
    const byX = new Float64Array(maxX + 1);
    const byXRepeat = new Float64Array(maxX + 1);
    const negLogLik = (logParams: readonly number[]): number => {
      const [r, alpha, a, b] = logParams.map(Math.exp) as [number, number, number, number];
      const lbab = betaln(a, b);
      const lgr = lgamma(r);
      // The x-dependent special-function terms, computed once per distinct x.
      for (let x = 0; x <= maxX; x++) {
        const common = lgamma(r + x) - lgr + r * Math.log(alpha);
        byX[x] = common + betaln(a, b + x) - lbab;
        byXRepeat[x] = x === 0 ? 0 : common + betaln(a + 1, b + x - 1) - lbab;
      }
      let total = 0;
      for (const { x, tx, T } of summary) {
        const l1 = byX[x]! - (r + x) * Math.log(alpha + T);
        if (x === 0) {
          total += l1;
          continue;
        }
        const l2 = byXRepeat[x]! - (r + x) * Math.log(alpha + tx);
        const hi = Math.max(l1, l2);
        total += hi + Math.log(Math.exp(l1 - hi) + Math.exp(l2 - hi));
      }
      return -total / summary.length;
    };
    const fit = minimize(negLogLik, [0, Math.log(5), 0, Math.log(3)]);
    const [r, alpha, a, b] = fit.x.map(Math.exp) as [number, number, number, number];
    const truth = config.purchaseProcess;
    // Re-timing purchases within their day blurs t_x by hours only; 20k persons pin the parameters to a few %.
    expect(r / truth.r).toBeGreaterThan(0.9);
    expect(r / truth.r).toBeLessThan(1.1);
    expect(alpha / truth.alpha).toBeGreaterThan(0.85);
    expect(alpha / truth.alpha).toBeLessThan(1.15);
    expect(a / truth.a).toBeGreaterThan(0.85);
    expect(a / truth.a).toBeLessThan(1.15);
    expect(b / truth.b).toBeGreaterThan(0.8);
    expect(b / truth.b).toBeLessThan(1.2);
  });

  it('rounds amounts to the currency minor unit (JPY: whole yen)', () => {
    const yen = simulatePurchases(resolveSynthOptions({ seed: 1, customers: 300, asOf: '2025-01-01', currency: 'JPY', spend: { gamma: 2000 } }));
    expect(yen.amount.every((amount) => Number.isInteger(amount))).toBe(true);
  });

  it('handles degenerate parameters without throwing', () => {
    const tiny = simulatePurchases(resolveSynthOptions({ seed: 2, customers: 200, asOf: '2025-01-01', purchaseProcess: { r: 0.01, a: 0.01, b: 50 }, refundRate: 1 }));
    expect(tiny.rows).toBeGreaterThanOrEqual(200);
    expect(tiny.latent.dropoutAt.every((d) => Number.isFinite(d))).toBe(true);
    const none = simulatePurchases(resolveSynthOptions({ seed: 2, customers: 50, asOf: '2025-01-01', refundRate: 0 }));
    expect(none.kind.every((k) => k === 0)).toBe(true);
  });

  it('links satisfaction to the dropout probability', () => {
    expect(latentSatisfaction(0, 0.14, 0.14)).toBeCloseTo(Math.tanh(0.35), 12);
    expect(latentSatisfaction(0, 0.6, 0.14)).toBeLessThan(latentSatisfaction(0, 0.01, 0.14));
  });
});
