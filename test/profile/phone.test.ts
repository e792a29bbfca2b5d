import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { normalizePhone } from '../../src/profile/index.js';
import { createPhoneNormalizer, stripPhoneSeparators } from '../../src/profile/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['UK landline, national format', '020 7946 0018', 'GB', '+442079460018'],
    ['UK with (0) in international format', '+44 (0)20 7946 0018', undefined, '+442079460018'],
    ['UK mobile', '07911 123456', 'GB', '+447911123456'],
    ['US, brackets and dash', '(415) 555-2671', 'US', '+14155552671'],
    ['US with 1- trunk', '1-212-736-5000', 'US', '+12127365000'],
    ['CN mobile', '138 0013 8000', 'CN', '+8613800138000'],
    ['CN Beijing landline with trunk 0', '010-12345678', 'CN', '+861012345678'],
    ['CN international', '+86 10 1234 5678', undefined, '+861012345678'],
    ['CN full-width digits', '１３８ ００１３ ８０００', 'CN', '+8613800138000'],
    ['DE with slash', '0172/8534876', 'DE', '+491728534876'],
    ['FR with dots', '06.44.29.05.39', 'FR', '+33644290539'],
    ['JP', '090-1234-5678', 'JP', '+819012345678'],
    ['00 international prefix', '0044 20 7946 0018', 'GB', '+442079460018'],
    ['extension dropped', '+442079460018 ext. 123', undefined, '+442079460018'],
    ['own +prefix wins over the default region', '+1 415 555 2671', 'GB', '+14155552671'],
  ])('%s: %s → %s', (_label, input, region, expected) => {
    expect(normalizePhone(input, region === undefined ? {} : { defaultRegion: region })).toEqual(E.right(expected));
  });

  it.each([
    ['12345', undefined],
    ['+1 555 555 5555', undefined],
    ['phone', 'GB'],
    ['', 'GB'],
    ['-', 'GB'],
  ])('refuses %j', (input, region) => {
    expect(E.isLeft(normalizePhone(input, region === undefined ? {} : { defaultRegion: region }))).toBe(true);
  });

  it('explains a missing region', () => {
    expect(normalizePhone('020 7946 0018')).toEqual(
      E.left({ code: 'invalid-phone', message: 'no +country prefix and no default region' }),
    );
  });

  it('accepts fictitious numbers of a possible length with validation "possible"', () => {
    expect(E.isLeft(normalizePhone('+1 555 555 5555'))).toBe(true);
    expect(normalizePhone('+1 555 555 5555', { validation: 'possible' })).toEqual(E.right('+15555555555'));
  });

  it('ignores an unsupported default region', () => {
    expect(normalizePhone('+44 20 7946 0018', { defaultRegion: 'ZZ' })).toEqual(E.right('+442079460018'));
  });

  it('the batch normaliser gives the same results as normalizePhone (cache is transparent)', () => {
    const cached = createPhoneNormalizer();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^\+?[0-9 ()-]{3,16}$/),
          fc.constantFrom('020 7946 0018', '+44 20 7946 0018', '138 0013 8000'),
        ),
        fc.constantFrom(undefined, 'GB', 'US', 'CN', 'DE'),
        (input, region) => {
          const expected = normalizePhone(input, { defaultRegion: region });
          const first = cached(input, region);
          const second = cached(input, region);
          expect(E.map((p: { e164: string }) => p.e164)(first)).toEqual(expected);
          expect(second).toEqual(first);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('stripPhoneSeparators', () => {
  const SEPARATORS = /[\s\-.()/\u2010-\u2015\u2212\u30fc]/g;
  it('removes separators from ASCII numbers without changing anything else', () => {
    expect(stripPhoneSeparators('+44 (0)20 7946-0000')).toBe('+4402079460000');
    expect(stripPhoneSeparators('07.87.10.61.93')).toBe('0787106193');
    expect(stripPhoneSeparators('0612345678')).toBe('0612345678');
    expect(stripPhoneSeparators(' 1 ')).toBe('1');
    expect(stripPhoneSeparators('---')).toBe('');
    expect(stripPhoneSeparators('090\u20101234\u30fc5678')).toBe('09012345678');
  });

  it('equals the regular expression on random strings (fast ASCII path vs general path)', () => {
    const text = fc.oneof(
      fc.string({
        unit: fc.constantFrom(
          '0',
          '7',
          '+',
          ' ',
          '-',
          '.',
          '(',
          ')',
          '/',
          '\t',
          '\r',
          '\v',
          '\f',
          '\n',
          'x',
          '#',
          '\u00a0',
          '\u2012',
          '\u2212',
          '\u30fc',
          '\u3000',
          '１',
        ),
      }),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(stripPhoneSeparators(value)).toBe(value.replace(SEPARATORS, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same results with its cache switched off (mostly distinct numbers)', () => {
    const cached = createPhoneNormalizer();
    const numbers = Array.from({ length: 9000 }, (_, i) => `+44 20 79${String(460000 + i * 7).padStart(6, '0')}`);
    const first = numbers.map((n) => cached(n, 'GB'));
    const again = numbers.map((n) => cached(n, 'GB'));
    const fresh = createPhoneNormalizer();
    expect(again).toEqual(first);
    expect(numbers.slice(0, 50).map((n) => fresh(n, 'GB'))).toEqual(first.slice(0, 50));
  });
});

describe('normalizePhone (shared fast parser) against libphonenumber-js', () => {
  it('gives the library result on random digit strings', () => {
    const digits = fc.string({
      unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'),
      minLength: 4,
      maxLength: 14,
    });
    const region = fc.constantFrom<CountryCode>('GB', 'FR', 'DE', 'US', 'CN', 'ES', 'JP', 'IN', 'BR');
    fc.assert(
      fc.property(digits, region, fc.boolean(), (number, defaultRegion, plus) => {
        const input = plus ? `+${number}` : number;
        const parsed = parsePhoneNumberFromString(input, defaultRegion);
        const expected = parsed?.isValid() === true ? parsed.number : undefined;
        const actual = normalizePhone(input, { defaultRegion });
        expect(E.isRight(actual) ? actual.right : undefined).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
