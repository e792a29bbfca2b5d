/**
 * io-ts building blocks for configuration shared as JSON (programmes, segment maps, thresholds): objects that
 * report every undeclared key at its own path (a misspelt option is never silently ignored), tagged unions that
 * report a bad tag at the tag's path, and bounded numbers. Used with {@link decodeWith}, which turns the errors into
 * {@link ValidationIssue}s.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';

function isPlainObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u) && !(u instanceof Date);
}

/**
 * A decoder that only names an expectation: used as the `type` of a validation-error context entry, whose name
 * {@link decodeWith} reports as the issue's `expected`.
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
 * One validation error at a sub-path (`keys`) of the context `c`, naming what was expected there.
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
 * The decoded type of {@link strictObject}: the required props, and the optional props as optional fields.
 *
 * @example
 * ```ts
 * import * as t from 'io-ts';
 * type Cap = StrictObjectOf<{ points: t.NumberC }, { period: t.StringC }>; // { points: number; period?: string }
 * ```
 */
export type StrictObjectOf<R extends t.Props, O extends t.Props> = t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>;

/**
 * An object codec with `required` and `optionalProps` (like `t.type` and `t.partial` side by side, so paths stay
 * `a.b`), where every undeclared key is an issue at its own path (`expected: no such field (allowed: ...)`). The
 * decoded value keeps only the declared keys, each with its decoded value.
 *
 * @example
 * ```ts
 * import * as t from 'io-ts';
 * const Cap = strictObject('cap', { points: t.number }, { period: t.string });
 * decodeWith(Cap, { points: 5, perod: 'day' }, 'cap')
 * // left([{ path: 'cap.perod', expected: 'no such field (allowed: points, period)', ... }])
 * ```
 */
export function strictObject<R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optionalProps: O,
): t.Type<StrictObjectOf<R, O>, unknown> {
  const requiredCodec = t.type(required);
  const optionalCodec = t.partial(optionalProps);
  const requiredKeys = Object.keys(required);
  const optionalKeys = Object.keys(optionalProps);
  const allowed = new Set([...requiredKeys, ...optionalKeys]);
  const unknownField = expectation(`no such field (allowed: ${[...allowed].join(', ')})`);
  type A = StrictObjectOf<R, O>;
  const is = (u: unknown): u is A =>
    isPlainObject(u) && Object.keys(u).every((key) => allowed.has(key)) && requiredCodec.is(u) && optionalCodec.is(u);
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
      const result: Record<string, unknown> = {};
      for (const key of requiredKeys) result[key] = (a.right as Record<string, unknown>)[key];
      for (const key of optionalKeys) {
        if (Object.prototype.hasOwnProperty.call(u, key) && u[key] !== undefined) {
          result[key] = (b.right as Record<string, unknown>)[key];
        }
      }
      return t.success(result as A);
    },
    (a) => a,
  );
}

/**
 * A {@link strictObject} whose props are all optional.
 *
 * @example
 * ```ts
 * import * as t from 'io-ts';
 * const Window = strictPartial('window', { days: t.number });
 * decodeWith(Window, { dayz: 3 }, 'window') // left([{ path: 'window.dayz', expected: 'no such field (allowed: days)', ... }])
 * ```
 */
export function strictPartial<P extends t.Props>(name: string, props: P): t.Type<t.TypeOf<t.PartialC<P>>, unknown> {
  return strictObject(name, {}, props);
}

/**
 * A union of object codecs told apart by a string tag field (`kind`, `mode`...). An unknown or missing tag is one
 * issue at the tag's path listing the accepted tags; otherwise the matching member reports its own issues.
 *
 * @example
 * ```ts
 * import * as t from 'io-ts';
 * const Pending = taggedUnion('pending policy', 'mode', {
 *   none: strictObject('none', { mode: t.literal('none') }, {}),
 *   days: strictObject('days', { mode: t.literal('days'), days: t.number }, {}),
 * });
 * decodeWith(Pending, { mode: 'weeks' }, 'pending') // left([{ path: 'pending.mode', expected: 'one of: none, days', ... }])
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
  const memberOf = (u: Record<string, unknown>): t.Mixed | undefined => {
    const value = u[tag];
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(members, value)
      ? members[value]
      : undefined;
  };
  return new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => isPlainObject(u) && memberOf(u)?.is(u) === true,
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c);
      const member = memberOf(u);
      if (member === undefined) return t.failures([errorAt(c, [tag], tagExpectation, u[tag])]);
      return member.validate(u, c) as t.Validation<A>;
    },
    (a) => a,
  );
}

/**
 * A finite number within `[min, max]` (either bound may be infinite), named `name` in issues.
 *
 * @example
 * ```ts
 * boundedNumber(0, 1, 'probability').is(0.4) //=> true
 * ```
 */
export function boundedNumber(min: number, max: number, name = `number in [${min}, ${max}]`): t.Type<number, number> {
  const ok = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u) && u >= min && u <= max;
  return new t.Type<number, number, unknown>(
    name,
    ok,
    (u, c) => (ok(u) ? t.success(u) : t.failure(u, c)),
    (a) => a,
  );
}

/**
 * An integer within `[min, max]`, named `name` in issues.
 *
 * @example
 * ```ts
 * boundedInteger(1, 3650, 'days').is(90) //=> true
 * ```
 */
export function boundedInteger(min: number, max: number, name = `integer in [${min}, ${max}]`): t.Type<number, number> {
  const ok = (u: unknown): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max;
  return new t.Type<number, number, unknown>(
    name,
    ok,
    (u, c) => (ok(u) ? t.success(u) : t.failure(u, c)),
    (a) => a,
  );
}
