import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_THRESHOLDS, lifecycleStage, type PurchaseRhythm } from '../../src/profile/index.js';

const rhythm = (over: Partial<PurchaseRhythm>): PurchaseRhythm => ({
  purchaseDays: 5,
  recencyDays: 10,
  daysSinceFirstPurchase: 400,
  lastGapDays: 28,
  medianIntervalDays: 30,
  ...over,
});

describe('lifecycleStage', () => {
  it('walks through the stages in rule order relative to the own cadence (30 days)', () => {
    const stage = (over: Partial<PurchaseRhythm>) => lifecycleStage(rhythm(over), DEFAULT_LIFECYCLE_THRESHOLDS).stage;
    expect(
      stage({
        purchaseDays: 0,
        recencyDays: null,
        daysSinceFirstPurchase: null,
        lastGapDays: null,
        medianIntervalDays: null,
      }),
    ).toBe('prospect');
    expect(stage({ recencyDays: 121 })).toBe('lapsed');
    expect(stage({ recencyDays: 120 })).toBe('atRisk');
    expect(stage({ recencyDays: 61 })).toBe('atRisk');
    expect(stage({ recencyDays: 60 })).toBe('active');
    expect(stage({ recencyDays: 5, lastGapDays: 130 })).toBe('reactivated');
    expect(stage({ recencyDays: 5, daysSinceFirstPurchase: 25 })).toBe('new');
  });

  it('falls back to the population cadence, then the default, below minIntervals', () => {
    const one = rhythm({
      purchaseDays: 2,
      medianIntervalDays: 12,
      recencyDays: 50,
      daysSinceFirstPurchase: 62,
      lastGapDays: 12,
    });
    expect(lifecycleStage(one, DEFAULT_LIFECYCLE_THRESHOLDS, 20)).toMatchObject({
      cadenceBasis: 'population',
      cadenceDays: 20,
      stage: 'atRisk',
    });
    expect(lifecycleStage(one, DEFAULT_LIFECYCLE_THRESHOLDS)).toMatchObject({
      cadenceBasis: 'default',
      cadenceDays: 90,
      stage: 'new',
    });
  });

  it('never lets the cadence fall below minCadenceDays', () => {
    const daily = rhythm({ medianIntervalDays: 1, recencyDays: 10 });
    expect(lifecycleStage(daily, DEFAULT_LIFECYCLE_THRESHOLDS)).toMatchObject({ cadenceDays: 7, stage: 'active' });
  });

  it('supports fixed thresholds in days', () => {
    const fixed = {
      ...DEFAULT_LIFECYCLE_THRESHOLDS,
      basis: 'days' as const,
      newWithin: 30,
      atRiskAfter: 90,
      lapsedAfter: 180,
    };
    expect(lifecycleStage(rhythm({ recencyDays: 100 }), fixed)).toEqual({
      stage: 'atRisk',
      cadenceDays: null,
      cadenceBasis: 'fixed-days',
      recencyDays: 100,
      daysSinceFirstPurchase: 400,
      lastGapDays: 28,
      thresholdsDays: { newWithin: 30, atRiskAfter: 90, lapsedAfter: 180 },
      reason: 'last purchase 100 days ago, more than 90 days',
    });
  });
});
