import { describe, expect, it } from 'vitest';
import { daysFromCivil, isoDateOfDayNumber } from '../../src/core/index.js';
import {
  anniversaryInYear,
  dayAfterPeriodEnd,
  isValidTimeZone,
  lastAnniversary,
  localDay,
  localFields,
  makeZone,
  monthDayInYear,
  nextMonthDay,
  rollingWindowStart,
  startOfLocalDay,
} from '../../src/loyalty/calendar.js';

describe('zones', () => {
  it('knows valid zone names', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('reads local days, weekdays and hours across DST changes', () => {
    const paris = makeZone('Europe/Paris');
    // 2024-03-31 02:00 Paris: clocks go forward (UTC+1 → UTC+2).
    expect(localFields(paris, Date.parse('2024-03-31T00:30:00Z'))).toEqual({
      day: daysFromCivil(2024, 3, 31),
      weekday: 7,
      hour: 1,
    });
    expect(localFields(paris, Date.parse('2024-03-31T01:30:00Z'))).toEqual({
      day: daysFromCivil(2024, 3, 31),
      weekday: 7,
      hour: 3,
    });
    expect(localDay(paris, Date.parse('2024-06-30T22:30:00Z'))).toBe(daysFromCivil(2024, 7, 1));
    expect(startOfLocalDay(paris, daysFromCivil(2024, 7, 1))).toBe(Date.parse('2024-06-30T22:00:00Z'));
    expect(startOfLocalDay(paris, daysFromCivil(2024, 12, 1))).toBe(Date.parse('2024-11-30T23:00:00Z'));
    expect(startOfLocalDay(makeZone('America/New_York'), daysFromCivil(2024, 11, 3))).toBe(
      Date.parse('2024-11-03T04:00:00Z'),
    );
  });

  it('gives the same results whatever the host zone (pure arithmetic on instants)', () => {
    const zone = makeZone('Asia/Shanghai');
    expect(localDay(zone, Date.parse('2024-02-29T20:00:00Z'))).toBe(daysFromCivil(2024, 3, 1));
  });
});

describe('periods', () => {
  it('finds the day after the end of a day / month / quarter / year', () => {
    const d = daysFromCivil(2024, 5, 17);
    expect(isoDateOfDayNumber(dayAfterPeriodEnd(d, 'day'))).toBe('2024-05-18');
    expect(isoDateOfDayNumber(dayAfterPeriodEnd(d, 'month'))).toBe('2024-06-01');
    expect(isoDateOfDayNumber(dayAfterPeriodEnd(d, 'quarter'))).toBe('2024-07-01');
    expect(isoDateOfDayNumber(dayAfterPeriodEnd(daysFromCivil(2024, 11, 2), 'quarter'))).toBe('2025-01-01');
    expect(isoDateOfDayNumber(dayAfterPeriodEnd(d, 'year'))).toBe('2025-01-01');
  });

  it('handles month-days, anniversaries and rolling windows', () => {
    expect(isoDateOfDayNumber(monthDayInYear('02-29', 2023))).toBe('2023-02-28');
    expect(isoDateOfDayNumber(nextMonthDay(['06-30', '12-31'], daysFromCivil(2024, 7, 1)))).toBe('2024-12-31');
    expect(isoDateOfDayNumber(nextMonthDay(['06-30'], daysFromCivil(2024, 7, 1)))).toBe('2025-06-30');
    expect(isoDateOfDayNumber(anniversaryInYear(daysFromCivil(2020, 2, 29), 2021))).toBe('2021-02-28');
    expect(isoDateOfDayNumber(lastAnniversary(daysFromCivil(2022, 3, 15), daysFromCivil(2024, 1, 10)))).toBe(
      '2023-03-15',
    );
    expect(isoDateOfDayNumber(rollingWindowStart(daysFromCivil(2024, 5, 17), 12))).toBe('2023-05-18');
  });
});
