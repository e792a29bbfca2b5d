import fc from 'fast-check';
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  boundedInteger,
  boundedNumber,
  decodeWith,
  strictObject,
  strictPartial,
  taggedUnion,
} from '../../src/core/index.js';

const Cap = strictObject('cap', { points: t.number }, { period: t.string });
const Policy = taggedUnion('policy', 'mode', {
  none: strictObject('none', { mode: t.literal('none') }, {}),
  days: strictObject('days', { mode: t.literal('days'), days: boundedInteger(1, 365, 'days 1..365') }, {}),
});

describe('strictObject', () => {
  it('decodes declared keys and drops nothing declared', () => {
    expect(decodeWith(Cap, { points: 5, period: 'day' }, 'cap')).toEqual(E.right({ points: 5, period: 'day' }));
    expect(decodeWith(Cap, { points: 5 }, 'cap')).toEqual(E.right({ points: 5 }));
  });

  it('reports every undeclared key at its own path together with the other issues', () => {
    const result = decodeWith(Cap, { perod: 'day', extra: 1 }, 'cap');
    expect(E.isLeft(result)).toBe(true);
    if (E.isRight(result)) return;
    const byPath = Object.fromEntries(result.left.map((issue) => [issue.path, issue.expected]));
    expect(byPath['cap.perod']).toBe('no such field (allowed: points, period)');
    expect(byPath['cap.extra']).toBe('no such field (allowed: points, period)');
    expect(byPath['cap.points']).toBe('number');
  });

  it('is() refuses undeclared keys like validate does', () => {
    expect(Cap.is({ points: 1 })).toBe(true);
    expect(Cap.is({ points: 1, perod: 'x' })).toBe(false);
    expect(Cap.is([1])).toBe(false);
  });

  it('strictPartial accepts the empty object and refuses typos', () => {
    const Window = strictPartial('window', { days: t.number });
    expect(decodeWith(Window, {}, 'w')).toEqual(E.right({}));
    const typo = decodeWith(Window, { dayz: 3 }, 'w');
    expect(E.isLeft(typo) && typo.left.map((i) => i.path)).toEqual(['w.dayz']);
  });

  it('never throws on arbitrary JSON and decodes only objects whose keys are all declared', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = decodeWith(Cap, value, 'cap');
        if (E.isRight(result)) {
          expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
          for (const key of Object.keys(value as object)) expect(['points', 'period']).toContain(key);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('taggedUnion', () => {
  it('dispatches on the tag and reports a bad tag at the tag path', () => {
    expect(decodeWith(Policy, { mode: 'days', days: 30 }, 'p')).toEqual(E.right({ mode: 'days', days: 30 }));
    const bad = decodeWith(Policy, { mode: 'weeks' }, 'p');
    expect(E.isLeft(bad) && bad.left).toEqual([expect.objectContaining({ path: 'p.mode', expected: 'one of: none, days' })]);
    const member = decodeWith(Policy, { mode: 'days', days: 0 }, 'p');
    expect(E.isLeft(member) && member.left).toEqual([expect.objectContaining({ path: 'p.days', expected: 'days 1..365' })]);
    expect(Policy.is({ mode: 'none' })).toBe(true);
    expect(Policy.is({ mode: 'toString' })).toBe(false);
  });
});

describe('bounded numbers', () => {
  it('accept the closed range only, finite numbers only', () => {
    const probability = boundedNumber(0, 1, 'probability');
    expect([0, 0.5, 1].map((x) => probability.is(x))).toEqual([true, true, true]);
    expect([-0.1, 1.1, Number.NaN, '0.5'].map((x) => probability.is(x))).toEqual([false, false, false, false]);
    const days = boundedInteger(1, 3650);
    expect([1, 3650, 0, 1.5, 3651].map((x) => days.is(x))).toEqual([true, true, false, false, false]);
    expect(days.name).toBe('integer in [1, 3650]');
  });
});
