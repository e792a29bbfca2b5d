/**
 * Ledger invariants as properties over thousands of random event sequences.
 */
import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account, LoyaltyEvent, Program } from '../../src/loyalty/index.js';
import { apply, balance, emptyAccount, evaluate, parseAccount, serializeAccount } from '../../src/loyalty/index.js';
import { deepFreeze, program } from './helpers.js';

const START = Date.parse('2024-01-01T00:00:00Z');
const NOW = Date.parse('2040-01-01T00:00:00Z');

function makeProgram(policy: string, spendOrder: string, scope: string, decimals: number): Program {
  return program({
    format: 'clientele.loyalty.program/1',
    id: 'prop',
    version: 1,
    effectiveFrom: '2024-01-01',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    points: { decimals },
    rounding: { mode: 'half-even', scope },
    pending: { mode: 'return-window', days: 10 },
    expiry: { lot: { kind: 'after', months: 3, roundTo: 'month' }, inactivityMonths: 8, spendOrder },
    negativeBalance: policy,
    caps: { perTransaction: '400', perMemberPerMonth: '1500' },
    rules: [
      { id: 'base', kind: 'spend', points: '1', per: '1.5' },
      { id: 'x2', kind: 'multiplier', factor: '2', categories: ['a'] },
      { id: 'bonus', kind: 'product-bonus', points: '3', categories: ['b'] },
      { id: 'welcome', kind: 'first-purchase', points: '20' },
      { id: 'review', kind: 'custom', eventName: 'review', points: '7', limit: { period: 'month', maxTimes: 3 } },
      { id: 'streak', kind: 'streak', purchases: 3, withinDays: 20, points: '15' },
    ],
    campaigns: [
      {
        id: 'weekend',
        from: '2024-01-01',
        to: '2030-01-01',
        effect: { kind: 'multiplier', factor: '1.5' },
        condition: { daysOfWeek: [6, 7] },
        budget: '100000',
      },
    ],
    tiers: {
      basis: 'points-earned',
      window: { kind: 'rolling', months: 2 },
      downgrade: { mode: 'one-step', graceDays: 5 },
      levels: [
        { id: 'a', threshold: '0' },
        { id: 'b', threshold: '300', multiplier: '1.25' },
        { id: 'c', threshold: '900', multiplier: '1.5' },
      ],
    },
    redemption: {
      minBalance: '10',
      rewards: [{ id: 'r', cost: '35' }],
      payWithPoints: { pointsPerUnit: '20', maxShare: '0.8' },
      holdMinutes: 600,
    },
    transfers: { enabled: true },
    partners: [{ id: 'miles', toPartner: { points: '50', partnerUnits: '10' } }],
  });
}

type Step =
  | { kind: 'purchase'; amount: number; lines: { category: 'a' | 'b' | 'c'; quantity: number; price: number }[] }
  | { kind: 'refund-amount'; order: number; share: number }
  | { kind: 'refund-line'; order: number; line: number }
  | { kind: 'cancel' | 'activate'; order: number }
  | { kind: 'redeem' | 'review' | 'tick' | 'convert' | 'release' | 'capture' }
  | { kind: 'pay'; points: number }
  | { kind: 'hold'; points: number }
  | { kind: 'adjust'; points: number }
  | { kind: 'transfer-in'; points: number; expiresInDays: number | null };

const line = fc.record({
  category: fc.constantFrom('a' as const, 'b' as const, 'c' as const),
  quantity: fc.integer({ min: 1, max: 3 }),
  price: fc.integer({ min: 1, max: 9000 }).map((c) => c / 100),
});
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('purchase' as const),
      amount: fc.constant(0),
      lines: fc.array(line, { minLength: 0, maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund-amount' as const),
      order: fc.nat(),
      share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund-line' as const), order: fc.nat(), line: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('cancel' as const, 'activate' as const), order: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'redeem' as const,
        'review' as const,
        'tick' as const,
        'convert' as const,
        'release' as const,
        'capture' as const,
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('pay' as const, 'hold' as const),
      points: fc.integer({ min: 1, max: 300 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      points: fc.integer({ min: -80, max: 80 }).filter((x) => x !== 0),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('transfer-in' as const),
      points: fc.integer({ min: 1, max: 200 }),
      expiresInDays: fc.option(fc.integer({ min: -5, max: 200 }), { nil: null }),
    }),
  },
);
const scenario = fc.array(fc.tuple(stepArbitrary, fc.integer({ min: 0, max: 20 * 24 * 60 })), {
  minLength: 1,
  maxLength: 40,
});

/** Turns generated steps into concrete events (unique keys, increasing times, references to earlier orders). */
function toEvents(steps: readonly [Step, number][], decimals: number): LoyaltyEvent[] {
  const events: LoyaltyEvent[] = [];
  const orders: { id: string; lines: number }[] = [];
  let time = START;
  let holds = 0;
  steps.forEach(([s, gapMinutes], i) => {
    // Captures and releases follow their hold closely (holds lapse after 10 hours).
    time += (s.kind === 'capture' || s.kind === 'release' ? gapMinutes % 120 : gapMinutes) * 60_000;
    const key = `e${i}`;
    const occurredAt = time;
    const points = (n: number) => (decimals === 0 ? String(n) : (n / 4).toFixed(2));
    const order = (n: number) => orders[n % Math.max(1, orders.length)];
    switch (s.kind) {
      case 'purchase': {
        const lines = s.lines.map((l, j) => ({
          sku: `sku-${j}`,
          category: l.category,
          quantity: l.quantity,
          unitPrice: l.price,
        }));
        const amount =
          lines.length === 0
            ? 12.34 + (i % 7) * 11.1
            : lines.reduce((sum, l) => sum + Math.round(l.unitPrice * 100) * l.quantity, 0) / 100;
        orders.push({ id: key, lines: lines.length });
        events.push({
          type: 'purchase',
          key,
          occurredAt,
          orderId: key,
          amount,
          ...(lines.length > 0 ? { lines } : {}),
          ...(i % 5 === 0 ? { channel: 'app' } : {}),
        });
        return;
      }
      case 'refund-amount': {
        const o = order(s.order);
        if (o !== undefined)
          events.push({
            type: 'refund',
            key,
            occurredAt,
            orderId: o.id,
            amount: Math.max(0.01, Math.round(s.share * 1000) / 100),
          });
        return;
      }
      case 'refund-line': {
        const o = order(s.order);
        if (o !== undefined && o.lines > 0)
          events.push({
            type: 'refund',
            key,
            occurredAt,
            orderId: o.id,
            lines: [{ sku: `sku-${s.line % o.lines}`, quantity: 1 }],
          });
        return;
      }
      case 'cancel':
      case 'activate': {
        const o = order(s.order);
        if (o !== undefined) events.push({ type: s.kind, key, occurredAt, orderId: o.id });
        return;
      }
      case 'redeem':
        events.push({ type: 'redeem', key, occurredAt, rewardId: 'r' });
        return;
      case 'review':
        events.push({ type: 'custom', key, occurredAt, name: 'review' });
        return;
      case 'tick':
        events.push({ type: 'tick', key, occurredAt });
        return;
      case 'convert':
        events.push({ type: 'convert', key, occurredAt, partnerId: 'miles', direction: 'to-partner', points: '50' });
        return;
      case 'release':
      case 'capture':
        events.push({ type: s.kind, key, occurredAt, holdId: `h${holds}` });
        return;
      case 'hold':
        holds++;
        events.push({ type: 'hold', key, occurredAt, holdId: `h${holds}`, points: points(s.points), orderAmount: 50 });
        // Checkout outcome: capture part of it, release it, or let it lapse.
        if (s.points % 3 === 0)
          events.push({
            type: 'capture',
            key: `${key}-c`,
            occurredAt: occurredAt + 60_000,
            holdId: `h${holds}`,
            points: points(Math.ceil(s.points / 2)),
          });
        else if (s.points % 3 === 1)
          events.push({ type: 'release', key: `${key}-r`, occurredAt: occurredAt + 60_000, holdId: `h${holds}` });
        time = occurredAt + 60_000;
        return;
      case 'pay':
        events.push({
          type: 'pay-with-points',
          key,
          occurredAt,
          orderId: `pay-${key}`,
          orderAmount: 40,
          points: points(s.points),
        });
        return;
      case 'adjust':
        events.push({ type: 'adjust', key, occurredAt, points: points(s.points), reason: 'test' });
        return;
      case 'transfer-in':
        events.push({
          type: 'transfer-in',
          key,
          occurredAt,
          transferId: key,
          from: 'friend',
          lots: [
            {
              points: points(s.points),
              earnedAt: occurredAt - 86_400_000,
              expiresAt: s.expiresInDays === null ? null : occurredAt + s.expiresInDays * 86_400_000,
            },
          ],
        });
        return;
    }
  });
  return events;
}

function units(text: string): number {
  return Math.round(Number(text) * 100);
}

function checkLedger(p: Program, a: Account, now: number): void {
  for (const lot of a.lots) {
    const [earned, remaining, held, spent, expired, clawedBack] = [
      lot.earned,
      lot.remaining,
      lot.held,
      lot.spent,
      lot.expired,
      lot.clawedBack,
    ].map(units);
    expect(Math.min(remaining!, held!, spent!, expired!, clawedBack!)).toBeGreaterThanOrEqual(0);
    expect(earned).toBe(remaining! + held! + spent! + expired! + clawedBack!);
  }
  const t = a.totals;
  expect(units(t.earned)).toBe(
    units(t.available) + units(t.pending) + units(t.held) + units(t.spent) + units(t.expired) + units(t.clawedBack),
  );
  expect(E.isRight(parseAccount(serializeAccount(a)))).toBe(true);
  const b = balance(p, a, { now });
  if (p.negativeBalance !== 'allow-negative') expect(units(b.available)).toBeGreaterThanOrEqual(0);
  expect(units(b.pending)).toBeGreaterThanOrEqual(0);
  expect(units(b.held)).toBeGreaterThanOrEqual(0);
}

const variants = fc.record({
  policy: fc.constantFrom('pending-only', 'within-balance', 'allow-negative'),
  spendOrder: fc.constantFrom('soonest-expiring', 'fifo'),
  scope: fc.constantFrom('line', 'order'),
  decimals: fc.constantFrom(0, 2),
});
const programs = new Map<string, Program>();
function programOf(v: { policy: string; spendOrder: string; scope: string; decimals: number }): Program {
  const key = JSON.stringify(v);
  let p = programs.get(key);
  if (p === undefined) {
    p = makeProgram(v.policy, v.spendOrder, v.scope, v.decimals);
    programs.set(key, p);
  }
  return p;
}

describe('ledger invariants (random event sequences)', () => {
  it('lots balance, nothing goes below zero, evaluate never mutates, applying twice equals once', () => {
    fc.assert(
      fc.property(variants, scenario, (v, steps) => {
        const p = programOf(v);
        let a = emptyAccount(p, { memberId: 'm', openedAt: START });
        for (const event of toEvents(steps, v.decimals)) {
          const frozen = deepFreeze(a);
          const result = evaluate(p, frozen, event, { now: NOW });
          if (E.isLeft(result)) continue;
          const once = apply(frozen, result.right.postings);
          // Applying the same postings again, or evaluating the same event again, changes nothing.
          expect(apply(once, result.right.postings)).toBe(once);
          const again = evaluate(p, once, event, { now: NOW });
          expect(E.isRight(again) && again.right.status).toBe('duplicate');
          a = once;
          checkLedger(p, a, event.occurredAt);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('serialise → parse → continue equals continue', () => {
    fc.assert(
      fc.property(variants, scenario, fc.nat(), (v, steps, cutSeed) => {
        const p = programOf(v);
        const events = toEvents(steps, v.decimals);
        const cut = cutSeed % (events.length + 1);
        const runFrom = (start: Account, list: readonly LoyaltyEvent[]): Account => {
          let a = start;
          for (const event of list) {
            const result = evaluate(p, a, event, { now: NOW });
            if (E.isRight(result)) a = apply(a, result.right.postings);
          }
          return a;
        };
        const head = runFrom(emptyAccount(p, { memberId: 'm', openedAt: START }), events.slice(0, cut));
        const restored = parseAccount(serializeAccount(head));
        if (E.isLeft(restored)) throw new Error(restored.left.map((i) => i.message).join('; '));
        expect(runFrom(restored.right, events.slice(cut))).toEqual(runFrom(head, events.slice(cut)));
      }),
      { numRuns: 300 },
    );
  });

  it('partial refunds adding up to the order equal a full cancellation', () => {
    const orderArbitrary = fc.record({
      lines: fc.array(line, { minLength: 1, maxLength: 4 }),
      parts: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
      before: fc.integer({ min: 0, max: 3 }),
      gapDays: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(variants, orderArbitrary, (v, o) => {
        const p = programOf(v);
        let a = emptyAccount(p, { memberId: 'm', openedAt: START });
        let time = START + 3 * 86_400_000;
        const push = (event: LoyaltyEvent): void => {
          const result = evaluate(p, a, event, { now: NOW });
          if (E.isLeft(result)) throw new Error(result.left.message);
          a = apply(a, result.right.postings);
        };
        for (let i = 0; i < o.before; i++)
          push({ type: 'purchase', key: `pre${i}`, occurredAt: (time += 3_600_000), orderId: `pre${i}`, amount: 30 });
        const lines = o.lines.map((l, j) => ({
          sku: `s${j}`,
          category: l.category,
          quantity: l.quantity,
          unitPrice: l.price,
        }));
        const cents = lines.reduce((sum, l) => sum + Math.round(l.unitPrice * 100) * l.quantity, 0);
        push({
          type: 'purchase',
          key: 'order',
          occurredAt: (time += 3_600_000),
          orderId: 'order',
          amount: cents / 100,
          lines,
        });
        const after = a;
        const refundAt = time + o.gapDays * 86_400_000;
        // Split the order amount into parts proportional to the weights, summing exactly to it.
        const weights = o.parts;
        const total = weights.reduce((x, y) => x + y, 0);
        let left = cents;
        const amounts = weights.map((w, i) => {
          const part = i === weights.length - 1 ? left : Math.floor((cents * w) / total);
          left -= part;
          return part;
        });
        a = after;
        amounts.forEach((c, i) => {
          if (c > 0) push({ type: 'refund', key: `r${i}`, occurredAt: refundAt, orderId: 'order', amount: c / 100 });
        });
        const partial = a;
        a = after;
        push({ type: 'cancel', key: 'cancel', occurredAt: refundAt, orderId: 'order' });
        const cancelled = a;
        expect(partial.totals).toEqual(cancelled.totals);
        expect(partial.qualification).toEqual(cancelled.qualification);
        expect(partial.orders.find((x) => x.orderId === 'order')?.clawedBack).toBe(
          cancelled.orders.find((x) => x.orderId === 'order')?.clawedBack,
        );
      }),
      { numRuns: 400 },
    );
  });
});
