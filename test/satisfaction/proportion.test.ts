import { describe, expect, it } from 'vitest';
import { proportionEstimate } from '../../src/satisfaction/proportion.js';

describe('proportion estimate', () => {
  it('matches the Wilson test vectors 80/100 → [0.7112, 0.8666] and 0/10 → [0, 0.2775]', () => {
    const a = proportionEstimate({ count: 80, successes: 80, n: 100, weightSum: 100, effectiveN: 100 });
    expect(a.percent).toBe(80);
    expect(a.interval.lower).toBeCloseTo(71.12, 2);
    expect(a.interval.upper).toBeCloseTo(86.66, 2);
    expect(a.standardError).toBeCloseTo(4, 12);
    const b = proportionEstimate({ count: 0, successes: 0, n: 10, weightSum: 10, effectiveN: 10 });
    expect(b.interval.lower).toBe(0);
    expect(b.interval.upper).toBeCloseTo(27.75, 2);
  });

  it('uses the effective sample size with weights', () => {
    // weighted share 0.75 with n_eff 1.6 → the interval is the Wilson interval of 1.2 successes in 1.6 trials
    const estimate = proportionEstimate({ count: 1, successes: 3, n: 2, weightSum: 4, effectiveN: 1.6 });
    expect(estimate.share).toBe(0.75);
    expect(estimate.interval.lower).toBeLessThan(25);
    expect(estimate.interval.upper).toBeGreaterThan(95);
  });
});
