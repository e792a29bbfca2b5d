import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaUnderRoc, brierScore, calibrationTable, logLoss, precisionAtK } from '../../src/churn/index.js';

describe('areaUnderRoc', () => {
  it('hand example: 3 of 4 positive–negative pairs ordered correctly', () => {
    expect(areaUnderRoc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0])).toBe(0.75);
  });

  it('counts ties as one half', () => {
    expect(areaUnderRoc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
    // positives {0.7, 0.4}, negatives {0.4, 0.2}: pairs 1 + 1 + 0.5 + 1 = 3.5 of 4
    expect(areaUnderRoc([0.7, 0.4, 0.4, 0.2], [true, true, false, false])).toBe(0.875);
  });

  it('is NaN with one class and equals the brute-force pair count', () => {
    expect(areaUnderRoc([1, 2], [0, 0])).toBeNaN();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 40 }), (rows) => {
        const scores = rows.map((r) => r[0]);
        const labels = rows.map((r) => r[1]);
        let wins = 0;
        let pairs = 0;
        for (let i = 0; i < rows.length; i++) {
          for (let j = 0; j < rows.length; j++) {
            if (labels[i] && !labels[j]) {
              pairs++;
              wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
            }
          }
        }
        const auc = areaUnderRoc(scores, labels);
        if (pairs === 0) expect(auc).toBeNaN();
        else expect(auc).toBeCloseTo(wins / pairs, 12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('precisionAtK, calibration, Brier, log loss', () => {
  it('precision among the top k', () => {
    expect(precisionAtK([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0], 2)).toEqual({ k: 2, truePositives: 1, precision: 0.5 });
    expect(precisionAtK([0.9, 0.8], [1, 0], 5)).toEqual({ k: 2, truePositives: 1, precision: 0.5 });
    expect(precisionAtK([], [], 3).precision).toBeNaN();
  });

  it('calibration table bins sorted scores into equal groups with Wilson intervals', () => {
    const table = calibrationTable([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], { bins: 2 });
    expect(table.map((b) => [b.bin, b.count, b.meanPredicted, b.observedRate])).toEqual([
      [1, 2, 0.15000000000000002, 0],
      [2, 2, 0.8500000000000001, 1],
    ]);
    expect(table[0]!.interval.lower).toBe(0);
    expect(table[1]!.interval.upper).toBe(1);
  });

  it('Brier score and log loss', () => {
    expect(brierScore([0.8, 0.2], [1, 0])).toBeCloseTo(0.04, 12);
    expect(logLoss([0.5, 0.5], [1, 0])).toBeCloseTo(Math.LN2, 12);
    expect(logLoss([1, 0], [0, 1])).toBeCloseTo(-Math.log(1e-15), 2);
  });
});
