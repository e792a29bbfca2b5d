import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { createRng, type Customer } from '../../src/core/index.js';
import { COUNTRIES, JUNK_EMAILS, JUNK_PHONES } from '../../src/synth/locales.js';
import { asciiFold, postalCode, toFullWidth } from '../../src/synth/people.js';
import { formatPhone, landlineNumber, mobileNumber, type PhoneStyle } from '../../src/synth/phones.js';
import { sharedBase } from './fixtures.js';

const STYLES: readonly PhoneStyle[] = ['e164', 'international', 'national', 'national-alt', 'national-compact', 'idd'];

describe('phone numbers', () => {
  it('are valid for their country in every written style (checked with libphonenumber)', () => {
    const rng = createRng('phones');
    const invalid: string[] = [];
    for (const country of COUNTRIES) {
      for (let i = 0; i < 300; i++) {
        const region = rng.pick(country.regions);
        const digits = i % 2 === 0 ? mobileNumber(country, rng) : landlineNumber(country, rng.pick(region.cities), rng);
        const e164 = formatPhone(country, digits, 'e164');
        for (const style of STYLES) {
          const text = formatPhone(country, digits, style);
          const parsed = parsePhoneNumberFromString(text, country.code as CountryCode);
          if (parsed === undefined || !parsed.isValid() || parsed.number !== e164) invalid.push(`${country.code} ${style} ${text}`);
        }
      }
    }
    expect(invalid).toEqual([]);
  });

  it('are written the local way', () => {
    const [de, fr, , , , , us, cn, jp] = COUNTRIES as [
      (typeof COUNTRIES)[number],
      (typeof COUNTRIES)[number],
      unknown,
      unknown,
      unknown,
      unknown,
      (typeof COUNTRIES)[number],
      (typeof COUNTRIES)[number],
      (typeof COUNTRIES)[number],
    ];
    expect(formatPhone(de, { area: '151', subscriber: '23456789' }, 'national')).toBe('0151 23456789');
    expect(formatPhone(de, { area: '151', subscriber: '23456789' }, 'national-alt')).toBe('0151/23456789');
    expect(formatPhone(de, { area: '151', subscriber: '23456789' }, 'idd')).toBe('0049 15123456789');
    expect(formatPhone(fr, { area: '61', subscriber: '2345678' }, 'national')).toBe('06 12 34 56 78');
    expect(formatPhone(us, { area: '415', subscriber: '7345678' }, 'national')).toBe('(415) 734-5678');
    expect(formatPhone(cn, { area: '138', subscriber: '12345678' }, 'national')).toBe('138 1234 5678');
    expect(formatPhone(jp, { area: '90', subscriber: '12345678' }, 'national')).toBe('090-1234-5678');
    expect(formatPhone(jp, { area: '90', subscriber: '12345678' }, 'international')).toBe('+81 90 12345678');
  });
});

describe('text helpers', () => {
  it('folds Latin names to ASCII', () => {
    expect(asciiFold('Müller')).toBe('mueller');
    expect(asciiFold('Weiß')).toBe('weiss');
    expect(asciiFold('Élodie')).toBe('elodie');
    expect(asciiFold("O'Brien")).toBe('obrien');
    expect(asciiFold('Yōko')).toBe('yoko');
    expect(asciiFold('de Jong')).toBe('de jong');
  });

  it('writes full-width forms', () => {
    expect(toFullWidth('Wang Fang')).toBe('\uff37\uff41\uff4e\uff47\u3000\uff26\uff41\uff4e\uff47');
    expect(toFullWidth('王芳')).toBe('王芳');
  });

  it('writes postal codes in the local format', () => {
    const rng = createRng(1);
    expect(postalCode({ kind: 'numeric', from: 118, to: 118, width: 5 }, rng)).toBe('00118');
    expect(postalCode({ kind: 'numeric', from: 1000001, to: 1000001, width: 7, dash: 3 }, rng)).toBe('100-0001');
    expect(postalCode({ kind: 'gb', outward: ['SW1A'] }, rng)).toMatch(/^SW1A \d[A-Z]{2}$/);
    expect(postalCode({ kind: 'nl', from: 1011, to: 1011 }, rng)).toMatch(/^1011 [A-Z]{2}$/);
  });
});

describe('source records and their dirt', () => {
  const base = sharedBase();
  const byId = new Map(base.customers.map((c) => [c.id, c]));
  const recordsOf = (recordIds: readonly string[]): Customer[] => recordIds.map((id) => byId.get(id)!);
  const junkEmails = new Set(JUNK_EMAILS);
  const junkPhones = new Set(JUNK_PHONES);

  it('has every source, with the same person in several of them', () => {
    const sources = new Set(base.customers.map((c) => c.source));
    expect([...sources].sort()).toEqual(['crm', 'shop', 'store', 'support']);
    const multi = base.truth.filter((t) => t.recordIds.length > 1);
    expect(multi.length / base.truth.length).toBeGreaterThan(0.3);
    const crossSource = multi.filter((t) => new Set(recordsOf(t.recordIds).map((c) => c.source)).size > 1);
    expect(crossSource.length).toBeGreaterThan(0.25 * base.truth.length);
    expect(base.customers.filter((c) => c.source === 'shop').length).toBeGreaterThan(base.truth.length);
  });

  it('writes the same e-mail differently across sources (case, spaces, Gmail dots and +tags)', () => {
    let caseOnly = 0;
    let spaced = 0;
    let gmailDots = 0;
    let plusTag = 0;
    for (const t of base.truth) {
      const [canonical, ...others] = recordsOf(t.recordIds);
      const email = canonical!.email!.toLowerCase();
      for (const other of others) {
        const e = other.email;
        if (e === undefined || e === email) continue;
        if (e !== e.trim() && e.trim().toLowerCase() === email) spaced++;
        else if (e.toLowerCase() === email) caseOnly++;
        else if (e.endsWith('@gmail.com') && e.replace(/\./g, '') === email.replace(/\./g, '')) gmailDots++;
        else if (e.includes('+') && e.replace(/\+[^@]*/, '') === email) plusTag++;
      }
    }
    expect(caseOnly).toBeGreaterThan(50);
    expect(spaced).toBeGreaterThan(20);
    expect(gmailDots).toBeGreaterThan(10);
    expect(plusTag).toBeGreaterThan(10);
    expect(base.customers.some((c) => c.email !== undefined && /[A-Z]/.test(c.email) && c.source === 'shop')).toBe(true);
  });

  it('never gives two persons the same mailbox (apart from junk addresses), while a person\'s records share theirs', () => {
    const mailbox = (address: string): string => {
      const lower = address.trim().toLowerCase();
      const at = lower.lastIndexOf('@');
      const domain = lower.slice(at + 1);
      if (domain !== 'gmail.com' && domain !== 'googlemail.com') return lower;
      return `${lower.slice(0, at).split('+')[0]!.replace(/\./g, '')}@gmail.com`;
    };
    const owner = new Map<string, string>();
    const shared: string[] = [];
    let sameAsCanonical = 0;
    for (const t of base.truth) {
      const records = recordsOf(t.recordIds);
      const canonical = mailbox(records[0]!.email!);
      for (const record of records) {
        if (record.email === undefined || junkEmails.has(record.email)) continue;
        const key = mailbox(record.email);
        if (record !== records[0] && key === canonical) sameAsCanonical++;
        const previous = owner.get(key);
        if (previous !== undefined && previous !== t.customerId) shared.push(`${key}: ${previous} and ${t.customerId}`);
        owner.set(key, t.customerId);
      }
    }
    expect(shared).toEqual([]);
    expect(sameAsCanonical).toBeGreaterThan(0.2 * base.truth.length);
    // Collisions of name-based addresses were resolved by appending a number.
    expect(base.customers.some((c) => c.email !== undefined && /[a-z]\d@/.test(c.email) && c.source === 'shop')).toBe(true);
  });

  it('writes phones in local formats with a country to read them, valid apart from junk', () => {
    const withPhone = base.customers.filter((c) => c.phone !== undefined && !junkPhones.has(c.phone));
    const local = withPhone.filter((c) => !c.phone!.startsWith('+') && !c.phone!.startsWith('00'));
    expect(local.length / withPhone.length).toBeGreaterThan(0.5);
    const countryCode = (c: Customer): CountryCode | undefined => {
      const value = c.country?.trim();
      if (value === undefined) return undefined;
      const match = COUNTRIES.find((k) => k.code === value.toUpperCase() || k.names.includes(value));
      return match?.code as CountryCode | undefined;
    };
    const readable = withPhone.filter((c) => c.phone!.startsWith('+') || countryCode(c) !== undefined);
    const invalid = readable.filter((c) => !(parsePhoneNumberFromString(c.phone!, countryCode(c)) ?? { isValid: () => false }).isValid());
    expect(invalid.map((c) => `${c.id} ${c.country} ${c.phone}`)).toEqual([]);
  });

  it('has the same store phone typed into several persons’ records', () => {
    const owner = new Map<string, number>();
    base.truth.forEach((t, i) => {
      for (const id of t.recordIds) owner.set(id, i);
    });
    const persons = new Map<string, Set<number>>();
    for (const c of base.customers) {
      if (c.phone === undefined || junkPhones.has(c.phone)) continue;
      const set = persons.get(c.phone) ?? new Set<number>();
      set.add(owner.get(c.id)!);
      persons.set(c.phone, set);
    }
    const shared = [...persons.values()].filter((set) => set.size >= 3);
    expect(shared.length).toBeGreaterThan(3);
  });

  it('has name variants: CRM style, lower case, honorifics, CJK names in script, romanised and full-width', () => {
    const names = base.customers.map((c) => c.name ?? '');
    expect(names.some((n) => /^[A-ZÄÖÜ' ]+, \S/.test(n))).toBe(true);
    expect(names.some((n) => /^(Frau|Herr|Mr|Mrs|Ms\.|Mme|M\.|Sr\.|Sra\.) /.test(n))).toBe(true);
    expect(names.some((n) => /^[a-z]+ [a-z ]+$/.test(n))).toBe(true);
    expect(names.some((n) => /^[\u4e00-\u9fff]{2,4}$/.test(n))).toBe(true);
    expect(names.some((n) => /(女士|先生)$/.test(n))).toBe(true);
    expect(names.some((n) => n.includes('\u3000'))).toBe(true);
    expect(names.some((n) => /[\uff21-\uff5a]/.test(n))).toBe(true);
    // A Chinese-named person appears both in script and romanised.
    const both = base.truth.some((t) => {
      const ns = recordsOf(t.recordIds).map((c) => c.name ?? '');
      return ns.some((n) => /[\u4e00-\u9fff]/.test(n)) && ns.some((n) => /^[A-Z]+ [A-Z][a-z]+$/.test(n));
    });
    expect(both).toBe(true);
  });

  it('has junk identifiers in a few records', () => {
    const junk = base.customers.filter((c) => (c.email !== undefined && junkEmails.has(c.email)) || (c.phone !== undefined && junkPhones.has(c.phone)));
    expect(junk.length).toBeGreaterThan(20);
    expect(junk.length / base.customers.length).toBeLessThan(0.03);
    expect(base.customers.some((c) => c.email === 'test@test.com')).toBe(true);
    expect(base.customers.some((c) => c.phone === '000000')).toBe(true);
    expect(base.customers.some((c) => c.birthDate === '1900-01-01')).toBe(true);
  });

  it('writes countries, regions and gender differently per source', () => {
    const crm = base.customers.filter((c) => c.source === 'crm');
    const store = base.customers.filter((c) => c.source === 'store');
    expect(crm.some((c) => c.country === 'Germany' || c.country === 'Deutschland')).toBe(true);
    expect(crm.every((c) => /^[A-Z]{2}-[A-Z0-9]{2,3}$/.test(c.region ?? 'XX-XX'))).toBe(true);
    expect(crm.some((c) => c.gender === 'F')).toBe(true);
    expect(store.every((c) => c.country === c.country?.toLowerCase())).toBe(true);
  });

  it('gives canonical records full profiles: age, gender, region, city, occupation, channel, signup, consents', () => {
    const shop = base.customers.slice(0, base.truth.length);
    expect(shop.every((c, i) => c.id === base.truth[i]!.customerId && c.source === 'shop')).toBe(true);
    const share = (f: (c: Customer) => boolean): number => shop.filter(f).length / shop.length;
    expect(share((c) => c.birthDate !== undefined)).toBeGreaterThan(0.6);
    expect(share((c) => c.gender !== undefined)).toBeGreaterThan(0.8);
    expect(share((c) => c.region !== undefined && c.city !== undefined)).toBeGreaterThan(0.8);
    expect(share((c) => c.occupation !== undefined)).toBeGreaterThan(0.4);
    expect(share((c) => c.acquisitionChannel !== undefined && c.signupAt !== undefined)).toBe(1);
    expect(share((c) => (c.consents ?? []).length === 4)).toBe(1);
    const ages = shop.filter((c) => c.birthDate !== undefined).map((c) => (base.asOf - Date.parse(c.birthDate!)) / (365.25 * 86_400_000));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThan(92);
    const statuses = new Set(shop.flatMap((c) => (c.consents ?? []).map((k) => k.status)));
    expect([...statuses].sort()).toEqual(['denied', 'granted', 'unknown']);
  });

  it('gives support records to most people who complained', () => {
    const complainers = new Set(base.complaints.map((c) => c.customerId));
    const withSupport = base.truth.filter((t) => complainers.has(t.customerId) && recordsOf(t.recordIds).some((c) => c.source === 'support'));
    expect(withSupport.length / complainers.size).toBeGreaterThan(0.45);
  });
});
