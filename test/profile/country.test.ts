import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISO_COUNTRIES, isCountryCode, normalizeCountry } from '../../src/profile/index.js';

describe('normalizeCountry', () => {
  it.each([
    ['GB', 'GB'],
    ['gb', 'GB'],
    ['GBR', 'GB'],
    ['826', 'GB'],
    ['UK', 'GB'],
    ['United Kingdom', 'GB'],
    ['Great Britain', 'GB'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ['ＣＮ', 'CN'],
    ['中国', 'CN'],
    ["People's Republic of China", 'CN'],
    ['日本', 'JP'],
    ['대한민국', 'KR'],
    ['Deutschland', 'DE'],
    ['Czech Republic', 'CZ'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['St. Lucia', 'LC'],
    ['Saint Lucia', 'LC'],
    ['Côte d’Ivoire', 'CI'],
    ["cote d'ivoire", 'CI'],
    ['the netherlands', 'NL'],
    ['Bosnia & Herzegovina', 'BA'],
    ['76', 'BR'],
    ['EL', 'GR'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCountry(input)).toEqual(E.right(expected));
  });

  it('refuses unknown names and empty input', () => {
    expect(normalizeCountry('Atlantis')).toEqual(
      E.left({ code: 'unknown-country', message: 'not an ISO 3166-1 code or known country name' }),
    );
    expect(E.isLeft(normalizeCountry(' '))).toBe(true);
    expect(E.isLeft(normalizeCountry('XX'))).toBe(true);
  });

  it('has all 249 ISO 3166-1 countries with unique codes, and every code round-trips', () => {
    expect(ISO_COUNTRIES).toHaveLength(249);
    expect(new Set(ISO_COUNTRIES.map((c) => c.alpha3)).size).toBe(249);
    expect(new Set(ISO_COUNTRIES.map((c) => c.numeric)).size).toBe(249);
    for (const country of ISO_COUNTRIES) {
      expect(normalizeCountry(country.alpha2)).toEqual(E.right(country.alpha2));
      expect(normalizeCountry(country.alpha3.toLowerCase())).toEqual(E.right(country.alpha2));
      expect(normalizeCountry(country.numeric)).toEqual(E.right(country.alpha2));
      expect(normalizeCountry(country.name)).toEqual(E.right(country.alpha2));
      expect(isCountryCode(country.alpha2)).toBe(true);
    }
    expect(isCountryCode('UK')).toBe(false);
  });

  it('agrees with the runtime CLDR names (Intl.DisplayNames) on every code', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const country of ISO_COUNTRIES) expect(names.of(country.alpha2)).not.toBe(country.alpha2);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => void normalizeCountry(text)),
      { numRuns: 300 },
    );
  });
});
