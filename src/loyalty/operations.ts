/**
 * Named operations over `evaluate`: `redeem`, `payWithPoints`, `hold`, `capture`, `release`, `transfer` (both
 * accounts at once) and `convert`. Each builds the event and evaluates it; business refusals are lefts with a code.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import type { Account } from './account.js';
import { hasEventKey } from './account.js';
import { apply } from './apply.js';
import { evaluate, type EvaluateOptions } from './evaluate.js';
import type { Evaluation, Refusal } from './evaluation-types.js';
import type { EventOf, LoyaltyEvent } from './events.js';
import type { Program } from './program.js';

/**
 * The request of a named operation: its event without the `type` field (the operation sets it).
 *
 * @example
 * ```ts
 * const request: OperationOperationRequest<EventOf<'redeem'>> = { key: 'redeem-7', occurredAt: now, rewardId: 'free-coffee' };
 * ```
 */
export type OperationRequest<
  T extends EventOf<'redeem' | 'pay-with-points' | 'hold' | 'capture' | 'release' | 'transfer-out' | 'convert'>,
> = Omit<T, 'type'>;

/**
 * What {@link evaluateAndApply} returns: the evaluation and the account with its postings applied.
 *
 * @example
 * ```ts
 * const { account: next, evaluation }: AppliedEvaluation = E.getOrElseW(() => { throw new Error(); })(result);
 * ```
 */
export interface AppliedEvaluation {
  /** The account after the postings. */
  readonly account: Account;
  /** The evaluation (postings, explanation, effects). */
  readonly evaluation: Evaluation;
}

/**
 * Redeems a catalogue reward. Refusals: `unknown-reward`, `tier-too-low`, `out-of-stock`, `member-limit-reached`,
 * `below-min-balance`, `insufficient-points` (plus the ordering refusals of `evaluate`).
 *
 * @example
 * ```ts
 * const result = redeem(program, account, { key: 'redeem-7', occurredAt: now, rewardId: 'free-coffee' }, { now });
 * // right(evaluation) with one spend posting, stockUsage [{ rewardId: 'free-coffee', quantity: 1 }]
 * ```
 */
export function redeem(
  program: Program,
  account: Account,
  request: OperationRequest<EventOf<'redeem'>>,
  options: EvaluateOptions,
): E.Either<Refusal, Evaluation> {
  return evaluate(program, account, { ...request, type: 'redeem' }, options);
}

/**
 * Pays part of an order with points at the programme's rate, within its minimum and maximum share of the order.
 *
 * @example
 * ```ts
 * payWithPoints(program, account, { key: 'pay-1', occurredAt: now, orderId: '1002', orderAmount: 40, points: '1000' }, { now })
 * // right(evaluation) with evaluation.discount === '10.00'
 * ```
 */
export function payWithPoints(
  program: Program,
  account: Account,
  request: OperationRequest<EventOf<'pay-with-points'>>,
  options: EvaluateOptions,
): E.Either<Refusal, Evaluation> {
  return evaluate(program, account, { ...request, type: 'pay-with-points' }, options);
}

/**
 * Reserves points for a reward (`rewardId`) or a payment (`points`, with `orderAmount` for the share checks) until
 * captured or released; the hold lapses after `minutes` (default the programme's `holdMinutes`).
 *
 * @example
 * ```ts
 * hold(program, account, { key: 'hold-1', occurredAt: now, holdId: 'h-1', points: '500', orderId: '1002', orderAmount: 40 }, { now })
 * ```
 */
export function hold(
  program: Program,
  account: Account,
  request: OperationRequest<EventOf<'hold'>>,
  options: EvaluateOptions,
): E.Either<Refusal, Evaluation> {
  return evaluate(program, account, { ...request, type: 'hold' }, options);
}

/**
 * Captures a hold: spends all of it, or `points` of it and releases the rest.
 *
 * @example
 * ```ts
 * capture(program, account, { key: 'capture-1', occurredAt: now, holdId: 'h-1' }, { now })
 * ```
 */
export function capture(
  program: Program,
  account: Account,
  request: OperationRequest<EventOf<'capture'>>,
  options: EvaluateOptions,
): E.Either<Refusal, Evaluation> {
  return evaluate(program, account, { ...request, type: 'capture' }, options);
}

/**
 * Releases a hold (payment failed, checkout abandoned): the points are spendable again.
 *
 * @example
 * ```ts
 * release(program, account, { key: 'release-1', occurredAt: now, holdId: 'h-1' }, { now })
 * ```
 */
export function release(
  program: Program,
  account: Account,
  request: OperationRequest<EventOf<'release'>>,
  options: EvaluateOptions,
): E.Either<Refusal, Evaluation> {
  return evaluate(program, account, { ...request, type: 'release' }, options);
}

/**
 * Both sides of a transfer between members.
 *
 * @example
 * ```ts
 * const { sender, recipient } = result.right;
 * ```
 */
export interface TransferResult {
  /** The sender's evaluation (a `transfer` posting out, allocated to lots). */
  readonly sender: Evaluation;
  /** The recipient's evaluation (one `transfer` posting in per source lot, original expiry kept). */
  readonly recipient: Evaluation;
}

/**
 * Transfers points from one member to another: the sender's lots are debited in spend order and the recipient
 * receives one lot per source lot with the same earning time and expiry. Store both evaluations' postings in one
 * database transaction. Refusals: `transfers-disabled`, `same-member`, `below-minimum`, `above-maximum`,
 * `insufficient-points` (plus the ordering refusals of `evaluate` on either account).
 *
 * @example
 * ```ts
 * transfer(program, alice, bob, { key: 'gift-1', occurredAt: now, transferId: 'gift-1', points: '300' }, { now })
 * ```
 */
export function transfer(
  program: Program,
  from: Account,
  to: Account,
  request: Omit<OperationRequest<EventOf<'transfer-out'>>, 'to'>,
  options: EvaluateOptions,
): E.Either<Refusal, TransferResult> {
  const sent = evaluate(program, from, { ...request, type: 'transfer-out', to: to.memberId }, options);
  if (E.isLeft(sent)) return sent;
  const effect = sent.right.effects.find((e) => e.memberId === to.memberId && e.event.type === 'transfer-in');
  if (effect === undefined) {
    // The sender already applied this transfer (a retry). The receiving side is a duplicate too when the recipient
    // has it; otherwise it must be delivered from the effect stored with the first evaluation (see host wiring).
    const inboundKey = `transfer:${request.transferId}:in`;
    if (!hasEventKey(to, inboundKey)) {
      return E.left({
        code: 'key-reused',
        message: `transfer ${request.transferId} was already applied by ${from.memberId}; deliver the stored transfer-in effect to ${to.memberId}`,
        eventKey: request.key,
      });
    }
    const inbound = evaluate(
      program,
      to,
      {
        type: 'transfer-in',
        key: inboundKey,
        occurredAt: request.occurredAt,
        transferId: request.transferId,
        from: from.memberId,
        lots: [],
      },
      options,
    );
    if (E.isLeft(inbound)) return inbound;
    return E.right({ sender: sent.right, recipient: inbound.right });
  }
  const received = evaluate(program, to, effect.event, options);
  if (E.isLeft(received)) return received;
  return E.right({ sender: sent.right, recipient: received.right });
}

/**
 * Converts points to a partner currency (`direction: 'to-partner'`, `points` in whole blocks) or partner units into
 * points (`direction: 'from-partner'`, `partnerUnits` in whole blocks). Refusals: `unknown-partner`,
 * `conversion-unavailable`, `not-a-whole-block`, `insufficient-points`.
 *
 * @example
 * ```ts
 * convert(program, account, { key: 'miles-1', occurredAt: now, partnerId: 'sky-miles', direction: 'to-partner', points: '2000' }, { now })
 * // right(evaluation) with evaluation.partnerUnits === '500'
 * ```
 */
export function convert(
  program: Program,
  account: Account,
  request: OperationRequest<EventOf<'convert'>>,
  options: EvaluateOptions,
): E.Either<Refusal, Evaluation> {
  return evaluate(program, account, { ...request, type: 'convert' }, options);
}

/**
 * Evaluates and applies in one step (a convenience for scripts and tests; hosts normally store the postings
 * between the two).
 *
 * @example
 * ```ts
 * const next = evaluateAndApply(program, account, purchase, { now });
 * ```
 */
export function evaluateAndApply(
  program: Program,
  account: Account,
  event: LoyaltyEvent,
  options: EvaluateOptions,
): E.Either<Refusal, AppliedEvaluation> {
  const result = evaluate(program, account, event, options);
  if (E.isLeft(result)) return result;
  return E.right({ account: apply(account, result.right.postings), evaluation: result.right });
}
