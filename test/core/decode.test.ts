import { either as E } from 'fp-ts';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  decodeBatch,
  decodeComplaint,
  decodeComplaints,
  decodeCustomer,
  decodeCustomers,
  decodeEngagementEvent,
  decodeEngagementEvents,
  decodeSurveyResponse,
  decodeSurveyResponses,
  decodeTransaction,
  decodeTransactions,
  decodeWith,
  describeReceived,
  joinPath,
  makeIssue,
  TransactionCodec,
} from '../../src/core/index.js';

const validTransaction = {
  id: 't1',
  customerId: 'c1',
  occurredAt: '2024-03-01T10:00:00Z',
  kind: 'purchase',
  amount: '12.50',
  currency: 'eur',
  lines: [{ sku: 'TEA', category: 'tea', quantity: 2, unitPrice: '6.25' }],
};

describe('decodeTransaction', () => {
  it('normalises a valid record', () => {
    const result = decodeTransaction(validTransaction);
    expect(result).toEqual(
      E.right({
        id: 't1',
        customerId: 'c1',
        occurredAt: Date.UTC(2024, 2, 1, 10),
        kind: 'purchase',
        amount: 12.5,
        currency: 'EUR',
        lines: [{ sku: 'TEA', category: 'tea', quantity: 2, unitPrice: 6.25 }],
      }),
    );
  });

  it('accepts integer ids and converts them to strings', () => {
    const result = decodeTransaction({ ...validTransaction, id: 17, customerId: 12345 });
    expect(E.isRight(result) && [result.right.id, result.right.customerId]).toEqual(['17', '12345']);
  });

  it('reports every issue with its path, expected and received', () => {
    const result = decodeTransaction({
      id: '',
      customerId: 'c1',
      occurredAt: '2024-02-30',
      kind: 'buy',
      amount: '12,50',
      currency: 'euro',
      lines: [{ sku: 'A', quantity: 'two', unitPrice: -1 }],
    });
    expect(E.isLeft(result)).toBe(true);
    const issues = E.isLeft(result) ? result.left : [];
    expect(issues.map((i) => i.path)).toEqual([
      'transaction.id',
      'transaction.occurredAt',
      'transaction.kind',
      'transaction.amount',
      'transaction.currency',
      'transaction.lines[0].quantity',
      'transaction.lines[0].unitPrice',
    ]);
    const amount = issues.find((i) => i.path === 'transaction.amount')!;
    expect(amount.expected).toBe('non-negative decimal amount');
    expect(amount.received).toBe('"12,50"');
    expect(amount.message).toBe('transaction.amount: expected non-negative decimal amount, received "12,50"');
  });

  it('reports missing required fields', () => {
    const result = decodeTransaction({});
    const paths = E.isLeft(result) ? result.left.map((i) => i.path) : [];
    expect(paths).toEqual([
      'transaction.id',
      'transaction.customerId',
      'transaction.occurredAt',
      'transaction.kind',
      'transaction.amount',
      'transaction.currency',
    ]);
  });

  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const input = JSON.parse(`{"id":"t1","lines":[{"${key}":{"polluted":true}}]}`) as unknown;
      const result = decodeTransaction(input);
      expect(E.isLeft(result) && result.left[0]!.path).toBe(`transaction.lines[0].${key}`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never mutates its input', () => {
    const input = structuredClone(validTransaction);
    decodeTransaction(input);
    expect(input).toEqual(validTransaction);
  });
});

describe('batch decoders', () => {
  it('keep valid records and report rejected ones by index', () => {
    const result = decodeTransactions([validTransaction, { ...validTransaction, amount: 'NaN' }, validTransaction, 42]);
    expect(result.valid).toHaveLength(2);
    expect(result.rejected).toEqual([1, 3]);
    expect(result.issues.map((i) => i.path)).toEqual(['transactions[1].amount', 'transactions[3]']);
  });

  it('report a non-array as one issue', () => {
    expect(decodeTransactions({ not: 'an array' })).toEqual({
      valid: [],
      rejected: [],
      issues: [makeIssue('transactions', 'array', { not: 'an array' })],
    });
  });

  it('decode the other record kinds', () => {
    expect(
      decodeCustomers([
        { id: 'c-1', birthDate: '1988-04-12', consents: [{ purpose: 'email', status: 'granted', at: '2024-01-01' }] },
        { email: 'x' },
      ]).rejected,
    ).toEqual([1]);
    expect(E.isLeft(decodeCustomer({ id: 'c', birthDate: '1988-02-30' }))).toBe(true);
    expect(
      E.isRight(decodeSurveyResponse({ id: 's1', respondedAt: '2024-03-01', nps: 9, aspects: { quality: 4 } })),
    ).toBe(true);
    expect(decodeSurveyResponses([{ id: 's1', respondedAt: '2024-03-01', nps: 'nine' }]).issues[0]!.path).toBe(
      'surveyResponses[0].nps',
    );
    expect(decodeComplaint({ id: 'k1', customerId: 'c1', openedAt: '2024-03-01T09:00:00Z' })).toEqual(
      E.right({ id: 'k1', customerId: 'c1', openedAt: Date.UTC(2024, 2, 1, 9) }),
    );
    expect(
      decodeComplaints([{ id: 'k1', customerId: 'c1', openedAt: 'x', severity: 'huge' }]).issues.map((i) => i.path),
    ).toEqual(['complaints[0].openedAt', 'complaints[0].severity']);
    expect(E.isRight(decodeEngagementEvent({ id: 'e1', customerId: 'c1', occurredAt: 0, type: 'visit' }))).toBe(true);
    expect(decodeEngagementEvents([{ id: 'e1' }]).rejected).toEqual([0]);
  });

  it('name the union once for union-typed values', () => {
    const result = decodeCustomer({ id: 'c', attributes: { vip: { nested: true } } });
    expect(E.isLeft(result) && result.left).toEqual([
      expect.objectContaining({ path: 'customer.attributes.vip', received: '{"nested":true}' }),
    ]);
  });
});

describe('decodeWith', () => {
  it('works with any codec and root path', () => {
    expect(decodeWith(t.type({ n: t.number }), { n: 'x' }, 'config')).toEqual(
      E.left([makeIssue('config.n', 'number', 'x')]),
    );
    expect(decodeBatch(TransactionCodec, [], 'rows')).toEqual({ valid: [], issues: [], rejected: [] });
  });

  it('reports hostile objects instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const result = decodeTransaction(hostile);
    expect(E.isLeft(result) && result.left[0]!.received).toBe('"threw boom"');
  });

  it('bounds nesting depth', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(E.isLeft(decodeTransaction({ lines: deep }))).toBe(true);
  });
});

describe('fuzzing: arbitrary JSON never throws, every issue is well formed', () => {
  const decoders = [decodeCustomer, decodeTransaction, decodeSurveyResponse, decodeComplaint, decodeEngagementEvent];
  it('single-record decoders', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: decoders.length - 1 }), (value, which) => {
        const result = decoders[which]!(value);
        if (E.isLeft(result)) {
          expect(result.left.length).toBeGreaterThan(0);
          for (const issue of result.left) {
            expect(typeof issue.path).toBe('string');
            expect(issue.received.length).toBeLessThanOrEqual(80);
            expect(issue.message).toContain(issue.path);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('record-shaped values with random field values', () => {
    const field = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom('2024-01-01', 12.5, '3.5', 'purchase', 'refund', 'EUR', -1, Number.NaN),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            id: field,
            customerId: field,
            occurredAt: field,
            kind: field,
            amount: field,
            currency: field,
            lines: fc.array(fc.dictionary(fc.constantFrom('sku', 'quantity', 'unitPrice', 'discount'), field)),
          },
          { requiredKeys: [] },
        ),
        (record) => {
          const before = JSON.stringify(record);
          const batch = decodeTransactions([record, record]);
          expect(batch.valid.length + batch.rejected.length).toBe(2);
          expect(JSON.stringify(record)).toBe(before);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('issue helpers', () => {
  it('join paths and describe values', () => {
    expect(joinPath('transactions', 3)).toBe('transactions[3]');
    expect(joinPath('transactions[3]', 'amount')).toBe('transactions[3].amount');
    expect(joinPath('', 'amount')).toBe('amount');
    expect(describeReceived(undefined)).toBe('undefined');
    expect(describeReceived('x'.repeat(200))).toHaveLength(80);
    expect(describeReceived(new Date(0))).toBe('Date(1970-01-01T00:00:00.000Z)');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeReceived(cyclic)).toBe('[object Object]');
  });
});
