/**
 * Calendar dates such as birth dates: parsed from common written forms, validated, placeholder dates refused.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  isoDateOfDayNumber,
  parseInstant,
  utcDayNumber,
  type DateInput,
} from '../core/index.js';
import { failure, type NormalizationFailure } from './failure.js';
import { foldWidth } from './text.js';

/**
 * Dates that systems write when the real value is unknown: treated as missing, not as data. `1970-01-01` (epoch zero)
 * is included although a few people are born that day; pass your own list to keep it.
 *
 * @example
 * ```ts
 * DEFAULT_PLACEHOLDER_DATES.includes('1900-01-01') //=> true
 * ```
 */
export const DEFAULT_PLACEHOLDER_DATES: readonly string[] = Object.freeze([
  '0001-01-01',
  '1111-11-11',
  '1899-12-30',
  '1899-12-31',
  '1900-01-01',
  '1901-01-01',
  '1970-01-01',
  '9999-12-31',
]);

/**
 * Options of {@link normalizeBirthDate}.
 *
 * @example
 * ```ts
 * const options: BirthDateOptions = { asOf: '2024-06-30', order: 'DMY', maxAgeYears: 110 };
 * ```
 */
export interface BirthDateOptions {
  /** Reference instant: later dates are `future-date`, ages above `maxAgeYears` are `implausible-date`. */
  readonly asOf?: DateInput | undefined;
  /**
   * Order of numeric dates written with `/` or `-` and the year last (`04/12/1988`). Without it such dates are read
   * only when unambiguous (a part above 12). Dotted dates (`12.04.1988`) are day-first unless `MDY` is given.
   */
  readonly order?: 'DMY' | 'MDY';
  /** Oldest plausible age in years; default 120. */
  readonly maxAgeYears?: number;
  /** Dates refused as placeholders; default {@link DEFAULT_PLACEHOLDER_DATES}. */
  readonly placeholderDates?: readonly string[];
}

const MIN_YEAR_WITHOUT_AS_OF = 1850;

function ymd(year: number, month: number, day: number): E.Either<NormalizationFailure, number> {
  if (!(year >= 1 && year <= 9999) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return E.left(failure('invalid-date', 'not a calendar date'));
  }
  return E.right(daysFromCivil(year, month, day));
}

function parseDay(input: DateInput, order: 'DMY' | 'MDY' | undefined): E.Either<NormalizationFailure, number> {
  if (typeof input === 'number' || input instanceof Date) {
    const ms = parseInstant(input);
    return ms === undefined ? E.left(failure('invalid-date', 'not a valid instant')) : E.right(utcDayNumber(ms));
  }
  if (typeof input !== 'string') return E.left(failure('not-a-string', 'a date must be a string, a Date or epoch ms'));
  const text = foldWidth(input).trim();
  if (text === '') return E.left(failure('empty', 'the date is empty'));
  if (text.length > 40) return E.left(failure('too-long', 'longer than 40 characters'));
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m !== null) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m !== null) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m =
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/u.exec(text) ??
    /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?$/u.exec(text);
  if (m !== null) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/.exec(text);
  if (m !== null) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'MDY' ? ymd(Number(m[3]), a, b) : ymd(Number(m[3]), b, a);
  }
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m !== null) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (order === 'DMY') return ymd(year, b, a);
    if (order === 'MDY') return ymd(year, a, b);
    if (a > 12 && b <= 12) return ymd(year, b, a);
    if (b > 12 && a <= 12) return ymd(year, a, b);
    if (a === b) return ymd(year, a, b);
    return E.left(failure('ambiguous-date', 'day and month cannot be told apart: pass order DMY or MDY'));
  }
  return E.left(
    failure('invalid-date', 'not a recognised date format (YYYY-MM-DD, YYYYMMDD, YYYY年M月D日, D.M.YYYY, D/M/YYYY)'),
  );
}

/**
 * Completed years between a birth day and a reference day (both day numbers); someone born on 29 February turns a
 * year older on 1 March in common years.
 *
 * @example
 * ```ts
 * import { dayNumber } from 'clientele/core';
 * completedYears(dayNumber('1988-04-12'), dayNumber('2024-04-11')) //=> 35
 * completedYears(dayNumber('1988-04-12'), dayNumber('2024-04-12')) //=> 36
 * ```
 */
export function completedYears(birthDay: number, referenceDay: number): number {
  const b = civilFromDays(birthDay);
  const r = civilFromDays(referenceDay);
  const beforeBirthday = r.month < b.month || (r.month === b.month && r.day < b.day);
  return r.year - b.year - (beforeBirthday ? 1 : 0);
}

/**
 * Normalises a birth date (or any calendar date of a person) to `YYYY-MM-DD`. Accepts ISO dates (also with `/` or
 * `.` and a time part, which is dropped), `YYYYMMDD`, `YYYY年M月D日`, Korean `YYYY년 M월 D일`, dotted day-first dates
 * and slashed dates in the given `order`; a `Date` or epoch ms gives its UTC date. Refuses impossible dates
 * (`1990-02-30`), placeholder dates, dates after `asOf` and ages above `maxAgeYears` (without `asOf`: years before 1850).
 *
 * @example
 * ```ts
 * normalizeBirthDate('1988/4/12') //=> right('1988-04-12')
 * normalizeBirthDate('1988年4月12日') //=> right('1988-04-12')
 * normalizeBirthDate('12.04.1988') //=> right('1988-04-12')
 * normalizeBirthDate('04/12/1988', { order: 'MDY' }) //=> right('1988-04-12')
 * normalizeBirthDate('04/12/1988') //=> left({ code: 'ambiguous-date', message: '…' })
 * normalizeBirthDate('1900-01-01') //=> left({ code: 'placeholder-date', message: '…' })
 * normalizeBirthDate('2030-01-01', { asOf: '2024-06-30' }) //=> left({ code: 'future-date', message: '…' })
 * ```
 */
export function normalizeBirthDate(
  input: DateInput,
  options: BirthDateOptions = {},
): E.Either<NormalizationFailure, string> {
  const parsed = parseDay(input, options.order);
  if (E.isLeft(parsed)) return parsed;
  const day = parsed.right;
  const iso = isoDateOfDayNumber(day);
  if ((options.placeholderDates ?? DEFAULT_PLACEHOLDER_DATES).includes(iso)) {
    return E.left(failure('placeholder-date', `${iso} is a placeholder for an unknown date`));
  }
  if (options.asOf !== undefined) {
    const asOf = parseInstant(options.asOf);
    if (asOf === undefined) throw new RangeError(`[clientele] invalid asOf: ${String(options.asOf)}`);
    const asOfDay = utcDayNumber(asOf);
    if (day > asOfDay)
      return E.left(failure('future-date', `${iso} is after the reference date ${isoDateOfDayNumber(asOfDay)}`));
    const maxAge = options.maxAgeYears ?? 120;
    if (completedYears(day, asOfDay) > maxAge)
      return E.left(failure('implausible-date', `an age above ${maxAge} years`));
  } else if (civilFromDays(day).year < MIN_YEAR_WITHOUT_AS_OF) {
    return E.left(failure('implausible-date', `a year before ${MIN_YEAR_WITHOUT_AS_OF}`));
  }
  return E.right(iso);
}
