/**
 * Junk identifiers: values that must never link two customers (`test@test.com`, `null`, `0000`, a shop's own phone).
 *
 * Patterns are data from a deliberately small, safe vocabulary instead of regular expressions: every pattern is
 * matched in time linear in the value (globs in O(value × pattern) at worst, with pattern length capped), so block
 * lists from configuration files cannot cause catastrophic regex backtracking or run arbitrary code.
 *
 * @module
 */
import { cleanText, isCleanAscii } from './text.js';

/**
 * One safe pattern of a {@link BlockList}:
 * - `glob`: `*` matches any run of characters, `?` one character, everything else itself (case-insensitive);
 *   `*@example.com`, `test@*`, `noreply@*`;
 * - `onlyCharacters`: the whole value is made of these characters only; `0-` is Segment's default `^[0-]*$`;
 * - `repeatedCharacter`: one character repeated at least `minLength` times (`aaaa`, `7777777`);
 * - `sequentialDigits`: only digits, each one more (or one less, wrapping 9→0) than the previous, at least
 *   `minLength` of them (`1234567`, `9876543210`).
 *
 * @example
 * ```ts
 * const patterns: SafePattern[] = [
 *   { kind: 'glob', pattern: '*@example.com' },
 *   { kind: 'onlyCharacters', characters: '0-' },
 *   { kind: 'repeatedCharacter', minLength: 6 },
 *   { kind: 'sequentialDigits', minLength: 7 },
 * ];
 * ```
 */
export type SafePattern =
  | {
      /** Pattern kind. */
      readonly kind: 'glob';
      /** The glob, at most {@link MAX_GLOB_LENGTH} characters. */
      readonly pattern: string;
    }
  | {
      /** Pattern kind. */
      readonly kind: 'onlyCharacters';
      /** The allowed characters. */
      readonly characters: string;
    }
  | {
      /** Pattern kind. */
      readonly kind: 'repeatedCharacter';
      /** Shortest run that counts. */
      readonly minLength: number;
    }
  | {
      /** Pattern kind. */
      readonly kind: 'sequentialDigits';
      /** Shortest run that counts. */
      readonly minLength: number;
    };

/**
 * Values refused as identifiers: exact values (compared case-insensitively after width folding and trimming) and
 * safe patterns.
 *
 * @example
 * ```ts
 * const list: BlockList = { exact: ['test@test.com', 'null'], patterns: [{ kind: 'onlyCharacters', characters: '0-' }] };
 * ```
 */
export interface BlockList {
  /** Exact values. */
  readonly exact: readonly string[];
  /** Safe patterns. */
  readonly patterns: readonly SafePattern[];
}

/**
 * Block lists per identifier type; `all` applies to every type, the others add to it. Email lists are matched against
 * the normalised address and its match key, phone lists against the E.164 number and the national number, name lists
 * against the lower-cased display name and the name match key, external-id lists against the trimmed value.
 *
 * @example
 * ```ts
 * const lists: BlockLists = { ...DEFAULT_BLOCK_LISTS, phone: { exact: ['+442079460000'], patterns: [] } };
 * ```
 */
export interface BlockLists {
  /** Applies to every identifier type. */
  readonly all: BlockList;
  /** Email addresses. */
  readonly email: BlockList;
  /** Phone numbers. */
  readonly phone: BlockList;
  /** External ids and source record ids. */
  readonly externalId: BlockList;
  /** Names (used by the name-based identifiers). */
  readonly name: BlockList;
}

/**
 * Longest glob pattern accepted (characters); longer globs never match.
 *
 * @example
 * ```ts
 * MAX_GLOB_LENGTH //=> 200
 * ```
 */
export const MAX_GLOB_LENGTH = 200;

/**
 * The default block lists: Segment Unify's recommended blocked values (`^[0-]*$`, `-1`, `null`, `anonymous`, plus QA
 * values such as `void` and `abc123`), common placeholder emails and domains reserved for documentation (RFC 2606),
 * no-reply mailboxes and a public disposable inbox; phones made of one repeated digit or a digit run; names such as
 * `test`, `John Doe`, `unknown`.
 *
 * @example
 * ```ts
 * DEFAULT_BLOCK_LISTS.all.exact.includes('anonymous') //=> true
 * ```
 */
export const DEFAULT_BLOCK_LISTS: BlockLists = Object.freeze({
  all: {
    exact: [
      'null',
      'undefined',
      'none',
      'nil',
      'nan',
      'n/a',
      'na',
      '-1',
      'anonymous',
      'unknown',
      'void',
      'abc123',
      'test',
      'guest',
      'default',
      'xxx',
      'tbd',
      'todo',
      'dummy',
      'placeholder',
    ],
    patterns: [
      { kind: 'onlyCharacters', characters: '0-' },
      { kind: 'onlyCharacters', characters: '.-_*?#/ ' },
    ],
  },
  email: {
    exact: [
      'test@test.com',
      'test@example.com',
      'email@email.com',
      'noemail@noemail.com',
      'no@email.com',
      'none@none.com',
      'na@na.com',
      'a@a.com',
      'x@x.com',
      'abc@abc.com',
      'asdf@asdf.com',
      'user@domain.com',
      'name@domain.com',
      'null@null.com',
      'unknown@unknown.com',
      'no@no.com',
      'noemail@gmail.com',
      'none@gmail.com',
      'test@gmail.com',
      'xxx@xxx.com',
      'xx@xx.com',
      'aaa@aaa.com',
      'abc@xyz.com',
      'asd@asd.com',
      'qwe@qwe.com',
      'x@y.com',
      'me@me.com',
      'info@info.com',
      'mail@mail.com',
      'customer@customer.com',
      'nomail@nomail.com',
      'noemail@email.com',
    ],
    patterns: [
      { kind: 'glob', pattern: '*@example.com' },
      { kind: 'glob', pattern: '*@example.org' },
      { kind: 'glob', pattern: '*@example.net' },
      { kind: 'glob', pattern: '*@*.example' },
      { kind: 'glob', pattern: '*@*.test' },
      { kind: 'glob', pattern: '*@*.invalid' },
      { kind: 'glob', pattern: '*@test.com' },
      { kind: 'glob', pattern: '*@mailinator.com' },
      { kind: 'glob', pattern: 'noreply@*' },
      { kind: 'glob', pattern: 'no-reply@*' },
      { kind: 'glob', pattern: 'donotreply@*' },
      { kind: 'glob', pattern: 'do-not-reply@*' },
      { kind: 'glob', pattern: 'noemail@*' },
      { kind: 'glob', pattern: 'no-email@*' },
      { kind: 'glob', pattern: 'test@*' },
      { kind: 'glob', pattern: 'null@*' },
      { kind: 'glob', pattern: 'unknown@*' },
    ],
  },
  phone: {
    exact: [],
    patterns: [
      { kind: 'repeatedCharacter', minLength: 6 },
      { kind: 'sequentialDigits', minLength: 6 },
    ],
  },
  externalId: { exact: [], patterns: [] },
  name: {
    exact: [
      'test',
      'test test',
      'testing',
      'tester',
      'asdf',
      'qwerty',
      'customer',
      'client',
      'no name',
      'noname',
      'name',
      'first last',
      'firstname lastname',
      'john doe',
      'doe john',
      'jane doe',
      'doe jane',
      'mickey mouse',
      'donald duck',
      '测试',
      '測試',
      'テスト',
      '테스트',
      '未知',
      '匿名',
    ],
    patterns: [
      { kind: 'repeatedCharacter', minLength: 3 },
      { kind: 'onlyCharacters', characters: '.-_x? ' },
    ],
  },
} satisfies BlockLists);

/**
 * Which entry of a block list refused a value.
 *
 * @example
 * ```ts
 * const match: BlockMatch = { rule: 'glob *@example.com' };
 * ```
 */
export interface BlockMatch {
  /** The matching entry, e.g. `exact test@test.com`, `onlyCharacters 0-`. */
  readonly rule: string;
}

/** Glob match with `*` and `?`, linear backtracking on the last star (no exponential blow-up). */
export function globMatches(value: string, pattern: string): boolean {
  let v = 0;
  let p = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    const pc = pattern[p];
    if (p < pattern.length && (pc === '?' || pc === value[v])) {
      v++;
      p++;
    } else if (pc === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

function isSequentialDigits(value: string, minLength: number): boolean {
  if (value.length < minLength || value.length < 2 || !/^\d+$/.test(value)) return false;
  const step = (value.charCodeAt(1) - value.charCodeAt(0) + 10) % 10;
  if (step !== 1 && step !== 9) return false;
  for (let i = 2; i < value.length; i++) {
    if ((value.charCodeAt(i) - value.charCodeAt(i - 1) + 10) % 10 !== step) return false;
  }
  return true;
}

function describePattern(pattern: SafePattern): string {
  switch (pattern.kind) {
    case 'glob':
      return `glob ${pattern.pattern}`;
    case 'onlyCharacters':
      return `onlyCharacters ${pattern.characters}`;
    case 'repeatedCharacter':
      return `repeatedCharacter ≥${pattern.minLength}`;
    case 'sequentialDigits':
      return `sequentialDigits ≥${pattern.minLength}`;
  }
}

/** The comparison form of a candidate value: width-folded, trimmed, lower case. */
export function blockComparisonForm(value: string): string {
  return cleanText(value).toLowerCase();
}

/** A compiled block list: exact values in a set, patterns in order. */
export type BlockMatcher = (candidates: readonly string[]) => BlockMatch | undefined;

type CompiledPattern = (value: string) => boolean;

function compilePattern(pattern: SafePattern): CompiledPattern {
  switch (pattern.kind) {
    case 'glob': {
      const glob = pattern.pattern.toLowerCase();
      if (glob.length > MAX_GLOB_LENGTH) return () => false;
      if (glob.includes('?')) return (value) => globMatches(value, glob);
      // Star-only globs: prefix, suffix and the middle parts in order (leftmost match is exact for '*').
      const parts = glob.split('*');
      if (parts.length === 1) return (value) => value === glob;
      const first = parts[0]!;
      const last = parts[parts.length - 1]!;
      const middle = parts.slice(1, -1).filter((part) => part !== '');
      return (value) => {
        if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last))
          return false;
        let at = first.length;
        const end = value.length - last.length;
        for (const part of middle) {
          const found = value.indexOf(part, at);
          if (found < 0 || found + part.length > end) return false;
          at = found + part.length;
        }
        return true;
      };
    }
    case 'onlyCharacters': {
      const allowed = new Set(pattern.characters);
      return (value) => {
        for (const ch of value) if (!allowed.has(ch)) return false;
        return true;
      };
    }
    case 'repeatedCharacter':
      return (value) => {
        if (value.length < pattern.minLength) return false;
        let first: string | undefined;
        let count = 0;
        for (const ch of value) {
          if (first === undefined) first = ch;
          else if (ch !== first) return false;
          count++;
        }
        return count >= pattern.minLength;
      };
    case 'sequentialDigits':
      return (value) => isSequentialDigits(value, pattern.minLength);
  }
}

/**
 * Compiles lists once for batch use (internal). With `preNormalized`, candidates are taken as already width-folded,
 * trimmed and lower-cased (the normalisers' output), which skips the clean-up per value.
 */
export function compileBlockList(lists: readonly BlockList[], preNormalized = false): BlockMatcher {
  const exact = new Map<string, string>();
  const patterns: { readonly test: CompiledPattern; readonly rule: string }[] = [];
  for (const list of lists) {
    for (const value of list.exact) exact.set(blockComparisonForm(value), value);
    for (const pattern of list.patterns)
      patterns.push({ test: compilePattern(pattern), rule: describePattern(pattern) });
  }
  return (candidates) => {
    for (const raw of candidates) {
      const value = preNormalized ? raw : isCleanAscii(raw) ? raw.toLowerCase() : blockComparisonForm(raw);
      const hit = exact.get(value);
      if (hit !== undefined) return { rule: `exact ${hit}` };
      for (const pattern of patterns) if (pattern.test(value)) return { rule: pattern.rule };
    }
    return undefined;
  };
}

/**
 * Checks a value against a block list; returns the matching entry, or `undefined` when the value may be used.
 * Values are compared width-folded, trimmed and lower-cased.
 *
 * @example
 * ```ts
 * matchBlockedValue('TEST@test.com', DEFAULT_BLOCK_LISTS.email) //=> { rule: 'exact test@test.com' }
 * matchBlockedValue('ann@example.com', DEFAULT_BLOCK_LISTS.email) //=> { rule: 'glob *@example.com' }
 * matchBlockedValue('0000-000', DEFAULT_BLOCK_LISTS.all) //=> { rule: 'onlyCharacters 0-' }
 * matchBlockedValue('ann@shop.co.uk', DEFAULT_BLOCK_LISTS.email) //=> undefined
 * ```
 */
export function matchBlockedValue(value: string, list: BlockList): BlockMatch | undefined {
  return compileBlockList([list])([value]);
}
