import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWith } from '../../src/core/index.js';
import { makeZone } from '../../src/loyalty/calendar.js';
import {
  compileCondition,
  ConditionCodec,
  CONDITION_LIMITS,
  referencedTiers,
  type ConditionContext,
  type ConditionDefinition,
} from '../../src/loyalty/condition.js';

const base: ConditionContext = {
  eventType: 'purchase',
  at: Date.parse('2024-05-04T10:30:00Z'),
  day: 19847,
  weekday: 6,
  hour: 12,
  amountMinor: 4300,
  amount: 43,
  itemCount: 3,
  orderCount: 2,
  memberDays: 40,
  channel: 'web',
  tier: 'gold',
  segments: ['vip', 'coffee-lover'],
  attributes: { store: 'paris-1', first: true, rating: 5 },
};
const options = { zone: makeZone('Europe/Paris'), currencyExponent: 2 };

function holds(definition: unknown, context: Partial<ConditionContext> = {}): boolean {
  const decoded = decodeWith(ConditionCodec, definition, 'condition');
  if (E.isLeft(decoded)) throw new Error(decoded.left.map((i) => i.message).join('; '));
  return compileCondition(decoded.right, options).test({ ...base, ...context });
}

describe('condition language', () => {
  it('evaluates every form', () => {
    expect(holds({ channel: ['web', 'app'] })).toBe(true);
    expect(holds({ channel: ['store'] })).toBe(false);
    expect(holds({ tier: ['gold'] })).toBe(true);
    expect(holds({ segment: ['vip'] })).toBe(true);
    expect(holds({ segment: ['churn-risk'] })).toBe(false);
    expect(holds({ minBasket: '43' })).toBe(true);
    expect(holds({ minBasket: '43.01' })).toBe(false);
    expect(holds({ daysOfWeek: [6, 7] })).toBe(true);
    expect(holds({ hours: { from: 11, to: 14 } })).toBe(true);
    expect(holds({ hours: { from: 22, to: 6 } }, { hour: 23 })).toBe(true);
    expect(holds({ hours: { from: 22, to: 6 } }, { hour: 12 })).toBe(false);
    expect(holds({ dateWindow: { from: '2024-05-01', to: '2024-06-01' } })).toBe(true);
    expect(holds({ dateWindow: { to: '2024-05-04T12:30' } })).toBe(false); // 12:30 Paris = 10:30Z, `to` is exclusive
    expect(holds({ field: 'amount', op: 'gte', value: 43 })).toBe(true);
    expect(holds({ field: 'amount', op: 'gt', value: 43 })).toBe(false);
    expect(holds({ field: 'itemCount', between: [2, 3] })).toBe(true);
    expect(holds({ field: 'attributes.store', in: ['paris-1', 'lyon-2'] })).toBe(true);
    expect(holds({ field: 'attributes.store', notIn: ['paris-1'] })).toBe(false);
    expect(holds({ field: 'attributes.missing', notIn: ['x'] })).toBe(true);
    expect(holds({ field: 'attributes.first', op: 'eq', value: true })).toBe(true);
    expect(holds({ field: 'eventType', op: 'ne', value: 'custom' })).toBe(true);
    expect(holds({ all: [{ channel: ['web'] }, { not: { tier: ['green'] } }] })).toBe(true);
    expect(holds({ any: [{ channel: ['store'] }, { minBasket: 100 }] })).toBe(false);
  });

  it('explains the first failing leaf with its path', () => {
    const decoded = decodeWith(ConditionCodec, { all: [{ channel: ['web'] }, { minBasket: '50' }] }, 'c');
    if (E.isLeft(decoded)) throw new Error('bad');
    const compiled = compileCondition(decoded.right, options, 'program.rules[1].condition');
    expect(compiled.explain(base)).toBe('program.rules[1].condition.all[1]: order amount ≥ 50');
    expect(compiled.explain({ ...base, amountMinor: 6000 })).toBeUndefined();
  });

  it('reports every problem with its path', () => {
    const result = decodeWith(
      ConditionCodec,
      {
        all: [
          { channel: [] },
          { field: 'price', op: 'eq', value: 1 },
          { field: 'amount', op: 'around', value: 'x' },
          { hours: { from: 25, to: 3 } },
          { daysOfWeek: [0, 8] },
          { foo: 1 },
        ],
      },
      'rule.condition',
    );
    expect(E.isLeft(result)).toBe(true);
    const paths = E.isLeft(result) ? result.left.map((i) => i.path) : [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'rule.condition.all[0].channel',
        'rule.condition.all[1].field',
        'rule.condition.all[2].op',
        'rule.condition.all[2].value',
        'rule.condition.all[3].hours.from',
        'rule.condition.all[4].daysOfWeek[0]',
        'rule.condition.all[4].daysOfWeek[1]',
        'rule.condition.all[5]',
      ]),
    );
  });

  it('bounds depth and size', () => {
    let deep: ConditionDefinition = { channel: ['web'] };
    for (let i = 0; i < CONDITION_LIMITS.maxDepth + 2; i++) deep = { not: deep };
    expect(E.isLeft(decodeWith(ConditionCodec, deep, 'c'))).toBe(true);
    const wide = { any: Array.from({ length: CONDITION_LIMITS.maxNodes + 5 }, () => ({ channel: ['web'] })) };
    expect(E.isLeft(decodeWith(ConditionCodec, wide, 'c'))).toBe(true);
  });

  it('lists referenced tiers', () => {
    expect(referencedTiers({ any: [{ tier: ['gold'] }, { field: 'tier', op: 'eq', value: 'silver' }] })).toEqual([
      'gold',
      'silver',
    ]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        decodeWith(ConditionCodec, input, 'c');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.json(), (text) => {
        decodeWith(ConditionCodec, JSON.parse(text), 'c');
      }),
      { numRuns: 300 },
    );
  });
});
