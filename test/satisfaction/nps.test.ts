import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nps, npsFromCounts, npsFromScores } from '../../src/satisfaction/nps.js';
import type { SurveyResponse } from '../../src/core/index.js';
import { left, npsResponses, repeat, right, shuffle } from './helpers.js';

const PUBLISHED = [...repeat(10, 30), ...repeat(9, 20), ...repeat(8, 20), ...repeat(7, 10), ...repeat(5, 12), ...repeat(0, 8)];

describe('nps', () => {
  it('50 promoters / 20 detractors / 100 → NPS 30 with the published intervals', () => {
    const result = right(nps(npsResponses(PUBLISHED)));
    expect(result.score).toBeCloseTo(30, 12);
    expect(result.counts).toEqual({ promoters: 50, passives: 30, detractors: 20 });
    expect(result.shares).toEqual({ promoters: 0.5, passives: 0.3, detractors: 0.2 });
    expect(result.variance).toBeCloseTo(0.61, 12);
    expect(result.n).toBe(100);
    expect(result.effectiveN).toBe(100);
    expect(result.level).toBe(0.95);
    // n = 100 is not below the small-sample threshold: Wald is reported, adjusted-Wald alongside.
    expect(result.intervalMethod).toBe('wald');
    expect(result.interval.lower).toBeCloseTo(14.69, 2);
    expect(result.interval.upper).toBeCloseTo(45.31, 2);
    expect(result.standardError).toBeCloseTo(7.81, 2);
    expect(result.adjustedWald.score).toBeCloseTo(29.13, 2);
    expect(result.adjustedWald.interval.lower).toBeCloseTo(14.05, 2);
    expect(result.adjustedWald.interval.upper).toBeCloseTo(44.2, 2);
    expect(result.reliable).toBe(true);
    expect(result.excluded).toBe(0);
  });

  it('uses adjusted-Wald by default for small samples (9 promoters, 2 detractors of 11)', () => {
    const result = right(npsFromCounts({ promoters: 9, passives: 0, detractors: 2 }));
    expect(result.intervalMethod).toBe('adjusted-wald');
    expect(result.intervalRule).toContain('effective n 11.0 < 100');
    expect(result.score).toBeCloseTo(63.64, 2);
    expect(result.interval.lower).toBeCloseTo(8.0, 2);
    expect(result.interval.upper).toBeCloseTo(92.0, 2);
    expect(result.wald.interval.upper).toBe(100);
    expect(result.reliable).toBe(false);
    expect(result.reliabilityReason).toBe('effective n 11.0 < minimum 30');
  });

  it('reports and excludes out-of-scale, non-integer, missing and badly weighted responses', () => {
    const responses = [
      ...npsResponses([10, 3, 8]),
      { id: 'x1', respondedAt: 0, nps: 11 },
      { id: 'x2', respondedAt: 0, nps: 7.5 },
      { id: 'x3', respondedAt: 0 },
      { id: 'x4', respondedAt: 0, nps: 9, weight: 0 },
      null as unknown as SurveyResponse,
      { id: 'x5', respondedAt: 0, nps: '9' as unknown as number },
    ];
    const result = right(nps(responses));
    expect(result.n).toBe(3);
    expect(result.excluded).toBe(6);
    expect(result.issues.map((issue) => issue.path)).toEqual([
      'responses[3].nps',
      'responses[4].nps',
      'responses[5].nps',
      'responses[6].weight',
      'responses[7]',
      'responses[8].nps',
    ]);
    expect(result.issues[2]!.expected).toContain('missing');
    expect(result.issues[0]!.message).toBe('responses[3].nps: expected NPS score (integer 0..10), received 11');
  });

  it('refuses when nothing valid is left, with the issues', () => {
    const refusal = left(nps([{ id: 'a', respondedAt: 0, nps: -1 }]));
    expect(refusal.code).toBe('no-valid-responses');
    expect(refusal.excluded).toBe(1);
    expect(refusal.issues).toHaveLength(1);
    expect(left(nps([])).code).toBe('no-valid-responses');
    expect(left(npsFromScores([])).code).toBe('no-valid-responses');
  });

  it('weights shift the shares and shrink the effective sample size used by the interval', () => {
    const responses: SurveyResponse[] = [
      { id: 'a', respondedAt: 0, nps: 10, weight: 3 },
      { id: 'b', respondedAt: 0, nps: 0, weight: 1 },
    ];
    const result = right(nps(responses));
    expect(result.score).toBeCloseTo(50, 12);
    expect(result.weightSum).toBe(4);
    expect(result.effectiveN).toBeCloseTo(1.6, 12);
    expect(result.counts).toEqual({ promoters: 1, passives: 0, detractors: 1 });
    expect(result.weighted).toEqual({ promoters: 3, passives: 0, detractors: 1 });
    const unweighted = right(nps(responses, { weighting: 'none' }));
    expect(unweighted.score).toBe(0);
    expect(unweighted.effectiveN).toBe(2);
  });

  it('gives identical results for records, plain arrays and typed arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), (scores) => {
        const fromRecords = right(nps(npsResponses(scores)));
        const fromArray = right(npsFromScores(scores));
        const fromTyped = right(npsFromScores(Uint8Array.from(scores)));
        expect(fromArray).toEqual(fromRecords);
        expect(fromTyped).toEqual(fromRecords);
      }),
      { numRuns: 100 },
    );
  });

  it('with weights of 1 equals the unweighted result (ESS = n)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const unweighted = right(npsFromScores(scores));
        const weighted = right(npsFromScores(scores, { weights: new Float64Array(scores.length).fill(1) }));
        expect(weighted.effectiveN).toBe(scores.length);
        expect(weighted.score).toBeCloseTo(unweighted.score, 10);
        expect(weighted.interval.lower).toBeCloseTo(unweighted.interval.lower, 10);
        expect(weighted.interval.upper).toBeCloseTo(unweighted.interval.upper, 10);
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the responses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ nps: fc.integer({ min: 0, max: 10 }), weight: fc.double({ min: 0.1, max: 10, noNaN: true }) }), { minLength: 1, maxLength: 150 }),
        fc.integer(),
        (rows, seed) => {
          const responses = rows.map((row, i) => ({ id: `s${i}`, respondedAt: 0, ...row }));
          const a = right(nps(responses));
          const b = right(nps(shuffle(responses, seed)));
          expect(b.counts).toEqual(a.counts);
          expect(b.score).toBeCloseTo(a.score, 9);
          expect(b.effectiveN).toBeCloseTo(a.effectiveN, 9);
          expect(b.interval.lower).toBeCloseTo(a.interval.lower, 9);
          expect(b.interval.upper).toBeCloseTo(a.interval.upper, 9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps every interval within −100..100 for any sample, method and level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom('auto' as const, 'wald' as const, 'adjusted-wald' as const),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (scores, method, level) => {
          const result = right(npsFromScores(scores, { interval: method, level }));
          expect(result.interval.lower).toBeGreaterThanOrEqual(-100);
          expect(result.interval.upper).toBeLessThanOrEqual(100);
          expect(result.score).toBeGreaterThanOrEqual(-100);
          expect(result.score).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fast path reports invalid entries as scores[i] / weights[i]', () => {
    const result = right(npsFromScores([10, Number.NaN, 12, 5], { weights: [1, 1, 1, -2] }));
    expect(result.n).toBe(1);
    expect(result.excluded).toBe(3);
    expect(result.issues.map((issue) => issue.path)).toEqual(['scores[1]', 'scores[2]', 'weights[3]']);
    expect(() => npsFromScores([1, 2], { weights: [1] })).toThrow(/\[clientele\]/);
  });

  it('supports custom category breaks and the minimum-sample rule options', () => {
    const result = right(npsFromCounts({ promoters: 10, passives: 0, detractors: 0 }, { minimumSample: { minimumN: 5, maxMarginOfError: 5 } }));
    expect(result.reliable).toBe(false);
    expect(result.reliabilityReason).toContain('margin of error');
    const shifted = right(npsFromScores([8, 8, 6], { promoterMin: 8, detractorMax: 5 }));
    expect(shifted.counts).toEqual({ promoters: 2, passives: 1, detractors: 0 });
    expect(shifted.breaks).toEqual({ promoterMin: 8, detractorMax: 5 });
    expect(() => npsFromScores([1], { promoterMin: 5, detractorMax: 6 })).toThrow(/\[clientele\]/);
    expect(() => npsFromScores([1], { level: 1.2 })).toThrow(/\[clientele\]/);
    const counted = right(npsFromCounts({ promoters: 3, passives: 1, detractors: 1 }, { minimumSample: { minimumN: 5, basis: 'responses' } }));
    expect(counted.reliabilityReason).toBe('n 5 ≥ minimum 5');
  });

  it('is JSON-serialisable', () => {
    const result = right(nps(npsResponses(PUBLISHED)));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
