import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { normalizeGender } from '../../src/profile/index.js';

describe('normalizeGender', () => {
  it.each([
    [' F ', 'female'],
    ['Female', 'female'],
    ['w', 'female'],
    ['女性', 'female'],
    ['M.', 'male'],
    ['männlich', 'male'],
    ['男', 'male'],
    ['non-binary', 'nonbinary'],
    ['D', 'nonbinary'],
    ['other', 'other'],
    ['prefer not to say', 'undisclosed'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeGender(input)).toEqual(E.right(expected));
  });

  it('reports unknown values instead of guessing', () => {
    expect(normalizeGender('blue')).toEqual(
      E.left({ code: 'unknown-gender', message: 'not a recognised gender value' }),
    );
    expect(normalizeGender('constructor')).toEqual(
      E.left({ code: 'unknown-gender', message: 'not a recognised gender value' }),
    );
    expect(E.isLeft(normalizeGender(''))).toBe(true);
  });
});
