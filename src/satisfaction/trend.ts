/**
 * Scores per calendar period (day, week, month, quarter, year) with per-period intervals and a significance test
 * of each change against the previous reported period.
 *
 * @module
 */
import { describeReceived, isoDateOfDayNumber, joinPath, periodKey, startOfPeriod, type PeriodUnit, type SurveyResponse, type ValidationIssue } from '../core/index.js';
import { compareScores, prepareScore, type ScoreOptions, type ScoreResult } from './metric.js';
import { programmerError, resolveMinimumSample } from './options.js';
import { calendarDay, checkTimeZone, respondedAtOf } from './time-grouping.js';
import type { ComparisonResult } from './types.js';

/**
 * Options of {@link trend}: the metric and its options, plus the period unit and calendar.
 *
 * @example
 * ```ts
 * const options: TrendOptions = { metric: 'nps', unit: 'month', timeZone: 'Asia/Shanghai' };
 * ```
 */
export type TrendOptions = ScoreOptions & {
  /** Period unit. */
  readonly unit: PeriodUnit;
  /** IANA time zone in which calendar days are counted. Default UTC. */
  readonly timeZone?: string;
  /** First day of a week (0 = Sunday … 6 = Saturday). Default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
};

/**
 * One period of a trend.
 *
 * @example
 * ```ts
 * // { period: '2024-05', start: '2024-05-01', result: { score: 31.2, interval: ... }, comparedWith: '2024-04',
 * //   change: { difference: 6.1, pValue: 0.03, significant: true, ... }, significantChange: true }
 * ```
 */
export interface TrendPeriod {
  /** Period key: `2024-05-17` (day or week start), `2024-05`, `2024-Q2`, `2024`. */
  readonly period: string;
  /** First day of the period (ISO date). */
  readonly start: string;
  /** The score of the period. */
  readonly result: ScoreResult;
  /** The previous reported period this one is compared with, or null for the first. */
  readonly comparedWith: string | null;
  /** This period minus the previous one, with its test; null for the first period or when no test is possible. */
  readonly change: ComparisonResult | null;
  /** Why `change` is null, when it is. */
  readonly changeNote?: string;
  /** Whether the change against the previous period is significant. */
  readonly significantChange: boolean;
}

/**
 * A trend: reported periods in calendar order, suppressed small periods, and the excluded responses.
 *
 * @example
 * ```ts
 * const t = trend(responses, { metric: 'nps', unit: 'month' });
 * t.periods.map((p) => `${p.period} ${p.result.score.toFixed(1)}${p.significantChange ? ' *' : ''}`);
 * ```
 */
export interface TrendResult {
  /** The metric scored. */
  readonly metric: ScoreOptions['metric'];
  /** The period unit. */
  readonly unit: PeriodUnit;
  /** The calendar's time zone (`UTC` by default). */
  readonly timeZone: string;
  /** Reported periods in calendar order. */
  readonly periods: readonly TrendPeriod[];
  /** Periods left out by `minimumSample.smallGroups: 'suppress'` (periods without responses never appear). */
  readonly suppressed: readonly SuppressedPeriod[];
  /** Number of periods whose change is significant. */
  readonly significantChanges: number;
  /** Responses left out because of bad or missing input. */
  readonly excluded: number;
  /** Their issues, with paths. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * A period left out of a trend because it failed the minimum-sample rule.
 *
 * @example
 * ```ts
 * const period: SuppressedPeriod = { period: '2024-03', start: '2024-03-01', n: 2, effectiveN: 2, reason: 'effective n 2.0 < minimum 30' };
 * ```
 */
export interface SuppressedPeriod {
  /** Period key. */
  readonly period: string;
  /** First day of the period (ISO date). */
  readonly start: string;
  /** Responses in the period. */
  readonly n: number;
  /** Their effective sample size. */
  readonly effectiveN: number;
  /** The failed rule, in words. */
  readonly reason: string;
}

const UNITS: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

/**
 * Scores per period with intervals, and flags where the change against the previous reported period is
 * significant (NPS: trinomial z test; shares: two-proportion z test; means: Welch t test). Periods are calendar
 * periods in UTC or `timeZone` (core `startOfPeriod` / `periodKey`). Periods without responses are skipped, so a
 * change is always against the previous period that has data (named in `comparedWith`). With
 * `minimumSample.smallGroups: 'suppress'`, unreliable periods move to `suppressed` and are skipped by comparisons.
 *
 * @example
 * ```ts
 * const monthly = trend(responses, { metric: 'nps', unit: 'month' });
 * // monthly.periods[1] → { period: '2024-02', result: { score: 28.4, ... }, comparedWith: '2024-01', change: { pValue: 0.41, ... } }
 * ```
 */
export function trend(responses: readonly SurveyResponse[], options: TrendOptions): TrendResult {
  if (!UNITS.includes(options.unit)) programmerError(`unit must be one of ${UNITS.join(', ')}, got ${describeReceived(options.unit)}`);
  checkTimeZone(options.timeZone);
  const rule = resolveMinimumSample(options.minimumSample);
  const engine = prepareScore(responses, options);
  const issues: ValidationIssue[] = [...engine.issues];
  let excluded = engine.excluded;
  const root = options.root ?? 'responses';
  const periodOptions = { weekStartsOn: options.weekStartsOn ?? 1 };
  const groups = new Map<number, number[]>();
  const periodStartOfDay = new Map<number, number>();
  for (let row = 0; row < engine.rows; row++) {
    const index = engine.recordIndex[row]!;
    const at = respondedAtOf(responses[index]!, joinPath(root, index), issues);
    if (at === undefined) {
      excluded++;
      continue;
    }
    const day = calendarDay(at, options.timeZone);
    let start = periodStartOfDay.get(day);
    if (start === undefined) {
      start = startOfPeriod(day, options.unit, periodOptions);
      periodStartOfDay.set(day, start);
    }
    const rows = groups.get(start);
    if (rows === undefined) groups.set(start, [row]);
    else rows.push(row);
  }
  const periods: TrendPeriod[] = [];
  const suppressed: SuppressedPeriod[] = [];
  let previous: TrendPeriod | undefined;
  for (const [start, rows] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const result = engine.finish(engine.sum(rows), 0, []);
    const period = periodKey(start, options.unit, periodOptions);
    if (rule.smallGroups === 'suppress' && !result.reliable) {
      suppressed.push({ period, start: isoDateOfDayNumber(start), n: result.n, effectiveN: result.effectiveN, reason: result.reliabilityReason });
      continue;
    }
    let entry: TrendPeriod;
    if (previous === undefined) {
      entry = { period, start: isoDateOfDayNumber(start), result, comparedWith: null, change: null, changeNote: 'first reported period', significantChange: false };
    } else {
      const comparison = compareScores(result, previous.result, options);
      entry =
        comparison._tag === 'Right'
          ? { period, start: isoDateOfDayNumber(start), result, comparedWith: previous.period, change: comparison.right, significantChange: comparison.right.significant }
          : {
              period,
              start: isoDateOfDayNumber(start),
              result,
              comparedWith: previous.period,
              change: null,
              changeNote: `${comparison.left.code}: ${comparison.left.message}`,
              significantChange: false,
            };
    }
    periods.push(entry);
    previous = entry;
  }
  return {
    metric: options.metric,
    unit: options.unit,
    timeZone: options.timeZone ?? 'UTC',
    periods,
    suppressed,
    significantChanges: periods.filter((p) => p.significantChange).length,
    excluded,
    issues,
  };
}
