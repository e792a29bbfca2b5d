import { describe, expect, it } from 'vitest';
import { balance } from '../../src/loyalty/index.js';
import { account, at, purchase, refusal, simpleProgram, step } from './helpers.js';

const lines = [
  { sku: 'BEANS', category: 'beans', quantity: 2, unitPrice: 20 },
  { sku: 'MUG', category: 'gear', quantity: 1, unitPrice: 10 },
];

describe('refunds and cancellations', () => {
  const p = simpleProgram({
    pending: { mode: 'none' },
    rules: [
      { id: 'base', kind: 'spend', points: '1' },
      { id: 'beans', kind: 'multiplier', factor: '2', categories: ['beans'] },
      { id: 'welcome', kind: 'first-purchase', points: '20' },
    ],
  });
  // 40 × 2 + 10 = 90 spend points + 20 welcome = 110; line awards: beans 80, mug 10, order 20
  const bought = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 50, { lines }));

  it('records the award per line', () => {
    expect(bought.evaluation.summary.earned).toBe('110');
    expect(bought.account.orders[0]).toMatchObject({
      awarded: '110',
      lineAwards: ['80', '10'],
      orderAward: '20',
      status: 'open',
    });
  });

  it('claws back a refunded line, referencing the original award', () => {
    const r = step(p, bought.account, {
      type: 'refund',
      key: 'r1',
      occurredAt: at('2024-03-06T10:00:00Z'),
      orderId: 'o1',
      lines: [{ sku: 'BEANS', quantity: 1 }],
    });
    // beans 80 × 1/2 + order 20 × (20 / 50) = 40 + 8
    expect(r.evaluation.summary.clawedBack).toBe('48');
    const clawback = r.evaluation.postings.find((x) => x.kind === 'clawback');
    expect(clawback).toMatchObject({ kind: 'clawback', reverses: 'o1#0', orderId: 'o1', debt: '0', forgiven: '0' });
    expect(r.account.orders[0]?.status).toBe('partially-refunded');
    expect(balance(p, r.account, { now: at('2024-03-07T00:00:00Z') }).available).toBe('62');
  });

  it('partial refunds adding up to the order claw back exactly what a cancellation does', () => {
    const cancel = step(p, bought.account, {
      type: 'cancel',
      key: 'c1',
      occurredAt: at('2024-03-06T10:00:00Z'),
      orderId: 'o1',
    });
    let a = bought.account;
    for (const [key, amount] of [
      ['r1', 12.34],
      ['r2', 20],
      ['r3', 17.66],
    ] as const) {
      a = step(p, a, { type: 'refund', key, occurredAt: at('2024-03-06T10:00:00Z'), orderId: 'o1', amount }).account;
    }
    expect(a.totals).toEqual(cancel.account.totals);
    expect(a.orders[0]?.status).toBe('refunded');
    expect(cancel.account.orders[0]?.status).toBe('cancelled');
    expect(a.qualification).toEqual(cancel.account.qualification);
  });

  it('refuses refunds of unknown or closed orders and refunds beyond the order', () => {
    expect(
      refusal(p, bought.account, {
        type: 'refund',
        key: 'x',
        occurredAt: at('2024-03-06T00:00:00Z'),
        orderId: 'nope',
        amount: 1,
      }).code,
    ).toBe('unknown-order');
    expect(
      refusal(p, bought.account, {
        type: 'refund',
        key: 'x',
        occurredAt: at('2024-03-06T00:00:00Z'),
        orderId: 'o1',
        amount: 50.01,
      }).code,
    ).toBe('refund-exceeds-order');
    expect(
      refusal(p, bought.account, {
        type: 'refund',
        key: 'x',
        occurredAt: at('2024-03-06T00:00:00Z'),
        orderId: 'o1',
        lines: [{ sku: 'MUG', quantity: 2 }],
      }).code,
    ).toBe('unknown-line');
    const cancelled = step(p, bought.account, {
      type: 'cancel',
      key: 'c',
      occurredAt: at('2024-03-06T00:00:00Z'),
      orderId: 'o1',
    }).account;
    expect(
      refusal(p, cancelled, {
        type: 'refund',
        key: 'x',
        occurredAt: at('2024-03-07T00:00:00Z'),
        orderId: 'o1',
        amount: 1,
      }).code,
    ).toBe('order-closed');
    expect(refusal(p, bought.account, purchase('o1-again', '2024-03-06T00:00:00Z', 5, { orderId: 'o1' })).code).toBe(
      'order-exists',
    );
  });
});

describe('negative-balance policies', () => {
  const rules = [{ id: 'base', kind: 'spend', points: '1' }];
  const setup = (policy: string) => {
    const p = simpleProgram({
      pending: { mode: 'none' },
      negativeBalance: policy,
      rules,
      redemption: { rewards: [{ id: 'r', cost: '80' }] },
    });
    let a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 100)).account;
    a = step(p, a, { type: 'redeem', key: 'spend', occurredAt: at('2024-03-05T11:00:00Z'), rewardId: 'r' }).account;
    return { p, a: step(p, a, { type: 'cancel', key: 'c', occurredAt: at('2024-03-06T10:00:00Z'), orderId: 'o1' }) };
  };

  it('within-balance: takes what is there, records the rest as debt repaid by future earnings', () => {
    const { p, a } = setup('within-balance');
    expect(a.evaluation.postings.find((x) => x.kind === 'clawback')).toMatchObject({
      points: '100',
      debt: '80',
      forgiven: '0',
    });
    const now = at('2024-03-07T00:00:00Z');
    expect(balance(p, a.account, { now })).toMatchObject({ available: '0', debt: '80' });
    const next = step(p, a.account, purchase('o2', '2024-03-08T10:00:00Z', 50));
    expect(next.evaluation.explanation.earning?.debtRepaid).toBe('50');
    expect(balance(p, next.account, { now: at('2024-03-09T00:00:00Z') })).toMatchObject({ available: '0', debt: '30' });
    const more = step(p, next.account, purchase('o3', '2024-03-09T10:00:00Z', 50));
    expect(balance(p, more.account, { now: at('2024-03-10T00:00:00Z') })).toMatchObject({ available: '20', debt: '0' });
  });

  it('allow-negative: the balance shows the debt as negative', () => {
    const { p, a } = setup('allow-negative');
    expect(balance(p, a.account, { now: at('2024-03-07T00:00:00Z') })).toMatchObject({ available: '-80', debt: '80' });
  });

  it('pending-only: only pending points of the order are revoked, the rest is forgiven', () => {
    const { p, a } = setup('pending-only');
    expect(a.evaluation.postings.find((x) => x.kind === 'clawback')).toMatchObject({
      points: '100',
      debt: '0',
      forgiven: '100',
    });
    expect(balance(p, a.account, { now: at('2024-03-07T00:00:00Z') })).toMatchObject({ available: '20', debt: '0' });
  });
});

describe('pending points and the order life cycle', () => {
  const p = simpleProgram({ pending: { mode: 'return-window', days: 14 }, negativeBalance: 'pending-only' });
  it('claws back pending points first, even under pending-only', () => {
    const bought = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 100));
    expect(bought.evaluation.summary.pending).toBe(true);
    expect(balance(p, bought.account, { now: at('2024-03-06T00:00:00Z') })).toMatchObject({
      available: '0',
      pending: '100',
    });
    const refunded = step(p, bought.account, {
      type: 'refund',
      key: 'r',
      occurredAt: at('2024-03-06T10:00:00Z'),
      orderId: 'o1',
      amount: 40,
    });
    expect(refunded.evaluation.postings.find((x) => x.kind === 'clawback')).toMatchObject({
      points: '40',
      forgiven: '0',
      allocations: [{ lotId: 'o1#0', points: '40' }],
    });
    expect(balance(p, refunded.account, { now: at('2024-03-20T10:00:00Z') })).toMatchObject({
      available: '60',
      pending: '0',
    });
  });

  it('unlocks at the end of the return window, or early with an activate event', () => {
    const bought = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 100)).account;
    const early = step(p, bought, {
      type: 'activate',
      key: 'a',
      occurredAt: at('2024-03-06T10:00:00Z'),
      orderId: 'o1',
    });
    expect(early.evaluation.summary.activated).toBe('100');
    expect(
      refusal(p, early.account, { type: 'activate', key: 'a2', occurredAt: at('2024-03-06T11:00:00Z'), orderId: 'o1' })
        .code,
    ).toBe('nothing-pending');
    const host = simpleProgram({ pending: { mode: 'host' } });
    const waiting = step(host, account(host), purchase('o1', '2024-03-05T10:00:00Z', 100)).account;
    expect(balance(host, waiting, { now: at('2030-01-01T00:00:00Z') }).pending).toBe('100');
  });

  it('gives back points spent on a refunded order (proportionally, to the original lots)', () => {
    const q = simpleProgram({ pending: { mode: 'none' }, redemption: { payWithPoints: { pointsPerUnit: '10' } } });
    let a = step(q, account(q), purchase('o1', '2024-03-05T10:00:00Z', 100)).account;
    const paid = step(q, a, {
      type: 'pay-with-points',
      key: 'pay',
      occurredAt: at('2024-03-06T10:00:00Z'),
      orderId: 'o2',
      orderAmount: 30,
      points: '100',
    });
    expect(paid.evaluation.discount).toBe('10.00');
    a = step(q, paid.account, purchase('o2', '2024-03-06T10:01:00Z', 20)).account; // 30 − 10 paid with points
    const half = step(q, a, {
      type: 'refund',
      key: 'r',
      occurredAt: at('2024-03-07T10:00:00Z'),
      orderId: 'o2',
      amount: 10,
    });
    expect(half.evaluation.postings.find((x) => x.kind === 'refund')).toMatchObject({
      points: '50',
      reverses: 'pay#0',
      allocations: [{ lotId: 'o1#0', points: '50' }],
    });
    const rest = step(q, half.account, {
      type: 'refund',
      key: 'r2',
      occurredAt: at('2024-03-07T11:00:00Z'),
      orderId: 'o2',
      amount: 10,
    });
    expect(rest.evaluation.postings.find((x) => x.kind === 'refund')?.points).toBe('50');
    expect(rest.account.totals.spent).toBe('0');
  });
});
