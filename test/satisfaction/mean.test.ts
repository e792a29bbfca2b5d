import { describe, expect, it } from 'vitest';
import { meanEstimate } from '../../src/satisfaction/mean.js';

describe('mean estimate', () => {
  it('gives the Student t interval (values 4,5,3,4,5,2,4,5: mean 4, s 1.0690, t(0.975, 7) 2.3646 → [3.1063, 4.8937])', () => {
    const values = [4, 5, 3, 4, 5, 2, 4, 5];
    const shifted = values.map((v) => v - 1);
    const estimate = meanEstimate({
      n: 8,
      weightSum: 8,
      effectiveN: 8,
      shiftedSum: shifted.reduce((a, b) => a + b, 0),
      shiftedSquareSum: shifted.reduce((a, b) => a + b * b, 0),
      shift: 1,
      min: 1,
      max: 5,
      scale: '1-5',
    });
    expect(estimate.value).toBe(4);
    expect(estimate.standardDeviation).toBeCloseTo(1.0690449676, 9);
    expect(estimate.standardError).toBeCloseTo(0.3779644730, 9);
    expect(estimate.degreesOfFreedom).toBe(7);
    expect(estimate.interval.lower).toBeCloseTo(3.1062560409, 8);
    expect(estimate.interval.upper).toBeCloseTo(4.8937439591, 8);
  });

  it('with one effective response reports the whole scale and no standard deviation', () => {
    const estimate = meanEstimate({ n: 1, weightSum: 1, effectiveN: 1, shiftedSum: 3, shiftedSquareSum: 9, shift: 1, min: 1, max: 5, scale: '1-5' });
    expect(estimate.value).toBe(4);
    expect(estimate.standardDeviation).toBeNull();
    expect(estimate.degreesOfFreedom).toBeNull();
    expect(estimate.interval).toEqual({ lower: 1, upper: 5, level: 0.95 });
    expect(estimate.standardError).toBe(2);
  });

  it('clamps the interval to the scale', () => {
    const estimate = meanEstimate({ n: 3, weightSum: 3, effectiveN: 3, shiftedSum: 11, shiftedSquareSum: 41, shift: 1, min: 1, max: 5, scale: '1-5' });
    expect(estimate.interval.upper).toBeLessThanOrEqual(5);
  });
});
