import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsToDay,
  addMonthsToInstant,
  civilFromDays,
  dayNumber,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  isoDateOfDayNumber,
  isoDateTime,
  parseInstant,
  periodKey,
  startOfPeriod,
  startOfPeriodInstant,
  toInstant,
  utcDayNumber,
} from '../../src/core/index.js';

describe('parseInstant', () => {
  it('reads dates, date-times, offsets, Date and epoch ms', () => {
    expect(parseInstant('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseInstant('2024-03-01T10:15:30Z')).toBe(Date.UTC(2024, 2, 1, 10, 15, 30));
    expect(parseInstant('2024-03-01 10:15:30')).toBe(Date.UTC(2024, 2, 1, 10, 15, 30));
    expect(parseInstant('2024-03-01T10:15:30.250Z')).toBe(Date.UTC(2024, 2, 1, 10, 15, 30, 250));
    expect(parseInstant('2024-03-01T08:00:00+08:00')).toBe(Date.UTC(2024, 2, 1));
    expect(parseInstant('2024-03-01T08:00:00+0800')).toBe(Date.UTC(2024, 2, 1));
    expect(parseInstant('2024-02-29T19:00:00-05:00')).toBe(Date.UTC(2024, 2, 1));
    expect(parseInstant(new Date(Date.UTC(2020, 0, 1)))).toBe(Date.UTC(2020, 0, 1));
    expect(parseInstant(1_700_000_000_000)).toBe(1_700_000_000_000);
  });

  it('rejects impossible dates and malformed input', () => {
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-03-01T24:00:00Z',
      '01/03/2024',
      '',
      'now',
      '2024-3-1',
    ]) {
      expect(parseInstant(bad), bad).toBeUndefined();
    }
    expect(parseInstant(Number.NaN)).toBeUndefined();
    expect(parseInstant(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseInstant(new Date(Number.NaN))).toBeUndefined();
    expect(parseInstant(null)).toBeUndefined();
    expect(parseInstant({})).toBeUndefined();
    expect(parseInstant('2024-03-01+08:00')).toBeUndefined();
  });

  it('reads zone-less values as wall-clock time in the given zone, DST included', () => {
    expect(parseInstant('2024-03-01', { timeZone: 'Asia/Shanghai' })).toBe(Date.UTC(2024, 1, 29, 16));
    // New York is UTC-4 in July (DST) and UTC-5 in January.
    expect(parseInstant('2024-07-01T12:00:00', { timeZone: 'America/New_York' })).toBe(Date.UTC(2024, 6, 1, 16));
    expect(parseInstant('2024-01-01T12:00:00', { timeZone: 'America/New_York' })).toBe(Date.UTC(2024, 0, 1, 17));
    // An explicit offset wins over the zone.
    expect(parseInstant('2024-03-01T00:00:00Z', { timeZone: 'Asia/Shanghai' })).toBe(Date.UTC(2024, 2, 1));
  });

  it('toInstant throws a RangeError on bad input', () => {
    expect(() => toInstant('2023-02-29')).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it('matches Date.UTC for known dates', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2024, 3, 1)).toBe(19783);
    expect(dayNumber('2024-03-01')).toBe(19783);
    expect(utcDayNumber(Date.UTC(2024, 2, 1, 23, 59))).toBe(19783);
    expect(utcDayNumber(-1)).toBe(-1);
    expect(isoDateOfDayNumber(19783)).toBe('2024-03-01');
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysBetween(dayNumber('2024-01-01'), dayNumber('2024-03-01'))).toBe(60);
  });

  it('counts calendar days in a time zone', () => {
    expect(dayNumber('2024-02-29T20:00:00Z', { timeZone: 'Asia/Shanghai' })).toBe(19783);
    expect(dayNumber('2024-03-01T03:00:00Z', { timeZone: 'America/Los_Angeles' })).toBe(19782);
  });

  it('civilFromDays inverts daysFromCivil and agrees with Date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (day) => {
        const { year, month, day: d } = civilFromDays(day);
        expect(daysFromCivil(year, month, d)).toBe(day);
        const date = new Date(day * 86_400_000);
        expect([year, month, d]).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('periods', () => {
  const may17 = dayNumber('2024-05-17'); // a Friday
  it('finds period starts and keys', () => {
    expect(isoDateOfDayNumber(startOfPeriod(may17, 'week'))).toBe('2024-05-13');
    expect(isoDateOfDayNumber(startOfPeriod(may17, 'week', { weekStartsOn: 0 }))).toBe('2024-05-12');
    expect(isoDateOfDayNumber(startOfPeriod(may17, 'month'))).toBe('2024-05-01');
    expect(isoDateOfDayNumber(startOfPeriod(may17, 'quarter'))).toBe('2024-04-01');
    expect(isoDateOfDayNumber(startOfPeriod(may17, 'year'))).toBe('2024-01-01');
    expect(startOfPeriod(may17, 'day')).toBe(may17);
    expect(periodKey(may17, 'quarter')).toBe('2024-Q2');
    expect(periodKey(may17, 'month')).toBe('2024-05');
    expect(periodKey(may17, 'year')).toBe('2024');
    expect(periodKey(may17, 'week')).toBe('2024-05-13');
  });

  it('adds months with end-of-month clamping', () => {
    expect(isoDateOfDayNumber(addMonthsToDay(dayNumber('2024-01-31'), 1))).toBe('2024-02-29');
    expect(isoDateOfDayNumber(addMonthsToDay(dayNumber('2023-01-31'), 1))).toBe('2023-02-28');
    expect(isoDateOfDayNumber(addMonthsToDay(dayNumber('2024-03-31'), -1))).toBe('2024-02-29');
    expect(isoDateOfDayNumber(addMonthsToDay(dayNumber('2024-11-15'), 14))).toBe('2026-01-15');
    expect(isoDateTime(addMonthsToInstant(toInstant('2024-01-31T10:00:00Z'), 1))).toBe('2024-02-29T10:00:00.000Z');
  });

  it('finds period starts of instants in a zone', () => {
    expect(isoDateTime(startOfPeriodInstant(toInstant('2024-05-17T12:00:00Z'), 'month'))).toBe(
      '2024-05-01T00:00:00.000Z',
    );
    expect(
      isoDateTime(startOfPeriodInstant(toInstant('2024-05-17T12:00:00Z'), 'day', { timeZone: 'Asia/Shanghai' })),
    ).toBe('2024-05-16T16:00:00.000Z');
    expect(
      isoDateTime(startOfPeriodInstant(toInstant('2024-05-17T12:00:00Z'), 'year', { timeZone: 'Asia/Shanghai' })),
    ).toBe('2023-12-31T16:00:00.000Z');
  });

  it('a period start lies in its period and at most one period back (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.constantFrom('week', 'month', 'quarter', 'year' as const),
        (day, unit) => {
          const start = startOfPeriod(day, unit);
          expect(start).toBeLessThanOrEqual(day);
          expect(day - start).toBeLessThan(unit === 'week' ? 7 : unit === 'month' ? 31 : unit === 'quarter' ? 92 : 366);
          expect(startOfPeriod(start, unit)).toBe(start);
          expect(periodKey(start, unit)).toBe(periodKey(day, unit));
        },
      ),
    );
  });
});
