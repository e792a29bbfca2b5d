import { describe, expect, it } from 'vitest';
import { extractSignals, type SignalReport } from '../../src/churn/index.js';
import { cadenceRate, poissonLowerTail } from '../../src/churn/signals-purchase.js';
import { AS_OF, purchase, purchases, refund } from './fixtures.js';

function signal(report: SignalReport, customerId: string, code: string) {
  return report.customers.find((c) => c.customerId === customerId)?.signals.find((s) => s.code === code);
}
function strength(report: SignalReport, customerId: string, code: string): number {
  const i = report.customers.findIndex((c) => c.customerId === customerId);
  return report.strengths[i * report.codes.length + report.codes.indexOf(code as never)]!;
}

describe('recency-overdue', () => {
  it('judges the gap against the customer own cadence (Gamma–Poisson shrinkage toward the cohort gap)', () => {
    // 4 purchase days over 120 days, cohort fallback gap 30: rate = (3 + 1) / (120 + 30) = 4/150 per day.
    const report = extractSignals({ transactions: purchases('a', [200, 160, 120, 80]) }, { asOf: AS_OF });
    expect(report.cohort).toEqual({ typicalGapDays: 30, basis: 'fallback', repeatBuyers: 1 });
    const s = signal(report, 'a', 'recency-overdue')!;
    expect(s.value).toBeCloseTo((80 * 4) / 150, 12);
    expect(s.severity).toBe('warning');
    expect(s.threshold).toBe(1.5);
    expect(s.strength).toBeCloseTo(((80 * 4) / 150 - 1) / 3, 6);
    expect(s.contribution).toBeCloseTo(2.2 * s.strength, 12);
    expect(s.reasonId).toBe('recency-overdue.own-cadence');
    expect(s.params).toMatchObject({ daysSinceLastPurchase: 80, expectedGapDays: 37.5, purchaseDays: 4, basis: 'own-cadence' });
    expect(s.params.probabilityOfGap).toBeCloseTo(Math.exp(-(80 * 4) / 150), 12);
  });

  it('falls back to the cohort gap for one-time buyers', () => {
    const report = extractSignals({ transactions: [purchase('b', 100)] }, { asOf: AS_OF });
    const s = signal(report, 'b', 'recency-overdue')!;
    expect(s.value).toBeCloseTo(100 / 30, 12);
    expect(s.severity).toBe('critical');
    expect(s.reasonId).toBe('recency-overdue.cohort');
    expect(s.params.basis).toBe('cohort');
  });

  it('estimates the cohort gap from repeat buyers when there are enough of them', () => {
    const txs = Array.from({ length: 25 }, (_, i) => purchases(`r${i}`, [100, 100 - (10 + i)])).flat();
    const report = extractSignals({ transactions: [...txs, purchase('one', 50), purchase('two', 25)] }, { asOf: AS_OF });
    // gaps 10..34 days: median 22
    expect(report.cohort).toEqual({ typicalGapDays: 22, basis: 'data', repeatBuyers: 25 });
    expect(signal(report, 'one', 'recency-overdue')!.value).toBeCloseTo(50 / 22, 12);
    expect(signal(report, 'two', 'recency-overdue')).toBeUndefined();
    expect(strength(report, 'two', 'recency-overdue')).toBeCloseTo((25 / 22 - 1) / 3, 6);
  });

  it('is not raised for a customer buying on schedule', () => {
    const report = extractSignals({ transactions: purchases('a', [90, 60, 30]) }, { asOf: AS_OF });
    expect(signal(report, 'a', 'recency-overdue')).toBeUndefined();
  });
});

describe('frequency, spend and AOV drops', () => {
  it('compares the last 90 days with the rest of the trailing year', () => {
    // every 10 days from 360 to 100 days ago: 27 orders over a 270-day baseline, none recently
    const days = Array.from({ length: 27 }, (_, i) => 100 + 10 * i);
    const report = extractSignals({ transactions: purchases('c', days) }, { asOf: AS_OF });
    const f = signal(report, 'c', 'frequency-drop')!;
    expect(f.value).toBe(1);
    expect(f.severity).toBe('critical');
    expect(f.params).toMatchObject({ recentOrders: 0, baselineOrders: 27, baselineDays: 270, windowDays: 90, change: -1 });
    expect(f.params.expectedOrders).toBeCloseTo(9, 12);
    expect(f.params.probability).toBeCloseTo(Math.exp(-9), 12);
    const s = signal(report, 'c', 'spend-drop')!;
    expect(s.value).toBe(1);
    expect(s.params.expectedSpend).toBeCloseTo(450, 9);
    expect(signal(report, 'c', 'aov-drop')).toBeUndefined();
  });

  it('detects a smaller basket while frequency holds', () => {
    const days = Array.from({ length: 36 }, (_, i) => 5 + 10 * i); // 5 … 355 days ago
    const txs = days.map((d) => purchase('d', d, d < 90 ? 40 : 100));
    const report = extractSignals({ transactions: txs }, { asOf: AS_OF });
    expect(signal(report, 'd', 'frequency-drop')).toBeUndefined();
    expect(strength(report, 'd', 'frequency-drop')).toBeCloseTo(1 - 9 / ((27 * 90) / 265), 6);
    const aov = signal(report, 'd', 'aov-drop')!;
    expect(aov.value).toBeCloseTo(0.6, 12);
    expect(aov.severity).toBe('critical');
    expect(aov.strength).toBeCloseTo(0.5 / 0.6, 6);
    const spend = signal(report, 'd', 'spend-drop')!;
    expect(spend.value).toBeCloseTo(1 - 360 / ((2700 * 90) / 265), 12);
    expect(spend.severity).toBe('warning');
  });

  it('nets refunds out of spend but not out of order counts', () => {
    const days = Array.from({ length: 27 }, (_, i) => 100 + 10 * i);
    const txs = [...purchases('c', days), purchase('c', 30), refund('c', 20, 50)];
    const report = extractSignals({ transactions: txs }, { asOf: AS_OF });
    expect(report.customers[0]!.orders).toBe(28);
    expect(signal(report, 'c', 'spend-drop')!.params.recentSpend).toBe(0);
    expect(signal(report, 'c', 'frequency-drop')!.params.recentOrders).toBe(1);
  });

  it('does not judge drops for rare buyers (too few expected orders) or new customers', () => {
    const rare = extractSignals({ transactions: purchases('r', [300, 200, 150]) }, { asOf: AS_OF });
    expect(strength(rare, 'r', 'frequency-drop')).toBe(0);
    const fresh = extractSignals({ transactions: purchases('n', [60, 50, 40, 30]) }, { asOf: AS_OF });
    expect(strength(fresh, 'n', 'frequency-drop')).toBe(0);
  });

  it('counts rows of one order once', () => {
    const txs = [purchase('o', 10, 20, { orderId: 'X' }), purchase('o', 10, 30, { orderId: 'X' }), purchase('o', 5, 10, { orderId: 'Y' })];
    expect(extractSignals({ transactions: txs }, { asOf: AS_OF }).customers[0]!.orders).toBe(2);
  });
});

describe('helpers', () => {
  it('cadenceRate shrinks toward the cohort and falls back for one-time buyers', () => {
    expect(cadenceRate(5, 80, 30, 1)).toBeCloseTo(5 / 110, 15);
    expect(cadenceRate(1, 0, 30, 1)).toBeCloseTo(1 / 30, 15);
    expect(cadenceRate(5, 80, null, 1)).toBeCloseTo(4 / 80, 15);
    expect(cadenceRate(5, 80, 30, 0)).toBeCloseTo(4 / 80, 15);
    expect(cadenceRate(1, 0, null, 1)).toBeNaN();
  });

  it('poissonLowerTail matches the Poisson CDF', () => {
    expect(poissonLowerTail(0, 3)).toBeCloseTo(Math.exp(-3), 12);
    expect(poissonLowerTail(2, 3)).toBeCloseTo(Math.exp(-3) * (1 + 3 + 4.5), 12);
    expect(poissonLowerTail(0, 0)).toBe(1);
  });
});
