import { describe, expect, it } from 'vitest';
import { KIND_PURCHASE, KIND_REFUND, toColumnar, validateColumnar } from '../../src/core/index.js';
import {
  generateTransactionColumns,
  syntheticCustomerId,
  syntheticOrderId,
  syntheticTransactionId,
} from '../../src/synth/index.js';
import { canonicalCustomerIds } from '../../src/synth/columns.js';
import { BASE_OPTIONS, differingColumns, sameArray, sharedBase } from './fixtures.js';

describe('generateTransactionColumns', () => {
  const base = sharedBase();
  const fast = generateTransactionColumns(BASE_OPTIONS);

  it('gives exactly the columns of generateCustomerBase({ columnar: true })', () => {
    expect(differingColumns(fast.columns, base.columns)).toEqual([]);
    expect(Object.keys(fast.columns).sort()).toEqual(['amount', 'customerId', 'customerIndex', 'day', 'kind', 'occurredAt', 'orderId', 'refundOf']);
    expect(fast.asOf).toBe(base.asOf);
    expect(fast.customerIds).toEqual(base.truth.map((t) => t.customerId));
  });

  it('gives the latent truth of the record form', () => {
    const { latent } = fast;
    const mismatches = base.truth.filter(
      (t, i) =>
        t.acquiredAt !== latent.acquiredAt[i] ||
        t.dropoutAt !== latent.dropoutAt[i] ||
        t.alive !== (latent.alive[i] === 1) ||
        t.purchaseRatePerDay !== latent.purchaseRatePerDay[i] ||
        t.dropoutProbability !== latent.dropoutProbability[i] ||
        t.meanSpend !== latent.meanSpend[i] ||
        t.satisfaction !== latent.satisfaction[i],
    );
    expect(mismatches).toEqual([]);
  });

  it('holds the same rows as the record form, row by row', () => {
    const { columns } = base;
    expect(columns.amount.length).toBe(base.transactions.length);
    const mismatches: number[] = [];
    base.transactions.forEach((tx, row) => {
      const same =
        tx.id === syntheticTransactionId(row) &&
        tx.customerId === columns.customerId[row] &&
        tx.customerId === syntheticCustomerId(columns.customerIndex[row]!) &&
        tx.occurredAt === columns.occurredAt[row] &&
        Math.floor(tx.occurredAt / 86_400_000) === columns.day[row] &&
        tx.amount === columns.amount[row] &&
        (tx.kind === 'refund' ? KIND_REFUND : KIND_PURCHASE) === columns.kind[row] &&
        tx.orderId === syntheticOrderId(columns.orderId[row]!) &&
        (tx.kind === 'refund' ? tx.refundOf === syntheticTransactionId(columns.refundOf[row]!) : columns.refundOf[row] === -1);
      if (!same) mismatches.push(row);
    });
    expect(mismatches).toEqual([]);
  });

  it('agrees with the core toColumnar of the records and passes validateColumnar', () => {
    const converted = toColumnar(base.transactions);
    expect(sameArray(converted.day, base.columns.day)).toBe(true);
    expect(sameArray(converted.occurredAt, base.columns.occurredAt)).toBe(true);
    expect(sameArray(converted.amount, base.columns.amount)).toBe(true);
    expect(sameArray(converted.kind, base.columns.kind)).toBe(true);
    expect(sameArray(converted.customerId, base.columns.customerId)).toBe(true);
    expect(validateColumnar(base.columns)).toEqual([]);
    expect(validateColumnar({ ...base.columns, customerId: base.columns.customerIndex })).toEqual([]);
  });

  it('shares one id string per person', () => {
    expect(canonicalCustomerIds(3)).toEqual(['C0000001', 'C0000002', 'C0000003']);
  });

  it('validates its options', () => {
    expect(() => generateTransactionColumns({ seed: 1, customers: 0, asOf: '2025-01-01' })).toThrow(/\[clientele\]/);
  });
});
