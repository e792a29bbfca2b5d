/**
 * `replay`: rebuild an account from its events.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import type { Account } from './account.js';
import { emptyAccount } from './account.js';
import { apply } from './apply.js';
import { evaluate } from './evaluate.js';
import type { Effect, RefusalCode } from './evaluation-types.js';
import type { LoyaltyEvent } from './events.js';
import type { Program } from './program.js';

/**
 * Options of {@link replay}.
 *
 * @example
 * ```ts
 * const options: ReplayOptions = { memberId: 'm-1', now: Date.UTC(2024, 11, 31) };
 * ```
 */
export interface ReplayOptions {
  /** The member whose events these are. */
  readonly memberId: string;
  /** When the account was opened; default the earliest event's time. */
  readonly openedAt?: number;
  /** Processing instant; default the latest event's time. */
  readonly now?: number;
  /** Segments the host assigns to the member. */
  readonly segments?: readonly string[];
  /** Start from this account instead of an empty one. */
  readonly account?: Account;
}

/**
 * What happened to one replayed event.
 *
 * @example
 * ```ts
 * const outcome: ReplayOutcome = { key: 'order-1001', type: 'purchase', status: 'accepted', earned: '42' };
 * ```
 */
export interface ReplayOutcome {
  /** Its key. */
  readonly key: string;
  /** Its type. */
  readonly type: LoyaltyEvent['type'];
  /** Accepted, duplicate or refused. */
  readonly status: 'accepted' | 'duplicate' | 'refused';
  /** Points earned (accepted events). */
  readonly earned?: string;
  /** Refusal code. */
  readonly code?: RefusalCode;
  /** Refusal message. */
  readonly message?: string;
}

/**
 * The result of {@link replay}.
 *
 * @example
 * ```ts
 * const { account, outcomes, effects } = replay(program, events, { memberId: 'm-1' });
 * ```
 */
export interface ReplayResult {
  /** The account after the events. */
  readonly account: Account;
  /** What happened to each event. */
  readonly outcomes: readonly ReplayOutcome[];
  /** Work for other accounts (referral rewards, incoming transfers), in order. */
  readonly effects: readonly Effect[];
}

/**
 * Folds a member's events into an account: sorted by `occurredAt` (ties keep their input order), each evaluated
 * and applied in turn. Duplicates are reported and skipped; refused events are reported with their code and
 * skipped. Deterministic: the same events give the same account.
 *
 * @example
 * ```ts
 * const { account, outcomes } = replay(program, [
 *   { type: 'signup', key: 's', occurredAt: Date.UTC(2024, 0, 1) },
 *   { type: 'purchase', key: 'o1', occurredAt: Date.UTC(2024, 0, 2), orderId: 'o1', amount: 25 },
 * ], { memberId: 'm-1' });
 * account.totals.available //=> '25'
 * ```
 */
export function replay(program: Program, events: readonly LoyaltyEvent[], options: ReplayOptions): ReplayResult {
  const order = events.map((event, index) => ({ event, index }));
  order.sort((a, b) => a.event.occurredAt - b.event.occurredAt || a.index - b.index);
  const first = order[0]?.event.occurredAt ?? program.effectiveFrom;
  const last = order[order.length - 1]?.event.occurredAt ?? first;
  let account =
    options.account ?? emptyAccount(program, { memberId: options.memberId, openedAt: options.openedAt ?? first });
  const now = options.now ?? last;
  const outcomes: ReplayOutcome[] = [];
  const effects: Effect[] = [];
  const evaluateOptions = {
    now,
    explain: false,
    ...(options.segments === undefined ? {} : { segments: options.segments }),
  };
  for (const { event } of order) {
    const result = evaluate(program, account, event, evaluateOptions);
    if (E.isLeft(result)) {
      outcomes.push({
        key: event.key,
        type: event.type,
        status: 'refused',
        code: result.left.code,
        message: result.left.message,
      });
      continue;
    }
    const evaluation = result.right;
    if (evaluation.status === 'duplicate') {
      outcomes.push({ key: event.key, type: event.type, status: 'duplicate' });
      continue;
    }
    account = apply(account, evaluation.postings);
    effects.push(...evaluation.effects);
    outcomes.push({ key: event.key, type: event.type, status: 'accepted', earned: evaluation.summary.earned });
  }
  return { account, outcomes, effects };
}
