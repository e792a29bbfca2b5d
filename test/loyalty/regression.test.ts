/**
 * Regression oracle for the per-event fast paths (cached usage keys, small-number formatting and parsing, one-copy
 * array inserts in `apply`, the lone-campaign stacking shortcut, the cached local-time text): a generated stream of
 * purchases (with lines, channels, hours and weekends), refunds by amount and by line, cancellations and
 * redemptions, over three programmes (whole points, points with 2 decimals and competing campaigns, the example
 * programme) is evaluated and applied event by event, and the digest of every evaluation (or refusal) and of the
 * final accounts is compared with the digest the engine produced before those fast paths were added.
 */
import { createHash } from 'node:crypto';
import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import type { Account, LoyaltyEvent, Program } from '../../src/loyalty/index.js';
import { apply, emptyAccount, evaluate, EXAMPLE_PROGRAM } from '../../src/loyalty/index.js';
import { BENCH_RULES as RULES, BENCH_TIERS as TIERS } from './bench-program.js';
import { NOW, program } from './helpers.js';

/** Whole points, one weekend campaign, floor rounding per order (the benchmark programme). */
const WHOLE = {
  format: 'clientele.loyalty.program/1',
  id: 'regression-whole',
  version: 1,
  effectiveFrom: '2024-01-01',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  rounding: { mode: 'floor', scope: 'order' },
  expiry: { lot: { kind: 'after', months: 12, roundTo: 'month' } },
  caps: { perTransaction: '5000' },
  rules: RULES,
  campaigns: [
    {
      id: 'weekend',
      from: '2024-01-01',
      to: '2026-01-01',
      effect: { kind: 'multiplier', factor: '2' },
      condition: { daysOfWeek: [6, 7] },
    },
  ],
  tiers: TIERS,
};

/** Points with 2 decimals, per-line half-even rounding, member caps and competing campaigns. */
const DECIMAL = {
  ...WHOLE,
  id: 'regression-decimal',
  timeZone: 'America/New_York',
  points: { decimals: 2, value: '0.01' },
  rounding: { mode: 'half-even', scope: 'line' },
  caps: { perTransaction: '400', perMemberPerDay: '300', perMemberPerMonth: '2500' },
  rules: [...RULES.slice(0, 3), { id: 'base-extra', kind: 'spend', points: '0.37', per: '1' }, ...RULES.slice(3)],
  campaigns: [
    {
      id: 'weekend',
      from: '2024-01-01',
      to: '2026-01-01',
      effect: { kind: 'multiplier', factor: '1.5' },
      condition: { daysOfWeek: [6, 7] },
      stacking: 'best-of',
    },
    {
      id: 'saturday-bonus',
      from: '2024-01-01',
      to: '2026-01-01',
      effect: { kind: 'bonus', points: '7.5' },
      condition: { daysOfWeek: [6] },
      stacking: 'best-of',
    },
    {
      id: 'spring',
      from: '2024-03-01',
      to: '2024-06-01',
      effect: { kind: 'multiplier', factor: '1.1' },
      stacking: 'priority',
      priority: 2,
    },
    {
      id: 'spring-app',
      from: '2024-03-01',
      to: '2024-06-01',
      effect: { kind: 'bonus', points: '2' },
      condition: { channel: ['app'] },
      stacking: 'priority',
      priority: 1,
      limit: { period: 'month', maxTimes: 3 },
    },
  ],
};

const CATEGORIES = ['coffee', 'tea', 'gear'];
const START = Date.parse('2024-01-01T07:00:00Z');

/** A member's events: purchases every 3 to 60 hours, and now and then a refund, a cancellation or a redemption. */
function stream(seed: number, count: number): LoyaltyEvent[] {
  const rng = createRng(seed);
  const between = (low: number, high: number): number => low + rng.integer(high - low + 1);
  const events: LoyaltyEvent[] = [];
  const orders: { id: string; skus: string[] }[] = [];
  let at = START + between(0, 86_400_000);
  for (let i = 0; i < count; i++) {
    at += between(3, 150) * 3_600_000 + between(0, 3_599_999);
    const roll = rng.uniform();
    const key = `s${seed}-e${i}`;
    const open = orders.length === 0 ? undefined : orders[between(0, orders.length - 1)];
    if (roll < 0.08 && open !== undefined) {
      events.push({ type: 'refund', key, occurredAt: at, orderId: open.id, amount: between(1, 2_000) / 100 });
    } else if (roll < 0.13 && open !== undefined) {
      events.push({
        type: 'refund',
        key,
        occurredAt: at,
        orderId: open.id,
        lines: [{ sku: open.skus[0]!, quantity: 1 }],
      });
    } else if (roll < 0.16 && open !== undefined) {
      events.push({ type: 'cancel', key, occurredAt: at, orderId: open.id });
      orders.splice(orders.indexOf(open), 1);
    } else if (roll < 0.2) {
      events.push({ type: 'redeem', key, occurredAt: at, rewardId: 'free-coffee', quantity: 1 });
    } else {
      const lineCount = between(0, 3);
      const lines = Array.from({ length: lineCount }, (_, k) => ({
        sku: rng.uniform() < 0.2 ? 'BEANS-1KG' : `SKU${between(1, 40)}`,
        category: CATEGORIES[(i + k) % 3]!,
        quantity: between(1, 3),
        unitPrice: between(50, 6_000) / 100,
        ...(rng.uniform() < 0.2 ? { discount: between(1, 100) / 100 } : {}),
      }));
      const amount =
        lines.length === 0
          ? between(100, 20_000) / 100
          : Math.round(lines.reduce((sum, l) => sum + l.quantity * l.unitPrice - (l.discount ?? 0), 0) * 100) / 100;
      const orderId = `o-${key}`;
      events.push({
        type: 'purchase',
        key,
        occurredAt: at,
        orderId,
        amount: Math.max(0, amount),
        channel: rng.uniform() < 0.4 ? 'app' : 'store',
        ...(lines.length === 0 ? {} : { lines }),
      });
      orders.push({ id: orderId, skus: lines.length === 0 ? ['(order)'] : lines.map((l) => l.sku) });
    }
  }
  return events;
}

/** Evaluates and applies a stream member by member; the digest of every result and of the final accounts. */
function digestOf(p: Program, members: number, eventsPerMember: number, explain: boolean): string {
  const hash = createHash('sha256');
  for (let m = 0; m < members; m++) {
    let account: Account = emptyAccount(p, { memberId: `m${m}`, openedAt: START });
    for (const event of stream(1_000 + m, eventsPerMember)) {
      const result = evaluate(p, account, event, { now: NOW, explain, stockRemaining: { 'free-coffee': 1_000 } });
      hash.update(JSON.stringify(result));
      if (E.isRight(result)) {
        account = apply(account, result.right.postings);
        // Applying the same postings again is a no-op.
        if (apply(account, result.right.postings) !== account) throw new Error('re-applying changed the account');
      }
    }
    hash.update(JSON.stringify(account));
  }
  return hash.digest('hex').slice(0, 32);
}

describe('evaluate + apply give the results of the engine before the per-event fast paths', () => {
  it('whole points, one campaign (the benchmark programme)', () => {
    const p = program(WHOLE);
    expect(digestOf(p, 12, 120, true)).toBe('5f593eea8d026331b30be61fbc49d9f4');
    expect(digestOf(p, 4, 120, false)).toBe('e555ea060cc1c80815cb350b72c0c6a4');
  });

  it('points with 2 decimals, per-line rounding, caps and competing campaigns', () => {
    const p = program(DECIMAL);
    expect(digestOf(p, 12, 120, true)).toBe('e72f08a8343910938e0ed99730e798d4');
  });

  it('the example programme (pending points, redemption, budgets)', () => {
    const p = program(EXAMPLE_PROGRAM);
    expect(digestOf(p, 12, 120, true)).toBe('044ba2f2fdf9ff3480f7d556e35c2616');
  });
});
