import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toColumnar } from '../../src/core/index.js';
import { extractSignals, SIGNAL_CODES } from '../../src/churn/index.js';
import { AS_OF, complaint, events, purchase, purchases, refund, spread, survey } from './fixtures.js';

const transactions = [
  ...purchases('a', [200, 160, 120, 80]),
  purchase('b', 100),
  ...purchases('c', spread(27, 100, 370)),
  ...Array.from({ length: 36 }, (_, i) => purchase('d', 5 + 10 * i, i < 9 ? 40 : 100)),
  refund('d', 3, 20),
];
const surveyResponses = [survey('a', 300, { nps: 9 }), survey('a', 20, { nps: 3 }), survey('b', 10, { csat: 1 })];
const complaints = [complaint('c', 10), complaint('c', 40, 12)];
const engagementEvents = events('d', spread(90, 32, 212));

describe('extractSignals', () => {
  const report = extractSignals({ transactions, surveyResponses, complaints, engagementEvents }, { asOf: AS_OF });

  it('returns one row per customer in canonical order with facts and reported signals', () => {
    expect(report.customers.map((c) => c.customerId)).toEqual(['a', 'b', 'c', 'd']);
    expect(report.codes).toEqual(SIGNAL_CODES);
    expect(report.strengths).toHaveLength(4 * SIGNAL_CODES.length);
    expect(report.asOf).toBe('2024-07-01T00:00:00.000Z');
    const d = report.customers[3]!;
    expect(d.orders).toBe(36);
    expect(d.daysSinceLastPurchase).toBe(5);
    expect(d.spendLastYear).toBe(9 * 40 + 27 * 100 - 20);
    for (const row of report.customers) {
      const contributions = row.signals.map((s) => s.contribution);
      expect(contributions).toEqual([...contributions].sort((x, y) => y - x));
    }
  });

  it('accounts for every input record', () => {
    expect(report.records.transactions).toEqual({ used: transactions.length, afterAsOf: 0, unknownCustomer: 0, filtered: 0 });
    expect(report.records.complaints.used).toBe(2);
    expect(report.records.engagementEvents.used).toBe(90);
  });

  it('gives identical results from columns', () => {
    const fromColumns = extractSignals({ columns: toColumnar(transactions), surveyResponses, complaints, engagementEvents }, { asOf: AS_OF });
    expect(fromColumns).toEqual(report);
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(transactions, { minLength: transactions.length, maxLength: transactions.length }),
        fc.shuffledSubarray(surveyResponses, { minLength: 3, maxLength: 3 }),
        fc.shuffledSubarray(engagementEvents, { minLength: 90, maxLength: 90 }),
        (t, s, e) => {
          expect(extractSignals({ transactions: t, surveyResponses: s, complaints, engagementEvents: e }, { asOf: AS_OF })).toEqual(report);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('scores an explicit customer list (including customers without purchases)', () => {
    const listed = extractSignals({ transactions, customerIds: ['a', 'new'] }, { asOf: AS_OF });
    expect(listed.customers.map((c) => [c.customerId, c.orders, c.daysSinceLastPurchase])).toEqual([
      ['a', 4, 80],
      ['new', 0, null],
    ]);
    expect(listed.records.transactions.unknownCustomer).toBe(transactions.length - 4);
  });

  it('counts calendar days in the given time zone', () => {
    // 2024-06-30T20:00Z is already 2024-07-01 in Shanghai: the purchase happens on the asOf day there.
    const late = [{ ...purchase('z', 1), occurredAt: Date.UTC(2024, 5, 30, 20) }];
    const utc = extractSignals({ transactions: late }, { asOf: '2024-07-01T23:00:00Z' });
    const shanghai = extractSignals({ transactions: late }, { asOf: '2024-07-01T23:00:00Z', timeZone: 'Asia/Shanghai' });
    expect(utc.customers[0]!.daysSinceLastPurchase).toBe(1);
    expect(shanghai.customers[0]!.daysSinceLastPurchase).toBe(1);
    expect(shanghai.asOfDay).toBe(utc.asOfDay + 1);
  });

  it('is JSON-serialisable apart from the typed strengths', () => {
    const rest = Object.fromEntries(Object.entries(report).filter(([key]) => key !== 'strengths'));
    expect(JSON.parse(JSON.stringify(rest))).toEqual(rest);
  });
});
