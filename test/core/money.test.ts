import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  currencyExponent,
  Dec,
  money,
  parseDecimal,
  roundDecimal,
  roundToCurrency,
  ROUNDING_MODES,
  type RoundingMode,
} from '../../src/core/index.js';

const REFERENCE_MODES: Record<RoundingMode, DecimalJs.Rounding> = {
  'half-even': DecimalJs.ROUND_HALF_EVEN,
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-down': DecimalJs.ROUND_HALF_DOWN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
  floor: DecimalJs.ROUND_FLOOR,
  ceiling: DecimalJs.ROUND_CEIL,
};

describe('parseDecimal', () => {
  it('parses decimal strings and finite numbers exactly', () => {
    expect(parseDecimal('12.50')?.toString()).toBe('12.5');
    expect(parseDecimal(' 7 ')?.toString()).toBe('7');
    expect(parseDecimal('-0.001')?.toString()).toBe('-0.001');
    expect(parseDecimal('1e3')?.toString()).toBe('1000');
    expect(parseDecimal('.5')?.toString()).toBe('0.5');
    expect(parseDecimal(0.1)?.plus(0.2).toString()).toBe('0.3');
    expect(parseDecimal('123456789012345678901234567890.12')?.toString()).toBe('123456789012345678901234567890.12');
  });

  it('rejects NaN, infinities, empty and malformed values', () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      ' ',
      '1,000',
      '12,50',
      '0x10',
      'NaN',
      'Infinity',
      '1.2.3',
      '€5',
      null,
      undefined,
      {},
      [],
      true,
    ]) {
      expect(parseDecimal(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('agrees with decimal.js on every valid decimal string (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 8 }),
        (units, scale) => {
          const text = new DecimalJs(units).div(new DecimalJs(10).pow(scale)).toFixed(scale);
          expect(parseDecimal(text)?.toString()).toBe(new DecimalJs(text).toFixed());
        },
      ),
    );
  });
});

describe('rounding', () => {
  it('rounds with each mode (reference cases)', () => {
    const cases: [string, RoundingMode, string][] = [
      ['2.345', 'half-even', '2.34'],
      ['2.355', 'half-even', '2.36'],
      ['2.345', 'half-up', '2.35'],
      ['-2.345', 'half-up', '-2.35'],
      ['2.345', 'half-down', '2.34'],
      ['2.349', 'down', '2.34'],
      ['-2.349', 'down', '-2.34'],
      ['2.341', 'up', '2.35'],
      ['-2.341', 'up', '-2.35'],
      ['-2.341', 'floor', '-2.35'],
      ['2.349', 'floor', '2.34'],
      ['2.341', 'ceiling', '2.35'],
      ['-2.349', 'ceiling', '-2.34'],
    ];
    for (const [input, mode, expected] of cases)
      expect(roundDecimal(new Dec(input), 2, mode).toString(), `${input} ${mode}`).toBe(expected);
  });

  it('rounds to the currency minor unit', () => {
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('jpy')).toBe(0);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('ABC')).toBe(2);
    expect(roundToCurrency(new Dec('1234.5'), 'JPY').toString()).toBe('1234');
    expect(roundToCurrency(new Dec('1.2345'), 'BHD', 'up').toString()).toBe('1.235');
  });

  it('agrees with decimal.js for every mode and scale (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...ROUNDING_MODES),
        (units, scale, places, mode) => {
          const value = new DecimalJs(units).div(new DecimalJs(10).pow(scale));
          const expected = value.toDecimalPlaces(places, REFERENCE_MODES[mode]).toString();
          expect(roundDecimal(new Dec(value), places, mode).toString()).toBe(expected);
        },
      ),
    );
  });

  it('is not affected by a host changing the global decimal.js settings', () => {
    const before = DecimalJs.precision;
    try {
      DecimalJs.set({ precision: 3, rounding: DecimalJs.ROUND_UP });
      expect(new Dec('1').div(3).toString()).toBe('0.3333333333333333333333333333333333333333');
      expect(roundDecimal(new Dec('2.345'), 2).toString()).toBe('2.34');
    } finally {
      DecimalJs.set({ precision: before, rounding: DecimalJs.ROUND_HALF_UP });
    }
  });
});

describe('allocate', () => {
  it('splits without losing a cent', () => {
    expect(allocate(new Dec('100'), [1, 1, 1]).map(String)).toEqual(['33.34', '33.33', '33.33']);
    expect(allocate(new Dec('10'), [70, 30], { decimalPlaces: 0 }).map(String)).toEqual(['7', '3']);
    expect(allocate(new Dec('0.05'), [1, 1]).map(String)).toEqual(['0.03', '0.02']);
    expect(allocate(new Dec('-100'), [1, 1, 1]).map(String)).toEqual(['-33.34', '-33.33', '-33.33']);
    expect(allocate(new Dec('5'), [0, 0]).map(String)).toEqual(['2.5', '2.5']);
    expect(allocate(new Dec('1'), [0, 1, 0]).map(String)).toEqual(['0', '1', '0']);
  });

  it('refuses bad ratios and amounts finer than the scale', () => {
    expect(() => allocate(new Dec('1'), [])).toThrow(RangeError);
    expect(() => allocate(new Dec('1'), [-1, 2])).toThrow(RangeError);
    expect(() => allocate(new Dec('1.001'), [1, 1])).toThrow(RangeError);
  });

  it('always sums to the whole, parts differ from exact shares by less than one unit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (units, ratios, places) => {
          const amount = new Dec(units).div(new Dec(10).pow(places));
          const parts = allocate(amount, ratios, { decimalPlaces: places });
          const total = parts.reduce((a, b) => a.plus(b), new Dec(0));
          expect(total.equals(amount)).toBe(true);
          const weightSum = ratios.reduce((a, b) => a + b, 0);
          const unit = new Dec(10).pow(-places);
          parts.forEach((part, i) => {
            const exact = weightSum === 0 ? amount.div(ratios.length) : amount.times(ratios[i]!).div(weightSum);
            expect(part.minus(exact).abs().lessThan(unit)).toBe(true);
            expect(part.times(new Dec(10).pow(places)).isInteger()).toBe(true);
          });
        },
      ),
    );
  });
});

describe('money', () => {
  it('builds, adds, multiplies, allocates and formats plain values', () => {
    const a = money.of('19.99', 'eur');
    expect(a).toEqual({ amount: '19.99', currency: 'EUR' });
    expect(money.add(a, money.of('0.01', 'EUR'))).toEqual({ amount: '20', currency: 'EUR' });
    expect(money.subtract(a, money.of('20', 'EUR'))).toEqual({ amount: '-0.01', currency: 'EUR' });
    expect(money.multiply(money.of('10.00', 'USD'), '0.333')).toEqual({ amount: '3.33', currency: 'USD' });
    expect(money.round(money.of('2.345', 'USD'), 'half-up')).toEqual({ amount: '2.35', currency: 'USD' });
    expect(money.allocate(money.of('100', 'JPY'), [1, 2]).map((m) => m.amount)).toEqual(['33', '67']);
    expect(money.toMinorUnits(money.of('12.34', 'USD'))).toBe(1234);
    expect(money.format(money.of('19.9', 'EUR'))).toBe('19.90 EUR');
    expect(money.format(money.of('1.5', 'KWD'))).toBe('1.500 KWD');
    expect(money.toDecimal(a).toString()).toBe('19.99');
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('refuses currency mismatches and malformed input', () => {
    expect(() => money.add(money.of('1', 'EUR'), money.of('1', 'USD'))).toThrow(/currency mismatch/);
    expect(() => money.of('1,5', 'EUR')).toThrow(RangeError);
    expect(money.parse('1.5', 'EUR')).toEqual({ amount: '1.5', currency: 'EUR' });
    expect(money.parse('1.5', 'EURO')).toBeUndefined();
    expect(money.parse(Number.NaN, 'EUR')).toBeUndefined();
    expect(() => money.toMinorUnits(money.of('1.234', 'USD'))).toThrow(RangeError);
  });
});
