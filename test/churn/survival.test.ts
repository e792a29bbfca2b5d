import { describe, expect, it } from 'vitest';
import { kaplanMeier, logRank, survivalAt, timeToLapse, type SurvivalObservation } from '../../src/churn/index.js';
import { AS_OF, purchases } from './fixtures.js';

// Freireich et al. (1963) remission times in weeks, 6-MP and placebo groups (censored times marked false).
const SIX_MP: SurvivalObservation[] = [
  [6, 1], [6, 1], [6, 1], [6, 0], [7, 1], [9, 0], [10, 1], [10, 0], [11, 0], [13, 1], [16, 1], [17, 0], [19, 0], [20, 0], [22, 1], [23, 1],
  [25, 0], [32, 0], [32, 0], [34, 0], [35, 0],
].map(([time, event]) => ({ time: time!, event: event === 1 }));
const PLACEBO: SurvivalObservation[] = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23].map((time) => ({ time, event: true }));

describe('kaplanMeier', () => {
  const km = kaplanMeier(SIX_MP);
  const at = (t: number) => km.table.find((r) => r.time === t)!;

  it('reproduces the published 6-MP estimates and Greenwood standard errors', () => {
    const published: [number, number, number][] = [
      [6, 0.857, 0.0764], [7, 0.807, 0.0869], [10, 0.753, 0.0963], [13, 0.69, 0.1068], [16, 0.627, 0.1141], [22, 0.538, 0.1282], [23, 0.448, 0.1346],
    ];
    for (const [time, survival, se] of published) {
      expect(at(time).survival).toBeCloseTo(survival, 3);
      expect(at(time).standardError!).toBeCloseTo(se, 4);
    }
    expect(at(6)).toMatchObject({ atRisk: 21, events: 3, censored: 1 });
    expect(at(10)).toMatchObject({ atRisk: 15, events: 1, censored: 1 });
    expect(km.observations).toBe(21);
    expect(km.events).toBe(9);
  });

  it('gives log-log intervals (R survfit conf.type = "log-log": S(6) in [0.620, 0.952]) and the median with its interval', () => {
    expect(at(6).lower!).toBeCloseTo(0.6197, 4);
    expect(at(6).upper!).toBeCloseTo(0.9516, 4);
    expect(km.median).toEqual({ time: 23, lower: 13, upper: null });
    expect(kaplanMeier(PLACEBO).median.time).toBe(8);
  });

  it('matches the symplex / SciPy test vector and reads S(t) as a step function', () => {
    const times = [3, 5, 6, 7, 8, 10, 12, 12];
    const events = [1, 0, 1, 1, 0, 1, 1, 0];
    const curve = kaplanMeier(times.map((time, i) => ({ time, event: events[i] === 1 })));
    expect(curve.table.map((r) => Number(r.survival.toFixed(6)))).toEqual([0.875, 0.875, 0.729167, 0.583333, 0.583333, 0.388889, 0.194444]);
    expect(curve.median.time).toBe(10);
    expect(survivalAt(curve, 2)).toBe(1);
    expect(survivalAt(curve, 6.5)).toBeCloseTo(0.729167, 6);
  });

  it('plain intervals are clipped to [0, 1]; an emptied risk set has no standard error', () => {
    const curve = kaplanMeier([{ time: 1, event: true }, { time: 2, event: true }], { confidenceType: 'plain' });
    expect(curve.table[0]!.lower).toBe(0);
    expect(curve.table[1]).toMatchObject({ survival: 0, standardError: null, lower: null, upper: null });
    expect(kaplanMeier([{ time: Number.NaN, event: true }, { time: -1, event: true }]).observations).toBe(0);
  });
});

describe('logRank', () => {
  it('reproduces the Freireich log-rank statistic (χ² = 16.79, p = 4.17e-5)', () => {
    const result = logRank(SIX_MP, PLACEBO);
    expect(result.observed).toEqual([9, 21]);
    expect(result.expected[0]).toBeCloseTo(19.2505, 4);
    expect(result.variance).toBeCloseTo(6.25696, 4);
    expect(result.statistic).toBeCloseTo(16.7929, 4);
    expect(result.pValue).toBeCloseTo(4.1688e-5, 8);
  });

  it('is symmetric and 0 for identical groups', () => {
    expect(logRank(PLACEBO, SIX_MP).statistic).toBeCloseTo(logRank(SIX_MP, PLACEBO).statistic, 12);
    expect(logRank(PLACEBO, PLACEBO)).toMatchObject({ statistic: 0, pValue: 1 });
  });
});

describe('timeToLapse', () => {
  it('measures days from the first purchase to the first lapse, censoring active customers at asOf', () => {
    const observations = timeToLapse(
      { transactions: [...purchases('a', [400, 380, 100]), ...purchases('b', [300, 250, 200]), ...purchases('c', [150, 30])] },
      { asOf: AS_OF, lapseDays: 180 },
    );
    expect(observations).toEqual([
      { customerId: 'a', time: 20 + 180, event: true }, // gap 380 → 100 days ago is ≥ 180: lapsed 180 days after the 380-days-ago purchase
      { customerId: 'b', time: 100 + 180, event: true }, // last purchase 200 days ago
      { customerId: 'c', time: 150, event: false },
    ]);
  });
});
