import { describe, expect, it } from 'vitest';
import type { Account, LoyaltyEvent } from '../../src/loyalty/index.js';
import { estimateBreakage, liability } from '../../src/loyalty/index.js';
import { account, at, purchase, runAll, simpleProgram } from './helpers.js';

// Points expire at the end of the year after the next; rewards cost 100.
const p = simpleProgram({
  effectiveFrom: '2020-01-01',
  pending: { mode: 'none' },
  points: { value: '0.02' },
  expiry: { lot: { kind: 'after', months: 12, roundTo: 'year' } },
  redemption: { rewards: [{ id: 'r', cost: '100' }] },
});

function member(id: string, events: LoyaltyEvent[]): Account {
  return runAll(p, account(p, id, at('2022-01-01T00:00:00Z')), events).account;
}

// 2022 cohort: 400 earned, 100 redeemed, 300 expired (fully resolved). 2024 cohort: 200 earned, 100 redeemed, 100 open.
const accounts = [
  member('a', [
    purchase('a1', '2022-03-01T10:00:00Z', 200),
    { type: 'redeem', key: 'ar', occurredAt: at('2022-04-01T00:00:00Z'), rewardId: 'r' },
    { type: 'tick', key: 'at', occurredAt: at('2024-01-02T00:00:00Z') },
  ]),
  member('b', [
    purchase('b1', '2022-06-01T10:00:00Z', 200),
    { type: 'tick', key: 'bt', occurredAt: at('2024-01-02T00:00:00Z') },
    purchase('b2', '2024-02-01T10:00:00Z', 200),
    { type: 'redeem', key: 'br', occurredAt: at('2024-03-01T00:00:00Z'), rewardId: 'r' },
  ]),
];

describe('breakage and liability', () => {
  it('estimates breakage from mature cohorts: expired ÷ (redeemed + expired)', () => {
    const estimate = estimateBreakage(p, accounts, { asOf: at('2024-06-30T00:00:00Z') });
    expect(estimate.method).toBe('mature-cohorts');
    expect(estimate.rate).toBeCloseTo(0.75, 12);
    expect(estimate.cohorts).toEqual([
      {
        cohort: '2022',
        issued: '400',
        redeemed: '100',
        expired: '300',
        outstanding: '0',
        resolvedShare: 1,
        observedBreakage: 0.75,
        mature: true,
      },
      {
        cohort: '2024',
        issued: '200',
        redeemed: '100',
        expired: '0',
        outstanding: '100',
        resolvedShare: 0.5,
        observedBreakage: 0,
        mature: false,
      },
    ]);
  });

  it('prices outstanding points: outstanding × point value × (1 − breakage)', () => {
    const report = liability(p, accounts, { asOf: at('2024-06-30T00:00:00Z') });
    expect(report.outstanding).toEqual({ available: '100', pending: '0', held: '0', total: '100' });
    expect(report.grossValue).toBe('2.00'); // 100 × 0.02
    expect(report.expectedBreakagePoints).toBe('75');
    expect(report.liability).toBe('0.50'); // 100 × 0.02 × (1 − 0.75)
    const override = liability(p, accounts, { asOf: at('2024-06-30T00:00:00Z'), breakage: 0.1 });
    expect(override.liability).toBe('1.80');
    expect(override.breakage.method).toBe('override');
  });

  it('counts lots past their expiry as expired at asOf, and reports no estimate without history', () => {
    const later = liability(p, accounts, { asOf: at('2026-01-02T00:00:00Z') });
    expect(later.outstanding.total).toBe('0');
    const empty = estimateBreakage(p, [member('c', [purchase('c1', '2024-02-01T10:00:00Z', 50)])], {
      asOf: at('2024-06-30T00:00:00Z'),
    });
    expect(empty).toMatchObject({ rate: 0, method: 'none' });
  });
});
