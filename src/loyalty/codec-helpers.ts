/**
 * io-ts building blocks for the loyalty codecs: strict objects (unknown keys are reported, so a misspelt option is
 * never silently ignored), tagged unions that report a bad tag at the tag's path, and decimal-string codecs that
 * normalise numbers and strings to plain decimal text.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import { parseDecimal, parseInstant } from '../core/index.js';

function isPlainObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u) && !(u instanceof Date);
}

/**
 * A named marker used only to label a context entry of a validation error (its name becomes the issue's
 * `expected`).
 *
 * @example
 * ```ts
 * expectation('one of: floor, half-up').name //=> 'one of: floor, half-up'
 * ```
 */
export function expectation(name: string): t.Decoder<unknown, unknown> {
  return new t.Type<unknown>(
    name,
    t.unknown.is,
    (u, c) => t.failure(u, c),
    (a) => a,
  );
}

/**
 * Builds one validation error at a sub-path of `c`, naming what was expected there.
 *
 * @example
 * ```ts
 * const error = errorAt([], ['rules', '0', 'points'], 'positive decimal', -1);
 * error.context.length //=> 3
 * ```
 */
export function errorAt(c: t.Context, keys: readonly string[], expected: string, value: unknown): t.ValidationError {
  const marker = expectation(expected);
  const context: t.ContextEntry[] = [...c];
  for (const key of keys) context.push({ key, type: marker, actual: value });
  return { value, context };
}

/**
 * A strict object codec: `required` and `optional` props like `t.type`/`t.partial`, and every key that is not
 * declared is reported as an issue at its own path.
 *
 * @example
 * ```ts
 * const Cap = strictObject('cap', { points: t.string }, { period: t.string });
 * decodeWith(Cap, { points: '5', perod: 'day' }, 'cap') // left: cap.perod: expected no such field ...
 * ```
 */
export function strictObject<R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): t.Type<t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>, unknown> {
  const requiredCodec = t.type(required);
  const optionalCodec = t.partial(optional);
  const requiredKeys = Object.keys(required);
  const optionalKeys = Object.keys(optional);
  const allowed = new Set([...requiredKeys, ...optionalKeys]);
  const unknownField = expectation(`no such field (allowed: ${[...allowed].join(', ')})`);
  type A = t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>;
  const is = (u: unknown): u is A => requiredCodec.is(u) && optionalCodec.is(u);
  return new t.Type<A, unknown, unknown>(
    name,
    is,
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c);
      const errors: t.ValidationError[] = [];
      for (const key of Object.keys(u)) {
        if (!allowed.has(key))
          errors.push({ value: u[key], context: [...c, { key, type: unknownField, actual: u[key] }] });
      }
      const a = requiredCodec.validate(u, c);
      const b = optionalCodec.validate(u, c);
      if (E.isLeft(a)) errors.push(...a.left);
      if (E.isLeft(b)) errors.push(...b.left);
      if (errors.length > 0 || E.isLeft(a) || E.isLeft(b)) return t.failures(errors);
      // Keep only the declared keys, each with its decoded (normalised) value.
      const result: Record<string, unknown> = {};
      for (const key of requiredKeys) result[key] = (a.right as Record<string, unknown>)[key];
      for (const key of optionalKeys) {
        if (Object.prototype.hasOwnProperty.call(u, key) && u[key] !== undefined)
          result[key] = (b.right as Record<string, unknown>)[key];
      }
      return t.success(result as A);
    },
    (a) => a,
  );
}

/**
 * A union of strict objects told apart by a string tag field (`kind`, `mode`...). An unknown or missing tag is one
 * issue at the tag's path listing the accepted tags; otherwise the matching member reports its own issues.
 *
 * @example
 * ```ts
 * const Pending = taggedUnion('pending policy', 'mode', { none: strictObject('none', { mode: t.literal('none') }, {}) });
 * ```
 */
export function taggedUnion<M extends Record<string, t.Mixed>>(
  name: string,
  tag: string,
  members: M,
): t.Type<t.TypeOf<M[keyof M]>, unknown> {
  const tags = Object.keys(members);
  const tagExpectation = `one of: ${tags.join(', ')}`;
  type A = t.TypeOf<M[keyof M]>;
  return new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => isPlainObject(u) && typeof u[tag] === 'string' && tags.includes(u[tag]) && members[u[tag]]!.is(u),
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c);
      const value = u[tag];
      if (typeof value !== 'string' || !Object.prototype.hasOwnProperty.call(members, value)) {
        return t.failures([errorAt(c, [tag], tagExpectation, value)]);
      }
      return members[value]!.validate(u, c) as t.Validation<A>;
    },
    (a) => a,
  );
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

/**
 * An integer within bounds (inclusive).
 *
 * @example
 * ```ts
 * boundedInteger(1, 12).decode(13) // left
 * ```
 */
export function boundedInteger(min: number, max: number): t.Type<number, number> {
  return new t.Type<number, number, unknown>(
    `integer between ${min} and ${max}`,
    (u): u is number => Number.isInteger(u) && (u as number) >= min && (u as number) <= max,
    (u, c) =>
      Number.isInteger(u) && (u as number) >= min && (u as number) <= max ? t.success(u as number) : t.failure(u, c),
    (a) => a,
  );
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
