import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/index.js';
import {
  divideRounded,
  formatUnits,
  imul,
  parseUnits,
  ratioAdd,
  ratioCompare,
  ratioDiv,
  ratioFromDecimal,
  ratioMul,
  ratioToDecimalString,
  roundRatioToUnits,
  toMinorUnits,
  unitsOf,
} from '../../src/loyalty/units.js';

const MODES = ['half-even', 'half-up', 'half-down', 'down', 'up', 'floor', 'ceiling'] as const;
const DEC_MODES = {
  'half-even': Dec.ROUND_HALF_EVEN,
  'half-up': Dec.ROUND_HALF_UP,
  'half-down': Dec.ROUND_HALF_DOWN,
  down: Dec.ROUND_DOWN,
  up: Dec.ROUND_UP,
  floor: Dec.ROUND_FLOOR,
  ceiling: Dec.ROUND_CEIL,
};

describe('point units', () => {
  it('formats and parses with fixed decimals', () => {
    expect(formatUnits(1250, 2)).toBe('12.50');
    expect(formatUnits(-5, 2)).toBe('-0.05');
    expect(formatUnits(7, 0)).toBe('7');
    expect(parseUnits('12.5', 2)).toBe(1250);
    expect(parseUnits('12.505', 2)).toBeUndefined();
    expect(parseUnits('12.500', 2)).toBe(1250);
    expect(parseUnits('-3', 0)).toBe(-3);
    expect(parseUnits('1e3', 0)).toBeUndefined();
    expect(unitsOf('42', 0)).toBe(42);
    expect(() => unitsOf('4.2', 0)).toThrow('[clientele]');
  });

  it('round-trips any safe number of units', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (units, decimals) => {
        expect(parseUnits(formatUnits(units, decimals), decimals)).toBe(units);
      }),
      { numRuns: 300 },
    );
  });

  it('converts amounts to minor units exactly, half-even below the minor unit', () => {
    expect(toMinorUnits(12.5, 2)).toBe(1250);
    expect(toMinorUnits(0.1 + 0.2, 2)).toBe(30);
    expect(toMinorUnits(0.125, 2)).toBe(12);
    expect(toMinorUnits(0.135, 2)).toBe(14);
    expect(toMinorUnits(1234, 0)).toBe(1234);
  });
});

describe('exact rationals', () => {
  it('divides with every rounding mode like decimal.js', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom(...MODES),
        (n, d, mode) => {
          const expected = new Dec(n).div(d).toDecimalPlaces(0, DEC_MODES[mode]).toNumber();
          expect(divideRounded(n, d, mode)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stays exact beyond 2^53 (bigint fallback) and comes back to numbers', () => {
    const big = imul(2 ** 40, 2 ** 30);
    expect(typeof big).toBe('bigint');
    expect(divideRounded(big, 2 ** 30, 'floor')).toBe(2 ** 40);
    const third = ratioDiv({ n: 1, d: 1 }, { n: 3, d: 1 });
    const sum = ratioAdd(ratioAdd(third, third), third);
    expect(ratioCompare(sum, { n: 1, d: 1 })).toBe(0);
    const product = ratioMul({ n: 9_007_199_254_740_991, d: 3 }, { n: 3, d: 9_007_199_254_740_991 });
    expect(ratioCompare(product, { n: 1, d: 1 })).toBe(0);
  });

  it('adds, multiplies and rounds like decimal.js on random decimals', () => {
    const decimal = fc
      .tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 4 }))
      .map(([m, s]) => new Dec(m).div(10 ** s).toFixed());
    fc.assert(
      fc.property(decimal, decimal, decimal, fc.constantFrom(...MODES), (a, b, c, mode) => {
        const r = ratioAdd(ratioMul(ratioFromDecimal(a)!, ratioFromDecimal(b)!), ratioFromDecimal(c)!);
        const expected = new Dec(a).times(b).plus(c).toDecimalPlaces(2, DEC_MODES[mode]).times(100).toNumber();
        expect(roundRatioToUnits(r, 2, mode)).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('prints rationals as truncated decimals', () => {
    expect(ratioToDecimalString({ n: 5, d: 4 })).toBe('1.25');
    expect(ratioToDecimalString({ n: 1, d: 3 }, 4)).toBe('0.3333');
    expect(ratioToDecimalString({ n: -7, d: 2 })).toBe('-3.5');
    expect(ratioToDecimalString({ n: 10n ** 30n + 1n, d: 10n ** 30n })).toBe('1.000000000000');
    expect(ratioToDecimalString({ n: 0, d: 7 })).toBe('0');
  });
});

describe('fast paths of formatUnits, unitsOf and ratioToDecimalString agree with the general code', () => {
  /** The general formatting: decimal.js, exactly `decimals` fraction digits. */
  const reference = (units: number, decimals: number): string =>
    new Dec(units).div(new Dec(10).pow(decimals)).toFixed(decimals);

  it('formatUnits equals the decimal.js formatting for every whole number of units', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5_000, max: 5_000 }), fc.integer(), fc.maxSafeInteger(), fc.constant(2 ** 31)),
        fc.integer({ min: 0, max: 6 }),
        (units, decimals) => {
          expect(formatUnits(units, decimals)).toBe(reference(units, decimals));
        },
      ),
      { numRuns: 3_000 },
    );
    expect(formatUnits(-0, 0)).toBe('0');
    expect(formatUnits(4_095, 0)).toBe('4095');
    expect(formatUnits(4_096, 0)).toBe('4096');
    expect(formatUnits(5, 3)).toBe('0.005');
    expect(formatUnits(2 ** 31, 2)).toBe('21474836.48');
  });

  it('unitsOf equals parseUnits (or throws where parseUnits refuses) on digit / point / sign strings', () => {
    const text = fc
      .array(fc.constantFrom('0', '1', '2', '5', '9', '.', '-', '+', 'e', ' '), { maxLength: 18 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 8 }), (t, decimals) => {
        // The general code: at 0 decimals whatever Number reads as a safe integer without '.' or 'e' ('+5', ' 12',
        // '-0'), otherwise parseUnits.
        const quick = Number(t);
        const expected =
          decimals === 0 && Number.isSafeInteger(quick) && t !== '' && !t.includes('.') && !t.includes('e')
            ? quick
            : parseUnits(t, decimals);
        let actual: number | 'throws';
        try {
          actual = unitsOf(t, decimals);
        } catch {
          actual = 'throws';
        }
        expect(actual).toBe(expected ?? 'throws');
      }),
      { numRuns: 5_000 },
    );
    expect(unitsOf('1250', 2)).toBe(125_000);
    expect(unitsOf('12.5', 2)).toBe(1_250);
    expect(unitsOf('12.50', 2)).toBe(1_250);
    expect(() => unitsOf('12.505', 2)).toThrow();
    expect(() => unitsOf('12.', 0)).toThrow();
  });

  it('ratioToDecimalString of a whole ratio is the integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), (n) => {
        expect(ratioToDecimalString({ n, d: 1 })).toBe(String(n));
      }),
      { numRuns: 500 },
    );
  });
});
