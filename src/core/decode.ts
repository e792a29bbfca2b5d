/**
 * Decoders: untrusted `unknown` in, `Either<ValidationIssue[], T>` out. They never throw, never mutate their input,
 * collect every issue with its path, and refuse the keys `__proto__`, `constructor` and `prototype`.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import { joinPath, makeIssue, type BatchResult, type ValidationIssue } from './issues.js';
import {
  ComplaintCodec,
  CustomerCodec,
  EngagementEventCodec,
  SurveyResponseCodec,
  TransactionCodec,
  type Complaint,
  type Customer,
  type EngagementEvent,
  type SurveyResponse,
  type Transaction,
} from './records.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

function findForbiddenKeys(value: unknown, path: string, depth: number, out: ValidationIssue[]): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) {
    out.push(makeIssue(path, `nesting of at most ${MAX_DEPTH} levels`, '…'));
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) findForbiddenKeys(value[i], joinPath(path, i), depth + 1, out);
    return;
  }
  if (value instanceof Date) return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      out.push(makeIssue(joinPath(path, key), 'no key named __proto__, constructor or prototype', key));
      continue;
    }
    findForbiddenKeys((value as Record<string, unknown>)[key], joinPath(path, key), depth + 1, out);
  }
}

function contextToIssue(root: string, error: t.ValidationError): ValidationIssue {
  const context = error.context;
  let path = root;
  let expected = context[context.length - 1]?.type.name ?? 'value';
  let value = error.value;
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1]!.type;
    if (parent instanceof t.UnionType) {
      // Report a union failure once, at the union, naming the union.
      expected = parent.name;
      value = context[i - 1]!.actual;
      break;
    }
    if (parent instanceof t.IntersectionType) continue;
    path = joinPath(path, context[i]!.key);
  }
  const issue = makeIssue(path, expected, value);
  return error.message === undefined ? issue : { ...issue, message: `${issue.message} (${error.message})` };
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    // One issue per path: a value fails once, even when several intersection members reject it.
    if (seen.has(issue.path)) return false;
    seen.add(issue.path);
    return true;
  });
}

/**
 * Decodes one value with any io-ts codec into `Either<ValidationIssue[], A>`, with paths rooted at `root`.
 * This is the building block of every `decode*` function; modules use it for their own configuration codecs.
 *
 * @example
 * ```ts
 * import * as t from 'io-ts';
 * decodeWith(t.type({ n: t.number }), { n: 'x' }, 'config')
 * //=> left([{ path: 'config.n', expected: 'number', received: '"x"', message: 'config.n: expected number, received "x"' }])
 * ```
 */
export function decodeWith<A, O>(codec: t.Type<A, O>, input: unknown, root = ''): E.Either<ValidationIssue[], A> {
  const forbidden: ValidationIssue[] = [];
  try {
    findForbiddenKeys(input, root, 0, forbidden);
    if (forbidden.length > 0) return E.left(forbidden);
    const result = codec.decode(input);
    if (E.isRight(result)) return E.right(result.right);
    return E.left(dedupe(result.left.map((error) => contextToIssue(root, error))));
  } catch (error) {
    // Getters that throw, revoked proxies and similar hostile input: report, never throw.
    return E.left([
      makeIssue(root, 'plain data', error instanceof Error ? `threw ${error.message}` : 'a throwing value'),
    ]);
  }
}

/**
 * Decodes an array of records, keeping the valid ones and reporting every issue of the rejected ones with paths
 * like `transactions[3].amount`. A non-array input is one issue at `root`.
 *
 * @example
 * ```ts
 * import { TransactionCodec } from 'clientele/core';
 * const { valid, rejected } = decodeBatch(TransactionCodec, [{ id: 1 }], 'transactions');
 * // valid.length === 0, rejected = [0]
 * ```
 */
export function decodeBatch<A, O>(codec: t.Type<A, O>, input: unknown, root: string): BatchResult<A> {
  if (!Array.isArray(input)) return { valid: [], issues: [makeIssue(root, 'array', input)], rejected: [] };
  const valid: A[] = [];
  const issues: ValidationIssue[] = [];
  const rejected: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const result = decodeWith(codec, input[i], joinPath(root, i));
    if (E.isRight(result)) valid.push(result.right);
    else {
      rejected.push(i);
      for (const issue of result.left) issues.push(issue);
    }
  }
  return { valid, issues, rejected };
}

/**
 * Decodes one customer record.
 *
 * @example
 * ```ts
 * decodeCustomer({ id: 'c-1', email: 'ann@example.com', birthDate: '1988-04-12' })
 * //=> right({ id: 'c-1', email: 'ann@example.com', birthDate: '1988-04-12' })
 * ```
 */
export function decodeCustomer(input: unknown): E.Either<ValidationIssue[], Customer> {
  return decodeWith(CustomerCodec, input, 'customer');
}

/**
 * Decodes many customer records: valid ones kept, rejected ones reported (`customers[i]...`).
 *
 * @example
 * ```ts
 * decodeCustomers([{ id: 'c-1' }, { email: 'x' }]).rejected //=> [1]
 * ```
 */
export function decodeCustomers(input: unknown): BatchResult<Customer> {
  return decodeBatch(CustomerCodec, input, 'customers');
}

/**
 * Decodes one transaction. Instants become epoch ms, amounts numbers, currency codes upper case.
 *
 * @example
 * ```ts
 * decodeTransaction({ id: 't1', customerId: 'c1', occurredAt: '2024-03-01', kind: 'purchase', amount: '12.50', currency: 'eur' })
 * //=> right({ id: 't1', customerId: 'c1', occurredAt: 1709251200000, kind: 'purchase', amount: 12.5, currency: 'EUR' })
 * ```
 */
export function decodeTransaction(input: unknown): E.Either<ValidationIssue[], Transaction> {
  return decodeWith(TransactionCodec, input, 'transaction');
}

/**
 * Decodes many transactions: valid ones kept, rejected ones reported (`transactions[i]...`).
 *
 * @example
 * ```ts
 * const { valid, issues } = decodeTransactions(rows);
 * // issues[0].path === 'transactions[3].amount'
 * ```
 */
export function decodeTransactions(input: unknown): BatchResult<Transaction> {
  return decodeBatch(TransactionCodec, input, 'transactions');
}

/**
 * Decodes one survey response.
 *
 * @example
 * ```ts
 * decodeSurveyResponse({ id: 's1', respondedAt: '2024-03-01', nps: 9 })
 * //=> right({ id: 's1', respondedAt: 1709251200000, nps: 9 })
 * ```
 */
export function decodeSurveyResponse(input: unknown): E.Either<ValidationIssue[], SurveyResponse> {
  return decodeWith(SurveyResponseCodec, input, 'surveyResponse');
}

/**
 * Decodes many survey responses (`surveyResponses[i]...`).
 *
 * @example
 * ```ts
 * decodeSurveyResponses([{ id: 's1', respondedAt: '2024-03-01', nps: 9 }]).valid.length //=> 1
 * ```
 */
export function decodeSurveyResponses(input: unknown): BatchResult<SurveyResponse> {
  return decodeBatch(SurveyResponseCodec, input, 'surveyResponses');
}

/**
 * Decodes one complaint.
 *
 * @example
 * ```ts
 * decodeComplaint({ id: 'k1', customerId: 'c1', openedAt: '2024-03-01T09:00:00Z' })
 * //=> right({ id: 'k1', customerId: 'c1', openedAt: 1709283600000 })
 * ```
 */
export function decodeComplaint(input: unknown): E.Either<ValidationIssue[], Complaint> {
  return decodeWith(ComplaintCodec, input, 'complaint');
}

/**
 * Decodes many complaints (`complaints[i]...`).
 *
 * @example
 * ```ts
 * decodeComplaints([]).valid //=> []
 * ```
 */
export function decodeComplaints(input: unknown): BatchResult<Complaint> {
  return decodeBatch(ComplaintCodec, input, 'complaints');
}

/**
 * Decodes one engagement event.
 *
 * @example
 * ```ts
 * decodeEngagementEvent({ id: 'e1', customerId: 'c1', occurredAt: 0, type: 'visit' })
 * //=> right({ id: 'e1', customerId: 'c1', occurredAt: 0, type: 'visit' })
 * ```
 */
export function decodeEngagementEvent(input: unknown): E.Either<ValidationIssue[], EngagementEvent> {
  return decodeWith(EngagementEventCodec, input, 'engagementEvent');
}

/**
 * Decodes many engagement events (`engagementEvents[i]...`).
 *
 * @example
 * ```ts
 * decodeEngagementEvents([{ id: 'e1' }]).rejected //=> [0]
 * ```
 */
export function decodeEngagementEvents(input: unknown): BatchResult<EngagementEvent> {
  return decodeBatch(EngagementEventCodec, input, 'engagementEvents');
}
