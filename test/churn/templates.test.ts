import { describe, expect, it } from 'vitest';
import { extractSignals, REASON_TEMPLATES, renderReason, type Signal } from '../../src/churn/index.js';
import { AS_OF, DAY, complaint, events, purchase, purchases, survey } from './fixtures.js';

describe('renderReason', () => {
  it('formats numbers, percentages and signed changes', () => {
    expect(renderReason({ reasonId: 'engagement-silent', params: { daysSinceLastEngagement: 40, usualGapDays: 5.25 } })).toBe(
      'No engagement for 40 days; usually active about every 5.3 days.',
    );
    expect(renderReason({ reasonId: 'model-low-p-alive', params: { probabilityAlive: 0.234 } })).toBe(
      'The purchase model puts the chance they are still an active customer at 23%.',
    );
    expect(
      renderReason({
        reasonId: 'spend-drop',
        params: { recentSpend: 10, expectedSpend: 40, change: -0.75, baselineDays: 200, windowDays: 90 },
      }),
    ).toBe('Spent 10.00 in the last 90 days against 40.00 expected from the 200 days before (-75%).');
  });

  it('renders missing parameters as n/a and accepts translated templates', () => {
    expect(renderReason({ reasonId: 'loyalty-tier-downgrade', params: {} })).toBe('Tier downgrade in n/a days unless they qualify again.');
    expect(
      renderReason(
        { reasonId: 'loyalty-tier-downgrade', params: { daysToTierDowngrade: 3 } },
        { templates: { 'loyalty-tier-downgrade': 'Herabstufung in {daysToTierDowngrade} Tagen.' } },
      ),
    ).toBe('Herabstufung in 3 Tagen.');
  });

  it('every template placeholder is filled by the signal that uses it', () => {
    const monthly = Array.from({ length: 12 }, (_, i) => 100 + 20 * i);
    const report = extractSignals(
      {
        transactions: [
          ...purchases('a', monthly),
          purchase('b', 200),
          ...Array.from({ length: 36 }, (_, i) => purchase('d', 5 + 10 * i, i < 9 ? 40 : 100)),
        ],
        surveyResponses: [survey('a', 300, { nps: 10 }), survey('a', 20, { nps: 2 }), survey('b', 100, { csat: 5 }), survey('b', 10, { csat: 1 })],
        complaints: [complaint('a', 10), complaint('a', 40, 20, { category: 'delivery' })],
        engagementEvents: events('a', Array.from({ length: 90 }, (_, i) => 32 + 2 * i)),
        loyalty: {
          a: { pointsExpiringSoon: 900, pointsExpiringAt: AS_OF + 5 * DAY, daysToTierDowngrade: 3, lastRedemptionAt: AS_OF - 600 * DAY },
          b: { pointsExpiringSoon: 900, enrolledAt: AS_OF - 700 * DAY },
        },
        model: { kind: 'per-customer', horizonDays: 90, values: { a: { probabilityAlive: 0.1, expectedPurchases: 0.1, dropoutProbability: 0.5 } } },
      },
      { asOf: AS_OF },
    );
    const seen = new Set<string>();
    for (const signal of report.customers.flatMap((c) => c.signals as Signal[])) {
      seen.add(signal.reasonId);
      const template = REASON_TEMPLATES[signal.reasonId];
      for (const [, name] of template.matchAll(/\{([A-Za-z0-9]+)/g)) expect(signal.params, `${signal.reasonId}.${name!}`).toHaveProperty(name!);
      expect(renderReason(signal)).not.toContain('n/a');
    }
    expect(seen.size).toBeGreaterThanOrEqual(Object.keys(REASON_TEMPLATES).length - 2);
  });
});
