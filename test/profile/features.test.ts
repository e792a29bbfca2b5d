import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KIND_PURCHASE,
  KIND_REFUND,
  toColumnar,
  type Customer,
  type EngagementEvent,
  type Transaction,
} from '../../src/core/index.js';
import { deriveProfile, deriveProfiles, type ProfileColumns } from '../../src/profile/index.js';
import { shuffled } from './fixtures.js';

const t = (iso: string): number => Date.parse(iso);
const tx = (
  id: string,
  customerId: string,
  iso: string,
  amount: number,
  extra: Partial<Transaction> = {},
): Transaction => ({
  id,
  customerId,
  occurredAt: t(iso),
  kind: 'purchase',
  amount,
  currency: 'EUR',
  ...extra,
});

describe('deriveProfile: a hand-checked portrait', () => {
  const customer: Customer = {
    id: 'c1',
    birthDate: '1988-04-12',
    signupAt: t('2023-01-10T00:00:00Z'),
    gender: 'female',
    country: 'GB',
  };
  const transactions: Transaction[] = [
    tx('t1', 'c1', '2024-01-05T10:00:00Z', 40, {
      channel: 'web',
      lines: [{ sku: 'a', category: 'tea', quantity: 2, unitPrice: 20 }],
    }),
    tx('t2', 'c1', '2024-02-04T19:00:00Z', 60, {
      channel: 'web',
      lines: [{ sku: 'b', category: 'coffee', quantity: 1, unitPrice: 70, discount: 10 }],
    }),
    tx('t3', 'c1', '2024-02-10T19:00:00Z', 10, { kind: 'refund', refundOf: 't2' }),
    tx('t4', 'c1', '2024-03-05T09:00:00Z', 50, { channel: 'store', orderId: 'o4' }),
    tx('t5', 'c1', '2024-03-05T09:00:00Z', 20, { channel: 'store', orderId: 'o4' }),
    tx('t6', 'c1', '2024-07-01T10:00:00Z', 99),
  ];
  const events: EngagementEvent[] = [
    { id: 'e1', customerId: 'c1', occurredAt: t('2024-05-20T00:00:00Z'), type: 'email_click' },
    { id: 'e2', customerId: 'c1', occurredAt: t('2024-06-01T00:00:00Z'), type: 'visit' },
    { id: 'e3', customerId: 'c1', occurredAt: t('2024-01-01T00:00:00Z'), type: 'visit' },
  ];
  const { profile, issues } = deriveProfile(customer, transactions, events, {
    asOf: '2024-06-30',
    categoryTags: { tea: ['hot drinks'], coffee: ['hot drinks', 'caffeine'] },
  });

  it('computes demographics and tenure', () => {
    expect(issues).toEqual([]);
    expect(profile).toMatchObject({
      customerId: 'c1',
      age: 36,
      ageBand: '35-44',
      gender: 'female',
      country: 'GB',
      tenureDays: 537,
    });
  });

  it('counts orders (rows of one order once), spend, refunds and ignores purchases after asOf', () => {
    expect(profile).toMatchObject({
      orders: 3,
      purchaseDays: 3,
      grossSpend: 170,
      refundedAmount: 10,
      refunds: 1,
      netSpend: 160,
      firstPurchaseAt: t('2024-01-05T10:00:00Z'),
      lastPurchaseAt: t('2024-03-05T09:00:00Z'),
      daysSinceLastPurchase: 117,
    });
    expect(profile.averageOrderValue).toBeCloseTo(170 / 3, 12);
    expect(profile.refundRate).toBeCloseTo(10 / 170, 12);
    // 3 orders over (2024-06-30 − 2024-01-05) = 177 days = 5.815… months.
    expect(profile.purchasesPerMonth).toBeCloseTo(3 / (177 / 30.436875), 10);
  });

  it('summarises the days between purchase days', () => {
    // Purchase days 2024-01-05, 2024-02-04, 2024-03-05: intervals 30 and 30.
    expect(profile.interPurchaseDays).toEqual({
      count: 2,
      median: 30,
      mean: 30,
      standardDeviation: 0,
      p25: 30,
      p75: 30,
      iqr: 0,
    });
  });

  it('finds preferences with their shares', () => {
    // Orders: t1 web, t2 web, o4 (two store rows) — the refund is not an order.
    expect(profile.preferredChannel).toEqual({ value: 'web', share: 0.666666666667 });
    expect(profile.preferredCategory).toEqual({ value: 'coffee', share: 0.6 });
    // Friday, Sunday, Tuesday: a tie, broken by week order (Monday first).
    expect(profile.preferredWeekday).toEqual({ value: 'tuesday', share: 0.333333333333 });
    expect(profile.preferredHour).toEqual({ value: 9, share: 0.333333333333 });
  });

  it('measures price sensitivity as the share of line spend on discounted lines', () => {
    expect(profile.priceSensitivity).toBe(0.6);
  });

  it('scores engagement over the window and derives interest tags', () => {
    expect(profile.engagement).toEqual({
      level: 'low',
      score: 3,
      events: 2,
      activeDays: 2,
      lastEventAt: t('2024-06-01T00:00:00Z'),
      daysSinceLastEvent: 29,
    });
    expect(profile.interestTags).toEqual([
      { tag: 'hot drinks', share: 1 },
      { tag: 'caffeine', share: 0.6 },
    ]);
  });

  it('classifies the lifecycle relative to the own cadence and explains it', () => {
    expect(profile.lifecycle).toEqual({
      stage: 'atRisk',
      cadenceDays: 30,
      cadenceBasis: 'own',
      recencyDays: 117,
      daysSinceFirstPurchase: 177,
      lastGapDays: 30,
      thresholdsDays: { newWithin: 30, atRiskAfter: 60, lapsedAfter: 120 },
      reason: 'last purchase 117 days ago, more than 60 days (2 × cadence 30 days)',
    });
  });

  it('reports transactions of other customers and invalid rows', () => {
    const result = deriveProfile(
      customer,
      [tx('x', 'c2', '2024-01-01', 5), { ...tx('y', 'c1', '2024-01-01', 5), amount: -1 }],
      [],
      { asOf: '2024-06-30' },
    );
    expect(result.issues.map((i) => i.path)).toEqual(['transactions[1].amount', 'transactions[0].customerId']);
    expect(result.profile.orders).toBe(0);
    expect(result.profile.lifecycle.stage).toBe('prospect');
  });

  it('uses the profile time zone for weekdays and hours', () => {
    const late = deriveProfile({ id: 'z' }, [tx('a', 'z', '2024-03-01T23:30:00Z', 10)], [], {
      asOf: '2024-06-30',
      timeZone: 'Asia/Shanghai',
    }).profile;
    expect(late.preferredWeekday).toEqual({ value: 'saturday', share: 1 });
    expect(late.preferredHour).toEqual({ value: 7, share: 1 });
  });
});

describe('deriveProfiles', () => {
  const customers: Customer[] = [{ id: 'a', signupAt: t('2023-01-01T00:00:00Z') }, { id: 'b' }, { id: 'c' }];
  const transactions: Transaction[] = [
    tx('1', 'a', '2024-01-01T10:00:00Z', 10),
    tx('2', 'a', '2024-01-11T10:00:00Z', 10),
    tx('3', 'a', '2024-01-21T10:00:00Z', 10),
    tx('4', 'b', '2024-06-20T10:00:00Z', 25),
    tx('5', 'zz', '2024-06-20T10:00:00Z', 25),
    tx('6', 'b', '2024-07-20T10:00:00Z', 25),
  ];

  it('profiles every customer, counting unmatched and later rows', () => {
    const batch = deriveProfiles(customers, transactions, [], { asOf: '2024-06-30' });
    expect(batch.profiles.map((p) => [p.customerId, p.lifecycle.stage, p.lifecycle.cadenceBasis])).toEqual([
      ['a', 'lapsed', 'own'],
      ['b', 'new', 'population'],
      ['c', 'prospect', null],
    ]);
    expect(batch.unmatched).toEqual({ transactions: 1, events: 0, sampleCustomerIds: ['zz'] });
    expect(batch.afterAsOf).toEqual({ transactions: 1, events: 0 });
    expect(batch.cadence).toEqual({ populationMedianDays: 10, customersWithOwnCadence: 1 });
  });

  it('re-keys transactions with a source → golden id map', () => {
    const batch = deriveProfiles([{ id: 'G-a' }], transactions, [], {
      asOf: '2024-06-30',
      customerIdMap: { a: 'G-a', b: 'G-a' },
    });
    expect(batch.profiles[0]!.orders).toBe(4);
  });

  it('reports rejected customers, rows and events and keeps the duplicate id updated last', () => {
    const batch = deriveProfiles(
      [
        { id: 'a', gender: 'x', updatedAt: 1 },
        { id: 'a', gender: 'y', updatedAt: 2 },
        { nope: true } as unknown as Customer,
      ],
      [{ ...tx('1', 'a', '2024-01-01', 10), kind: 'gift' } as unknown as Transaction],
      [{ id: 'e', customerId: 'a', occurredAt: 'soon', type: 'visit' } as unknown as EngagementEvent],
      { asOf: '2024-06-30' },
    );
    expect(batch.profiles.map((p) => p.gender)).toEqual(['y']);
    expect(batch.rejected).toEqual({ customers: [0, 2], transactions: [0], events: [0] });
    expect(batch.issues.map((i) => i.path)).toEqual([
      'customers[2].id',
      'customers[0].id',
      'transactions[0].kind',
      'events[0].occurredAt',
    ]);
  });

  it('throws on invalid settings and malformed columns (programming errors)', () => {
    expect(() => deriveProfiles([], [], [], { asOf: 'never' })).toThrow(/invalid asOf/);
    expect(() => deriveProfiles([], [], [], { asOf: '2024-06-30', minTagShare: 3 })).toThrow(
      /invalid profile settings/,
    );
    expect(() =>
      deriveProfiles([], { customerId: ['a'], amount: Float64Array.from([1, 2]), day: Int32Array.from([1, 2]) }, [], {
        asOf: '2024-06-30',
      }),
    ).toThrow(/invalid transaction columns/);
  });

  it('reports invalid column values by path', () => {
    const batch = deriveProfiles(
      [{ id: 'a' }],
      { customerId: ['a', 'a'], amount: Float64Array.from([1, Number.NaN]), day: Int32Array.from([19700, 19701]) },
      [],
      { asOf: '2024-06-30' },
    );
    expect(batch.issues.map((i) => i.path)).toEqual(['columns.amount[1]']);
    expect(batch.profiles[0]!.orders).toBe(1);
    expect(batch.profiles[0]!.preferredHour).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: columnar = records; order independence.

const txArbitrary = fc.record({
  customer: fc.constantFrom('a', 'b', 'c', 'd'),
  day: fc.integer({ min: 0, max: 400 }),
  hour: fc.integer({ min: 0, max: 23 }),
  amount: fc.integer({ min: 0, max: 20_000 }).map((cents) => cents / 100),
  refund: fc.boolean(),
  order: fc.option(fc.constantFrom('o1', 'o2', 'o3'), { nil: undefined }),
  channel: fc.option(fc.constantFrom('web', 'store', 'app'), { nil: undefined }),
  category: fc.option(fc.constantFrom('tea', 'coffee', 'cups'), { nil: undefined }),
  discount: fc.boolean(),
});

type RowSpec = typeof txArbitrary extends fc.Arbitrary<infer T> ? T : never;

function build(rows: RowSpec[]): { records: Transaction[]; columns: ProfileColumns } {
  const base = Date.UTC(2023, 0, 1);
  const records: Transaction[] = rows.map((r, i) => ({
    id: `t${i}`,
    customerId: r.customer,
    occurredAt: base + r.day * 86_400_000 + r.hour * 3_600_000,
    kind: r.refund ? 'refund' : 'purchase',
    amount: r.amount,
    currency: 'EUR',
    ...(r.order === undefined ? {} : { orderId: `${r.customer}-${r.order}` }),
    ...(r.channel === undefined ? {} : { channel: r.channel }),
    ...(r.category === undefined
      ? {}
      : // 2a − a = a exactly in float64 (Sterbenz), so line nets equal the row amounts.
        {
          lines: [
            {
              sku: 's',
              category: r.category,
              quantity: 1,
              unitPrice: r.discount ? 2 * r.amount : r.amount,
              ...(r.discount ? { discount: r.amount } : {}),
            },
          ],
        }),
  }));
  const core = toColumnar(records);
  const columns: ProfileColumns = {
    ...core,
    kind: Uint8Array.from(rows, (r) => (r.refund ? KIND_REFUND : KIND_PURCHASE)),
    channel: rows.map((r) => r.channel),
    category: rows.map((r) => r.category),
    discountedAmount: Float64Array.from(rows, (r) =>
      r.category !== undefined && r.discount ? r.amount : r.category !== undefined ? 0 : Number.NaN,
    ),
  };
  return { records, columns };
}

const customersAll: Customer[] = ['a', 'b', 'c', 'd'].map((id) => ({ id }));

describe('deriveProfiles: properties', () => {
  it('gives identical profiles for records and columns', () => {
    fc.assert(
      fc.property(fc.array(txArbitrary, { maxLength: 25 }), (rows) => {
        const { records, columns } = build(rows);
        const options = { asOf: Date.UTC(2024, 0, 15), categoryTags: { tea: ['hot drinks'] } };
        const fromRecords = deriveProfiles(customersAll, records, [], options);
        // Rows without line data have NaN discounted spend; the record form has no line spend for them either.
        const fromColumns = deriveProfiles(
          customersAll,
          { ...columns, discountedAmount: columns.discountedAmount!.map((v) => (Number.isNaN(v) ? 0 : v)) },
          [],
          options,
        );
        const strip = (profiles: readonly { priceSensitivity: number | null }[]) =>
          profiles.map((profile) => ({ ...profile, priceSensitivity: null }));
        expect(strip(fromColumns.profiles)).toEqual(strip(fromRecords.profiles));
        expect(fromColumns.unmatched).toEqual(fromRecords.unmatched);
        expect(fromColumns.afterAsOf).toEqual(fromRecords.afterAsOf);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees on price sensitivity when every row carries line data', () => {
    fc.assert(
      fc.property(
        fc.array(
          txArbitrary.map((r) => ({ ...r, category: r.category ?? 'tea' })),
          { maxLength: 25 },
        ),
        (rows) => {
          const { records, columns } = build(rows);
          const options = { asOf: Date.UTC(2024, 0, 15) };
          expect(deriveProfiles(customersAll, columns, [], options).profiles.map((p) => p.priceSensitivity)).toEqual(
            deriveProfiles(customersAll, records, [], options).profiles.map((p) => p.priceSensitivity),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of customers, transactions or events', () => {
    fc.assert(
      fc.property(fc.array(txArbitrary, { maxLength: 25 }), fc.integer(), (rows, seed) => {
        const { records } = build(rows);
        const events: EngagementEvent[] = records.map((r, i) => ({
          id: `e${i}`,
          customerId: r.customerId,
          occurredAt: r.occurredAt,
          type: i % 2 === 0 ? 'visit' : 'email_click',
        }));
        const options = { asOf: Date.UTC(2024, 0, 15) };
        const a = deriveProfiles(customersAll, records, events, options);
        const b = deriveProfiles(
          shuffled(customersAll, seed),
          shuffled(records, seed + 1),
          shuffled(events, seed + 2),
          options,
        );
        expect(b.profiles).toEqual(a.profiles);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 4 }),
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        fc.array(fc.jsonValue(), { maxLength: 4 }),
        (c, tr, ev) => {
          void deriveProfiles(c as Customer[], tr as Transaction[], ev as EngagementEvent[], { asOf: '2024-06-30' });
        },
      ),
      { numRuns: 200 },
    );
  });
});
