import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../src/churn/index.js';
import { csatOnNpsScale } from '../../src/churn/signals-satisfaction.js';
import { AS_OF, purchase, survey } from './fixtures.js';
import { signalOf, strengthOf } from './signals-others.helpers.js';

describe('satisfaction signals', () => {
  it('raises a drop, a promoter turned detractor and a low latest answer (NPS)', () => {
    const report = extractSignals(
      { transactions: [purchase('e', 30)], surveyResponses: [survey('e', 300, { nps: 9 }), survey('e', 200, { nps: 10 }), survey('e', 20, { nps: 4 })] },
      { asOf: AS_OF },
    );
    const drop = signalOf(report, 'e', 'satisfaction-drop')!;
    expect(drop.value).toBeCloseTo(5.5, 12);
    expect(drop.severity).toBe('critical');
    expect(drop.strength).toBe(1);
    expect(drop.params).toMatchObject({ metric: 'NPS', latest: 4, earlierAverage: 9.5, earlierAnswers: 2 });
    const turned = signalOf(report, 'e', 'promoter-to-detractor')!;
    expect(turned.value).toBe(1);
    expect(turned.params).toEqual({ previousNps: 10, latestNps: 4 });
    const low = signalOf(report, 'e', 'low-satisfaction')!;
    expect(low.value).toBe(4);
    expect(low.severity).toBe('warning');
    expect(low.strength).toBeCloseTo(0.5, 12);
    expect(low.reasonId).toBe('low-satisfaction.nps');
  });

  it('maps CSAT onto 0-10 and judges it the same way', () => {
    expect(csatOnNpsScale(4, 1, 5)).toBe(7.5);
    const report = extractSignals(
      { transactions: [purchase('f', 30)], surveyResponses: [survey('f', 100, { csat: 5 }), survey('f', 10, { csat: 2 })] },
      { asOf: AS_OF },
    );
    const drop = signalOf(report, 'f', 'satisfaction-drop')!;
    expect(drop.value).toBeCloseTo(7.5, 12);
    expect(drop.params.metric).toBe('CSAT');
    const low = signalOf(report, 'f', 'low-satisfaction')!;
    expect(low.value).toBeCloseTo(2.5, 12);
    expect(low.severity).toBe('critical');
    expect(low.reasonId).toBe('low-satisfaction.csat');
    expect(signalOf(report, 'f', 'promoter-to-detractor')).toBeUndefined();
  });

  it('ignores stale answers, answers after asOf and answers off the scale', () => {
    const report = extractSignals(
      {
        transactions: [purchase('g', 30)],
        surveyResponses: [survey('g', 800, { nps: 10 }), survey('g', 400, { nps: 2 }), survey('g', 10, { nps: 11 }), survey('g', -5, { nps: 0 })],
      },
      { asOf: AS_OF },
    );
    // only the 400-days-ago answer counts, and it is older than latestMaxAgeDays (365): nothing is judged
    expect(report.customers[0]!.signals).toEqual([]);
    expect(strengthOf(report, 'g', 'low-satisfaction')).toBe(0);
    expect(report.records.surveyResponses).toEqual({ used: 3, afterAsOf: 1, unknownCustomer: 0, filtered: 0 });
  });

  it('counts responses of unknown customers', () => {
    const report = extractSignals({ transactions: [purchase('g', 30)], surveyResponses: [survey('zz', 10, { nps: 1 })] }, { asOf: AS_OF });
    expect(report.records.surveyResponses.unknownCustomer).toBe(1);
  });
});
