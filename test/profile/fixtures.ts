/**
 * Seeded generator of dirty multi-source customer records with known truth, for tests and benchmarks of the profile
 * module: duplicates across sources with formatting variations, junk identifiers, a shared store phone, invalid
 * values and records without ids.
 */
import { createRng, type Customer, type Rng } from '../../src/core/index.js';

const FIRST = [
  'Ann',
  'Bob',
  'Carla',
  'David',
  'Emma',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemal',
  'Lena',
  'Maya',
  'Noah',
  'Olga',
  'Pedro',
  'Qing',
  'Rosa',
  'Sven',
  'Tara',
  'José',
  'Zoë',
];
const LAST = [
  'Lee',
  'Smith',
  'García',
  'Müller',
  'Rossi',
  'Dubois',
  'Tanaka',
  'Kowalski',
  "O'Brien",
  'Novak',
  'Silva',
  'Jensen',
  'Costa',
  'Nguyen',
  'Ivanova',
  'van Dijk',
];
const CJK_FAMILY = ['王', '李', '张', '刘', '陈', '杨', '田中', '佐藤'];
const CJK_GIVEN = ['小明', '丽', '伟', '芳', '太郎', '花子', '建国', '静'];
const DOMAINS = [
  'gmail.com',
  'outlook.com',
  'yahoo.co.uk',
  'web.de',
  'qq.com',
  '163.com',
  'orange.fr',
  'icloud.com',
  'mail.example-shop.co',
];
const COUNTRIES = ['GB', 'US', 'CN', 'DE', 'FR', 'JP'] as const;
const COUNTRY_FORMS: Record<(typeof COUNTRIES)[number], readonly string[]> = {
  GB: ['GB', 'gb', 'GBR', 'United Kingdom', 'UK', 'Great Britain'],
  US: ['US', 'USA', 'United States', 'United States of America', 'us'],
  CN: ['CN', 'CHN', 'China', '中国', 'ＣＮ'],
  DE: ['DE', 'DEU', 'Germany', 'Deutschland'],
  FR: ['FR', 'FRA', 'France'],
  JP: ['JP', 'JPN', 'Japan', '日本'],
};
const SOURCES = ['crm', 'support', 'store'] as const;
const US_AREAS = ['212', '310', '415', '646', '702', '305', '617', '312'];

/** One person behind the records. */
export interface Person {
  readonly index: number;
  readonly first: string;
  readonly last: string;
  readonly cjk: boolean;
  readonly email: string;
  readonly country: (typeof COUNTRIES)[number];
  readonly phoneDigits: string;
  readonly birthDate: string;
}

/** Generated records with the person behind each one (-1: records that must not link to anyone by design). */
export interface DirtyRecords {
  readonly records: Customer[];
  /** Person index of each record (same order as `records`). */
  readonly personOf: number[];
  readonly people: Person[];
  /** The shared store phone put on many unrelated records. */
  readonly storePhone: string;
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.integer(10));
  return s;
}

function nationalPhone(rng: Rng, country: (typeof COUNTRIES)[number]): string {
  switch (country) {
    case 'GB':
      return `0207${digits(rng, 7)}`;
    case 'US': {
      const exchange = `${2 + rng.integer(8)}${digits(rng, 2)}`;
      return `${rng.pick(US_AREAS)}${exchange === '555' ? '556' : exchange}${digits(rng, 4)}`;
    }
    case 'CN':
      return `13${5 + rng.integer(5)}${digits(rng, 8)}`;
    case 'DE':
      return `030${digits(rng, 8)}`;
    case 'FR':
      return `06${digits(rng, 8)}`;
    case 'JP':
      return `03${1 + rng.integer(9)}${digits(rng, 7)}`;
  }
}

const CALLING: Record<(typeof COUNTRIES)[number], string> = {
  GB: '44',
  US: '1',
  CN: '86',
  DE: '49',
  FR: '33',
  JP: '81',
};

function internationalPhone(person: Person): string {
  const national = person.phoneDigits;
  const trunk = person.country === 'US' ? national : national.slice(1);
  return `+${CALLING[person.country]}${trunk}`;
}

function formatPhone(rng: Rng, person: Person): string {
  const national = person.phoneDigits;
  switch (rng.integer(5)) {
    case 0:
      return national;
    case 1:
      return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
    case 2:
      return internationalPhone(person);
    case 3: {
      const intl = internationalPhone(person);
      return `${intl.slice(0, 3)} ${intl.slice(3, 6)}-${intl.slice(6)}`;
    }
    default:
      // Full-width digits, as typed with a CJK input method.
      return national.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  }
}

function emailVariant(rng: Rng, email: string): string {
  const [local, domain] = email.split('@') as [string, string];
  switch (rng.integer(5)) {
    case 0:
      return email.toUpperCase();
    case 1:
      return ` ${email} `;
    case 2:
      return domain === 'gmail.com'
        ? `${local.replace('.', '')}+shop@googlemail.com`
        : `${local}@${domain.toUpperCase()}`;
    case 3:
      return domain === 'gmail.com' ? `${local}.x+news@gmail.com`.replace('.x+', '+') : email;
    default:
      return email;
  }
}

function nameVariant(rng: Rng, person: Person): Partial<Customer> {
  if (person.cjk) {
    switch (rng.integer(3)) {
      case 0:
        return { name: `${person.last}${person.first}` };
      case 1:
        return { name: `${person.last} ${person.first}先生` };
      default:
        return { firstName: person.first, lastName: person.last };
    }
  }
  switch (rng.integer(5)) {
    case 0:
      return { name: `${person.first} ${person.last}`.toUpperCase() };
    case 1:
      return { name: `${person.last}, ${person.first}` };
    case 2:
      return { name: `Dr. ${person.first}  ${person.last}` };
    case 3:
      return { firstName: person.first, lastName: person.last };
    default:
      return {
        name: `${person.first} ${person.last}`.replace(/[A-Za-z]/g, (ch) =>
          String.fromCharCode(ch.charCodeAt(0) + 0xfee0),
        ),
      };
  }
}

/**
 * Generates `people` persons and their records: one shop record each (`C0000001`...), plus duplicates in other
 * sources with probability `duplicateRate`, junk values, a shared store phone and a few invalid records.
 */
export function generateDirtyRecords(options: {
  readonly seed: number | string;
  readonly people: number;
  readonly duplicateRate?: number;
  readonly asOf?: number;
  readonly junk?: boolean;
}): DirtyRecords {
  const rng = createRng(options.seed);
  const asOf = options.asOf ?? Date.UTC(2024, 5, 30);
  const duplicateRate = options.duplicateRate ?? 0.35;
  const junk = options.junk ?? true;
  const people: Person[] = [];
  const records: Customer[] = [];
  const personOf: number[] = [];
  const storePhone = '020 7946 0999';
  let seq = 0;
  for (let p = 0; p < options.people; p++) {
    const cjk = rng.uniform() < 0.15;
    const first = cjk ? rng.pick(CJK_GIVEN) : rng.pick(FIRST);
    const last = cjk ? rng.pick(CJK_FAMILY) : rng.pick(LAST);
    const country = cjk ? (rng.uniform() < 0.7 ? 'CN' : 'JP') : rng.pick(COUNTRIES);
    const ascii = (s: string): string =>
      s
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase();
    const localBase = cjk ? `user${p}` : `${ascii(first)}.${ascii(last)}`;
    const email = `${localBase}${p}@${rng.pick(DOMAINS)}`;
    const year = 1950 + rng.integer(55);
    const birthDate = `${year}-${String(1 + rng.integer(12)).padStart(2, '0')}-${String(1 + rng.integer(28)).padStart(2, '0')}`;
    const person: Person = {
      index: p,
      first,
      last,
      cjk,
      email,
      country,
      phoneDigits: nationalPhone(rng, country),
      birthDate,
    };
    people.push(person);
    const shopId = `C${String(p + 1).padStart(7, '0')}`;
    const signupAt = asOf - rng.integer(1500) * 86_400_000;
    const shop: Customer = {
      id: shopId,
      source: 'shop',
      email: person.email,
      ...(rng.uniform() < 0.8 ? { phone: formatPhone(rng, person) } : {}),
      ...nameVariant(rng, person),
      ...(rng.uniform() < 0.7 ? { birthDate: person.birthDate } : {}),
      country: rng.pick(COUNTRY_FORMS[country]),
      signupAt,
      updatedAt: signupAt + rng.integer(300) * 86_400_000,
      ...(rng.uniform() < 0.5
        ? {
            consents: [
              {
                purpose: 'email-marketing',
                status: rng.uniform() < 0.7 ? 'granted' : 'denied',
                at: signupAt,
                source: 'shop',
              },
            ],
          }
        : {}),
    };
    records.push(shop);
    personOf.push(p);
    if (rng.uniform() < duplicateRate) {
      const copies = 1 + rng.integer(3);
      for (let k = 0; k < copies; k++) {
        const source = SOURCES[k % SOURCES.length]!;
        seq++;
        const id = `${source}-${String(seq).padStart(7, '0')}`;
        const linkBy = rng.integer(3);
        const record: Customer = {
          id,
          source,
          ...(linkBy === 0 || rng.uniform() < 0.5 ? { email: emailVariant(rng, person.email) } : {}),
          ...(linkBy === 1 || rng.uniform() < 0.4 ? { phone: formatPhone(rng, person) } : {}),
          ...(linkBy === 2 ? { externalIds: { shop: shopId } } : {}),
          ...nameVariant(rng, person),
          ...(rng.uniform() < 0.5
            ? {
                birthDate:
                  rng.uniform() < 0.9
                    ? person.birthDate
                    : `${person.birthDate.slice(8)}.${person.birthDate.slice(5, 7)}.${person.birthDate.slice(0, 4)}`,
              }
            : {}),
          ...(rng.uniform() < 0.6 ? { country: rng.pick(COUNTRY_FORMS[country]) } : {}),
          updatedAt: signupAt + rng.integer(600) * 86_400_000,
          ...(rng.uniform() < 0.3
            ? {
                consents: [
                  {
                    purpose: 'email-marketing',
                    status: rng.uniform() < 0.5 ? 'granted' : 'denied',
                    at: signupAt + rng.integer(600) * 86_400_000,
                    source,
                  },
                ],
              }
            : {}),
        };
        // A linking field is guaranteed above; make sure the email/phone used for linking is not accidentally missing.
        records.push(record);
        personOf.push(p);
      }
    }
  }
  if (junk) {
    // The store's own phone number on many unrelated walk-in records (must stop linking: over-shared key).
    const sharedPhoneRecords = Math.max(8, Math.floor(options.people * 0.005));
    for (let j = 0; j < sharedPhoneRecords; j++) {
      seq++;
      records.push({
        id: `store-${String(seq).padStart(7, '0')}`,
        source: 'store',
        phone: storePhone,
        country: 'GB',
        name: rng.pick(FIRST),
      });
      personOf.push(-10_000_000 - j);
    }
    const junkCount = Math.max(3, Math.floor(options.people * 0.01));
    for (let j = 0; j < junkCount; j++) {
      seq++;
      const kind = j % 4;
      const base = { id: `store-${String(seq).padStart(7, '0')}`, source: 'store' };
      if (kind === 0) records.push({ ...base, email: 'test@test.com', name: 'Test Test' });
      else if (kind === 1) records.push({ ...base, phone: storePhone, country: 'GB', name: rng.pick(FIRST) });
      else if (kind === 2)
        records.push({ ...base, externalIds: { loyalty: 'anonymous' }, email: `walkin${j}@example.com` });
      else records.push({ ...base, email: `bad-email-${j}(at)nowhere`, phone: '12', birthDate: '1990-02-30' });
      personOf.push(-1 - j);
    }
    records.push({ email: 'no-id@x.com' } as unknown as Customer);
    personOf.push(-1_000_000);
  }
  return { records, personOf, people, storePhone };
}

/** Shuffles a copy of an array with a seeded generator (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], seed: number | string): T[] {
  const rng = createRng(seed);
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.integer(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
