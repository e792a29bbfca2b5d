import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../src/churn/index.js';
import { AS_OF, DAY, events, purchase } from './fixtures.js';
import { signalOf, strengthOf } from './signals-others.helpers.js';

const asOfDay = AS_OF / DAY;
const everyOtherDay = Array.from({ length: 90 }, (_, i) => 32 + 2 * i); // 32 … 210 days ago

describe('engagement signals', () => {
  it('raises a decline and a silence against the customer own baseline', () => {
    const report = extractSignals({ transactions: [purchase('h', 400)], engagementEvents: events('h', everyOtherDay) }, { asOf: AS_OF });
    const decline = signalOf(report, 'h', 'engagement-decline')!;
    expect(decline.params).toMatchObject({ recentEvents: 0, baselineEvents: 90, baselineDays: 180, windowDays: 30 });
    expect(decline.params.expectedEvents).toBeCloseTo(15, 12);
    expect(decline.params.probability).toBeCloseTo(Math.exp(-15), 15);
    expect(decline.value).toBe(1);
    expect(decline.severity).toBe('critical');
    const silent = signalOf(report, 'h', 'engagement-silent')!;
    expect(silent.params).toMatchObject({ daysSinceLastEngagement: 32, activeDays: 90 });
    expect(silent.value).toBeCloseTo(32 / (210 / 90), 12);
  });

  it('filters event types and gives the same result from columns', () => {
    const records = [...events('h', everyOtherDay), ...events('h', [1, 2, 3], 'push_received')];
    const fromRecords = extractSignals({ transactions: [purchase('h', 400)], engagementEvents: records }, { asOf: AS_OF });
    expect(fromRecords.records.engagementEvents).toEqual({ used: 90, afterAsOf: 0, unknownCustomer: 0, filtered: 3 });
    const fromColumns = extractSignals(
      {
        transactions: [purchase('h', 400)],
        engagementEvents: { customerId: everyOtherDay.map(() => 'h'), day: Int32Array.from(everyOtherDay, (d) => asOfDay - d) },
      },
      { asOf: AS_OF },
    );
    expect(fromColumns.customers).toEqual(fromRecords.customers);
  });

  it('does not judge a decline when too few events are expected', () => {
    const sparse = [40, 90, 150, 200];
    const report = extractSignals({ transactions: [purchase('s', 400)], engagementEvents: events('s', sparse) }, { asOf: AS_OF });
    expect(strengthOf(report, 's', 'engagement-decline')).toBe(0);
  });

  it('raises nothing for steady engagement', () => {
    const steady = Array.from({ length: 105 }, (_, i) => 1 + 2 * i);
    const report = extractSignals({ transactions: [purchase('h', 400)], engagementEvents: events('h', steady) }, { asOf: AS_OF });
    expect(report.customers[0]!.signals.filter((s) => s.family === 'engagement')).toEqual([]);
  });
});
