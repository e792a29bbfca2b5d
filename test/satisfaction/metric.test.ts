import { describe, expect, it } from 'vitest';
import { compareScores, prepareScore } from '../../src/satisfaction/metric.js';
import { csatFromScores } from '../../src/satisfaction/csat.js';
import { npsFromCounts } from '../../src/satisfaction/nps.js';
import { left, right } from './helpers.js';

describe('metric dispatch', () => {
  it('refuses to compare different metrics', () => {
    const a = right(npsFromCounts({ promoters: 5, passives: 5, detractors: 5 }));
    const b = right(csatFromScores([5, 4, 3]));
    expect(left(compareScores(a, b, { metric: 'nps' })).code).toBe('incompatible-results');
  });

  it('compares CSAT means on the raw scale when both use the same scale, else on percent of maximum', () => {
    const a = right(csatFromScores([5, 4, 4, 5, 3], { statistic: 'mean' }));
    const b = right(csatFromScores([2, 3, 2, 3, 1], { statistic: 'mean' }));
    const raw = right(compareScores(a, b, { metric: 'csat', statistic: 'mean' }));
    expect(raw.difference).toBeCloseTo(2, 10);
    const c = right(csatFromScores([7, 6, 5, 7], { scale: '1-7', statistic: 'mean' }));
    const pomp = right(compareScores(a, c, { metric: 'csat', statistic: 'mean' }));
    expect(pomp.difference).toBeCloseTo(80 - (100 * (6.25 - 1)) / 6, 8);
  });

  it('rejects an unknown metric passed in code', () => {
    expect(() => prepareScore([], { metric: 'eNPS' } as never)).toThrow(/\[clientele\]/);
  });
});
