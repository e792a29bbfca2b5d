import { describe, expect, it } from 'vitest';
import { trend } from '../../src/satisfaction/trend.js';
import type { SurveyResponse } from '../../src/core/index.js';
import { repeat, shuffle } from './helpers.js';

function month(year: number, monthIndex: number, scores: readonly number[], start = 0): SurveyResponse[] {
  return scores.map((nps, i) => ({ id: `${year}-${monthIndex}-${start + i}`, respondedAt: Date.UTC(year, monthIndex, 1 + (i % 27), 12), nps, csat: nps >= 9 ? 5 : nps >= 7 ? 4 : 2 }));
}

const JAN = month(2024, 0, [...repeat(10, 50), ...repeat(8, 30), ...repeat(3, 20)]); // NPS 30
const FEB = month(2024, 1, [...repeat(10, 52), ...repeat(8, 28), ...repeat(3, 20)]); // NPS 32: not significant
const APR = month(2024, 3, [...repeat(10, 20), ...repeat(8, 30), ...repeat(3, 50)]); // NPS −30: significant drop (March empty)

describe('trend', () => {
  it('scores each month with an interval and flags significant changes against the previous reported period', () => {
    const result = trend([...APR, ...JAN, ...FEB], { metric: 'nps', unit: 'month' });
    expect(result.periods.map((p) => p.period)).toEqual(['2024-01', '2024-02', '2024-04']);
    expect(result.periods.map((p) => p.start)).toEqual(['2024-01-01', '2024-02-01', '2024-04-01']);
    expect(result.periods.map((p) => Math.round(p.result.score))).toEqual([30, 32, -30]);
    const [jan, feb, apr] = result.periods;
    expect(jan!.change).toBeNull();
    expect(jan!.changeNote).toBe('first reported period');
    expect(feb!.comparedWith).toBe('2024-01');
    expect(feb!.change!.difference).toBeCloseTo(2, 10);
    expect(feb!.significantChange).toBe(false);
    expect(apr!.comparedWith).toBe('2024-02');
    expect(apr!.change!.difference).toBeCloseTo(-62, 10);
    expect(apr!.significantChange).toBe(true);
    expect(result.significantChanges).toBe(1);
    for (const p of result.periods) {
      expect(p.result.interval.lower).toBeLessThanOrEqual(p.result.score);
      expect(p.result.n).toBe(100);
    }
  });

  it('gives the same trend whatever the input order', () => {
    const responses = [...JAN, ...FEB, ...APR];
    const a = trend(responses, { metric: 'csat', unit: 'quarter' });
    const b = trend(shuffle(responses, 7), { metric: 'csat', unit: 'quarter' });
    expect(b.periods.map((p) => [p.period, p.result.score])).toEqual(a.periods.map((p) => [p.period, p.result.score]));
    expect(a.periods.map((p) => p.period)).toEqual(['2024-Q1', '2024-Q2']);
    expect(a.periods[1]!.change!.test).toBe('two-proportion-z');
  });

  it('counts calendar days in the given time zone', () => {
    const late = [{ id: 'a', respondedAt: Date.parse('2024-01-31T20:00:00Z'), nps: 10 }];
    expect(trend(late, { metric: 'nps', unit: 'month' }).periods[0]!.period).toBe('2024-01');
    expect(trend(late, { metric: 'nps', unit: 'month', timeZone: 'Asia/Shanghai' }).periods[0]!.period).toBe('2024-02');
    expect(trend(late, { metric: 'nps', unit: 'week' }).periods[0]!.period).toBe('2024-01-29');
    expect(trend(late, { metric: 'nps', unit: 'week', weekStartsOn: 0 }).periods[0]!.period).toBe('2024-01-28');
    expect(() => trend(late, { metric: 'nps', unit: 'month', timeZone: 'Mars/Olympus' })).toThrow(/\[clientele\]/);
  });

  it('suppresses small periods when asked and compares across them', () => {
    const tiny = month(2024, 2, [10, 10]);
    const flagged = trend([...JAN, ...tiny, ...APR], { metric: 'nps', unit: 'month' });
    expect(flagged.periods).toHaveLength(3);
    expect(flagged.periods[1]!.result.reliable).toBe(false);
    const suppressed = trend([...JAN, ...tiny, ...APR], { metric: 'nps', unit: 'month', minimumSample: { minimumN: 30, smallGroups: 'suppress' } });
    expect(suppressed.periods.map((p) => p.period)).toEqual(['2024-01', '2024-04']);
    expect(suppressed.suppressed).toEqual([{ period: '2024-03', start: '2024-03-01', n: 2, effectiveN: 2, reason: 'effective n 2.0 < minimum 30' }]);
    expect(suppressed.periods[1]!.comparedWith).toBe('2024-01');
  });

  it('reports responses with a bad score or instant and excludes them', () => {
    const result = trend(
      [...month(2024, 0, [10, 9]), { id: 'x', respondedAt: Number.NaN, nps: 9 }, { id: 'y', respondedAt: 0, nps: 42 }],
      { metric: 'nps', unit: 'day' },
    );
    expect(result.excluded).toBe(2);
    expect(result.issues.map((i) => i.path).sort()).toEqual(['responses[2].respondedAt', 'responses[3].nps']);
    expect(result.periods).toHaveLength(2);
  });
});
