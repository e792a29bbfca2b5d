/**
 * The worked example of docs/loyalty.md: Ann in the Coffee Club (EXAMPLE_PROGRAM), step by step. Every number below
 * is checked by hand in the guide.
 */
import { describe, expect, it } from 'vitest';
import type { Account, Evaluation, LoyaltyEvent } from '../../src/loyalty/index.js';
import { balance, expiringSoon, liability, tierStatus } from '../../src/loyalty/index.js';
import { account, exampleProgram, step } from './helpers.js';

const p = exampleProgram();
const t = (iso: string) => Date.parse(iso);

describe('worked example: Ann in the Coffee Club', () => {
  let ann: Account = account(p, 'ann', t('2024-05-02T09:00:00+02:00'));
  const run = (event: LoyaltyEvent): Evaluation => {
    const result = step(p, ann, event);
    ann = result.account;
    return result.evaluation;
  };

  it('1. signup: 100 points at once; Bob referred her', () => {
    const e = run({
      type: 'signup',
      key: 'signup-ann',
      occurredAt: t('2024-05-02T09:00:00+02:00'),
      birthDate: '1990-06-15',
      referredBy: 'bob',
    });
    expect(e.summary).toMatchObject({ earned: '100', pending: false });
  });

  it('2. first purchase (43.00 incl. a 20.00 gift card): 36 + 5 + 50 welcome + 100 referral = 191, pending 14 days', () => {
    const e = run({
      type: 'purchase',
      key: 'o-1001',
      occurredAt: t('2024-05-04T10:30:00+02:00'),
      orderId: '1001',
      amount: 43,
      channel: 'store',
      lines: [
        { sku: 'BEANS-1KG', category: 'beans', quantity: 1, unitPrice: 18 },
        { sku: 'CROISSANT', category: 'bakery', quantity: 2, unitPrice: 2.5 },
        { sku: 'GIFT-20', category: 'gift-card', quantity: 1, unitPrice: 20 },
      ],
    });
    expect(e.summary).toMatchObject({ earned: '191', pending: true });
    const base = e.explanation.earning?.rules.find((r) => r.ruleId === 'base');
    expect(base?.lines?.map((l) => [l.sku, l.eligible, l.base, l.multiplier])).toEqual([
      ['BEANS-1KG', true, '18', '2'],
      ['CROISSANT', true, '5', '1'],
      ['GIFT-20', false, '0', '1'],
    ]);
    expect(e.effects).toEqual([
      {
        memberId: 'bob',
        event: expect.objectContaining({ type: 'referral-completed', key: 'referral:ann:refer' }) as unknown,
      },
    ]);
  });

  it('3. a review: 25 points', () => {
    expect(
      run({ type: 'custom', key: 'review-1', occurredAt: t('2024-05-10T18:00:00+02:00'), name: 'review' }).summary
        .earned,
    ).toBe('25');
  });

  it('4. the return window ends: 191 points unlock', () => {
    expect(run({ type: 'tick', key: 'tick-0520', occurredAt: t('2024-05-20T00:00:00+02:00') }).summary.activated).toBe(
      '191',
    );
    expect(balance(p, ann, { now: t('2024-05-20T00:00:00+02:00') })).toMatchObject({ available: '316', pending: '0' });
  });

  it('5. a June Saturday: (72 + 4.5) × 2 with the weekend campaign = 153', () => {
    const e = run({
      type: 'purchase',
      key: 'o-1002',
      occurredAt: t('2024-06-08T11:00:00+02:00'),
      orderId: '1002',
      amount: 40.5,
      channel: 'app',
      lines: [
        { sku: 'BEANS-1KG', category: 'beans', quantity: 2, unitPrice: 18 },
        { sku: 'LATTE', category: 'drinks', quantity: 1, unitPrice: 4.5 },
      ],
    });
    expect(e.summary.earned).toBe('153');
    expect(e.explanation.earning?.campaigns[0]).toMatchObject({
      campaignId: 'double-weekend',
      applied: true,
      wanted: '76.5',
      granted: '76',
    });
    expect(e.explanation.earning?.rounding).toEqual({ mode: 'floor', scope: 'order', exact: '153', rounded: '153' });
    expect(ann.orders.find((o) => o.orderId === '1002')).toMatchObject({ lineAwards: ['144', '9'], orderAward: '0' });
  });

  it('6. birthday (15 June) and a free coffee: +200, −150', () => {
    const e = run({
      type: 'redeem',
      key: 'redeem-1',
      occurredAt: t('2024-06-16T09:00:00+02:00'),
      rewardId: 'free-coffee',
    });
    expect(e.summary).toMatchObject({ earned: '200', spent: '150' });
  });

  it('7. one bag of beans returned: the line earned 144, half of it is clawed back', () => {
    const e = run({
      type: 'refund',
      key: 'refund-1002',
      occurredAt: t('2024-06-20T15:00:00+02:00'),
      orderId: '1002',
      lines: [{ sku: 'BEANS-1KG', quantity: 1 }],
    });
    expect(e.summary.clawedBack).toBe('72');
    expect(e.postings[0]).toMatchObject({
      kind: 'clawback',
      reverses: 'o-1002#0',
      allocations: [{ lotId: 'o-1002#0', points: '72' }],
    });
  });

  it('8. a streak and a big weekend order make her Gold', () => {
    expect(
      run({
        type: 'purchase',
        key: 'o-1003',
        occurredAt: t('2024-06-21T08:00:00+02:00'),
        orderId: '1003',
        amount: 6,
        lines: [
          { sku: 'LATTE', category: 'drinks', quantity: 1, unitPrice: 4.5 },
          { sku: 'CROISSANT', category: 'bakery', quantity: 1, unitPrice: 1.5 },
        ],
      }).summary.earned,
    ).toBe('6');
    const e = run({
      type: 'purchase',
      key: 'o-1004',
      occurredAt: t('2024-06-22T16:00:00+02:00'),
      orderId: '1004',
      amount: 300,
      channel: 'web',
      lines: [{ sku: 'ESPRESSO-MACHINE', category: 'gear', quantity: 1, unitPrice: 300 }],
    });
    expect(e.summary).toMatchObject({ earned: '675', activated: '81' }); // 300 + 300 campaign + 75 streak
    expect(e.tier).toEqual({ before: 'green', after: 'gold' });
    expect(balance(p, ann, { now: t('2024-06-23T00:00:00+02:00') })).toMatchObject({
      available: '447',
      pending: '681',
      total: '1128',
    });
    expect(tierStatus(p, ann, { now: t('2024-06-23T00:00:00+02:00') })).toMatchObject({
      qualifying: '1278',
      next: null,
      keep: { needed: '0' },
    });
  });

  it('9. Gold is kept at the 2025 review; 166 points expire at the end of May 2025', () => {
    expect(run({ type: 'tick', key: 'tick-2025-01-02', occurredAt: t('2025-01-02T00:00:00+01:00') }).tier.after).toBe(
      'gold',
    );
    expect(expiringSoon(p, ann, { now: t('2025-05-15T00:00:00+02:00'), withinDays: 30 })).toMatchObject({
      total: '166',
    });
    expect(
      run({ type: 'tick', key: 'tick-2025-06-02', occurredAt: t('2025-06-02T00:00:00+02:00') }).summary.expired,
    ).toBe('166');
  });

  it('10. a quiet 2025: more expiry, a birthday, and a downgrade after 30 days of grace', () => {
    const e = run({ type: 'tick', key: 'tick-2026-02-01', occurredAt: t('2026-02-01T00:00:00+01:00') });
    expect(e.summary).toMatchObject({ earned: '200', expired: '962' });
    expect(e.tier).toEqual({ before: 'gold', after: 'green' });
    expect(balance(p, ann, { now: t('2026-02-02T00:00:00+01:00') })).toMatchObject({
      available: '200',
      lifetime: { earned: '1550', spent: '150', expired: '1128', clawedBack: '72' },
    });
  });

  it('11. liability: 200 points × 0.01 × (1 − 1128/1278 breakage of the mature 2024 cohort) = 0.23 EUR', () => {
    const report = liability(p, [ann], { asOf: t('2026-02-02T00:00:00+01:00') });
    expect(report.breakage.rate).toBeCloseTo(1128 / 1278, 12);
    expect(report).toMatchObject({ grossValue: '2.00', liability: '0.23' });
  });
});
