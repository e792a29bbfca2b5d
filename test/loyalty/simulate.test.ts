import { describe, expect, it } from 'vitest';
import type { Transaction } from '../../src/core/index.js';
import { compareSimulations, EXAMPLE_PROGRAM, simulate } from '../../src/loyalty/index.js';
import { program } from './helpers.js';

const day = 86_400_000;
const start = Date.parse('2024-05-01T10:00:00Z');
const transactions: Transaction[] = [];
for (let c = 0; c < 30; c++) {
  for (let k = 0; k < 8; k++) {
    const occurredAt = start + (c * 7 + k * 19) * day + c * 3_600_000;
    transactions.push({
      id: `t${c}-${k}`,
      customerId: `c${c}`,
      occurredAt,
      kind: 'purchase',
      amount: 20 + ((c * 7 + k * 13) % 60),
      currency: 'EUR',
    });
  }
}
transactions.push({
  id: 'refund-1',
  customerId: 'c0',
  occurredAt: start + 2 * day,
  kind: 'refund',
  amount: 10,
  currency: 'EUR',
  refundOf: 't0-0',
});
const asOf = Date.parse('2025-12-31T00:00:00Z');

describe('simulate', () => {
  const base = program(EXAMPLE_PROGRAM);
  const report = simulate(
    base,
    { transactions },
    { asOf, redemption: { whenBalanceReaches: '300', rewardId: 'free-coffee' } },
  );

  it('reports issued, redeemed, expired points, cost, members per tier, per month', () => {
    expect(report.totals.members).toBe(30);
    expect(Number(report.totals.issued)).toBeGreaterThan(0);
    expect(Number(report.totals.redeemed)).toBeGreaterThan(0);
    expect(Number(report.totals.expired)).toBeGreaterThan(0);
    expect(Number(report.totals.clawedBack)).toBeGreaterThan(0);
    const months = report.months.map((m) => m.month);
    expect(months[0]).toBe('2024-05');
    expect(months[months.length - 1]).toBe('2025-12');
    const sum = (key: 'issued' | 'redeemed' | 'expired' | 'clawedBack') =>
      report.months.reduce((s, m) => s + Number(m[key]), 0);
    expect(String(sum('issued'))).toBe(report.totals.issued);
    expect(String(sum('redeemed'))).toBe(report.totals.redeemed);
    // cost = redemptions × reward value 3.20 per 150 points
    expect(Number(report.totals.cost)).toBeCloseTo((Number(report.totals.redeemed) / 150) * 3.2, 6);
    const last = report.months[report.months.length - 1]!;
    expect(Object.values(last.membersByTier).reduce((a, b) => a + b, 0)).toBe(30);
    const outstanding =
      Number(report.totals.issued) -
      Number(report.totals.redeemed) -
      Number(report.totals.expired) -
      Number(report.totals.clawedBack);
    expect(last.outstanding).toBe(String(outstanding));
    expect(report.liability.outstanding.total).toBe(String(outstanding));
  });

  it('is deterministic', () => {
    expect(
      simulate(
        base,
        { transactions: [...transactions].reverse() },
        { asOf, redemption: { whenBalanceReaches: '300', rewardId: 'free-coffee' } },
      ),
    ).toEqual(report);
  });

  it('compares two programme versions: doubling the base rate costs more', () => {
    const doubled = program({
      ...EXAMPLE_PROGRAM,
      version: 2,
      rules: EXAMPLE_PROGRAM.rules.map((r) => (r.id === 'base' ? { ...r, points: '2' } : r)),
    });
    const other = simulate(
      doubled,
      { transactions },
      { asOf, redemption: { whenBalanceReaches: '300', rewardId: 'free-coffee' } },
    );
    const diff = compareSimulations(report, other);
    expect(diff.b.version).toBe(2);
    expect(Number(diff.totals.difference.issued)).toBeGreaterThan(0);
    expect(Number(diff.totals.difference.cost)).toBeGreaterThan(0);
    expect(diff.totals.issuedRatio).toBeGreaterThan(1.3);
    expect(diff.months.map((m) => m.month)).toEqual(report.months.map((m) => m.month));
  });
});
