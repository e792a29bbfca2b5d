import { describe, expect, it } from 'vitest';
import { betaln, lgamma, minimize, MS_PER_DAY } from '../../src/core/index.js';
import { expectedPurchaseStatistics, generateTransactionColumns, resolveSynthOptions } from '../../src/synth/index.js';
import { latentSatisfaction, simulatePurchases } from '../../src/synth/purchases.js';
import { sameArray } from './fixtures.js';

// The pure BG/NBD process (no decline phase): what the expectations and the likelihood below describe.
const OPTIONS = { seed: 'purchases', customers: 20_000, asOf: '2025-01-01', declinePhase: false } as const;
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

describe('simulatePurchases: the decline phase before dropout (default)', () => {
  const DECLINE = { seed: 'purchases', customers: 20_000, asOf: '2025-01-01' } as const;
  const declined = generateTransactionColumns(DECLINE);
  const phase = resolveSynthOptions(DECLINE).declinePhase;

  it('is on by default with documented parameters, and `true` means the defaults', () => {
    expect(phase).toEqual({ minDays: 60, maxDays: 120, purchaseRateFloor: 0.2, spendFloor: 0.7 });
    expect(resolveSynthOptions({ ...DECLINE, declinePhase: true }).declinePhase).toEqual(phase);
    expect(resolveSynthOptions({ ...DECLINE, declinePhase: { maxDays: 200 } }).declinePhase).toEqual({ ...phase, maxDays: 200 });
  });

  it('keeps the BG/NBD process underneath: same latent parameters, acquisition and dropout times as without it', () => {
    expect(sameArray(declined.latent.dropoutAt, latent.dropoutAt)).toBe(true);
    expect(sameArray(declined.latent.acquiredAt, latent.acquiredAt)).toBe(true);
    expect(sameArray(declined.latent.purchaseRatePerDay, latent.purchaseRatePerDay)).toBe(true);
    expect(sameArray(declined.latent.alive, latent.alive)).toBe(true);
    // Without the phase, it starts at the dropout itself.
    expect(sameArray(latent.declineStartAt, latent.dropoutAt)).toBe(true);
  });

  it('starts 60-120 days before dropout, and only removes purchases inside it (never the first)', () => {
    const dropped: string[] = [];
    const rowsOf = (cols: typeof columns): number[][] => {
      const rows: number[][] = Array.from({ length: n }, () => []);
      for (let row = 0; row < cols.amount.length; row++) if (cols.kind[row] === 0) rows[cols.customerIndex[row]!]!.push(row);
      return rows;
    };
    const before = rowsOf(columns);
    const after = rowsOf(declined.columns);
    for (let i = 0; i < n; i++) {
      const days = (declined.latent.dropoutAt[i]! - declined.latent.declineStartAt[i]!) / MS_PER_DAY;
      if (!(days >= 60 && days <= 120)) dropped.push(`phase of ${i}: ${days}`);
      const times = new Set(after[i]!.map((row) => declined.columns.occurredAt[row]!));
      if (!times.has(latent.acquiredAt[i]!)) dropped.push(`first purchase of ${i}`);
      for (const row of before[i]!) {
        const at = columns.occurredAt[row]!;
        if (at < declined.latent.declineStartAt[i]! && !times.has(at)) dropped.push(`purchase ${row} before the phase`);
      }
      if (times.size > before[i]!.length) dropped.push(`extra purchases of ${i}`);
    }
    expect(dropped).toEqual([]);
  });

  it('lowers the purchase rate and the order values inside the phase', () => {
    // Persons who dropped out by asOf with at least 180 days of history before their phase.
    let rateBefore = 0;
    let rateInside = 0;
    let exposureBefore = 0;
    let exposureInside = 0;
    const spendBefore: number[] = [];
    const spendInside: number[] = [];
    const row0 = new Int32Array(n + 1);
    for (let row = 0; row < declined.columns.amount.length; row++) row0[declined.columns.customerIndex[row]! + 1] = row + 1;
    for (let i = 1; i <= n; i++) row0[i] = Math.max(row0[i]!, row0[i - 1]!);
    for (let i = 0; i < n; i++) {
      const start = declined.latent.declineStartAt[i]!;
      const end = declined.latent.dropoutAt[i]!;
      if (declined.latent.alive[i] === 1 || start - 180 * MS_PER_DAY < declined.latent.acquiredAt[i]! + MS_PER_DAY) continue;
      exposureBefore += 180;
      exposureInside += (end - start) / MS_PER_DAY;
      for (let row = row0[i]!; row < row0[i + 1]!; row++) {
        if (declined.columns.kind[row] !== 0) continue;
        const at = declined.columns.occurredAt[row]!;
        const amount = declined.columns.amount[row]! / declined.latent.meanSpend[i]!;
        if (at >= start - 180 * MS_PER_DAY && at < start) {
          rateBefore++;
          spendBefore.push(amount);
        } else if (at >= start && at <= end) {
          rateInside++;
          spendInside.push(amount);
        }
      }
    }
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(exposureBefore).toBeGreaterThan(100 * 180);
    // The last purchase (at dropout) always counts; the rest are thinned by 0.2^x (mean factor 0.8 / ln 5 ≈ 0.5).
    expect(rateInside / exposureInside / (rateBefore / exposureBefore)).toBeLessThan(0.8);
    expect(mean(spendInside) / mean(spendBefore)).toBeLessThan(0.95);
    expect(mean(spendInside) / mean(spendBefore)).toBeGreaterThan(0.7);
  });

  it('gives fewer purchases than the pure process (≈ 8 instead of ≈ 10 per person)', () => {
    expect(declined.columns.amount.length).toBeLessThan(columns.amount.length);
    expect(declined.columns.amount.length / n).toBeGreaterThan(7.5);
    expect(declined.columns.amount.length / n).toBeLessThan(9.5);
  });

  it('rejects a phase whose maxDays is below its minDays', () => {
    expect(() => resolveSynthOptions({ ...DECLINE, declinePhase: { minDays: 100, maxDays: 50 } })).toThrow(/declinePhase\.maxDays/);
  });
});
