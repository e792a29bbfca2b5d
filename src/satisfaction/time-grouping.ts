/**
 * Reading response instants and calendar periods, with an optional IANA time zone.
 *
 * @module
 */
import { dayNumber, joinPath, makeIssue, utcDayNumber, type SurveyResponse, type ValidationIssue } from '../core/index.js';
import { programmerError } from './options.js';

/**
 * Throws a `[clientele]` RangeError when `timeZone` is not a valid IANA time zone.
 *
 * @example
 * ```ts
 * checkTimeZone('Asia/Shanghai'); // fine
 * checkTimeZone('Mars/Olympus'); // throws
 * ```
 */
export function checkTimeZone(timeZone: string | undefined): void {
  if (timeZone === undefined) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    programmerError(`unknown time zone ${JSON.stringify(timeZone)}`);
  }
}

/**
 * The calendar day number of an instant in UTC or in `timeZone`.
 *
 * @example
 * ```ts
 * calendarDay(Date.UTC(2024, 2, 1, 20), 'Asia/Shanghai') //=> 19784 (already 2 March in Shanghai)
 * ```
 */
export function calendarDay(instant: number, timeZone: string | undefined): number {
  return timeZone === undefined || timeZone === 'UTC' ? utcDayNumber(instant) : dayNumber(instant, { timeZone });
}

/**
 * The response instant (`respondedAt`) when it is a finite epoch-ms number; otherwise records an issue and
 * returns `undefined`.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * respondedAtOf({ id: 's', respondedAt: Number.NaN }, 'responses[0]', issues) //=> undefined
 * ```
 */
export function respondedAtOf(response: SurveyResponse, path: string, issues: ValidationIssue[]): number | undefined {
  const at: unknown = response.respondedAt;
  if (typeof at === 'number' && Number.isFinite(at) && Math.abs(at) <= 8.64e15) return at;
  issues.push(makeIssue(joinPath(path, 'respondedAt'), 'instant (epoch milliseconds)', at));
  return undefined;
}
