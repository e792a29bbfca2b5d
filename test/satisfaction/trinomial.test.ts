import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedWaldNetScore, chooseNetScoreMethod, trinomialVariance, waldNetScore } from '../../src/satisfaction/trinomial.js';

// Reference test vectors (segmentation-satisfaction-churn-anchors.md §2.2, z = 1.95996).
const VECTORS = [
  { p: 50, d: 20, n: 100, wald: [0.3, 0.61, 0.0781, 0.1469, 0.4531], adjusted: [0.2913, 0.6093, 0.0769, 0.1405, 0.442] },
  { p: 9, d: 2, n: 11, wald: [0.6364, 0.595, 0.2326, 0.1805, 1.0922], adjusted: [0.5, 0.6429, 0.2143, 0.08, 0.92] },
  { p: 500, d: 200, n: 1000, wald: [0.3, 0.61, 0.0247, 0.2516, 0.3484], adjusted: [0.2991, 0.6099, 0.0247, 0.2508, 0.3474] },
] as const;

describe('trinomial net score', () => {
  it('matches the published Wald and adjusted-Wald vectors', () => {
    for (const v of VECTORS) {
      const wald = waldNetScore(v.p / v.n, v.d / v.n, v.n);
      expect(wald.score / 100).toBeCloseTo(v.wald[0], 4);
      expect(wald.variance).toBeCloseTo(v.wald[1], 4);
      expect(wald.standardError / 100).toBeCloseTo(v.wald[2], 4);
      expect(wald.interval.lower / 100).toBeCloseTo(v.wald[3], 4);
      // The 9/2/11 upper bound (1.0922) is clamped to 1.
      expect(wald.interval.upper / 100).toBeCloseTo(Math.min(1, v.wald[4]), 4);
      const adjusted = adjustedWaldNetScore(v.p / v.n, v.d / v.n, v.n);
      expect(adjusted.score / 100).toBeCloseTo(v.adjusted[0], 4);
      expect(adjusted.variance).toBeCloseTo(v.adjusted[1], 4);
      expect(adjusted.standardError / 100).toBeCloseTo(v.adjusted[2], 4);
      expect(adjusted.interval.lower / 100).toBeCloseTo(v.adjusted[3], 4);
      expect(adjusted.interval.upper / 100).toBeCloseTo(v.adjusted[4], 4);
    }
  });

  it('reports the unclamped Wald overshoot of 9/2/11 in its margin of error', () => {
    const wald = waldNetScore(9 / 11, 2 / 11, 11);
    expect(wald.score + wald.marginOfError).toBeCloseTo(109.22, 1);
    expect(wald.interval.upper).toBe(100);
  });

  it('variance equals the scored-trinomial form (1−NPS)²p + NPS²q + (−1−NPS)²d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (P, Q, D) => {
        const n = P + Q + D;
        fc.pre(n > 0);
        const p = P / n;
        const d = D / n;
        const q = Q / n;
        const net = p - d;
        const direct = (1 - net) ** 2 * p + net ** 2 * q + (-1 - net) ** 2 * d;
        expect(trinomialVariance(p, d)).toBeCloseTo(direct, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('intervals never leave −100..100 and contain the estimate they are centred on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (P, Q, D, level) => {
          const n = P + Q + D;
          fc.pre(n > 0);
          for (const estimate of [waldNetScore(P / n, D / n, n, level), adjustedWaldNetScore(P / n, D / n, n, level)]) {
            expect(estimate.interval.lower).toBeGreaterThanOrEqual(-100);
            expect(estimate.interval.upper).toBeLessThanOrEqual(100);
            expect(estimate.interval.lower).toBeLessThanOrEqual(estimate.score + 1e-9);
            expect(estimate.interval.upper).toBeGreaterThanOrEqual(estimate.score - 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('auto picks adjusted-Wald for small or degenerate samples and Wald otherwise, and says why', () => {
    expect(chooseNetScoreMethod('auto', 0.5, 0.2, 99.9)).toMatchObject({ method: 'adjusted-wald' });
    expect(chooseNetScoreMethod('auto', 0.5, 0.2, 100).method).toBe('wald');
    expect(chooseNetScoreMethod('auto', 1, 0, 5000)).toMatchObject({ method: 'adjusted-wald', rule: expect.stringContaining('zero') as string });
    expect(chooseNetScoreMethod('auto', 0.5, 0.2, 50, { smallSampleThreshold: 20 }).method).toBe('wald');
    expect(chooseNetScoreMethod('wald', 0.5, 0.2, 5).method).toBe('wald');
    expect(chooseNetScoreMethod('adjusted-wald', 0.5, 0.2, 5000).method).toBe('adjusted-wald');
    // 995 promoters of 1000: the Wald interval pokes above 100 before clamping.
    expect(chooseNetScoreMethod('auto', 0.999, 0, 1000).rule).toContain('beyond');
  });
});
