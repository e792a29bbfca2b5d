import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BLOCK_LISTS, matchBlockedValue, type BlockList } from '../../src/profile/index.js';
import { blockComparisonForm, compileBlockList, globMatches } from '../../src/profile/blocklist.js';

describe('matchBlockedValue', () => {
  it('blocks the Segment defaults and QA values', () => {
    for (const value of ['', '0', '0000', '--', '0-0-0', '-1', 'null', 'NULL', 'anonymous', 'void', 'abc123']) {
      expect(matchBlockedValue(value, DEFAULT_BLOCK_LISTS.all)).toBeDefined();
    }
    expect(matchBlockedValue('0000-000', DEFAULT_BLOCK_LISTS.all)).toEqual({ rule: 'onlyCharacters 0-' });
    expect(matchBlockedValue('C0000001', DEFAULT_BLOCK_LISTS.all)).toBeUndefined();
  });

  it('blocks placeholder emails, documentation domains and no-reply mailboxes', () => {
    expect(matchBlockedValue('TEST@test.com', DEFAULT_BLOCK_LISTS.email)).toEqual({ rule: 'exact test@test.com' });
    expect(matchBlockedValue('ann@example.com', DEFAULT_BLOCK_LISTS.email)).toEqual({ rule: 'glob *@example.com' });
    expect(matchBlockedValue('noreply@shop.co.uk', DEFAULT_BLOCK_LISTS.email)).toEqual({ rule: 'glob noreply@*' });
    expect(matchBlockedValue('ann@mail.invalid', DEFAULT_BLOCK_LISTS.email)).toEqual({ rule: 'glob *@*.invalid' });
    expect(matchBlockedValue('ann@shop.co.uk', DEFAULT_BLOCK_LISTS.email)).toBeUndefined();
  });

  it('blocks phones made of one repeated digit or a run of digits', () => {
    expect(matchBlockedValue('7777777777', DEFAULT_BLOCK_LISTS.phone)).toEqual({ rule: 'repeatedCharacter ≥6' });
    expect(matchBlockedValue('123456', DEFAULT_BLOCK_LISTS.phone)).toEqual({ rule: 'sequentialDigits ≥6' });
    expect(matchBlockedValue('9876543210', DEFAULT_BLOCK_LISTS.phone)).toEqual({ rule: 'sequentialDigits ≥6' });
    expect(matchBlockedValue('2345678901', DEFAULT_BLOCK_LISTS.phone)).toEqual({ rule: 'sequentialDigits ≥6' });
    expect(matchBlockedValue('2079460018', DEFAULT_BLOCK_LISTS.phone)).toBeUndefined();
  });

  it('blocks junk names', () => {
    expect(matchBlockedValue('Test Test', DEFAULT_BLOCK_LISTS.name)).toEqual({ rule: 'exact test test' });
    expect(matchBlockedValue('aaa', DEFAULT_BLOCK_LISTS.name)).toEqual({ rule: 'repeatedCharacter ≥3' });
    expect(matchBlockedValue('Ann Lee', DEFAULT_BLOCK_LISTS.name)).toBeUndefined();
  });

  it('uses host lists (exact values compared width-folded and case-insensitively)', () => {
    const list: BlockList = { exact: ['+442079460999'], patterns: [{ kind: 'glob', pattern: '*@staff.shop.com' }] };
    expect(matchBlockedValue('＋442079460999', list)).toEqual({ rule: 'exact +442079460999' });
    expect(matchBlockedValue('ANN@STAFF.shop.com', list)).toEqual({ rule: 'glob *@staff.shop.com' });
  });
});

describe('globMatches', () => {
  it('handles * and ? like shell globs', () => {
    expect(globMatches('ann@example.com', '*@example.com')).toBe(true);
    expect(globMatches('ann@example.com', 'a?n@*')).toBe(true);
    expect(globMatches('ann@example.com', '*@*.com')).toBe(true);
    expect(globMatches('ann@example.co', '*@*.com')).toBe(false);
    expect(globMatches('', '*')).toBe(true);
    expect(globMatches('a', '')).toBe(false);
  });

  it('agrees with an equivalent regular expression (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', '@', '.');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 12 }),
        fc.array(fc.constantFrom('a', 'b', '@', '.', '*', '?'), { maxLength: 8 }),
        (v, p) => {
          const value = v.join('');
          const pattern = p.join('');
          const regex = new RegExp(
            `^${pattern
              .replace(/[.@]/g, (c) => `\\${c}`)
              .replace(/\*/g, '.*')
              .replace(/\?/g, '.')}$`,
            's',
          );
          expect(globMatches(value, pattern)).toBe(regex.test(value));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('compiled glob patterns in block lists agree with the regular expression too (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', '@', '.');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 12 }),
        fc.array(fc.constantFrom('a', 'b', '@', '.', '*', '*', '?'), { maxLength: 8 }),
        (v, p) => {
          const value = v.join('');
          const pattern = p.join('');
          const regex = new RegExp(
            `^${pattern
              .replace(/[.@]/g, (c) => `\\${c}`)
              .replace(/\*/g, '.*')
              .replace(/\?/g, '.')}$`,
            's',
          );
          const blocked = matchBlockedValue(value, { exact: [], patterns: [{ kind: 'glob', pattern }] }) !== undefined;
          // An empty value is never a candidate in practice; the list compares cleaned values.
          if (value !== '') expect(blocked).toBe(regex.test(value));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stays fast on adversarial patterns (no catastrophic backtracking)', () => {
    // 5 000 characters against many stars: bounded by O(value × pattern) steps.
    expect(globMatches('a'.repeat(5000), `${'*a'.repeat(40)}b`)).toBe(false);
  });
});

describe('compileBlockList (ASCII fast path for values not pre-normalised)', () => {
  it('matches exactly as the folded form does', () => {
    const list: BlockList = {
      exact: ['null', 'Test', 'n/a'],
      patterns: [
        { kind: 'onlyCharacters', characters: '0-' },
        { kind: 'glob', pattern: 'test*' },
      ],
    };
    const raw = compileBlockList([list]);
    const folded = compileBlockList([list], true);
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('n', 'U', 'l', 'T', 'e', 's', 't', '0', '-', ' ', '/', 'a', 'Ａ', '\u3000') }),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(raw([value])).toEqual(folded([blockComparisonForm(value)]));
      }),
      { numRuns: 300 },
    );
    expect(raw(['NULL'])).toEqual({ rule: 'exact null' });
    expect(raw(['TEST-42'])).toEqual({ rule: 'glob test*' });
  });
});
