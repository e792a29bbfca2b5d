/**
 * Calendar periods as consecutive integers (so "the next month" is index + 1), for cohort tables and KPI series.
 * Weeks are ISO weeks (Monday start).
 *
 * @module
 */
import { civilFromDays, daysFromCivil, periodKey } from '../core/index.js';

/**
 * A period unit for cohorts and KPIs.
 *
 * @example
 * ```ts
 * const unit: CohortPeriod = 'month';
 * ```
 */
export type CohortPeriod = 'week' | 'month' | 'quarter' | 'year';

/**
 * The consecutive index of the period containing a day number.
 *
 * @example
 * ```ts
 * periodIndexOfDay(dayNumber('2024-05-17'), 'month') - periodIndexOfDay(dayNumber('2024-04-30'), 'month') //=> 1
 * ```
 */
export function periodIndexOfDay(day: number, unit: CohortPeriod): number {
  if (unit === 'week') return Math.floor((day + 3) / 7);
  const { year, month } = civilFromDays(day);
  if (unit === 'month') return year * 12 + (month - 1);
  if (unit === 'quarter') return year * 4 + Math.floor((month - 1) / 3);
  return year;
}

/**
 * The first day (day number) of a period index.
 *
 * @example
 * ```ts
 * isoDateOfDayNumber(periodStartDay(periodIndexOfDay(dayNumber('2024-05-17'), 'quarter'), 'quarter')) //=> '2024-04-01'
 * ```
 */
export function periodStartDay(index: number, unit: CohortPeriod): number {
  if (unit === 'week') return index * 7 - 3;
  if (unit === 'month') return daysFromCivil(Math.floor(index / 12), (index % 12 + 12) % 12 + 1, 1);
  if (unit === 'quarter') return daysFromCivil(Math.floor(index / 4), ((index % 4 + 4) % 4) * 3 + 1, 1);
  return daysFromCivil(index, 1, 1);
}

/**
 * The readable key of a period index (`2024-05`, `2024-Q2`, `2024`, or the Monday of a week).
 *
 * @example
 * ```ts
 * periodLabel(2024 * 12 + 4, 'month') //=> '2024-05'
 * ```
 */
export function periodLabel(index: number, unit: CohortPeriod): string {
  return periodKey(periodStartDay(index, unit), unit);
}

/**
 * The last period index that is complete before `endDay` (the first day not observed).
 *
 * @example
 * ```ts
 * periodLabel(lastCompletePeriod(dayNumber('2024-07-01'), 'month'), 'month') //=> '2024-06'
 * periodLabel(lastCompletePeriod(dayNumber('2024-06-30'), 'month'), 'month') //=> '2024-05'
 * ```
 */
export function lastCompletePeriod(endDay: number, unit: CohortPeriod): number {
  const last = periodIndexOfDay(endDay - 1, unit);
  return periodStartDay(last + 1, unit) <= endDay ? last : last - 1;
}

/**
 * Period indices of every day of a range, precomputed (one civil-date conversion per distinct day instead of one per
 * row): `periodOf(day)` is `periodIndexOfDay(day, unit)`.
 *
 * @example
 * ```ts
 * const periodOf = periodLookup(Int32Array.from([19800, 19850]), 'month');
 * periodOf(19820) === periodIndexOfDay(19820, 'month') //=> true
 * ```
 */
export function periodLookup(days: Int32Array, unit: CohortPeriod): (day: number) => number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (!(max >= min) || max - min > 400_000) return (day) => periodIndexOfDay(day, unit);
  const table = new Int32Array(max - min + 1);
  for (let d = min; d <= max; d++) table[d - min] = periodIndexOfDay(d, unit);
  return (day) => (day >= min && day <= max ? table[day - min]! : periodIndexOfDay(day, unit));
}
