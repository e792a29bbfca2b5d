import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/core/index.js';
import {
  decodeResolutionRules,
  normalizeCustomer,
  resolveIdentities,
  type IdentityResolution,
} from '../../src/profile/index.js';
import { generateDirtyRecords, shuffled } from './fixtures.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

function clusters(result: IdentityResolution): string[][] {
  return result.goldenRecords.map((g) => [...g.recordIds]);
}

describe('resolveIdentities: linking', () => {
  it('links transitively: A–B by email, B–C by phone', () => {
    const result = resolveIdentities([
      { id: 'A', source: 'shop', email: 'Ann.Lee@gmail.com' },
      { id: 'B', source: 'crm', email: 'annlee+news@googlemail.com', phone: '020 7946 0018', country: 'GB' },
      { id: 'C', source: 'support', phone: '+44 20 7946 0018' },
      { id: 'D', source: 'shop', email: 'bob@shop.co.uk' },
    ]);
    expect(clusters(result)).toEqual([['A', 'B', 'C'], ['D']]);
    expect(result.goldenIdOf).toEqual({ A: 'G-A', B: 'G-A', C: 'G-A', D: 'G-D' });
    expect(result.goldenRecords[0]!.matchedBy).toEqual([
      { identifier: 'email', key: 'annlee@gmail.com', recordIds: ['A', 'B'] },
      { identifier: 'phone', key: '+442079460018', recordIds: ['B', 'C'] },
    ]);
    expect(result.stats).toMatchObject({
      inputRecords: 4,
      validRecords: 4,
      goldenRecords: 2,
      clustersWithDuplicates: 1,
      recordsInDuplicateClusters: 3,
      largestCluster: 3,
    });
  });

  it('links an external id to the record of the source it names', () => {
    const result = resolveIdentities([
      { id: 'C0000010', source: 'shop', email: 'marta.martinez50@gmail.com' },
      { id: 'crm-0000002', source: 'crm', email: 'marta80@gmail.com', externalIds: { shopCustomerId: 'C0000010' } },
      { id: 'crm-0000003', source: 'crm', externalIds: { loyaltyCard: 'LC1' } },
      { id: 'store-1', source: 'store', externalIds: { loyaltyCard: 'LC1' } },
    ]);
    expect(clusters(result)).toEqual([
      ['C0000010', 'crm-0000002'],
      ['crm-0000003', 'store-1'],
    ]);
  });

  it('links own source keys in every form (sourceRecordId, ids with colons, self references, junk ids)', () => {
    const result = resolveIdentities([
      { id: 'C1', source: 'shop' },
      { id: 'crm-1', source: 'crm', externalIds: { shopCustomerId: 'C1' } },
      { id: 'S-9', source: 'shop', sourceRecordId: 'C1' },
      { id: 'a:b', source: 'pos' },
      { id: 'z', externalIds: { posId: 'a:b' } },
      { id: 'C7', source: 'shop', externalIds: { shopCustomerId: 'C7' } },
      { id: '000', source: 'shop' },
      { id: 'crm-2', source: 'crm', externalIds: { shopCustomerId: '000' } },
      { id: 'T1', source: 'crm', sourceRecordId: 'crm-2' },
    ]);
    expect(clusters(result)).toEqual([['000'], ['C1', 'S-9', 'crm-1'], ['C7'], ['T1', 'crm-2'], ['a:b', 'z']]);
    expect(result.stats.linkingKeys).toEqual({ externalId: 3, email: 0, phone: 0 });
    expect(result.goldenRecords[1]!.matchedBy).toEqual([
      { identifier: 'externalId', key: 'shop:C1', recordIds: ['C1', 'S-9', 'crm-1'] },
    ]);
  });

  it('never links through junk values, and reports them', () => {
    const result = resolveIdentities([
      { id: 'A', email: 'test@test.com' },
      { id: 'B', email: 'TEST@test.com' },
      { id: 'C', externalIds: { loyalty: 'anonymous' } },
      { id: 'D', externalIds: { loyalty: 'anonymous' } },
      { id: 'E', phone: '+44 7777 777777' },
      { id: 'F', phone: '+447777777777' },
    ]);
    expect(result.stats.goldenRecords).toBe(6);
    expect(result.blockedValues.map((b) => [b.identifier, b.value, b.recordCount])).toEqual([
      ['email', 'test@test.com', 2],
      ['externalId', 'anonymous', 2],
      ['phone', '+447777777777', 2],
    ]);
    // Junk never survives into a golden record.
    expect(result.goldenRecords.find((g) => g.goldenId === 'G-A')!.customer.email).toBeUndefined();
  });

  it('stops linking through a key shared by more records than the limit, and reports it', () => {
    const store = Array.from({ length: 6 }, (_, i) => ({
      id: `S${i}`,
      source: 'store',
      phone: '020 7946 0999',
      country: 'GB',
    }));
    const over = resolveIdentities(store);
    expect(over.stats.goldenRecords).toBe(6);
    expect(over.overSharedKeys).toEqual([
      {
        identifier: 'phone',
        key: '+442079460999',
        recordCount: 6,
        limit: 5,
        sampleRecordIds: ['S0', 'S1', 'S2', 'S3', 'S4', 'S5'],
      },
    ]);
    const within = resolveIdentities(store.slice(0, 5));
    expect(within.stats.goldenRecords).toBe(1);
    expect(within.overSharedKeys).toEqual([]);
    const raised = resolveIdentities(store, { identifiers: [{ identifier: 'phone', maxRecordsPerKey: 6 }] });
    expect(raised.stats.goldenRecords).toBe(1);
  });

  it('always links versions of one source record (same id), whatever the limits', () => {
    const result = resolveIdentities([
      { id: 'A', email: 'a1@shop.com', updatedAt: day('2024-01-01') },
      { id: 'A', email: 'a2@shop.com', updatedAt: day('2024-03-01') },
    ]);
    expect(clusters(result)).toEqual([['A']]);
    expect(result.goldenRecords[0]!.customer.email).toBe('a2@shop.com');
  });

  it('uses only the identifiers in the rules, in priority order', () => {
    const records: Customer[] = [
      { id: 'A', email: 'ann@shop.com', phone: '+44 20 7946 0018' },
      { id: 'B', phone: '+44 20 7946 0018' },
    ];
    expect(resolveIdentities(records, { identifiers: [{ identifier: 'email' }] }).stats.goldenRecords).toBe(2);
    expect(resolveIdentities(records, { identifiers: [{ identifier: 'phone' }] }).stats.goldenRecords).toBe(1);
  });

  it('refuses links over a per-cluster limit, higher-priority identifiers first (Segment worked example)', () => {
    // Two CRM accounts (own ids) share an email: with at most one CRM id per profile, the email link is refused.
    const records: Customer[] = [
      { id: 'crm-1', source: 'crm', email: 'ann@shop.com' },
      { id: 'crm-2', source: 'crm', email: 'ann@shop.com' },
      { id: 'web-9', source: 'web', email: 'ann@shop.com' },
    ];
    const result = resolveIdentities(records, {
      identifiers: [{ identifier: 'externalId', namespaces: ['crm'], maxValuesPerCluster: 1 }, { identifier: 'email' }],
    });
    expect(clusters(result)).toEqual([['crm-1', 'web-9'], ['crm-2']]);
    expect(result.refusedLinks).toEqual([
      {
        identifier: 'email',
        key: 'ann@shop.com',
        recordIds: ['crm-1', 'crm-2'],
        reason: 'the cluster would hold 2 distinct externalId values (limit 1)',
      },
    ]);
  });

  it('links by name and birth date or name and postal code when asked to', () => {
    const records: Customer[] = [
      { id: 'A', name: 'Ann Lee', birthDate: '1988-04-12', postalCode: 'SW1A 1AA', country: 'GB' },
      { id: 'B', name: 'LEE, Ann', birthDate: '12.04.1988' },
      { id: 'C', name: 'Mrs Ann Lee', postalCode: 'sw1a1aa', country: 'United Kingdom' },
      { id: 'D', name: 'John Doe', birthDate: '1988-04-12' },
      { id: 'E', name: 'Doe, John', birthDate: '1988-04-12' },
    ];
    expect(resolveIdentities(records).stats.goldenRecords).toBe(5);
    const byName = resolveIdentities(records, {
      identifiers: [{ identifier: 'nameBirthDate' }, { identifier: 'namePostalCode' }],
    });
    // John Doe is a junk name: never linked.
    expect(clusters(byName)).toEqual([['A', 'B', 'C'], ['D'], ['E']]);
  });

  it('reports rejected records with paths and processes the rest', () => {
    const result = resolveIdentities([
      { id: 'A' },
      { email: 'x@y.com' },
      null,
      { id: 'B', phone: 'n/a' },
    ] as unknown as Customer[]);
    expect(result.rejected).toEqual([1, 2]);
    expect(result.issues.map((i) => i.path)).toEqual(['records[1].id', 'records[2]', 'records[3].phone']);
    expect(Object.keys(result.goldenIdOf)).toEqual(['A', 'B']);
  });
});

describe('resolveIdentities: golden records', () => {
  const records: Customer[] = [
    {
      id: 'shop-1',
      source: 'shop',
      email: 'ann@shop.com',
      phone: '+44 20 7946 0018',
      name: 'Ann Lee',
      birthDate: '1988-04-12',
      city: 'London',
      postalCode: 'SW1A 1AA',
      country: 'GB',
      acquisitionChannel: 'email',
      signupAt: day('2022-03-01'),
      updatedAt: day('2024-01-01'),
      consents: [{ purpose: 'email-marketing', status: 'granted', at: day('2022-03-01') }],
    },
    {
      id: 'crm-1',
      source: 'crm',
      email: 'ann@shop.com',
      phone: '+44 7911 123456',
      name: 'Ann B. Lee',
      birthDate: '1988-04-12',
      city: 'Leeds',
      country: 'GB',
      acquisitionChannel: 'store',
      signupAt: day('2021-06-01'),
      updatedAt: day('2024-05-01'),
      externalIds: { crm: 'A-17' },
      consents: [{ purpose: 'email-marketing', status: 'denied', at: day('2024-05-01') }],
    },
    {
      id: 'sup-1',
      source: 'support',
      email: 'ann@shop.com',
      name: 'ann lee',
      birthDate: '1988-12-04',
      gender: 'f',
      updatedAt: day('2023-01-01'),
      attributes: { vip: true },
    },
  ];

  it('applies the default survivorship with provenance per field', () => {
    const [golden] = resolveIdentities(records).goldenRecords;
    expect(golden!.goldenId).toBe('G-crm-1');
    expect(golden!.recordIds).toEqual(['crm-1', 'shop-1', 'sup-1']);
    expect(golden!.sources).toEqual(['crm', 'shop', 'support']);
    expect(golden!.customer).toEqual({
      id: 'G-crm-1',
      email: 'ann@shop.com',
      phone: '+447911123456',
      name: 'Ann B. Lee',
      birthDate: '1988-04-12',
      gender: 'female',
      country: 'GB',
      city: 'Leeds',
      acquisitionChannel: 'email',
      signupAt: day('2021-06-01'),
      externalIds: { crm: 'A-17' },
      attributes: { vip: true },
      consents: [{ purpose: 'email-marketing', status: 'denied', at: day('2024-05-01'), source: 'crm' }],
      updatedAt: day('2024-05-01'),
    });
    expect(golden!.provenance.birthDate).toEqual({
      recordId: 'crm-1',
      source: 'crm',
      updatedAt: day('2024-05-01'),
      strategy: 'mostFrequent',
    });
    expect(golden!.provenance.acquisitionChannel).toEqual({
      recordId: 'shop-1',
      source: 'shop',
      updatedAt: day('2024-01-01'),
      strategy: 'firstNonEmpty',
    });
    expect(golden!.provenance.signupAt).toMatchObject({ recordId: 'crm-1', strategy: 'smallest' });
    expect(golden!.provenance.gender).toMatchObject({ recordId: 'sup-1' });
  });

  it('keeps an address group together (no London postcode on a Leeds address)', () => {
    const [golden] = resolveIdentities(records).goldenRecords;
    expect(golden!.customer.city).toBe('Leeds');
    expect(golden!.customer.postalCode).toBeUndefined();
    const ungrouped = resolveIdentities(records, { fieldGroups: [] }).goldenRecords[0]!;
    expect(ungrouped.customer.postalCode).toBe('SW1A 1AA');
  });

  it('lists conflicts with the records behind each value', () => {
    const result = resolveIdentities(records);
    expect(result.conflicts.map((c) => c.field)).toEqual([
      'phone',
      'name',
      'birthDate',
      'city',
      'acquisitionChannel',
      'signupAt',
    ]);
    expect(result.conflicts.find((c) => c.field === 'birthDate')).toEqual({
      goldenId: 'G-crm-1',
      field: 'birthDate',
      chosen: '1988-04-12',
      values: [
        { value: '1988-04-12', recordIds: ['crm-1', 'shop-1'] },
        { value: '1988-12-04', recordIds: ['sup-1'] },
      ],
    });
  });

  it.each([
    ['mostRecent', undefined, 'Ann B. Lee'],
    ['sourcePriority', ['support', 'shop'], 'Ann Lee'],
    ['mostFrequent', undefined, 'Ann Lee'],
    ['firstNonEmpty', undefined, 'Ann Lee'],
    ['longest', undefined, 'Ann B. Lee'],
    ['smallest', undefined, 'Ann B. Lee'],
    ['largest', undefined, 'Ann Lee'],
  ] as const)('strategy %s chooses the name %j', (strategy, sourcePriority, expected) => {
    const rules = {
      fieldGroups: [],
      survivorship: { fields: { name: { strategy, ...(sourcePriority === undefined ? {} : { sourcePriority }) } } },
    };
    expect(resolveIdentities(records, rules).goldenRecords[0]!.customer.name).toBe(expected);
  });

  it('with ignoreEmpty false, the winning record can empty a field', () => {
    const rules = { survivorship: { fields: { phone: { strategy: 'mostRecent', ignoreEmpty: false } } } } as const;
    const withGap: Customer[] = [records[0]!, { ...records[1]!, phone: undefined } as unknown as Customer];
    expect(resolveIdentities(withGap).goldenRecords[0]!.customer.phone).toBe('+442079460018');
    expect(resolveIdentities(withGap, rules).goldenRecords[0]!.customer.phone).toBeUndefined();
  });

  it('uses the rules-level source priority as a tie-break for equal update times', () => {
    const tied: Customer[] = [
      { id: 'a', source: 'shop', email: 'x@shop.com', city: 'York' },
      { id: 'b', source: 'crm', email: 'x@shop.com', city: 'Hull' },
    ];
    // Unlisted sources tie; then the smallest record id wins.
    expect(resolveIdentities(tied).goldenRecords[0]!.customer.city).toBe('York');
    expect(resolveIdentities(tied, { sourcePriority: ['crm'] }).goldenRecords[0]!.customer.city).toBe('Hull');
  });
});

describe('decodeResolutionRules', () => {
  it('completes partial rules with the defaults', () => {
    const result = decodeResolutionRules({
      identifiers: [{ identifier: 'email', maxRecordsPerKey: 5 }],
      sourcePriority: ['crm'],
    });
    expect(E.isRight(result) && result.right.identifiers).toEqual([{ identifier: 'email', maxRecordsPerKey: 5 }]);
    expect(E.isRight(result) && result.right.goldenIdPrefix).toBe('G-');
  });

  it('reports every problem with its path', () => {
    const result = decodeResolutionRules({
      identifiers: [{ identifier: 'fax' }, { identifier: 'email', maxRecordsPerKey: 0 }],
      blocked: { email: { exact: [], patterns: [{ kind: 'regex', pattern: '(a+)+$' }] } },
      survivorship: { fields: { shoeSize: { strategy: 'mostRecent' } } },
    });
    expect(E.isLeft(result) && result.left.map((i) => i.path)).toEqual([
      'rules.identifiers[0].identifier',
      'rules.identifiers[1].maxRecordsPerKey',
      'rules.blocked.email.patterns[0]',
      'rules.survivorship.fields.shoeSize',
    ]);
  });

  it('refuses duplicate identifiers, namespaces on other identifiers and fields in two groups', () => {
    const result = decodeResolutionRules({
      identifiers: [{ identifier: 'email' }, { identifier: 'email', namespaces: ['crm'] }],
      fieldGroups: [['city'], ['city']],
    });
    expect(E.isLeft(result) && result.left.map((i) => i.path)).toEqual([
      'rules.identifiers[1].identifier',
      'rules.identifiers[1].namespaces',
      'rules.fieldGroups[1][0]',
    ]);
  });

  it('never throws on arbitrary JSON (fuzz)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void decodeResolutionRules(value)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            identifiers: fc.jsonValue(),
            blocked: fc.jsonValue(),
            survivorship: fc.jsonValue(),
            fieldGroups: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
        (value) => void decodeResolutionRules(value),
      ),
      { numRuns: 200 },
    );
  });

  it('makes resolveIdentities throw on invalid typed rules (a programming error)', () => {
    expect(() => resolveIdentities([], { identifiers: [{ identifier: 'email', maxRecordsPerKey: -1 }] })).toThrow(
      /\[clientele\] invalid resolution rules/,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const EMAILS = [
  'ann@gmail.com',
  'a.n.n@gmail.com',
  'ANN+x@googlemail.com',
  'bob@shop.co.uk',
  'test@test.com',
  'cy@web.de',
  'dee@web.de',
];
const PHONES = [
  '+44 20 7946 0018',
  '020 7946 0018',
  '+44 20 7946 0019',
  '+86 138 0013 8000',
  '+1 415 555 2671',
  '0000000000',
];
const recordArbitrary = fc.record(
  {
    id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'),
    source: fc.constantFrom('shop', 'crm', 'store'),
    email: fc.constantFrom(...EMAILS),
    phone: fc.constantFrom(...PHONES),
    country: fc.constantFrom('GB', 'CN'),
    city: fc.constantFrom('York', 'Hull', 'Leeds'),
    updatedAt: fc.integer({ min: 0, max: 5 }).map((d) => Date.UTC(2024, 0, 1 + d)),
    externalIds: fc.dictionary(fc.constantFrom('shopCustomerId', 'loyalty'), fc.constantFrom('A', 'B', 'LC1', 'LC2'), {
      maxKeys: 1,
    }),
  },
  { requiredKeys: ['id'] },
) as fc.Arbitrary<Customer>;

/** Reference clustering: connected components of the "shares a usable key" graph, by breadth-first search. */
function referenceClusters(records: readonly Customer[], limit: Record<string, number>): string[][] {
  const keys = records.map((r) => {
    const n = normalizeCustomer(r);
    if (E.isLeft(n)) return [] as string[];
    const k = n.right.matchKeys;
    return [
      `id:${n.right.customer.id}`,
      ...k.externalIds.map((x) => `x:${x}`),
      ...(k.email === undefined ? [] : [`e:${k.email}`]),
      ...(k.phone === undefined ? [] : [`p:${k.phone}`]),
    ];
  });
  const holders = new Map<string, number[]>();
  keys.forEach((list, i) => {
    for (const key of new Set(list)) holders.set(key, [...(holders.get(key) ?? []), i]);
  });
  const usable = (key: string): boolean => {
    const prefix = key.slice(0, key.indexOf(':'));
    return prefix === 'id' || holders.get(key)!.length <= limit[prefix]!;
  };
  const seen = new Set<number>();
  const out: string[][] = [];
  for (let i = 0; i < records.length; i++) {
    if (seen.has(i)) continue;
    const queue = [i];
    seen.add(i);
    const ids = new Set<string>();
    while (queue.length > 0) {
      const r = queue.pop()!;
      ids.add(records[r]!.id);
      for (const key of keys[r]!) {
        if (!usable(key)) continue;
        for (const other of holders.get(key)!) {
          if (!seen.has(other)) {
            seen.add(other);
            queue.push(other);
          }
        }
      }
    }
    out.push([...ids].sort());
  }
  return out.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function withoutPaths(result: IdentityResolution): unknown {
  // Issues and rejected indices name input positions, which a permutation changes by design.
  return { ...result, issues: [], rejected: [] };
}

describe('resolveIdentities: properties', () => {
  it('gives the same result whatever the input order (golden ids included)', () => {
    fc.assert(
      fc.property(fc.array(recordArbitrary, { maxLength: 14 }), fc.integer(), (records, seed) => {
        const a = resolveIdentities(records);
        const b = resolveIdentities(shuffled(records, seed));
        expect(withoutPaths(b)).toEqual(withoutPaths(a));
      }),
      { numRuns: 150 },
    );
  });

  it('is order-independent with per-cluster limits too', () => {
    const rules = {
      identifiers: [
        { identifier: 'externalId' as const, maxValuesPerCluster: 1 },
        { identifier: 'email' as const },
        { identifier: 'phone' as const, maxValuesPerCluster: 1 },
      ],
    };
    fc.assert(
      fc.property(fc.array(recordArbitrary, { maxLength: 14 }), fc.integer(), (records, seed) => {
        expect(withoutPaths(resolveIdentities(shuffled(records, seed), rules))).toEqual(
          withoutPaths(resolveIdentities(records, rules)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('maps every valid source record to exactly one golden id that lists it', () => {
    fc.assert(
      fc.property(fc.array(recordArbitrary, { maxLength: 14 }), (records) => {
        const result = resolveIdentities(records);
        const ids = new Set(records.map((r) => r.id));
        expect(new Set(Object.keys(result.goldenIdOf))).toEqual(ids);
        const listed = result.goldenRecords.flatMap((g) => g.recordIds);
        expect(listed.length).toBe(ids.size);
        for (const g of result.goldenRecords) {
          for (const id of g.recordIds) expect(result.goldenIdOf[id]).toBe(g.goldenId);
          expect(g.goldenId).toBe(`G-${[...g.recordIds].sort()[0]!}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never loses a link: clusters are exactly the connected components of usable shared keys', () => {
    const limit = { id: Number.POSITIVE_INFINITY, x: 10, e: 10, p: 5 };
    fc.assert(
      fc.property(fc.array(recordArbitrary, { maxLength: 16 }), (records) => {
        expect(clusters(resolveIdentities(records))).toEqual(referenceClusters(records, limit));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.jsonValue(), recordArbitrary), { maxLength: 8 }),
        (records) => void resolveIdentities(records as Customer[]),
      ),
      { numRuns: 150 },
    );
  });
});

describe('resolveIdentities: dirty multi-source fixture', () => {
  it('merges duplicates across sources without mixing people, and is order-independent', () => {
    const { records, personOf } = generateDirtyRecords({ seed: 7, people: 400 });
    const result = resolveIdentities(records);
    const personsOfGolden = new Map<string, Set<number>>();
    records.forEach((r, i) => {
      const g = result.goldenIdOf[r.id];
      if (g !== undefined) personsOfGolden.set(g, (personsOfGolden.get(g) ?? new Set()).add(personOf[i]!));
    });
    const mixed = [...personsOfGolden.values()].filter((s) => s.size > 1).length;
    expect(mixed / personsOfGolden.size).toBeLessThan(0.01);
    expect(result.stats.clustersWithDuplicates).toBeGreaterThan(80);
    expect(result.overSharedKeys.map((k) => k.key)).toContain('+442079460999');
    expect(result.rejected).toHaveLength(1);
    expect(withoutPaths(resolveIdentities(shuffled(records, 3)))).toEqual(withoutPaths(result));
  });
});
