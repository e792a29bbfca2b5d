/**
 * Redacting and pseudonymising PII for export: remove, mask or hash fields with a host-supplied salt (HMAC-SHA-256
 * through Web Crypto, `globalThis.crypto.subtle`, available in Node ≥ 19 and every current browser).
 *
 * @module
 */
import { either as E } from 'fp-ts';
import type { Customer } from '../core/index.js';
import { normalizeCountry } from './country.js';
import { normalizeEmail } from './email.js';
import { normalizePhone } from './phone.js';
import { cleanText } from './text.js';

/**
 * What to do with a field:
 * - `keep`: unchanged;
 * - `remove`: left out;
 * - `mask`: partly hidden, still readable by a person (`a***@example.com`, `*******0018`, initials, birth year,
 *   postal district);
 * - `hash`: replaced by a lower-case hex digest of its normalised value (emails normalised, phones in E.164, other
 *   text width-folded and trimmed), so the same person hashes alike across sources.
 *
 * @example
 * ```ts
 * const action: RedactionAction = 'hash';
 * ```
 */
export type RedactionAction = 'keep' | 'remove' | 'mask' | 'hash';

/**
 * The fields a redaction policy can name: every string field of a customer, plus `externalIds` and `attributes`
 * (applied to each value) and `consents` (keep or remove).
 *
 * @example
 * ```ts
 * const field: RedactableField = 'postalCode';
 * ```
 */
export type RedactableField =
  | 'id'
  | 'sourceRecordId'
  | 'email'
  | 'phone'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'birthDate'
  | 'gender'
  | 'occupation'
  | 'country'
  | 'region'
  | 'city'
  | 'postalCode'
  | 'externalIds'
  | 'attributes'
  | 'consents';

/**
 * The default policy: emails, phones, external ids and source record ids hashed; names and free attributes removed;
 * birth date masked to the year and postal code to its district; everything else kept (including `id`, the host's
 * join key).
 *
 * @example
 * ```ts
 * DEFAULT_REDACTION_POLICY.email //=> 'hash'
 * ```
 */
export const DEFAULT_REDACTION_POLICY: Readonly<Record<RedactableField, RedactionAction>> = Object.freeze({
  id: 'keep',
  sourceRecordId: 'hash',
  email: 'hash',
  phone: 'hash',
  name: 'remove',
  firstName: 'remove',
  lastName: 'remove',
  birthDate: 'mask',
  gender: 'keep',
  occupation: 'keep',
  country: 'keep',
  region: 'keep',
  city: 'keep',
  postalCode: 'mask',
  externalIds: 'hash',
  attributes: 'remove',
  consents: 'keep',
});

/**
 * Options of {@link redact} and {@link redactAll}.
 *
 * @example
 * ```ts
 * const options: RedactOptions = { salt: 'a-secret-salt', fields: { city: 'remove', phone: 'mask' } };
 * ```
 */
export interface RedactOptions {
  /** Per-field actions overriding {@link DEFAULT_REDACTION_POLICY}. */
  readonly fields?: Readonly<Partial<Record<RedactableField, RedactionAction>>>;
  /**
   * Secret salt (HMAC key) for `hash`: required with the default `hmac-sha256`. Keep it secret and stable: the same
   * salt gives the same pseudonyms, so exports can be joined without revealing the values.
   */
  readonly salt?: string;
  /**
   * `hmac-sha256` (default): HMAC-SHA-256 keyed with the salt (pseudonymous; not reversible without the salt).
   * `sha256`: plain SHA-256 of the normalised value, as ad platforms expect for customer matching (Google, Meta);
   * anyone can confirm a guessed email with it, so it is not pseudonymisation.
   */
  readonly hash?: 'hmac-sha256' | 'sha256';
  /** Region for phones without `+country` when the record has no country (for E.164 before hashing). */
  readonly defaultRegion?: string;
}

interface MinimalSubtle {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: boolean,
    usages: ['sign'],
  ): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

function subtleCrypto(): MinimalSubtle {
  const subtle = (globalThis as unknown as { crypto?: { subtle?: MinimalSubtle } }).crypto?.subtle;
  if (subtle === undefined) throw new Error('[clientele] Web Crypto (globalThis.crypto.subtle) is not available');
  return subtle;
}

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, like TextEncoder). */
export function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else code = 0xfffd;
    } else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(bytes);
}

function hex(buffer: ArrayBuffer): string {
  const view = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < view.length; i++) out += view[i]!.toString(16).padStart(2, '0');
  return out;
}

/** Hashes values with one imported key (internal; one key import per batch). */
type Hasher = (value: string) => Promise<string>;

async function createHasher(options: RedactOptions): Promise<Hasher> {
  const subtle = subtleCrypto();
  if ((options.hash ?? 'hmac-sha256') === 'sha256')
    return async (value) => hex(await subtle.digest('SHA-256', utf8(value)));
  if (options.salt === undefined || options.salt === '')
    throw new TypeError('[clientele] hashing with hmac-sha256 needs a non-empty salt');
  const key = await subtle.importKey('raw', utf8(options.salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (value) => hex(await subtle.sign('HMAC', key, utf8(value)));
}

/**
 * A hex digest of one value: HMAC-SHA-256 with the salt (default) or plain SHA-256. The value is hashed as given
 * (normalise it first, e.g. with {@link normalizeEmail}).
 *
 * @example
 * ```ts
 * await hashValue('ann@example.com', { hash: 'sha256' })
 * //=> '71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476'
 * await hashValue('ann@example.com', { salt: 'k3y' })
 * //=> '05b7b9620c06e46bf452db3b5d45cfc224934bb252999c8be5c3fe14816025a7' (HMAC-SHA-256)
 * ```
 */
export async function hashValue(value: string, options: Pick<RedactOptions, 'salt' | 'hash'> = {}): Promise<string> {
  return (await createHasher(options))(value);
}

function maskText(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= 2) return '*'.repeat(chars.length);
  if (chars.length <= 4) return `${chars[0]!}${'*'.repeat(chars.length - 1)}`;
  return `${chars[0]!}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]!}`;
}

function maskField(field: RedactableField, value: string): string {
  switch (field) {
    case 'email': {
      const normalized = normalizeEmail(value);
      const address = E.isRight(normalized) ? normalized.right : cleanText(value);
      const at = address.lastIndexOf('@');
      if (at <= 0) return maskText(address);
      return `${Array.from(address.slice(0, at))[0]!}***${address.slice(at)}`;
    }
    case 'phone': {
      const digits = value.replace(/\D/g, '');
      return digits.length <= 4 ? '*'.repeat(digits.length) : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
    }
    case 'name':
    case 'firstName':
    case 'lastName':
      return cleanText(value)
        .split(' ')
        .filter((part) => part !== '')
        .map((part) => `${Array.from(part)[0]!}.`)
        .join(' ');
    case 'birthDate':
      return /^\d{4}/.test(value) ? value.slice(0, 4) : maskText(value);
    case 'postalCode': {
      const clean = cleanText(value).toUpperCase();
      return clean.includes(' ') ? clean.split(' ')[0]! : clean.slice(0, Math.min(3, Math.max(1, clean.length - 2)));
    }
    default:
      return maskText(value);
  }
}

function hashInput(field: RedactableField, value: string, record: Customer, defaultRegion: string | undefined): string {
  if (field === 'email') {
    const email = normalizeEmail(value);
    return E.isRight(email) ? email.right : cleanText(value).toLowerCase();
  }
  if (field === 'phone') {
    const country = record.country === undefined ? undefined : normalizeCountry(record.country);
    const region = country !== undefined && E.isRight(country) ? country.right : defaultRegion;
    const phone = normalizePhone(value, { defaultRegion: region });
    return E.isRight(phone) ? phone.right : value.replace(/[^\d+]/g, '');
  }
  return cleanText(value);
}

const ACTIONS = new Set<RedactionAction>(['keep', 'remove', 'mask', 'hash']);
const STRING_FIELDS: readonly RedactableField[] = [
  'id',
  'sourceRecordId',
  'email',
  'phone',
  'name',
  'firstName',
  'lastName',
  'birthDate',
  'gender',
  'occupation',
  'country',
  'region',
  'city',
  'postalCode',
];

function policyOf(options: RedactOptions): Record<RedactableField, RedactionAction> {
  const policy = { ...DEFAULT_REDACTION_POLICY, ...options.fields };
  for (const [field, action] of Object.entries(policy)) {
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_REDACTION_POLICY, field))
      throw new TypeError(`[clientele] unknown redactable field: ${field}`);
    if (!ACTIONS.has(action))
      throw new TypeError(`[clientele] unknown redaction action for ${field}: ${action as string}`);
  }
  if (policy.id === 'remove') throw new TypeError('[clientele] id cannot be removed (hash it instead)');
  if (policy.consents === 'mask' || policy.consents === 'hash')
    throw new TypeError('[clientele] consents can only be kept or removed');
  return policy;
}

async function redactWith(
  record: Customer,
  policy: Record<RedactableField, RedactionAction>,
  hasher: Hasher | undefined,
  options: RedactOptions,
): Promise<Customer> {
  const out = new Map<string, unknown>(Object.entries(record));
  const apply = async (field: RedactableField, value: string): Promise<string | undefined> => {
    switch (policy[field]) {
      case 'keep':
        return value;
      case 'remove':
        return undefined;
      case 'mask':
        return maskField(field, value);
      case 'hash':
        return hasher!(hashInput(field, value, record, options.defaultRegion));
    }
  };
  for (const field of STRING_FIELDS) {
    const value = (record as Record<string, unknown>)[field];
    if (typeof value !== 'string') continue;
    const result = await apply(field, value);
    if (result === undefined) out.delete(field);
    else out.set(field, result);
  }
  for (const container of ['externalIds', 'attributes'] as const) {
    const values = record[container];
    if (values === undefined) continue;
    const action = policy[container];
    if (action === 'remove') {
      out.delete(container);
      continue;
    }
    if (action === 'keep') continue;
    const next: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      if (value === null || value === undefined) next[key] = value;
      else next[key] = action === 'mask' ? maskText(String(value)) : await hasher!(cleanText(String(value)));
    }
    out.set(container, next);
  }
  if (policy.consents === 'remove') out.delete('consents');
  return Object.fromEntries(out) as Customer;
}

/**
 * Redacts one customer record for export by a policy (default {@link DEFAULT_REDACTION_POLICY}): fields are kept,
 * removed, masked or hashed. Hashing uses Web Crypto: HMAC-SHA-256 keyed with `salt` (default) or plain SHA-256.
 * Works in Node ≥ 19 and browsers; async because Web Crypto is. Throws a TypeError for an invalid policy or a
 * missing salt.
 *
 * @example
 * ```ts
 * await redact(
 *   { id: 'c1', email: 'Ann.Lee@example.com', phone: '+44 20 7946 0018', name: 'Ann Lee', birthDate: '1988-04-12', postalCode: 'SW1A 1AA' },
 *   { salt: 'a-secret-salt', fields: { phone: 'mask' } },
 * )
 * //=> { id: 'c1', email: '739dc54f36f60121e329dad522b06be40c9113e9ca9c1fdbc7b4d05a045edf60', phone: '********0018',
 * //     birthDate: '1988', postalCode: 'SW1A' }
 * ```
 */
export async function redact(record: Customer, options: RedactOptions = {}): Promise<Customer> {
  const policy = policyOf(options);
  const needsHash = Object.values(policy).includes('hash');
  return redactWith(record, policy, needsHash ? await createHasher(options) : undefined, options);
}

/**
 * Redacts many records with one policy (the HMAC key is imported once).
 *
 * @example
 * ```ts
 * const exported = await redactAll(resolution.goldenRecords.map((g) => g.customer), { salt: process.env.EXPORT_SALT });
 * ```
 */
export async function redactAll(records: readonly Customer[], options: RedactOptions = {}): Promise<Customer[]> {
  const policy = policyOf(options);
  const needsHash = Object.values(policy).includes('hash');
  const hasher = needsHash ? await createHasher(options) : undefined;
  const out: Customer[] = [];
  for (const record of records) out.push(await redactWith(record, policy, hasher, options));
  return out;
}
