import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isCleanAscii, isNonBlankText } from '../../src/profile/text.js';

describe('isCleanAscii', () => {
  it('accepts clean printable ASCII and refuses what cleanText would change', () => {
    expect(isCleanAscii('organic search')).toBe(true);
    expect(isCleanAscii('SW1A 1AA', 'upper')).toBe(true);
    expect(isCleanAscii('sw1a 1aa', 'upper')).toBe(false);
    expect(isCleanAscii('Paid Search', 'lower')).toBe(false);
    expect(isCleanAscii('paid search', 'lower')).toBe(true);
    expect(isCleanAscii(' shop')).toBe(false);
    expect(isCleanAscii('shop ')).toBe(false);
    expect(isCleanAscii('a  b')).toBe(false);
    expect(isCleanAscii('a\tb')).toBe(false);
    expect(isCleanAscii('Nürnberg')).toBe(false);
    expect(isCleanAscii('')).toBe(false);
  });

  it('implies that cleaning (and case folding) leaves the text unchanged', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'B', ' ', '1', '-', '\t', 'é', 'Ｂ', '\u3000', '\u200b') }),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (value) => {
        if (isCleanAscii(value)) expect(cleanText(value)).toBe(value);
        if (isCleanAscii(value, 'lower')) expect(cleanText(value).toLowerCase()).toBe(value);
        if (isCleanAscii(value, 'upper')) expect(cleanText(value).toUpperCase()).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isNonBlankText', () => {
  it('agrees with trim() on examples', () => {
    expect(isNonBlankText('a')).toBe(true);
    expect(isNonBlankText(' a ')).toBe(true);
    expect(isNonBlankText('')).toBe(false);
    expect(isNonBlankText(' \t\n')).toBe(false);
    expect(isNonBlankText('\u3000')).toBe(false);
    expect(isNonBlankText('\u3000张')).toBe(true);
  });

  it('equals trim() !== "" on random strings (fast ASCII path vs general path)', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '\u00a0', '\u3000', '\ufeff', '张', '~', '\u007f') }),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(isNonBlankText(value)).toBe(value.trim() !== '');
      }),
      { numRuns: 300 },
    );
  });
});
