import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csat, csatFromScores } from '../../src/satisfaction/csat.js';
import type { SurveyResponse } from '../../src/core/index.js';
import { left, repeat, right } from './helpers.js';

function csatResponses(scores: readonly number[], fields: Partial<SurveyResponse> = {}): SurveyResponse[] {
  return scores.map((score, i) => ({ id: `s${i}`, respondedAt: 0, csat: score, ...fields }));
}

describe('csat', () => {
  it('80 of 100 satisfied on 1-5 → 80 % with the Wilson interval [71.12, 86.66]', () => {
    const scores = [...repeat(5, 50), ...repeat(4, 30), ...repeat(3, 10), ...repeat(2, 6), ...repeat(1, 4)];
    const result = right(csat(csatResponses(scores)));
    expect(result.statistic).toBe('share');
    expect(result.score).toBe(80);
    expect(result.interval.lower).toBeCloseTo(71.12, 2);
    expect(result.interval.upper).toBeCloseTo(86.66, 2);
    expect(result.satisfied.count).toBe(80);
    expect(result.scales).toEqual([{ label: '1-5', satisfied: [4, 5], satisfiedRule: 'top-2-box (default for a 5-point scale)', n: 100 }]);
    expect(result.mean!.value).toBeCloseTo(4.16, 12);
    expect(result.percentOfMaximum.value).toBeCloseTo(79, 10);
    expect(result.reliable).toBe(true);
  });

  it('reports the mean with its t interval when asked', () => {
    const result = right(csatFromScores([4, 5, 3, 4, 5, 2, 4, 5], { statistic: 'mean' }));
    expect(result.statistic).toBe('mean');
    expect(result.score).toBe(4);
    expect(result.interval.lower).toBeCloseTo(3.1063, 4);
    expect(result.interval.upper).toBeCloseTo(4.8937, 4);
    expect(result.satisfied.percent).toBe(75);
  });

  it('handles 1-7, 1-10 and custom scales with their default or configured satisfied sets', () => {
    expect(right(csatFromScores([5, 6, 7, 4], { scale: '1-7' })).score).toBe(75);
    expect(right(csatFromScores([9, 10, 8, 1], { scale: '1-10' })).score).toBe(50);
    const custom = right(csatFromScores([0, 50, 80, 100], { scale: { min: 0, max: 100, step: 10, satisfied: { from: 80, to: 100 } } }));
    expect(custom.score).toBe(50);
    expect(custom.mean!.value).toBeCloseTo(57.5, 12);
    const reversed = right(csatFromScores([1, 2, 5], { scale: { min: 1, max: 5, direction: 'lower-is-better' } }));
    expect(reversed.satisfied.count).toBe(2);
    expect(reversed.percentOfMaximum.value).toBeCloseTo((100 + 75 + 0) / 3, 10);
  });

  it('mixes named scales: shares combine, the raw mean is withheld, percent of maximum is comparable', () => {
    const responses: SurveyResponse[] = [
      { id: 'a', respondedAt: 0, survey: 'shop', csat: 5 },
      { id: 'b', respondedAt: 0, survey: 'shop', csat: 2 },
      { id: 'c', respondedAt: 0, survey: 'support', csat: 7 },
      { id: 'd', respondedAt: 0, survey: 'support', csat: 4 },
      { id: 'e', respondedAt: 0, survey: 'legacy', csat: 4 },
      { id: 'f', respondedAt: 0, csat: 4 },
    ];
    const result = right(csat(responses, { scales: { shop: '1-5', support: '1-7' }, statistic: 'mean' }));
    expect(result.n).toBe(4);
    expect(result.satisfied.count).toBe(2);
    expect(result.mean).toBeNull();
    expect(result.statistic).toBe('percent-of-maximum');
    expect(result.scales.map((s) => s.label)).toEqual(['1-5', '1-7']);
    expect(result.issues.map((i) => [i.path, i.expected])).toEqual([
      ['responses[4].survey', 'known scale, one of: shop, support'],
      ['responses[5].survey', 'scale name, one of: shop, support (missing)'],
    ]);
    // With a fallback scale, responses without a survey name use it.
    const withFallback = right(csat(responses, { scales: { shop: '1-5', support: '1-7' }, scale: '1-5' }));
    expect(withFallback.n).toBe(5);
    expect(withFallback.excluded).toBe(1);
    // A host function can name the scale.
    const viaFunction = right(csat(responses, { scales: { five: '1-5' }, scaleOf: () => 'five' }));
    expect(viaFunction.excluded).toBe(1); // 7 is off the 1-5 scale
    expect(viaFunction.issues[0]!.path).toBe('responses[2].csat');
  });

  it('reports out-of-scale and missing scores and refuses when nothing is left', () => {
    const result = right(csat([{ id: 'a', respondedAt: 0, csat: 4 }, { id: 'b', respondedAt: 0, csat: 6 }, { id: 'c', respondedAt: 0 }]));
    expect(result.excluded).toBe(2);
    expect(result.issues.map((i) => i.path)).toEqual(['responses[1].csat', 'responses[2].csat']);
    expect(result.issues[0]!.expected).toBe('score on the 1-5 scale (integer 1..5)');
    expect(left(csat([{ id: 'a', respondedAt: 0, csat: 0 }])).code).toBe('no-valid-responses');
    const fast = right(csatFromScores([4, 9, 2], { weights: [1, 1, 0] }));
    expect(fast.issues.map((i) => i.path)).toEqual(['scores[1]', 'weights[2]']);
  });

  it('weights enter the share and the effective sample size', () => {
    const result = right(csatFromScores([5, 1], { weights: [3, 1] }));
    expect(result.score).toBe(75);
    expect(result.effectiveN).toBeCloseTo(1.6, 12);
    expect(result.satisfied.effectiveN).toBeCloseTo(1.6, 12);
  });

  it('keeps shares in 0..100 and means on the scale for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 80 }), (scores) => {
        const result = right(csatFromScores(scores, { scale: '1-7', statistic: 'mean' }));
        expect(result.satisfied.interval.lower).toBeGreaterThanOrEqual(0);
        expect(result.satisfied.interval.upper).toBeLessThanOrEqual(100);
        expect(result.interval.lower).toBeGreaterThanOrEqual(1);
        expect(result.interval.upper).toBeLessThanOrEqual(7);
        expect(result.interval.lower).toBeLessThanOrEqual(result.score + 1e-12);
      }),
      { numRuns: 150 },
    );
  });
});
