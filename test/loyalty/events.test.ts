import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Transaction } from '../../src/core/index.js';
import { decodeLoyaltyEvent, decodeLoyaltyEvents, eventsFromTransactions } from '../../src/loyalty/index.js';

describe('loyalty events', () => {
  it('decodes events, normalising instants and amounts', () => {
    const result = decodeLoyaltyEvent({
      type: 'purchase',
      key: 'o-1',
      occurredAt: '2024-05-04T10:00:00Z',
      orderId: 1001,
      amount: '42.50',
      lines: [{ sku: 'A', quantity: 1, unitPrice: '42.5' }],
    });
    expect(result).toEqual(
      E.right({
        type: 'purchase',
        key: 'o-1',
        occurredAt: 1714816800000,
        orderId: '1001',
        amount: 42.5,
        lines: [{ sku: 'A', quantity: 1, unitPrice: 42.5 }],
      }),
    );
  });

  it('reports problems with paths and unknown fields', () => {
    const result = decodeLoyaltyEvent({ type: 'refund', key: '', occurredAt: 'yesterday', orderId: 'x', amont: 3 });
    const paths = E.isLeft(result) ? result.left.map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['event.key', 'event.occurredAt', 'event.amont']));
    const tag = decodeLoyaltyEvent({ type: 'gift', key: 'k', occurredAt: 0 });
    expect(E.isLeft(tag) && tag.left[0]?.path).toBe('event.type');
  });

  it('decodes batches, keeping valid events and reporting rejected ones', () => {
    const batch = decodeLoyaltyEvents([
      { type: 'tick', key: 't', occurredAt: 0 },
      { type: 'nope' },
      { type: 'custom', key: 'c', occurredAt: 0, name: 'review' },
    ]);
    expect(batch.valid).toHaveLength(2);
    expect(batch.rejected).toEqual([1]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        decodeLoyaltyEvent(input);
      }),
      { numRuns: 300 },
    );
  });

  it('turns transactions into events and reports refunds without their purchase', () => {
    const tx: Transaction[] = [
      {
        id: 't1',
        customerId: 'c1',
        occurredAt: 1000,
        kind: 'purchase',
        amount: 20,
        currency: 'EUR',
        orderId: 'o1',
        lines: [{ sku: 'A', quantity: 2, unitPrice: 10 }],
      },
      { id: 't2', customerId: 'c1', occurredAt: 2000, kind: 'refund', amount: 10, currency: 'EUR', refundOf: 't1' },
      { id: 't3', customerId: 'c2', occurredAt: 500, kind: 'refund', amount: 5, currency: 'EUR' },
      { id: 't4', customerId: 'c2', occurredAt: 600, kind: 'purchase', amount: 5, currency: 'USD' },
    ];
    const { byMember, rejected } = eventsFromTransactions(tx, {
      currency: 'EUR',
      customers: [{ id: 'c1', signupAt: 0, birthDate: '1990-01-01' }],
    });
    expect(byMember.c1?.map((e) => e.type)).toEqual(['signup', 'purchase', 'refund']);
    expect(byMember.c1?.[2]).toMatchObject({ type: 'refund', orderId: 'o1', amount: 10 });
    expect(rejected.map((r) => r.index)).toEqual([2, 3]);
  });
});
