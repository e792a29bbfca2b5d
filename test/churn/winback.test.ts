import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { evaluateWinBack, winBackPower, winBackSampleSize } from '../../src/churn/index.js';
import { AS_OF, purchase, refund } from './fixtures.js';

/** x reactivated of n per group: the first x customers of each group buy 20 days after the campaign start (AS_OF). */
function campaign(x1: number, n1: number, x0: number, n0: number) {
  const treatment = Array.from({ length: n1 }, (_, i) => `t${i}`);
  const control = Array.from({ length: n0 }, (_, i) => `c${i}`);
  const transactions = [
    ...treatment.slice(0, x1).map((id) => purchase(id, -20, 30)),
    ...control.slice(0, x0).map((id) => purchase(id, -20, 30)),
    ...[...treatment, ...control].map((id) => purchase(id, 200, 10)),
  ];
  return { treatment, control, transactions };
}

describe('winBackSampleSize', () => {
  it('matches Fleiss (no continuity correction): 10% → 15% at α 0.05, power 0.8 needs 686 per group', () => {
    expect(winBackSampleSize({ baselineRate: 0.1, uplift: 0.05 })).toEqual({ treatment: 686, control: 686 });
    expect(winBackPower({ baselineRate: 0.1, uplift: 0.05, treatment: 686, control: 686 })).toBeCloseTo(0.8, 2);
    const unequal = winBackSampleSize({ baselineRate: 0.1, uplift: 0.05, controlRatio: 0.5 })!;
    expect(unequal.control).toBe(Math.ceil(unequal.treatment / 2));
    expect(winBackSampleSize({ baselineRate: 0.98, uplift: 0.05 })).toBeNull();
  });
});

describe('evaluateWinBack', () => {
  it('reports rates, the uplift with Newcombe interval (Newcombe 1998 example: 56/70 vs 48/80 → 0.0524 to 0.3339) and a z-test', () => {
    const { treatment, control, transactions } = campaign(56, 70, 48, 80);
    const result = evaluateWinBack({ transactions }, { treatment, control, startAt: AS_OF, windowDays: 60 });
    expect(E.isRight(result)).toBe(true);
    if (E.isLeft(result)) return;
    const r = result.right;
    expect(r.window).toEqual({ start: '2024-07-01', endExclusive: '2024-08-30', days: 60 });
    expect(r.treatment).toMatchObject({ customers: 70, reactivated: 56, rate: 0.8, revenue: 56 * 30 });
    expect(r.control).toMatchObject({ customers: 80, reactivated: 48, rate: 0.6 });
    expect(r.uplift.estimate).toBeCloseTo(0.2, 12);
    expect(r.uplift.interval.lower).toBeCloseTo(0.0524, 4);
    expect(r.uplift.interval.upper).toBeCloseTo(0.3339, 4);
    expect(r.uplift.z).toBeCloseTo(2.65017, 4);
    expect(r.uplift.pValue).toBeCloseTo(0.008045, 5);
    expect(r.uplift.relative).toBeCloseTo(0.2 / 0.6, 12);
    expect(r.incrementalReactivations).toBeCloseTo(14, 9);
    expect(r.incrementalRevenue.estimate).toBeCloseTo((56 * 30) / 70 * 70 - ((48 * 30) / 80) * 70, 9);
    expect(r.incrementalRevenue.interval.lower).toBeLessThan(r.incrementalRevenue.estimate);
    expect(r.requiredSampleSize).toMatchObject({ targetUplift: 0.05 });
    expect(r.adequatelyPowered).toBe(false);
  });

  it('nets refunds in the window and ignores purchases outside it', () => {
    const transactions = [purchase('a', -10, 50), refund('a', -12, 20), purchase('a', -70, 99), purchase('b', 5, 40)];
    const result = evaluateWinBack({ transactions }, { treatment: ['a'], control: ['b'], startAt: AS_OF, windowDays: 30 });
    expect(E.isRight(result) && [result.right.treatment.revenue, result.right.control.reactivated]).toEqual([30, 0]);
  });

  it('refuses empty, overlapping groups and bad windows', () => {
    const refuse = (treatment: string[], control: string[], windowDays = 30) =>
      evaluateWinBack({ transactions: [] }, { treatment, control, startAt: AS_OF, windowDays });
    expect(refuse([], ['b'])).toEqual(E.left({ code: 'empty-group', message: 'the treatment group is empty' }));
    expect(E.isLeft(refuse(['a', 'b'], ['b'])) && (refuse(['a', 'b'], ['b']) as E.Left<{ code: string }>).left.code).toBe('overlapping-groups');
    expect(E.isLeft(refuse(['a'], ['b'], 0))).toBe(true);
  });
});
