import { describe, expect, it } from 'vitest';
import type { LoyaltyEvent } from '../../src/loyalty/index.js';
import { balance, expiringSoon } from '../../src/loyalty/index.js';
import { account, at, purchase, runAll, simpleProgram, step } from './helpers.js';

describe('lot expiry', () => {
  it('after a period rounded to the end of the day / month / quarter / year', () => {
    const expires = (roundTo: string) => {
      const p = simpleProgram({ pending: { mode: 'none' }, expiry: { lot: { kind: 'after', months: 12, roundTo } } });
      return step(p, account(p), purchase('o', '2024-05-17T10:00:00Z', 10)).account.lots[0]?.expiresAt;
    };
    expect(expires('day')).toBe(at('2025-05-18T00:00:00Z'));
    expect(expires('month')).toBe(at('2025-06-01T00:00:00Z'));
    expect(expires('quarter')).toBe(at('2025-07-01T00:00:00Z'));
    expect(expires('year')).toBe(at('2026-01-01T00:00:00Z'));
  });

  it('on a fixed calendar date at least minDays after earning', () => {
    const p = simpleProgram({
      pending: { mode: 'none' },
      expiry: { lot: { kind: 'fixed-date', dates: ['06-30', '12-31'], minDays: 90 } },
    });
    const lot = (iso: string) => step(p, account(p), purchase('o', iso, 10)).account.lots[0]?.expiresAt;
    expect(lot('2024-05-17T10:00:00Z')).toBe(at('2025-01-01T00:00:00Z')); // 17 May + 90 d = 15 Aug → 31 Dec
    expect(lot('2024-02-01T10:00:00Z')).toBe(at('2024-07-01T00:00:00Z')); // 1 Feb + 90 d = 1 May → 30 Jun
  });

  it('counts from activation or from earning for pending points', () => {
    const fromActivation = simpleProgram({
      pending: { mode: 'return-window', days: 30 },
      expiry: { lot: { kind: 'after', months: 1, roundTo: 'day' } },
    });
    const a = step(fromActivation, account(fromActivation), purchase('o', '2024-05-17T10:00:00Z', 10));
    expect(a.account.lots[0]?.expiresAt).toBeNull();
    const unlocked = step(fromActivation, a.account, {
      type: 'tick',
      key: 't',
      occurredAt: at('2024-06-20T00:00:00Z'),
    });
    expect(unlocked.account.lots[0]?.expiresAt).toBe(at('2024-07-17T00:00:00Z')); // unlocked 16 Jun 10:00 → 16 Jul, end of day
    const fromEarning = simpleProgram({
      pending: { mode: 'return-window', days: 30, expiryFrom: 'earning' },
      expiry: { lot: { kind: 'after', months: 1, roundTo: 'day' } },
    });
    expect(
      step(fromEarning, account(fromEarning), purchase('o', '2024-05-17T10:00:00Z', 10)).account.lots[0]?.expiresAt,
    ).toBe(at('2024-06-18T00:00:00Z'));
  });

  it('expires every point after months of inactivity; activity resets the clock', () => {
    const p = simpleProgram({ pending: { mode: 'none' }, expiry: { inactivityMonths: 6 } });
    let a = step(p, account(p), purchase('o1', '2024-01-10T10:00:00Z', 100)).account;
    expect(a.schedule.inactivityExpiresAt).toBe(at('2024-07-11T00:00:00Z'));
    a = step(p, a, purchase('o2', '2024-07-01T10:00:00Z', 50)).account;
    expect(balance(p, a, { now: at('2024-08-01T00:00:00Z') }).available).toBe('150');
    expect(balance(p, a, { now: at('2025-01-02T00:00:00Z') })).toMatchObject({
      available: '0',
      lifetime: { expired: '150' },
    });
    const expired = step(p, a, { type: 'tick', key: 't', occurredAt: at('2025-01-05T00:00:00Z') });
    expect(expired.evaluation.postings[0]).toMatchObject({
      kind: 'expire',
      reason: 'inactivity',
      points: '150',
      at: at('2025-01-02T00:00:00Z'),
    });
    expect(expiringSoon(p, a, { now: at('2024-12-15T00:00:00Z'), withinDays: 30 }).inactivityDeadline).toEqual({
      at: at('2025-01-02T00:00:00Z'),
      points: '150',
    });
  });
});

describe('spend order', () => {
  const events: LoyaltyEvent[] = [
    purchase('o1', '2024-01-10T10:00:00Z', 100),
    { type: 'adjust', key: 'short', occurredAt: at('2024-02-01T00:00:00Z'), points: '100', reason: 'promo' },
    { type: 'redeem', key: 'r', occurredAt: at('2024-03-01T00:00:00Z'), rewardId: 'r' },
  ];
  const setup = (spendOrder: string) =>
    simpleProgram({
      pending: { mode: 'none' },
      expiry: { lot: { kind: 'fixed-date', dates: ['06-30', '12-31'], minDays: 0 }, spendOrder },
      redemption: { rewards: [{ id: 'r', cost: '100' }] },
    });
  it('consumes the soonest-expiring lots first (default)', () => {
    const p = setup('soonest-expiring');
    // Both lots expire 30 Jun; ties go to the earlier earning.
    const { account: a } = runAll(p, account(p), events);
    expect(a.lots.map((l) => l.remaining)).toEqual(['0', '100']);
    const q = simpleProgram({
      pending: { mode: 'none' },
      expiry: { lot: { kind: 'after', months: 12, roundTo: 'year' } },
      redemption: { rewards: [{ id: 'r', cost: '100' }] },
    });
    const withLong = runAll(q, account(q), [
      purchase('o1', '2024-01-10T10:00:00Z', 100),
      { type: 'adjust', key: 'short', occurredAt: at('2024-02-01T00:00:00Z'), points: '100', reason: 'promo' },
      { type: 'redeem', key: 'r', occurredAt: at('2024-03-01T00:00:00Z'), rewardId: 'r' },
    ]).account;
    // Both expire at the end of 2025 → earning order.
    expect(withLong.lots.map((l) => l.remaining)).toEqual(['0', '100']);
  });
  it('or the oldest first (fifo)', () => {
    const p = setup('fifo');
    const { account: a } = runAll(p, account(p), events);
    expect(a.lots.map((l) => l.remaining)).toEqual(['0', '100']);
  });
  it('soonest-expiring beats earning order when expiries differ', () => {
    const p = simpleProgram({
      pending: { mode: 'none' },
      expiry: { lot: { kind: 'after', months: 1, roundTo: 'day' } },
      redemption: { rewards: [{ id: 'r', cost: '100' }] },
    });
    let a = step(p, account(p), {
      type: 'transfer-in',
      key: 'tin',
      occurredAt: at('2024-01-10T00:00:00Z'),
      transferId: 't',
      from: 'x',
      lots: [{ points: '100', earnedAt: at('2023-12-01T00:00:00Z'), expiresAt: at('2024-12-31T00:00:00Z') }],
    }).account;
    a = step(p, a, purchase('o1', '2024-01-11T10:00:00Z', 100)).account;
    a = step(p, a, { type: 'redeem', key: 'r', occurredAt: at('2024-01-12T00:00:00Z'), rewardId: 'r' }).account;
    expect(a.lots.map((l) => l.remaining)).toEqual(['100', '0']);
    const f = simpleProgram({
      pending: { mode: 'none' },
      expiry: { lot: { kind: 'after', months: 1, roundTo: 'day' }, spendOrder: 'fifo' },
      redemption: { rewards: [{ id: 'r', cost: '100' }] },
    });
    let b = step(f, account(f), {
      type: 'transfer-in',
      key: 'tin',
      occurredAt: at('2024-01-10T00:00:00Z'),
      transferId: 't',
      from: 'x',
      lots: [{ points: '100', earnedAt: at('2023-12-01T00:00:00Z'), expiresAt: at('2024-12-31T00:00:00Z') }],
    }).account;
    b = step(f, b, purchase('o1', '2024-01-11T10:00:00Z', 100)).account;
    b = step(f, b, { type: 'redeem', key: 'r', occurredAt: at('2024-01-12T00:00:00Z'), rewardId: 'r' }).account;
    expect(b.lots.map((l) => l.remaining)).toEqual(['0', '100']);
  });
});

describe('scheduled work', () => {
  it('gives the same ledger effects whether the host sends daily ticks or not', () => {
    const p = simpleProgram({
      pending: { mode: 'return-window', days: 10 },
      expiry: { lot: { kind: 'after', months: 2, roundTo: 'month' } },
      tiers: {
        basis: 'points-earned',
        window: { kind: 'calendar-year' },
        downgrade: { mode: 'one-step', graceDays: 10 },
        levels: [
          { id: 'a', threshold: '0' },
          { id: 'b', threshold: '100' },
        ],
      },
    });
    const events: LoyaltyEvent[] = [
      purchase('o1', '2024-10-05T10:00:00Z', 150),
      purchase('o2', '2025-03-01T10:00:00Z', 20),
    ];
    const quiet = runAll(p, account(p), events).account;
    const ticks: LoyaltyEvent[] = [];
    for (let d = at('2024-10-06T00:00:00Z'); d < at('2025-03-01T00:00:00Z'); d += 86_400_000)
      ticks.push({ type: 'tick', key: `tick-${d}`, occurredAt: d });
    const busy = runAll(
      p,
      account(p),
      [...events, ...ticks].sort((a, b) => a.occurredAt - b.occurredAt),
    ).account;
    // Lot ids differ (scheduled work is posted under whichever event ran it); the lots themselves do not.
    const strip = (lots: typeof quiet.lots) => lots.map((lot) => ({ ...lot, id: '', eventKey: '' }));
    expect(strip(busy.lots)).toEqual(strip(quiet.lots));
    expect(busy.totals).toEqual(quiet.totals);
    expect(busy.tier).toEqual(quiet.tier);
  });
});
