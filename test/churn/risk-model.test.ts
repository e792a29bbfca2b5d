import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { createRng, type Transaction } from '../../src/core/index.js';
import { extractSignals, fitRiskModel, labelLapses } from '../../src/churn/index.js';
import { AS_OF, purchase } from './fixtures.js';

/** Customers buying at their own Poisson rate until a random dropout; purchases run until 90 days after AS_OF. */
function simulate(customers: number, seed: string): Transaction[] {
  const rng = createRng(seed);
  const out: Transaction[] = [];
  for (let c = 0; c < customers; c++) {
    const rate = rng.gamma(2, 60); // mean one purchase per 30 days
    const start = 400 + rng.uniform() * 300;
    const dropout = start - rng.exponential(1 / 250);
    for (let t = start; t > -90; t -= rng.exponential(rate)) {
      if (t < dropout) break;
      out.push(purchase(`c${c}`, t, 20 + rng.uniform() * 60));
    }
  }
  return out;
}

describe('labelLapses', () => {
  const txs = [purchase('a', 50), purchase('a', -10), purchase('b', 50), purchase('c', 50), purchase('c', -20), purchase('c', -150), purchase('d', -5)];

  it('no-purchase: lapsed when nothing is bought in the horizon', () => {
    expect(labelLapses({ transactions: txs }, { asOf: AS_OF, horizonDays: 90 })).toEqual({ a: false, b: true, c: false });
  });

  it('final-purchase: the last purchase falls in the horizon (confirmed by the follow-up silence)', () => {
    expect(labelLapses({ transactions: txs }, { asOf: AS_OF, horizonDays: 90, definition: 'final-purchase', followUpDays: 180 })).toEqual({
      a: true,
      b: false,
      c: false,
    });
  });
});

describe('fitRiskModel', () => {
  const transactions = simulate(1500, 'risk-model');
  const report = extractSignals({ transactions }, { asOf: AS_OF });
  const labels = labelLapses({ transactions }, { asOf: AS_OF, horizonDays: 90 });

  it('fits weights on a seeded split and reports AUC, precision at k and calibration on the holdout', () => {
    const fitted = fitRiskModel(report, labels, { seed: 7 });
    expect(E.isRight(fitted)).toBe(true);
    if (E.isLeft(fitted)) return;
    const r = fitted.right;
    expect(r.model.source).toBe('fitted');
    expect(r.training.customers + r.holdout.customers).toBe(Object.keys(labels).length);
    expect(r.holdout.customers / (r.training.customers + r.holdout.customers)).toBeCloseTo(0.3, 1);
    expect(r.calibrated.auc).toBeGreaterThan(0.75);
    expect(r.calibrated.auc).toBeGreaterThanOrEqual(r.uncalibrated.auc - 0.02);
    expect(r.calibrated.precisionAtK.map((p) => p.k)).toEqual([0.01, 0.05, 0.1].map((s) => Math.max(1, Math.round(s * r.holdout.customers))));
    expect(r.calibrated.calibration).toHaveLength(10);
    expect(r.calibrated.calibration.reduce((s, b) => s + b.count, 0)).toBe(r.holdout.customers);
    // calibrated: mean predicted ≈ observed rate overall
    const predicted = r.calibrated.calibration.reduce((s, b) => s + b.meanPredicted * b.count, 0) / r.holdout.customers;
    expect(predicted).toBeCloseTo(r.holdout.positives / r.holdout.customers, 1);
    expect(r.calibrated.brierScore).toBeLessThan(r.uncalibrated.brierScore);
    expect(r.model.weights['recency-overdue']).toBeGreaterThan(0);
    expect(r.unmatchedLabels).toBe(0);
  });

  it('is reproducible for a seed and changes the split with the seed', () => {
    const one = fitRiskModel(report, labels, { seed: 7 });
    expect(fitRiskModel(report, labels, { seed: 7 })).toEqual(one);
    const other = fitRiskModel(report, labels, { seed: 8 });
    expect(E.isRight(one) && E.isRight(other) && one.right.holdout.customers !== other.right.holdout.customers).toBe(true);
  });

  it('refuses too few labels or a bad holdout share instead of throwing', () => {
    const few = Object.fromEntries(Object.entries(labels).slice(0, 12));
    const refused = fitRiskModel(report, few, { seed: 1 });
    expect(E.isLeft(refused) && refused.left.code).toBe('insufficient-labels');
    const bad = fitRiskModel(report, labels, { seed: 1, holdoutFraction: 1 });
    expect(E.isLeft(bad) && bad.left.code).toBe('invalid-options');
    const unmatched = fitRiskModel(report, { ...labels, ghost: true }, { seed: 7 });
    expect(E.isRight(unmatched) && unmatched.right.unmatchedLabels).toBe(1);
  });

  it('can shrink toward zero instead of the default weights', () => {
    const ridge = fitRiskModel(report, labels, { seed: 7, shrinkToward: 'zero', l2: 1e6 });
    expect(E.isRight(ridge) && Math.abs(ridge.right.model.weights['recency-overdue'])).toBeLessThan(0.01);
    const anchored = fitRiskModel(report, labels, { seed: 7, l2: 1e6 });
    expect(E.isRight(anchored) && anchored.right.model.weights['recency-overdue']).toBeCloseTo(2.2, 2);
  });
});
