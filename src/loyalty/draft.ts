/**
 * The working state of one evaluation: the postings being built (ids `<key>#<n>`), the state changes that go into
 * the event header, notes for the explanation, effects for other accounts. Internal to the engine.
 *
 * @module
 */
import type {
  Account,
  EventRecord,
  MemberProfile,
  OrderRecord,
  Posting,
  QualificationDay,
  Schedule,
  TierState,
  UsageCounter,
} from './account.js';
import { applyUnrecorded } from './apply.js';
import type { Effect, EarningExplanation } from './evaluation-types.js';
import type { LoyaltyEvent } from './events.js';
import type { Program } from './program.js';
import { inactivityDeadline, nextBirthdayWindow, nextTierReview, periodKeyOf } from './schedule.js';
import { formatUnits, unitsOf } from './units.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A posting without the fields the draft fills in (`id`, `eventKey`, `programVersion`).
 *
 * @example
 * ```ts
 * const body: PostingBody = { kind: 'expire', at: 0, points: '5', allocations: [{ lotId: 'a#0', points: '5' }], reason: 'lot' };
 * ```
 */
export type PostingBody = DistributiveOmit<Posting, 'id' | 'eventKey' | 'programVersion'>;

/** Usage period keys by local day number, shared by all evaluations (a pure function of the day, bounded). */
const PERIOD_KEYS = new Map<number, Readonly<Record<'day' | 'month' | 'year', string>>>();

interface DraftDay {
  readonly day: number;
  readonly points: number;
  readonly spend: number;
  readonly orders: number;
}

/**
 * A usage counter in a draft: points in units.
 *
 * @example
 * ```ts
 * const usage: DraftUsage = { period: '2024-05', times: 2, units: 200 };
 * ```
 */
export interface DraftUsage {
  readonly period: string;
  readonly times: number;
  readonly units: number;
}

/**
 * The working state of one evaluation.
 *
 * @example
 * ```ts
 * const draft = new Draft(program, account, event);
 * draft.post({ kind: 'expire', at: event.occurredAt, points: '5', allocations, reason: 'lot' });
 * ```
 */
export class Draft {
  private current: Account;
  private committed = 0;
  private tierState: TierState;
  readonly postings: Posting[] = [];
  readonly notes: string[] = [];
  readonly effects: Effect[] = [];
  readonly campaignUsage: { campaignId: string; points: string }[] = [];
  readonly stockUsage: { rewardId: string; quantity: number }[] = [];
  earning: EarningExplanation | undefined;
  discount: string | undefined;
  partnerUnits: string | undefined;
  order: OrderRecord | undefined;
  purchase = false;
  activity = false;
  profile: Partial<MemberProfile> | undefined;
  private qualificationMap: Map<number, DraftDay> | undefined;
  private usageMap: Map<string, DraftUsage> | undefined;
  readonly zero: string;

  constructor(
    readonly program: Program,
    readonly original: Account,
    readonly event: LoyaltyEvent,
    /** Whether to build the explanation (notes, rule and line details); bulk replays switch it off. */
    readonly explain = true,
  ) {
    this.current = original;
    this.tierState = original.tier;
    this.zero = formatUnits(0, program.decimals);
  }

  /**
   * The account with every posting drafted so far applied (applied lazily, when lots, holds or totals are read).
   */
  get account(): Account {
    this.commit();
    return this.current;
  }

  /**
   * The account without applying drafted postings: valid for everything postings never change (profile, usage,
   * qualification, orders, purchase count, event keys, schedule, activity).
   */
  get snapshot(): Account {
    return this.current;
  }

  /** Replaces the profile of the working account (signup). */
  setProfile(profile: MemberProfile): void {
    this.current = { ...this.current, profile };
  }

  private debtDelta = 0;

  /** The member's debt in point units with the drafted postings applied (without applying them). */
  debtUnits(): number {
    return this.units(this.current.totals.debt) + this.debtDelta;
  }

  /** The tier state with the drafted tier postings applied. */
  tier(): TierState {
    return this.tierState;
  }

  /** Adds a posting and returns its id. */
  post(body: PostingBody): string {
    const id = `${this.event.key}#${this.postings.length}`;
    const posting = body as PostingBody & { id: string; eventKey: string; programVersion: number };
    posting.id = id;
    posting.eventKey = this.event.key;
    posting.programVersion = this.program.version;
    this.postings.push(posting);
    if (body.kind === 'earn' || body.kind === 'adjust') {
      if (body.debtRepaid !== undefined) this.debtDelta -= this.units(body.debtRepaid);
    } else if (body.kind === 'clawback') {
      this.debtDelta += this.units(body.debt);
    }
    if (body.kind === 'tier') {
      const state = this.tierState;
      this.tierState = {
        current: body.to,
        since: body.to === state.current ? state.since : body.at,
        baseTier: body.periodStart ? body.to : state.baseTier,
        downgrade: body.downgrade,
      };
    }
    return id;
  }

  /** Applies the postings added so far to the working account (normally done lazily). */
  commit(): void {
    if (this.committed !== this.postings.length) {
      this.current = applyUnrecorded(this.current, this.postings.slice(this.committed));
      this.committed = this.postings.length;
      this.debtDelta = 0;
    }
  }

  units(text: string): number {
    return unitsOf(text, this.program.decimals);
  }

  format(units: number): string {
    return formatUnits(units, this.program.decimals);
  }

  /** The qualification totals of a day as they stand in this draft (points in units, spend in minor units). */
  private qualificationNumbers(day: number): DraftDay {
    const drafted = this.qualificationMap?.get(day);
    if (drafted !== undefined) return drafted;
    const days = this.current.qualification;
    let lo = 0;
    let hi = days.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const entry = days[mid]!;
      if (entry.day < day) lo = mid + 1;
      else if (entry.day > day) hi = mid - 1;
      else
        return {
          day,
          points: this.units(entry.points),
          spend: unitsOf(entry.spend, this.program.currencyExponent),
          orders: entry.orders,
        };
    }
    return { day, points: 0, spend: 0, orders: 0 };
  }

  /** Adds to the qualification totals of a day (points in units, spend in minor units). */
  addQualification(day: number, pointsUnits: number, spendMinor: number, orders: number): void {
    if (pointsUnits === 0 && spendMinor === 0 && orders === 0) return;
    const current = this.qualificationNumbers(day);
    (this.qualificationMap ??= new Map()).set(day, {
      day,
      points: current.points + pointsUnits,
      spend: current.spend + spendMinor,
      orders: current.orders + orders,
    });
  }

  /** Sum of a tier basis over the local days `from`…`to` (inclusive), drafted changes included. */
  qualificationSum(from: number, to: number, basis: 'points-earned' | 'spend' | 'orders'): number {
    const days = this.current.qualification;
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid]!.day < from) lo = mid + 1;
      else hi = mid;
    }
    const exponent = this.program.currencyExponent;
    const points = basis === 'points-earned';
    const spend = basis === 'spend';
    let sum = 0;
    for (let i = lo; i < days.length && days[i]!.day <= to; i++) {
      const entry = days[i]!;
      const override = this.qualificationMap === undefined ? undefined : this.qualificationMap.get(entry.day);
      if (override !== undefined) sum += points ? override.points : spend ? override.spend : override.orders;
      else sum += points ? this.units(entry.points) : spend ? unitsOf(entry.spend, exponent) : entry.orders;
    }
    for (const [day, entry] of this.qualificationMap ?? []) {
      if (day < from || day > to) continue;
      // Days the account did not have yet.
      let known = false;
      let a = lo;
      let b = days.length - 1;
      while (a <= b) {
        const mid = (a + b) >>> 1;
        const d = days[mid]!.day;
        if (d < day) a = mid + 1;
        else if (d > day) b = mid - 1;
        else {
          known = true;
          break;
        }
      }
      if (!known) sum += points ? entry.points : spend ? entry.spend : entry.orders;
    }
    return sum;
  }

  /** The drafted qualification entries (sorted by day), as account data. */
  qualificationEntries(): QualificationDay[] {
    const exponent = this.program.currencyExponent;
    const entries: QualificationDay[] = [];
    for (const e of this.qualificationMap?.values() ?? [])
      entries.push({
        day: e.day,
        points: this.format(e.points),
        spend: formatUnits(e.spend, exponent),
        orders: e.orders,
      });
    if (entries.length > 1) entries.sort((a, b) => a.day - b.day);
    return entries;
  }

  /** A usage counter as it stands in this draft, for the period containing `day`. */
  usageOf(key: string, period: 'day' | 'month' | 'year' | 'lifetime', day: number): DraftUsage {
    const periodKey = this.periodKey(period, day);
    const drafted = this.usageMap?.get(key);
    if (drafted !== undefined)
      return drafted.period === periodKey ? drafted : { period: periodKey, times: 0, units: 0 };
    const counter = this.current.usage[key];
    if (counter?.period !== periodKey) return { period: periodKey, times: 0, units: 0 };
    return { period: periodKey, times: counter.times, units: this.units(counter.points) };
  }

  /** The usage period key of a local day (memoised per day across evaluations). */
  periodKey(period: 'day' | 'month' | 'year' | 'lifetime', day: number): string {
    if (period === 'lifetime') return 'lifetime';
    let keys = PERIOD_KEYS.get(day);
    if (keys === undefined) {
      const iso = periodKeyOf('day', day);
      keys = { day: iso, month: iso.slice(0, 7), year: iso.slice(0, 4) };
      if (PERIOD_KEYS.size >= 4_096) PERIOD_KEYS.clear();
      PERIOD_KEYS.set(day, keys);
    }
    return keys[period];
  }

  /** Adds a use to a usage counter. */
  addUsage(
    key: string,
    period: 'day' | 'month' | 'year' | 'lifetime',
    day: number,
    times: number,
    units: number,
  ): void {
    const current = this.usageOf(key, period, day);
    (this.usageMap ??= new Map()).set(key, {
      period: current.period,
      times: current.times + times,
      units: current.units + units,
    });
  }

  /** Replaces a usage counter (for counters whose period is not a calendar period, such as streak marks). */
  setUsage(key: string, counter: UsageCounter): void {
    (this.usageMap ??= new Map()).set(key, {
      period: counter.period,
      times: counter.times,
      units: this.units(counter.points),
    });
  }

  /** A usage counter as it stands in this draft, whatever its period. */
  rawUsage(key: string): { readonly period: string; readonly times: number } | undefined {
    return this.usageMap?.get(key) ?? this.current.usage[key];
  }

  /**
   * The schedule after this event. Entries still in the future are kept when nothing they depend on changed (the
   * join date for anniversary reviews, the birth date, the last activity); the rest are recomputed.
   */
  private schedule(account: Account, at: number, lastActivity: number | null): Schedule {
    const program = this.program;
    const old = this.current.schedule;
    const profileChanged = this.profile !== undefined;
    const tierReviewAt =
      old.tierReviewAt !== null && old.tierReviewAt > at && !profileChanged
        ? old.tierReviewAt
        : nextTierReview(program, account, at);
    let inactivityExpiresAt = old.inactivityExpiresAt;
    if (this.activity || inactivityExpiresAt === null || inactivityExpiresAt <= at) {
      const deadline = inactivityDeadline(program, lastActivity);
      // A deadline already passed was processed by the scheduled work of this event.
      inactivityExpiresAt = deadline !== null && deadline > at ? deadline : null;
    }
    const birthdayAt =
      old.birthdayAt !== null && old.birthdayAt > at && !profileChanged
        ? old.birthdayAt
        : nextBirthdayWindow(program, account, at);
    return old.tierReviewAt === tierReviewAt &&
      old.inactivityExpiresAt === inactivityExpiresAt &&
      old.birthdayAt === birthdayAt
      ? old
      : { tierReviewAt, inactivityExpiresAt, birthdayAt };
  }

  /** Builds the event header and returns every posting of the evaluation. */
  finish(): Posting[] {
    const at = this.event.occurredAt;
    const base = this.current;
    const profileAccount: Account =
      this.profile === undefined ? base : { ...base, profile: { ...base.profile, ...this.profile } };
    const lastActivity = this.activity ? at : base.lastActivityAt;
    const record: { -readonly [K in keyof EventRecord]: EventRecord[K] } = {
      eventType: this.event.type,
      postings: this.postings.length + 1,
      activity: this.activity,
      schedule: this.schedule(profileAccount, at, lastActivity),
    };
    if (this.order !== undefined) record.order = this.order;
    if (this.purchase) record.purchase = true;
    if (this.qualificationMap !== undefined) record.qualification = this.qualificationEntries();
    if (this.usageMap !== undefined) {
      const usage: { key: string; period: string; times: number; points: string }[] = [];
      for (const [key, u] of this.usageMap)
        usage.push({ key, period: u.period, times: u.times, points: this.format(u.units) });
      record.usage = usage;
    }
    if (this.profile !== undefined) record.profile = this.profile;
    this.post({ kind: 'event', at, points: this.zero, record });
    return this.postings;
  }
}
