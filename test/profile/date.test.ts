import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/index.js';
import { completedYears, normalizeBirthDate } from '../../src/profile/index.js';

const code = (result: E.Either<{ code: string }, string>): string | undefined =>
  E.isLeft(result) ? result.left.code : undefined;

describe('normalizeBirthDate', () => {
  it.each([
    ['1988-04-12', '1988-04-12'],
    ['1988/4/12', '1988-04-12'],
    ['1988.04.12', '1988-04-12'],
    ['19880412', '1988-04-12'],
    ['1988-04-12T00:00:00Z', '1988-04-12'],
    ['1988年4月12日', '1988-04-12'],
    ['１９８８年４月１２日', '1988-04-12'],
    ['1988년 4월 12일', '1988-04-12'],
    ['12.04.1988', '1988-04-12'],
    ['13/04/1988', '1988-04-12'.replace('12', '13')],
    ['04/13/1988', '1988-04-13'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeBirthDate(input)).toEqual(E.right(expected));
  });

  it('reads ambiguous slashed dates only with an order', () => {
    expect(code(normalizeBirthDate('04/12/1988'))).toBe('ambiguous-date');
    expect(normalizeBirthDate('04/12/1988', { order: 'MDY' })).toEqual(E.right('1988-04-12'));
    expect(normalizeBirthDate('04/12/1988', { order: 'DMY' })).toEqual(E.right('1988-12-04'));
  });

  it('accepts Date objects and epoch ms as their UTC date', () => {
    expect(normalizeBirthDate(new Date(Date.UTC(1988, 3, 12, 23)))).toEqual(E.right('1988-04-12'));
    expect(normalizeBirthDate(Date.UTC(1988, 3, 12))).toEqual(E.right('1988-04-12'));
  });

  it('refuses impossible, placeholder, future and implausible dates', () => {
    expect(code(normalizeBirthDate('1990-02-30'))).toBe('invalid-date');
    expect(code(normalizeBirthDate('2023-02-29'))).toBe('invalid-date');
    expect(normalizeBirthDate('2024-02-29')).toEqual(E.right('2024-02-29'));
    expect(code(normalizeBirthDate('1900-01-01'))).toBe('placeholder-date');
    expect(code(normalizeBirthDate('1970-01-01'))).toBe('placeholder-date');
    expect(normalizeBirthDate('1970-01-01', { placeholderDates: [] })).toEqual(E.right('1970-01-01'));
    expect(code(normalizeBirthDate('2030-01-01', { asOf: '2024-06-30' }))).toBe('future-date');
    expect(code(normalizeBirthDate('1890-05-01', { asOf: '2024-06-30' }))).toBe('implausible-date');
    expect(code(normalizeBirthDate('1800-01-01'))).toBe('implausible-date');
    expect(code(normalizeBirthDate('next tuesday'))).toBe('invalid-date');
    expect(code(normalizeBirthDate(''))).toBe('empty');
  });

  it('round-trips every valid ISO date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromYear(1901), max: daysFromYear(2024) }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const result = normalizeBirthDate(iso, { placeholderDates: [] });
        expect(result).toEqual(E.right(iso));
      }),
      { numRuns: 300 },
    );
  });
});

function daysFromYear(year: number): number {
  return Date.UTC(year, 0, 2) / 86_400_000;
}

describe('completedYears', () => {
  it('counts completed years, with 29 February birthdays turning older on 1 March in common years', () => {
    expect(completedYears(dayNumber('1988-04-12'), dayNumber('2024-04-11'))).toBe(35);
    expect(completedYears(dayNumber('1988-04-12'), dayNumber('2024-04-12'))).toBe(36);
    expect(completedYears(dayNumber('2000-02-29'), dayNumber('2023-02-28'))).toBe(22);
    expect(completedYears(dayNumber('2000-02-29'), dayNumber('2023-03-01'))).toBe(23);
    expect(completedYears(dayNumber('2000-02-29'), dayNumber('2024-02-29'))).toBe(24);
  });
});
