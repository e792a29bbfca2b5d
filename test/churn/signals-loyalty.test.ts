import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../src/churn/index.js';
import { AS_OF, DAY, purchase } from './fixtures.js';
import { signalOf, strengthOf } from './signals-others.helpers.js';

describe('loyalty signals', () => {
  it('raises expiring points, an imminent downgrade and a long time without redemption', () => {
    const report = extractSignals(
      {
        transactions: [purchase('i', 20)],
        loyalty: { i: { pointsExpiringSoon: 600, pointsExpiringAt: AS_OF + 10 * DAY, daysToTierDowngrade: 5, lastRedemptionAt: AS_OF - 400 * DAY } },
      },
      { asOf: AS_OF },
    );
    const points = signalOf(report, 'i', 'loyalty-points-expiring')!;
    expect(points.value).toBe(600);
    expect(points.severity).toBe('critical');
    expect(points.strength).toBeCloseTo(0.6, 12);
    expect(points.params).toEqual({ points: 600, daysUntilExpiry: 10 });
    const tier = signalOf(report, 'i', 'loyalty-tier-downgrade')!;
    expect(tier.value).toBe(5);
    expect(tier.severity).toBe('critical');
    expect(tier.strength).toBeCloseTo(55 / 60, 12);
    const redemption = signalOf(report, 'i', 'loyalty-no-redemption')!;
    expect(redemption.value).toBe(400);
    expect(redemption.severity).toBe('warning');
    expect(redemption.strength).toBeCloseTo(220 / 550, 12);
    expect(redemption.reasonId).toBe('loyalty-no-redemption');
  });

  it('does not call points unused after a recent redemption, nor far-off expiries soon', () => {
    const report = extractSignals(
      {
        transactions: [purchase('i', 20), purchase('j', 20)],
        loyalty: {
          i: { pointsExpiringSoon: 600, lastRedemptionAt: AS_OF - 10 * DAY },
          j: { pointsExpiringSoon: 600, pointsExpiringAt: AS_OF + 100 * DAY },
        },
      },
      { asOf: AS_OF },
    );
    expect(strengthOf(report, 'i', 'loyalty-points-expiring')).toBe(0);
    expect(strengthOf(report, 'j', 'loyalty-points-expiring')).toBe(0);
  });

  it('counts membership time for members who never redeemed, and ignores bad dates', () => {
    const report = extractSignals(
      {
        transactions: [purchase('n', 20), purchase('x', 20)],
        loyalty: { n: { enrolledAt: '2023-01-01', lastRedemptionAt: null }, x: { enrolledAt: 'not a date', daysToTierDowngrade: -3 } },
      },
      { asOf: AS_OF },
    );
    const never = signalOf(report, 'n', 'loyalty-no-redemption')!;
    expect(never.reasonId).toBe('loyalty-no-redemption.never');
    expect(never.value).toBe((AS_OF - Date.UTC(2023, 0, 1)) / DAY);
    expect(report.customers.find((c) => c.customerId === 'x')!.signals).toEqual([]);
  });

  it('reads loyalty state without touching the prototype chain', () => {
    const loyalty = JSON.parse('{"__proto__": {"daysToTierDowngrade": 1}}') as Record<string, { daysToTierDowngrade: number }>;
    const report = extractSignals({ transactions: [purchase('__proto__', 20), purchase('other', 20)], loyalty }, { asOf: AS_OF });
    expect(signalOf(report, '__proto__', 'loyalty-tier-downgrade')!.value).toBe(1);
    expect(report.customers.find((c) => c.customerId === 'other')!.signals).toEqual([]);
  });
});
