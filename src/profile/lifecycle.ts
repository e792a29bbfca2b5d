/**
 * Lifecycle stages relative to the customer's own purchase cadence.
 *
 * @module
 */
import type { LifecycleThresholds } from './profile-settings.js';

/**
 * A lifecycle stage.
 *
 * @example
 * ```ts
 * const stage: LifecycleStage = 'atRisk';
 * ```
 */
export type LifecycleStage = 'prospect' | 'new' | 'active' | 'atRisk' | 'lapsed' | 'reactivated';

/**
 * A lifecycle stage with the inputs and thresholds that produced it.
 *
 * @example
 * ```ts
 * const assessment: LifecycleAssessment = {
 *   stage: 'atRisk', cadenceDays: 30, cadenceBasis: 'own', recencyDays: 75, daysSinceFirstPurchase: 400, lastGapDays: 28,
 *   thresholdsDays: { newWithin: 30, atRiskAfter: 60, lapsedAfter: 120 },
 *   reason: 'last purchase 75 days ago, more than 60 days (2 × cadence 30 days)',
 * };
 * ```
 */
export interface LifecycleAssessment {
  /** The stage. */
  readonly stage: LifecycleStage;
  /** The cadence the thresholds are relative to (days); null with `basis: 'days'` or without purchases. */
  readonly cadenceDays: number | null;
  /** Where the cadence came from. */
  readonly cadenceBasis: 'own' | 'population' | 'default' | 'fixed-days' | null;
  /** Days since the last purchase day. */
  readonly recencyDays: number | null;
  /** Days since the first purchase day. */
  readonly daysSinceFirstPurchase: number | null;
  /** Days between the last two purchase days. */
  readonly lastGapDays: number | null;
  /** The thresholds in days. */
  readonly thresholdsDays: {
    /** `new` while the first purchase is at most this many days back. */
    readonly newWithin: number;
    /** `atRisk` beyond this many days without a purchase. */
    readonly atRiskAfter: number;
    /** `lapsed` beyond this many days without a purchase. */
    readonly lapsedAfter: number;
  } | null;
  /** A readable sentence. */
  readonly reason: string;
}

/**
 * What {@link lifecycleStage} needs about a customer's purchases (day counts as of the reference date).
 *
 * @example
 * ```ts
 * const facts: PurchaseRhythm = { purchaseDays: 5, recencyDays: 75, daysSinceFirstPurchase: 400, lastGapDays: 28, medianIntervalDays: 30 };
 * ```
 */
export interface PurchaseRhythm {
  /** Distinct purchase days. */
  readonly purchaseDays: number;
  /** Days since the last purchase day. */
  readonly recencyDays: number | null;
  /** Days since the first purchase day. */
  readonly daysSinceFirstPurchase: number | null;
  /** Days between the last two purchase days. */
  readonly lastGapDays: number | null;
  /** Median days between purchase days; null with fewer than one interval. */
  readonly medianIntervalDays: number | null;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Classifies a customer into a lifecycle stage (see {@link LifecycleThresholds} for the rule order).
 * `populationCadenceDays` is the batch's median own cadence, used as the fallback when given.
 *
 * @example
 * ```ts
 * lifecycleStage({ purchaseDays: 5, recencyDays: 75, daysSinceFirstPurchase: 400, lastGapDays: 28, medianIntervalDays: 30 }, DEFAULT_LIFECYCLE_THRESHOLDS).stage
 * //=> 'atRisk'
 * lifecycleStage({ purchaseDays: 0, recencyDays: null, daysSinceFirstPurchase: null, lastGapDays: null, medianIntervalDays: null }, DEFAULT_LIFECYCLE_THRESHOLDS).stage
 * //=> 'prospect'
 * ```
 */
export function lifecycleStage(
  rhythm: PurchaseRhythm,
  thresholds: LifecycleThresholds,
  populationCadenceDays?: number | null,
): LifecycleAssessment {
  if (rhythm.purchaseDays === 0 || rhythm.recencyDays === null || rhythm.daysSinceFirstPurchase === null) {
    return {
      stage: 'prospect',
      cadenceDays: null,
      cadenceBasis: null,
      recencyDays: null,
      daysSinceFirstPurchase: null,
      lastGapDays: null,
      thresholdsDays: null,
      reason: 'no purchase yet',
    };
  }
  let cadence = 1;
  let basis: LifecycleAssessment['cadenceBasis'] = 'fixed-days';
  if (thresholds.basis === 'cadence') {
    if (rhythm.medianIntervalDays !== null && rhythm.purchaseDays - 1 >= thresholds.minIntervals) {
      cadence = rhythm.medianIntervalDays;
      basis = 'own';
    } else if (
      thresholds.usePopulationCadence &&
      populationCadenceDays !== undefined &&
      populationCadenceDays !== null
    ) {
      cadence = populationCadenceDays;
      basis = 'population';
    } else {
      cadence = thresholds.fallbackCadenceDays;
      basis = 'default';
    }
    cadence = Math.max(cadence, thresholds.minCadenceDays);
  }
  const newWithin = round(thresholds.newWithin * cadence);
  const atRiskAfter = round(thresholds.atRiskAfter * cadence);
  const lapsedAfter = round(thresholds.lapsedAfter * cadence);
  const r = rhythm.recencyDays;
  const relative = (multiple: number): string =>
    basis === 'fixed-days' ? '' : ` (${multiple} × cadence ${round(cadence)} days)`;
  let stage: LifecycleStage;
  let reason: string;
  if (r > lapsedAfter) {
    stage = 'lapsed';
    reason = `last purchase ${r} days ago, more than ${lapsedAfter} days${relative(thresholds.lapsedAfter)}`;
  } else if (r > atRiskAfter) {
    stage = 'atRisk';
    reason = `last purchase ${r} days ago, more than ${atRiskAfter} days${relative(thresholds.atRiskAfter)}`;
  } else if (rhythm.lastGapDays !== null && rhythm.lastGapDays > lapsedAfter) {
    stage = 'reactivated';
    reason = `bought again after a gap of ${rhythm.lastGapDays} days, more than ${lapsedAfter} days${relative(thresholds.lapsedAfter)}`;
  } else if (rhythm.daysSinceFirstPurchase <= newWithin) {
    stage = 'new';
    reason = `first purchase ${rhythm.daysSinceFirstPurchase} days ago, within ${newWithin} days${relative(thresholds.newWithin)}`;
  } else {
    stage = 'active';
    reason = `last purchase ${r} days ago, within ${atRiskAfter} days${relative(thresholds.atRiskAfter)}`;
  }
  return {
    stage,
    cadenceDays: basis === 'fixed-days' ? null : round(cadence),
    cadenceBasis: basis,
    recencyDays: r,
    daysSinceFirstPurchase: rhythm.daysSinceFirstPurchase,
    lastGapDays: rhythm.lastGapDays,
    thresholdsDays: { newWithin, atRiskAfter, lapsedAfter },
    reason,
  };
}
