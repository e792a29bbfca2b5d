/**
 * Phone numbers as people write them: national significant digits drawn from real numbering plans, written in the
 * country's local conventions (trunk prefix, grouping, separators) or internationally.
 *
 * @module
 */
import type { Rng } from '../core/index.js';
import type { CityData, CountryData } from './locales.js';

/**
 * A phone number as national significant digits split into area (or mobile prefix) and subscriber part.
 *
 * @example
 * ```ts
 * const number: PhoneDigits = { area: '151', subscriber: '23456789' }; // +49 151 23456789
 * ```
 */
export interface PhoneDigits {
  /** Area code or mobile prefix, without the trunk prefix. */
  readonly area: string;
  /** The rest of the national significant number. */
  readonly subscriber: string;
}

/**
 * Ways of writing a number: E.164 (`+4915123456789`), international with spaces, local (national) conventions in
 * a few variants, national digits only, and the `00` international prefix.
 *
 * @example
 * ```ts
 * const style: PhoneStyle = 'national';
 * ```
 */
export type PhoneStyle = 'e164' | 'international' | 'national' | 'national-alt' | 'national-compact' | 'idd';

function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.integer(10));
  return out;
}

function subscriberFor(country: CountryData, count: number, rng: Rng, leading = '2345678'): string {
  if (country.code === 'US') {
    // Exchange: [2-9]XX, not N11 and not 555; then four line digits.
    for (;;) {
      const exchange = String(2 + rng.integer(8)) + digits(rng, 2);
      if (exchange.endsWith('11') || exchange === '555') continue;
      return exchange + digits(rng, count - 3);
    }
  }
  return leading.charAt(rng.integer(leading.length)) + digits(rng, count - 1);
}

/**
 * Draws a mobile number of a country.
 *
 * @example
 * ```ts
 * mobileNumber(COUNTRIES[0]!, createRng(1)).area //=> one of '151', '152', ...
 * ```
 */
export function mobileNumber(country: CountryData, rng: Rng): PhoneDigits {
  const [area, count] = rng.pick(country.mobile);
  const subscriber = subscriberFor(country, count, rng, '123456789');
  return { area, subscriber };
}

/**
 * Draws a landline number in a city (used for stores' own numbers).
 *
 * @example
 * ```ts
 * landlineNumber(COUNTRIES[0]!, COUNTRIES[0]!.regions[0]!.cities[0]!, createRng(1)).area //=> '30'
 * ```
 */
export function landlineNumber(country: CountryData, city: CityData, rng: Rng): PhoneDigits {
  return { area: city.area, subscriber: subscriberFor(country, city.subscriberDigits, rng, city.subscriberLead) };
}

function pairs(text: string): string {
  return text.replace(/(\d{2})(?=\d)/g, '$1 ');
}

function national(country: CountryData, phone: PhoneDigits, variant: number): string {
  const { area, subscriber: sub } = phone;
  const trunk = country.trunk;
  switch (country.code) {
    case 'DE':
      return variant === 0 ? `0${area} ${sub}` : `0${area}/${sub}`;
    case 'FR': {
      const all = area + sub;
      return variant === 0 ? `0${all.slice(0, 1)} ${pairs(all.slice(1))}` : `0${all.slice(0, 1)}.${pairs(all.slice(1)).replace(/ /g, '.')}`;
    }
    case 'GB':
      return area.length === 2 ? `0${area} ${sub.slice(0, 4)} ${sub.slice(4)}` : variant === 0 ? `0${area} ${sub}` : `(0${area}) ${sub}`;
    case 'NL':
      return variant === 0 ? `0${area.slice(0, 1)}-${area.slice(1)}${sub}` : `0${area} ${sub.slice(0, 3)} ${sub.slice(3)}`;
    case 'ES': {
      const all = area + sub;
      return variant === 0 ? `${all.slice(0, 3)} ${all.slice(3, 6)} ${all.slice(6)}` : `${all.slice(0, 3)} ${all.slice(3, 5)} ${all.slice(5, 7)} ${all.slice(7)}`;
    }
    case 'IT':
      return variant === 0 ? `${area} ${sub}` : `${area}/${sub}`;
    case 'US':
      return variant === 0 ? `(${area}) ${sub.slice(0, 3)}-${sub.slice(3)}` : `${area}-${sub.slice(0, 3)}-${sub.slice(3)}`;
    case 'CN':
      return area.startsWith('1') && area.length === 3
        ? `${area} ${sub.slice(0, 4)} ${sub.slice(4)}`
        : `${trunk}${area}-${sub}`;
    case 'JP':
      return `${trunk}${area}-${sub.slice(0, sub.length - 4)}-${sub.slice(sub.length - 4)}`;
    default:
      return `${trunk}${area} ${sub}`;
  }
}

/**
 * Writes a number in a style. National styles follow the country's habits (`0151 23456789`, `06 12 34 56 78`,
 * `(415) 734-5678`, `138 1234 5678`, `090-1234-5678`).
 *
 * @example
 * ```ts
 * const de = COUNTRIES[0]!;
 * formatPhone(de, { area: '151', subscriber: '23456789' }, 'e164') //=> '+4915123456789'
 * formatPhone(de, { area: '151', subscriber: '23456789' }, 'national') //=> '0151 23456789'
 * ```
 */
export function formatPhone(country: CountryData, phone: PhoneDigits, style: PhoneStyle): string {
  const cc = country.callingCode;
  const nsn = phone.area + phone.subscriber;
  switch (style) {
    case 'e164':
      return `+${cc}${nsn}`;
    case 'international':
      return `+${cc} ${phone.area} ${phone.subscriber}`;
    case 'national':
      return national(country, phone, 0);
    case 'national-alt':
      return national(country, phone, 1);
    case 'national-compact':
      return (country.code === 'CN' && phone.area.startsWith('1') && phone.area.length === 3) || country.code === 'US'
        ? nsn
        : country.trunk + nsn;
    case 'idd':
      if (country.code === 'US') return `1-${phone.area}-${phone.subscriber.slice(0, 3)}-${phone.subscriber.slice(3)}`;
      return country.code === 'JP' ? `010 ${cc} ${nsn}` : `00${cc} ${nsn}`;
  }
}
