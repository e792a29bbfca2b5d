import fc from 'fast-check';
import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import type { ColumnarTransactions, Transaction } from '../../src/core/index.js';
import {
  mergeSummaries,
  summarize,
  type FrequencyBasis,
  type RfmSummary,
  type SummarizeOptions,
} from '../../src/rfm/index.js';
import { numericColumns, plain, randomTransactions, withoutOrderIds } from './fixtures.js';

const transactions = randomTransactions('merge', { customers: 25, rows: 300, days: 60, rowsPerOrder: 4 });
const asOf = Date.UTC(2023, 1, 20); // some rows fall after asOf

function fold(summaries: RfmSummary[]): RfmSummary {
  let acc = summaries[0]!;
  for (const next of summaries.slice(1)) {
    const merged = mergeSummaries(acc, next);
    if (E.isLeft(merged)) throw new Error(merged.left.message);
    acc = merged.right;
  }
  return acc;
}

function pickColumns(columns: ColumnarTransactions, rows: number[]): ColumnarTransactions {
  const take = (column: ArrayLike<unknown>): unknown[] => rows.map((i) => column[i]);
  return {
    customerId: Int32Array.from(take(columns.customerId) as number[]),
    occurredAt: Float64Array.from(take(columns.occurredAt!) as number[]),
    amount: Float64Array.from(take(columns.amount) as number[]),
    kind: Uint8Array.from(take(columns.kind!) as number[]),
    ...(columns.orderId === undefined ? {} : { orderId: Float64Array.from(take(columns.orderId) as number[]) }),
  };
}

describe('mergeSummaries — shards combine into exactly the one-pass summary', () => {
  it('records, any sharding, every frequency basis (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: transactions.length, maxLength: transactions.length }),
        fc.constantFrom<FrequencyBasis>('orders', 'rows', 'days'),
        (shardOf, frequency) => {
          const options: SummarizeOptions = { asOf, frequency, mergeable: true };
          const shards: Transaction[][] = [[], [], [], []];
          transactions.forEach((tx, i) => shards[shardOf[i]!]!.push(tx));
          const merged = fold(shards.map((shard) => summarize(shard, options)));
          expect(plain(merged)).toEqual(plain(summarize(transactions, options)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('numeric columns with and without order ids (property)', () => {
    const columns = numericColumns(transactions);
    const withoutOrders = withoutOrderIds(columns);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: transactions.length, maxLength: transactions.length }),
        fc.boolean(),
        (shardOf, orders) => {
          const source = orders ? columns : withoutOrders;
          const options: SummarizeOptions = { asOf, mergeable: true };
          const shards = [0, 1, 2].map((s) =>
            pickColumns(
              source,
              shardOf.flatMap((x, i) => (x === s ? [i] : [])),
            ),
          );
          const merged = fold(shards.map((shard) => summarize(shard, options)));
          expect(plain(merged)).toEqual(plain(summarize(source, options)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('merging is commutative', () => {
    const options: SummarizeOptions = { asOf, mergeable: true };
    const a = summarize(transactions.slice(0, 120), options);
    const b = summarize(transactions.slice(120), options);
    expect(plain(fold([a, b]))).toEqual(plain(fold([b, a])));
  });

  it('customer-disjoint shards merge exactly without the merge state', () => {
    const options: SummarizeOptions = { asOf };
    const even = transactions.filter((tx) => Number(tx.customerId.slice(1)) % 2 === 0);
    const odd = transactions.filter((tx) => Number(tx.customerId.slice(1)) % 2 === 1);
    const merged = mergeSummaries(summarize(even, options), summarize(odd, options));
    expect(E.isRight(merged)).toBe(true);
    if (E.isRight(merged)) expect(plain(merged.right)).toEqual(plain(summarize(transactions, options)));
  });

  it('joins numeric-id and string-id shards on the decimal string of the id', () => {
    const options: SummarizeOptions = { asOf, mergeable: true };
    const numeric = summarize(
      { customerId: [9, 10], day: Int32Array.of(19_000, 19_001), amount: Float64Array.of(1, 2), orderId: [1, 2] },
      options,
    );
    const text = summarize(
      {
        customerId: ['10', '11'],
        day: Int32Array.of(19_002, 19_003),
        amount: Float64Array.of(4, 8),
        orderId: ['2', '3'],
      },
      options,
    );
    const merged = mergeSummaries(numeric, text);
    expect(E.isRight(merged)).toBe(true);
    if (E.isRight(merged)) {
      expect(merged.right.customers.customerId).toEqual(['10', '11', '9']);
      expect(Array.from(merged.right.customers.orders)).toEqual([1, 1, 1]); // order 2 of customer 10 is the same order
      expect(Array.from(merged.right.customers.purchaseRows)).toEqual([2, 1, 1]);
    }
  });
});

describe('mergeSummaries — refusals', () => {
  it('refuses overlapping purchasers without the merge state, saying how many', () => {
    const merged = mergeSummaries(
      summarize(transactions.slice(0, 150), { asOf }),
      summarize(transactions.slice(150), { asOf }),
    );
    expect(E.isLeft(merged)).toBe(true);
    if (E.isLeft(merged)) {
      expect(merged.left.code).toBe('merge-state-required');
      expect(merged.left.customers).toBeGreaterThan(0);
    }
  });

  it('refuses summaries with different asOf, bases or order-id conventions', () => {
    const a = summarize(transactions, { asOf, mergeable: true });
    const cases = [
      summarize(transactions, { asOf: asOf + 1, mergeable: true }),
      summarize(transactions, { asOf, frequency: 'days', mergeable: true }),
      summarize(transactions, { asOf, monetary: 'gross', mergeable: true }),
      summarize(transactions, { asOf, amountDecimals: 3, mergeable: true }),
      summarize(withoutOrderIds(numericColumns(transactions)), { asOf, mergeable: true }),
    ];
    for (const b of cases) {
      const merged = mergeSummaries(a, b);
      expect(E.isLeft(merged) && merged.left.code).toBe('incompatible-summaries');
    }
  });
});
