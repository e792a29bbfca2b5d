import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortRetention } from '../../src/churn/index.js';
import type { Transaction } from '../../src/core/index.js';

function buy(customerId: string, date: string, amount = 10): Transaction {
  return { id: `${customerId}-${date}`, customerId, occurredAt: Date.parse(`${date}T12:00:00Z`), kind: 'purchase', amount, currency: 'EUR' };
}

const transactions = [
  buy('a', '2024-01-05'), buy('a', '2024-02-10'), buy('a', '2024-04-01'),
  buy('b', '2024-01-20'), buy('b', '2024-03-03'),
  buy('c', '2024-02-02'), buy('c', '2024-03-15'), buy('c', '2024-03-20'),
  buy('d', '2024-03-09'), buy('d', '2024-05-02'),
  buy('e', '2024-05-20'),
];

describe('cohortRetention', () => {
  const table = cohortRetention({ transactions }, { asOf: '2024-05-25', periods: 5 });

  it('builds the retention table with null for periods not yet complete, never 0', () => {
    expect(table.lastCompletePeriod).toBe('2024-04');
    expect(table.cohorts.map((c) => [c.cohort, c.size, c.retained])).toEqual([
      ['2024-01', 2, [2, 1, 1, 1, null]],
      ['2024-02', 1, [1, 1, 0, null, null]],
      ['2024-03', 1, [1, 0, null, null, null]],
      ['2024-05', 1, [null, null, null, null, null]],
    ]);
    expect(table.cohorts[0]!.rates).toEqual([1, 0.5, 0.5, 0.5, null]);
  });

  it('averages each period over the cohorts that completed it, weighted by size', () => {
    expect(table.average).toEqual([1, 2 / 4, 1 / 3, 1 / 2, null]);
    expect(table.averageCohorts).toEqual([3, 3, 2, 1, 0]);
  });

  it('reports repeat-purchase and churn rates with their definitions', () => {
    expect(table.repeatPurchase.ever).toEqual({ customers: 5, repeaters: 4, rate: 0.8 });
    // second order within 90 days of the first, among customers acquired ≥ 90 days before asOf (a, b, c)
    expect(table.repeatPurchase.within).toEqual({ days: 90, customers: 3, repeaters: 3, rate: 1 });
    // active in [asOf − 180, asOf − 90) = [2023-11-27, 2024-02-25): a, b, c — all bought again since: churn 0
    expect(table.churn).toMatchObject({ lapseDays: 90, base: 3, churned: 0, rate: 0 });
    const strict = cohortRetention({ transactions }, { asOf: '2024-05-25', lapseDays: 60 });
    // active in [2024-01-26, 2024-03-26): a, b, c, d; nothing in [2024-03-26, 2024-05-25): b and c
    expect(strict.churn).toMatchObject({ lapseDays: 60, base: 4, churned: 2, rate: 0.5 });
    expect(table.churn.definition).toContain('90 days');
  });

  it('return-on-or-after is monotone and counts later activity', () => {
    const after = cohortRetention({ transactions }, { asOf: '2024-05-25', periods: 5, mode: 'return-on-or-after' });
    expect(after.cohorts[0]!.retained).toEqual([2, 2, 2, 1, null]);
    expect(after.cohorts[1]!.retained).toEqual([1, 1, 0, null, null]);
    fc.assert(
      fc.property(fc.shuffledSubarray(transactions, { minLength: transactions.length, maxLength: transactions.length }), (shuffled) => {
        const t = cohortRetention({ transactions: shuffled }, { asOf: '2024-05-25', periods: 5, mode: 'return-on-or-after' });
        expect(t).toEqual(after);
        for (const row of t.cohorts) {
          const cells = row.retained.filter((v): v is number => v !== null);
          for (let i = 1; i < cells.length; i++) expect(cells[i]!).toBeLessThanOrEqual(cells[i - 1]!);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('supports weeks and quarters and keeps the latest cohorts only when asked', () => {
    const quarters = cohortRetention({ transactions }, { asOf: '2024-07-01', period: 'quarter', periods: 2 });
    expect(quarters.cohorts.map((c) => [c.cohort, c.retained])).toEqual([
      ['2024-Q1', [4, 2]],
      ['2024-Q2', [1, null]],
    ]);
    const weeks = cohortRetention({ transactions }, { asOf: '2024-05-25', period: 'week', periods: 2, cohorts: 1 });
    expect(weeks.cohorts.map((c) => c.cohort)).toEqual(['2024-05-20']);
  });
});
