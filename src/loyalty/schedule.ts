/**
 * The programme's calendar: when a lot expires, when pending points unlock, when tiers are reviewed, when the
 * birthday window opens, which usage period an instant falls in. All in the programme's time zone.
 *
 * @module
 */
import { addMonthsToDay, civilFromDays, daysFromCivil, isoDateOfDayNumber, MS_PER_DAY } from '../core/index.js';
import type { Account } from './account.js';
import {
  anniversaryInYear,
  dayAfterPeriodEnd,
  lastAnniversary,
  localDay,
  nextMonthDay,
  rollingWindowStart,
  startOfLocalDay,
} from './calendar.js';
import type { Program } from './program.js';

/**
 * When a lot whose expiry clock starts at `start` expires (exclusive instant), or `null` for no per-lot expiry.
 *
 * @example
 * ```ts
 * // 12 months rounded to the end of the month: earned 2024-05-17 → expires when 2025-06-01 starts
 * lotExpiresAt(program, Date.UTC(2024, 4, 17, 10))
 * ```
 */
export function lotExpiresAt(program: Program, start: number): number | null {
  const rule = program.lotExpiry;
  if (rule.kind === 'none') return null;
  const day = localDay(program.zone, start);
  return memo(program.calendarMemo.expiry, day, () => lotExpiryOfDay(program, day));
}

/** Memoised calendar computation (a memo is cleared when it grows past 100 000 entries). */
function memo<K>(cache: Map<K, number | null>, key: K, compute: () => number | null): number | null {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const value = compute();
  if (cache.size > 100_000) cache.clear();
  cache.set(key, value);
  return value;
}

function lotExpiryOfDay(program: Program, day: number): number | null {
  const rule = program.lotExpiry;
  if (rule.kind === 'none') return null;
  if (rule.kind === 'after') {
    const target = addMonthsToDay(day, rule.months) + rule.days;
    return startOfLocalDay(program.zone, dayAfterPeriodEnd(target, rule.roundTo));
  }
  const date = nextMonthDay(rule.dates, day + rule.minDays);
  return startOfLocalDay(program.zone, date + 1);
}

/**
 * When points earned at `earnedAt` unlock: the instant itself (no pending policy), after the return window, or
 * `null` (waiting for the host's `activate` event).
 *
 * @example
 * ```ts
 * pendingUntil(program, Date.UTC(2024, 4, 17)) // + 30 days with a 30-day return window
 * ```
 */
export function pendingUntil(program: Program, earnedAt: number): number | null {
  switch (program.pending.mode) {
    case 'none':
      return earnedAt;
    case 'return-window':
      return earnedAt + program.pending.days * MS_PER_DAY;
    case 'host':
      return null;
  }
}

/**
 * The local day the membership anniversary is counted from (join date, or the account's opening).
 *
 * @example
 * ```ts
 * anniversaryAnchorDay(program, account) // day number of the signup
 * ```
 */
export function anniversaryAnchorDay(program: Program, account: Account): number {
  return localDay(program.zone, account.profile.joinedAt ?? account.openedAt);
}

/**
 * The first tier review strictly after `after` (calendar year: 1 January; anniversary year: each membership
 * anniversary; rolling window: the first of each month), or `null` without tiers.
 *
 * @example
 * ```ts
 * nextTierReview(program, account, Date.UTC(2024, 4, 17)) // 2025-01-01 00:00 local for a calendar-year window
 * ```
 */
export function nextTierReview(program: Program, account: Account, after: number): number | null {
  const tiers = program.tiers;
  if (tiers === undefined) return null;
  const zone = program.zone;
  const day = localDay(zone, after);
  if (tiers.window.kind !== 'anniversary-year') {
    // The review starts on a later local day, so it is strictly after `after`.
    return memo(program.calendarMemo.review, day, () => reviewAfterDay(program, day));
  }
  const { year } = civilFromDays(day);
  const anchor = anniversaryAnchorDay(program, account);
  let candidate = anniversaryInYear(anchor, year);
  if (startOfLocalDay(zone, candidate) <= after) candidate = anniversaryInYear(anchor, year + 1);
  return startOfLocalDay(zone, candidate);
}

function reviewAfterDay(program: Program, day: number): number {
  const { year, month } = civilFromDays(day);
  const candidate =
    program.tiers!.window.kind === 'calendar-year'
      ? daysFromCivil(year + 1, 1, 1)
      : month === 12
        ? daysFromCivil(year + 1, 1, 1)
        : daysFromCivil(year, month + 1, 1);
  return startOfLocalDay(program.zone, candidate);
}

/**
 * The first local day of the tier qualification window that contains `day` (for upgrade checks and progress).
 *
 * @example
 * ```ts
 * tierWindowStart(program, account, dayNumber('2024-05-17')) // 2024-01-01 for a calendar-year window
 * ```
 */
export function tierWindowStart(program: Program, account: Account, day: number): number {
  const tiers = program.tiers!;
  if (tiers.window.kind === 'calendar-year') return daysFromCivil(civilFromDays(day).year, 1, 1);
  if (tiers.window.kind === 'rolling') return rollingWindowStart(day, tiers.window.months);
  return lastAnniversary(anniversaryAnchorDay(program, account), day);
}

/**
 * The key of the usage period (`day` / `month` / `year` / `lifetime`) of a local day: `2024-05-17`, `2024-05`,
 * `2024`, `lifetime`.
 *
 * @example
 * ```ts
 * periodKeyOf('month', dayNumber('2024-05-17')) //=> '2024-05'
 * ```
 */
export function periodKeyOf(period: 'day' | 'month' | 'year' | 'lifetime', day: number): string {
  if (period === 'lifetime') return 'lifetime';
  const iso = isoDateOfDayNumber(day);
  if (period === 'day') return iso;
  if (period === 'month') return iso.slice(0, 7);
  return iso.slice(0, 4);
}

/**
 * The birthday windows (first and last local day, inclusive) of a birth date in the years around `day`.
 *
 * @example
 * ```ts
 * birthdayWindow('1990-05-04', 2024, 0, 6) // { start: day of 2024-05-04, end: day of 2024-05-10 }
 * ```
 */
export function birthdayWindow(
  birthDate: string,
  year: number,
  daysBefore: number,
  daysAfter: number,
): { start: number; end: number } {
  const month = Number(birthDate.slice(5, 7));
  const dayOfMonth = Number(birthDate.slice(8, 10));
  const anchorDay = daysFromCivil(2000, month, dayOfMonth); // 2000 is a leap year: keeps 29 February
  const birthday = anniversaryInYear(anchorDay, year);
  return { start: birthday - daysBefore, end: birthday + daysAfter };
}

/**
 * The start instant of the next birthday window (of any birthday rule) strictly after `after`, or `null`.
 *
 * @example
 * ```ts
 * nextBirthdayWindow(program, account, Date.UTC(2024, 0, 1)) // 2024-05-04 00:00 local for a 4 May birthday
 * ```
 */
export function nextBirthdayWindow(program: Program, account: Account, after: number): number | null {
  const birthDate = account.profile.birthDate;
  if (birthDate === null || !program.rules.some((rule) => rule.kind === 'birthday')) return null;
  // Window starts are local midnights, so the answer is the same for every instant of a local day.
  const day = localDay(program.zone, after);
  return memo(program.calendarMemo.birthday, `${birthDate}:${day}`, () =>
    birthdayWindowAfter(program, birthDate, after),
  );
}

function birthdayWindowAfter(program: Program, birthDate: string, after: number): number | null {
  let best: number | null = null;
  const year = civilFromDays(localDay(program.zone, after)).year;
  for (const rule of program.rules) {
    if (rule.kind !== 'birthday') continue;
    for (let y = year - 1; y <= year + 1; y++) {
      const start = startOfLocalDay(
        program.zone,
        birthdayWindow(birthDate, y, rule.daysBefore ?? 0, rule.daysAfter ?? 0).start,
      );
      if (start > after && (best === null || start < best)) best = start;
    }
  }
  return best;
}

/**
 * When all points expire for inactivity, counted from the last activity, or `null`.
 *
 * @example
 * ```ts
 * inactivityDeadline(program, Date.UTC(2024, 4, 17)) // end of 2025-05-17 local with 12 months
 * ```
 */
export function inactivityDeadline(program: Program, lastActivityAt: number | null): number | null {
  if (program.inactivityMonths === undefined || lastActivityAt === null) return null;
  const day = localDay(program.zone, lastActivityAt);
  return startOfLocalDay(program.zone, addMonthsToDay(day, program.inactivityMonths) + 1);
}
