/**
 * A fast path for the common case of phone parsing: the cleaned input is only digits, optionally after one `+`. It
 * follows libphonenumber-js (1.x, `min` metadata) step by step — `parse` → `extractCountryCallingCode` (IDD prefix,
 * calling code with or without `+`) → `extractNationalNumber` (national prefix for parsing, transform rule, length
 * checks) → `getCountryByCallingCode` → `PhoneNumber.isValid` — reading the same metadata through the library's
 * `Metadata` class, but with every regular expression compiled once per numbering plan (the library compiles one per
 * test, which is most of its cost). Anything outside that shape (letters, extensions, `tel:` URIs, non-geographic
 * calling codes, the `possible` validation level) is left to libphonenumber-js itself. Tests compare both on
 * thousands of random and hand-picked numbers.
 *
 * @module
 */
import { Metadata } from 'libphonenumber-js/min';

/** What libphonenumber-js's `parsePhoneNumberFromString(...)?.isValid()` gives (internal). */
export type FastPhoneResult =
  /** The library returns no PhoneNumber. */
  | { readonly kind: 'unparsed' }
  /** A PhoneNumber, valid or not. */
  | {
      readonly kind: 'parsed';
      readonly valid: boolean;
      readonly e164: string;
      readonly national: string;
      readonly callingCode: string;
    };

/** The untyped parts of the library's metadata API used here (stable public-ish methods of `Metadata`). */
interface LibraryType {
  pattern(): string;
  possibleLengths(): readonly number[] | undefined;
}
interface LibraryPlan {
  callingCode(): string;
  IDDPrefix(): string;
  nationalNumberPattern(): string;
  possibleLengths(): readonly number[] | undefined;
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(type: string | undefined): LibraryType | undefined;
}
interface LibraryMetadata {
  selectNumberingPlan(countryOrCallingCode: string): LibraryMetadata;
  numberingPlan: LibraryPlan | undefined;
  hasCallingCode(callingCode: string): boolean;
  getCountryCodesForCallingCode(callingCode: string): readonly string[] | undefined;
}

const FIXED_AND_OTHER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_LENGTH_COUNTRY_CODE = 3;
const DIGITS_ONLY = /^\+?[0-9]{3,60}$/;

interface CompiledType {
  readonly pattern: RegExp;
  readonly possibleLengths: readonly number[] | undefined;
}

/** One numbering plan with its expressions compiled once. */
interface Plan {
  readonly callingCode: string;
  readonly idd: RegExp;
  readonly nationalNumber: RegExp;
  readonly possibleLengths: readonly number[] | undefined;
  readonly nationalPrefix: string | undefined;
  readonly prefixForParsing: RegExp | undefined;
  readonly transformRule: string | undefined;
  readonly leadingDigits: RegExp | undefined;
  readonly hasTypes: boolean;
  /** Type patterns in the order `getNumberType` tries them (absent or empty patterns left out). */
  readonly types: readonly CompiledType[];
}

function entire(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** Compiles plans lazily; one instance per normaliser (internal). */
export class FastPhoneParser {
  private readonly metadata = new Metadata() as unknown as LibraryMetadata;
  private readonly plans = new Map<string, Plan>();
  private readonly callingCodes = new Map<string, readonly string[] | null>();

  private plan(countryOrCallingCode: string): Plan {
    let plan = this.plans.get(countryOrCallingCode);
    if (plan !== undefined) return plan;
    const p = this.metadata.selectNumberingPlan(countryOrCallingCode).numberingPlan!;
    const prefixForParsing = p.nationalPrefixForParsing();
    const leadingDigits = p.leadingDigits();
    const transformRule = p.nationalPrefixTransformRule();
    const types: CompiledType[] = [];
    if (p.hasTypes()) {
      for (const name of FIXED_AND_OTHER_TYPES) {
        const type = p.type(name);
        if (!type?.pattern()) continue;
        types.push({ pattern: entire(type.pattern()), possibleLengths: type.possibleLengths() });
      }
    }
    plan = {
      callingCode: p.callingCode(),
      idd: new RegExp(p.IDDPrefix()),
      nationalNumber: entire(p.nationalNumberPattern()),
      possibleLengths: p.possibleLengths(),
      nationalPrefix: p.nationalPrefix(),
      prefixForParsing: prefixForParsing ? new RegExp(`^(?:${prefixForParsing})`) : undefined,
      transformRule: transformRule === undefined || transformRule === '' ? undefined : transformRule,
      leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
      hasTypes: p.hasTypes(),
      types,
    };
    this.plans.set(countryOrCallingCode, plan);
    return plan;
  }

  /** `getCountryCodesForCallingCode` (null: not a country calling code). */
  private countriesOf(callingCode: string): readonly string[] | null {
    let countries = this.callingCodes.get(callingCode);
    if (countries === undefined) {
      countries = this.metadata.getCountryCodesForCallingCode(callingCode) ?? null;
      this.callingCodes.set(callingCode, countries);
    }
    return countries;
  }

  /** `getNumberType(...) !== undefined`: the national pattern, then any type pattern (lengths first). */
  private static hasNumberType(national: string, plan: Plan): boolean {
    if (!plan.nationalNumber.test(national)) return false;
    for (const type of plan.types) {
      if (type.possibleLengths && !type.possibleLengths.includes(national.length)) continue;
      if (type.pattern.test(national)) return true;
    }
    return false;
  }

  /** `isValidNumber`: the number type with typed metadata, else the national pattern. */
  private static isValidIn(national: string, plan: Plan): boolean {
    return plan.hasTypes ? FastPhoneParser.hasNumberType(national, plan) : plan.nationalNumber.test(national);
  }

  /** `getCountryByCallingCode`. */
  private countryByCallingCode(callingCode: string, national: string): string | undefined {
    const countries = this.countriesOf(callingCode);
    if (countries === null) return undefined;
    if (countries.length === 1) return countries[0];
    for (const country of countries) {
      const plan = this.plan(country);
      if (plan.leadingDigits !== undefined) {
        if (national !== '' && national.search(plan.leadingDigits) === 0) return country;
      } else if (FastPhoneParser.hasNumberType(national, plan)) return country;
    }
    return undefined;
  }

  /** `checkNumberLength(national, undefined, plan)` as 'TOO_SHORT' | 'INVALID_LENGTH' | 'TOO_LONG' | 'IS_POSSIBLE'. */
  private static lengthCheck(national: string, plan: Plan): string {
    const lengths = plan.possibleLengths;
    if (!lengths) return 'IS_POSSIBLE';
    const length = national.length;
    const minimum = lengths[0]!;
    if (minimum === length) return 'IS_POSSIBLE';
    if (minimum > length) return 'TOO_SHORT';
    if (lengths[lengths.length - 1]! < length) return 'TOO_LONG';
    return lengths.includes(length, 1) ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
  }

  /** `extractNationalNumber(number, undefined, metadata-with-plan)`. */
  private extractNational(number: string, plan: Plan): string {
    let national = number;
    const prefix = plan.prefixForParsing;
    if (number !== '' && prefix !== undefined) {
      const match = prefix.exec(number);
      if (match !== null) {
        const groups = match.length - 1;
        const hasGroups = groups > 0 && Boolean(match[groups]);
        national =
          plan.transformRule !== undefined && hasGroups
            ? number.replace(prefix, plan.transformRule)
            : number.slice(match[0].length);
      }
    }
    if (national === number) return number;
    if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(national)) return number;
    if (plan.possibleLengths) {
      const country = this.countryByCallingCode(plan.callingCode, national);
      const check = FastPhoneParser.lengthCheck(national, country === undefined ? plan : this.plan(country));
      if (check === 'TOO_SHORT' || check === 'INVALID_LENGTH') return number;
    }
    return national;
  }

  /**
   * Parses `cleaned` (separators already removed) with a supported default region, or returns undefined when the
   * input is outside the fast path (then ask libphonenumber-js).
   */
  parse(cleaned: string, region: string | undefined): FastPhoneResult | undefined {
    if (!DIGITS_ONLY.test(cleaned)) return undefined;
    let number = cleaned;
    let callingCode: string | undefined;
    // extractCountryCallingCode
    if (!number.startsWith('+')) {
      let withoutIdd: string | undefined;
      if (region !== undefined) {
        const regionPlan = this.plan(region);
        const idd = regionPlan.idd;
        if (number.search(idd) === 0) {
          const rest = number.slice(number.match(idd)![0].length);
          withoutIdd = rest.startsWith('0') ? undefined : rest;
        }
      }
      if (withoutIdd !== undefined && withoutIdd !== '' && withoutIdd !== number) number = `+${withoutIdd}`;
      else if (region !== undefined) {
        // extractCountryCallingCodeFromInternationalNumberWithoutPlusSign
        const regionPlan = this.plan(region);
        const code = regionPlan.callingCode;
        if (number.startsWith(code)) {
          const shorter = number.slice(code.length);
          const shorterNational = this.extractNational(shorter, regionPlan);
          const national = this.extractNational(number, regionPlan);
          if (
            (!regionPlan.nationalNumber.test(national) && regionPlan.nationalNumber.test(shorterNational)) ||
            FastPhoneParser.lengthCheck(national, regionPlan) === 'TOO_LONG'
          ) {
            callingCode = code;
            number = shorter;
          }
        }
      }
    }
    if (callingCode === undefined && number.startsWith('+')) {
      if (number.charAt(1) === '0') return { kind: 'unparsed' };
      for (let i = 2; i - 1 <= MAX_LENGTH_COUNTRY_CODE && i <= number.length; i++) {
        const code = number.slice(1, i);
        if (this.countriesOf(code) !== null) {
          callingCode = code;
          number = number.slice(i);
          break;
        }
        // A non-geographic calling code (+800, +882...): leave it to the library.
        if (this.metadata.hasCallingCode(code)) return undefined;
      }
      if (callingCode === undefined) return { kind: 'unparsed' };
    }
    // parsePhoneNumber
    let country: string | undefined;
    let plan: Plan;
    if (callingCode !== undefined) plan = this.plan(this.countriesOf(callingCode)![0]!);
    else if (number !== '' && region !== undefined) {
      country = region;
      plan = this.plan(region);
      callingCode = plan.callingCode;
    } else return { kind: 'unparsed' };
    if (number === '') return { kind: 'unparsed' };
    const national = this.extractNational(number, plan);
    const exact = this.countryByCallingCode(callingCode, national);
    if (exact !== undefined) country = exact;
    if (national.length < MIN_LENGTH_FOR_NSN || national.length > MAX_LENGTH_FOR_NSN) return { kind: 'unparsed' };
    // PhoneNumber.isValid: the plan of its country, else of its calling code's main country.
    const validPlan = this.plan(country ?? this.countriesOf(callingCode)![0]!);
    return {
      kind: 'parsed',
      valid: FastPhoneParser.isValidIn(national, validPlan),
      e164: `+${callingCode}${national}`,
      national,
      callingCode,
    };
  }
}
