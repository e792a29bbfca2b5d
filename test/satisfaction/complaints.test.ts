import { describe, expect, it } from 'vitest';
import { complaintMetrics } from '../../src/satisfaction/complaints.js';
import type { Complaint } from '../../src/core/index.js';
import { shuffle } from './helpers.js';

const H = 3_600_000;
const ASOF = Date.UTC(2024, 6, 1);
const at = (hoursBeforeAsOf: number): number => ASOF - hoursBeforeAsOf * H;

// Hand-built cases (hours relative to opening):
const COMPLAINTS: Complaint[] = [
  // responded after 2 h, resolved after 10 h, reopened once
  { id: 'k1', customerId: 'c1', openedAt: at(200), firstResponseAt: at(198), resolvedAt: at(190), reopenCount: 1, category: 'delivery' },
  // responded after 30 h (breach of 24 h), resolved after 100 h (breach of 72 h)
  { id: 'k2', customerId: 'c2', openedAt: at(300), firstResponseAt: at(270), resolvedAt: at(200), category: 'delivery' },
  // responded after 4 h, open for 50 h (resolution pending)
  { id: 'k3', customerId: 'c3', openedAt: at(50), firstResponseAt: at(46), category: 'quality' },
  // no response for 30 h (first-response breach), open
  { id: 'k4', customerId: 'c4', openedAt: at(30) },
  // opened 10 h ago, no response yet (pending), open
  { id: 'k5', customerId: 'c5', openedAt: at(10), category: 'delivery' },
  // opened 400 h ago (16.7 days), responded after 1 h, still open → resolution breach
  { id: 'k6', customerId: 'c6', openedAt: at(400), firstResponseAt: at(399), category: 'billing' },
  // resolved after the as-of instant → still open as of asOf; response after 5 h
  { id: 'k7', customerId: 'c7', openedAt: at(20), firstResponseAt: at(15), resolvedAt: ASOF + 5 * H, category: 'quality' },
  // opened after asOf: ignored
  { id: 'k8', customerId: 'c8', openedAt: ASOF + H },
];

describe('complaintMetrics', () => {
  it('computes every metric as of the explicit instant', () => {
    const m = complaintMetrics(COMPLAINTS, { asOf: ASOF, orderCount: 1000 });
    expect(m.complaints).toBe(7);
    expect(m.openedAfterAsOf).toBe(1);
    expect(m.excluded).toBe(0);
    expect(m.ratePer1000Orders!.per1000).toBe(7);
    expect(m.ratePer1000Orders!.method).toBe('exact Poisson (Garwood)');
    expect(m.ratePer1000Orders!.interval.lower).toBeCloseTo(2.8143, 3);
    expect(m.ratePer1000Orders!.interval.upper).toBeCloseTo(14.4228, 3);
    // first responses: 2, 30, 4, 1, 5 hours
    expect(m.firstResponse.n).toBe(5);
    expect(m.firstResponse.medianHours).toBe(4);
    expect(m.firstResponse.p90Hours).toBeCloseTo(20, 10);
    expect(m.firstResponse.meanHours).toBeCloseTo(8.4, 10);
    expect(m.resolution.n).toBe(2);
    expect(m.resolution.medianHours).toBe(55);
    // first-response SLA 24 h: met k1 k3 k6 k7, breached k2 (late) + k4 (overdue), pending k5
    expect(m.sla.firstResponse).toMatchObject({ slaHours: 24, met: 4, breached: 2, pending: 1, evaluated: 6 });
    expect(m.sla.firstResponse.breachRate!.percent).toBeCloseTo(100 / 3, 10);
    // resolution SLA 72 h: met k1, breached k2 (late) + k6 (overdue), pending k3 k4 k5 k7
    expect(m.sla.resolution).toMatchObject({ met: 1, breached: 2, pending: 4 });
    expect(m.reopen).toMatchObject({ resolved: 2, reopened: 1 });
    expect(m.reopen.reopenRate!.percent).toBe(50);
    expect(m.reopen.reopenRate!.reliable).toBe(false);
    expect(m.backlog.open).toBe(5);
    expect(m.backlog.buckets.map((b) => [b.label, b.count])).toEqual([
      ['<1d', 2],
      ['1-3d', 2],
      ['3-7d', 0],
      ['7-14d', 0],
      ['14-30d', 1],
      ['30d+', 0],
    ]);
    expect(m.backlog.oldestAgeDays).toBeCloseTo(400 / 24, 10);
    expect(m.byCategory.map((c) => [c.category, c.count, c.open])).toEqual([
      ['delivery', 3, 1],
      ['quality', 2, 2],
      ['(none)', 1, 1],
      ['billing', 1, 1],
    ]);
    expect(m.byCategory[0]!.medianResolutionHours).toBe(55);
    expect(m.asOf).toBe('2024-07-01T00:00:00.000Z');
  });

  it('honours custom SLAs, buckets and a window start, independent of input order', () => {
    const options = { asOf: ASOF, from: at(250), sla: { firstResponseHours: 3, resolutionHours: 12 }, ageBucketsDays: [2] };
    const m = complaintMetrics(COMPLAINTS, options);
    expect(m.openedBeforeWindow).toBe(2);
    expect(m.complaints).toBe(5);
    expect(m.sla.firstResponse.slaHours).toBe(3);
    expect(m.backlog.buckets.map((b) => b.label)).toEqual(['<2d', '2d+']);
    expect(m.ratePer1000Orders).toBeNull();
    expect(complaintMetrics(shuffle(COMPLAINTS, 11), options)).toEqual(m);
  });

  it('reports inconsistent complaints and excludes them', () => {
    const m = complaintMetrics(
      [
        { id: 'a', customerId: 'c', openedAt: at(10), firstResponseAt: at(11) },
        { id: 'b', customerId: 'c', openedAt: Number.NaN },
        { id: 'c', customerId: 'c', openedAt: at(10), reopenCount: -1 },
        null as unknown as Complaint,
      ],
      { asOf: ASOF },
    );
    expect(m.excluded).toBe(4);
    expect(m.issues.map((i) => [i.path, i.expected])).toEqual([
      ['complaints[0].firstResponseAt', 'instant at or after openedAt'],
      ['complaints[1].openedAt', 'instant (epoch milliseconds)'],
      ['complaints[2].reopenCount', 'non-negative integer'],
      ['complaints[3]', 'complaint object'],
    ]);
    expect(m.firstResponse.medianHours).toBeNull();
    expect(() => complaintMetrics([], { asOf: ASOF, ageBucketsDays: [3, 1] })).toThrow(/\[clientele\]/);
  });
});
