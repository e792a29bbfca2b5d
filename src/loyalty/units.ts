/**
 * Exact arithmetic of the loyalty engine.
 *
 * Points are kept as integer *point units* (`points × 10^decimals`, JS safe integers) and shown as decimal strings.
 * Currency amounts are integer minor units (cents). Intermediate earning amounts (a base times a rate times
 * multipliers) are exact rationals with `bigint` numerator and denominator, rounded once to point units with an
 * explicit mode. Nothing here goes through binary floating point, so there is no rounding drift.
 *
 * @module
 */
import type { RoundingMode } from '../core/index.js';
import { Dec } from '../core/index.js';

/**
 * An exact integer: a JS number while it is a safe integer, a `bigint` beyond. Every operation below keeps
 * results exact and comes back to `number` as soon as a value fits again, so the common case never allocates a
 * `bigint`.
 *
 * @example
 * ```ts
 * const small: Int = 42;
 * const large: Int = 12345678901234567890n;
 * ```
 */
export type Int = number | bigint;

/**
 * An exact rational `n / d` with `d > 0`.
 *
 * @example
 * ```ts
 * const third: Ratio = { n: 1, d: 3 };
 * ```
 */
export interface Ratio {
  /** Numerator. */
  readonly n: Int;
  /** Denominator, always positive. */
  readonly d: Int;
}

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);

/**
 * The rational zero.
 *
 * @example
 * ```ts
 * ratioAdd(RATIO_ZERO, RATIO_ONE) //=> { n: 1, d: 1 }
 * ```
 */
export const RATIO_ZERO: Ratio = { n: 0, d: 1 };
/**
 * The rational one.
 *
 * @example
 * ```ts
 * ratioMul(RATIO_ONE, { n: 3, d: 4 }) //=> { n: 3, d: 4 }
 * ```
 */
export const RATIO_ONE: Ratio = { n: 1, d: 1 };

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const POW10: Int[] = [];
for (let i = 0, p = 1n; i <= 40; i++, p *= 10n) POW10.push(p <= MAX_BIG ? Number(p) : p);

function normal(x: bigint): Int {
  return x >= -MAX_BIG && x <= MAX_BIG ? Number(x) : x;
}

function big(x: Int): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

/**
 * 10^k exactly (k ≤ 40).
 *
 * @example
 * ```ts
 * pow10(2) //=> 100
 * ```
 */
export function pow10(k: number): Int {
  const p = POW10[k];
  if (p === undefined) throw new RangeError(`[clientele] pow10 out of range: ${k}`);
  return p;
}

/**
 * Exact product of two integers.
 *
 * @example
 * ```ts
 * imul(6, 7) //=> 42
 * ```
 */
export function imul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    if (p <= MAX && p >= -MAX) return p === 0 ? 0 : p;
    return normal(BigInt(a) * BigInt(b));
  }
  return normal(big(a) * big(b));
}

/**
 * Exact sum of two integers.
 *
 * @example
 * ```ts
 * iadd(2, 3) //=> 5
 * ```
 */
export function iadd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (s <= MAX && s >= -MAX) return s;
    return normal(BigInt(a) + BigInt(b));
  }
  return normal(big(a) + big(b));
}

/**
 * Exact difference of two integers.
 *
 * @example
 * ```ts
 * isub(2, 3) //=> -1
 * ```
 */
export function isub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a - b;
    if (s <= MAX && s >= -MAX) return s;
    return normal(BigInt(a) - BigInt(b));
  }
  return normal(big(a) - big(b));
}

/**
 * Sign of an integer: −1, 0 or 1.
 *
 * @example
 * ```ts
 * isign(-5) //=> -1
 * ```
 */
export function isign(a: Int): number {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

/**
 * Integer division of `n` by a positive `d` rounded with a mode (exact).
 *
 * @example
 * ```ts
 * divideRounded(7, 2, 'half-even') //=> 4
 * divideRounded(5, 2, 'half-even') //=> 2
 * divideRounded(-7, 2, 'floor') //=> -4
 * ```
 */
export function divideRounded(n: Int, d: Int, mode: RoundingMode): Int {
  if (typeof n === 'number' && typeof d === 'number') {
    let q = Math.trunc(n / d);
    let r = n - q * d;
    // Float division can be off by one for large operands: correct it.
    if (n >= 0 ? r < 0 : r > 0) {
      q += n >= 0 ? -1 : 1;
      r = n - q * d;
    } else if (Math.abs(r) >= d) {
      q += n >= 0 ? 1 : -1;
      r = n - q * d;
    }
    if (r === 0) return q === 0 ? 0 : q;
    const negative = n < 0;
    const away = negative ? q - 1 : q + 1;
    switch (mode) {
      case 'down':
        return q;
      case 'up':
        return away;
      case 'floor':
        return negative ? q - 1 : q;
      case 'ceiling':
        return negative ? q : q + 1;
      default: {
        const twice = Math.abs(r) * 2;
        if (twice > d) return away;
        if (twice < d) return q;
        if (mode === 'half-up') return away;
        if (mode === 'half-down') return q;
        return q % 2 === 0 ? q : away;
      }
    }
  }
  const bn = big(n);
  const bd = big(d);
  const q = bn / bd;
  const r = bn - q * bd;
  if (r === 0n) return normal(q);
  const negative = bn < 0n;
  const away = negative ? q - 1n : q + 1n;
  let result: bigint;
  switch (mode) {
    case 'down':
      result = q;
      break;
    case 'up':
      result = away;
      break;
    case 'floor':
      result = negative ? q - 1n : q;
      break;
    case 'ceiling':
      result = negative ? q : q + 1n;
      break;
    default: {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice > bd) result = away;
      else if (twice < bd) result = q;
      else if (mode === 'half-up') result = away;
      else if (mode === 'half-down') result = q;
      else result = q % 2n === 0n ? q : away;
    }
  }
  return normal(result);
}

function gcd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    let x = Math.abs(a);
    let y = b;
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
  let x = big(a);
  let y = big(b);
  if (x < 0n) x = -x;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return normal(x);
}

const REDUCE_ABOVE = 2 ** 32;

function reduced(n: Int, d: Int): Ratio {
  if (typeof d === 'number' && d < REDUCE_ABOVE) return { n, d };
  const g = gcd(n, d);
  if (g === 1 || g === 0) return { n, d };
  return {
    n: typeof n === 'number' && typeof g === 'number' ? n / g : normal(big(n) / big(g)),
    d: typeof d === 'number' && typeof g === 'number' ? d / g : normal(big(d) / big(g)),
  };
}

/**
 * A rational from a numerator and a positive denominator.
 *
 * @example
 * ```ts
 * ratio(3, 4) //=> { n: 3, d: 4 }
 * ```
 */
export function ratio(n: Int, d: Int): Ratio {
  return reduced(n, d);
}

/**
 * Parses a plain decimal string (`"12"`, `"-0.25"`, no exponent) into an exact rational, or `undefined`.
 *
 * @example
 * ```ts
 * ratioFromDecimal('1.5') //=> { n: 15, d: 10 }
 * ```
 */
export function ratioFromDecimal(text: string): Ratio | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return undefined;
  const fraction = match[3] ?? '';
  if (fraction.length > 30) return undefined;
  const digits = normal(BigInt(`${match[2]!}${fraction}`));
  return { n: match[1] === '-' ? (typeof digits === 'number' ? -digits : -digits) : digits, d: pow10(fraction.length) };
}

/**
 * The rational of an integer.
 *
 * @example
 * ```ts
 * ratioOfInteger(5) //=> { n: 5, d: 1 }
 * ```
 */
export function ratioOfInteger(value: Int): Ratio {
  return { n: value, d: 1 };
}

/**
 * `a × b`.
 *
 * @example
 * ```ts
 * ratioMul({ n: 1, d: 2 }, { n: 2, d: 3 }) //=> { n: 2, d: 6 }
 * ```
 */
export function ratioMul(a: Ratio, b: Ratio): Ratio {
  return reduced(imul(a.n, b.n), imul(a.d, b.d));
}

/**
 * `a + b` (same-denominator fast path).
 *
 * @example
 * ```ts
 * ratioAdd({ n: 1, d: 2 }, { n: 1, d: 2 }) //=> { n: 2, d: 2 }
 * ```
 */
export function ratioAdd(a: Ratio, b: Ratio): Ratio {
  if (a.d === b.d) return { n: iadd(a.n, b.n), d: a.d };
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  return reduced(iadd(imul(a.n, b.d), imul(b.n, a.d)), imul(a.d, b.d));
}

/**
 * `a − b`.
 *
 * @example
 * ```ts
 * ratioSub({ n: 1, d: 2 }, { n: 1, d: 3 }) //=> { n: 1, d: 6 }
 * ```
 */
export function ratioSub(a: Ratio, b: Ratio): Ratio {
  if (a.d === b.d) return { n: isub(a.n, b.n), d: a.d };
  if (b.n === 0) return a;
  return reduced(isub(imul(a.n, b.d), imul(b.n, a.d)), imul(a.d, b.d));
}

/**
 * `a ÷ b` (b ≠ 0).
 *
 * @example
 * ```ts
 * ratioDiv({ n: 1, d: 2 }, { n: 3, d: 1 }) //=> { n: 1, d: 6 }
 * ```
 */
export function ratioDiv(a: Ratio, b: Ratio): Ratio {
  const sign = isign(b.n);
  if (sign === 0) throw new RangeError('[clientele] division by zero');
  const n = imul(a.n, b.d);
  const d = imul(a.d, b.n);
  return sign < 0 ? reduced(isub(0, n), isub(0, d)) : reduced(n, d);
}

/**
 * Sign of `a − b`: −1, 0 or 1.
 *
 * @example
 * ```ts
 * ratioCompare({ n: 1, d: 2 }, { n: 2, d: 3 }) //=> -1
 * ```
 */
export function ratioCompare(a: Ratio, b: Ratio): number {
  if (a.d === b.d) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  return isign(isub(imul(a.n, b.d), imul(b.n, a.d)));
}

/**
 * Whether a rational is zero.
 *
 * @example
 * ```ts
 * ratioIsZero({ n: 0, d: 5 }) //=> true
 * ```
 */
export function ratioIsZero(a: Ratio): boolean {
  return a.n === 0 || a.n === 0n;
}

/**
 * The rational of an integer number of point units at a scale (units / 10^decimals).
 *
 * @example
 * ```ts
 * ratioOfUnits(1250, 2) //=> { n: 1250, d: 100 }
 * ```
 */
export function ratioOfUnits(units: number, decimals: number): Ratio {
  return { n: units, d: pow10(decimals) };
}

/**
 * Rounds a rational number of points to integer point units (`points × 10^decimals`) with a mode.
 *
 * @example
 * ```ts
 * roundRatioToUnits({ n: 10, d: 3 }, 0, 'floor') //=> 3
 * roundRatioToUnits({ n: 10, d: 3 }, 2, 'half-up') //=> 333
 * ```
 */
export function roundRatioToUnits(value: Ratio, decimals: number, mode: RoundingMode): number {
  const units = divideRounded(imul(value.n, pow10(decimals)), value.d, mode);
  if (typeof units !== 'number') throw new RangeError(`[clientele] points out of the safe range: ${units}`);
  return units;
}

/**
 * A rational as a decimal string with at most `maxPlaces` fraction digits, truncated towards zero when it does
 * not terminate (so `1/3` shows as `0.333333333333`). Used in explanations.
 *
 * @example
 * ```ts
 * ratioToDecimalString({ n: 5, d: 4 }) //=> '1.25'
 * ratioToDecimalString({ n: 1, d: 3 }, 4) //=> '0.3333'
 * ```
 */
export function ratioToDecimalString(value: Ratio, maxPlaces = 12): string {
  const { n, d } = value;
  if (d === 1 && typeof n === 'number' && (n | 0) === n && n >= 0 && n < SMALL_COUNT) return SMALL_TEXT[n]!;
  if (typeof n === 'number' && typeof d === 'number' && d * 10 <= MAX) {
    const negative = n < 0;
    let rest = negative ? -n : n;
    const integer = Math.floor(rest / d);
    rest -= integer * d;
    if (rest < 0) rest += d;
    if (rest === 0) return negative && integer !== 0 ? `-${integer}` : String(integer);
    let fraction = '';
    for (let i = 0; i < maxPlaces && rest !== 0; i++) {
      rest *= 10;
      const digit = Math.floor(rest / d);
      fraction += String(digit);
      rest -= digit * d;
    }
    const text = `${integer}.${fraction}`;
    return negative && !/^0\.0*$/.test(text) ? `-${text}` : text;
  }
  const negative = isign(n) < 0;
  let rest = big(n);
  if (negative) rest = -rest;
  const bd = big(d);
  const integer = rest / bd;
  rest -= integer * bd;
  let fraction = '';
  for (let i = 0; i < maxPlaces && rest !== 0n; i++) {
    rest *= 10n;
    const digit = rest / bd;
    fraction += digit.toString();
    rest -= digit * bd;
  }
  const text = fraction === '' ? integer.toString() : `${integer.toString()}.${fraction}`;
  return negative && !/^0(?:\.0*)?$/.test(text) ? `-${text}` : text;
}

/** Decimal strings of the small non-negative integers (the most frequent point amounts), built once. */
const SMALL_COUNT = 4096;
const SMALL_TEXT: readonly string[] = Array.from({ length: SMALL_COUNT }, (_, i) => String(i));

const FRACTION_TEXTS: (readonly string[] | undefined)[] = [];

/** The fraction digits '0…0'…'9…9' of `decimals` places (1 to 3), built once. */
function fractionTexts(decimals: number): readonly string[] {
  let texts = FRACTION_TEXTS[decimals];
  if (texts === undefined) {
    texts = Array.from({ length: 10 ** decimals }, (_, i) => String(i).padStart(decimals, '0'));
    FRACTION_TEXTS[decimals] = texts;
  }
  return texts;
}

/**
 * Formats integer point units as a decimal string with exactly `decimals` fraction digits.
 *
 * @example
 * ```ts
 * formatUnits(1250, 2) //=> '12.50'
 * formatUnits(-5, 0) //=> '-5'
 * ```
 */
export function formatUnits(units: number, decimals: number): string {
  if (decimals === 0) {
    if ((units | 0) === units && units >= 0 && units < SMALL_COUNT) return SMALL_TEXT[units]!;
    return units === 0 ? '0' : String(units);
  }
  if (decimals <= 3 && (units | 0) === units && units >= 0) {
    // Fast path for whole non-negative units below 2^31 at 1 to 3 decimals (currency minor units mostly).
    const scale = decimals === 1 ? 10 : decimals === 2 ? 100 : 1000;
    const integer = Math.floor(units / scale);
    const whole = integer < SMALL_COUNT ? SMALL_TEXT[integer]! : String(integer);
    return `${whole}.${fractionTexts(decimals)[units - integer * scale]!}`;
  }
  const negative = units < 0;
  const digits = String(negative ? -units : units).padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/**
 * Parses a decimal string of points into integer point units at a scale. Returns `undefined` when the text is not
 * a plain decimal, has more fraction digits than `decimals` (non-zero ones), or leaves the safe integer range.
 *
 * @example
 * ```ts
 * parseUnits('12.5', 2) //=> 1250
 * parseUnits('12.505', 2) //=> undefined
 * parseUnits('7', 0) //=> 7
 * ```
 */
export function parseUnits(text: string, decimals: number): number | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return undefined;
  let fraction = match[3] ?? '';
  if (fraction.length > decimals) {
    if (!/^0*$/.test(fraction.slice(decimals))) return undefined;
    fraction = fraction.slice(0, decimals);
  }
  const digits = `${match[2]!}${fraction.padEnd(decimals, '0')}`;
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return undefined;
  return match[1] === '-' ? -value || 0 : value;
}

/**
 * Parses point units from a string that the engine itself wrote (postings, accounts). Throws on malformed text:
 * it means a posting or an account was edited by hand or produced for another scale.
 *
 * @example
 * ```ts
 * unitsOf('12.50', 2) //=> 1250
 * ```
 */
export function unitsOf(text: string, decimals: number): number {
  // Fast path: what formatUnits writes for non-negative amounts (digits, then a point and at most `decimals`
  // digits), fewer than 16 characters so the value is exact; anything else goes the long way.
  const length = text.length;
  if (length > 0 && length < 16) {
    let value = 0;
    let point = -1;
    let i = 0;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code === 46 && point < 0 && i > 0) {
        point = i;
        continue;
      }
      const digit = code - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    const places = point < 0 ? 0 : length - point - 1;
    if (i === length && (point < 0 || places > 0)) {
      if (places === decimals) return value;
      if (places < decimals && decimals - places <= 15) {
        const scaled = value * (pow10(decimals - places) as number);
        if (Number.isSafeInteger(scaled)) return scaled;
      }
    }
  }
  if (decimals === 0) {
    const quick = Number(text);
    if (Number.isSafeInteger(quick) && text !== '' && !text.includes('.') && !text.includes('e')) return quick;
  }
  const units = parseUnits(text, decimals);
  if (units === undefined) throw new RangeError(`[clientele] not a points amount at ${decimals} decimals: ${text}`);
  return units;
}

/**
 * Converts a non-negative amount in major currency units (a JS number, as in core records) to integer minor units.
 * Amounts finer than the minor unit are rounded half-even (exactly, through decimal.js).
 *
 * @example
 * ```ts
 * toMinorUnits(12.5, 2) //=> 1250
 * toMinorUnits(0.125, 2) //=> 12
 * ```
 */
export function toMinorUnits(amount: number, exponent: number): number {
  const scale = exponent === 2 ? 100 : 10 ** exponent;
  const scaled = amount * scale;
  const rounded = Math.round(scaled);
  if (Math.abs(scaled - rounded) < 1e-7 && Number.isSafeInteger(rounded)) {
    // The number was meant as whole minor units; confirm with the shortest decimal form when it is close to a half.
    return rounded;
  }
  const exact = new Dec(amount).times(new Dec(10).pow(exponent)).toDecimalPlaces(0, Dec.ROUND_HALF_EVEN);
  return exact.toNumber();
}
