import fc from 'fast-check';
import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { compressRecencyFrequency, decodeRecencyFrequency, validateRecencyFrequency } from '../../src/clv/data.js';
import {
  calibrationColumnsToSummary,
  calibrationSummaryToColumns,
  mergeCalibrationColumns,
  mergeCalibrationSummaries,
  toCalibrationColumns,
  toCalibrationSummary,
  type CalibrationColumns,
} from '../../src/clv/summary.js';
import { daysFromCivil, type ColumnarTransactions, type Transaction } from '../../src/core/index.js';
import { btydCdnowCbs, cdnowCustomersSummary, cdnowSampleColumns, parseCsv, readDataset } from './datasets.js';

const CDNOW = { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', timeUnit: 'week' } as const;

/** pymc-marketing tests/clv/test_utils.py::TestRFM (adapted from lifetimes): (customer, date, value). */
const TOY: readonly [string, string, number][] = [
  ['1', '2015-01-01', 1],
  ['1', '2015-02-06', 2],
  ['2', '2015-01-01', 2],
  ['3', '2015-01-01', 3],
  ['3', '2015-01-02', 1],
  ['3', '2015-01-05', 5],
  ['4', '2015-01-16', 6],
  ['4', '2015-02-02', 3],
  ['4', '2015-02-05', 3],
  ['4', '2015-02-05', 6],
  ['5', '2015-01-16', 3],
  ['5', '2015-01-17', 1],
  ['5', '2015-01-18', 8],
  ['6', '2015-02-02', 5],
];

function toyTransactions(): Transaction[] {
  return TOY.map(([customerId, date, amount], i) => ({
    id: `t${i}`,
    customerId,
    occurredAt: Date.parse(`${date}T10:00:00Z`),
    kind: 'purchase',
    amount,
    currency: 'USD',
  }));
}

describe('toCalibrationSummary', () => {
  it('reproduces BTYD cdnowSummary$cbs at full precision from CDNOW_sample.txt (day merging, end 1997-09-30)', () => {
    const summary = toCalibrationColumns(cdnowSampleColumns(), CDNOW);
    const cbs = btydCdnowCbs();
    expect(summary.customerId.length).toBe(2357);
    expect(summary.holdoutDuration).toBe(39);
    let holdout = 0;
    for (const row of cbs) {
      const i = summary.customerId.indexOf(row.id);
      expect(summary.x[i]).toBe(row.x);
      expect(summary.tx[i]).toBeCloseTo(row.tx, 12);
      expect(summary.T[i]).toBeCloseTo(row.T, 12);
      expect(summary.holdoutPurchases![i]).toBe(row.xStar);
      expect(summary.meanSpend[i]).toBeCloseTo(row.mx, 10);
      holdout += summary.holdoutPurchases![i]!;
    }
    expect(holdout).toBe(1882);
  });

  it('reproduces lifetimes’ cdnow_customers_summary.csv (2 decimals) exactly and the Gamma-Gamma spend file to the cent', () => {
    const summary = toCalibrationColumns(cdnowSampleColumns(), { calibrationEnd: '1997-09-30', timeUnit: 'week' });
    const round = (v: number): number => Math.round(v * 100) / 100;
    for (const row of cdnowCustomersSummary()) {
      const i = summary.customerId.indexOf(row.id);
      expect([summary.x[i], round(summary.tx[i]!), round(summary.T[i]!)]).toEqual([row.x, row.tx, row.T]);
    }
    const spend = parseCsv(readDataset('cdnow_customers_summary_with_transactions.csv')).rows;
    for (const [id, x, , , zbar] of spend) {
      const i = summary.customerId.indexOf(Number(id));
      expect(summary.x[i]).toBe(Number(x));
      // zbar is rounded to cents (ties such as 18.975 rounded either way).
      expect(Math.abs(summary.meanSpend[i]! - Number(zbar))).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    let total = 0;
    for (let i = 0; i < summary.x.length; i++) total += summary.x[i]!;
    expect(total).toBe(2457);
  });

  it('matches the lifetimes / pymc-marketing RFM anchors (days, with monetary value)', () => {
    const summary = toCalibrationSummary(toyTransactions(), { asOf: '2015-02-07', timeUnit: 'day' });
    expect(summary.customers.map((c) => [c.customerId, c.x, c.tx, c.T, c.meanSpend])).toEqual([
      ['1', 1, 36, 37, 2],
      ['2', 0, 0, 37, 0],
      ['3', 2, 4, 37, 3],
      ['4', 2, 20, 22, 6],
      ['5', 2, 2, 22, 4.5],
      ['6', 0, 0, 5, 0],
    ]);
  });

  it('matches the weekly anchors with calendar-week periods (lifetimes freq="W")', () => {
    const summary = toCalibrationSummary(toyTransactions(), {
      asOf: '2015-02-07',
      timeUnit: 'week',
      mergeWithin: 'period',
    });
    expect(summary.customers.map((c) => [c.x, c.tx, c.T])).toEqual([
      [1, 5, 5],
      [0, 0, 5],
      [1, 1, 5],
      [1, 3, 3],
      [0, 0, 3],
      [0, 0, 0],
    ]);
  });

  it('splits calibration and holdout like lifetimes’ calibration_and_holdout_data (weekly)', () => {
    const summary = toCalibrationSummary(toyTransactions(), {
      calibrationEnd: '2015-02-01',
      holdoutEnd: '2015-02-07',
      timeUnit: 'week',
      mergeWithin: 'period',
    });
    expect(summary.customers.map((c) => [c.customerId, c.x, c.tx, c.T, c.holdoutPurchases])).toEqual([
      ['1', 0, 0, 4, 1],
      ['2', 0, 0, 4, 0],
      ['3', 1, 1, 4, 0],
      ['4', 0, 0, 2, 1],
      ['5', 0, 0, 2, 0],
    ]);
    expect(summary.holdoutDuration).toBe(1);
    expect(summary.holdoutOnly).toEqual([
      { customerId: '6', firstPurchase: '2015-02-02', holdoutPurchases: 1, holdoutSpend: 5 },
    ]);
  });

  it('ignores refunds and later rows but counts them, and counts days in the given time zone', () => {
    const base = toyTransactions();
    const refund: Transaction = { ...base[0]!, id: 'r', kind: 'refund', amount: 1 };
    const late: Transaction = { ...base[0]!, id: 'l', occurredAt: Date.UTC(2015, 5, 1) };
    const summary = toCalibrationSummary([...base, refund, late], { asOf: '2015-02-07', timeUnit: 'day' });
    expect(summary.ignoredRefunds).toBe(1);
    expect(summary.ignoredAfterEnd).toBe(1);
    // 20:00 UTC on Feb 5 is Feb 6 in Shanghai: customer 2's repeat purchase moves by a day.
    const evening: Transaction = { ...base[2]!, id: 'e', occurredAt: Date.UTC(2015, 1, 5, 20) };
    const utc = toCalibrationSummary([...base, evening], { asOf: '2015-02-07', timeUnit: 'day' });
    const shanghai = toCalibrationSummary([...base, evening], {
      asOf: '2015-02-07',
      timeUnit: 'day',
      timeZone: 'Asia/Shanghai',
    });
    expect(utc.customers[1]!.tx).toBe(35);
    expect(shanghai.customers[1]!.tx).toBe(36);
  });

  it('gives the same result for records and columns, and converts both ways', () => {
    const records = toCalibrationSummary(toyTransactions(), { asOf: '2015-02-07', timeUnit: 'day' });
    const columns = toCalibrationColumns(
      {
        customerId: TOY.map((t) => t[0]),
        day: Int32Array.from(TOY, (t) =>
          daysFromCivil(Number(t[1].slice(0, 4)), Number(t[1].slice(5, 7)), Number(t[1].slice(8, 10))),
        ),
        amount: Float64Array.from(TOY, (t) => t[2]),
      },
      { asOf: '2015-02-07', timeUnit: 'day' },
    );
    expect(calibrationColumnsToSummary(columns)).toEqual(records);
    expect(calibrationColumnsToSummary(calibrationSummaryToColumns(records))).toEqual(records);
  });

  it('supports calendar months and blocks of days as periods', () => {
    const monthly = toCalibrationSummary(toyTransactions(), {
      asOf: '2015-02-07',
      timeUnit: 'month',
      mergeWithin: 'period',
    });
    expect(monthly.customers.map((c) => [c.x, c.tx, c.T])).toEqual([
      [1, 1, 1],
      [0, 0, 1],
      [0, 0, 1],
      [1, 1, 1],
      [0, 0, 1],
      [0, 0, 0],
    ]);
    const fortnights = toCalibrationSummary(toyTransactions(), {
      asOf: '2015-02-07',
      timeUnit: { days: 14 },
      mergeWithin: 'period',
    });
    // Blocks of 14 days end on the calibration end: … [Jan 11, Jan 24], [Jan 25, Feb 7].
    expect(fortnights.customers.map((c) => [c.x, c.tx, c.T])[3]).toEqual([1, 1, 1]);
  });

  it('refuses an ambiguous end and a holdout before the calibration end', () => {
    expect(() => toCalibrationSummary(toyTransactions(), { timeUnit: 'day' })).toThrow(/exactly one/);
    expect(() =>
      toCalibrationSummary(toyTransactions(), { asOf: '2015-02-07', calibrationEnd: '2015-02-07', timeUnit: 'day' }),
    ).toThrow();
    expect(() =>
      toCalibrationSummary(toyTransactions(), {
        calibrationEnd: '2015-02-07',
        holdoutEnd: '2015-02-01',
        timeUnit: 'day',
      }),
    ).toThrow();
  });
});

/** Random transaction logs as columns. */
const logArbitrary = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 120 }),
      fc.integer({ min: 0, max: 500 }),
      fc.boolean(),
    ),
    {
      minLength: 1,
      maxLength: 80,
    },
  )
  .map((rows) => ({
    customerId: rows.map((r) => `c${r[0]}`),
    day: Int32Array.from(rows, (r) => 20000 + r[1]),
    amount: Float64Array.from(rows, (r) => r[2] / 4),
    kind: Uint8Array.from(rows, (r) => (r[3] && r[2] % 7 === 0 ? 1 : 0)),
  }));

function slice(columns: ColumnarTransactions, keep: (i: number) => boolean): ColumnarTransactions {
  const rows = Array.from({ length: columns.amount.length }, (_, i) => i).filter(keep);
  return {
    customerId: rows.map((i) => (columns.customerId as string[])[i]!),
    day: Int32Array.from(rows, (i) => columns.day![i]!),
    amount: Float64Array.from(rows, (i) => columns.amount[i]!),
    kind: Uint8Array.from(rows, (i) => columns.kind![i]!),
  };
}

function expectSameSummary(a: CalibrationColumns, b: CalibrationColumns): void {
  expect(a.customerId).toEqual(b.customerId);
  expect(a.x).toEqual(b.x);
  expect(a.tx).toEqual(b.tx);
  expect(a.T).toEqual(b.T);
  expect(a.firstPurchaseDay).toEqual(b.firstPurchaseDay);
  expect(a.holdoutPurchases).toEqual(b.holdoutPurchases);
  expect(a.holdoutOnly.customerId).toEqual(b.holdoutOnly.customerId);
  for (let i = 0; i < a.x.length; i++) {
    expect(a.meanSpend[i]).toBeCloseTo(b.meanSpend[i]!, 9);
    expect(a.totalSpend[i]).toBeCloseTo(b.totalSpend[i]!, 9);
  }
}

describe('shards and input order', () => {
  const options = { calibrationEnd: '2024-10-01', holdoutEnd: '2024-12-01', timeUnit: 'week' } as const;

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(logArbitrary, fc.integer(), (log, seed) => {
        const n = log.amount.length;
        const order = Array.from({ length: n }, (_, i) => i).sort(
          (a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b,
        );
        const shuffled: ColumnarTransactions = {
          customerId: order.map((i) => log.customerId[i]!),
          day: Int32Array.from(order, (i) => log.day[i]!),
          amount: Float64Array.from(order, (i) => log.amount[i]!),
          kind: Uint8Array.from(order, (i) => log.kind[i]!),
        };
        expectSameSummary(toCalibrationColumns(shuffled, options), toCalibrationColumns(log, options));
      }),
      { numRuns: 100 },
    );
  });

  it('merges shards split by customer or by day into the one-pass result', () => {
    fc.assert(
      fc.property(logArbitrary, fc.integer({ min: 20000, max: 20120 }), (log, cut) => {
        const whole = toCalibrationColumns(log, options);
        const byCustomer = [0, 1, 2].map((k) =>
          toCalibrationColumns(
            slice(log, (i) => Number(log.customerId[i]!.slice(1)) % 3 === k),
            options,
          ),
        );
        const mergedByCustomer = mergeCalibrationColumns(byCustomer);
        expect(E.isRight(mergedByCustomer)).toBe(true);
        if (E.isRight(mergedByCustomer)) expectSameSummary(mergedByCustomer.right, whole);
        const byDay = [
          toCalibrationColumns(
            slice(log, (i) => log.day[i]! < cut),
            options,
          ),
          toCalibrationColumns(
            slice(log, (i) => log.day[i]! >= cut),
            options,
          ),
        ];
        const mergedByDay = mergeCalibrationColumns(byDay);
        expect(E.isRight(mergedByDay)).toBe(true);
        if (E.isRight(mergedByDay)) {
          expectSameSummary(mergedByDay.right, whole);
          expect(mergedByDay.right.ignoredRefunds).toBe(whole.ignoredRefunds);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('counts a purchase period shared at a shard boundary once (weekly periods)', () => {
    const weekly = { asOf: '2015-02-07', timeUnit: 'week', mergeWithin: 'period' } as const;
    const all = toyTransactions();
    // Customer 4 buys on Monday Feb 2 and Thursday Feb 5: one calendar week split across two shards.
    const early = all.filter((t) => t.occurredAt < Date.UTC(2015, 1, 4));
    const late = all.filter((t) => t.occurredAt >= Date.UTC(2015, 1, 4));
    const merged = mergeCalibrationSummaries([toCalibrationSummary(early, weekly), toCalibrationSummary(late, weekly)]);
    expect(merged).toEqual(E.right(toCalibrationSummary(all, weekly)));
  });

  it('handles customers with many rows in any order and non-dense numeric ids', () => {
    const days = Array.from({ length: 200 }, (_, i) => 20000 + ((i * 37) % 150));
    const log: ColumnarTransactions = {
      customerId: days.map((_, i) => (i % 2 === 0 ? 7e9 : 3)),
      day: Int32Array.from(days),
      amount: Float64Array.from(days, (_, i) => 1 + (i % 5)),
    };
    const summary = toCalibrationColumns(log, { calibrationEnd: '2025-06-01', timeUnit: 'day' });
    expect(summary.customerId).toEqual([3, 7e9]);
    const distinct = (parity: number): number[] =>
      [...new Set(days.filter((_, i) => i % 2 === parity))].sort((a, b) => a - b);
    expect(summary.x[1]).toBe(distinct(0).length - 1);
    expect(summary.x[0]).toBe(distinct(1).length - 1);
    expect(summary.tx[1]).toBe(distinct(0).at(-1)! - distinct(0)[0]!);
  });

  it('refuses incompatible summaries and overlapping purchase ranges', () => {
    const a = toCalibrationSummary(toyTransactions(), { asOf: '2015-02-07', timeUnit: 'day' });
    const b = toCalibrationSummary(toyTransactions(), { asOf: '2015-02-07', timeUnit: 'week' });
    const incompatible = mergeCalibrationSummaries([a, b]);
    expect(E.isLeft(incompatible) && incompatible.left.code).toBe('incompatible-summaries');
    const overlapping = mergeCalibrationSummaries([a, a]);
    expect(E.isLeft(overlapping) && overlapping.left.code).toBe('overlapping-purchases');
  });
});

describe('recency-frequency data', () => {
  it('compresses identical rows into weights, sorted by x, T, tx', () => {
    const compressed = compressRecencyFrequency([
      { x: 2, tx: 4, T: 10 },
      { x: 0, tx: 0, T: 10 },
      { x: 0, tx: 0, T: 10, weight: 3 },
      { x: 0, tx: 0, T: 8 },
      { x: 1, tx: 1, T: 1, weight: 0 },
    ]);
    expect(Array.from(compressed.x)).toEqual([0, 0, 2]);
    expect(Array.from(compressed.T)).toEqual([8, 10, 10]);
    expect(Array.from(compressed.weight)).toEqual([1, 4, 1]);
    const cdnow = compressRecencyFrequency(btydCdnowCbs());
    let total = 0;
    for (const w of cdnow.weight) total += w;
    expect(total).toBe(2357);
    expect(cdnow.x.length).toBeLessThan(1100);
  });

  it('validates rows and columns with paths', () => {
    expect(validateRecencyFrequency([{ x: 1, tx: 2, T: 5 }])).toEqual([]);
    expect(validateRecencyFrequency([{ x: 1.5, tx: 6, T: 5 }]).map((i) => i.path)).toEqual(['data[0].x', 'data[0].tx']);
    expect(validateRecencyFrequency([{ x: 0, tx: 1, T: 5 }]).map((i) => i.path)).toEqual(['data[0].tx']);
    expect(validateRecencyFrequency({ x: [1, 2], tx: [1], T: [3, 3] })[0]!.path).toBe('data.tx');
    expect(validateRecencyFrequency({ x: [1], tx: [1], T: [Number.NaN] }).map((i) => i.path)).toEqual([
      'data.T[0]',
      'data.tx[0]',
    ]);
  });

  it('decodes untrusted rows and never throws on arbitrary JSON', () => {
    expect(decodeRecencyFrequency([{ x: 1, tx: 2, T: 5, weight: 2 }])).toEqual(
      E.right([{ x: 1, tx: 2, T: 5, weight: 2 }]),
    );
    const bad = decodeRecencyFrequency([{ x: -1, tx: 2, T: 5 }, { x: 1, tx: 9, T: 5 }, 'row']);
    expect(E.isLeft(bad) && bad.left.map((i) => i.path)).toEqual(['data[0].x', 'data[2]']);
    const crossField = decodeRecencyFrequency([{ x: 1, tx: 9, T: 5 }]);
    expect(E.isLeft(crossField) && crossField.left[0]!.path).toBe('data[0].tx');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = decodeRecencyFrequency(value);
        expect(E.isLeft(result) || E.isRight(result)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
