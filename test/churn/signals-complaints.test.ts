import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../src/churn/index.js';
import { AS_OF, complaint, purchase } from './fixtures.js';
import { signalOf } from './signals-others.helpers.js';

describe('complaint signals', () => {
  const report = extractSignals(
    {
      transactions: [purchase('g', 400), purchase('g', 5)],
      complaints: [complaint('g', 10, undefined, { severity: 'high' }), complaint('g', 40, 15, { category: 'delivery' })],
    },
    { asOf: AS_OF },
  );

  it('raises a spike against the customer own (prior-smoothed) complaint rate', () => {
    const spike = signalOf(report, 'g', 'complaint-spike')!;
    // baseline 0 complaints over min(365, 310) days; prior 0.2 per year: expected = 0.2 / (310 + 365) × 90
    const expected = (0.2 / (310 + 365)) * 90;
    expect(spike.params).toMatchObject({ recentComplaints: 2, baselineComplaints: 0, windowDays: 90 });
    expect(spike.params.expectedComplaints).toBeCloseTo(expected, 12);
    expect(spike.value).toBeCloseTo(2 - expected, 12);
    expect(spike.severity).toBe('warning');
    expect(spike.strength).toBeCloseTo((2 - expected) / 3, 12);
  });

  it('raises an unresolved complaint with its age', () => {
    const open = signalOf(report, 'g', 'complaint-unresolved')!;
    expect(open.value).toBeCloseTo(9.5, 12);
    expect(open.severity).toBe('warning');
    expect(open.params).toEqual({ oldestOpenDays: 9.5, openComplaints: 1, complaintSeverity: 'high' });
  });

  it('raises a slow resolution', () => {
    const slow = signalOf(report, 'g', 'complaint-slow-resolution')!;
    expect(slow.value).toBeCloseTo(15, 12);
    expect(slow.severity).toBe('critical');
    expect(slow.strength).toBeCloseTo(13 / 19, 12);
    expect(slow.params.category).toBe('delivery');
  });

  it('treats a complaint resolved after asOf as open at asOf', () => {
    const r = extractSignals({ transactions: [purchase('h', 40)], complaints: [complaint('h', 20, 30)] }, { asOf: AS_OF });
    expect(signalOf(r, 'h', 'complaint-unresolved')!.value).toBeCloseTo(19.5, 12);
    expect(signalOf(r, 'h', 'complaint-slow-resolution')).toBeUndefined();
  });

  it('does not call a usual complaint rate a spike', () => {
    const history = [40, 130, 170, 220, 260, 300, 340, 380, 420].map((d) => complaint('k', d, 1));
    const r = extractSignals({ transactions: [purchase('k', 600), purchase('k', 5)], complaints: history }, { asOf: AS_OF });
    expect(signalOf(r, 'k', 'complaint-spike')).toBeUndefined();
  });
});
