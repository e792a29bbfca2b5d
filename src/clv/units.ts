/**
 * Time units of the CLV models. Every fitted model carries its unit so predictions cannot mix days and weeks.
 *
 * @module
 */

/**
 * The time unit of a model: `day`, `week` (7 days), `month` (30.4375 days = 365.25 / 12), or a number of days.
 *
 * @example
 * ```ts
 * const weekly: TimeUnit = 'week';
 * const fortnight: TimeUnit = { days: 14 };
 * ```
 */
export type TimeUnit =
  | 'day'
  | 'week'
  | 'month'
  | {
      /** Length of the unit in days (> 0). */
      readonly days: number;
    };

/**
 * Length of a time unit in days.
 *
 * @example
 * ```ts
 * timeUnitDays('week') //=> 7
 * timeUnitDays('month') //=> 30.4375
 * timeUnitDays({ days: 14 }) //=> 14
 * ```
 */
export function timeUnitDays(unit: TimeUnit): number {
  if (unit === 'day') return 1;
  if (unit === 'week') return 7;
  if (unit === 'month') return 30.4375;
  if (!(unit.days > 0) || !Number.isFinite(unit.days))
    throw new RangeError('[clientele] a time unit must be a positive number of days');
  return unit.days;
}

/**
 * A readable name of a time unit, e.g. `week` or `14 days`.
 *
 * @example
 * ```ts
 * timeUnitName({ days: 14 }) //=> '14 days'
 * ```
 */
export function timeUnitName(unit: TimeUnit): string {
  return typeof unit === 'string' ? unit : `${unit.days} days`;
}
