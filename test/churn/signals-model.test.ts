import { describe, expect, it } from 'vitest';
import { bgnbdDropoutProbability, bgnbdExpectedPurchases, bgnbdProbabilityAlive, extractSignals } from '../../src/churn/index.js';
import { AS_OF, purchases } from './fixtures.js';
import { signalOf, strengthOf } from './signals-others.helpers.js';

const monthly = Array.from({ length: 12 }, (_, i) => 10 + 30 * i); // 10 … 340 days ago

describe('model signals', () => {
  it('reads per-customer model output', () => {
    const report = extractSignals(
      {
        transactions: purchases('j', monthly),
        model: { kind: 'per-customer', horizonDays: 90, values: { j: { probabilityAlive: 0.3, expectedPurchases: 0.5, dropoutProbability: 0.4 } } },
      },
      { asOf: AS_OF },
    );
    const alive = signalOf(report, 'j', 'model-low-p-alive')!;
    expect(alive.value).toBe(0.3);
    expect(alive.severity).toBe('warning');
    expect(alive.strength).toBeCloseTo(0.75, 12);
    const pace = (12 / 340) * 90;
    const drop = signalOf(report, 'j', 'model-purchase-drop')!;
    expect(drop.value).toBeCloseTo(1 - 0.5 / pace, 12);
    expect(drop.severity).toBe('critical');
    expect(drop.params).toMatchObject({ expectedPurchases: 0.5, horizonDays: 90, observedDays: 340 });
    const dropout = signalOf(report, 'j', 'model-dropout-risk')!;
    expect(dropout.value).toBe(0.4);
    expect(dropout.severity).toBe('critical');
    expect(dropout.strength).toBeCloseTo(0.4 / 0.6, 6);
    expect(report.modelHorizonDays).toBe(90);
  });

  it('computes P(alive), expected purchases and dropout risk from BG/NBD parameters (x, tx, T from purchase days)', () => {
    const params = { r: 0.75, alpha: 9, a: 0.793, b: 4.852 };
    const report = extractSignals(
      { transactions: purchases('j', monthly), model: { kind: 'bg-nbd', params, timeUnitDays: 7, horizonDays: 91 } },
      { asOf: AS_OF },
    );
    const summary = { x: 11, tx: 330 / 7, T: 340 / 7 };
    expect(strengthOf(report, 'j', 'model-low-p-alive')).toBeCloseTo(Math.max(0, (bgnbdProbabilityAlive(params, summary) - 0.9) / -0.8), 6);
    expect(strengthOf(report, 'j', 'model-dropout-risk')).toBeCloseTo(bgnbdDropoutProbability(params, summary, 13) / 0.6, 6);
    const expected = bgnbdExpectedPurchases(params, summary, 13);
    const pace = (12 / 340) * 91;
    expect(strengthOf(report, 'j', 'model-purchase-drop')).toBeCloseTo(Math.max(0, 1 - expected / pace), 6);
  });

  it('uses given summaries over derived ones', () => {
    const params = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
    const report = extractSignals(
      { transactions: purchases('j', [5]), model: { kind: 'bg-nbd', params, timeUnitDays: 7, horizonDays: 91, summaries: { j: { x: 10, tx: 20, T: 39 } } } },
      { asOf: AS_OF },
    );
    const p = bgnbdProbabilityAlive(params, { x: 10, tx: 20, T: 39 });
    expect(p).toBeLessThan(0.9);
    expect(strengthOf(report, 'j', 'model-low-p-alive')).toBeCloseTo(Math.min(1, (0.9 - p) / 0.8), 6);
  });

  it('zeroes the purchase-history heuristics in the uncalibrated score when a model is given, but still reports them', () => {
    const lapsed = purchases('l', [400, 380, 360, 340, 320, 300]);
    const withModel = extractSignals(
      { transactions: lapsed, model: { kind: 'per-customer', horizonDays: 90, values: {} } },
      { asOf: AS_OF },
    );
    const recency = signalOf(withModel, 'l', 'recency-overdue')!;
    expect(recency.severity).toBe('critical');
    expect(recency.contribution).toBe(0);
    const without = extractSignals({ transactions: lapsed }, { asOf: AS_OF });
    expect(signalOf(without, 'l', 'recency-overdue')!.contribution).toBeGreaterThan(0);
  });
});
