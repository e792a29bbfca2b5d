import { describe, expect, it } from 'vitest';
import type { LoyaltyEvent } from '../../src/loyalty/index.js';
import { splitUnits } from '../../src/loyalty/earning.js';
import { account, at, purchase, simpleProgram, step } from './helpers.js';

const lines = [
  { sku: 'BEANS', category: 'beans', quantity: 2, unitPrice: 10, discount: 2, tax: 1.8 },
  { sku: 'CARD', category: 'gift-card', quantity: 1, unitPrice: 20 },
  { sku: 'MUG', category: 'gear', quantity: 1, unitPrice: 12, tax: 2.4 },
];

function earned(overrides: Parameters<typeof simpleProgram>[0], event: LoyaltyEvent): string {
  const p = simpleProgram({ pending: { mode: 'none' }, ...overrides });
  return step(p, account(p), event).evaluation.summary.earned;
}

describe('earning base', () => {
  const order = purchase('o1', '2024-03-05T10:00:00Z', 49.2, { lines, shipping: 5, discount: 4, paidWithPoints: 3 });
  // Line nets: beans 18, card 20, mug 12 (total 50). Order discount 4 and points-paid 3 are shared by net: 36%, 40%, 24%.

  it('defaults: after discounts, tax and shipping excluded, points-paid part excluded', () => {
    // beans 18 − 1.44 − 1.08 = 15.48; card 20 − 1.6 − 1.2 = 17.2; mug 12 − 0.96 − 0.72 = 10.32 → 43 points
    expect(earned({}, order)).toBe('43');
  });

  it('excludes categories and SKUs (their share of order-level adjustments stays with them)', () => {
    expect(earned({ earningBase: { excludeCategories: ['gift-card'] } }, order)).toBe('25'); // 15.48 + 10.32 = 25.8
    expect(earned({ earningBase: { excludeSkus: ['MUG', 'CARD'] } }, order)).toBe('15');
  });

  it('before discounts, with tax, with shipping, including the points-paid part', () => {
    // gross 20 + 20 + 12 = 52, + line taxes 4.2, + shipping 5, − points share 3 = 58.2
    expect(earned({ earningBase: { discounts: 'before', tax: 'include', shipping: 'include' } }, order)).toBe('58');
    // after discounts: 50 − 4 = 46, the part paid with points included
    expect(earned({ earningBase: { pointsPaid: 'include' } }, order)).toBe('46');
  });

  it('orders without lines use the amount with the same options', () => {
    const plain = purchase('o2', '2024-03-05T10:00:00Z', 60, { shipping: 5, tax: 9, discount: 6 });
    expect(earned({}, plain)).toBe('46'); // 60 − 9 − 5
    expect(earned({ earningBase: { discounts: 'before', tax: 'include' } }, plain)).toBe('61'); // 60 − 5 + 6
  });
});

describe('rules', () => {
  it('every X gives Y in whole steps: 2.50 → 5 points, 3.00 still 5 (not 6)', () => {
    const rules = [{ id: 'steps', kind: 'spend', points: '5', per: '2.50', mode: 'steps' }];
    expect(earned({ rules }, purchase('o', '2024-03-05T10:00:00Z', 3))).toBe('5');
    expect(earned({ rules }, purchase('o', '2024-03-05T10:00:00Z', 4.99))).toBe('5');
    expect(earned({ rules }, purchase('o', '2024-03-05T10:00:00Z', 5))).toBe('10');
    // proportional: 3.00 × 5 / 2.50 = 6
    expect(
      earned(
        { rules: [{ id: 'p', kind: 'spend', points: '5', per: '2.50' }] },
        purchase('o', '2024-03-05T10:00:00Z', 3),
      ),
    ).toBe('6');
  });

  it('applies the largest matching product multiplier per line', () => {
    const rules = [
      { id: 'base', kind: 'spend', points: '1' },
      { id: 'beans', kind: 'multiplier', factor: '2', categories: ['beans'] },
      { id: 'promo', kind: 'multiplier', factor: '3', skus: ['BEANS'] },
    ];
    const p = simpleProgram({ rules });
    const result = step(p, account(p), purchase('o', '2024-03-05T10:00:00Z', 50, { lines })).evaluation;
    expect(result.summary.earned).toBe('86'); // 18 × 3 + 20 + 12
    const base = result.explanation.earning?.rules.find((r) => r.ruleId === 'base');
    expect(base?.lines?.map((l) => [l.sku, l.base, l.multiplier, l.multiplierRule])).toEqual([
      ['BEANS', '18', '3', 'promo'],
      ['CARD', '20', '1', undefined],
      ['MUG', '12', '1', undefined],
    ]);
  });

  it('product bonuses, fixed bonuses with conditions, first purchase', () => {
    const rules = [
      { id: 'base', kind: 'spend', points: '1' },
      { id: 'beans-bonus', kind: 'product-bonus', points: '10', categories: ['beans'] },
      { id: 'big', kind: 'fixed', points: '20', condition: { minBasket: '40' } },
      { id: 'welcome', kind: 'first-purchase', points: '50' },
    ];
    const p = simpleProgram({ rules, pending: { mode: 'none' } });
    const first = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 50, { lines }));
    expect(first.evaluation.summary.earned).toBe(String(50 + 20 + 20 + 50)); // spend 50, 2 bags × 10, big basket, welcome
    const second = step(p, first.account, purchase('o2', '2024-03-06T10:00:00Z', 30));
    expect(second.evaluation.summary.earned).toBe('30');
    expect(second.evaluation.explanation.earning?.rules.find((r) => r.ruleId === 'welcome')?.reason).toBe(
      'not the first purchase',
    );
    expect(second.evaluation.explanation.earning?.rules.find((r) => r.ruleId === 'big')?.reason).toContain(
      'order amount ≥ 40',
    );
  });

  it('signup, custom events with a limit, referral on both sides', () => {
    const rules = [
      { id: 'base', kind: 'spend', points: '1' },
      { id: 'signup', kind: 'signup', points: '100' },
      { id: 'review', kind: 'custom', eventName: 'review', points: '25', limit: { period: 'month', maxTimes: 2 } },
      { id: 'refer', kind: 'referral', referrerPoints: '300', refereePoints: '100', condition: { minBasket: '20' } },
    ];
    const p = simpleProgram({ rules, pending: { mode: 'none' } });
    let a = account(p);
    a = step(p, a, { type: 'signup', key: 's', occurredAt: at('2024-03-01T09:00:00Z'), referredBy: 'bob' }).account;
    const twice = step(p, a, { type: 'signup', key: 's2', occurredAt: at('2024-03-01T09:05:00Z') });
    expect(twice.evaluation.summary.earned).toBe('0');
    a = twice.account;
    const reviews = ['r1', 'r2', 'r3'].map((key, i) => ({
      type: 'custom' as const,
      key,
      occurredAt: at(`2024-03-0${2 + i}T09:00:00Z`),
      name: 'review',
    }));
    const earnedByReview: string[] = [];
    for (const r of reviews) {
      const s = step(p, a, r);
      a = s.account;
      earnedByReview.push(s.evaluation.summary.earned);
    }
    expect(earnedByReview).toEqual(['25', '25', '0']);
    const small = step(p, a, purchase('o1', '2024-03-10T10:00:00Z', 10));
    expect(small.evaluation.effects).toEqual([]);
    const qualifying = step(p, small.account, purchase('o2', '2024-03-11T10:00:00Z', 25));
    expect(qualifying.evaluation.summary.earned).toBe('125');
    expect(qualifying.evaluation.effects).toEqual([
      {
        memberId: 'bob',
        event: {
          type: 'referral-completed',
          key: 'referral:m-1:refer',
          occurredAt: at('2024-03-11T10:00:00Z'),
          refereeId: 'm-1',
          ruleId: 'refer',
        },
      },
    ]);
    const bob = step(p, account(p, 'bob'), qualifying.evaluation.effects[0]!.event);
    expect(bob.evaluation.summary.earned).toBe('300');
    const again = step(p, qualifying.account, purchase('o3', '2024-03-12T10:00:00Z', 25));
    expect(again.evaluation.effects).toEqual([]);
  });

  it('streaks: N purchases within M days, each purchase counted once', () => {
    const rules = [{ id: 'streak', kind: 'streak', purchases: 3, withinDays: 7, points: '40' }];
    const p = simpleProgram({ rules, pending: { mode: 'none' } });
    let a = account(p);
    const got: string[] = [];
    for (const [i, day] of ['01', '03', '05', '06', '08', '09', '20'].entries()) {
      const s = step(p, a, purchase(`o${i}`, `2024-03-${day}T10:00:00Z`, 1));
      a = s.account;
      got.push(s.evaluation.summary.earned);
    }
    // awards on the 3rd purchase (5th) and again on the 6th (9th): 6, 8, 9 are after the last award
    expect(got).toEqual(['0', '0', '40', '0', '0', '40', '0']);
  });

  it('birthday once a year in the window, dated when the window opens', () => {
    const rules = [{ id: 'bday', kind: 'birthday', points: '200', daysBefore: 2, daysAfter: 5 }];
    const p = simpleProgram({ rules });
    let a = step(p, account(p), {
      type: 'signup',
      key: 's',
      occurredAt: at('2024-01-10T00:00:00Z'),
      birthDate: '1990-06-15',
    }).account;
    expect(a.schedule.birthdayAt).toBe(at('2024-06-13T00:00:00Z'));
    const tick = step(p, a, { type: 'tick', key: 't', occurredAt: at('2024-06-20T00:00:00Z') });
    expect(tick.evaluation.summary.earned).toBe('200');
    expect(tick.evaluation.postings.find((x) => x.kind === 'earn')?.at).toBe(at('2024-06-13T00:00:00Z'));
    a = tick.account;
    const later = step(p, a, { type: 'tick', key: 't2', occurredAt: at('2024-06-21T00:00:00Z') });
    expect(later.evaluation.summary.earned).toBe('0');
    expect(later.account.schedule.birthdayAt).toBe(at('2025-06-13T00:00:00Z'));
  });
});

describe('campaigns and stacking', () => {
  const campaign = (id: string, factor: string, stacking: string, priority = 0) => ({
    id,
    from: '2024-03-01',
    to: '2024-04-01',
    effect: { kind: 'multiplier', factor },
    stacking,
    priority,
  });
  const order = purchase('o', '2024-03-05T10:00:00Z', 100);
  it('additive: extras add up', () => {
    expect(earned({ campaigns: [campaign('a', '2', 'additive'), campaign('b', '1.5', 'additive')] }, order)).toBe(
      '250',
    );
  });
  it('best-of: only the best of the group', () => {
    expect(
      earned(
        { campaigns: [campaign('a', '2', 'best-of'), campaign('b', '3', 'best-of'), campaign('c', '1.5', 'additive')] },
        order,
      ),
    ).toBe('350');
  });
  it('priority: only the highest priority of the group', () => {
    expect(earned({ campaigns: [campaign('a', '2', 'priority', 1), campaign('b', '3', 'priority', 0)] }, order)).toBe(
      '200',
    );
  });
  it('exclusive: suppresses everything else', () => {
    const p = simpleProgram({
      pending: { mode: 'none' },
      campaigns: [campaign('a', '3', 'additive'), campaign('x', '2', 'exclusive')],
    });
    const e = step(p, account(p), order).evaluation;
    expect(e.summary.earned).toBe('200');
    expect(e.explanation.earning?.campaigns.find((c) => c.campaignId === 'a')).toMatchObject({
      applied: false,
      reason: 'suppressed by exclusive campaign x',
    });
  });
  it('outside its dates or condition a campaign does not apply; bonuses are per purchase', () => {
    const bonus = { id: 'bonus', from: '2024-03-01', to: '2024-03-02', effect: { kind: 'bonus', points: '30' } };
    expect(earned({ campaigns: [bonus] }, order)).toBe('100');
    expect(earned({ campaigns: [bonus] }, purchase('o', '2024-03-01T10:00:00Z', 100))).toBe('130');
  });
  it('a campaign budget caps the extra and reports wanted vs granted', () => {
    const p = simpleProgram({
      pending: { mode: 'none' },
      campaigns: [{ ...campaign('a', '2', 'additive'), budget: '1000' }],
    });
    const e = step(p, account(p), order, { campaignBudgetUsed: { a: '960' } }).evaluation;
    expect(e.summary.earned).toBe('140');
    expect(e.campaignUsage).toEqual([{ campaignId: 'a', points: '40' }]);
    expect(e.explanation.earning?.campaigns[0]?.caps).toEqual([
      { cap: 'campaign-budget', limit: '40', wanted: '100', granted: '40' },
    ]);
  });
});

describe('caps', () => {
  it('per transaction and per member per month, with wanted vs granted', () => {
    const p = simpleProgram({ pending: { mode: 'none' }, caps: { perTransaction: '150', perMemberPerMonth: '250' } });
    const first = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 200));
    expect(first.evaluation.summary.earned).toBe('150');
    expect(first.evaluation.explanation.earning?.caps).toEqual([
      { cap: 'per-transaction', limit: '150', wanted: '200', granted: '150' },
    ]);
    const second = step(p, first.account, purchase('o2', '2024-03-06T10:00:00Z', 200));
    expect(second.evaluation.summary.earned).toBe('100');
    expect(second.evaluation.explanation.earning?.caps.map((c) => c.cap)).toEqual([
      'per-transaction',
      'per-member-month',
    ]);
    const april = step(p, second.account, purchase('o3', '2024-04-01T10:00:00Z', 100));
    expect(april.evaluation.summary.earned).toBe('100');
  });

  it('rule limits in points per period', () => {
    const p = simpleProgram({
      pending: { mode: 'none' },
      rules: [{ id: 'base', kind: 'spend', points: '1', limit: { period: 'day', maxPoints: '120' } }],
    });
    const a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 100));
    const b = step(p, a.account, purchase('o2', '2024-03-05T11:00:00Z', 100));
    expect(b.evaluation.summary.earned).toBe('20');
    expect(b.evaluation.explanation.earning?.rules[0]?.caps).toEqual([
      { cap: 'rule-limit', limit: '20', wanted: '100', granted: '20' },
    ]);
  });
});

describe('rounding', () => {
  const rules = [{ id: 'base', kind: 'spend', points: '1', per: '3' }];
  const threeLines = purchase('o', '2024-03-05T10:00:00Z', 5, {
    lines: [
      { sku: 'A', quantity: 1, unitPrice: 1 },
      { sku: 'B', quantity: 1, unitPrice: 2 },
      { sku: 'C', quantity: 1, unitPrice: 2 },
    ],
  });
  it('per order: one rounding of the exact sum (no drift)', () => {
    expect(earned({ rules, rounding: { mode: 'floor', scope: 'order' }, points: { decimals: 2 } }, threeLines)).toBe(
      '1.66',
    );
    expect(earned({ rules, rounding: { mode: 'half-up', scope: 'order' }, points: { decimals: 2 } }, threeLines)).toBe(
      '1.67',
    );
  });
  it('per line: each line rounded, then summed', () => {
    // 0.333…→0.33, 0.666…→0.66, 0.666…→0.66 (floor)
    expect(earned({ rules, rounding: { mode: 'floor', scope: 'line' }, points: { decimals: 2 } }, threeLines)).toBe(
      '1.65',
    );
    expect(earned({ rules, rounding: { mode: 'ceiling', scope: 'line' } }, threeLines)).toBe('3');
    expect(earned({ rules, rounding: { mode: 'half-even', scope: 'order' } }, threeLines)).toBe('2');
  });
  it('splits granted units by largest remainder without losing any', () => {
    expect(
      splitUnits(10, [
        { n: 1, d: 1 },
        { n: 1, d: 1 },
        { n: 1, d: 1 },
      ]),
    ).toEqual([4, 3, 3]);
    expect(
      splitUnits(7, [
        { n: 0, d: 1 },
        { n: 0, d: 1 },
      ]),
    ).toEqual([7, 0]);
  });
});
