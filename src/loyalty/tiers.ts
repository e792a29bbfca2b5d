/**
 * Tiers: qualification (points earned — never the balance —, spend or orders over a window), immediate upgrades,
 * reviews with grace and one-step or recompute downgrades, refund reverts, and `tierStatus`.
 *
 * @module
 */
import { MS_PER_DAY } from '../core/index.js';
import type { Account, QualificationDay, ScheduledDowngrade } from './account.js';
import { lastAnniversary, localDay, rollingWindowStart, startOfLocalDay } from './calendar.js';
import type { Draft } from './draft.js';
import type { CompiledTierLevel, CompiledTiers, Program } from './program.js';
import { anniversaryAnchorDay, nextTierReview, tierWindowStart } from './schedule.js';
import { formatUnits, unitsOf } from './units.js';
import { civilFromDays, daysFromCivil } from '../core/index.js';

/**
 * The index of a tier id in the programme's levels, or −1.
 *
 * @example
 * ```ts
 * tierIndex(program.tiers, 'gold') //=> 2
 * ```
 */
export function tierIndex(tiers: CompiledTiers, id: string | null): number {
  if (id === null) return -1;
  for (const level of tiers.levels) if (level.id === id) return level.index;
  return -1;
}

/**
 * The highest level whose threshold a qualification value reaches.
 *
 * @example
 * ```ts
 * levelFor(program.tiers, 2500).id //=> 'gold'
 * ```
 */
export function levelFor(tiers: CompiledTiers, value: number): CompiledTierLevel {
  let result = tiers.levels[0]!;
  for (const level of tiers.levels) if (value >= level.threshold) result = level;
  return result;
}

/**
 * The compiled level of a tier id (`undefined` without tiers or for an unknown id): multiplier, perks, threshold.
 *
 * @example
 * ```ts
 * tierLevel(program, "gold")?.multiplierText //=> "1.5"
 * ```
 */
export function tierLevel(program: Program, id: string | null): CompiledTierLevel | undefined {
  const tiers = program.tiers;
  if (tiers === undefined) return undefined;
  const index = tierIndex(tiers, id);
  return index < 0 ? undefined : tiers.levels[index];
}

/** The first day of the window that closes at a review starting on local day `reviewDay`. */
function closingWindowStart(program: Program, account: Account, reviewDay: number): number {
  const tiers = program.tiers!;
  const lastDay = reviewDay - 1;
  if (tiers.window.kind === 'calendar-year') return daysFromCivil(civilFromDays(lastDay).year, 1, 1);
  if (tiers.window.kind === 'rolling') return rollingWindowStart(lastDay, tiers.window.months);
  return lastAnniversary(anniversaryAnchorDay(program, account), lastDay);
}

/**
 * After an earning event: upgrade at once when the running window reaches a higher tier; cancel a scheduled
 * downgrade when the member requalifies for the current tier.
 *
 * @example
 * ```ts
 * checkUpgrade(draft, event.occurredAt);
 * ```
 */
export function checkUpgrade(draft: Draft, at: number): void {
  const program = draft.program;
  const tiers = program.tiers;
  if (tiers === undefined) return;
  const account = draft.snapshot;
  const tier = draft.tier();
  const current = tierIndex(tiers, tier.current);
  if (current === tiers.levels.length - 1 && tier.downgrade === null) return;
  const day = localDay(program.zone, at);
  const value = draft.qualificationSum(tierWindowStart(program, account, day), day, tiers.basis);
  const target = levelFor(tiers, value);
  if (target.index > current) {
    draft.post({
      kind: 'tier',
      at,
      points: draft.zero,
      from: tier.current,
      to: target.id,
      reason: 'upgrade',
      downgrade: null,
      periodStart: false,
    });
    if (draft.explain)
      draft.notes.push(
        `tier upgraded from ${tier.current ?? 'none'} to ${target.id} (qualifying ${describeValue(program, value)})`,
      );
  } else if (tier.downgrade !== null && target.index >= current) {
    draft.post({
      kind: 'tier',
      at,
      points: draft.zero,
      from: tier.current,
      to: tier.current,
      reason: 'requalified',
      downgrade: null,
      periodStart: false,
    });
    if (draft.explain) draft.notes.push(`scheduled downgrade of ${tier.current ?? 'none'} cancelled: requalified`);
  }
}

/**
 * After a refund or cancellation: an upgrade earned in the current review period is reverted when the running
 * window no longer reaches it (never below the tier held at the period's start).
 *
 * @example
 * ```ts
 * checkRefundRevert(draft, event.occurredAt);
 * ```
 */
export function checkRefundRevert(draft: Draft, at: number): void {
  const program = draft.program;
  const tiers = program.tiers;
  if (tiers === undefined) return;
  const account = draft.snapshot;
  const tier = draft.tier();
  const current = tierIndex(tiers, tier.current);
  const base = Math.max(0, tierIndex(tiers, tier.baseTier));
  if (current <= base) return;
  const day = localDay(program.zone, at);
  const value = draft.qualificationSum(tierWindowStart(program, account, day), day, tiers.basis);
  const target = Math.max(base, levelFor(tiers, value).index);
  if (target < current) {
    const to = tiers.levels[target]!.id;
    draft.post({
      kind: 'tier',
      at,
      points: draft.zero,
      from: tier.current,
      to,
      reason: 'refund-revert',
      downgrade: tier.downgrade,
      periodStart: false,
    });
    if (draft.explain)
      draft.notes.push(
        `tier reverted from ${tier.current ?? 'none'} to ${to} after the refund (qualifying ${describeValue(program, value)})`,
      );
  }
}

/**
 * A tier review at `reviewAt`: keep the tier when the closing window qualifies for it; otherwise downgrade (one
 * level, or to the level earned) at once or after the grace period.
 *
 * @example
 * ```ts
 * reviewTier(draft, account.schedule.tierReviewAt);
 * ```
 */
export function reviewTier(draft: Draft, reviewAt: number): void {
  const program = draft.program;
  const tiers = program.tiers;
  if (tiers === undefined) return;
  const account = draft.snapshot;
  const tier = draft.tier();
  const current = tierIndex(tiers, tier.current);
  if (current < 0) return;
  const reviewDay = localDay(program.zone, reviewAt);
  const value = draft.qualificationSum(closingWindowStart(program, account, reviewDay), reviewDay - 1, tiers.basis);
  const earned = levelFor(tiers, value);
  if (earned.index >= current) {
    if (tier.baseTier !== tier.current || tier.downgrade !== null) {
      draft.post({
        kind: 'tier',
        at: reviewAt,
        points: draft.zero,
        from: tier.current,
        to: tier.current,
        reason: 'requalified',
        downgrade: null,
        periodStart: true,
      });
      if (draft.explain)
        draft.notes.push(
          `tier ${tier.current ?? 'none'} kept at the review (qualifying ${describeValue(program, value)})`,
        );
    }
    return;
  }
  const to = tiers.downgradeMode === 'one-step' ? tiers.levels[current - 1]!.id : earned.id;
  if (tiers.graceDays === 0) {
    draft.post({
      kind: 'tier',
      at: reviewAt,
      points: draft.zero,
      from: tier.current,
      to,
      reason: 'downgrade',
      downgrade: null,
      periodStart: true,
    });
    if (draft.explain)
      draft.notes.push(
        `tier downgraded from ${tier.current ?? 'none'} to ${to} at the review (qualifying ${describeValue(program, value)})`,
      );
  } else {
    const at = startOfLocalDay(program.zone, reviewDay + tiers.graceDays);
    draft.post({
      kind: 'tier',
      at: reviewAt,
      points: draft.zero,
      from: tier.current,
      to: tier.current,
      reason: 'downgrade-scheduled',
      downgrade: { at, to },
      periodStart: true,
    });
    if (draft.explain)
      draft.notes.push(
        `tier ${tier.current ?? 'none'} → ${to} scheduled after ${tiers.graceDays} days of grace (qualifying ${describeValue(program, value)})`,
      );
  }
}

/**
 * A scheduled downgrade falling due: cancelled when the running window qualifies again, carried out otherwise.
 *
 * @example
 * ```ts
 * downgradeDue(draft);
 * ```
 */
export function downgradeDue(draft: Draft): void {
  const program = draft.program;
  const tiers = program.tiers;
  const account = draft.snapshot;
  const tier = draft.tier();
  const downgrade = tier.downgrade;
  if (tiers === undefined || downgrade === null) return;
  const current = tierIndex(tiers, tier.current);
  const day = localDay(program.zone, downgrade.at);
  const value = draft.qualificationSum(tierWindowStart(program, account, day), day, tiers.basis);
  if (levelFor(tiers, value).index >= current) {
    draft.post({
      kind: 'tier',
      at: downgrade.at,
      points: draft.zero,
      from: tier.current,
      to: tier.current,
      reason: 'requalified',
      downgrade: null,
      periodStart: true,
    });
    if (draft.explain) draft.notes.push(`scheduled downgrade cancelled: requalified for ${tier.current ?? 'none'}`);
  } else {
    draft.post({
      kind: 'tier',
      at: downgrade.at,
      points: draft.zero,
      from: tier.current,
      to: downgrade.to,
      reason: 'downgrade',
      downgrade: null,
      periodStart: true,
    });
    if (draft.explain)
      draft.notes.push(`tier downgraded from ${tier.current ?? 'none'} to ${downgrade.to} after the grace period`);
  }
}

function describeValue(program: Program, value: number): string {
  const basis = program.tiers!.basis;
  if (basis === 'points-earned') return `${formatUnits(value, program.decimals)} points`;
  if (basis === 'spend') return `${formatUnits(value, program.currencyExponent)} ${program.currency}`;
  return `${value} orders`;
}

function sumDays(program: Program, days: readonly QualificationDay[], from: number, to: number): number {
  const basis = program.tiers!.basis;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]!.day < from) lo = mid + 1;
    else hi = mid;
  }
  let sum = 0;
  for (let i = lo; i < days.length; i++) {
    const entry = days[i]!;
    if (entry.day > to) break;
    sum +=
      basis === 'points-earned'
        ? unitsOf(entry.points, program.decimals)
        : basis === 'spend'
          ? unitsOf(entry.spend, program.currencyExponent)
          : entry.orders;
  }
  return sum;
}

/**
 * A tier level as reported by {@link tierStatus}.
 *
 * @example
 * ```ts
 * const gold: TierSummary = { id: 'gold', name: 'Gold', threshold: '2000', multiplier: '1.5', perks: ['free shipping'] };
 * ```
 */
export interface TierSummary {
  /** Id. */
  readonly id: string;
  /** Readable name. */
  readonly name: string;
  /** Threshold in the basis unit. */
  readonly threshold: string;
  /** Earning multiplier. */
  readonly multiplier: string;
  /** Perks. */
  readonly perks: readonly string[];
}

/**
 * The tier a member holds, and since when.
 *
 * @example
 * ```ts
 * const current: CurrentTier = { id: 'gold', name: 'Gold', threshold: '1000', multiplier: '1.5', perks: [], since: Date.UTC(2024, 4, 2) };
 * ```
 */
export interface CurrentTier extends TierSummary {
  /** When it was reached (epoch ms). */
  readonly since: number;
}

/**
 * The next tier up and what is missing to reach it.
 *
 * @example
 * ```ts
 * const next: NextTier = { id: 'gold', name: 'Gold', threshold: '1000', multiplier: '1.5', perks: [], needed: '740', progress: 0.26 };
 * ```
 */
export interface NextTier extends TierSummary {
  /** What is still missing, in the basis unit. */
  readonly needed: string;
  /** Progress towards its threshold, 0 to 1. */
  readonly progress: number;
}

/**
 * A qualification window as local ISO dates, both inclusive.
 *
 * @example
 * ```ts
 * const window: TierWindowDates = { from: '2024-01-01', to: '2024-06-01' };
 * ```
 */
export interface TierWindowDates {
  /** First day. */
  readonly from: string;
  /** Last day (today). */
  readonly to: string;
}

/**
 * What keeping the current tier at the next review takes.
 *
 * @example
 * ```ts
 * const keep: TierKeep = { reviewAt: Date.UTC(2024, 11, 31, 23), threshold: '1000', qualifyingAtReview: '260', needed: '740' };
 * ```
 */
export interface TierKeep {
  /** The next review (epoch ms). */
  readonly reviewAt: number | null;
  /** Threshold in the basis unit. */
  readonly threshold: string;
  /** What the window closing at the review holds so far. */
  readonly qualifyingAtReview: string;
  /** What is still missing. */
  readonly needed: string;
}

/**
 * Where a member stands: current tier, qualifying value in the running window, progress to the next tier, what
 * is needed to keep the current one at the next review, and the projected tier at that review if nothing else
 * happens. Values are decimal strings in the basis' unit (points, currency or orders).
 *
 * @example
 * ```ts
 * const status: TierStatus = tierStatus(program, account, { now });
 * status.next?.needed //=> '740'
 * ```
 */
export interface TierStatus {
  /** What qualifies. */
  readonly basis: 'points-earned' | 'spend' | 'orders';
  /** The tier held now (scheduled downgrades due by `now` applied). */
  readonly current: CurrentTier;
  /** Qualifying value of the running window. */
  readonly qualifying: string;
  /** The qualification window (local ISO dates). */
  readonly window: TierWindowDates;
  /** The next tier and what is missing to reach it (null at the top). */
  readonly next: NextTier | null;
  /** The next review and what the window closing then must reach to keep the current tier. */
  readonly keep: TierKeep;
  /** The tier the member would hold after the next review if nothing else happens. */
  readonly projected: TierSummary;
  /** A scheduled downgrade. */
  readonly downgradeScheduled: ScheduledDowngrade | null;
}

/**
 * Options of {@link tierStatus}.
 *
 * @example
 * ```ts
 * const options: TierStatusOptions = { now: Date.UTC(2024, 5, 1) };
 * ```
 */
export interface TierStatusOptions {
  /** The instant to report for (epoch ms); scheduled downgrades before it count as done. */
  readonly now: number;
}

function summary(level: CompiledTierLevel): TierSummary {
  return {
    id: level.id,
    name: level.name,
    threshold: level.thresholdText,
    multiplier: level.multiplierText,
    perks: level.perks,
  };
}

/**
 * Tier status of an account at `now`: current tier, qualifying value, progress to the next tier, what keeps the
 * current one, projected tier. Returns `undefined` when the programme has no tiers. Reads only; O(days in window).
 *
 * @example
 * ```ts
 * const status = tierStatus(program, account, { now: Date.UTC(2024, 5, 1) });
 * status?.current.id //=> 'silver'
 * status?.next //=> { id: 'gold', ..., needed: '740', progress: 0.63 }
 * ```
 */
export function tierStatus(program: Program, account: Account, options: TierStatusOptions): TierStatus | undefined {
  const tiers = program.tiers;
  if (tiers === undefined) return undefined;
  const now = options.now;
  let currentIndex = Math.max(0, tierIndex(tiers, account.tier.current));
  let downgrade = account.tier.downgrade;
  if (downgrade !== null && downgrade.at <= now) {
    currentIndex = Math.max(0, tierIndex(tiers, downgrade.to));
    downgrade = null;
  }
  const current = tiers.levels[currentIndex]!;
  const day = localDay(program.zone, now);
  const from = tierWindowStart(program, account, day);
  const value = sumDays(program, account.qualification, from, day);
  const format = (v: number): string =>
    tiers.basis === 'points-earned'
      ? formatUnits(v, program.decimals)
      : tiers.basis === 'spend'
        ? formatUnits(v, program.currencyExponent)
        : String(v);
  const nextLevel = tiers.levels[currentIndex + 1];
  const reviewAt = nextTierReview(program, account, now);
  let atReview = value;
  if (reviewAt !== null) {
    const reviewDay = localDay(program.zone, reviewAt);
    atReview = sumDays(
      program,
      account.qualification,
      closingWindowStart(program, account, reviewDay),
      Math.min(day, reviewDay - 1),
    );
  }
  const earnedAtReview = levelFor(tiers, atReview);
  const projectedIndex =
    earnedAtReview.index >= currentIndex
      ? currentIndex
      : tiers.downgradeMode === 'one-step'
        ? currentIndex - 1
        : earnedAtReview.index;
  const isoDay = (d: number): string => new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
  return {
    basis: tiers.basis,
    current: {
      ...summary(current),
      since: downgrade === account.tier.downgrade ? account.tier.since : account.tier.downgrade!.at,
    },
    qualifying: format(value),
    window: { from: isoDay(from), to: isoDay(day) },
    next:
      nextLevel === undefined
        ? null
        : {
            ...summary(nextLevel),
            needed: format(Math.max(0, nextLevel.threshold - value)),
            progress: nextLevel.threshold === 0 ? 1 : Math.min(1, value / nextLevel.threshold),
          },
    keep: {
      reviewAt,
      threshold: current.thresholdText,
      qualifyingAtReview: format(atReview),
      needed: format(Math.max(0, current.threshold - atReview)),
    },
    projected: summary(tiers.levels[projectedIndex]!),
    downgradeScheduled: downgrade,
  };
}

/**
 * The tier a member holds at `at` once the scheduled tier work due by then (reviews, downgrades after grace) is
 * done — without changing the account. Between events it answers "which tier is this member in today?" exactly as
 * a `tick` at `at` would (tier work only; earnings are not affected by reviews).
 *
 * @example
 * ```ts
 * tierAsOf(program, account, Date.UTC(2026, 1, 1)) //=> 'green' (a Gold member who did not requalify in 2025)
 * ```
 */
export function tierAsOf(program: Program, account: Account, at: number): string | null {
  const tiers = program.tiers;
  if (tiers === undefined) return account.tier.current;
  let current = Math.max(0, tierIndex(tiers, account.tier.current));
  let downgrade = account.tier.downgrade;
  let review = account.schedule.tierReviewAt;
  const windowValue = (day: number): number =>
    sumDays(program, account.qualification, tierWindowStart(program, account, day), day);
  for (let guard = 0; guard < 10_000; guard++) {
    const downgradeAt = downgrade?.at ?? Number.POSITIVE_INFINITY;
    const reviewAt = review ?? Number.POSITIVE_INFINITY;
    if (Math.min(downgradeAt, reviewAt) > at) break;
    if (downgradeAt <= reviewAt) {
      const day = localDay(program.zone, downgradeAt);
      if (levelFor(tiers, windowValue(day)).index < current) current = Math.max(0, tierIndex(tiers, downgrade!.to));
      downgrade = null;
      continue;
    }
    const reviewDay = localDay(program.zone, reviewAt);
    const earned = levelFor(
      tiers,
      sumDays(program, account.qualification, closingWindowStart(program, account, reviewDay), reviewDay - 1),
    );
    if (earned.index < current) {
      const to = tiers.downgradeMode === 'one-step' ? current - 1 : earned.index;
      if (tiers.graceDays === 0) current = to;
      else downgrade = { at: startOfLocalDay(program.zone, reviewDay + tiers.graceDays), to: tiers.levels[to]!.id };
    } else downgrade = null;
    review = nextTierReview(program, account, reviewAt);
  }
  return tiers.levels[current]!.id;
}
