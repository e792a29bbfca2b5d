import { describe, expect, it } from 'vitest';
import { gammaQuantile, poissonInterval } from '../../src/satisfaction/poisson.js';

describe('Poisson interval', () => {
  it("matches Garwood's exact limits (scipy chi2: 5 events → [1.6235, 11.6683])", () => {
    const interval = poissonInterval(5);
    expect(interval.lower).toBeCloseTo(1.6234863901, 8);
    expect(interval.upper).toBeCloseTo(11.6683320793, 8);
    expect(poissonInterval(0).lower).toBe(0);
    expect(poissonInterval(0).upper).toBeCloseTo(3.6888794541, 8);
  });

  it('inverts the regularised gamma function', () => {
    expect(gammaQuantile(0.5, 1)).toBeCloseTo(Math.LN2, 10);
    expect(gammaQuantile(0, 3)).toBe(0);
  });
});
