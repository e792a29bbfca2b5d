/**
 * Small io-ts building blocks shared by the churn configuration codecs: objects that refuse unknown keys (so a
 * typo in a threshold name is reported instead of silently ignored) and bounded numbers.
 *
 * @module
 */
import * as t from 'io-ts';

const knownKeyType = (known: readonly string[]): t.Type<never, never> =>
  new t.Type<never, never, unknown>(
    `a known key (${known.join(', ')})`,
    t.never.is,
    (u, c) => t.failure(u, c),
    (a) => a,
  );

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function rejectUnknownKeys(props: t.Props, u: unknown, c: t.Context): t.Errors {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return [];
  const known = Object.keys(props);
  const errors: t.ValidationError[] = [];
  for (const key of Object.keys(u)) {
    if (hasOwn(props, key)) continue;
    const actual = (u as Record<string, unknown>)[key];
    errors.push({ value: actual, context: [...c, { key, type: knownKeyType(known), actual }], message: 'unknown key' });
  }
  return errors;
}

/**
 * An object codec whose fields are all optional and which reports unknown keys (with their path) as errors.
 *
 * @example
 * ```ts
 * const codec = strictPartial({ days: t.number }, 'Window');
 * codec.decode({ dayz: 3 }); // a failure at `dayz`: "unknown key"
 * ```
 */
export function strictPartial<P extends t.Props>(props: P, name: string): t.Type<Partial<t.TypeOfProps<P>>, unknown> {
  const base = t.partial(props);
  return new t.Type<Partial<t.TypeOfProps<P>>, unknown, unknown>(
    name,
    (u): u is Partial<t.TypeOfProps<P>> => base.is(u),
    (u, c) => {
      const decoded = base.validate(u, c);
      const extra = rejectUnknownKeys(props, u, c);
      if (extra.length === 0) return decoded;
      return decoded._tag === 'Left' ? t.failures([...decoded.left, ...extra]) : t.failures(extra);
    },
    (a) => a,
  );
}

/**
 * An object codec with required fields `required` and optional fields `optional`, reporting unknown keys.
 *
 * @example
 * ```ts
 * const codec = strictObject({ id: t.string }, { note: t.string }, 'Rule');
 * codec.is({ id: 'a' }) //=> true
 * ```
 */
export function strictObject<R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
  name: string,
): t.Type<t.TypeOfProps<R> & Partial<t.TypeOfProps<O>>, unknown> {
  // The two halves are validated side by side (not through t.intersection) so issue paths stay `a.b`, not `a[0].b`.
  const requiredPart = t.type(required);
  const optionalPart = t.partial(optional);
  const all: t.Props = { ...required, ...optional };
  return new t.Type<t.TypeOfProps<R> & Partial<t.TypeOfProps<O>>, unknown, unknown>(
    name,
    (u): u is t.TypeOfProps<R> & Partial<t.TypeOfProps<O>> => requiredPart.is(u) && optionalPart.is(u),
    (u, c) => {
      const first = requiredPart.validate(u, c);
      const second = optionalPart.validate(u, c);
      const errors = [...(first._tag === 'Left' ? first.left : []), ...(second._tag === 'Left' ? second.left : []), ...rejectUnknownKeys(all, u, c)];
      if (errors.length > 0 || first._tag === 'Left' || second._tag === 'Left') return t.failures(errors);
      return t.success({ ...first.right, ...second.right });
    },
    (a) => a,
  );
}

/**
 * A finite number within `[min, max]` (either bound may be infinite).
 *
 * @example
 * ```ts
 * boundedNumber(0, 1, 'probability').is(0.4) //=> true
 * ```
 */
export function boundedNumber(min: number, max: number, name: string): t.Type<number, number> {
  const ok = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u) && u >= min && u <= max;
  return new t.Type<number, number, unknown>(name, ok, (u, c) => (ok(u) ? t.success(u) : t.failure(u, c)), (a) => a);
}

/**
 * An integer within `[min, max]`.
 *
 * @example
 * ```ts
 * boundedInteger(1, 3650, 'days').is(90) //=> true
 * ```
 */
export function boundedInteger(min: number, max: number, name: string): t.Type<number, number> {
  const ok = (u: unknown): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max;
  return new t.Type<number, number, unknown>(name, ok, (u, c) => (ok(u) ? t.success(u) : t.failure(u, c)), (a) => a);
}
