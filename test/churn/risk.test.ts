import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRisk, defaultRiskModel, extractSignals, reportRiskModel, riskLevel, type RiskModel } from '../../src/churn/index.js';
import { rankDescending } from '../../src/churn/ranking.js';
import { AS_OF, complaint, purchase, purchases } from './fixtures.js';

const transactions = [...purchases('a', [200, 160, 120, 80]), purchase('b', 100), ...purchases('c', [30, 20, 10])];
const report = extractSignals({ transactions, complaints: [complaint('c', 5)] }, { asOf: AS_OF });

describe('assessRisk', () => {
  it('scores with the logistic of intercept + Σ weight × strength (hand-checked)', () => {
    const a = assessRisk(report).customers.find((c) => c.customerId === 'a')!;
    const recency = ((80 * 4) / 150 - 1) / 3;
    const drop = 1 - 1 / ((3 * 90) / 110);
    const z = -3 + 2.2 * recency + 0.8 * drop + 0.3 * drop;
    expect(a.score).toBeCloseTo(1 / (1 + Math.exp(-z)), 6);
    expect(a.level).toBe('low');
    expect(a.reasons.map((r) => r.code)).toEqual(['recency-overdue', 'frequency-drop', 'spend-drop']);
    expect(a.positiveContribution).toBeCloseTo(z + 3, 6);
    expect(a.otherContribution).toBeCloseTo(0, 6);
    expect(a.value).toBeNull();
    expect(a.priority).toBe(a.score);
  });

  it('orders by priority = score × value and reports the value at risk', () => {
    const result = assessRisk(report, { values: { a: 1000, b: 10, c: 500 } });
    expect(result.customers.map((c) => c.customerId)).toEqual(
      [...result.customers].sort((x, y) => y.priority - x.priority).map((c) => c.customerId),
    );
    expect(result.valueAtRisk).toBeCloseTo(result.customers.reduce((s, c) => s + c.priority, 0), 9);
    const bySpend = assessRisk(report, { values: 'spend-last-year' });
    expect(bySpend.customers.find((c) => c.customerId === 'b')!.value).toBe(50);
    expect(Object.values(result.levelCounts).reduce((s, n) => s + n, 0)).toBe(3);
  });

  it('reuses the report signals as reasons under the default model and re-weighs them under another model', () => {
    const result = assessRisk(report);
    const a = result.customers.find((c) => c.customerId === 'a')!;
    expect(a.reasons[0]).toBe(report.customers[0]!.signals[0]);
    const model: RiskModel = { ...defaultRiskModel(), source: 'fitted', weights: { ...defaultRiskModel().weights, 'spend-drop': 5 } };
    const refit = assessRisk(report, { model }).customers.find((c) => c.customerId === 'a')!;
    expect(refit.reasons[0]!.code).toBe('spend-drop');
    expect(refit.reasons[0]!.contribution).toBeCloseTo(5 * (1 - 1 / ((3 * 90) / 110)), 6);
    const negative: RiskModel = { ...model, weights: { ...model.weights, 'recency-overdue': -1 } };
    expect(assessRisk(report, { model: negative }).customers.find((c) => c.customerId === 'a')!.reasons.map((r) => r.code)).not.toContain(
      'recency-overdue',
    );
  });

  it('uses the model-aware default when the report had a model', () => {
    const withModel = extractSignals({ transactions, model: { kind: 'per-customer', horizonDays: 90, values: {} } }, { asOf: AS_OF });
    expect(reportRiskModel(withModel).weights['recency-overdue']).toBe(0);
    expect(assessRisk(withModel).customers.every((c) => c.reasons.every((r) => r.code !== 'recency-overdue'))).toBe(true);
  });

  it('riskLevel uses the lower bounds', () => {
    const levels = { medium: 0.25, high: 0.5, critical: 0.75 };
    expect([0.1, 0.25, 0.5, 0.74, 0.75].map((s) => riskLevel(s, levels))).toEqual(['low', 'medium', 'high', 'high', 'critical']);
  });
});

describe('rankDescending', () => {
  it('matches a stable comparator sort (priority desc, then secondary desc, then index)', () => {
    const value = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, -0, 1, 1, 2, 2), fc.double({ min: -5, max: 5 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { maxLength: 300 }), (pairs) => {
        const primary = Float64Array.from(pairs, (p) => p[0]);
        const secondary = Float64Array.from(pairs, (p) => p[1]);
        const key = (v: number): number => (Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v);
        const expected = pairs
          .map((_, i) => i)
          .sort((x, y) => key(primary[y]!) - key(primary[x]!) || key(secondary[y]!) - key(secondary[x]!) || x - y);
        // NaN ranks like −∞; equal keys (incl. ±∞ − ±∞ = NaN in the comparator) fall through to the next key.
        expect(Array.from(rankDescending(primary, secondary))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
