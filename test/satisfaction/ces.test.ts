import { describe, expect, it } from 'vitest';
import { ces, cesFromScores } from '../../src/satisfaction/ces.js';
import { left, repeat, right } from './helpers.js';

describe('ces', () => {
  it('computes all three conventions and names the headline one', () => {
    // CYS example flavour: mean = Σ / n
    const scores = [...repeat(7, 30), ...repeat(6, 20), ...repeat(5, 15), ...repeat(4, 15), ...repeat(3, 10), ...repeat(2, 6), ...repeat(1, 4)];
    const mean = right(cesFromScores(scores));
    expect(mean.convention).toBe('mean');
    expect(mean.conventionLabel).toBe('mean on the 1-7 scale (higher = easier)');
    expect(mean.score).toBeCloseTo((210 + 120 + 75 + 60 + 30 + 12 + 4) / 100, 12);
    expect(mean.index.easyPoints).toEqual([6, 7]);
    expect(mean.index.difficultPoints).toEqual([1, 2, 3]);
    expect(mean.index.score).toBeCloseTo(50 - 20, 12);
    expect(mean.agree.points).toEqual([5, 6, 7]);
    expect(mean.agree.percent).toBe(65);

    const index = right(cesFromScores(scores, { convention: 'index' }));
    expect(index.conventionLabel).toBe('% easy (6, 7) − % difficult (1, 2, 3) on 1-7');
    expect(index.score).toBeCloseTo(30, 12);
    expect(index.interval.lower).toBeGreaterThanOrEqual(-100);
    expect(index.index.intervalMethod).toBe('wald');
    const agree = right(cesFromScores(scores, { convention: 'agree' }));
    expect(agree.score).toBe(65);
    expect(agree.conventionLabel).toBe('% agree (5, 6, 7) on 1-7');
  });

  it('supports the original 5-point scale where lower means less effort', () => {
    const result = right(cesFromScores([1, 2, 3, 4, 5, 1], { scale: { min: 1, max: 5, direction: 'lower-is-better' }, convention: 'index' }));
    expect(result.index.easyPoints).toEqual([1, 2]);
    expect(result.index.difficultPoints).toEqual([4, 5]);
    expect(result.score).toBeCloseTo(100 * (3 / 6 - 2 / 6), 12);
    expect(result.conventionLabel).toContain('1-5 (lower is better)');
    expect(result.scale.direction).toBe('lower-is-better');
  });

  it('accepts custom easy/difficult/agree sets and rejects overlapping ones', () => {
    const result = right(cesFromScores([7, 5, 4, 1], { easy: [5, 6, 7], difficult: [1, 2], convention: 'index' }));
    expect(result.score).toBe(25);
    expect(() => cesFromScores([7], { easy: [6, 7], difficult: [7] })).toThrow(/\[clientele\]/);
    expect(() => cesFromScores([7], { easy: [8] })).toThrow(/\[clientele\]/);
  });

  it('reports bad scores and refuses an empty sample', () => {
    const result = right(ces([{ id: 'a', respondedAt: 0, ces: 7 }, { id: 'b', respondedAt: 0, ces: 8 }]));
    expect(result.issues[0]!.path).toBe('responses[1].ces');
    expect(left(ces([{ id: 'a', respondedAt: 0 }])).code).toBe('no-valid-responses');
  });
});
