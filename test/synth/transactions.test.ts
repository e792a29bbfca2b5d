import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, type TransactionLine } from '../../src/core/index.js';
import { CATALOG } from '../../src/synth/catalog.js';
import { orderLines } from '../../src/synth/transactions.js';
import { sharedBase } from './fixtures.js';

const netMinor = (lines: readonly TransactionLine[], minor: number): number =>
  lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPrice * minor) - Math.round((l.discount ?? 0) * minor), 0);

describe('orderLines', () => {
  it('splits any amount into lines that add up exactly, with positive prices and whole quantities', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (amount, seed, share) => {
        const lines = orderLines(createRng(seed), amount, 100, [0, 3], share);
        expect(lines.length).toBeGreaterThanOrEqual(1);
        expect(netMinor(lines, 100)).toBe(amount);
        for (const line of lines) {
          expect(Number.isInteger(line.quantity) && line.quantity >= 1).toBe(true);
          expect(line.unitPrice).toBeGreaterThan(0);
          expect(Math.round(line.unitPrice * 100) / 100).toBe(line.unitPrice);
          if (line.discount !== undefined) {
            expect(line.discount).toBeGreaterThan(0);
            expect(line.discount).toBeLessThan(line.quantity * line.unitPrice);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('works in currencies without minor units', () => {
    const lines = orderLines(createRng(3), 4321, 1, [], 0.5);
    expect(netMinor(lines, 1)).toBe(4321);
    expect(lines.every((l) => Number.isInteger(l.unitPrice))).toBe(true);
  });
});

describe('transaction records', () => {
  const base = sharedBase();
  const purchases = base.transactions.filter((t) => t.kind === 'purchase');
  const refunds = base.transactions.filter((t) => t.kind === 'refund');

  it('give every purchase lines that add up to its amount, and no lines to refunds', () => {
    expect(purchases.filter((t) => t.lines === undefined || netMinor(t.lines, 100) !== Math.round(t.amount * 100))).toEqual([]);
    expect(refunds.every((t) => t.lines === undefined)).toBe(true);
  });

  it('use catalogue categories and SKUs, with some discounted lines', () => {
    const skus = new Map(CATALOG.flatMap((c) => c.skus.map((s) => [s, c.category] as const)));
    const lines = purchases.flatMap((t) => t.lines ?? []);
    expect(lines.every((l) => skus.get(l.sku) === l.category)).toBe(true);
    expect(new Set(lines.map((l) => l.category)).size).toBe(CATALOG.length);
    const discounted = lines.filter((l) => l.discount !== undefined).length / lines.length;
    expect(discounted).toBeGreaterThan(0.15);
    expect(discounted).toBeLessThan(0.25);
    expect(lines.length / purchases.length).toBeGreaterThan(1.4);
  });

  it('link refunds to a purchase of the same person and order, on the same channel', () => {
    const byId = new Map(base.transactions.map((t) => [t.id, t]));
    const broken = refunds.filter((r) => {
      const p = byId.get(r.refundOf ?? '');
      if (p?.kind !== 'purchase') return true;
      return p.customerId !== r.customerId || p.orderId !== r.orderId || p.channel !== r.channel || r.amount > p.amount;
    });
    expect(broken).toEqual([]);
  });

  it('carry channels and the currency', () => {
    const channels = new Set(base.transactions.map((t) => t.channel));
    expect([...channels].sort()).toEqual(['app', 'marketplace', 'phone', 'store', 'web']);
    expect(base.transactions.every((t) => t.currency === 'EUR')).toBe(true);
  });

  it('spread purchases over shopping hours (evenings first)', () => {
    const hours = new Array<number>(24).fill(0);
    for (const t of purchases) hours[new Date(t.occurredAt).getUTCHours()]!++;
    // Most customers are in UTC+1 and buy in the evening, so 18-21 UTC beats 1-4 UTC.
    const evening = hours.slice(18, 22).reduce((a, b) => a + b, 0);
    const night = hours.slice(1, 5).reduce((a, b) => a + b, 0);
    expect(evening).toBeGreaterThan(2 * night);
  });
});
