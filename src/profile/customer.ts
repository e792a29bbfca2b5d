/**
 * One customer record in, its normalised form, match keys, junk flags and field problems out.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import {
  joinPath,
  makeIssue,
  parseInstant,
  type Consent,
  type Customer,
  type DateInput,
  type ValidationIssue,
} from '../core/index.js';
import {
  DEFAULT_BLOCK_LISTS,
  compileBlockList,
  type BlockLists,
  type BlockMatch,
  type BlockMatcher,
} from './blocklist.js';
import { normalizeCountry } from './country.js';
import { normalizeBirthDate, type BirthDateOptions } from './date.js';
import { DEFAULT_EMAIL_PROVIDERS, foldEmailAliases, normalizeEmail, type EmailProviderRule } from './email.js';
import type { NormalizationCode, NormalizationFailure } from './failure.js';
import { normalizeGender } from './gender.js';
import {
  DEFAULT_NAME_TITLES,
  nameMatchKeyOf,
  normalizeName,
  normalizeNameDisplay,
  type NameTitles,
  type NormalizedName,
} from './name.js';
import { memo } from './memo.js';
import { createPhoneNormalizer } from './phone.js';
import { REGION_TABLE_COUNTRIES, normalizeRegion } from './region.js';
import { cleanText, containsCjk, isCleanAscii, isNonBlankText } from './text.js';

/**
 * Options of {@link normalizeCustomer} (and of the batch functions that normalise records).
 *
 * @example
 * ```ts
 * const options: NormalizeCustomerOptions = { defaultRegion: 'GB', asOf: '2024-06-30', dateOrder: 'DMY' };
 * ```
 */
export interface NormalizeCustomerOptions {
  /** Region for phone numbers without `+country` when the record has no valid country (ISO alpha-2). */
  readonly defaultRegion?: string | undefined;
  /** Phone validation level; default `valid`. */
  readonly phoneValidation?: 'valid' | 'possible' | undefined;
  /** Reference instant for birth-date plausibility (no future dates, age ≤ 120). */
  readonly asOf?: DateInput | undefined;
  /** Order of ambiguous numeric birth dates (`04/12/1988`). */
  readonly dateOrder?: 'DMY' | 'MDY' | undefined;
  /** Email provider alias rules for match keys; default {@link DEFAULT_EMAIL_PROVIDERS}. */
  readonly emailProviders?: readonly EmailProviderRule[] | undefined;
  /** Titles stripped from name match keys; default {@link DEFAULT_NAME_TITLES}. */
  readonly nameTitles?: NameTitles | undefined;
  /** Junk identifier lists; default {@link DEFAULT_BLOCK_LISTS}. */
  readonly blocked?: BlockLists | undefined;
  /**
   * External-id type → the namespace (source) whose record ids it holds, e.g. `{ memberNo: 'loyalty' }`. Types not
   * listed follow the naming convention of {@link externalIdNamespace}.
   */
  readonly externalIdNamespaces?: Readonly<Record<string, string>> | undefined;
}

/**
 * The namespace of an external-id type: the type itself, or — by convention — the source it names when it ends in
 * `CustomerId` or `Id` (camel case) or in `_id`, `-id`, `_customer_id`, `-customer-id` (any case), so
 * `externalIds: { shopCustomerId: 'C1' }` refers to the record `C1` of source `shop`. An explicit mapping wins.
 *
 * @example
 * ```ts
 * externalIdNamespace('shopCustomerId') //=> 'shop'
 * externalIdNamespace('crm_id') //=> 'crm'
 * externalIdNamespace('loyaltyCard') //=> 'loyaltyCard'
 * externalIdNamespace('memberNo', { memberNo: 'loyalty' }) //=> 'loyalty'
 * ```
 */
export function externalIdNamespace(type: string, explicit: Readonly<Record<string, string>> = {}): string {
  if (Object.prototype.hasOwnProperty.call(explicit, type)) return explicit[type]!;
  const match = /^(.+?)(?:CustomerId|Id)$/.exec(type) ?? /^(.+?)[-_](?:customer[-_])?id$/i.exec(type);
  return match === null ? type : match[1]!;
}

/**
 * The identifier values of a record used for matching (blocked values are absent).
 *
 * @example
 * ```ts
 * const keys: MatchKeys = { email: 'annlee@gmail.com', phone: '+442079460018', name: 'ann lee', externalIds: ['shop:C1'] };
 * ```
 */
export interface MatchKeys {
  /** {@link emailMatchKey} of the address. */
  readonly email?: string;
  /** E.164 number. */
  readonly phone?: string;
  /** Name match key (from `name`, else `firstName` + `lastName`). */
  readonly name?: string;
  /**
   * `namespace:value` for each external id (see {@link externalIdNamespace}), plus `source:(sourceRecordId ?? id)` for
   * a record that names its source, so a CRM record with `externalIds: { shopCustomerId: 'C1' }` links to the shop's
   * record `C1`.
   */
  readonly externalIds: readonly string[];
}

/**
 * A field value that could not be normalised: a {@link ValidationIssue} plus the field and a stable reason code.
 *
 * @example
 * ```ts
 * const issue: FieldIssue = {
 *   path: 'customers[3].email', expected: 'email address', received: '"ann(at)example.com"', field: 'email',
 *   code: 'invalid-email', message: 'customers[3].email: expected email address, received "ann(at)example.com" (invalid-email: missing "@")',
 * };
 * ```
 */
export interface FieldIssue extends ValidationIssue {
  /** The record field (`email`, `externalIds.crm`, `consents[1]`...). */
  readonly field: string;
  /** Why: a normalisation code. */
  readonly code: NormalizationCode;
}

/**
 * An identifier value refused by a block list: it stays on the record but links nothing and never survives into a
 * golden record.
 *
 * @example
 * ```ts
 * const blocked: BlockedValue = { identifier: 'email', field: 'email', value: 'test@test.com', rule: 'exact test@test.com' };
 * ```
 */
export interface BlockedValue {
  /** Identifier type: `email`, `phone`, `name` or `externalId`. */
  readonly identifier: 'email' | 'phone' | 'name' | 'externalId';
  /** Record field holding it. */
  readonly field: string;
  /** The normalised value. */
  readonly value: string;
  /** The block-list entry that matched. */
  readonly rule: string;
}

/**
 * A normalised record.
 *
 * @example
 * ```ts
 * const result = normalizeCustomer({ id: 'c1', email: ' Ann.Lee@GMail.com ', country: 'United Kingdom', phone: '020 7946 0018' });
 * // right({ customer: { id: 'c1', email: 'ann.lee@gmail.com', country: 'GB', phone: '+442079460018' },
 * //         matchKeys: { email: 'annlee@gmail.com', phone: '+442079460018', externalIds: [] }, fieldIssues: [], blocked: [] })
 * ```
 */
export interface NormalizedCustomer {
  /** The record with every field normalised; fields that failed are dropped (see `fieldIssues`), blocked values kept. */
  readonly customer: Customer;
  /** Identifier values for matching. */
  readonly matchKeys: MatchKeys;
  /** Fields dropped because they could not be normalised. */
  readonly fieldIssues: readonly FieldIssue[];
  /** Identifier values refused as junk. */
  readonly blocked: readonly BlockedValue[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const CONSENT_STATUSES = new Set(['granted', 'denied', 'unknown']);
const FIELD_EXPECTED: Readonly<Record<string, string>> = {
  email: 'email address',
  phone: 'phone number',
  name: 'personal name',
  firstName: 'personal name',
  lastName: 'personal name',
  birthDate: 'calendar date',
  gender: 'gender',
  country: 'ISO 3166-1 country',
  region: 'ISO 3166-2 subdivision',
  signupAt: 'ISO date or date-time',
  updatedAt: 'ISO date or date-time',
};

/** A reusable record normaliser sharing compiled block lists and a phone cache (internal batch form). */
export type CustomerNormalizer = (
  record: unknown,
  root: string,
  index?: number,
) => E.Either<ValidationIssue[], NormalizedCustomer>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

const NO_ISSUES: readonly FieldIssue[] = Object.freeze([]);
const NO_BLOCKED: readonly BlockedValue[] = Object.freeze([]);
const NO_KEYS: readonly string[] = Object.freeze([]);

/** Per-record scratch state of the normaliser (one object per record, fields filled as found). */
class RecordState {
  fieldIssues: FieldIssue[] | undefined;
  blocked: BlockedValue[] | undefined;
  private cachedPath: string | undefined;
  constructor(
    private readonly root: string,
    private readonly index: number | undefined,
  ) {}

  /** The record's path (`records[3]`), built only when a problem is reported. */
  get path(): string {
    return (this.cachedPath ??= this.index === undefined ? this.root : joinPath(this.root, this.index));
  }

  problem(field: string, value: unknown, reason: NormalizationFailure): void {
    const issue = makeIssue(joinPath(this.path, field), FIELD_EXPECTED[field] ?? 'string', value);
    (this.fieldIssues ??= []).push({
      ...issue,
      message: `${issue.message} (${reason.code}: ${reason.message})`,
      field,
      code: reason.code,
    });
  }

  block(value: BlockedValue): void {
    (this.blocked ??= []).push(value);
  }

  /** The field as a non-blank string, or undefined (wrong types are reported). */
  text(value: unknown, field: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.problem(field, value, NOT_A_STRING);
      return undefined;
    }
    return isNonBlankText(value) ? value : undefined;
  }
}

const NOT_A_STRING: NormalizationFailure = { code: 'not-a-string', message: 'expected a string' };
const INVALID_INSTANT: NormalizationFailure = { code: 'invalid-instant', message: 'not a valid date or epoch ms' };

/** True when the strings are in ascending code-unit order (as `Array.prototype.sort` leaves them). */
function isSortedStrings(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

const CONSENT_KEY_ORDER = ['purpose', 'status', 'at', 'source'] as const;

/**
 * True when a consent decision is already what the normaliser would build from it — own keys `purpose`, `status`,
 * `at?`, `source?` in that order, trimmed purpose, epoch-ms `at`, a source present exactly when the decision or its
 * record names one — so the input object can be kept (same JSON, no copy).
 */
function isNormalizedConsent(c: unknown, ownSource: string | undefined): c is Consent {
  if (!isRecord(c)) return false;
  let next = 0;
  let hasSource = false;
  for (const key in c) {
    while (next < CONSENT_KEY_ORDER.length && CONSENT_KEY_ORDER[next] !== key && next >= 2) next++;
    if (CONSENT_KEY_ORDER[next] !== key) return false;
    if (key === 'source') hasSource = true;
    next++;
  }
  const { purpose, status, at, source } = c;
  return (
    next >= 2 &&
    typeof purpose === 'string' &&
    purpose !== '' &&
    purpose.trim() === purpose &&
    typeof status === 'string' &&
    CONSENT_STATUSES.has(status) &&
    (at === undefined ? !('at' in c) : typeof at === 'number' && instantOf(at) === at) &&
    (hasSource ? typeof source === 'string' : ownSource === undefined)
  );
}

function instantOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? value : undefined;
  return typeof value === 'string' || value instanceof Date ? parseInstant(value) : undefined;
}

/** Creates a record normaliser for batch use; see {@link normalizeCustomer}. */
export function createCustomerNormalizer(options: NormalizeCustomerOptions = {}): CustomerNormalizer {
  const lists = options.blocked ?? DEFAULT_BLOCK_LISTS;
  const blockEmail: BlockMatcher = compileBlockList([lists.all, lists.email], true);
  const blockPhone: BlockMatcher = compileBlockList([lists.all, lists.phone], true);
  const blockName: BlockMatcher = compileBlockList([lists.all, lists.name], true);
  const blockExternal: BlockMatcher = compileBlockList([lists.all, lists.externalId]);
  const phones = createPhoneNormalizer(options.phoneValidation ?? 'valid');
  const providers = options.emailProviders ?? DEFAULT_EMAIL_PROVIDERS;
  const titles = options.nameTitles ?? DEFAULT_NAME_TITLES;
  const birthOptions: BirthDateOptions = {
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.dateOrder === undefined ? {} : { order: options.dateOrder }),
  };
  const defaultRegion = options.defaultRegion;
  const countryOf = memo(normalizeCountry);
  const regionMemos = new Map<string, (region: string) => E.Either<NormalizationFailure, string>>();
  const regionOf = (country: string | undefined, region: string): E.Either<NormalizationFailure, string> => {
    const key = country ?? '';
    let forCountry = regionMemos.get(key);
    if (forCountry === undefined) {
      forCountry = memo((value: string) => normalizeRegion(value, country === undefined ? {} : { country }));
      regionMemos.set(key, forCountry);
    }
    return forCountry(region);
  };
  const fullNameOf = memo((value: string): E.Either<NormalizationFailure, NormalizedName> =>
    normalizeName(value, { titles }),
  );
  // Block-list verdict per normalised full name (the memo above returns one object per distinct raw name).
  const nameBlocks = new Map<NormalizedName, BlockMatch | null>();
  const nameBlockOf = (fullName: NormalizedName): BlockMatch | undefined => {
    let hit = nameBlocks.get(fullName);
    if (hit === undefined) {
      hit = blockName([fullName.display.toLowerCase(), fullName.matchKey]) ?? null;
      nameBlocks.set(fullName, hit);
    }
    return hit ?? undefined;
  };
  const namePartOf = memo(normalizeNameDisplay);
  const birthDateOf = memo((value: string) => normalizeBirthDate(value, birthOptions));
  const genderOf = memo(normalizeGender);
  // Values already clean (the common case) skip the memo lookup.
  const textMemo = memo(cleanText);
  const lowerTextMemo = memo((value: string) => cleanText(value).toLowerCase());
  const upperTextMemo = memo((value: string) => cleanText(value).toUpperCase());
  const textOf = (value: string): string => (isCleanAscii(value) ? value : textMemo(value));
  const lowerTextOf = (value: string): string => (isCleanAscii(value, 'lower') ? value : lowerTextMemo(value));
  const upperTextOf = (value: string): string => (isCleanAscii(value, 'upper') ? value : upperTextMemo(value));
  // Emails are mostly distinct: no memo (it would only grow).
  const emailOf = (
    value: string,
  ): E.Either<NormalizationFailure, { address: string; key: string; hit: BlockMatch | undefined }> => {
    const result = normalizeEmail(value);
    if (E.isLeft(result)) return result;
    const key = foldEmailAliases(result.right, providers);
    const hit = blockEmail(key === result.right ? [key] : [result.right, key]);
    return E.right({ address: result.right, key, hit });
  };
  const namespaces = options.externalIdNamespaces ?? {};
  const namespaceOf = memo((type: string) => externalIdNamespace(cleanText(type), namespaces));

  return (record, root, index) => {
    const state = new RecordState(root, index);
    if (!isRecord(record)) return E.left([makeIssue(state.path, 'customer record (object)', record)]);
    const rawId = record.id;
    let id: string;
    if (typeof rawId === 'string' && rawId.length <= 512 && rawId.trim() !== '') id = rawId;
    else if (typeof rawId === 'number' && Number.isSafeInteger(rawId)) id = String(rawId);
    else return E.left([makeIssue(joinPath(state.path, 'id'), 'id (non-empty string or integer)', rawId)]);

    const out: Record<string, unknown> = { id };
    const source = state.text(record.source, 'source');
    if (source !== undefined) out.source = textOf(source);
    const sourceRecordId = state.text(record.sourceRecordId, 'sourceRecordId');
    if (sourceRecordId !== undefined)
      out.sourceRecordId = isCleanAscii(sourceRecordId) ? sourceRecordId : cleanText(sourceRecordId);

    let emailKey: string | undefined;
    const email = state.text(record.email, 'email');
    if (email !== undefined) {
      const result = emailOf(email);
      if (E.isLeft(result)) state.problem('email', email, result.left);
      else {
        out.email = result.right.address;
        if (result.right.hit === undefined) emailKey = result.right.key;
        else
          state.block({
            identifier: 'email',
            field: 'email',
            value: result.right.address,
            rule: result.right.hit.rule,
          });
      }
    }

    let country: string | undefined;
    const rawCountry = state.text(record.country, 'country');
    if (rawCountry !== undefined) {
      const result = countryOf(rawCountry);
      if (E.isLeft(result)) state.problem('country', rawCountry, result.left);
      else country = out.country = result.right;
    }
    const region = state.text(record.region, 'region');
    if (region !== undefined) {
      const result = regionOf(country, region);
      if (E.isRight(result)) out.region = result.right;
      else if (country !== undefined && !REGION_TABLE_COUNTRIES.has(country) && result.left.code === 'unknown-region') {
        // The built-in table covers a few countries only: elsewhere keep the cleaned text.
        out.region = textOf(region);
      } else state.problem('region', region, result.left);
    }

    let phoneKey: string | undefined;
    const phone = state.text(record.phone, 'phone');
    if (phone !== undefined) {
      const result = phones(phone, country ?? defaultRegion);
      if (E.isLeft(result)) state.problem('phone', phone, result.left);
      else {
        const parts = result.right;
        out.phone = parts.e164;
        const hit = blockPhone(parts.national === '' ? [parts.e164] : [parts.e164, parts.national]);
        if (hit === undefined) phoneKey = parts.e164;
        else state.block({ identifier: 'phone', field: 'phone', value: parts.e164, rule: hit.rule });
      }
    }

    let nameDisplay: string | undefined;
    let nameKey: string | undefined;
    let fullName: NormalizedName | undefined;
    const name = state.text(record.name, 'name');
    if (name !== undefined) {
      const result = fullNameOf(name);
      if (E.isLeft(result)) state.problem('name', name, result.left);
      else {
        fullName = result.right;
        out.name = nameDisplay = result.right.display;
        nameKey = result.right.matchKey;
      }
    }
    const firstName = state.text(record.firstName, 'firstName');
    if (firstName !== undefined) {
      const result = namePartOf(firstName);
      if (E.isLeft(result)) state.problem('firstName', firstName, result.left);
      else out.firstName = result.right;
    }
    const lastName = state.text(record.lastName, 'lastName');
    if (lastName !== undefined) {
      const result = namePartOf(lastName);
      if (E.isLeft(result)) state.problem('lastName', lastName, result.left);
      else out.lastName = result.right;
    }
    if (nameKey === undefined && (out.firstName !== undefined || out.lastName !== undefined)) {
      const first = (out.firstName as string | undefined) ?? '';
      const last = (out.lastName as string | undefined) ?? '';
      nameDisplay = containsCjk(first + last) ? `${last}${first}` : `${first} ${last}`.trim();
      const key = nameMatchKeyOf(nameDisplay, titles);
      if (key !== '') nameKey = key;
    }
    if (nameKey !== undefined && nameDisplay !== undefined) {
      const hit = fullName === undefined ? blockName([nameDisplay.toLowerCase(), nameKey]) : nameBlockOf(fullName);
      if (hit !== undefined) {
        state.block({
          identifier: 'name',
          field: name === undefined ? 'firstName+lastName' : 'name',
          value: nameDisplay,
          rule: hit.rule,
        });
        nameKey = undefined;
      }
    }

    const birthDate = state.text(record.birthDate, 'birthDate');
    if (birthDate !== undefined) {
      const result = birthDateOf(birthDate);
      if (E.isLeft(result)) state.problem('birthDate', birthDate, result.left);
      else out.birthDate = result.right;
    }
    const gender = state.text(record.gender, 'gender');
    if (gender !== undefined) {
      const result = genderOf(gender);
      if (E.isLeft(result)) state.problem('gender', gender, result.left);
      else out.gender = result.right;
    }
    const occupation = state.text(record.occupation, 'occupation');
    if (occupation !== undefined) out.occupation = textOf(occupation);
    const city = state.text(record.city, 'city');
    if (city !== undefined) out.city = textOf(city);
    const postalCode = state.text(record.postalCode, 'postalCode');
    if (postalCode !== undefined) out.postalCode = upperTextOf(postalCode);
    const channel = state.text(record.acquisitionChannel, 'acquisitionChannel');
    if (channel !== undefined) out.acquisitionChannel = lowerTextOf(channel);

    const signupRaw = record.signupAt;
    if (signupRaw !== undefined && signupRaw !== null) {
      const ms = instantOf(signupRaw);
      if (ms === undefined) state.problem('signupAt', signupRaw, INVALID_INSTANT);
      else out.signupAt = ms;
    }
    const updatedRaw = record.updatedAt;
    if (updatedRaw !== undefined && updatedRaw !== null) {
      const ms = instantOf(updatedRaw);
      if (ms === undefined) state.problem('updatedAt', updatedRaw, INVALID_INSTANT);
      else out.updatedAt = ms;
    }

    // Exact-size arrays (most records have one key): no spare capacity kept alive.
    let externalKeys: string[] | undefined;
    const ownSource = out.source as string | undefined;
    if (ownSource !== undefined) {
      const own = (out.sourceRecordId as string | undefined) ?? id;
      if (blockExternal([own]) === undefined) externalKeys = [`${ownSource}:${own}`];
    }
    const rawExternal = record.externalIds;
    if (rawExternal !== undefined && rawExternal !== null) {
      if (!isRecord(rawExternal))
        state.problem('externalIds', rawExternal, { code: 'wrong-type', message: 'expected an object of strings' });
      else {
        const types = Object.keys(rawExternal);
        // The input object is kept as is when normalising changes nothing (sorted keys, clean strings).
        let unchanged = isSortedStrings(types);
        if (!unchanged) types.sort();
        let externalIds: Record<string, string> | undefined;
        for (const type of types) {
          const value = rawExternal[type];
          const field = `externalIds.${type}`;
          if (FORBIDDEN_KEYS.has(type)) {
            state.problem(field, type, {
              code: 'forbidden-key',
              message: 'keys __proto__, constructor and prototype are refused',
            });
            unchanged = false;
            continue;
          }
          if (typeof value !== 'string' && !(typeof value === 'number' && Number.isSafeInteger(value))) {
            state.problem(field, value, NOT_A_STRING);
            unchanged = false;
            continue;
          }
          const cleaned = typeof value === 'string' && isCleanAscii(value) ? value : cleanText(String(value));
          if (cleaned !== value) unchanged = false;
          if (cleaned === '') continue;
          (externalIds ??= {})[type] = cleaned;
          const hit = blockExternal([cleaned]);
          if (hit === undefined) {
            const key = `${namespaceOf(type)}:${cleaned}`;
            if (externalKeys === undefined) externalKeys = [key];
            else externalKeys.push(key);
          } else state.block({ identifier: 'externalId', field, value: cleaned, rule: hit.rule });
        }
        if (externalIds !== undefined) out.externalIds = unchanged ? rawExternal : externalIds;
      }
    }

    const rawConsents = record.consents;
    if (rawConsents !== undefined && rawConsents !== null) {
      if (!Array.isArray(rawConsents))
        state.problem('consents', rawConsents, {
          code: 'wrong-type',
          message: 'expected an array of consent decisions',
        });
      else {
        const consents: Consent[] = [];
        // Consents already in normalised form are kept (and the input array when all are).
        let unchanged = true;
        for (let i = 0; i < rawConsents.length; i++) {
          const c: unknown = rawConsents[i];
          if (isNormalizedConsent(c, ownSource)) {
            consents.push(c);
            continue;
          }
          unchanged = false;
          if (
            !isRecord(c) ||
            typeof c.purpose !== 'string' ||
            c.purpose.trim() === '' ||
            typeof c.status !== 'string' ||
            !CONSENT_STATUSES.has(c.status)
          ) {
            state.problem(`consents[${i}]`, c, {
              code: 'wrong-type',
              message: 'expected { purpose, status: granted | denied | unknown, at?, source? }',
            });
            continue;
          }
          const at = c.at === undefined ? undefined : instantOf(c.at);
          if (c.at !== undefined && at === undefined) {
            state.problem(`consents[${i}].at`, c.at, INVALID_INSTANT);
            continue;
          }
          const consent: { purpose: string; status: Consent['status']; at?: number; source?: string } = {
            purpose: c.purpose.trim(),
            status: c.status as Consent['status'],
          };
          if (at !== undefined) consent.at = at;
          const decisionSource = typeof c.source === 'string' ? c.source : ownSource;
          if (decisionSource !== undefined) consent.source = decisionSource;
          consents.push(consent);
        }
        if (consents.length > 0) out.consents = unchanged ? rawConsents : consents;
      }
    }

    const rawAttributes = record.attributes;
    if (rawAttributes !== undefined && rawAttributes !== null) {
      if (!isRecord(rawAttributes))
        state.problem('attributes', rawAttributes, { code: 'wrong-type', message: 'expected an object' });
      else {
        const keys = Object.keys(rawAttributes);
        // The input object is kept as is when every entry is valid and the keys are sorted.
        let unchanged = isSortedStrings(keys);
        if (!unchanged) keys.sort();
        let attributes: Record<string, string | number | boolean | null> | undefined;
        for (const key of keys) {
          const value = rawAttributes[key];
          if (FORBIDDEN_KEYS.has(key)) {
            unchanged = false;
            continue;
          }
          if (
            value === null ||
            typeof value === 'string' ||
            typeof value === 'boolean' ||
            (typeof value === 'number' && Number.isFinite(value))
          ) {
            (attributes ??= {})[key] = value;
          } else {
            unchanged = false;
            state.problem(`attributes.${key}`, value, {
              code: 'wrong-type',
              message: 'expected a string, finite number, boolean or null',
            });
          }
        }
        if (attributes !== undefined) out.attributes = unchanged ? rawAttributes : attributes;
      }
    }

    const matchKeys: { email?: string; phone?: string; name?: string; externalIds: readonly string[] } = {
      externalIds: externalKeys ?? NO_KEYS,
    };
    if (emailKey !== undefined) matchKeys.email = emailKey;
    if (phoneKey !== undefined) matchKeys.phone = phoneKey;
    if (nameKey !== undefined) matchKeys.name = nameKey;
    return E.right({
      customer: out as Customer,
      matchKeys,
      fieldIssues: state.fieldIssues ?? NO_ISSUES,
      blocked: state.blocked ?? NO_BLOCKED,
    });
  };
}

/**
 * Normalises one customer record: email ({@link normalizeEmail}), phone to E.164 ({@link normalizePhone}, with the
 * record's own country as default region, else `defaultRegion`), names ({@link normalizeName}), birth date
 * ({@link normalizeBirthDate}), gender ({@link normalizeGender}), country ({@link normalizeCountry}) and region
 * ({@link normalizeRegion}; outside the built-in table the cleaned text is kept), free text width-folded and trimmed,
 * postal codes upper-cased, instants to epoch ms, consents and attributes checked entry by entry. Values that cannot
 * be normalised are dropped and reported in `fieldIssues` with their path and reason; junk identifiers stay on the
 * record but produce no match key (`blocked`). The whole record is refused (left) only when it is not an object or
 * has no usable `id`.
 *
 * @example
 * ```ts
 * normalizeCustomer({ id: 'c1', email: 'test@test.com', phone: '+44 20 7946 0018', country: 'uk' })
 * // right({ customer: { id: 'c1', email: 'test@test.com', country: 'GB', phone: '+442079460018' },
 * //         matchKeys: { phone: '+442079460018', externalIds: [] }, fieldIssues: [],
 * //         blocked: [{ identifier: 'email', field: 'email', value: 'test@test.com', rule: 'exact test@test.com' }] })
 * normalizeCustomer({ email: 'x' }) //=> left([{ path: 'customer.id', expected: 'id (non-empty string or integer)', ... }])
 * ```
 */
export function normalizeCustomer(
  record: Customer,
  options: NormalizeCustomerOptions = {},
): E.Either<ValidationIssue[], NormalizedCustomer> {
  return createCustomerNormalizer(options)(record, 'customer');
}
