import { describe, expect, it } from 'vitest';
import { beforeAfter } from '../../src/satisfaction/before-after.js';
import type { SurveyResponse } from '../../src/core/index.js';
import { left, repeat, right } from './helpers.js';

const DAY = 86_400_000;
const ACTION = Date.UTC(2024, 5, 1);

function around(offsetDays: number, scores: readonly number[]): SurveyResponse[] {
  return scores.map((csat, i) => ({ id: `${offsetDays}-${i}`, respondedAt: ACTION + offsetDays * DAY + i * 1000, csat }));
}

describe('beforeAfter', () => {
  const before = around(-10, [...repeat(5, 30), ...repeat(2, 70)]); // 30 % satisfied
  const after = around(10, [...repeat(5, 60), ...repeat(2, 40)]); // 60 % satisfied
  const old = around(-200, repeat(5, 50));

  it('reports the effect after − before with its interval and significance', () => {
    const result = right(beforeAfter([...after, ...old, ...before], { metric: 'csat', actionAt: '2024-06-01', windowDays: 30 }));
    expect(result.before.result.score).toBeCloseTo(30, 10);
    expect(result.after.result.score).toBeCloseTo(60, 10);
    expect(result.effect.difference).toBeCloseTo(30, 10);
    expect(result.effect.significant).toBe(true);
    expect(result.effect.interval.lower).toBeGreaterThan(0);
    expect(result.outsideWindows).toBe(50);
    expect(result.before.from).toBe('2024-05-02T00:00:00.000Z');
    expect(result.after.to).toBe('2024-07-01T00:00:00.000Z');
  });

  it('without a window uses everything before and after; the washout skips the roll-out', () => {
    const all = right(beforeAfter([...after, ...old, ...before], { metric: 'csat', actionAt: ACTION }));
    expect(all.before.result.n).toBe(150);
    expect(all.before.from).toBeNull();
    expect(all.after.to).toBeNull();
    const washed = left(beforeAfter([...after, ...before], { metric: 'csat', actionAt: ACTION, washoutDays: 20 }));
    expect(washed.code).toBe('no-responses-after');
    expect(left(beforeAfter(after, { metric: 'csat', actionAt: ACTION })).code).toBe('no-responses-before');
  });

  it('rejects bad windows passed in code', () => {
    expect(() => beforeAfter(before, { metric: 'csat', actionAt: ACTION, windowDays: 0 })).toThrow(/\[clientele\]/);
    expect(() => beforeAfter(before, { metric: 'csat', actionAt: 'not a date' })).toThrow();
  });
});
