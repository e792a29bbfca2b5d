import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { apply, evaluate, evaluateAndApply, replay } from '../../src/loyalty/index.js';
import { account, at, deepFreeze, exampleProgram, purchase, refusal, simpleProgram, step } from './helpers.js';

describe('evaluate', () => {
  const p = simpleProgram({ pending: { mode: 'none' } });
  const a = step(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 30)).account;

  it('is a dry run: never changes the account (deep-frozen input)', () => {
    const frozen = deepFreeze(structuredClone(a));
    const result = evaluate(p, frozen, purchase('o2', '2024-03-06T10:00:00Z', 10), { now: at('2030-01-01T00:00:00Z') });
    expect(E.isRight(result)).toBe(true);
    expect(frozen).toEqual(a);
  });

  it('treats an applied key as a duplicate: accepted, no postings, nothing changes', () => {
    const result = evaluate(p, a, purchase('o1', '2024-03-05T10:00:00Z', 30), { now: at('2030-01-01T00:00:00Z') });
    expect(E.isRight(result) && result.right.status).toBe('duplicate');
    expect(E.isRight(result) && result.right.postings).toEqual([]);
    const first = evaluate(p, account(p), purchase('o1', '2024-03-05T10:00:00Z', 30), {
      now: at('2030-01-01T00:00:00Z'),
    });
    if (E.isLeft(first)) throw new Error('refused');
    expect(apply(a, first.right.postings)).toBe(a);
  });

  it('refuses out-of-order, future, wrong-member and not-effective events', () => {
    expect(refusal(p, a, purchase('o0', '2024-03-04T10:00:00Z', 10)).code).toBe('out-of-order');
    expect(refusal(p, a, purchase('o9', '2031-01-01T00:00:00Z', 10), { now: at('2030-01-01T00:00:00Z') }).code).toBe(
      'future-event',
    );
    expect(refusal(p, a, { ...purchase('o9', '2024-04-01T00:00:00Z', 10), memberId: 'someone-else' }).code).toBe(
      'wrong-member',
    );
    expect(refusal(p, account(p), purchase('o9', '2023-12-31T23:59:59Z', 10)).code).toBe('program-not-effective');
    const retired = simpleProgram({ effectiveTo: '2024-06-01' });
    expect(refusal(retired, account(retired), purchase('o9', '2024-06-01T00:00:00Z', 10)).code).toBe(
      'program-not-effective',
    );
    // Refunds of old orders still go through after the programme's end.
    const old = step(retired, account(retired), purchase('o1', '2024-05-01T00:00:00Z', 10)).account;
    expect(
      step(retired, old, { type: 'cancel', key: 'c', occurredAt: at('2024-07-01T00:00:00Z'), orderId: 'o1' }).evaluation
        .summary.clawedBack,
    ).toBe('10');
    expect(refusal(exampleProgram(), a, purchase('x', '2024-04-01T00:00:00Z', 1)).code).toBe('program-mismatch');
  });

  it('evaluateAndApply does both steps', () => {
    const both = evaluateAndApply(p, a, purchase('o2', '2024-03-06T10:00:00Z', 5), { now: at('2030-01-01T00:00:00Z') });
    expect(E.isRight(both) && both.right.account.totals.available).toBe('35');
  });

  it('accepts events at the same instant as the last one', () => {
    expect(step(p, a, purchase('o2', '2024-03-05T10:00:00Z', 5)).evaluation.status).toBe('accepted');
  });

  it('explains the event: local time, notes, rules', () => {
    const e = step(exampleProgram(), account(exampleProgram()), purchase('o1', '2024-06-08T09:00:00Z', 10)).evaluation;
    expect(e.explanation.localTime).toBe('2024-06-08 11:00 Europe/Paris');
    expect(e.explanation.earning?.rules.map((r) => r.ruleId)).toEqual([
      'beans-x2',
      'base',
      'welcome',
      'refer',
      'regular',
    ]);
    expect(e.explanation.earning?.campaigns[0]).toMatchObject({
      campaignId: 'double-weekend',
      applied: true,
      granted: '10',
    });
  });

  it('throws on postings that do not fit the account (a broken invariant)', () => {
    const result = evaluate(
      p,
      a,
      { type: 'adjust', key: 'x', occurredAt: at('2024-04-01T00:00:00Z'), points: '-10', reason: 'r' },
      { now: at('2030-01-01T00:00:00Z') },
    );
    if (E.isLeft(result)) throw new Error('refused');
    expect(() => apply(account(p), result.right.postings)).toThrow('[clientele]');
    expect(() => apply(a, result.right.postings.slice(0, -1))).toThrow('[clientele]');
  });
});

describe('replay', () => {
  it('sorts by time, applies, and reports duplicates and refusals', () => {
    const p = simpleProgram({ pending: { mode: 'none' } });
    const events = [
      purchase('o2', '2024-03-06T10:00:00Z', 20),
      purchase('o1', '2024-03-05T10:00:00Z', 10),
      purchase('o1', '2024-03-05T10:00:00Z', 10),
      { type: 'refund' as const, key: 'r', occurredAt: at('2024-03-07T10:00:00Z'), orderId: 'nope', amount: 1 },
    ];
    const { account: a, outcomes } = replay(p, events, { memberId: 'm-1' });
    expect(a.totals.available).toBe('30');
    expect(outcomes.map((o) => [o.key, o.status, o.code])).toEqual([
      ['o1', 'accepted', undefined],
      ['o1', 'duplicate', undefined],
      ['o2', 'accepted', undefined],
      ['r', 'refused', 'unknown-order'],
    ]);
  });
});
