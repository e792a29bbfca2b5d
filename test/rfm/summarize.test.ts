import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, dayNumber, toColumnar, type Transaction } from '../../src/core/index.js';
import { customerRows, NO_DAY, summarize } from '../../src/rfm/index.js';
import { DAY, noon, numericColumns, plain, purchase, randomTransactions, refund, shuffled } from './fixtures.js';

const handMade: Transaction[] = [
  purchase('A', '2024-01-10', 20, 'o1'),
  purchase('A', '2024-01-10', 5.5, 'o1'),
  purchase('B', '2024-03-15', 12),
  purchase('A', '2024-02-01', 35.5, 'o2'),
  refund('A', '2024-02-03', 5.5),
  refund('C', '2024-02-20', 8),
  purchase('A', '2024-07-01', 100, 'o3'),
];

describe('summarize — hand-checked', () => {
  const summary = summarize(handMade, { asOf: '2024-03-31T23:59:59Z' });
  const c = summary.customers;

  it('computes recency, frequency, monetary, tenure and AOV per customer', () => {
    expect(c.customerId).toEqual(['A', 'B', 'C']);
    // A: last purchase 2024-02-01 → 59 days to 2024-03-31 (2024 is a leap year); first 2024-01-10 → 81 days.
    expect(Array.from(c.recencyDays)).toEqual([59, 16, -1]);
    expect(Array.from(c.tenureDays)).toEqual([81, 16, -1]);
    expect(Array.from(c.frequency)).toEqual([2, 1, 0]); // two rows of order o1 count once; refunds never count
    expect(Array.from(c.purchaseRows)).toEqual([3, 1, 0]);
    expect(Array.from(c.purchaseDays)).toEqual([2, 1, 0]);
    expect(Array.from(c.refundRows)).toEqual([1, 0, 1]);
    expect(Array.from(c.monetary)).toEqual([55.5, 12, -8]); // net of refunds
    expect(Array.from(c.grossMinor)).toEqual([6100, 1200, 0]);
    expect(Array.from(c.refundMinor)).toEqual([550, 0, 800]);
    expect(Array.from(c.averageOrderValue.slice(0, 2))).toEqual([27.75, 12]);
    expect(Number.isNaN(c.averageOrderValue[2])).toBe(true);
    expect(c.firstPurchaseDay[0]).toBe(dayNumber('2024-01-10'));
    expect(c.lastPurchaseDay[0]).toBe(dayNumber('2024-02-01'));
    expect(c.firstPurchaseDay[2]).toBe(NO_DAY);
  });

  it('excludes and counts rows after asOf, and totals exactly', () => {
    expect(summary.counts).toEqual({ rows: 7, purchases: 4, refunds: 2, afterAsOf: 1, rejected: 0, roundedAmounts: 0 });
    expect(summary.totals).toEqual({
      customers: 3,
      purchasers: 2,
      orders: 3,
      grossRevenue: '73.00',
      refunds: '13.50',
      netRevenue: '59.50',
    });
    expect(summary.asOfDate).toBe('2024-03-31');
    expect(summary.warnings).toEqual([]);
  });

  it('uses an explicit instant: a purchase later on the asOf day is excluded', () => {
    const early = summarize(handMade, { asOf: '2024-03-15T08:00:00Z' });
    expect(early.counts.afterAsOf).toBe(2); // B's purchase at noon and A's July purchase
    expect(early.customers.customerId).toEqual(['A', 'C']);
  });

  it('offers the rows and days frequency bases and gross monetary', () => {
    const rows = summarize(handMade, { asOf: '2024-03-31T23:59:59Z', frequency: 'rows', monetary: 'gross' });
    expect(Array.from(rows.customers.frequency)).toEqual([3, 1, 0]);
    expect(Array.from(rows.customers.monetary)).toEqual([61, 12, 0]);
    expect(Array.from(rows.customers.averageOrderValue.slice(0, 2))).toEqual([30.5, 12]);
    const days = summarize(handMade, { asOf: '2024-03-31T23:59:59Z', frequency: 'days' });
    expect(Array.from(days.customers.frequency)).toEqual([2, 1, 0]);
  });

  it('converts to plain rows', () => {
    expect(customerRows(summary)[0]).toEqual({
      customerId: 'A',
      recencyDays: 59,
      frequency: 2,
      monetary: 55.5,
      orders: 2,
      purchaseDays: 2,
      purchaseRows: 3,
      refundRows: 1,
      grossRevenue: 61,
      refunds: 5.5,
      netRevenue: 55.5,
      firstPurchaseDate: '2024-01-10',
      lastPurchaseDate: '2024-02-01',
      tenureDays: 81,
      averageOrderValue: 27.75,
    });
    expect(customerRows(summary)[2]).toMatchObject({
      recencyDays: null,
      firstPurchaseDate: null,
      averageOrderValue: null,
    });
  });

  it('matches the columnar example of the docs', () => {
    const result = summarize(
      {
        customerId: Int32Array.of(1, 1, 2, 1),
        day: Int32Array.of(19_000, 19_010, 19_005, 19_012),
        amount: Float64Array.of(20, 35.5, 12, 5.5),
        kind: Uint8Array.of(0, 0, 0, 1),
      },
      { asOf: '2022-01-31' },
    );
    expect(Array.from(result.customers.recencyDays)).toEqual([13, 18]);
    expect(Array.from(result.customers.frequency)).toEqual([2, 1]);
    expect(Array.from(result.customers.monetary)).toEqual([50, 12]);
    expect(result.totals.netRevenue).toBe('62.00');
    expect(plain(result.customers.customerId)).toEqual([1, 2]);
  });
});

describe('summarize — money is exact to the cent', () => {
  it('sums 0.1 + 0.2 and ten thousand dimes exactly', () => {
    const dimes = Array.from({ length: 10_000 }, (_, i) => purchase('D', '2024-01-01', 0.1, `d${i}`));
    const summary = summarize([...dimes, purchase('E', '2024-01-01', 0.1), purchase('E', '2024-01-02', 0.2)], {
      asOf: '2024-02-01',
    });
    expect(Array.from(summary.customers.monetary)).toEqual([1000, 0.3]);
    expect(summary.totals.grossRevenue).toBe('1000.30');
  });

  it('rounds sub-cent amounts half-even per row and counts them', () => {
    const summary = summarize(
      [purchase('A', '2024-01-01', 1.005), purchase('A', '2024-01-01', 1.015), purchase('A', '2024-01-01', 2.5)],
      { asOf: '2024-02-01' },
    );
    expect(summary.totals.grossRevenue).toBe('4.52'); // 1.00 + 1.02 + 2.50
    expect(summary.counts.roundedAmounts).toBe(2);
    expect(summary.warnings.map((w) => w.code)).toEqual(['rounded-amounts']);
    const mills = summarize([purchase('A', '2024-01-01', 1.005)], { asOf: '2024-02-01', amountDecimals: 3 });
    expect(mills.totals.grossRevenue).toBe('1.005');
    expect(mills.counts.roundedAmounts).toBe(0);
  });

  it('uses the currency exponent and rejects other currencies', () => {
    const yen: Transaction[] = [
      { ...purchase('A', '2024-01-01', 1500), currency: 'JPY' },
      { ...purchase('A', '2024-01-02', 10), currency: 'EUR' },
    ];
    const summary = summarize(yen, { asOf: '2024-02-01', currency: 'jpy' });
    expect(summary.amountDecimals).toBe(0);
    expect(summary.totals.grossRevenue).toBe('1500');
    expect(summary.rejections.byReason).toEqual({ currency: 1 });
    expect(summary.rejections.issues[0]?.path).toBe('transactions[1].currency');
    const mixed = summarize(yen, { asOf: '2024-02-01' });
    expect(mixed.warnings.map((w) => w.code)).toEqual(['mixed-currencies']);
  });
});

describe('summarize — bad rows are reported, never dropped silently', () => {
  it('rejects invalid columnar rows with paths and counts per reason', () => {
    const summary = summarize(
      {
        customerId: Float64Array.of(1, Number.NaN, 2, 3, 4, 5, 1.5),
        occurredAt: Float64Array.of(
          noon('2024-01-01'),
          noon('2024-01-01'),
          noon('2024-01-01'),
          Number.NaN,
          noon('2024-01-01'),
          noon('2024-01-02'),
          0,
        ),
        amount: Float64Array.of(10, 10, -1, 10, 10, 10, 10),
        kind: Uint8Array.of(0, 0, 0, 0, 7, 0, 0),
        orderId: Float64Array.of(1, 2, 3, 4, 5, Number.NaN, 7),
      },
      { asOf: '2024-02-01' },
    );
    expect(summary.counts.rejected).toBe(6);
    expect(summary.rejections.byReason).toEqual({ customerId: 2, amount: 1, time: 1, kind: 1, orderId: 1 });
    expect(summary.rejections.issues.map((i) => i.path)).toEqual([
      'columns.customerId[1]',
      'columns.amount[2]',
      'columns.occurredAt[3]',
      'columns.kind[4]',
      'columns.orderId[5]',
      'columns.customerId[6]',
    ]);
    expect(summary.totals.customers).toBe(1);
  });

  it('treats empty string ids as missing', () => {
    const summary = summarize(
      { customerId: ['a', '', ' '], day: Int32Array.of(1, 1, 1), amount: Float64Array.of(1, 2, 3) },
      { asOf: 0 + 5 * DAY },
    );
    expect(summary.rejections.byReason).toEqual({ customerId: 2 });
    expect(summary.customers.customerId).toEqual(['a']);
  });

  it('throws on programming errors: mismatched columns, missing time column, bad options', () => {
    expect(() => summarize({ customerId: [1], amount: Float64Array.of(1) }, { asOf: 0 })).toThrow(
      /day or an occurredAt/,
    );
    expect(() =>
      summarize({ customerId: [1, 2], day: Int32Array.of(1), amount: Float64Array.of(1, 2) }, { asOf: 0 }),
    ).toThrow(/columns.day has 1 rows/);
    expect(() => summarize([], { asOf: 'not a date' })).toThrow(RangeError);
    expect(() => summarize([], { asOf: 0, amountDecimals: 12 })).toThrow(/amountDecimals/);
    expect(() => summarize([], { asOf: 0, frequency: 'weeks' as never })).toThrow(/frequency/);
  });
});

describe('summarize — calendar', () => {
  it('counts days in the given time zone', () => {
    const late = { ...purchase('A', '2024-03-01', 10), occurredAt: Date.parse('2024-03-01T20:00:00Z') };
    const utc = summarize([late], { asOf: '2024-03-10T12:00:00Z' });
    const shanghai = summarize([late], { asOf: '2024-03-10T12:00:00Z', timeZone: 'Asia/Shanghai' });
    expect(utc.customers.recencyDays[0]).toBe(9);
    expect(shanghai.customers.recencyDays[0]).toBe(8); // 2024-03-02 local
    expect(shanghai.timeZone).toBe('Asia/Shanghai');
  });

  it('uses day numbers as given when only days are present (the whole asOf day counts)', () => {
    const summary = summarize(
      { customerId: [7, 7], day: Int32Array.of(100, 101), amount: Float64Array.of(1, 1) },
      { asOf: 100 * DAY + 3_600_000 },
    );
    expect(summary.counts.afterAsOf).toBe(1);
    expect(summary.customers.recencyDays[0]).toBe(0);
  });
});

describe('summarize — input forms and row order give identical results', () => {
  const transactions = randomTransactions('forms', { customers: 60, rows: 1500, rowsPerOrder: 3 });
  const asOf = Date.UTC(2024, 0, 15);
  const reference = summarize(transactions, { asOf });

  it('records equal their columnar form (string ids and order ids)', () => {
    expect(plain(summarize(toColumnar(transactions), { asOf }))).toEqual(plain(reference));
  });

  it('numeric ids (dense and sparse) equal string ids', () => {
    const numeric = numericColumns(transactions);
    const dense = summarize(numeric, { asOf });
    const sparse = summarize(
      { ...numeric, customerId: Float64Array.from(numeric.customerId as Int32Array, (id) => id * 1e9 + 17) },
      { asOf },
    );
    const withoutIds = (s: typeof reference): unknown => ({ ...(plain(s.customers) as object), customerId: null });
    expect(withoutIds(dense)).toEqual(withoutIds(reference));
    expect(withoutIds(sparse)).toEqual(withoutIds(reference));
    expect(plain(dense.customers.customerId)).toEqual(
      (reference.customers.customerId as string[]).map((id) => Number(id.slice(1))),
    );
    expect(dense.totals).toEqual(reference.totals);
  });

  it('is invariant under any permutation of the rows (property)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const permuted = shuffled(transactions, seed);
        expect(plain(summarize(permuted, { asOf }).customers)).toEqual(plain(reference.customers));
        expect(plain(summarize(numericColumns(permuted), { asOf }).customers.orders)).toEqual(
          plain(reference.customers.orders),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('time-ordered and shuffled rows agree for every frequency basis', () => {
    const sorted = transactions.slice().sort((a, b) => a.occurredAt - b.occurredAt);
    for (const frequency of ['orders', 'rows', 'days'] as const) {
      const a = summarize(sorted, { asOf, frequency });
      const b = summarize(shuffled(sorted, frequency), { asOf, frequency });
      expect(plain(a)).toEqual(plain(b));
    }
  });
});

describe('summarize — customer-interleaved input (partitioned accumulation)', () => {
  it('gives the same summary for interleaved and customer-grouped rows with many customers', () => {
    const rng = createRng('interleaved');
    const n = 120_000;
    const customerId = new Int32Array(n);
    const day = new Int32Array(n);
    const amount = new Float64Array(n);
    const kind = new Uint8Array(n);
    const orderId = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      customerId[i] = rng.integer(40_000) * 3; // > 16 384 slots, ids jump between distant customers
      day[i] = 19_000 + Math.floor((i / n) * 700); // time-ordered
      amount[i] = rng.integer(50_000) / 100;
      kind[i] = rng.uniform() < 0.05 ? 1 : 0;
      orderId[i] = Math.floor(i / 2);
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => customerId[a]! - customerId[b]! || a - b);
    const grouped = {
      customerId: Int32Array.from(order, (i) => customerId[i]!),
      day: Int32Array.from(order, (i) => day[i]!),
      amount: Float64Array.from(order, (i) => amount[i]!),
      kind: Uint8Array.from(order, (i) => kind[i]!),
      orderId: Int32Array.from(order, (i) => orderId[i]!),
    };
    const options = { asOf: 19_650 * DAY };
    const interleaved = summarize({ customerId, day, amount, kind, orderId }, options);
    expect(plain(interleaved)).toEqual(plain(summarize(grouped, options)));
    expect(interleaved.counts.afterAsOf).toBeGreaterThan(0);
    // rows out of day order inside a customer go to the exact recount, with the same result
    const reversed = summarize(
      {
        customerId: customerId.slice().reverse(),
        day: day.slice().reverse(),
        amount: amount.slice().reverse(),
        kind: kind.slice().reverse(),
        orderId: orderId.slice().reverse(),
      },
      options,
    );
    expect(plain(reversed.customers)).toEqual(plain(interleaved.customers));
  });
});

describe('summarize — mergeable state', () => {
  it('keeps every customer’s distinct purchase days and orders', () => {
    const summary = summarize(handMade, { asOf: '2024-03-31T23:59:59Z', mergeable: true });
    const state = summary.mergeState!;
    expect(Array.from(state.dayOffsets)).toEqual([0, 2, 3, 3]);
    expect(Array.from(state.days)).toEqual([dayNumber('2024-01-10'), dayNumber('2024-02-01'), dayNumber('2024-03-15')]);
    expect(Array.from(state.orderOffsets!)).toEqual([0, 2, 3, 3]);
    expect(state.orderKeys).toEqual(['o1', 'o2', handMade[2]!.id]);
    const noOrders = summarize(
      { customerId: [1], day: Int32Array.of(3), amount: Float64Array.of(1) },
      { asOf: 10 * DAY, mergeable: true },
    );
    expect(noOrders.mergeState?.orderKeys).toBeNull();
  });
});
