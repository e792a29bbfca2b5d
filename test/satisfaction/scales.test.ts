import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTopBoxSize, describeScale, isScalePoint, percentOfMaximum, resolveScale, scalePointIndex, scaleProblems } from '../../src/satisfaction/scales.js';

describe('scales', () => {
  it('use the documented top-box defaults by number of points', () => {
    expect(resolveScale('1-5').satisfied).toEqual([4, 5]);
    expect(resolveScale('1-4').satisfied).toEqual([3, 4]);
    expect(resolveScale('1-6').satisfied).toEqual([4, 5, 6]);
    expect(resolveScale('1-7').satisfied).toEqual([5, 6, 7]);
    expect(resolveScale('1-8').satisfied).toEqual([6, 7, 8]);
    expect(resolveScale('1-10').satisfied).toEqual([9, 10]);
    expect(resolveScale('0-10').satisfied).toEqual([9, 10]);
    expect(resolveScale('1-3').satisfied).toEqual([3]);
    expect(resolveScale('1-5').satisfiedRule).toBe('top-2-box (default for a 5-point scale)');
    expect(defaultTopBoxSize(12)).toBeUndefined();
  });

  it('mirror the top box on lower-is-better scales', () => {
    const scale = resolveScale({ min: 1, max: 5, direction: 'lower-is-better' });
    expect(scale.satisfied).toEqual([1, 2]);
    expect(percentOfMaximum(scale, 1)).toBe(100);
    expect(percentOfMaximum(scale, 5)).toBe(0);
    expect(scale.label).toBe('1-5 (lower is better)');
  });

  it('support custom steps, explicit sets and ranges', () => {
    const slider = resolveScale({ min: 0, max: 100, step: 10, satisfied: { from: 80, to: 100 } });
    expect(slider.points).toBe(11);
    expect(slider.satisfied).toEqual([80, 90, 100]);
    expect(scalePointIndex(slider, 70)).toBe(7);
    expect(scalePointIndex(slider, 75)).toBe(-1);
    const tenths = resolveScale({ min: 0, max: 1, step: 0.1, satisfied: [0.9, 1] });
    expect(tenths.satisfied).toEqual([0.9, 1]);
    expect(scalePointIndex(tenths, 0.3)).toBe(3);
    expect(isScalePoint(0.30000000000000004, 0, 1, 0.1)).toBe(true);
    expect(describeScale(resolveScale('1-5'))).toBe('score on the 1-5 scale (integer 1..5)');
  });

  it('list every problem of an invalid scale with its path', () => {
    expect(scaleProblems('1-5')).toEqual([]);
    expect(scaleProblems('five')[0]!.path).toEqual([]);
    expect(scaleProblems({ min: 5, max: 1 })[0]).toMatchObject({ path: ['max'] });
    expect(scaleProblems({ min: 1, max: 5, step: 3 })[0]).toMatchObject({ path: ['step'] });
    expect(scaleProblems({ min: 0, max: 100 })[0]).toMatchObject({ path: ['satisfied'] });
    expect(scaleProblems({ min: 1, max: 5, satisfied: [4, 9] })).toEqual([{ path: ['satisfied', 1], expected: 'a point of the scale 1-5', value: 9 }]);
    expect(scaleProblems({ min: 1, max: 5, colour: 'red' })[0]).toMatchObject({ path: ['colour'] });
    expect(scaleProblems({ min: 1, max: 5, satisfied: { from: 5, to: 4 } })[0]).toMatchObject({ path: ['satisfied', 'to'] });
    expect(() => resolveScale({ min: 1, max: 1 })).toThrow(/\[clientele\] invalid scale/);
  });

  it('never throw on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(Array.isArray(scaleProblems(input))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
