/**
 * Money: exact decimal amounts, ISO 4217 currency exponents, rounding modes and loss-free allocation.
 *
 * Amounts use a library-private clone of decimal.js (precision 40, half-even), so a host's `Decimal.set()` can never
 * change a result. Amounts serialise as decimal strings.
 *
 * @module
 */
import DecimalJs from 'decimal.js';

/**
 * The library-private decimal.js constructor (precision 40, ROUND_HALF_EVEN, strings never in exponential
 * notation). Use it for exact arithmetic on amounts and points.
 *
 * @example
 * ```ts
 * new Dec('0.1').plus('0.2').toString() //=> '0.3'
 * ```
 */
export const Dec = /* @__PURE__ */ DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  // Never use exponential notation in strings: amounts serialise as plain decimal strings.
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/**
 * A decimal value created by {@link Dec}.
 *
 * @example
 * ```ts
 * const d: Decimal = new Dec('12.50');
 * ```
 */
export type Decimal = DecimalJs;

/**
 * Minor-unit exponents of ISO 4217 currencies that differ from 2, plus the common 2-decimal ones for documentation.
 * Unknown codes default to 2.
 *
 * @example
 * ```ts
 * CURRENCY_EXPONENTS.JPY //=> 0
 * ```
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  BHD: 3,
  BIF: 0,
  CLF: 4,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  PYG: 0,
  RWF: 0,
  TND: 3,
  UGX: 0,
  UYI: 0,
  UYW: 4,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  CNY: 2,
  EUR: 2,
  GBP: 2,
  USD: 2,
});

/**
 * Number of decimal places of a currency's minor unit (ISO 4217).
 *
 * @example
 * ```ts
 * currencyExponent('USD') //=> 2
 * currencyExponent('JPY') //=> 0
 * currencyExponent('BHD') //=> 3
 * ```
 */
export function currencyExponent(currency: string): number {
  return CURRENCY_EXPONENTS[currency.toUpperCase()] ?? 2;
}

/**
 * Rounding modes. `half-even` is banker's rounding; `down`/`up` go towards/away from zero; `floor`/`ceiling` go
 * towards −∞/+∞.
 *
 * @example
 * ```ts
 * const mode: RoundingMode = 'half-even';
 * ```
 */
export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'down' | 'up' | 'floor' | 'ceiling';

const ROUNDING: Readonly<Record<RoundingMode, DecimalJs.Rounding>> = {
  'half-even': DecimalJs.ROUND_HALF_EVEN,
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-down': DecimalJs.ROUND_HALF_DOWN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
  floor: DecimalJs.ROUND_FLOOR,
  ceiling: DecimalJs.ROUND_CEIL,
};

/** The rounding modes as a list, in declaration order. */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze(Object.keys(ROUNDING) as RoundingMode[]);

const DECIMAL_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses an amount from a decimal string or a finite number. Rejects NaN, ±Infinity, empty and malformed strings
 * (thousand separators, commas as decimal marks, hex). Returns `undefined` on bad input.
 *
 * @example
 * ```ts
 * parseDecimal('12.50')?.toString() //=> '12.5'
 * parseDecimal(' 7 ')?.toString() //=> '7'
 * parseDecimal('1,000') //=> undefined
 * parseDecimal(Number.NaN) //=> undefined
 * ```
 */
export function parseDecimal(input: unknown): Decimal | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? new Dec(input) : undefined;
  if (DecimalJs.isDecimal(input)) {
    const d = input;
    return d.isFinite() ? new Dec(d) : undefined;
  }
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  if (!DECIMAL_PATTERN.test(text)) return undefined;
  return new Dec(text);
}

/**
 * Rounds an amount to a number of decimal places with a rounding mode.
 *
 * @example
 * ```ts
 * roundDecimal(new Dec('2.345'), 2, 'half-even').toString() //=> '2.34'
 * roundDecimal(new Dec('2.345'), 2, 'half-up').toString() //=> '2.35'
 * roundDecimal(new Dec('-2.341'), 2, 'floor').toString() //=> '-2.35'
 * ```
 */
export function roundDecimal(amount: Decimal, decimalPlaces: number, mode: RoundingMode = 'half-even'): Decimal {
  return amount.toDecimalPlaces(decimalPlaces, ROUNDING[mode]);
}

/**
 * Rounds an amount to the minor unit of its currency.
 *
 * @example
 * ```ts
 * roundToCurrency(new Dec('1234.5'), 'JPY').toString() //=> '1234'
 * roundToCurrency(new Dec('1.2345'), 'BHD', 'up').toString() //=> '1.235'
 * ```
 */
export function roundToCurrency(amount: Decimal, currency: string, mode: RoundingMode = 'half-even'): Decimal {
  return roundDecimal(amount, currencyExponent(currency), mode);
}

/** Options of {@link allocate}. */
export interface AllocateOptions {
  /** Decimal places of the parts (default 2). Use `currencyExponent(code)` for money. */
  readonly decimalPlaces?: number;
}

/**
 * Splits an amount into parts proportional to non-negative ratios without losing or creating a minor unit: parts are
 * floored, and the remaining units go one by one to the largest remainders (ties to the earlier part). The parts
 * always sum exactly to the amount (negative amounts are allocated symmetrically).
 *
 * @example
 * ```ts
 * allocate(new Dec('100'), [1, 1, 1]).map(String) //=> ['33.34', '33.33', '33.33']
 * allocate(new Dec('10'), [70, 30], { decimalPlaces: 0 }).map(String) //=> ['7', '3']
 * ```
 */
export function allocate(
  amount: Decimal,
  ratios: readonly (number | string | Decimal)[],
  options: AllocateOptions = {},
): Decimal[] {
  const places = options.decimalPlaces ?? 2;
  const weights = ratios.map((r) => new Dec(r));
  if (weights.length === 0) throw new RangeError('[clientele] allocate needs at least one ratio');
  if (weights.some((w) => w.isNegative() || !w.isFinite())) {
    throw new RangeError('[clientele] allocate ratios must be finite and non-negative');
  }
  const total = weights.reduce((a, b) => a.plus(b), new Dec(0));
  const scale = new Dec(10).pow(places);
  const units = amount.times(scale);
  if (!units.isInteger())
    throw new RangeError(`[clientele] allocate: amount ${amount.toString()} has more than ${places} decimal places`);
  const sign = units.isNegative() ? -1 : 1;
  const absUnits = units.abs();
  const shares = total.isZero()
    ? weights.map(() => absUnits.div(weights.length))
    : weights.map((w) => absUnits.times(w).div(total));
  const floors = shares.map((s) => s.floor());
  let remainder = absUnits.minus(floors.reduce((a, b) => a.plus(b), new Dec(0))).toNumber();
  const order = shares
    .map((s, i) => ({ i, frac: s.minus(floors[i]!) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) {
    const idx = order[k]!.i;
    floors[idx] = floors[idx]!.plus(1);
  }
  return floors.map((f) => f.times(sign).div(scale));
}

/**
 * A money value as plain, JSON-serialisable data: a decimal string and an ISO 4217 code.
 *
 * @example
 * ```ts
 * const price: Money = { amount: '19.99', currency: 'EUR' };
 * ```
 */
export interface Money {
  /** The amount as a plain decimal string, e.g. `19.99`. */
  readonly amount: string;
  /** ISO 4217 currency code, upper case. */
  readonly currency: string;
}

/**
 * Helpers for {@link Money} values, grouped under one name.
 *
 * @example
 * ```ts
 * const total = money.add(money.of('19.99', 'EUR'), money.of('0.01', 'EUR'));
 * total //=> { amount: '20', currency: 'EUR' }
 * money.allocate(money.of('100', 'USD'), [1, 1, 1]).map((m) => m.amount) //=> ['33.34', '33.33', '33.33']
 * ```
 */
export const money = {
  /** Builds a money value; throws `RangeError` for a malformed amount. */
  of(amount: string | number | Decimal, currency: string): Money {
    const d = parseDecimal(amount);
    if (d === undefined) throw new RangeError(`[clientele] invalid amount: ${String(amount)}`);
    return { amount: d.toString(), currency: currency.toUpperCase() };
  },
  /** Parses untrusted input; `undefined` when amount or currency is malformed. */
  parse(amount: unknown, currency: unknown): Money | undefined {
    const d = parseDecimal(amount);
    if (d === undefined || typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) return undefined;
    return { amount: d.toString(), currency: currency.toUpperCase() };
  },
  /** The amount as a {@link Decimal}. */
  toDecimal(value: Money): Decimal {
    return new Dec(value.amount);
  },
  /** Sum of two values of the same currency; throws on a currency mismatch. */
  add(a: Money, b: Money): Money {
    assertSameCurrency(a, b);
    return { amount: new Dec(a.amount).plus(b.amount).toString(), currency: a.currency };
  },
  /** Difference of two values of the same currency; throws on a currency mismatch. */
  subtract(a: Money, b: Money): Money {
    assertSameCurrency(a, b);
    return { amount: new Dec(a.amount).minus(b.amount).toString(), currency: a.currency };
  },
  /** Multiplies by a factor, rounding to the currency's minor unit. */
  multiply(a: Money, factor: number | string | Decimal, mode: RoundingMode = 'half-even'): Money {
    return {
      amount: roundToCurrency(new Dec(a.amount).times(factor), a.currency, mode).toString(),
      currency: a.currency,
    };
  },
  /** Rounds to the currency's minor unit. */
  round(a: Money, mode: RoundingMode = 'half-even'): Money {
    return { amount: roundToCurrency(new Dec(a.amount), a.currency, mode).toString(), currency: a.currency };
  },
  /** Splits into parts proportional to ratios at the currency's minor unit, summing exactly to the whole. */
  allocate(a: Money, ratios: readonly (number | string | Decimal)[]): Money[] {
    return allocate(new Dec(a.amount), ratios, { decimalPlaces: currencyExponent(a.currency) }).map((d) => ({
      amount: d.toString(),
      currency: a.currency,
    }));
  },
  /** The value in integer minor units (cents), exact; throws if it has finer precision than the currency. */
  toMinorUnits(a: Money): number {
    const units = new Dec(a.amount).times(new Dec(10).pow(currencyExponent(a.currency)));
    if (!units.isInteger()) throw new RangeError(`[clientele] ${a.amount} ${a.currency} is finer than the minor unit`);
    return units.toNumber();
  },
  /** Formats with exactly the currency's decimal places, e.g. `19.90 EUR`. */
  format(a: Money, mode: RoundingMode = 'half-even'): string {
    return `${roundToCurrency(new Dec(a.amount), a.currency, mode).toFixed(currencyExponent(a.currency))} ${a.currency}`;
  },
} as const;

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`[clientele] currency mismatch: ${a.currency} vs ${b.currency}`);
}
