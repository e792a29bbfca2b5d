/**
 * Shared helpers of the loyalty tests: programme builders, an event runner that evaluates and applies, and deep
 * freezing.
 */
import { either as E } from 'fp-ts';
import type {
  Account,
  Evaluation,
  LoyaltyEvent,
  Program,
  ProgramDefinition,
  Refusal,
} from '../../src/loyalty/index.js';
import { apply, emptyAccount, evaluate, EXAMPLE_PROGRAM, parseProgram } from '../../src/loyalty/index.js';

export const NOW = Date.parse('2040-01-01T00:00:00Z');

/** Parses a programme definition or throws with the issues (tests only). */
export function program(definition: unknown): Program {
  const result = parseProgram(definition);
  if (E.isLeft(result)) throw new Error(`invalid programme: ${result.left.map((i) => i.message).join('; ')}`);
  return result.right;
}

/** The example programme, compiled. */
export function exampleProgram(): Program {
  return program(EXAMPLE_PROGRAM);
}

/** A minimal programme (UTC, EUR, 1 point per euro) with overrides. */
export function simpleProgram(overrides: Partial<Record<keyof ProgramDefinition, unknown>> = {}): Program {
  return program({
    format: 'clientele.loyalty.program/1',
    id: 'test',
    version: 1,
    effectiveFrom: '2024-01-01',
    timeZone: 'UTC',
    currency: 'EUR',
    rules: [{ id: 'base', kind: 'spend', points: '1' }],
    ...overrides,
  });
}

/** An instant from an ISO string. */
export function at(iso: string): number {
  return Date.parse(iso);
}

/** A fresh account opened at 2024-01-01. */
export function account(p: Program, memberId = 'm-1', openedAt = at('2024-01-01T00:00:00Z')): Account {
  return emptyAccount(p, { memberId, openedAt });
}

/** Evaluates an event and applies it; throws on a refusal. */
export function step(
  p: Program,
  a: Account,
  event: LoyaltyEvent,
  options: {
    now?: number;
    segments?: string[];
    campaignBudgetUsed?: Record<string, string>;
    stockRemaining?: Record<string, number>;
  } = {},
): { account: Account; evaluation: Evaluation } {
  const result = evaluate(p, a, event, { now: options.now ?? NOW, ...options });
  if (E.isLeft(result)) throw new Error(`refused ${result.left.code}: ${result.left.message}`);
  return { account: apply(a, result.right.postings), evaluation: result.right };
}

/** Evaluates an event expecting a refusal; returns it. */
export function refusal(
  p: Program,
  a: Account,
  event: LoyaltyEvent,
  options: { now?: number; stockRemaining?: Record<string, number> } = {},
): Refusal {
  const result = evaluate(p, a, event, { now: options.now ?? NOW, ...options });
  if (E.isRight(result)) throw new Error(`expected a refusal, got ${result.right.status}`);
  return result.left;
}

/** Runs events in order, returning the final account and the evaluations. */
export function runAll(
  p: Program,
  a: Account,
  events: readonly LoyaltyEvent[],
): { account: Account; evaluations: Evaluation[] } {
  let current = a;
  const evaluations: Evaluation[] = [];
  for (const event of events) {
    const { account: next, evaluation } = step(p, current, event);
    current = next;
    evaluations.push(evaluation);
  }
  return { account: current, evaluations };
}

/** A purchase event. */
export function purchase(
  key: string,
  iso: string,
  amount: number,
  extra: Partial<Extract<LoyaltyEvent, { type: 'purchase' }>> = {},
): LoyaltyEvent {
  return { type: 'purchase', key, occurredAt: at(iso), orderId: key, amount, ...extra };
}

/** Freezes an object graph. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
