import { describe, expect, it } from 'vitest';
import { tierAsOf, tierStatus } from '../../src/loyalty/index.js';
import { account, at, purchase, simpleProgram, step } from './helpers.js';

const levels = [
  { id: 'green', threshold: '0' },
  { id: 'silver', threshold: '500', multiplier: '1.25' },
  { id: 'gold', threshold: '1000', multiplier: '1.5', perks: ['lounge'] },
];

function tiered(tiers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return simpleProgram({
    pending: { mode: 'none' },
    tiers: { basis: 'points-earned', window: { kind: 'calendar-year' }, levels, ...tiers },
    ...extra,
  });
}

describe('tiers', () => {
  it('upgrades at once; the multiplier applies from the next event', () => {
    const p = tiered({});
    const first = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 1200));
    expect(first.evaluation.tier).toEqual({ before: 'green', after: 'gold' });
    expect(first.evaluation.summary.earned).toBe('1200');
    const second = step(p, first.account, purchase('o2', '2024-03-06T10:00:00Z', 100));
    expect(second.evaluation.summary.earned).toBe('150');
  });

  it('qualifies on points earned, never on the balance (redeeming does not demote)', () => {
    const p = tiered({}, { redemption: { rewards: [{ id: 'trip', cost: '900' }] } });
    let a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 1000)).account;
    a = step(p, a, { type: 'redeem', key: 'r', occurredAt: at('2024-03-06T10:00:00Z'), rewardId: 'trip' }).account;
    expect(a.tier.current).toBe('gold');
    expect(tierStatus(p, a, { now: at('2024-03-07T00:00:00Z') })?.qualifying).toBe('1000');
  });

  it('qualifies on spend or order counts', () => {
    const bySpend = simpleProgram({
      rules: [],
      pending: { mode: 'none' },
      tiers: {
        basis: 'spend',
        window: { kind: 'calendar-year' },
        levels: [
          { id: 'a', threshold: '0' },
          { id: 'b', threshold: '99.99' },
        ],
      },
    });
    expect(step(bySpend, account(bySpend), purchase('o1', '2024-03-05T10:00:00Z', 99.99)).account.tier.current).toBe(
      'b',
    );
    const byOrders = simpleProgram({
      pending: { mode: 'none' },
      tiers: {
        basis: 'orders',
        window: { kind: 'rolling', months: 1 },
        levels: [
          { id: 'a', threshold: '0' },
          { id: 'b', threshold: '3' },
        ],
      },
    });
    let a = account(byOrders);
    for (const day of ['01', '10', '20'])
      a = step(byOrders, a, purchase(`o${day}`, `2024-03-${day}T10:00:00Z`, 1)).account;
    expect(a.tier.current).toBe('b');
  });

  it('reviews at period end: keeps a qualified tier, downgrades after grace one step at a time', () => {
    const p = tiered({ downgrade: { mode: 'one-step', graceDays: 30 } });
    let a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 1200)).account;
    const kept = step(p, a, { type: 'tick', key: 't1', occurredAt: at('2025-01-02T00:00:00Z') });
    expect(kept.account.tier).toMatchObject({ current: 'gold', baseTier: 'gold', downgrade: null });
    a = kept.account;
    const scheduled = step(p, a, { type: 'tick', key: 't2', occurredAt: at('2026-01-05T00:00:00Z') });
    expect(scheduled.account.tier).toMatchObject({
      current: 'gold',
      downgrade: { at: at('2026-01-31T00:00:00Z'), to: 'silver' },
    });
    const status = tierStatus(p, scheduled.account, { now: at('2026-01-10T00:00:00Z') });
    expect(status?.downgradeScheduled).toEqual({ at: at('2026-01-31T00:00:00Z'), to: 'silver' });
    const down = step(p, scheduled.account, { type: 'tick', key: 't3', occurredAt: at('2026-02-01T00:00:00Z') });
    expect(down.account.tier).toMatchObject({ current: 'silver', downgrade: null });
  });

  it('recompute mode drops straight to the level earned; requalifying during grace cancels the downgrade', () => {
    const p = tiered({ downgrade: { mode: 'recompute', graceDays: 30 } });
    let a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 1200)).account;
    a = step(p, a, { type: 'tick', key: 't', occurredAt: at('2026-01-02T00:00:00Z') }).account;
    expect(a.tier.downgrade).toEqual({ at: at('2026-01-31T00:00:00Z'), to: 'green' });
    const requalified = step(p, a, purchase('o2', '2026-01-10T10:00:00Z', 1000));
    expect(requalified.account.tier).toMatchObject({ current: 'gold', downgrade: null });
    const noGrace = tiered({ downgrade: { mode: 'recompute', graceDays: 0 } });
    const b = step(noGrace, account(noGrace), purchase('o1', '2024-03-05T10:00:00Z', 1200)).account;
    expect(
      step(noGrace, b, { type: 'tick', key: 't', occurredAt: at('2026-01-02T00:00:00Z') }).account.tier.current,
    ).toBe('green');
  });

  it("a refund that undoes this period's upgrade reverts it", () => {
    const p = tiered({});
    let a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 400)).account;
    a = step(p, a, purchase('o2', '2024-03-06T10:00:00Z', 700)).account;
    expect(a.tier.current).toBe('gold');
    const reverted = step(p, a, { type: 'cancel', key: 'c', occurredAt: at('2024-03-07T10:00:00Z'), orderId: 'o2' });
    expect(reverted.evaluation.tier).toEqual({ before: 'gold', after: 'green' });
  });

  it('rolling and anniversary windows', () => {
    const rolling = tiered({ window: { kind: 'rolling', months: 12 } });
    let a = step(rolling, account(rolling), purchase('o1', '2024-03-05T10:00:00Z', 600)).account;
    expect(tierStatus(rolling, a, { now: at('2025-03-01T00:00:00Z') })?.keep).toMatchObject({
      reviewAt: at('2025-04-01T00:00:00Z'),
      qualifyingAtReview: '0',
      needed: '500',
    });
    a = step(rolling, a, { type: 'tick', key: 't', occurredAt: at('2025-04-02T00:00:00Z') }).account;
    expect(a.tier.current).toBe('green');
    const anniversary = tiered({ window: { kind: 'anniversary-year' } });
    let b = step(anniversary, account(anniversary), {
      type: 'signup',
      key: 's',
      occurredAt: at('2024-05-10T00:00:00Z'),
    }).account;
    b = step(anniversary, b, purchase('o1', '2024-06-01T10:00:00Z', 600)).account;
    expect(b.schedule.tierReviewAt).toBe(at('2025-05-10T00:00:00Z'));
  });

  it('reports progress, what keeps the tier and the projected tier', () => {
    const p = tiered({});
    const a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 700)).account;
    const status = tierStatus(p, a, { now: at('2024-06-01T00:00:00Z') })!;
    expect(status.current).toMatchObject({ id: 'silver', multiplier: '1.25' });
    expect(status.qualifying).toBe('700');
    expect(status.window).toEqual({ from: '2024-01-01', to: '2024-06-01' });
    expect(status.next).toMatchObject({ id: 'gold', needed: '300', progress: 0.7 });
    expect(status.keep).toMatchObject({ reviewAt: at('2025-01-01T00:00:00Z'), threshold: '500', needed: '0' });
    expect(status.projected.id).toBe('silver');
    expect(tierStatus(simpleProgram(), account(simpleProgram()), { now: 0 })).toBeUndefined();
  });

  it('tierAsOf reads the tier a tick would leave, without changing the account', () => {
    for (const downgrade of [
      { mode: 'one-step', graceDays: 30 },
      { mode: 'recompute', graceDays: 0 },
    ]) {
      for (const window of [{ kind: 'calendar-year' }, { kind: 'rolling', months: 3 }]) {
        const p = tiered({ downgrade, window });
        let a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 1200)).account;
        a = step(p, a, purchase('o2', '2024-11-20T10:00:00Z', 600)).account;
        for (const iso of [
          '2024-12-31T00:00:00Z',
          '2025-01-15T00:00:00Z',
          '2025-02-15T00:00:00Z',
          '2025-07-01T00:00:00Z',
          '2026-03-01T00:00:00Z',
          '2027-03-01T00:00:00Z',
        ]) {
          const ticked = step(p, a, { type: 'tick', key: `t-${iso}`, occurredAt: at(iso) }).account;
          expect(tierAsOf(p, a, at(iso))).toBe(ticked.tier.current);
        }
      }
    }
  });
});
