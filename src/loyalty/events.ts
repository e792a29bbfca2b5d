/**
 * Loyalty events: what happens to a member (purchases, refunds, signups, custom activities, redemptions,
 * transfers...), as codecs and types. Every event has an idempotency `key` (unique per account) and an
 * `occurredAt` instant.
 *
 * @module
 */
import type { either as E } from 'fp-ts';
import * as t from 'io-ts';
import type { BatchResult, Customer, Transaction, TransactionLine, ValidationIssue } from '../core/index.js';
import {
  AmountCodec,
  AttributesCodec,
  decodeBatch,
  decodeWith,
  IdCodec,
  InstantCodec,
  IsoDateCodec,
  makeIssue,
  NonEmptyStringCodec,
} from '../core/index.js';
import {
  boundedArray,
  boundedInteger,
  DecimalTextCodec,
  documentedCodec,
  IdentifierCodec,
  PositiveDecimalCodec,
  strictObject,
  taggedUnion,
} from './codec-helpers.js';

import type { LoyaltyEvent, PurchaseLine } from './event-types.js';

export type * from './event-types.js';

const common = { key: NonEmptyStringCodec, occurredAt: InstantCodec };
const commonOptional = { memberId: IdCodec };

const PositiveQuantityCodec = new t.Type<number, number, unknown>(
  'positive quantity',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u > 0,
  (u, c) => (typeof u === 'number' && Number.isFinite(u) && u > 0 ? t.success(u) : t.failure(u, c)),
  (a) => a,
);

/**
 * Codec of {@link PurchaseLine}.
 *
 * @example
 * ```ts
 * PurchaseLineCodec.decode({ sku: 'A', quantity: 1, unitPrice: '9.90' }) //=> right({ sku: 'A', quantity: 1, unitPrice: 9.9 })
 * ```
 */
export const PurchaseLineCodec: t.Type<PurchaseLine, unknown> = documentedCodec<PurchaseLine>()(
  strictObject(
    'purchase line',
    { sku: NonEmptyStringCodec, quantity: PositiveQuantityCodec, unitPrice: AmountCodec },
    { category: t.string, discount: AmountCodec, tax: AmountCodec, name: t.string },
  ),
);

const PurchaseEventCodec = strictObject(
  'purchase event',
  { ...common, type: t.literal('purchase'), orderId: IdCodec, amount: AmountCodec },
  {
    ...commonOptional,
    channel: t.string,
    lines: boundedArray(PurchaseLineCodec, 10_000, 'array of purchase lines'),
    shipping: AmountCodec,
    tax: AmountCodec,
    discount: AmountCodec,
    paidWithPoints: AmountCodec,
    attributes: AttributesCodec,
  },
);
const RefundEventCodec = strictObject(
  'refund event',
  { ...common, type: t.literal('refund'), orderId: IdCodec },
  {
    ...commonOptional,
    amount: AmountCodec,
    lines: boundedArray(
      strictObject('refunded line', { sku: NonEmptyStringCodec, quantity: PositiveQuantityCodec }, {}),
      10_000,
      'array of refunded lines',
    ),
  },
);
const OrderEventCodec = <T extends 'cancel' | 'activate'>(type: T) =>
  strictObject(`${type} event`, { ...common, type: t.literal(type), orderId: IdCodec }, commonOptional);
const SignupEventCodec = strictObject(
  'signup event',
  { ...common, type: t.literal('signup') },
  { ...commonOptional, birthDate: IsoDateCodec, referredBy: IdCodec, channel: t.string, attributes: AttributesCodec },
);
const ProfileEventCodec = strictObject(
  'profile event',
  { ...common, type: t.literal('profile') },
  { ...commonOptional, birthDate: IsoDateCodec },
);
const CustomEventCodec = strictObject(
  'custom event',
  { ...common, type: t.literal('custom'), name: IdentifierCodec },
  { ...commonOptional, channel: t.string, attributes: AttributesCodec },
);
const ReferralCompletedEventCodec = strictObject(
  'referral-completed event',
  { ...common, type: t.literal('referral-completed'), refereeId: IdCodec, ruleId: IdentifierCodec },
  commonOptional,
);
const TickEventCodec = strictObject('tick event', { ...common, type: t.literal('tick') }, commonOptional);
const RedeemEventCodec = strictObject(
  'redeem event',
  { ...common, type: t.literal('redeem'), rewardId: IdentifierCodec },
  { ...commonOptional, quantity: boundedInteger(1, 1_000_000), orderId: IdCodec },
);
const PayWithPointsEventCodec = strictObject(
  'pay-with-points event',
  {
    ...common,
    type: t.literal('pay-with-points'),
    orderId: IdCodec,
    orderAmount: AmountCodec,
    points: PositiveDecimalCodec,
  },
  commonOptional,
);
const HoldEventCodec = strictObject(
  'hold event',
  { ...common, type: t.literal('hold'), holdId: IdCodec },
  {
    ...commonOptional,
    points: PositiveDecimalCodec,
    rewardId: IdentifierCodec,
    quantity: boundedInteger(1, 1_000_000),
    orderId: IdCodec,
    orderAmount: AmountCodec,
    minutes: boundedInteger(1, 525_600),
  },
);
const CaptureEventCodec = strictObject(
  'capture event',
  { ...common, type: t.literal('capture'), holdId: IdCodec },
  { ...commonOptional, points: PositiveDecimalCodec },
);
const ReleaseEventCodec = strictObject(
  'release event',
  { ...common, type: t.literal('release'), holdId: IdCodec },
  commonOptional,
);
const TransferOutEventCodec = strictObject(
  'transfer-out event',
  { ...common, type: t.literal('transfer-out'), transferId: IdCodec, to: IdCodec, points: PositiveDecimalCodec },
  commonOptional,
);
const TransferInEventCodec = strictObject(
  'transfer-in event',
  {
    ...common,
    type: t.literal('transfer-in'),
    transferId: IdCodec,
    from: IdCodec,
    lots: boundedArray(
      strictObject(
        'transferred lot',
        { points: PositiveDecimalCodec, earnedAt: InstantCodec, expiresAt: t.union([InstantCodec, t.null]) },
        {},
      ),
      100_000,
      'array of transferred lots',
    ),
  },
  commonOptional,
);
const ConvertEventCodec = strictObject(
  'convert event',
  {
    ...common,
    type: t.literal('convert'),
    partnerId: IdentifierCodec,
    direction: t.keyof({ 'to-partner': null, 'from-partner': null }),
  },
  { ...commonOptional, points: PositiveDecimalCodec, partnerUnits: PositiveDecimalCodec },
);
const AdjustEventCodec = strictObject(
  'adjust event',
  { ...common, type: t.literal('adjust'), points: DecimalTextCodec, reason: NonEmptyStringCodec },
  commonOptional,
);

/**
 * Codec of {@link LoyaltyEvent}: a tagged union on `type`; amounts as numbers or decimal strings, points as decimal strings.
 *
 * @example
 * ```ts
 * decodeWith(LoyaltyEventCodec, { type: 'tick', key: 't-1', occurredAt: '2024-06-01' }, 'event') //=> right({ type: 'tick', key: 't-1', occurredAt: 1717200000000 })
 * ```
 */
export const LoyaltyEventCodec: t.Type<LoyaltyEvent, unknown> = documentedCodec<LoyaltyEvent>()(
  taggedUnion('loyalty event', 'type', {
    purchase: PurchaseEventCodec,
    refund: RefundEventCodec,
    cancel: OrderEventCodec('cancel'),
    activate: OrderEventCodec('activate'),
    signup: SignupEventCodec,
    profile: ProfileEventCodec,
    custom: CustomEventCodec,
    'referral-completed': ReferralCompletedEventCodec,
    tick: TickEventCodec,
    redeem: RedeemEventCodec,
    'pay-with-points': PayWithPointsEventCodec,
    hold: HoldEventCodec,
    capture: CaptureEventCodec,
    release: ReleaseEventCodec,
    'transfer-out': TransferOutEventCodec,
    'transfer-in': TransferInEventCodec,
    convert: ConvertEventCodec,
    adjust: AdjustEventCodec,
  }),
);

/**
 * The type names of {@link LoyaltyEvent}.
 *
 * @example
 * ```ts
 * const kind: LoyaltyEventType = 'purchase';
 * ```
 */
export type LoyaltyEventType = LoyaltyEvent['type'];

/**
 * A loyalty event of one type.
 *
 * @example
 * ```ts
 * const refund: EventOf<'refund'> = { type: 'refund', key: 'r-1', occurredAt: 0, orderId: '1001', amount: 10 };
 * ```
 */
export type EventOf<T extends LoyaltyEventType> = Extract<
  LoyaltyEvent,
  {
    /** The event type. */
    type: T;
  }
>;

/**
 * Decodes one untrusted loyalty event (never throws; every problem with its path).
 *
 * @example
 * ```ts
 * decodeLoyaltyEvent({ type: 'purchase', key: 'o-1', occurredAt: '2024-05-04T10:00:00Z', orderId: 'o-1', amount: '42.50' })
 * //=> right({ type: 'purchase', key: 'o-1', occurredAt: 1714816800000, orderId: 'o-1', amount: 42.5 })
 * ```
 */
export function decodeLoyaltyEvent(input: unknown): E.Either<ValidationIssue[], LoyaltyEvent> {
  return decodeWith(LoyaltyEventCodec, input, 'event');
}

/**
 * Decodes many loyalty events: valid ones kept, rejected ones reported (`events[i]...`).
 *
 * @example
 * ```ts
 * decodeLoyaltyEvents([{ type: 'tick', key: 't', occurredAt: 0 }, { type: 'nope' }]).rejected //=> [1]
 * ```
 */
export function decodeLoyaltyEvents(input: unknown): BatchResult<LoyaltyEvent> {
  return decodeBatch(LoyaltyEventCodec, input, 'events');
}

/**
 * Options of {@link eventsFromTransactions}.
 *
 * @example
 * ```ts
 * const options: EventsFromTransactionsOptions = { currency: 'EUR', customers };
 * ```
 */
export interface EventsFromTransactionsOptions {
  /** Customers whose `signupAt` becomes a `signup` event (with `birthDate`). */
  readonly customers?: readonly Customer[];
  /** Only transactions in this currency are converted (others rejected with a reason). Default: all. */
  readonly currency?: string;
}

/**
 * A transaction that produced no event, and why.
 *
 * @example
 * ```ts
 * const r: RejectedTransaction = { index: 3, issue: makeIssue('transactions[3].refundOf', 'a known purchase', 'tx-9') };
 * ```
 */
export interface RejectedTransaction {
  /** Its index in the input. */
  readonly index: number;
  /** The reason, with its path. */
  readonly issue: ValidationIssue;
}

/**
 * The result of {@link eventsFromTransactions}: events grouped by member (each list in time order) and the
 * records that could not become events, with the reason.
 *
 * @example
 * ```ts
 * const { byMember, rejected } = eventsFromTransactions(transactions);
 * ```
 */
export interface EventsFromTransactionsResult {
  /** Events per customer id, sorted by `occurredAt` then key. */
  readonly byMember: Readonly<Record<string, LoyaltyEvent[]>>;
  /** Transactions (by input index) that produced no event. */
  readonly rejected: readonly RejectedTransaction[];
}

/** Order lines of a core transaction as purchase lines (shared when every quantity is positive). */
function purchaseLinesOf(lines: readonly TransactionLine[]): PurchaseLine[] {
  if (lines.every((l) => l.quantity > 0)) return lines as PurchaseLine[];
  return lines
    .filter((l) => l.quantity > 0)
    .map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      ...(l.category === undefined ? {} : { category: l.category }),
      ...(l.discount === undefined ? {} : { discount: l.discount }),
    }));
}

/**
 * Turns core transactions into loyalty events: a purchase becomes a `purchase` (key `tx:<id>`, order id
 * `orderId ?? id`, lines kept); a refund naming its purchase in `refundOf` becomes a `refund` by amount of that
 * purchase's order. A refund without `refundOf`, or of an unknown purchase, is rejected with a reason (never
 * dropped silently). Customers with `signupAt` get a `signup` event.
 *
 * @example
 * ```ts
 * const { byMember } = eventsFromTransactions([
 *   { id: 't1', customerId: 'c1', occurredAt: 0, kind: 'purchase', amount: 20, currency: 'EUR' },
 * ]);
 * byMember.c1?.[0]?.type //=> 'purchase'
 * ```
 */
export function eventsFromTransactions(
  transactions: readonly Transaction[],
  options: EventsFromTransactionsOptions = {},
): EventsFromTransactionsResult {
  const byMember: Record<string, LoyaltyEvent[]> = Object.create(null) as Record<string, LoyaltyEvent[]>;
  const rejected: RejectedTransaction[] = [];
  const orderOf = new Map<string, string>();
  for (const tx of transactions) if (tx.kind === 'purchase') orderOf.set(tx.id, tx.orderId ?? tx.id);
  const push = (memberId: string, event: LoyaltyEvent): void => {
    (byMember[memberId] ??= []).push(event);
  };
  for (const customer of options.customers ?? []) {
    if (customer.signupAt === undefined) continue;
    push(customer.id, {
      type: 'signup',
      key: `signup:${customer.id}`,
      occurredAt: customer.signupAt,
      memberId: customer.id,
      ...(customer.birthDate === undefined ? {} : { birthDate: customer.birthDate }),
    });
  }
  transactions.forEach((tx, index) => {
    if (options.currency !== undefined && tx.currency !== options.currency) {
      rejected.push({ index, issue: makeIssue(`transactions[${index}].currency`, options.currency, tx.currency) });
      return;
    }
    if (tx.kind === 'purchase') {
      push(tx.customerId, {
        type: 'purchase',
        key: `tx:${tx.id}`,
        occurredAt: tx.occurredAt,
        memberId: tx.customerId,
        orderId: tx.orderId ?? tx.id,
        amount: tx.amount,
        ...(tx.channel === undefined ? {} : { channel: tx.channel }),
        ...(tx.lines === undefined ? {} : { lines: purchaseLinesOf(tx.lines) }),
      });
      return;
    }
    const orderId = tx.refundOf === undefined ? undefined : orderOf.get(tx.refundOf);
    if (orderId === undefined) {
      rejected.push({
        index,
        issue: makeIssue(`transactions[${index}].refundOf`, 'the id of a purchase in the same batch', tx.refundOf),
      });
      return;
    }
    push(tx.customerId, {
      type: 'refund',
      key: `tx:${tx.id}`,
      occurredAt: tx.occurredAt,
      memberId: tx.customerId,
      orderId,
      amount: tx.amount,
    });
  });
  for (const list of Object.values(byMember)) {
    list.sort((a, b) => a.occurredAt - b.occurredAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return { byMember, rejected };
}
