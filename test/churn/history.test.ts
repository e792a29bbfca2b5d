import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIND_PURCHASE, KIND_REFUND, toColumnar } from '../../src/core/index.js';
import { asOfDays, buildPurchaseIndex } from '../../src/churn/history.js';
import { AS_OF, DAY, purchase, refund } from './fixtures.js';

const asOfDay = AS_OF / DAY;

describe('buildPurchaseIndex', () => {
  const txs = [purchase('b', 3, 10), purchase('a', 5, 20), refund('a', 2, 5), purchase('a', 40, 30), purchase('b', -2, 99)];

  it('groups rows per customer in canonical id order, sorted by day, refunds negative, future rows dropped', () => {
    const index = buildPurchaseIndex({ transactions: txs }, { asOfMs: AS_OF });
    expect(index.ids).toEqual(['a', 'b']);
    expect(Array.from(index.offsets)).toEqual([0, 3, 4]);
    expect(Array.from(index.day)).toEqual([asOfDay - 40, asOfDay - 5, asOfDay - 2, asOfDay - 3]);
    expect(Array.from(index.amount)).toEqual([30, 20, -5, 10]);
    expect(Array.from(index.refund)).toEqual([0, 0, 1, 0]);
    expect(Array.from(index.newOrder)).toEqual([1, 1, 0, 1]);
    expect(index.rowsAfterAsOf).toBe(1);
    expect(index.rowsUsed).toBe(4);
  });

  it('gives the same index from records and from columns, whatever the row order', () => {
    const fromRecords = buildPurchaseIndex({ transactions: txs }, { asOfMs: AS_OF });
    const fromColumns = buildPurchaseIndex({ columns: toColumnar(txs) }, { asOfMs: AS_OF });
    expect(fromColumns).toEqual(fromRecords);
    fc.assert(
      fc.property(fc.shuffledSubarray(txs, { minLength: txs.length, maxLength: txs.length }), (shuffled) => {
        expect(buildPurchaseIndex({ transactions: shuffled }, { asOfMs: AS_OF })).toEqual(fromRecords);
      }),
      { numRuns: 50 },
    );
  });

  it('uses dense integer ids without hashing and orders them numerically', () => {
    const columns = {
      customerId: Int32Array.from([10, 2, 10, 2]),
      day: Int32Array.from([5, 6, 7, 1]),
      amount: Float64Array.from([1, 2, 3, 4]),
      kind: Uint8Array.from([KIND_PURCHASE, KIND_PURCHASE, KIND_REFUND, KIND_PURCHASE]),
    };
    const index = buildPurchaseIndex({ columns }, { asOfMs: 100 * DAY });
    expect(index.ids).toEqual(['2', '10']);
    expect(Array.from(index.day)).toEqual([1, 6, 5, 7]);
    expect(Array.from(index.amount)).toEqual([4, 2, 1, -3]);
  });

  it('restricts to requested customers and counts the others', () => {
    const index = buildPurchaseIndex({ transactions: txs }, { asOfMs: AS_OF, customerIds: ['b', 'z'] });
    expect(index.ids).toEqual(['b', 'z']);
    expect(Array.from(index.offsets)).toEqual([0, 1, 1]);
    expect(index.rowsOfUnknownCustomers).toBe(3);
  });

  it('counts order rows once per orderId within a customer', () => {
    const rows = [purchase('a', 5, 1, { orderId: 'o1' }), purchase('a', 5, 2, { orderId: 'o1' }), purchase('a', 4, 3, { orderId: 'o2' })];
    const index = buildPurchaseIndex({ columns: toColumnar(rows) }, { asOfMs: AS_OF });
    expect(Array.from(index.newOrder).reduce((s, v) => s + v, 0)).toBe(2);
  });

  it('asOfDays: a midnight asOf excludes its own day, a mid-day asOf includes it', () => {
    expect(asOfDays(AS_OF)).toEqual({ asOfDay, endDay: asOfDay });
    expect(asOfDays(AS_OF + 12 * 3_600_000)).toEqual({ asOfDay, endDay: asOfDay + 1 });
    expect(asOfDays(AS_OF, 'Asia/Shanghai')).toEqual({ asOfDay, endDay: asOfDay + 1 });
  });
});

describe('buildPurchaseIndex sorting', () => {
  it('sorts long unsorted slices (beyond the insertion-sort size) the same way as short ones', () => {
    const days = Array.from({ length: 120 }, (_, i) => (i * 37) % 101);
    const rows = days.map((d, i) => purchase('long', d, 10 + (i % 7)));
    const index = buildPurchaseIndex({ transactions: rows }, { asOfMs: AS_OF });
    const pairs = Array.from(index.day, (d, j) => [d, index.amount[j]!] as const);
    const sorted = [...pairs].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(pairs).toEqual(sorted);
    expect(buildPurchaseIndex({ transactions: [...rows].reverse() }, { asOfMs: AS_OF })).toEqual(index);
  });
});
