/**
 * Complaint handling metrics as of an explicit instant: complaints per 1,000 orders, time to first response and
 * to resolution (median with interval, p90), SLA breach rates, reopen rate, open backlog by age, per category.
 *
 * @module
 */
import {
  isoDateTime,
  joinPath,
  makeIssue,
  MS_PER_DAY,
  normalQuantile,
  quantileSorted,
  toInstant,
  type Complaint,
  type DateInput,
  type Interval,
  type ValidationIssue,
} from '../core/index.js';
import { programmerError, resolveLevel, resolveMinimumSample, resolvePositive } from './options.js';
import { poissonInterval } from './poisson.js';
import { proportionEstimate, type ProportionEstimate } from './proportion.js';
import { assessReliability } from './reliability.js';
import type { MinimumSampleRule } from './types.js';

/**
 * Service-level targets in hours.
 *
 * @example
 * ```ts
 * const sla: ComplaintSla = { firstResponseHours: 4, resolutionHours: 48 };
 * ```
 */
export interface ComplaintSla {
  /** Target time to first response in hours. Default 24. */
  readonly firstResponseHours?: number;
  /** Target time to resolution in hours. Default 72. */
  readonly resolutionHours?: number;
}

/**
 * Options of {@link complaintMetrics}.
 *
 * @example
 * ```ts
 * const options: ComplaintMetricsOptions = {
 *   asOf: '2024-07-01', from: '2024-06-01', orderCount: 18_450, sla: { firstResponseHours: 8, resolutionHours: 72 },
 * };
 * ```
 */
export interface ComplaintMetricsOptions {
  /** The instant the metrics describe; later events are treated as not yet happened. */
  readonly asOf: DateInput;
  /** Only complaints opened at or after this instant. Default: all opened up to `asOf`. */
  readonly from?: DateInput;
  /** Orders in the same window, for the rate per 1,000 orders. */
  readonly orderCount?: number;
  /** SLA targets. Default 24 h to first response, 72 h to resolution. */
  readonly sla?: ComplaintSla;
  /** Backlog age bucket boundaries in days, increasing. Default [1, 3, 7, 14, 30]. */
  readonly ageBucketsDays?: readonly number[];
  /** Confidence level. Default 0.95. */
  readonly level?: number;
  /** Minimum-sample rule behind the `reliable` flags of the rates. */
  readonly minimumSample?: MinimumSampleRule;
  /** Root of issue paths. Default `complaints`. */
  readonly root?: string;
}

/**
 * A rate with its Wilson interval (percent) and reliability.
 *
 * @example
 * ```ts
 * // { count: 12, n: 200, share: 0.06, percent: 6, interval: { lower: 3.47, upper: 10.2, level: 0.95 }, reliable: true, ... }
 * ```
 */
export interface RateEstimate extends ProportionEstimate {
  /** Confidence level of the interval. */
  readonly level: number;
  /** Whether the denominator passes the minimum-sample rule. */
  readonly reliable: boolean;
  /** Why. */
  readonly reliabilityReason: string;
}

/**
 * Durations in hours: median (with a distribution-free interval), p90, mean; null when there are none.
 *
 * @example
 * ```ts
 * // { n: 180, medianHours: 5.2, medianInterval: { lower: 4.6, upper: 6.1, level: 0.95 }, p90Hours: 22.8, meanHours: 8.4 }
 * ```
 */
export interface DurationSummary {
  /** Durations measured. */
  readonly n: number;
  /** Median in hours (numpy linear interpolation). */
  readonly medianHours: number | null;
  /** Order-statistic interval of the median (binomial, normal approximation; Conover 1999). */
  readonly medianInterval: Interval | null;
  /** 90th percentile in hours. */
  readonly p90Hours: number | null;
  /** Mean in hours. */
  readonly meanHours: number | null;
}

/**
 * SLA compliance for one target. `evaluated` = met + breached; complaints still within their target and without
 * the event are `pending` and not counted in the rate.
 *
 * @example
 * ```ts
 * // { slaHours: 24, evaluated: 190, met: 171, breached: 19, pending: 10, breachRate: { percent: 10, ... } }
 * ```
 */
export interface SlaSummary {
  /** The target in hours. */
  readonly slaHours: number;
  /** met + breached. */
  readonly evaluated: number;
  /** Event within the target. */
  readonly met: number;
  /** Event after the target, or no event and already past it. */
  readonly breached: number;
  /** No event yet and still within the target (not in the rate). */
  readonly pending: number;
  /** breached / evaluated with a Wilson interval; null when nothing was evaluated. */
  readonly breachRate: RateEstimate | null;
}

/**
 * Complaint metrics as of an instant.
 *
 * @example
 * ```ts
 * const m = complaintMetrics(complaints, { asOf: '2024-07-01', orderCount: 18_450 });
 * m.ratePer1000Orders?.per1000 // 6.5
 * m.backlog.buckets // [{ label: '<1d', count: 4 }, { label: '1-3d', count: 7 }, ...]
 * ```
 */
export interface ComplaintMetricsResult {
  /** The as-of instant (ISO date-time). */
  readonly asOf: string;
  /** The window start (ISO date-time), or null. */
  readonly from: string | null;
  /** Complaints opened in the window up to asOf. */
  readonly complaints: number;
  /** Complaints opened after asOf (ignored). */
  readonly openedAfterAsOf: number;
  /** Complaints opened before `from` (ignored). */
  readonly openedBeforeWindow: number;
  /** Complaints per 1,000 orders with Garwood's exact Poisson interval; null without `orderCount`. */
  readonly ratePer1000Orders: ComplaintRate | null;
  /** Time from opening to first response (responded complaints). */
  readonly firstResponse: DurationSummary;
  /** Time from opening to resolution (resolved complaints). */
  readonly resolution: DurationSummary;
  /** SLA compliance for first response and resolution. */
  readonly sla: ComplaintSlaSummaries;
  /** Reopen rate among complaints resolved by asOf. */
  readonly reopen: ReopenSummary;
  /** Complaints still open at asOf, by age. */
  readonly backlog: Backlog;
  /** Per category (missing category = `(none)`), by decreasing count. */
  readonly byCategory: readonly ComplaintCategorySummary[];
  /** Complaints left out because of bad input. */
  readonly excluded: number;
  /** Their issues, with paths. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * Complaints per 1,000 orders with an exact Poisson interval.
 *
 * @example
 * ```ts
 * const rate: ComplaintRate = { complaints: 7, orders: 1000, per1000: 7, interval: { lower: 2.81, upper: 14.42, level: 0.95 }, method: 'exact Poisson (Garwood)' };
 * ```
 */
export interface ComplaintRate {
  /** Complaints opened in the window. */
  readonly complaints: number;
  /** Orders in the window (from the host). */
  readonly orders: number;
  /** complaints / orders × 1,000. */
  readonly per1000: number;
  /** Garwood interval, per 1,000 orders. */
  readonly interval: Interval;
  /** The interval method. */
  readonly method: 'exact Poisson (Garwood)';
}

/**
 * SLA summaries of both targets.
 *
 * @example
 * ```ts
 * // { firstResponse: { slaHours: 24, breached: 19, ... }, resolution: { slaHours: 72, breached: 40, ... } }
 * ```
 */
export interface ComplaintSlaSummaries {
  /** Time-to-first-response target. */
  readonly firstResponse: SlaSummary;
  /** Time-to-resolution target. */
  readonly resolution: SlaSummary;
}

/**
 * Reopened complaints among the resolved ones.
 *
 * @example
 * ```ts
 * const reopen: ReopenSummary = { resolved: 795, reopened: 82, reopenRate: null };
 * ```
 */
export interface ReopenSummary {
  /** Complaints resolved by asOf. */
  readonly resolved: number;
  /** Of those, reopened at least once. */
  readonly reopened: number;
  /** reopened / resolved with a Wilson interval; null when none is resolved. */
  readonly reopenRate: RateEstimate | null;
}

/**
 * The open backlog at asOf.
 *
 * @example
 * ```ts
 * // { open: 138, oldestAgeDays: 412.5, buckets: [{ label: '<1d', fromDays: 0, toDays: 1, count: 11 }, ...] }
 * ```
 */
export interface Backlog {
  /** Complaints open at asOf. */
  readonly open: number;
  /** Age of the oldest open complaint in days, or null. */
  readonly oldestAgeDays: number | null;
  /** Open complaints per age bucket. */
  readonly buckets: readonly BacklogBucket[];
}

/**
 * One backlog age bucket [fromDays, toDays).
 *
 * @example
 * ```ts
 * const bucket: BacklogBucket = { label: '1-3d', fromDays: 1, toDays: 3, count: 5 };
 * ```
 */
export interface BacklogBucket {
  /** `<1d`, `1-3d`, ..., `30d+`. */
  readonly label: string;
  /** Lower bound in days (inclusive). */
  readonly fromDays: number;
  /** Upper bound in days (exclusive), or null for the last bucket. */
  readonly toDays: number | null;
  /** Open complaints of that age. */
  readonly count: number;
}

/**
 * Complaint counts of one category.
 *
 * @example
 * ```ts
 * const c: ComplaintCategorySummary = { category: 'delivery', count: 188, share: 0.2, open: 28, medianResolutionHours: 37.5 };
 * ```
 */
export interface ComplaintCategorySummary {
  /** The category (`(none)` when missing). */
  readonly category: string;
  /** Complaints in the window. */
  readonly count: number;
  /** count / all complaints in the window. */
  readonly share: number;
  /** Still open at asOf. */
  readonly open: number;
  /** Median resolution time of the resolved ones, or null. */
  readonly medianResolutionHours: number | null;
}

const MS_PER_HOUR = 3_600_000;

function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15;
}

function durations(hours: number[], level: number): DurationSummary {
  const n = hours.length;
  if (n === 0) return { n, medianHours: null, medianInterval: null, p90Hours: null, meanHours: null };
  const sorted = Float64Array.from(hours).sort();
  const z = normalQuantile(1 - (1 - level) / 2);
  const half = (z * Math.sqrt(n)) / 2;
  const lowerRank = Math.max(1, Math.floor(n / 2 - half));
  const upperRank = Math.min(n, Math.ceil(n / 2 + 1 + half));
  let total = 0;
  for (const value of sorted) total += value;
  return {
    n,
    medianHours: quantileSorted(sorted, 0.5),
    medianInterval: { lower: sorted[lowerRank - 1]!, upper: sorted[upperRank - 1]!, level },
    p90Hours: quantileSorted(sorted, 0.9),
    meanHours: total / n,
  };
}

function rate(count: number, n: number, level: number, rule: ReturnType<typeof resolveMinimumSample>): RateEstimate | null {
  if (n === 0) return null;
  const estimate = proportionEstimate({ count, successes: count, n, weightSum: n, effectiveN: n }, level);
  const verdict = assessReliability(n, n, (estimate.interval.upper - estimate.interval.lower) / 2, rule);
  return { ...estimate, level, reliable: verdict.reliable, reliabilityReason: verdict.reason };
}

function bucketLabel(from: number, to: number | null): string {
  if (to === null) return `${from}d+`;
  return from === 0 ? `<${to}d` : `${from}-${to}d`;
}

/**
 * Complaint handling metrics as of `asOf` (no clock is read): rate per 1,000 orders (given the order count of the
 * same window), time to first response and to resolution in hours (median with interval, p90, mean), SLA breach
 * rates (late events plus overdue open complaints), reopen rate among resolved complaints, open backlog by age,
 * and counts per category. Events after `asOf` count as not yet happened. Complaints with invalid instants, a
 * response or resolution before opening, or an invalid reopen count are reported and excluded. Resolution times
 * cover resolved complaints only (open ones are right-censored and shown in the backlog).
 *
 * @example
 * ```ts
 * const m = complaintMetrics(complaints, { asOf: '2024-07-01T00:00:00Z', orderCount: 12_000, sla: { firstResponseHours: 8 } });
 * // m.sla.firstResponse → { slaHours: 8, evaluated: 96, breached: 12, breachRate: { percent: 12.5, interval: ... }, ... }
 * ```
 */
export function complaintMetrics(complaints: readonly Complaint[], options: ComplaintMetricsOptions): ComplaintMetricsResult {
  if (!Array.isArray(complaints)) programmerError('complaints must be an array');
  const asOf = toInstant(options.asOf);
  const from = options.from === undefined ? undefined : toInstant(options.from);
  const level = resolveLevel(options.level);
  const rule = resolveMinimumSample(options.minimumSample);
  const firstResponseSla = resolvePositive('sla.firstResponseHours', options.sla?.firstResponseHours, 24);
  const resolutionSla = resolvePositive('sla.resolutionHours', options.sla?.resolutionHours, 72);
  const boundaries = [...(options.ageBucketsDays ?? [1, 3, 7, 14, 30])];
  boundaries.forEach((value, i) => {
    if (!(Number.isFinite(value) && value > 0 && (i === 0 || value > boundaries[i - 1]!))) programmerError('ageBucketsDays must be increasing positive numbers');
  });
  if (options.orderCount !== undefined && !(Number.isFinite(options.orderCount) && options.orderCount >= 0)) {
    programmerError(`orderCount must be a finite number ≥ 0, got ${String(options.orderCount)}`);
  }
  const root = options.root ?? 'complaints';
  const issues: ValidationIssue[] = [];
  let excluded = 0;
  let openedAfterAsOf = 0;
  let openedBeforeWindow = 0;
  let inWindow = 0;
  const firstResponseHours: number[] = [];
  const resolutionHours: number[] = [];
  const slaCounts = { firstResponse: { met: 0, breached: 0, pending: 0 }, resolution: { met: 0, breached: 0, pending: 0 } };
  let resolved = 0;
  let reopened = 0;
  const bucketCounts = new Array<number>(boundaries.length + 1).fill(0);
  let open = 0;
  let oldestAge: number | null = null;
  const categories = new Map<string, { count: number; open: number; resolutionHours: number[] }>();
  for (let i = 0; i < complaints.length; i++) {
    const complaint: unknown = complaints[i];
    const path = joinPath(root, i);
    if (complaint === null || typeof complaint !== 'object') {
      issues.push(makeIssue(path, 'complaint object', complaint));
      excluded++;
      continue;
    }
    const c = complaint as Complaint;
    const before = issues.length;
    const openedAt: unknown = c.openedAt;
    if (!isInstant(openedAt)) issues.push(makeIssue(joinPath(path, 'openedAt'), 'instant (epoch milliseconds)', openedAt));
    for (const field of ['firstResponseAt', 'resolvedAt'] as const) {
      const value: unknown = c[field];
      if (value === undefined) continue;
      if (!isInstant(value)) issues.push(makeIssue(joinPath(path, field), 'instant (epoch milliseconds)', value));
      else if (isInstant(openedAt) && value < openedAt) issues.push(makeIssue(joinPath(path, field), 'instant at or after openedAt', value));
    }
    const reopenCount: unknown = c.reopenCount;
    if (reopenCount !== undefined && !(Number.isInteger(reopenCount) && (reopenCount as number) >= 0)) {
      issues.push(makeIssue(joinPath(path, 'reopenCount'), 'non-negative integer', reopenCount));
    }
    if (issues.length > before || !isInstant(openedAt)) {
      excluded++;
      continue;
    }
    if (openedAt > asOf) {
      openedAfterAsOf++;
      continue;
    }
    if (from !== undefined && openedAt < from) {
      openedBeforeWindow++;
      continue;
    }
    inWindow++;
    const category = c.category !== undefined && c.category.trim() !== '' ? c.category : '(none)';
    let entry = categories.get(category);
    if (entry === undefined) {
      entry = { count: 0, open: 0, resolutionHours: [] };
      categories.set(category, entry);
    }
    entry.count++;
    const respondedAt = c.firstResponseAt !== undefined && c.firstResponseAt <= asOf ? c.firstResponseAt : undefined;
    const resolvedAt = c.resolvedAt !== undefined && c.resolvedAt <= asOf ? c.resolvedAt : undefined;
    const ageHours = (asOf - openedAt) / MS_PER_HOUR;
    if (respondedAt !== undefined) {
      const hours = (respondedAt - openedAt) / MS_PER_HOUR;
      firstResponseHours.push(hours);
      if (hours > firstResponseSla) slaCounts.firstResponse.breached++;
      else slaCounts.firstResponse.met++;
    } else if (ageHours > firstResponseSla) slaCounts.firstResponse.breached++;
    else slaCounts.firstResponse.pending++;
    if (resolvedAt !== undefined) {
      const hours = (resolvedAt - openedAt) / MS_PER_HOUR;
      resolutionHours.push(hours);
      entry.resolutionHours.push(hours);
      if (hours > resolutionSla) slaCounts.resolution.breached++;
      else slaCounts.resolution.met++;
      resolved++;
      if ((c.reopenCount ?? 0) >= 1) reopened++;
    } else {
      if (ageHours > resolutionSla) slaCounts.resolution.breached++;
      else slaCounts.resolution.pending++;
      open++;
      entry.open++;
      const ageDays = (asOf - openedAt) / MS_PER_DAY;
      oldestAge = oldestAge === null ? ageDays : Math.max(oldestAge, ageDays);
      let bucket = boundaries.findIndex((boundary) => ageDays < boundary);
      if (bucket < 0) bucket = boundaries.length;
      bucketCounts[bucket]!++;
    }
  }
  const sla = (counts: { met: number; breached: number; pending: number }, slaHours: number): SlaSummary => ({
    slaHours,
    evaluated: counts.met + counts.breached,
    met: counts.met,
    breached: counts.breached,
    pending: counts.pending,
    breachRate: rate(counts.breached, counts.met + counts.breached, level, rule),
  });
  let ratePer1000Orders: ComplaintRate | null = null;
  if (options.orderCount !== undefined && options.orderCount > 0) {
    const interval = poissonInterval(inWindow, level);
    const scale = 1000 / options.orderCount;
    ratePer1000Orders = {
      complaints: inWindow,
      orders: options.orderCount,
      per1000: inWindow * scale,
      interval: { lower: interval.lower * scale, upper: interval.upper * scale, level },
      method: 'exact Poisson (Garwood)',
    };
  }
  const buckets = bucketCounts.map((count, b) => {
    const lower = b === 0 ? 0 : boundaries[b - 1]!;
    const upper = b < boundaries.length ? boundaries[b]! : null;
    return { label: bucketLabel(lower, upper), fromDays: lower, toDays: upper, count };
  });
  const byCategory = [...categories.entries()]
    .map(([category, entry]) => ({
      category,
      count: entry.count,
      share: inWindow > 0 ? entry.count / inWindow : 0,
      open: entry.open,
      medianResolutionHours: entry.resolutionHours.length === 0 ? null : quantileSorted(Float64Array.from(entry.resolutionHours).sort(), 0.5),
    }))
    .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return {
    asOf: isoDateTime(asOf),
    from: from === undefined ? null : isoDateTime(from),
    complaints: inWindow,
    openedAfterAsOf,
    openedBeforeWindow,
    ratePer1000Orders,
    firstResponse: durations(firstResponseHours, level),
    resolution: durations(resolutionHours, level),
    sla: { firstResponse: sla(slaCounts.firstResponse, firstResponseSla), resolution: sla(slaCounts.resolution, resolutionSla) },
    reopen: { resolved, reopened, reopenRate: rate(reopened, resolved, level, rule) },
    backlog: { open, oldestAgeDays: oldestAge, buckets },
    byCategory,
    excluded,
    issues,
  };
}
