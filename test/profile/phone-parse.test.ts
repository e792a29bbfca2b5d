import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../src/profile/index.js';
import { createPhoneNormalizer } from '../../src/profile/phone.js';
import { FastPhoneParser } from '../../src/profile/phone-parse.js';
import { generateDirtyRecords } from './fixtures.js';

/** What libphonenumber-js itself says: the reference the fast path must reproduce exactly. */
function library(cleaned: string, region: string | undefined): unknown {
  const parsed = parsePhoneNumberFromString(
    cleaned,
    region === undefined ? {} : { defaultCountry: region as CountryCode },
  );
  if (parsed === undefined) return { kind: 'unparsed' };
  return {
    kind: 'parsed',
    valid: parsed.isValid(),
    e164: parsed.number,
    national: parsed.nationalNumber,
    callingCode: parsed.countryCallingCode,
  };
}

const REGIONS: readonly string[] = getCountries();
const parser = new FastPhoneParser();

function expectSameAsLibrary(cleaned: string, region: string | undefined): void {
  const fast = parser.parse(cleaned, region);
  if (fast === undefined) return; // outside the fast path: the library answers itself
  expect({ input: cleaned, region, result: fast }).toEqual({
    input: cleaned,
    region,
    result: library(cleaned, region),
  });
}

describe('FastPhoneParser (digits-only fast path of libphonenumber-js)', () => {
  it.each([
    // national prefixes, trunk codes, IDD prefixes, numbers starting with their own calling code
    ['02079460018', 'GB'],
    ['442079460018', 'GB'],
    ['00442079460018', 'GB'],
    ['+4402079460018', undefined],
    ['07624369230', 'GB'], // Isle of Man number written with GB rules
    ['+447624369230', undefined],
    ['+441534456789', undefined], // Jersey
    ['4155552671', 'US'],
    ['14155552671', 'US'],
    ['0114155552671', 'US'],
    ['6135550123', 'CA'],
    ['+16135550123', undefined],
    ['+79161234567', undefined],
    ['+77012345678', undefined], // Kazakhstan shares +7
    ['89161234567', 'RU'],
    ['+390669812345', undefined], // Vatican shares +39
    ['0612345678', 'IT'],
    ['015179467851', 'DE'],
    ['4915179467851', 'DE'],
    ['0787106193', 'FR'],
    ['33787106193', 'FR'],
    ['18651450560', 'CN'],
    ['8618651450560', 'CN'],
    ['01012345678', 'CN'],
    ['09012345678', 'JP'],
    ['0612345678', 'NL'],
    ['+0123456', undefined],
    ['+999123456', undefined],
    ['12345', undefined],
    ['+80012345678', undefined], // non-geographic: left to the library
    ['011549115123456', 'AR'],
    ['91123456789', 'AR'],
    ['0115491151234567', 'MX'],
    ['009', 'NG'], // an IDD prefix and nothing after it
  ])('%s with region %s gives what the library gives', (cleaned, region) => {
    expectSameAsLibrary(cleaned, region);
  });

  it('agrees with the library on random digit strings in every supported region', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS, undefined),
        fc.constantFrom('', '+', '0', '00', '011', '8', '1'),
        fc.stringMatching(/^[0-9]{2,16}$/),
        (region, prefix, digits) => {
          expectSameAsLibrary(prefix + digits, region);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with the library on plausible numbers (a country calling code then a national number)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        fc.boolean(),
        fc.stringMatching(/^[1-9][0-9]{5,11}$/),
        (region, international, national) => {
          const code = parser.parse(`+${national}`, undefined);
          expect(code === undefined || typeof code.kind === 'string').toBe(true);
          expectSameAsLibrary(international ? `+${national}` : `0${national}`, region);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves other shapes to the library', () => {
    expect(parser.parse('+44 20 7946 0018', undefined)).toBeUndefined();
    expect(parser.parse('020794600x18', 'GB')).toBeUndefined();
    expect(parser.parse('12', 'GB')).toBeUndefined();
  });
});

describe('the batch phone normaliser (fast path) against normalizePhone (library path)', () => {
  it('gives the same result for every phone value of a dirty multi-source data set', () => {
    const { records } = generateDirtyRecords({ seed: 'phone-fast-path', people: 400 });
    const batch = createPhoneNormalizer('valid');
    let compared = 0;
    for (const record of records) {
      if (typeof record.phone !== 'string') continue;
      for (const region of [undefined, 'GB', 'US', 'DE', 'CN', 'FR', 'JP']) {
        const fast = batch(record.phone, region);
        const reference = normalizePhone(record.phone, region === undefined ? {} : { defaultRegion: region });
        expect(E.map((parts: { e164: string }) => parts.e164)(fast)).toEqual(reference);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
