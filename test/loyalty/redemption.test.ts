import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { apply, balance, capture, hold, payWithPoints, redeem, release } from '../../src/loyalty/index.js';
import { account, at, exampleProgram, purchase, refusal, step } from './helpers.js';

const p = exampleProgram();
const now = at('2030-01-01T00:00:00Z');
// 300 points available (return window elapsed), member is green.
const rich = (() => {
  let a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 250)).account;
  a = step(p, a, { type: 'tick', key: 't', occurredAt: at('2024-03-20T10:00:00Z') }).account;
  return a;
})();

describe('redeeming rewards', () => {
  it('spends the cost in spend order and reports stock used', () => {
    const r = redeem(
      p,
      rich,
      { key: 'r1', occurredAt: at('2024-03-21T10:00:00Z'), rewardId: 'free-coffee', quantity: 2 },
      { now },
    );
    expect(E.isRight(r)).toBe(true);
    if (E.isLeft(r)) return;
    expect(r.right.summary.spent).toBe('300');
    expect(r.right.stockUsage).toEqual([{ rewardId: 'free-coffee', quantity: 2 }]);
    const after = apply(rich, r.right.postings);
    expect(balance(p, after, { now: at('2024-03-22T00:00:00Z') }).available).toBe('0');
  });

  it('refuses with a code: unknown reward, tier, stock, member limit, minimum balance, insufficient points', () => {
    const when = at('2024-03-21T10:00:00Z');
    expect(refusal(p, rich, { type: 'redeem', key: 'x', occurredAt: when, rewardId: 'yacht' }).code).toBe(
      'unknown-reward',
    );
    expect(refusal(p, rich, { type: 'redeem', key: 'x', occurredAt: when, rewardId: 'mug' }).code).toBe('tier-too-low');
    expect(
      refusal(
        p,
        rich,
        { type: 'redeem', key: 'x', occurredAt: when, rewardId: 'free-coffee' },
        { stockRemaining: { 'free-coffee': 0 } },
      ).code,
    ).toBe('out-of-stock');
    expect(
      refusal(p, rich, { type: 'redeem', key: 'x', occurredAt: when, rewardId: 'free-coffee', quantity: 5 }).code,
    ).toBe('member-limit-reached');
    expect(
      refusal(p, rich, { type: 'redeem', key: 'x', occurredAt: when, rewardId: 'free-coffee', quantity: 3 }).code,
    ).toBe('insufficient-points');
    const poor = step(p, account(p), {
      type: 'adjust',
      key: 'a',
      occurredAt: when,
      points: '99',
      reason: 'test',
    }).account;
    expect(refusal(p, poor, { type: 'redeem', key: 'x', occurredAt: when, rewardId: 'free-coffee' }).code).toBe(
      'below-min-balance',
    );
  });

  it('counts per-member limits per period', () => {
    let a = step(p, rich, {
      type: 'adjust',
      key: 'gift',
      occurredAt: at('2024-03-21T09:00:00Z'),
      points: '1000',
      reason: 'test',
    }).account;
    for (const key of ['r1', 'r2', 'r3', 'r4'])
      a = step(p, a, { type: 'redeem', key, occurredAt: at('2024-03-21T10:00:00Z'), rewardId: 'free-coffee' }).account;
    expect(
      refusal(p, a, { type: 'redeem', key: 'r5', occurredAt: at('2024-03-22T10:00:00Z'), rewardId: 'free-coffee' })
        .code,
    ).toBe('member-limit-reached');
    expect(
      step(p, a, { type: 'redeem', key: 'r6', occurredAt: at('2024-04-01T10:00:00Z'), rewardId: 'free-coffee' })
        .evaluation.summary.spent,
    ).toBe('150');
  });
});

describe('paying with points', () => {
  it('converts at the rate, floors the discount to the cent and charges only what it costs', () => {
    const r = payWithPoints(
      p,
      rich,
      { key: 'p', occurredAt: at('2024-03-21T10:00:00Z'), orderId: 'o2', orderAmount: 10, points: '250' },
      { now },
    );
    expect(E.isRight(r) && [r.right.discount, r.right.summary.spent]).toEqual(['2.50', '250']);
    expect(
      refusal(p, rich, {
        type: 'pay-with-points',
        key: 'p',
        occurredAt: at('2024-03-21T10:00:00Z'),
        orderId: 'o2',
        orderAmount: 4,
        points: '250',
      }).code,
    ).toBe('share-above-maximum');
  });
});

describe('holds', () => {
  const when = at('2024-03-21T10:00:00Z');
  it('reserve points, then capture part and release the rest', () => {
    const held = hold(
      p,
      rich,
      { key: 'h', occurredAt: when, holdId: 'h1', points: '200', orderId: 'o2', orderAmount: 10 },
      { now },
    );
    if (E.isLeft(held)) throw new Error(held.left.message);
    const a = apply(rich, held.right.postings);
    expect(balance(p, a, { now: when + 1000 })).toMatchObject({ available: '100', held: '200' });
    expect(refusal(p, a, { type: 'hold', key: 'h2', occurredAt: when, holdId: 'h1', points: '10' }).code).toBe(
      'hold-exists',
    );
    const captured = capture(p, a, { key: 'c', occurredAt: when + 60_000, holdId: 'h1', points: '150' }, { now });
    if (E.isLeft(captured)) throw new Error(captured.left.message);
    expect(captured.right.postings.map((x) => x.kind)).toEqual(['release', 'spend', 'event']);
    expect(captured.right.discount).toBe('1.50');
    const b = apply(a, captured.right.postings);
    expect(balance(p, b, { now: when + 120_000 })).toMatchObject({ available: '150', held: '0' });
    expect(b.holds).toEqual([]);
  });

  it('are released on payment failure, and lapse after their time', () => {
    const held = step(p, rich, {
      type: 'hold',
      key: 'h',
      occurredAt: when,
      holdId: 'h1',
      rewardId: 'free-coffee',
    }).account;
    const released = release(p, held, { key: 'x', occurredAt: when + 1000, holdId: 'h1' }, { now });
    expect(
      E.isRight(released) && balance(p, apply(held, released.right.postings), { now: when + 2000 }).available,
    ).toBe('300');
    // Without an event the hold still counts as lapsed once its time has passed.
    expect(balance(p, held, { now: when + 16 * 60_000 })).toMatchObject({ available: '300', held: '0' });
    const lapsed = step(p, held, { type: 'tick', key: 'tk', occurredAt: when + 16 * 60_000 });
    expect(lapsed.evaluation.postings[0]).toMatchObject({ kind: 'release', reason: 'expired', at: when + 15 * 60_000 });
    expect(
      refusal(p, lapsed.account, { type: 'capture', key: 'c', occurredAt: when + 17 * 60_000, holdId: 'h1' }).code,
    ).toBe('unknown-hold');
  });
});
