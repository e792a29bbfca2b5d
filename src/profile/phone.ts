/**
 * Phone numbers to E.164 through libphonenumber-js (its `min` metadata entry, imported only by this module so other
 * entry points do not carry the metadata).
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { failure, type NormalizationFailure } from './failure.js';
import { AdaptiveCache } from './memo.js';
import { FastPhoneParser } from './phone-parse.js';

/**
 * Options of {@link normalizePhone}.
 *
 * @example
 * ```ts
 * const options: PhoneOptions = { defaultRegion: 'GB', validation: 'valid' };
 * ```
 */
export interface PhoneOptions {
  /**
   * ISO 3166-1 alpha-2 region used for numbers written without a `+country` prefix (`GB` reads `020 7946 0018` as
   * `+442079460018`). Unknown or unsupported regions are ignored.
   */
  readonly defaultRegion?: string | undefined;
  /**
   * `valid` (default): the number must match the region's numbering plan (libphonenumber's `isValid`, with the `min`
   * metadata). `possible`: only its length must be possible (`isPossible`), for test data with fictitious numbers.
   */
  readonly validation?: 'valid' | 'possible';
}

const MAX_PHONE_INPUT = 64;
const SEPARATORS = /[\s\-.()/\u2010-\u2015\u2212\u30fc]/g;

/**
 * `input.replace(SEPARATORS, '')` without a regular expression for ASCII input (the common case); any non-ASCII
 * character falls back to the expression. Internal (exported for tests).
 */
export function stripPhoneSeparators(input: string): string {
  let out = '';
  let start = 0;
  const n = input.length;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c >= 128) return input.replace(SEPARATORS, '');
    // \s (tab, line feed, vertical tab, form feed, carriage return, space) - . ( ) /
    if (c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 46 || c === 40 || c === 41 || c === 47) {
      if (i > start) out += input.slice(start, i);
      start = i + 1;
    }
  }
  if (start === 0) return input;
  return start < n ? out + input.slice(start) : out;
}

/** One fast parser (compiled numbering plans, at most one per region) shared by every {@link normalizePhone} call. */
let sharedFastParser: FastPhoneParser | undefined;

function supportedRegion(region: string | undefined): CountryCode | undefined {
  if (region === undefined) return undefined;
  const upper = region.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(upper) && isSupportedCountry(upper) ? upper : undefined;
}

/**
 * Normalises a phone number to E.164 (`+442079460018`) with a default region for national formats. Separators
 * (spaces, dashes, dots, brackets, slashes) are ignored, full-width digits are read, a trailing extension is dropped.
 * The result is what libphonenumber-js (`min` metadata) gives for the cleaned input.
 *
 * @example
 * ```ts
 * normalizePhone('020 7946 0018', { defaultRegion: 'GB' }) //=> right('+442079460018')
 * normalizePhone('(415) 555-2671', { defaultRegion: 'US' }) //=> right('+14155552671')
 * normalizePhone('138 0013 8000', { defaultRegion: 'CN' }) //=> right('+8613800138000')
 * normalizePhone('12345') //=> left({ code: 'invalid-phone', message: 'no +country prefix and no default region' })
 * ```
 */
export function normalizePhone(input: string, options: PhoneOptions = {}): E.Either<NormalizationFailure, string> {
  if (typeof input !== 'string') return E.left(failure('not-a-string', 'a phone number must be a string'));
  if (input.length > 4 * MAX_PHONE_INPUT)
    return E.left(failure('too-long', `longer than ${MAX_PHONE_INPUT} characters`));
  const parts = parseParts(
    stripPhoneSeparators(input),
    supportedRegion(options.defaultRegion),
    options.validation ?? 'valid',
    (sharedFastParser ??= new FastPhoneParser()),
  );
  return E.isLeft(parts) ? parts : E.right(parts.right.e164);
}

/**
 * A normalised phone number with its national significant number (used by junk checks such as "one repeated digit").
 */
export interface PhoneParts {
  /** E.164 form. */
  readonly e164: string;
  /** National significant number (digits after the country calling code). */
  readonly national: string;
}

function unparsed(cleaned: string, region: CountryCode | undefined): E.Either<NormalizationFailure, PhoneParts> {
  return E.left(
    failure(
      'invalid-phone',
      region === undefined && !cleaned.startsWith('+')
        ? 'no +country prefix and no default region'
        : 'not a phone number',
    ),
  );
}

function parseParts(
  cleaned: string,
  region: CountryCode | undefined,
  validation: 'valid' | 'possible',
  fast?: FastPhoneParser,
): E.Either<NormalizationFailure, PhoneParts> {
  if (cleaned === '') return E.left(failure('empty', 'the number is empty'));
  if (cleaned.length > MAX_PHONE_INPUT) return E.left(failure('too-long', `longer than ${MAX_PHONE_INPUT} characters`));
  // Digits-only input, the common case: the same steps as libphonenumber-js with precompiled expressions.
  const quick = validation === 'valid' ? fast?.parse(cleaned, region) : undefined;
  if (quick !== undefined) {
    if (quick.kind === 'unparsed') return unparsed(cleaned, region);
    if (!quick.valid) return E.left(failure('invalid-phone', `not a ${validation} number for +${quick.callingCode}`));
    return E.right({ e164: quick.e164, national: quick.national });
  }
  const parsed = parsePhoneNumberFromString(cleaned, region === undefined ? {} : { defaultCountry: region });
  if (parsed === undefined) return unparsed(cleaned, region);
  const ok = validation === 'possible' ? parsed.isPossible() : parsed.isValid();
  if (!ok) return E.left(failure('invalid-phone', `not a ${validation} number for +${parsed.countryCallingCode}`));
  return E.right({ e164: parsed.number, national: parsed.nationalNumber });
}

/**
 * A phone normaliser with a private cache keyed by region and cleaned input, for batch work (identity resolution,
 * quality reports): parsing with libphonenumber costs ~10 µs, a cache hit well under 1 µs. The result is a pure
 * function of the key, so the cache cannot make results depend on input order.
 */
export function createPhoneNormalizer(
  validation: 'valid' | 'possible' = 'valid',
): (input: string, region: string | undefined) => E.Either<NormalizationFailure, PhoneParts> {
  // Phone numbers are mostly distinct: the cache switches itself off when its hit rate is low.
  const cache = new AdaptiveCache<E.Either<NormalizationFailure, PhoneParts>>();
  const regions = new Map<string, CountryCode | undefined>();
  const fast = new FastPhoneParser();
  return (input, region) => {
    if (typeof input !== 'string') return E.left(failure('not-a-string', 'a phone number must be a string'));
    if (input.length > 4 * MAX_PHONE_INPUT)
      return E.left(failure('too-long', `longer than ${MAX_PHONE_INPUT} characters`));
    let supported: CountryCode | undefined;
    if (region !== undefined) {
      if (regions.has(region)) supported = regions.get(region);
      else {
        supported = supportedRegion(region);
        regions.set(region, supported);
      }
    }
    const cleaned = stripPhoneSeparators(input);
    if (!cache.enabled) return parseParts(cleaned, supported, validation, fast);
    // A number with its own +prefix does not depend on the region.
    const key = cleaned.startsWith('+') ? cleaned : `${supported ?? ''}|${cleaned}`;
    let result = cache.get(key);
    if (result === undefined) {
      result = parseParts(cleaned, supported, validation, fast);
      cache.set(key, result);
    }
    return result;
  };
}
