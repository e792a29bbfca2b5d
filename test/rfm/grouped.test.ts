import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/core/index.js';
import { score, segment, segmentSummaryBy, summarize } from '../../src/rfm/index.js';
import { DAY } from './fixtures.js';

describe('segmentSummaryBy', () => {
  const summary = summarize(
    { customerId: [1, 2, 3, 4], day: Int32Array.of(99, 50, 90, 10), amount: Float64Array.of(100, 20, 60, 5) },
    { asOf: Date.UTC(2024, 5, 30) - 0 * DAY },
  );
  const segmentation = segment(score(summary, { minCustomers: 0 }));
  const customers: Customer[] = [
    { id: '1', region: 'North', acquisitionChannel: 'search', birthDate: '1990-07-01', attributes: { tier: 'gold' } },
    { id: '2', region: 'South', acquisitionChannel: 'social', birthDate: '1960-01-15' },
    { id: '3', region: 'North', birthDate: '2000-06-30', attributes: { tier: 'gold' } },
    { id: '1', region: 'West' },
    { id: '7', region: 'East' },
  ];

  it('groups by a profile field with totals and segment mix', () => {
    const result = segmentSummaryBy(segmentation, customers, { by: 'region' });
    expect(result.groups.map((g) => [g.group, g.summary.customers, g.summary.revenue])).toEqual([
      ['North', 2, 160],
      ['South', 1, 20],
      ['(unknown)', 1, 5],
    ]);
    expect(result.groups[0]!.summary.revenueShare).toBeCloseTo(160 / 185, 12);
    expect(result.groups[0]!.segments.reduce((a, s) => a + s.customers, 0)).toBe(2);
    expect(result).toMatchObject({
      by: 'region',
      customersWithoutProfile: 1,
      profilesWithoutSummary: 1,
      duplicateProfiles: 1,
    });
  });

  it('groups by attribute, by age band at asOf, or by a function', () => {
    expect(segmentSummaryBy(segmentation, customers, { by: { attribute: 'tier' } }).groups.map((g) => g.group)).toEqual(
      ['gold', '(unknown)'],
    );
    // ages at 2024-06-30: 33 (birthday tomorrow), 64, 24 (birthday today)
    const ages = segmentSummaryBy(segmentation, customers, {
      by: { ageBands: [25, 35, 45, 55, 65] },
      missingLabel: 'n/a',
    });
    expect(ages.groups.map((g) => [g.group, g.summary.customers])).toEqual([
      ['25-34', 1],
      ['55-64', 1],
      ['<25', 1],
      ['n/a', 1],
    ]);
    const byChannel = segmentSummaryBy(segmentation, customers, { by: (c) => c.acquisitionChannel ?? 'direct' });
    expect(byChannel.groups.map((g) => g.group)).toEqual(['direct', 'search', 'social', '(unknown)']);
    expect(() => segmentSummaryBy(segmentation, customers, { by: { ageBands: [30, 20] } })).toThrow(/ageBands/);
  });
});
