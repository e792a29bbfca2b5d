/**
 * Calendar arithmetic in the programme's time zone: local days, weekdays and hours of instants, the instant a
 * local day starts, ends of periods, lot expiry dates and tier review dates.
 *
 * Offsets come from `@date-fns/tz` and are memoised per UTC day inside each compiled programme's {@link Zone}, so
 * the hot path does one `Map` lookup per event instead of an `Intl` call.
 *
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { addMonthsToDay, civilFromDays, daysFromCivil, daysInMonth, MS_PER_DAY } from '../core/index.js';

/**
 * A time zone with a memo of its UTC offsets. The engine builds it from the programme's `timeZone`.
 *
 * @example
 * ```ts
 * const zone: Zone = program.zone; // timeZone 'Europe/Paris'
 * zone.offsetAt(Date.UTC(2024, 6, 1)) //=> 7200000
 * ```
 */
export interface Zone {
  /** The IANA name. */
  readonly name: string;
  /** Offset (local − UTC) in milliseconds at an instant. */
  offsetAt(instant: number): number;
}

/**
 * Whether an IANA time zone name is known to this runtime.
 *
 * @example
 * ```ts
 * isValidTimeZone('Europe/Paris') //=> true
 * isValidTimeZone('Mars/Olympus') //=> false
 * ```
 */
export function isValidTimeZone(name: string): boolean {
  if (name === 'UTC') return true;
  try {
    const offset = new TZDate(0, name).getTimezoneOffset();
    return (
      Number.isFinite(offset) && new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone !== ''
    );
  } catch {
    return false;
  }
}

function exactOffset(instant: number, name: string): number {
  return -new TZDate(instant, name).getTimezoneOffset() * 60_000;
}

const BLOCK_DAYS = 32;

interface Segment {
  readonly from: number;
  readonly offset: number;
}

/** Finds the instant in (lo, hi] at which the offset changes from `offLo` (exact to the millisecond). */
function transitionIn(lo: number, hi: number, offLo: number, name: string): number {
  let a = lo;
  let b = hi;
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (exactOffset(mid, name) === offLo) a = mid;
    else b = mid;
  }
  return b;
}

/**
 * Builds a {@link Zone}. Offsets are computed once per block of 32 UTC days: the offset at the start of each day,
 * and for a day whose start and end differ (a DST change), the exact instant of the change by bisection. Every
 * later lookup is a `Map` read (none when it falls in the same block as the previous one) and a scan of one to
 * three segments.
 *
 * @example
 * ```ts
 * makeZone('UTC').offsetAt(0) //=> 0
 * ```
 */
export function makeZone(name: string): Zone {
  if (name === 'UTC' || name === 'Etc/UTC') return { name, offsetAt: () => 0 };
  // Offsets are cached per block of 32 UTC days: the offset at each day start, and the exact instant of any change.
  const blocks = new Map<number, Segment[]>();
  const segmentsOf = (block: number): Segment[] => {
    let segments = blocks.get(block);
    if (segments !== undefined) return segments;
    const first = block * BLOCK_DAYS;
    segments = [];
    let previous = exactOffset(first * MS_PER_DAY, name);
    segments.push({ from: Number.NEGATIVE_INFINITY, offset: previous });
    for (let d = 1; d <= BLOCK_DAYS; d++) {
      const instant = (first + d) * MS_PER_DAY;
      const offset = exactOffset(instant, name);
      if (offset !== previous) {
        segments.push({ from: transitionIn(instant - MS_PER_DAY, instant, previous, name), offset });
        previous = offset;
      }
    }
    if (blocks.size > 5000) blocks.clear();
    blocks.set(block, segments);
    return segments;
  };
  let lastBlock = Number.NaN;
  let lastSegments: Segment[] = [];
  return {
    name,
    offsetAt(instant: number): number {
      const block = Math.floor(instant / (MS_PER_DAY * BLOCK_DAYS));
      if (block !== lastBlock) {
        lastSegments = segmentsOf(block);
        lastBlock = block;
      }
      const segments = lastSegments;
      if (segments.length === 1) return segments[0]!.offset;
      let offset = segments[0]!.offset;
      for (let i = 1; i < segments.length; i++) {
        if (instant >= segments[i]!.from) offset = segments[i]!.offset;
        else break;
      }
      return offset;
    },
  };
}

/**
 * The local calendar day number (days since 1970-01-01) of an instant in a zone.
 *
 * @example
 * ```ts
 * localDay(makeZone('Asia/Shanghai'), Date.UTC(2024, 1, 29, 20)) //=> 19783
 * ```
 */
export function localDay(zone: Zone, instant: number): number {
  return Math.floor((instant + zone.offsetAt(instant)) / MS_PER_DAY);
}

/**
 * The instant at which a local calendar day starts in a zone (midnight, or the first valid wall time after a gap).
 *
 * @example
 * ```ts
 * startOfLocalDay(makeZone('Europe/Paris'), 19783) //=> Date.UTC(2024, 1, 29, 23)
 * ```
 */
export function startOfLocalDay(zone: Zone, day: number): number {
  const wall = day * MS_PER_DAY;
  let instant = wall - zone.offsetAt(wall);
  instant = wall - zone.offsetAt(instant);
  return instant;
}

/**
 * Local wall-clock fields of an instant: day number, ISO weekday (1 = Monday … 7 = Sunday) and hour (0-23).
 *
 * @example
 * ```ts
 * localFields(makeZone('UTC'), Date.UTC(2024, 2, 4, 15)) //=> { day: 19786, weekday: 1, hour: 15 }
 * ```
 */
export function localFields(zone: Zone, instant: number): { day: number; weekday: number; hour: number } {
  const local = instant + zone.offsetAt(instant);
  const day = Math.floor(local / MS_PER_DAY);
  const hour = Math.floor((local - day * MS_PER_DAY) / 3_600_000);
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (ISO 4)
  return { day, weekday, hour };
}

/**
 * A calendar unit for expiry rounding.
 *
 * @example
 * ```ts
 * const unit: RoundUnit = 'quarter';
 * ```
 */
export type RoundUnit = 'day' | 'month' | 'quarter' | 'year';

/**
 * The first local day after the period (day / month / quarter / year) that contains `day`.
 *
 * @example
 * ```ts
 * dayAfterPeriodEnd(daysFromCivil(2024, 5, 17), 'quarter') === daysFromCivil(2024, 7, 1) //=> true
 * ```
 */
export function dayAfterPeriodEnd(day: number, unit: RoundUnit): number {
  if (unit === 'day') return day + 1;
  const { year, month } = civilFromDays(day);
  if (unit === 'month') return month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  if (unit === 'quarter') {
    const next = month - ((month - 1) % 3) + 3;
    return next > 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, next, 1);
  }
  return daysFromCivil(year + 1, 1, 1);
}

/**
 * The day number of a month-day (`MM-DD`) in a year; 29 February becomes 28 February in common years.
 *
 * @example
 * ```ts
 * monthDayInYear('02-29', 2023) === daysFromCivil(2023, 2, 28) //=> true
 * ```
 */
export function monthDayInYear(monthDay: string, year: number): number {
  const month = Number(monthDay.slice(0, 2));
  const day = Number(monthDay.slice(3, 5));
  return daysFromCivil(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * The first local day on or after `fromDay` that is one of the month-days (`MM-DD`).
 *
 * @example
 * ```ts
 * nextMonthDay(['06-30', '12-31'], daysFromCivil(2024, 7, 1)) === daysFromCivil(2024, 12, 31) //=> true
 * ```
 */
export function nextMonthDay(monthDays: readonly string[], fromDay: number): number {
  const { year } = civilFromDays(fromDay);
  let best = Number.POSITIVE_INFINITY;
  for (let y = year; y <= year + 1; y++) {
    for (const md of monthDays) {
      const candidate = monthDayInYear(md, y);
      if (candidate >= fromDay && candidate < best) best = candidate;
    }
  }
  return best;
}

/**
 * The day of the anniversary of `anchorDay` (month and day) in a year; 29 February falls on 28 February in common
 * years.
 *
 * @example
 * ```ts
 * anniversaryInYear(daysFromCivil(2020, 2, 29), 2021) === daysFromCivil(2021, 2, 28) //=> true
 * ```
 */
export function anniversaryInYear(anchorDay: number, year: number): number {
  const { month, day } = civilFromDays(anchorDay);
  return daysFromCivil(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * The latest anniversary of `anchorDay` on or before `day` (the start of the current anniversary year).
 *
 * @example
 * ```ts
 * lastAnniversary(daysFromCivil(2022, 3, 15), daysFromCivil(2024, 1, 10)) === daysFromCivil(2023, 3, 15) //=> true
 * ```
 */
export function lastAnniversary(anchorDay: number, day: number): number {
  const { year } = civilFromDays(day);
  const thisYear = anniversaryInYear(anchorDay, year);
  return thisYear <= day ? thisYear : anniversaryInYear(anchorDay, year - 1);
}

/**
 * The first day of the rolling window of `months` months that ends on `day` (inclusive on both sides).
 *
 * @example
 * ```ts
 * rollingWindowStart(daysFromCivil(2024, 5, 17), 12) === daysFromCivil(2023, 5, 18) //=> true
 * ```
 */
export function rollingWindowStart(day: number, months: number): number {
  return addMonthsToDay(day, -months) + 1;
}
