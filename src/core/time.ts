/**
 * Time: instants (epoch milliseconds), calendar day numbers and calendar periods.
 *
 * Nothing here reads the clock. Calendar days are UTC unless an IANA `timeZone` is given.
 *
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { addMonths as addMonthsFns } from 'date-fns/addMonths';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { startOfWeek } from 'date-fns/startOfWeek';
import { startOfYear } from 'date-fns/startOfYear';

/**
 * A point in time as accepted by the library: an ISO 8601 date (`2024-03-01`) or date-time
 * (`2024-03-01T10:15:00Z`, `2024-03-01T10:15:00+08:00`, `2024-03-01 10:15:00`), a `Date`, or epoch milliseconds.
 *
 * @example
 * ```ts
 * const a: DateInput = '2024-03-01';
 * const b: DateInput = Date.UTC(2024, 2, 1);
 * ```
 */
export type DateInput = string | number | Date;

/** Options shared by the calendar functions. */
export interface CalendarOptions {
  /**
   * IANA time zone (e.g. `Asia/Shanghai`) in which calendar days are counted and zone-less date-times are read.
   * Defaults to UTC.
   */
  readonly timeZone?: string;
}

/** Milliseconds in one day (86 400 000). */
export const MS_PER_DAY = 86_400_000;

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Days since 1970-01-01 of a proleptic Gregorian civil date (Howard Hinnant's algorithm; exact for any year).
 *
 * @example
 * ```ts
 * daysFromCivil(1970, 1, 1) //=> 0
 * daysFromCivil(2024, 3, 1) //=> 19783
 * ```
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * A Gregorian calendar date.
 *
 * @example
 * ```ts
 * const leapDay: CivilDate = { year: 2024, month: 2, day: 29 };
 * ```
 */
export interface CivilDate {
  /** Year (proleptic Gregorian; may be ≤ 0). */
  readonly year: number;
  /** Month, 1-12. */
  readonly month: number;
  /** Day of the month, 1-31. */
  readonly day: number;
}

/**
 * The civil date `{ year, month (1-12), day }` of a day number (inverse of {@link daysFromCivil}).
 *
 * @example
 * ```ts
 * civilFromDays(19783) //=> { year: 2024, month: 3, day: 1 }
 * ```
 */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Number of days in a month of a year (Gregorian).
 *
 * @example
 * ```ts
 * daysInMonth(2024, 2) //=> 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes) * 60_000;
}

function wallClockToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  timeZone: string | undefined,
): number {
  if (timeZone === undefined || timeZone === 'UTC') {
    return (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * 1000 + ms;
  }
  return TZDate.tz(timeZone, year, month - 1, day, hour, minute, second, ms).getTime();
}

/**
 * Parses a {@link DateInput} into epoch milliseconds, or `undefined` when it is not a valid point in time.
 * Date-only strings mean the start of that day; zone-less date-times are wall-clock time in `timeZone` (UTC by default);
 * an explicit offset or `Z` always wins. Calendar fields are range-checked (`2023-02-29` is rejected).
 *
 * @example
 * ```ts
 * parseInstant('2024-03-01') //=> 1709251200000
 * parseInstant('2024-03-01T08:00:00+08:00') //=> 1709251200000
 * parseInstant('2024-03-01', { timeZone: 'Asia/Shanghai' }) //=> 1709222400000
 * parseInstant('2023-02-29') //=> undefined
 * ```
 */
export function parseInstant(input: unknown, options: CalendarOptions = {}): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && Math.abs(input) <= 8.64e15 ? input : undefined;
  if (input instanceof Date) {
    const ms = input.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (typeof input !== 'string') return undefined;
  const match = ISO_PATTERN.exec(input.trim());
  if (match === null) return undefined;
  const [, ys, mos, ds, hs, mis, ss, fs, zone] = match;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const hour = hs === undefined ? 0 : Number(hs);
  const minute = mis === undefined ? 0 : Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = fs === undefined ? 0 : Math.floor(Number(`0.${fs}`) * 1000);
  if (zone !== undefined) {
    if (hs === undefined) return undefined;
    const offset = zoneOffsetMs(zone);
    if (Number.isNaN(offset)) return undefined;
    return wallClockToInstant(year, month, day, hour, minute, second, ms, undefined) - offset;
  }
  const instant = wallClockToInstant(year, month, day, hour, minute, second, ms, options.timeZone);
  return Number.isNaN(instant) ? undefined : instant;
}

/**
 * Like {@link parseInstant} but throws a `RangeError` on invalid input. For trusted values (constants, `asOf`
 * options); untrusted records go through the decoders instead.
 *
 * @example
 * ```ts
 * toInstant('2024-03-01T00:00:00Z') //=> 1709251200000
 * ```
 */
export function toInstant(input: DateInput, options: CalendarOptions = {}): number {
  const instant = parseInstant(input, options);
  if (instant === undefined) throw new RangeError(`[clientele] invalid date: ${String(input)}`);
  return instant;
}

function zoneOffsetAt(instant: number, timeZone: string): number {
  return -new TZDate(instant, timeZone).getTimezoneOffset() * 60_000;
}

/**
 * The calendar day of an instant as an integer day number (days since 1970-01-01), in UTC or in `timeZone`.
 * Hot loops should work on day numbers rather than on `Date` objects.
 *
 * @example
 * ```ts
 * dayNumber('2024-03-01') //=> 19783
 * dayNumber('2024-02-29T20:00:00Z', { timeZone: 'Asia/Shanghai' }) //=> 19783
 * ```
 */
export function dayNumber(input: DateInput, options: CalendarOptions = {}): number {
  const instant = toInstant(input, options);
  const tz = options.timeZone;
  if (tz === undefined || tz === 'UTC') return Math.floor(instant / MS_PER_DAY);
  return Math.floor((instant + zoneOffsetAt(instant, tz)) / MS_PER_DAY);
}

/**
 * Converts epoch milliseconds to a UTC day number without validation (the hot-loop form of {@link dayNumber}).
 *
 * @example
 * ```ts
 * utcDayNumber(1709251200000) //=> 19783
 * ```
 */
export function utcDayNumber(instant: number): number {
  return Math.floor(instant / MS_PER_DAY);
}

/**
 * The ISO date (`YYYY-MM-DD`) of a day number.
 *
 * @example
 * ```ts
 * isoDateOfDayNumber(19783) //=> '2024-03-01'
 * ```
 */
export function isoDateOfDayNumber(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  const yyyy = year < 0 || year > 9999 ? String(year) : String(year).padStart(4, '0');
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The ISO date-time string (UTC, `Z`) of an instant.
 *
 * @example
 * ```ts
 * isoDateTime(0) //=> '1970-01-01T00:00:00.000Z'
 * ```
 */
export function isoDateTime(instant: number): string {
  return new Date(instant).toISOString();
}

/** A calendar period unit. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Options of {@link startOfPeriod}. */
export interface PeriodOptions {
  /** First day of the week, 0 = Sunday … 6 = Saturday. Default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * The first day (as a day number) of the period containing a day number. Pure integer arithmetic: fast enough for
 * hot loops and independent of the host time zone.
 *
 * @example
 * ```ts
 * isoDateOfDayNumber(startOfPeriod(dayNumber('2024-05-17'), 'quarter')) //=> '2024-04-01'
 * isoDateOfDayNumber(startOfPeriod(dayNumber('2024-05-17'), 'week')) //=> '2024-05-13'
 * ```
 */
export function startOfPeriod(day: number, unit: PeriodUnit, options: PeriodOptions = {}): number {
  if (unit === 'day') return day;
  if (unit === 'week') {
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
    const start = options.weekStartsOn ?? 1;
    return day - ((weekday - start + 7) % 7);
  }
  const { year, month } = civilFromDays(day);
  if (unit === 'month') return daysFromCivil(year, month, 1);
  if (unit === 'quarter') return daysFromCivil(year, month - ((month - 1) % 3), 1);
  return daysFromCivil(year, 1, 1);
}

/**
 * A readable key for the period containing a day number: `2024-05-17`, `2024-05-13` (week start), `2024-05`,
 * `2024-Q2`, `2024`.
 *
 * @example
 * ```ts
 * periodKey(dayNumber('2024-05-17'), 'quarter') //=> '2024-Q2'
 * periodKey(dayNumber('2024-05-17'), 'month') //=> '2024-05'
 * ```
 */
export function periodKey(day: number, unit: PeriodUnit, options: PeriodOptions = {}): string {
  const start = startOfPeriod(day, unit, options);
  const { year, month } = civilFromDays(start);
  if (unit === 'day' || unit === 'week') return isoDateOfDayNumber(start);
  if (unit === 'month') return `${year}-${String(month).padStart(2, '0')}`;
  if (unit === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return String(year);
}

/**
 * Adds calendar months to a day number, clamping to the end of the month (Jan 31 + 1 month = Feb 28/29).
 *
 * @example
 * ```ts
 * isoDateOfDayNumber(addMonthsToDay(dayNumber('2024-01-31'), 1)) //=> '2024-02-29'
 * ```
 */
export function addMonthsToDay(day: number, months: number): number {
  const { year, month, day: d } = civilFromDays(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(d, daysInMonth(y, m)));
}

/**
 * Adds calendar months to an instant in a time zone (wall-clock time kept, end-of-month clamped), via date-fns.
 *
 * @example
 * ```ts
 * isoDateTime(addMonthsToInstant(toInstant('2024-01-31T10:00:00Z'), 1)) //=> '2024-02-29T10:00:00.000Z'
 * ```
 */
export function addMonthsToInstant(instant: number, months: number, options: CalendarOptions = {}): number {
  return addMonthsFns(new TZDate(instant, options.timeZone ?? 'UTC'), months).getTime();
}

/**
 * The instant at which the period containing `instant` starts, in a time zone (DST-aware, via date-fns).
 *
 * @example
 * ```ts
 * isoDateTime(startOfPeriodInstant(toInstant('2024-05-17T12:00:00Z'), 'month')) //=> '2024-05-01T00:00:00.000Z'
 * ```
 */
export function startOfPeriodInstant(
  instant: number,
  unit: PeriodUnit,
  options: CalendarOptions & PeriodOptions = {},
): number {
  const date = new TZDate(instant, options.timeZone ?? 'UTC');
  switch (unit) {
    case 'day':
      return TZDate.tz(options.timeZone ?? 'UTC', date.getFullYear(), date.getMonth(), date.getDate()).getTime();
    case 'week':
      return startOfWeek(date, { weekStartsOn: options.weekStartsOn ?? 1 }).getTime();
    case 'month':
      return startOfMonth(date).getTime();
    case 'quarter':
      return startOfQuarter(date).getTime();
    case 'year':
      return startOfYear(date).getTime();
  }
}

/**
 * Whole days from one day number to another (`to - from`); a convenience that documents intent.
 *
 * @example
 * ```ts
 * daysBetween(dayNumber('2024-01-01'), dayNumber('2024-03-01')) //=> 60
 * ```
 */
export function daysBetween(from: number, to: number): number {
  return to - from;
}
