import { describe, expect, it } from 'vitest';
import { correlationInference, midRanks, weightedCorrelationMatrix } from '../../src/satisfaction/correlation.js';

describe('correlations', () => {
  it('Pearson matches scipy (r 0.79179)', () => {
    const m = weightedCorrelationMatrix([Float64Array.of(1, 2, 3, 4, 5, 6), Float64Array.of(2, 1, 4, 3, 7, 5)], null);
    expect(m.matrix[1]).toBeCloseTo(0.7917946549, 9);
    expect(m.means[0]).toBe(3.5);
  });

  it('Spearman = Pearson on mid-ranks, matches scipy with ties (ρ 0.82078)', () => {
    expect(Array.from(midRanks(Float64Array.of(10, 20, 10, 30)))).toEqual([1.5, 3, 1.5, 4]);
    const m = weightedCorrelationMatrix([midRanks(Float64Array.of(1, 2, 3, 4, 5)), midRanks(Float64Array.of(5, 6, 7, 8, 7))], null);
    expect(m.matrix[1]).toBeCloseTo(0.8207826817, 9);
  });

  it('integer weights equal repeated rows', () => {
    const weighted = weightedCorrelationMatrix([Float64Array.of(1, 2, 3), Float64Array.of(1, 3, 2)], Float64Array.of(2, 1, 1));
    const repeated = weightedCorrelationMatrix([Float64Array.of(1, 1, 2, 3), Float64Array.of(1, 1, 3, 2)], null);
    expect(weighted.matrix[1]).toBeCloseTo(repeated.matrix[1]!, 12);
  });

  it('gives constant columns a zero correlation', () => {
    expect(weightedCorrelationMatrix([Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3)], null).matrix[1]).toBe(0);
  });

  it('tests r = 0.5 on 30 observations: p 0.0049 (t test with 28 df)', () => {
    const inference = correlationInference(0.5, 30);
    expect(inference.pValue).toBeCloseTo(0.0048999337, 8);
    expect(inference.interval.lower).toBeCloseTo(Math.tanh(Math.atanh(0.5) - 1.959963984540054 / Math.sqrt(27)), 12);
    expect(correlationInference(0.5, 2).pValue).toBe(1);
  });
});
