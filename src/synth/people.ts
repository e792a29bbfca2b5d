/**
 * Profiles and source records with realistic dirt. Every person has a canonical shop record (the id their
 * transactions use); some also appear as a second shop account, in the CRM, at a store's till or at the support desk,
 * each source writing the person its own way:
 *
 * - e-mails: mixed case, surrounding spaces, Gmail dot and `+tag` aliases, `googlemail.com`, or another address;
 *   a mailbox belongs to one person only (an address that would reach another person's mailbox gets a number
 *   appended, `anna.mueller2@gmail.com`), so only junk addresses are shared between persons;
 * - phones: local formats with trunk prefixes and separators (`0151 23456789`, `06 12 34 56 78`, `(415) 734-5678`,
 *   `090-1234-5678`), E.164, `00` prefixes; the record's country tells how to read them;
 * - names: `MÜLLER, Anna`, `anna mueller`, `A. Müller`, honorifics (`Frau`, `Mr`, `先生`, `様`), Chinese and Japanese
 *   names in their script, romanised, with full-width spaces or full-width Latin letters (`Ｗａｎｇ\u3000Ｆａｎｇ`, with an ideographic space);
 * - countries as codes, names or lower case; regions as names or ISO 3166-2 codes; gender as words or letters;
 * - junk identifiers (`test@test.com`, `000000`, `1900-01-01` birth dates) in a few records, and stores' own phone
 *   numbers typed into several customers' records (a shared identifier that must not link them).
 *
 * All draws come from the `profiles` stream.
 *
 * @module
 */
import { MS_PER_DAY, isoDateOfDayNumber, type Consent, type Customer, type Rng } from '../core/index.js';
import type { ComplaintSimulation } from './complaints.js';
import { sequenceId, syntheticCustomerId } from './ids.js';
import {
  ACQUISITION_CHANNELS,
  CONSENT_PURPOSES,
  COUNTRIES,
  JUNK_EMAILS,
  JUNK_PHONES,
  OCCUPATIONS,
  type CityData,
  type CountryData,
  type LocalName,
  type PostalFormat,
  type RegionData,
} from './locales.js';
import type { ResolvedSynthOptions } from './options.js';
import { formatPhone, landlineNumber, mobileNumber, type PhoneDigits, type PhoneStyle } from './phones.js';
import { NAME_CHINESE, NAME_JAPANESE, type PurchaseSimulation } from './purchases.js';
import { streamFor } from './streams.js';

/**
 * The source records of a base and what other parts of the generator need from the profiles.
 *
 * @example
 * ```ts
 * const people = generatePeople(sim, config, ids, complaints);
 * people.recordIds[0]![0] //=> 'C0000001'
 * ```
 */
export interface PeopleResult {
  /** Source records: shop (canonical, then second accounts), crm, store, support. */
  readonly customers: Customer[];
  /** Per person, the ids of all their records (canonical first). */
  readonly recordIds: string[][];
  /** Per person, the canonical record's signup instant. */
  readonly signupAt: Float64Array;
  /** Per person, 1 when e-mail marketing consent is granted on the canonical record. */
  readonly emailConsent: Uint8Array;
}

const CHINA = COUNTRIES.find((c) => c.code === 'CN')!;
const JAPAN = COUNTRIES.find((c) => c.code === 'JP')!;
const CHANNEL_WEIGHTS = ACQUISITION_CHANNELS.map(([, w]) => w);

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' };

/**
 * ASCII folding of a Latin name for e-mail local parts and careless data entry: German umlauts as `ae`/`oe`/`ue`,
 * other diacritics dropped, lower case, only letters, digits and spaces kept.
 *
 * @example
 * ```ts
 * asciiFold('Müller') //=> 'mueller'
 * asciiFold("O'Brien") //=> 'obrien'
 * asciiFold('Yōko') //=> 'yoko'
 * ```
 */
export function asciiFold(text: string): string {
  return text
    .replace(/[äöüßÄÖÜ]/g, (ch) => UMLAUTS[ch] ?? ch)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '');
}

/** ASCII folds of every Latin name in the locale tables, computed once (names are drawn only from these tables). */
const FOLDED_NAMES: ReadonlyMap<string, string> = new Map(
  COUNTRIES.flatMap((c) => [...c.femaleNames, ...c.maleNames, ...c.familyNames]).map((n) => [n.latin, asciiFold(n.latin)]),
);

const folded = (name: string): string => FOLDED_NAMES.get(name) ?? asciiFold(name);

/**
 * Full-width form of ASCII text: letters, digits and punctuation to U+FF01–U+FF5E, spaces to the ideographic space.
 *
 * @example
 * ```ts
 * toFullWidth('Wang Fang') //=> 'Ｗａｎｇ\u3000Ｆａｎｇ'
 * ```
 */
export function toFullWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += ch === ' ' ? '\u3000' : code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
  }
  return out;
}

/**
 * A postal code in a format.
 *
 * @example
 * ```ts
 * postalCode({ kind: 'numeric', from: 1000001, to: 1000001, width: 7, dash: 3 }, createRng(1)) //=> '100-0001'
 * ```
 */
export function postalCode(format: PostalFormat, rng: Rng): string {
  switch (format.kind) {
    case 'numeric': {
      const text = String(format.from + rng.integer(format.to - format.from + 1)).padStart(format.width, '0');
      return format.dash === undefined ? text : `${text.slice(0, format.dash)}-${text.slice(format.dash)}`;
    }
    case 'gb':
      return `${rng.pick(format.outward)} ${1 + rng.integer(9)}${'ABDEFGHJLNPQRSTUWXYZ'.charAt(rng.integer(20))}${'ABDEFGHJLNPQRSTUWXYZ'.charAt(rng.integer(20))}`;
    case 'nl':
      return `${format.from + rng.integer(format.to - format.from + 1)} ${'ABCDEFGHJKLMNPRSTVWXZ'.charAt(rng.integer(21))}${'ABCDEFGHJKLMNPRSTVWXZ'.charAt(rng.integer(21))}`;
  }
}

/** Weights of each country's e-mail domains and regions, computed once. */
const DOMAIN_WEIGHTS = new Map(COUNTRIES.map((c) => [c.code, c.emailDomains.map(([, w]) => w)]));
const REGION_WEIGHTS = new Map(COUNTRIES.map((c) => [c.code, c.regions.map((r) => r.weight)]));

const capitalise = (s: string): string => (s === '' ? s : s.charAt(0).toUpperCase() + s.slice(1));

interface Person {
  readonly canonicalId: string;
  readonly country: CountryData;
  readonly culture: number;
  readonly gender: 'female' | 'male' | 'diverse' | undefined;
  readonly given: LocalName;
  readonly family: LocalName;
  readonly birthDay: number;
  readonly region: RegionData;
  readonly city: CityData;
  readonly email: string;
  readonly phone: PhoneDigits;
  readonly loyaltyCard: string | undefined;
}

function emailFor(rng: Rng, country: CountryData, given: LocalName, family: LocalName, birthDay: number): string {
  const domain = country.emailDomains[rng.weightedIndex(DOMAIN_WEIGHTS.get(country.code)!)]![0];
  if (domain === 'qq.com' && rng.uniform() < 0.7) return `${1 + rng.integer(9)}${String(rng.integer(10 ** (4 + rng.integer(5)))).padStart(4, '0')}@qq.com`;
  const first = folded(given.latin).replace(/ /g, '');
  const last = folded(family.latin).replace(/ /g, '');
  const year = String(1970 + Math.floor(birthDay / 365.2425)).slice(2);
  const u = rng.uniform();
  const local =
    u < 0.35
      ? `${first}.${last}`
      : u < 0.5
        ? `${first}${last}`
        : u < 0.6
          ? `${first.charAt(0)}.${last}`
          : u < 0.68
            ? `${first}_${last}`
            : u < 0.8
              ? `${first}.${last}${year}`
              : u < 0.88
                ? `${last}.${first}`
                : `${first}${10 + rng.integer(90)}`;
  return `${local}@${domain}`;
}

/**
 * The mailbox an address reaches: trimmed, lower case, Gmail dots and `+tags` dropped, `googlemail.com` folded onto
 * `gmail.com` (the way identity resolution reads addresses).
 */
function mailboxKey(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  const domain = lower.slice(at + 1);
  if (domain !== 'gmail.com' && domain !== 'googlemail.com') return lower;
  const local = lower.slice(0, at).split('+')[0]!.replace(/\./g, '');
  return `${local}@gmail.com`;
}

/**
 * Who owns which mailbox: every address generated for a person is claimed for them, so two persons never share a
 * mailbox (junk addresses such as `test@test.com` are the only shared ones, on purpose). A collision appends the
 * smallest number (2, 3, …) to the local part that makes the address free — deterministic, no random draw.
 */
class MailboxOwners {
  private readonly owners = new Map<string, number>();

  claim(address: string, person: number): string {
    const at = address.lastIndexOf('@');
    let candidate = address;
    for (let suffix = 2; ; suffix++) {
      const key = mailboxKey(candidate);
      const owner = this.owners.get(key);
      if (owner === undefined) this.owners.set(key, person);
      if (owner === undefined || owner === person) return candidate;
      candidate = `${address.slice(0, at)}${String(suffix)}${address.slice(at)}`;
    }
  }
}

/** Another way the same person's address gets written (or another address of theirs, claimed for them). */
function emailVariant(rng: Rng, person: Person, tag: string, owners: MailboxOwners, owner: number): string {
  const email = person.email;
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const u = rng.uniform();
  if (u < 0.3) return email;
  if (domain === 'gmail.com' && u < 0.62) {
    const v = rng.uniform();
    if (v < 0.4) return `${local.replace(/\./g, '')}@gmail.com`;
    if (v < 0.8) return `${local}+${tag}@gmail.com`;
    return `${local}@googlemail.com`;
  }
  if (u < 0.75) {
    const v = rng.uniform();
    if (v < 0.4) return `${local.split('.').map(capitalise).join('.')}@${domain}`;
    if (v < 0.7) return `${local}@${domain.toUpperCase()}`;
    return email.toUpperCase();
  }
  if (u < 0.85) return ` ${email} `;
  const other = emailFor(rng, person.country, person.given, person.family, person.birthDay);
  return owners.claim(other === email ? `${local}${1 + rng.integer(9)}@${domain}` : other, owner);
}

function phoneIn(rng: Rng, person: Person, styles: readonly PhoneStyle[]): string {
  return formatPhone(person.country, person.phone, rng.pick(styles));
}

/** The honorific of the person's name culture and gender (`Frau`, `Mr`, `女士`, `様`, ...). */
function honorific(person: Person): string {
  const culture = person.culture === NAME_CHINESE ? CHINA : person.culture === NAME_JAPANESE ? JAPAN : person.country;
  const h = culture.honorifics;
  return person.gender === 'female' ? h.female : person.gender === 'male' ? h.male : h.other;
}

/** Name fields of the canonical record. */
function canonicalName(rng: Rng, person: Person): Pick<Customer, 'name' | 'firstName' | 'lastName'> {
  const { given, family } = person;
  if (person.culture === NAME_CHINESE) return { name: family.native + given.native, firstName: given.native, lastName: family.native };
  if (person.culture === NAME_JAPANESE) return { name: `${family.native} ${given.native}`, firstName: given.native, lastName: family.native };
  const full = `${given.latin} ${family.latin}`;
  return { name: rng.uniform() < 0.04 ? `${person.country.honorifics.other} ${full}` : full, firstName: given.latin, lastName: family.latin };
}

function crmName(rng: Rng, person: Person): Pick<Customer, 'name' | 'firstName' | 'lastName'> {
  const { given, family } = person;
  if (person.culture !== 0) {
    if (rng.uniform() < 0.5) return { name: `${family.latin.toUpperCase()} ${given.latin}`, firstName: given.latin, lastName: family.latin };
    const sep = person.culture === NAME_JAPANESE ? '\u3000' : '';
    return { name: family.native + sep + given.native, firstName: given.native, lastName: family.native };
  }
  const u = rng.uniform();
  const name =
    u < 0.4
      ? `${family.latin.toUpperCase()}, ${given.latin}`
      : u < 0.8
        ? `${given.latin} ${family.latin}`
        : `${honorific(person)} ${given.latin} ${family.latin}`;
  return { name, firstName: given.latin, lastName: family.latin };
}

function storeName(rng: Rng, person: Person): string {
  const { given, family } = person;
  const u = rng.uniform();
  if (person.culture !== 0) {
    if (u < 0.3) return toFullWidth(`${family.latin} ${given.latin}`);
    if (u < 0.7) return `${family.native}\u3000${given.native}`;
    return person.culture === NAME_JAPANESE ? `${family.native} ${given.native}` : family.native + given.native;
  }
  if (u < 0.4) return `${folded(given.latin)} ${folded(family.latin)}`;
  if (u < 0.8) return `${given.latin} ${family.latin}`;
  return `${given.latin.charAt(0)}. ${family.latin}`;
}

function supportName(rng: Rng, person: Person): string {
  const { given, family } = person;
  const u = rng.uniform();
  if (person.culture === NAME_CHINESE) return u < 0.4 ? family.native + honorific(person) : `${family.native} ${given.native}`;
  if (person.culture === NAME_JAPANESE) return u < 0.5 ? `${family.native} ${given.native}${honorific(person)}` : `${family.latin} ${given.latin}`;
  if (u < 0.3) return given.latin;
  if (u < 0.6) return `${given.latin.charAt(0)}. ${family.latin}`;
  if (u < 0.8) return `${honorific(person)} ${family.latin}`;
  return `${given.latin} ${family.latin}`;
}

function consentsAt(rng: Rng, at: number, source: string): Consent[] {
  return CONSENT_PURPOSES.map(({ purpose, granted, denied }) => {
    const u = rng.uniform();
    const status = u < granted ? 'granted' : u < granted + denied ? 'denied' : 'unknown';
    return { purpose, status, at, source };
  });
}

const toSecond = (ms: number): number => Math.round(ms / 1000) * 1000;

/** A time uniformly between `from` and `to` (to whole seconds, never after `to`). */
function between(rng: Rng, from: number, to: number): number {
  if (to <= from) return from;
  return Math.min(to, toSecond(from + rng.uniform() * (to - from)));
}

/**
 * Generates the source records of every person of a simulation.
 *
 * @example
 * ```ts
 * const config = resolveSynthOptions({ seed: 1, customers: 100, asOf: '2025-01-01' });
 * const sim = simulatePurchases(config);
 * const ids = canonicalCustomerIds(100);
 * generatePeople(sim, config, ids, simulateComplaints(sim, config, ids)).customers.length // ≈ 150
 * ```
 */
export function generatePeople(
  sim: PurchaseSimulation,
  config: ResolvedSynthOptions,
  customerIds: readonly string[],
  complaints: ComplaintSimulation,
): PeopleResult {
  const rng = streamFor(config.seed, 'profiles');
  const asOf = config.asOf;
  const asOfDay = Math.floor(asOf / MS_PER_DAY);
  const n = sim.customers;
  const rates = config.duplicates;
  const junkRate = config.junkRate;

  // Each city's store has its own landline number (drawn first, so it does not depend on the persons).
  const storePhones = COUNTRIES.map((country) => country.regions.map((region) => region.cities.map((city) => landlineNumber(country, city, rng))));

  const shop: Customer[] = [];
  const shopSecond: Customer[] = [];
  const crm: Customer[] = [];
  const store: Customer[] = [];
  const support: Customer[] = [];
  const recordIds: string[][] = new Array<string[]>(n);
  const signupAt = new Float64Array(n);
  const emailConsent = new Uint8Array(n);

  const junkEmail = (): string => rng.pick(JUNK_EMAILS);
  const mailboxes = new MailboxOwners();
  const junkPhone = (): string => rng.pick(JUNK_PHONES);

  for (let i = 0; i < n; i++) {
    const countryIndex = sim.country[i]!;
    const country = COUNTRIES[countryIndex]!;
    const culture = sim.nameCulture[i]!;
    const names = culture === NAME_CHINESE ? CHINA : culture === NAME_JAPANESE ? JAPAN : country;
    const g = rng.uniform();
    const gender = g < 0.51 ? 'female' : g < 0.98 ? 'male' : g < 0.99 ? 'diverse' : undefined;
    const given = rng.pick(gender === 'female' ? names.femaleNames : gender === 'male' ? names.maleNames : rng.uniform() < 0.5 ? names.femaleNames : names.maleNames);
    const family = rng.pick(names.familyNames);
    const age = Math.min(90, 18 + Math.floor(rng.gamma(2.5, 1 / 9.5)));
    const birthDay = asOfDay - Math.floor(age * 365.2425) - rng.integer(365);
    const regionIndex = rng.weightedIndex(REGION_WEIGHTS.get(country.code)!);
    const region = country.regions[regionIndex]!;
    const cityIndex = rng.integer(region.cities.length);
    const city = region.cities[cityIndex]!;
    const acquiredAt = sim.latent.acquiredAt[i]!;
    const signup = toSecond(acquiredAt - (rng.uniform() < 0.6 ? (1 + 29 * rng.uniform()) * 60_000 : rng.uniform() * 60 * MS_PER_DAY));
    const email = mailboxes.claim(emailFor(rng, country, given, family, birthDay), i);
    const person: Person = {
      canonicalId: customerIds[i]!,
      country,
      culture,
      gender,
      given,
      family,
      birthDay,
      region,
      city,
      email,
      phone: mobileNumber(country, rng),
      loyaltyCard: rng.uniform() < 0.35 ? `LC${String(10_000_000 + rng.integer(90_000_000))}` : undefined,
    };
    const ids: string[] = [person.canonicalId];

    // Canonical shop record.
    const consents = consentsAt(rng, signup, 'shop');
    emailConsent[i] = consents[0]!.status === 'granted' ? 1 : 0;
    signupAt[i] = signup;
    const occupation =
      age < 25 && rng.uniform() < 0.6 ? 'student' : age >= 65 && rng.uniform() < 0.85 ? 'retired' : rng.pick(OCCUPATIONS);
    const canonical: Customer = {
      id: person.canonicalId,
      source: 'shop',
      ...canonicalName(rng, person),
      email: rng.uniform() < 0.08 ? `${email.split('@')[0]!.split('.').map(capitalise).join('.')}@${email.split('@')[1]!}` : email,
      country: country.code,
      acquisitionChannel: ACQUISITION_CHANNELS[rng.weightedIndex(CHANNEL_WEIGHTS)]![0],
      signupAt: signup,
      updatedAt: between(rng, signup, asOf),
      consents,
      attributes: { language: culture === NAME_CHINESE ? 'zh' : country.language },
    };
    if (rng.uniform() < 0.75) canonical.phone = phoneIn(rng, person, ['e164', 'international', 'national', 'national', 'national-alt']);
    if (rng.uniform() < 0.7) canonical.birthDate = isoDateOfDayNumber(birthDay);
    if (gender !== undefined && rng.uniform() < 0.9) canonical.gender = gender;
    if (rng.uniform() < 0.5) canonical.occupation = occupation;
    if (rng.uniform() < 0.85) {
      canonical.region = region.name;
      canonical.city = city.name;
      canonical.postalCode = postalCode(city.postal, rng);
    }
    if (person.loyaltyCard !== undefined && rng.uniform() < 0.5) canonical.externalIds = { loyaltyCard: person.loyaltyCard };
    if (rng.uniform() < junkRate / 2) canonical.phone = junkPhone();
    shop.push(canonical);

    // Which other sources know the person (always drawn, in a fixed order).
    const complained = complaints.perCustomer[i]!.length > 0;
    const hasSecondAccount = rng.uniform() < rates.shop;
    const inCrm = rng.uniform() < rates.crm;
    const inStore = rng.uniform() < Math.min(1, rates.store * (canonical.acquisitionChannel === 'store' ? 3 : 1));
    const inSupport = rng.uniform() < (complained ? rates.supportAfterComplaint : rates.support);

    if (hasSecondAccount) {
      const id = syntheticCustomerId(n + shopSecond.length);
      const created = between(rng, acquiredAt, asOf);
      const second: Customer = {
        id,
        source: 'shop',
        ...canonicalName(rng, person),
        email: emailVariant(rng, { ...person, email: mailboxes.claim(emailFor(rng, country, given, family, birthDay), i) }, 'shop', mailboxes, i),
        country: country.code,
        signupAt: created,
        updatedAt: between(rng, created, asOf),
        consents: consentsAt(rng, created, 'shop'),
      };
      if (rng.uniform() < 0.7) second.phone = phoneIn(rng, person, ['national', 'national-compact', 'e164']);
      if (canonical.birthDate !== undefined && rng.uniform() < 0.6) second.birthDate = canonical.birthDate;
      if (rng.uniform() < junkRate) second.email = junkEmail();
      shopSecond.push(second);
      ids.push(id);
    }

    if (inCrm) {
      const id = sequenceId('crm-', crm.length + 1);
      const created = Math.min(asOf, toSecond(signup + rng.uniform() * 30 * MS_PER_DAY));
      const record: Customer = {
        id,
        source: 'crm',
        ...crmName(rng, person),
        country: rng.pick(country.names),
        region: region.code,
        city: city.latin,
        signupAt: created,
        updatedAt: between(rng, created, asOf),
      };
      if (rng.uniform() < 0.9) record.email = emailVariant(rng, person, 'crm', mailboxes, i);
      if (rng.uniform() < 0.6) record.phone = phoneIn(rng, person, ['national', 'national-alt', 'national-compact', 'idd']);
      if (rng.uniform() < 0.5) record.birthDate = rng.uniform() < 0.02 ? '1900-01-01' : isoDateOfDayNumber(birthDay);
      if (gender !== undefined && rng.uniform() < 0.6) record.gender = gender === 'female' ? 'F' : gender === 'male' ? 'M' : 'X';
      if (rng.uniform() < 0.5) record.postalCode = postalCode(city.postal, rng);
      if (rng.uniform() < 0.3) record.occupation = occupation;
      if (rng.uniform() < 0.6) record.externalIds = { shopCustomerId: person.canonicalId };
      const emailMarketing = consents[0]!;
      const changed = rng.uniform() < 0.3;
      const changedAt = between(rng, created, asOf);
      record.consents = [
        changed
          ? { purpose: emailMarketing.purpose, status: emailMarketing.status === 'granted' ? 'denied' : 'granted', at: changedAt, source: 'crm' }
          : { ...emailMarketing, source: 'crm' },
      ];
      if (rng.uniform() < junkRate) {
        if (rng.uniform() < 0.5) record.email = junkEmail();
        else record.phone = junkPhone();
      }
      crm.push(record);
      ids.push(id);
    }

    if (inStore) {
      const id = sequenceId('store-', store.length + 1);
      const created = between(rng, acquiredAt, asOf);
      const record: Customer = {
        id,
        source: 'store',
        name: storeName(rng, person),
        country: country.code.toLowerCase(),
        city: city.name,
        signupAt: created,
        updatedAt: between(rng, created, asOf),
      };
      if (rng.uniform() < 0.5) record.email = emailVariant(rng, person, 'store', mailboxes, i);
      if (rng.uniform() < 0.85) {
        record.phone =
          rng.uniform() < config.sharedPhoneRate
            ? formatPhone(country, storePhones[countryIndex]![regionIndex]![cityIndex]!, 'national')
            : phoneIn(rng, person, ['national', 'national', 'national-compact', 'national-alt']);
      }
      if (person.loyaltyCard !== undefined && rng.uniform() < 0.7) record.externalIds = { loyaltyCard: person.loyaltyCard };
      if (rng.uniform() < 0.4) {
        const sms = consentsAt(rng, created, 'store')[1]!;
        record.consents = [sms];
      }
      if (rng.uniform() < Math.min(1, junkRate * 3)) {
        if (rng.uniform() < 0.5) record.email = junkEmail();
        else record.phone = junkPhone();
      }
      store.push(record);
      ids.push(id);
    }

    if (inSupport) {
      const id = sequenceId('sup-', support.length + 1);
      const firstComplaint = complaints.perCustomer[i]![0];
      const created = firstComplaint === undefined ? between(rng, acquiredAt, asOf) : firstComplaint.openedAt;
      const record: Customer = {
        id,
        source: 'support',
        name: supportName(rng, person),
        signupAt: created,
        updatedAt: between(rng, created, asOf),
      };
      if (rng.uniform() < 0.85) record.email = emailVariant(rng, person, 'support', mailboxes, i);
      if (rng.uniform() < 0.4) record.phone = phoneIn(rng, person, ['e164', 'international', 'national']);
      if (rng.uniform() < 0.5) record.country = country.code;
      if (rng.uniform() < junkRate) record.email = junkEmail();
      support.push(record);
      ids.push(id);
    }

    recordIds[i] = ids;
  }
  return { customers: shop.concat(shopSecond, crm, store, support), recordIds, signupAt, emailConsent };
}
