/**
 * io-ts building blocks for the loyalty codecs: strict objects (unknown keys are reported, so a misspelt option is
 * never silently ignored), tagged unions that report a bad tag at the tag's path, and decimal-string codecs that
 * normalise numbers and strings to plain decimal text.
 *
 * @module
 */
import * as t from 'io-ts';
import {
  boundedInteger as boundedIntegerNamed,
  errorAt,
  expectation,
  parseDecimal,
  parseInstant,
  strictObject,
  taggedUnion,
} from '../core/index.js';

export { errorAt, expectation, strictObject, taggedUnion };

/**
 * An integer within bounds (inclusive), named `integer between min and max` in issues.
 *
 * @example
 * ```ts
 * boundedInteger(1, 12).decode(13) // left
 * ```
 */
export function boundedInteger(min: number, max: number): t.Type<number, number> {
  return boundedIntegerNamed(min, max, `integer between ${min} and ${max}`);
}

function decimalCodec(
  name: string,
  accept: (d: NonNullable<ReturnType<typeof parseDecimal>>) => boolean,
): t.Type<string, string> {
  return new t.Type<string, string, unknown>(
    name,
    (u): u is string => {
      if (typeof u !== 'string') return false;
      const d = parseDecimal(u);
      return d !== undefined && accept(d) && d.toFixed() === u;
    },
    (u, c) => {
      if (typeof u !== 'string' && typeof u !== 'number') return t.failure(u, c);
      const d = parseDecimal(u);
      if (d === undefined || !accept(d)) return t.failure(u, c);
      if (d.decimalPlaces() > 30 || d.abs().greaterThan('1e15')) return t.failure(u, c);
      return t.success(d.toFixed());
    },
    (a) => a,
  );
}

/**
 * A decimal (string or number in, plain decimal string out).
 *
 * @example
 * ```ts
 * DecimalTextCodec.decode(1.5) //=> right('1.5')
 * ```
 */
export const DecimalTextCodec = decimalCodec('decimal', () => true);
/**
 * A non-negative decimal (string or number in, plain decimal string out).
 *
 * @example
 * ```ts
 * NonNegativeDecimalCodec.decode('-1') // left
 * ```
 */
export const NonNegativeDecimalCodec = decimalCodec('non-negative decimal', (d) => !d.isNegative());
/**
 * A positive decimal (string or number in, plain decimal string out).
 *
 * @example
 * ```ts
 * PositiveDecimalCodec.decode('0') // left
 * ```
 */
export const PositiveDecimalCodec = decimalCodec('positive decimal', (d) => d.isPositive() && !d.isZero());
/**
 * A decimal between 0 and 1 inclusive.
 *
 * @example
 * ```ts
 * ShareCodec.decode('0.5') //=> right('0.5')
 * ```
 */
export const ShareCodec = decimalCodec('decimal between 0 and 1', (d) => !d.isNegative() && d.lessThanOrEqualTo(1));

/**
 * An ISO date or date-time string (zone-less values are read in the programme's time zone) or epoch ms.
 *
 * @example
 * ```ts
 * LocalInstantCodec.decode('2024-06-01') //=> right('2024-06-01')
 * ```
 */
export const LocalInstantCodec = new t.Type<string | number, string | number, unknown>(
  'ISO date or date-time, or epoch ms',
  (u): u is string | number => (typeof u === 'string' || typeof u === 'number') && parseInstant(u) !== undefined,
  (u, c) =>
    (typeof u === 'string' || typeof u === 'number') && parseInstant(u) !== undefined ? t.success(u) : t.failure(u, c),
  (a) => a,
);

/**
 * A month-day `MM-DD` (29 February allowed).
 *
 * @example
 * ```ts
 * MonthDayCodec.decode('02-29') //=> right('02-29')
 * ```
 */
export const MonthDayCodec = new t.Type<string, string, unknown>(
  'month-day MM-DD',
  (u): u is string => typeof u === 'string' && isMonthDay(u),
  (u, c) => (typeof u === 'string' && isMonthDay(u) ? t.success(u) : t.failure(u, c)),
  (a) => a,
);

function isMonthDay(text: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return max !== undefined && day >= 1 && day <= max;
}

const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);
const isIdentifier = (u: unknown): u is string =>
  typeof u === 'string' && /^[A-Za-z0-9_.:-]{1,128}$/.test(u) && !RESERVED_IDS.has(u);

/**
 * An identifier: 1-128 characters of letters, digits, `_`, `-`, `.`, `:` (not `__proto__`, `constructor`, `prototype`).
 *
 * @example
 * ```ts
 * IdentifierCodec.decode('double-weekend') //=> right('double-weekend')
 * ```
 */
export const IdentifierCodec = new t.Type<string, string, unknown>(
  'identifier (1-128 of A-Z a-z 0-9 _ - . :)',
  isIdentifier,
  (u, c) => (isIdentifier(u) ? t.success(u) : t.failure(u, c)),
  (a) => a,
);

/**
 * An array with at most `max` items of a codec.
 *
 * @example
 * ```ts
 * boundedArray(t.string, 2).decode(['a', 'b', 'c']) // left
 * ```
 */
export function boundedArray<C extends t.Mixed>(item: C, max: number, name?: string): t.Type<t.TypeOf<C>[], unknown> {
  const array = t.array(item);
  return new t.Type<t.TypeOf<C>[], unknown, unknown>(
    name ?? `array of at most ${max} ${item.name}`,
    (u): u is t.TypeOf<C>[] => array.is(u) && u.length <= max,
    (u, c) => {
      if (Array.isArray(u) && u.length > max) return t.failure(u, c, `at most ${max} items`);
      return array.validate(u, c);
    },
    (a) => a,
  );
}

/**
 * Gives a codec its documented result type, checking that what it decodes conforms to that type.
 *
 * @example
 * ```ts
 * const Cap: t.Type<CapsDefinition, unknown> = documentedCodec<CapsDefinition>()(strictObject('caps', {}, { perTransaction: t.string }));
 * ```
 */
export function documentedCodec<A>(): <B extends A>(codec: t.Type<B, unknown>) => t.Type<A, unknown> {
  return (codec) => codec as unknown as t.Type<A, unknown>;
}
