import { describe, expect, it } from 'vitest';
import { breakdown, groupOf } from '../../src/satisfaction/breakdown.js';
import type { SurveyResponse } from '../../src/core/index.js';
import { repeat } from './helpers.js';

function group(channel: string, scores: readonly number[], customerPrefix: string): SurveyResponse[] {
  return scores.map((nps, i) => ({
    id: `${channel}-${i}`,
    customerId: `${customerPrefix}${i}`,
    respondedAt: 0,
    channel,
    nps,
    attributes: { tier: i % 2 === 0 ? 'gold' : 'silver', vip: i % 3 === 0 },
  }));
}

const WEB = group('web', [...repeat(10, 20), ...repeat(8, 30), ...repeat(2, 50)], 'w'); // NPS −30
const APP = group('app', [...repeat(10, 60), ...repeat(8, 30), ...repeat(2, 10)], 'a'); // NPS 50
const SHOP = group('shop', [10, 10, 3], 's');

describe('breakdown', () => {
  it('scores each group, tests it against the rest and keeps the overall score', () => {
    const result = breakdown([...WEB, ...APP, ...SHOP], { metric: 'nps', by: { field: 'channel' } });
    expect(result.groups.map((g) => g.group)).toEqual(['app', 'shop', 'web']);
    const [app, shop, web] = result.groups;
    expect(app!.result.score).toBeCloseTo(50, 10);
    expect(web!.result.score).toBeCloseTo(-30, 10);
    expect(app!.vsRest!.significant).toBe(true);
    expect(web!.vsRest!.difference).toBeLessThan(0);
    expect(shop!.result.reliable).toBe(false);
    expect(shop!.result.metric === 'nps' && shop!.result.intervalMethod).toBe('adjusted-wald');
    expect(result.overall!.n).toBe(203);
    expect(result.ungrouped).toBe(0);
  });

  it('groups by attribute, by function and by a key → group map (e.g. RFM segments passed in as data)', () => {
    const responses = [...WEB, ...APP];
    expect(breakdown(responses, { metric: 'nps', by: { attribute: 'tier' } }).groups.map((g) => [g.group, g.result.n])).toEqual([
      ['gold', 100],
      ['silver', 100],
    ]);
    expect(breakdown(responses, { metric: 'nps', by: { attribute: 'vip' } }).groups.map((g) => g.group)).toEqual(['false', 'true']);
    const segments: Record<string, string> = { w0: 'Champions', a0: 'Champions', a1: 'At Risk' };
    const bySegment = breakdown(responses, { metric: 'nps', by: { map: segments } });
    expect(bySegment.groups.map((g) => [g.group, g.result.n])).toEqual([
      ['At Risk', 1],
      ['Champions', 2],
    ]);
    expect(bySegment.ungrouped).toBe(197);
    const withMissing = breakdown(responses, { metric: 'nps', by: { map: segments }, missingGroup: '(no segment)' });
    expect(withMissing.groups.map((g) => g.group)).toContain('(no segment)');
    const byFunction = breakdown(responses, { metric: 'nps', by: (r) => (r.nps! >= 9 ? 'fans' : null) });
    expect(byFunction.groups.map((g) => g.group)).toEqual(['fans']);
    expect(byFunction.groups[0]!.vsRest).toBeNull();
    expect(byFunction.groups[0]!.vsRestNote).toBe('no other grouped responses');
  });

  it('does not treat prototype keys of the map as groups', () => {
    const response: SurveyResponse = { id: 'x', respondedAt: 0, customerId: 'constructor', nps: 9 };
    expect(groupOf(response, { map: {} })).toBeUndefined();
    expect(groupOf({ ...response, attributes: {} }, { attribute: 'toString' })).toBeUndefined();
  });

  it('suppresses small groups when asked and sorts on request', () => {
    const result = breakdown([...WEB, ...APP, ...SHOP], {
      metric: 'nps',
      by: { field: 'channel' },
      minimumSample: { minimumN: 30, smallGroups: 'suppress' },
      sort: 'score',
    });
    expect(result.groups.map((g) => g.group)).toEqual(['app', 'web']);
    expect(result.suppressed).toEqual([{ group: 'shop', n: 3, effectiveN: 3, reason: 'effective n 3.0 < minimum 30' }]);
    const byN = breakdown([...WEB, ...APP, ...SHOP], { metric: 'nps', by: { field: 'channel' }, sort: 'n', compareWithRest: false });
    expect(byN.groups.map((g) => g.group)).toEqual(['app', 'web', 'shop']);
    expect(byN.groups[0]!.vsRest).toBeNull();
  });

  it('works for CSAT and CES too, with the matching tests', () => {
    const responses = [...WEB, ...APP].map((r) => ({ ...r, csat: r.nps! >= 9 ? 5 : 2, ces: r.nps! >= 9 ? 7 : 3 }));
    const csat = breakdown(responses, { metric: 'csat', by: { field: 'channel' } });
    expect(csat.groups[0]!.vsRest!.test).toBe('two-proportion-z');
    const cesMean = breakdown(responses, { metric: 'ces', by: { field: 'channel' } });
    expect(cesMean.groups[0]!.vsRest!.test).toBe('welch-t');
    const cesIndex = breakdown(responses, { metric: 'ces', convention: 'index', by: { field: 'channel' } });
    expect(cesIndex.groups[0]!.vsRest!.test).toBe('nps-z');
  });
});
