/**
 * A tiny toolkit for configuration codecs: checks that list every problem with its path below the value, and a
 * bridge that turns such checks into io-ts codecs usable with core `decodeWith` (so issues read
 * `config.csatScale.satisfied[2]`).
 *
 * @module
 */
import * as t from 'io-ts';
import type { ScaleProblem } from './scales.js';

/**
 * A problem found by a configuration check (same shape as scale problems).
 *
 * @example
 * ```ts
 * const problem: ConfigProblem = { path: ['sla', 'firstResponseHours'], expected: 'positive number', value: -1 };
 * ```
 */
export type ConfigProblem = ScaleProblem;

/**
 * Prefixes the paths of problems found below a key.
 *
 * @example
 * ```ts
 * nest('sla', [{ path: ['firstResponseHours'], expected: 'positive number', value: 0 }])[0].path //=> ['sla', 'firstResponseHours']
 * ```
 */
export function nest(key: string | number, problems: readonly ConfigProblem[]): ConfigProblem[] {
  return problems.map((problem) => ({ ...problem, path: [key, ...problem.path] }));
}

/**
 * Checks that a value is a plain object whose keys are all known; returns the object or the problems.
 *
 * @example
 * ```ts
 * plainObject({ a: 1, b: 2 }, ['a']).problems[0].path //=> ['b']
 * ```
 */
export function plainObject(
  value: unknown,
  keys: readonly string[],
  expected = 'object',
): { readonly object: Record<string, unknown> | undefined; readonly problems: ConfigProblem[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { object: undefined, problems: [{ path: [], expected, value }] };
  const object = value as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) problems.push({ path: [key], expected: `no such key (known: ${keys.join(', ')})`, value: object[key] });
  }
  return { object, problems };
}

/**
 * Checks an optional number against a predicate.
 *
 * @example
 * ```ts
 * optionalNumber({ level: 2 }, 'level', (x) => x > 0 && x < 1, 'number in (0, 1)')[0].expected //=> 'number in (0, 1)'
 * ```
 */
export function optionalNumber(
  object: Record<string, unknown>,
  key: string,
  valid: (value: number) => boolean,
  expected: string,
): ConfigProblem[] {
  const value = object[key];
  if (value === undefined) return [];
  return typeof value === 'number' && Number.isFinite(value) && valid(value) ? [] : [{ path: [key], expected, value }];
}

/**
 * Checks an optional string against a list of allowed values (or any string when `allowed` is undefined).
 *
 * @example
 * ```ts
 * optionalString({ basis: 'x' }, 'basis', ['effective', 'responses'])[0].expected //=> "one of 'effective', 'responses'"
 * ```
 */
export function optionalString(object: Record<string, unknown>, key: string, allowed?: readonly string[]): ConfigProblem[] {
  const value = object[key];
  if (value === undefined) return [];
  if (typeof value !== 'string') return [{ path: [key], expected: allowed === undefined ? 'string' : `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value }];
  if (allowed !== undefined && !allowed.includes(value)) return [{ path: [key], expected: `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value }];
  return [];
}

/**
 * Checks an optional array of finite numbers.
 *
 * @example
 * ```ts
 * optionalNumberArray({ ageBucketsDays: [1, 'x'] }, 'ageBucketsDays')[0].path //=> ['ageBucketsDays', 1]
 * ```
 */
export function optionalNumberArray(object: Record<string, unknown>, key: string, maxLength = 1000): ConfigProblem[] {
  const value = object[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [{ path: [key], expected: 'array of numbers', value }];
  if (value.length > maxLength) return [{ path: [key], expected: `at most ${maxLength} numbers`, value: value.length }];
  const problems: ConfigProblem[] = [];
  value.forEach((item: unknown, i) => {
    if (!(typeof item === 'number' && Number.isFinite(item))) problems.push({ path: [key, i], expected: 'finite number', value: item });
  });
  return problems;
}

function expectation(name: string): t.Type<unknown> {
  return new t.Type<unknown>(name, (u): u is unknown => u === u || u !== u, (u) => t.success(u), t.identity);
}

/**
 * Builds an io-ts codec from a check (every problem with its path) and a builder run on valid input.
 *
 * @example
 * ```ts
 * const PositiveCodec = checkedCodec('positive number', (u) => (typeof u === 'number' && u > 0 ? [] : [{ path: [], expected: 'positive number', value: u }]), (u) => u as number);
 * ```
 */
export function checkedCodec<A>(name: string, check: (input: unknown) => readonly ConfigProblem[], build: (input: unknown) => A): t.Type<A, unknown> {
  return new t.Type<A, unknown>(
    name,
    (u): u is A => check(u).length === 0,
    (u, c) => {
      const problems = check(u);
      if (problems.length === 0) return t.success(build(u));
      return t.failures(
        problems.map((problem) => ({
          value: problem.value,
          context:
            problem.path.length === 0
              ? [...c.slice(0, -1), { key: c[c.length - 1]?.key ?? '', type: expectation(problem.expected), actual: u }]
              : [...c, ...problem.path.map((key, i) => ({ key: String(key), type: expectation(i === problem.path.length - 1 ? problem.expected : 'object'), actual: problem.value }))],
        })),
      );
    },
    t.identity,
  );
}
