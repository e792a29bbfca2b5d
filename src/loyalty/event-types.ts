/**
 * Loyalty events as documented interfaces, one per `type`. The codec in `events.ts` decodes into these.
 *
 * @module
 */

/**
 * What every event has: an idempotency key (unique per account), when it happened, and optionally whose it is.
 *
 * @example
 * ```ts
 * const base: EventBase = { key: 'order-1001', occurredAt: Date.UTC(2024, 4, 4, 10), memberId: 'ann' };
 * ```
 */
export interface EventBase {
  /** Idempotency key, unique per account: applying the same key twice is a no-op. */
  readonly key: string;
  /** When it happened (epoch ms). Events of one account are applied in this order. */
  readonly occurredAt: number;
  /** The member, checked against the account when given. */
  readonly memberId?: string;
}

/**
 * Free-form event attributes (read by `attributes.<name>` conditions).
 *
 * @example
 * ```ts
 * const attributes: EventAttributes = { store: 'paris-1', firstVisit: true };
 * ```
 */
export type EventAttributes = Readonly<Record<string, string | number | boolean | null>>;

/**
 * One order line: `quantity × unitPrice − discount` is its net amount (tax excluded); `tax` is the line's tax.
 *
 * @example
 * ```ts
 * const line: PurchaseLine = { sku: 'BEANS-1KG', category: 'coffee', quantity: 2, unitPrice: 18, discount: 3 };
 * ```
 */
export interface PurchaseLine {
  /** Product id. */
  readonly sku: string;
  /** Positive quantity. */
  readonly quantity: number;
  /** Price per unit before the line discount, major units. */
  readonly unitPrice: number;
  /** Product category. */
  readonly category?: string;
  /** Discount on the line, major units. */
  readonly discount?: number;
  /** Tax of the line, major units. */
  readonly tax?: number;
  /** Product name. */
  readonly name?: string;
}

/**
 * A purchase: the order amount (major units, everything the customer paid including the part paid with points),
 * optional lines, shipping, tax, order-level discount and the part paid with points.
 *
 * @example
 * ```ts
 * const purchase: PurchaseEvent = { type: 'purchase', key: 'o-1', occurredAt: 0, orderId: 'o-1', amount: 42.5, channel: 'web' };
 * ```
 */
export interface PurchaseEvent extends EventBase {
  /** The event type. */
  readonly type: 'purchase';
  /** The order (refunds and cancellations name it). */
  readonly orderId: string;
  /** Order amount, major units. */
  readonly amount: number;
  /** Sales channel. */
  readonly channel?: string;
  /** Order lines. */
  readonly lines?: readonly PurchaseLine[];
  /** Shipping, major units. */
  readonly shipping?: number;
  /** Order tax when the lines carry none, major units. */
  readonly tax?: number;
  /** Order-level discount, major units. */
  readonly discount?: number;
  /** Part of the amount paid with points, major units. */
  readonly paidWithPoints?: number;
  /** Free-form attributes. */
  readonly attributes?: EventAttributes;
}

/**
 * A refunded line: the quantity of a SKU given back.
 *
 * @example
 * ```ts
 * const line: RefundedLine = { sku: 'BEANS-1KG', quantity: 1 };
 * ```
 */
export interface RefundedLine {
  /** Product id. */
  readonly sku: string;
  /** Positive quantity. */
  readonly quantity: number;
}

/**
 * A refund of part of an order, by `amount` (major units) or by `lines` (exactly one of the two).
 *
 * @example
 * ```ts
 * const refund: RefundEvent = { type: 'refund', key: 'r-1', occurredAt: 0, orderId: 'o-1', lines: [{ sku: 'BEANS-1KG', quantity: 1 }] };
 * ```
 */
export interface RefundEvent extends EventBase {
  /** The event type. */
  readonly type: 'refund';
  /** The order refunded. */
  readonly orderId: string;
  /** Amount refunded, major units. */
  readonly amount?: number;
  /** Lines refunded. */
  readonly lines?: readonly RefundedLine[];
}

/**
 * The cancellation of a whole order (its points are clawed back, points spent on it given back).
 *
 * @example
 * ```ts
 * const cancel: CancelEvent = { type: 'cancel', key: 'c-1', occurredAt: 0, orderId: 'o-1' };
 * ```
 */
export interface CancelEvent extends EventBase {
  /** The event type. */
  readonly type: 'cancel';
  /** The order. */
  readonly orderId: string;
}

/**
 * The early (or host-driven) activation of an order's pending points.
 *
 * @example
 * ```ts
 * const activate: ActivateEvent = { type: 'activate', key: 'a-1', occurredAt: 0, orderId: 'o-1' };
 * ```
 */
export interface ActivateEvent extends EventBase {
  /** The event type. */
  readonly type: 'activate';
  /** The order. */
  readonly orderId: string;
}

/**
 * A member joins: birth date (birthday rules), referrer (referral rules), channel and attributes.
 *
 * @example
 * ```ts
 * const signup: SignupEvent = { type: 'signup', key: 'signup-ann', occurredAt: 0, birthDate: '1990-06-15', referredBy: 'bob' };
 * ```
 */
export interface SignupEvent extends EventBase {
  /** The event type. */
  readonly type: 'signup';
  /** Birth date `YYYY-MM-DD`. */
  readonly birthDate?: string;
  /** The referring member's id. */
  readonly referredBy?: string;
  /** Signup channel. */
  readonly channel?: string;
  /** Free-form attributes. */
  readonly attributes?: EventAttributes;
}

/**
 * A profile change: the birth date.
 *
 * @example
 * ```ts
 * const profile: ProfileEvent = { type: 'profile', key: 'p-1', occurredAt: 0, birthDate: '1990-06-15' };
 * ```
 */
export interface ProfileEvent extends EventBase {
  /** The event type. */
  readonly type: 'profile';
  /** Birth date `YYYY-MM-DD`. */
  readonly birthDate?: string;
}

/**
 * A custom activity (review, survey answered, event attended, social share…), rewarded by `custom` rules.
 *
 * @example
 * ```ts
 * const review: CustomEvent = { type: 'custom', key: 'review-9', occurredAt: 0, name: 'review' };
 * ```
 */
export interface CustomEvent extends EventBase {
  /** The event type. */
  readonly type: 'custom';
  /** The activity's name. */
  readonly name: string;
  /** Channel. */
  readonly channel?: string;
  /** Free-form attributes. */
  readonly attributes?: EventAttributes;
}

/**
 * The referrer's side of a referral, produced by the engine as an effect of the referee's qualifying purchase.
 *
 * @example
 * ```ts
 * const done: ReferralCompletedEvent = { type: 'referral-completed', key: 'referral:ann:refer', occurredAt: 0, refereeId: 'ann', ruleId: 'refer' };
 * ```
 */
export interface ReferralCompletedEvent extends EventBase {
  /** The event type. */
  readonly type: 'referral-completed';
  /** The referee. */
  readonly refereeId: string;
  /** The referral rule. */
  readonly ruleId: string;
}

/**
 * Time passes: scheduled work due by `occurredAt` is done (send one daily if postings should appear promptly).
 *
 * @example
 * ```ts
 * const tick: TickEvent = { type: 'tick', key: 'tick-2024-06-01', occurredAt: Date.UTC(2024, 5, 1) };
 * ```
 */
export interface TickEvent extends EventBase {
  /** The event type. */
  readonly type: 'tick';
}

/**
 * A catalogue redemption.
 *
 * @example
 * ```ts
 * const redeem: RedeemEvent = { type: 'redeem', key: 'x-1', occurredAt: 0, rewardId: 'free-coffee', quantity: 1 };
 * ```
 */
export interface RedeemEvent extends EventBase {
  /** The event type. */
  readonly type: 'redeem';
  /** The reward. */
  readonly rewardId: string;
  /** Units (default 1). */
  readonly quantity?: number;
  /** The order it belongs to (its points come back if the order is refunded). */
  readonly orderId?: string;
}

/**
 * Paying part of an order with points.
 *
 * @example
 * ```ts
 * const pay: PayWithPointsEvent = { type: 'pay-with-points', key: 'p-1', occurredAt: 0, orderId: 'o-2', orderAmount: 40, points: '1000' };
 * ```
 */
export interface PayWithPointsEvent extends EventBase {
  /** The event type. */
  readonly type: 'pay-with-points';
  /** The order paid. */
  readonly orderId: string;
  /** The order's amount, major units (for the share checks). */
  readonly orderAmount: number;
  /** Points offered. */
  readonly points: string;
}

/**
 * Reserving points for a reward (`rewardId`) or a payment (`points`, with `orderAmount` for the share checks).
 *
 * @example
 * ```ts
 * const hold: HoldEvent = { type: 'hold', key: 'h-1', occurredAt: 0, holdId: 'h-1', points: '500', orderId: 'o-2', orderAmount: 40 };
 * ```
 */
export interface HoldEvent extends EventBase {
  /** The event type. */
  readonly type: 'hold';
  /** The hold's id (capture and release name it). */
  readonly holdId: string;
  /** Points to reserve for a payment. */
  readonly points?: string;
  /** The reward to reserve for. */
  readonly rewardId?: string;
  /** Reward units (default 1). */
  readonly quantity?: number;
  /** The order it belongs to. */
  readonly orderId?: string;
  /** The order's amount, major units. */
  readonly orderAmount?: number;
  /** Lifetime in minutes (default the programme's `holdMinutes`). */
  readonly minutes?: number;
}

/**
 * Capturing a hold: all of it, or `points` of it (the rest is released).
 *
 * @example
 * ```ts
 * const capture: CaptureEvent = { type: 'capture', key: 'c-1', occurredAt: 0, holdId: 'h-1' };
 * ```
 */
export interface CaptureEvent extends EventBase {
  /** The event type. */
  readonly type: 'capture';
  /** The hold. */
  readonly holdId: string;
  /** Points to capture (default all). */
  readonly points?: string;
}

/**
 * Releasing a hold.
 *
 * @example
 * ```ts
 * const release: ReleaseEvent = { type: 'release', key: 'r-1', occurredAt: 0, holdId: 'h-1' };
 * ```
 */
export interface ReleaseEvent extends EventBase {
  /** The event type. */
  readonly type: 'release';
  /** The hold. */
  readonly holdId: string;
}

/**
 * The sending side of a transfer.
 *
 * @example
 * ```ts
 * const out: TransferOutEvent = { type: 'transfer-out', key: 't-1', occurredAt: 0, transferId: 't-1', to: 'bob', points: '300' };
 * ```
 */
export interface TransferOutEvent extends EventBase {
  /** The event type. */
  readonly type: 'transfer-out';
  /** The transfer's id. */
  readonly transferId: string;
  /** The recipient. */
  readonly to: string;
  /** Points sent. */
  readonly points: string;
}

/**
 * A lot received in a transfer, with the sender's earning time and expiry.
 *
 * @example
 * ```ts
 * const lot: TransferredLot = { points: '300', earnedAt: 0, expiresAt: null };
 * ```
 */
export interface TransferredLot {
  /** Points. */
  readonly points: string;
  /** When the sender earned them. */
  readonly earnedAt: number;
  /** When they expire (`null`: no per-lot expiry). */
  readonly expiresAt: number | null;
}

/**
 * The receiving side of a transfer, produced by the engine as an effect of the sending side.
 *
 * @example
 * ```ts
 * const into: TransferInEvent = { type: 'transfer-in', key: 'transfer:t-1:in', occurredAt: 0, transferId: 't-1', from: 'ann', lots: [] };
 * ```
 */
export interface TransferInEvent extends EventBase {
  /** The event type. */
  readonly type: 'transfer-in';
  /** The transfer's id. */
  readonly transferId: string;
  /** The sender. */
  readonly from: string;
  /** The lots received. */
  readonly lots: readonly TransferredLot[];
}

/**
 * A conversion to a partner currency (`points`) or from it (`partnerUnits`), in whole blocks.
 *
 * @example
 * ```ts
 * const miles: ConvertEvent = { type: 'convert', key: 'm-1', occurredAt: 0, partnerId: 'sky-miles', direction: 'to-partner', points: '2000' };
 * ```
 */
export interface ConvertEvent extends EventBase {
  /** The event type. */
  readonly type: 'convert';
  /** The partner. */
  readonly partnerId: string;
  /** Which way. */
  readonly direction: 'to-partner' | 'from-partner';
  /** Points converted (to the partner). */
  readonly points?: string;
  /** Partner units converted (from the partner). */
  readonly partnerUnits?: string;
}

/**
 * A manual adjustment: positive credits a lot, negative debits spendable points.
 *
 * @example
 * ```ts
 * const fix: AdjustEvent = { type: 'adjust', key: 'adj-1', occurredAt: 0, points: '-50', reason: 'duplicate order' };
 * ```
 */
export interface AdjustEvent extends EventBase {
  /** The event type. */
  readonly type: 'adjust';
  /** Signed points. */
  readonly points: string;
  /** Why. */
  readonly reason: string;
}

/**
 * Something that happens to a member, told apart by `type`:
 * - `purchase` (order amount in major units, optional lines, shipping, tax, order-level discount, part paid with points);
 * - `refund` (of an order, by `amount` or by `lines`), `cancel` (the whole order), `activate` (release an order's
 *   pending points early or when the programme waits for the host);
 * - `signup` (birth date, referrer), `profile` (birth date), `custom` (review, survey, event attended, share...),
 *   `referral-completed` (handed to the referrer's account by the engine);
 * - `tick` (time passes: activations, expiries, tier reviews, birthday awards happen; send one daily);
 * - `redeem` (a catalogue reward), `pay-with-points` (spend points on an order), `hold` / `capture` / `release`
 *   (reserve points at checkout), `transfer-out` / `transfer-in`, `convert` (to/from a partner currency), `adjust`.
 *
 * @example
 * ```ts
 * const purchase: LoyaltyEvent = {
 *   type: 'purchase', key: 'order-1001', occurredAt: Date.UTC(2024, 4, 4, 10), orderId: '1001', amount: 42.5,
 *   channel: 'web', lines: [{ sku: 'BEANS-1KG', category: 'coffee', quantity: 2, unitPrice: 21.25 }],
 * };
 * ```
 */
export type LoyaltyEvent =
  | PurchaseEvent
  | RefundEvent
  | CancelEvent
  | ActivateEvent
  | SignupEvent
  | ProfileEvent
  | CustomEvent
  | ReferralCompletedEvent
  | TickEvent
  | RedeemEvent
  | PayWithPointsEvent
  | HoldEvent
  | CaptureEvent
  | ReleaseEvent
  | TransferOutEvent
  | TransferInEvent
  | ConvertEvent
  | AdjustEvent;
