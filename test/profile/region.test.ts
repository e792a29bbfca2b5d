import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRegion } from '../../src/profile/index.js';

describe('normalizeRegion', () => {
  it.each([
    ['California', undefined, 'US-CA'],
    ['CA', undefined, 'US-CA'],
    ['ca', 'US', 'US-CA'],
    ['us-ca', undefined, 'US-CA'],
    ['ON', 'Canada', 'CA-ON'],
    ['Québec', 'CA', 'CA-QC'],
    ['wa', 'AU', 'AU-WA'],
    ['Washington', 'US', 'US-WA'],
    ['Bavaria', undefined, 'DE-BY'],
    ['Bayern', 'DE', 'DE-BY'],
    ['广东省', undefined, 'CN-GD'],
    ['北京市', 'CN', 'CN-BJ'],
    ['Scotland', 'GB', 'GB-SCT'],
    ['fr-idf', undefined, 'FR-IDF'],
    ['13', 'FR', 'FR-13'],
  ])('%j (country %s) → %s', (input, country, expected) => {
    expect(normalizeRegion(input, country === undefined ? {} : { country })).toEqual(E.right(expected));
  });

  it('asks for the country when a code is ambiguous', () => {
    expect(normalizeRegion('WA')).toEqual(
      E.left({ code: 'ambiguous-region', message: 'matches AU-WA, US-WA: give the country' }),
    );
  });

  it('refuses subdivisions that do not belong to the country', () => {
    expect(E.isLeft(normalizeRegion('Texas', { country: 'DE' }))).toBe(true);
    expect(E.isLeft(normalizeRegion('Atlantis'))).toBe(true);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
        (text, country) => void normalizeRegion(text, { country }),
      ),
      { numRuns: 300 },
    );
  });
});
