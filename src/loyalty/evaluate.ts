/**
 * `evaluate`: the postings an event would produce, with a full explanation, as a pure dry run. The account is never
 * changed; store the postings and fold them in with `apply`.
 *
 * Rules checked first, in this order: the programme and the account belong together; the event's `memberId` (when
 * given) is the account's; a key the account already applied is a **duplicate** (accepted, no postings); an event
 * dated after `now` is refused (`future-event`); an event dated before the account's latest applied event is
 * refused (`out-of-order`: events for one account must be applied in `occurredAt` order, equal instants allowed);
 * events before the programme's `effectiveFrom`, and earning events (purchase, signup, custom, referral) at or after
 * its `effectiveTo`, are refused (`program-not-effective`). Then scheduled work due by the event's time is done,
 * then the event itself.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { isoDateOfDayNumber } from '../core/index.js';
import type { Account, Posting } from './account.js';
import { hasEventKey } from './account.js';
import { localFields } from './calendar.js';
import { Draft } from './draft.js';
import { earnFixed, type EarningOptions } from './earning.js';
import type { Evaluation, EvaluationSummary, Refusal } from './evaluation-types.js';
import type { LoyaltyEvent } from './events.js';
import { runScheduledWork } from './housekeeping.js';
import { processAdjust, processConvert, processTransferIn, processTransferOut } from './movements.js';
import { processActivate, processPurchase, processRefund } from './orders.js';
import type { Program } from './program.js';
import { processCapture, processHold, processPayWithPoints, processRedeem, processRelease } from './redemption.js';
import { formatUnits, unitsOf } from './units.js';

/**
 * Options of {@link evaluate}.
 *
 * @example
 * ```ts
 * const options: EvaluateOptions = { now: Date.UTC(2024, 4, 4, 10, 5), segments: ['vip'], campaignBudgetUsed: { 'double-weekend': '1200' } };
 * ```
 */
export interface EvaluateOptions {
  /** The processing instant (epoch ms): events dated after it are refused. Time is never read from a clock. */
  readonly now: number;
  /** Segments the host assigns to the member (for `segment` conditions). */
  readonly segments?: readonly string[];
  /** Points each campaign has granted so far across all members (decimal strings), for campaign budgets. */
  readonly campaignBudgetUsed?: Readonly<Record<string, string>>;
  /** Units of each reward still in stock (host-maintained). */
  readonly stockRemaining?: Readonly<Record<string, number>>;
  /**
   * Build the explanation (default `true`). Bulk replays and simulations pass `false`: the postings are the same,
   * the explanation keeps only its structure (no notes, no per-line details, empty decimal strings).
   */
  readonly explain?: boolean;
}

const EARNING_EVENTS = new Set(['purchase', 'signup', 'custom', 'referral-completed']);
const EMPTY: readonly string[] = [];
const NO_BUDGET: Readonly<Record<string, string>> = {};

function refusal(event: LoyaltyEvent, code: Refusal['code'], message: string): E.Either<Refusal, never> {
  return E.left({ code, message, eventKey: event.key });
}

function summarise(postings: readonly Posting[], decimals: number): EvaluationSummary {
  let earned = 0;
  let spent = 0;
  let clawedBack = 0;
  let expired = 0;
  let activated = 0;
  let debt = 0;
  let pending = false;
  for (const p of postings) {
    const units = unitsOf(p.points, decimals);
    switch (p.kind) {
      case 'earn':
        earned += units;
        pending ||= p.lot.pending;
        break;
      case 'spend':
        spent += units;
        break;
      case 'transfer':
      case 'convert':
        if (p.allocations !== undefined) spent += units;
        break;
      case 'clawback':
        clawedBack += units;
        debt += unitsOf(p.debt, decimals);
        break;
      case 'expire':
        expired += units;
        break;
      case 'activate':
        activated += units;
        break;
      default:
        break;
    }
  }
  return {
    earned: formatUnits(earned, decimals),
    pending,
    spent: formatUnits(spent, decimals),
    clawedBack: formatUnits(clawedBack, decimals),
    expired: formatUnits(expired, decimals),
    activated: formatUnits(activated, decimals),
    debt: formatUnits(debt, decimals),
  };
}

/** Local time texts by zone and local hour number (a pure function of both, bounded). */
const LOCAL_TIMES = new WeakMap<Program['zone'], Map<number, string>>();

function localTime(program: Program, at: number): string {
  const zone = program.zone;
  const localHour = Math.floor((at + zone.offsetAt(at)) / 3_600_000);
  let texts = LOCAL_TIMES.get(zone);
  if (texts === undefined) {
    texts = new Map();
    LOCAL_TIMES.set(zone, texts);
  }
  const known = texts.get(localHour);
  if (known !== undefined) return known;
  const fields = localFields(zone, at);
  const hour = fields.hour < 10 ? `0${fields.hour}` : String(fields.hour);
  const text = `${isoDateOfDayNumber(fields.day)} ${hour}:00 ${zone.name}`;
  if (texts.size >= 8_192) texts.clear();
  texts.set(localHour, text);
  return text;
}

function sanity(event: LoyaltyEvent): string | undefined {
  if (typeof event.key !== 'string' || event.key === '') return 'an event needs a non-empty key';
  if (!Number.isFinite(event.occurredAt)) return 'occurredAt must be an instant';
  if (event.type === 'purchase' && (!Number.isFinite(event.amount) || event.amount < 0))
    return 'amount must be a non-negative number';
  if (event.type === 'refund' && event.amount !== undefined && (!Number.isFinite(event.amount) || event.amount < 0))
    return 'amount must be a non-negative number';
  return undefined;
}

/**
 * Evaluates an event against an account: the postings it produces (scheduled work due by then first, the event
 * itself last, closed by an `event` header), a summary, and an explanation of every rule, campaign, cap and
 * rounding step. Pure: the account is not changed. Business refusals are lefts with a code; a key already applied
 * is a right with status `duplicate` and no postings.
 *
 * @example
 * ```ts
 * const result = evaluate(program, account, {
 *   type: 'purchase', key: 'order-1001', occurredAt: Date.UTC(2024, 4, 4, 10), orderId: '1001', amount: 42.5,
 * }, { now: Date.UTC(2024, 4, 4, 10, 5) });
 * // right({ status: 'accepted', summary: { earned: '42', ... }, postings: [earn, event], explanation: {...} })
 * ```
 */
export function evaluate(
  program: Program,
  account: Account,
  event: LoyaltyEvent,
  options: EvaluateOptions,
): E.Either<Refusal, Evaluation> {
  if (account.programId !== program.id || account.decimals !== program.decimals) {
    return refusal(
      event,
      'program-mismatch',
      `account belongs to programme ${account.programId} (${account.decimals} decimals), not ${program.id} (${program.decimals})`,
    );
  }
  const invalid = sanity(event);
  if (invalid !== undefined) return refusal(event, 'invalid-event', invalid);
  if (event.memberId !== undefined && event.memberId !== account.memberId) {
    return refusal(
      event,
      'wrong-member',
      `event for member ${event.memberId} evaluated on account ${account.memberId}`,
    );
  }
  const at = event.occurredAt;
  if (hasEventKey(account, event.key)) {
    return E.right({
      status: 'duplicate',
      eventKey: event.key,
      postings: [],
      summary: summarise([], program.decimals),
      explanation: {
        eventType: event.type,
        at,
        localTime: localTime(program, at),
        notes: [`event ${event.key} was already applied: nothing to do`],
      },
      effects: [],
      campaignUsage: [],
      stockUsage: [],
      tier: { before: account.tier.current, after: account.tier.current },
    });
  }
  if (at > options.now)
    return refusal(
      event,
      'future-event',
      `event dated ${new Date(at).toISOString()} is after now (${new Date(options.now).toISOString()})`,
    );
  if (account.lastEventAt !== null && at < account.lastEventAt) {
    return refusal(
      event,
      'out-of-order',
      `event dated ${new Date(at).toISOString()} is earlier than the account's latest event (${new Date(account.lastEventAt).toISOString()}); events must be applied in time order`,
    );
  }
  if (
    at < program.effectiveFrom ||
    (EARNING_EVENTS.has(event.type) && program.effectiveTo !== undefined && at >= program.effectiveTo)
  ) {
    return refusal(
      event,
      'program-not-effective',
      `programme ${program.id} v${program.version} is not in effect at ${new Date(at).toISOString()}`,
    );
  }
  const earningOptions: EarningOptions = {
    segments: options.segments ?? EMPTY,
    campaignBudgetUsed: options.campaignBudgetUsed ?? NO_BUDGET,
  };
  const draft = new Draft(program, account, event, options.explain ?? true);
  if (account.nextDueAt !== null && account.nextDueAt <= at) runScheduledWork(draft, at, earningOptions);
  const redemptionOptions = options.stockRemaining === undefined ? {} : { stockRemaining: options.stockRemaining };
  let outcome: E.Either<Refusal, void>;
  switch (event.type) {
    case 'purchase':
      outcome = processPurchase(draft, event, earningOptions);
      break;
    case 'refund':
    case 'cancel':
      outcome = processRefund(draft, event);
      break;
    case 'activate':
      outcome = processActivate(draft, event);
      break;
    case 'signup': {
      if (event.referredBy === account.memberId) {
        outcome = refusal(event, 'same-member', 'a member cannot refer themselves');
        break;
      }
      draft.profile = {
        ...(account.profile.joinedAt === null ? { joinedAt: at } : {}),
        ...(event.birthDate === undefined ? {} : { birthDate: event.birthDate }),
        ...(event.referredBy === undefined ? {} : { referredBy: event.referredBy }),
      };
      draft.setProfile({ ...account.profile, ...draft.profile });
      draft.activity = true;
      earnFixed(draft, event, (rule) => rule.kind === 'signup', earningOptions);
      outcome = E.right(undefined);
      break;
    }
    case 'profile':
      if (event.birthDate !== undefined) {
        draft.profile = { birthDate: event.birthDate };
        if (draft.explain) draft.notes.push(`birth date set to ${event.birthDate}`);
      }
      outcome = E.right(undefined);
      break;
    case 'custom':
      draft.activity = true;
      earnFixed(draft, event, (rule) => rule.kind === 'custom' && rule.eventName === event.name, earningOptions);
      outcome = E.right(undefined);
      break;
    case 'referral-completed': {
      const rule = program.rules.find((r) => r.id === event.ruleId);
      if (rule?.kind !== 'referral') {
        outcome = refusal(event, 'unknown-rule', `no referral rule ${event.ruleId} in programme ${program.id}`);
        break;
      }
      draft.activity = true;
      earnFixed(draft, event, (r) => r.id === rule.id, earningOptions);
      outcome = E.right(undefined);
      break;
    }
    case 'tick':
      outcome = E.right(undefined);
      break;
    case 'redeem':
      outcome = processRedeem(draft, event, redemptionOptions);
      break;
    case 'pay-with-points':
      outcome = processPayWithPoints(draft, event);
      break;
    case 'hold':
      outcome = processHold(draft, event, redemptionOptions);
      break;
    case 'capture':
      outcome = processCapture(draft, event);
      break;
    case 'release':
      outcome = processRelease(draft, event);
      break;
    case 'transfer-out':
      outcome = processTransferOut(draft, event);
      break;
    case 'transfer-in':
      outcome = processTransferIn(draft, event);
      break;
    case 'convert':
      outcome = processConvert(draft, event);
      break;
    case 'adjust':
      outcome = processAdjust(draft, event);
      break;
  }
  if (E.isLeft(outcome)) return outcome;
  const postings = draft.finish();
  const explanation: Mutable<Evaluation['explanation']> = {
    eventType: event.type,
    at,
    localTime: localTime(program, at),
    notes: draft.notes,
  };
  if (draft.earning !== undefined) explanation.earning = draft.earning;
  const evaluation: Mutable<Evaluation> = {
    status: 'accepted',
    eventKey: event.key,
    postings,
    summary: summarise(postings, program.decimals),
    explanation,
    effects: draft.effects,
    campaignUsage: draft.campaignUsage,
    stockUsage: draft.stockUsage,
    tier: { before: account.tier.current, after: draft.tier().current },
  };
  if (draft.discount !== undefined) evaluation.discount = draft.discount;
  if (draft.partnerUnits !== undefined) evaluation.partnerUnits = draft.partnerUnits;
  return E.right(evaluation);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
