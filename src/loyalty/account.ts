/**
 * The account: a member's loyalty state as plain JSON data — lots (credits with what is left of them), the
 * postings that produced them (the ledger), order records for refunds, holds, tier state, qualification history,
 * usage counters for caps and limits, and the idempotency keys of every applied event.
 *
 * Point quantities are decimal strings with the programme's number of decimals; instants are epoch milliseconds;
 * days are day numbers in the programme's time zone.
 *
 * @module
 */
import type { LoyaltyEventType } from './events.js';
import type { Program } from './program.js';
import { formatUnits } from './units.js';

/**
 * The account format written by this version of the library.
 *
 * @example
 * ```ts
 * account.format === ACCOUNT_FORMAT //=> true
 * ```
 */
export const ACCOUNT_FORMAT = 'clientele.loyalty.account/1';

/**
 * Where a lot came from.
 *
 * @example
 * ```ts
 * const source: LotSource = 'earn';
 * ```
 */
export type LotSource = 'earn' | 'transfer' | 'convert' | 'adjust';

/**
 * A lot: points credited by one posting, with what happened to them since. For every lot
 * `earned = remaining + held + spent + expired + clawedBack` (spent counts redemptions, payments, transfers out and
 * conversions; clawedBack counts refund clawbacks, debt repayment and negative adjustments).
 *
 * @example
 * ```ts
 * const lot: Lot = {
 *   id: 'order-1001#0', source: 'earn', eventKey: 'order-1001', orderId: '1001', earnedAt: 1714816800000,
 *   pending: false, availableAt: 1714816800000, expiresAt: 1748728800000,
 *   earned: '42', remaining: '30', held: '0', spent: '12', expired: '0', clawedBack: '0',
 * };
 * ```
 */
export interface Lot {
  /** Id of the posting that created the lot. */
  readonly id: string;
  /** Where the lot came from. */
  readonly source: LotSource;
  /** Idempotency key of the event that created it. */
  readonly eventKey: string;
  /** Order that earned it (earn lots of purchases). */
  readonly orderId?: string;
  /** When the points were earned (for transferred lots: when the sender earned them). */
  readonly earnedAt: number;
  /** Whether the points are still locked (not spendable). */
  readonly pending: boolean;
  /** When pending points unlock: an instant, or `null` while waiting for the host's `activate` event. */
  readonly availableAt: number | null;
  /** When the remaining points expire (exclusive instant), or `null` for no per-lot expiry. */
  readonly expiresAt: number | null;
  /** Points earned. */
  readonly earned: string;
  /** Points left to spend. */
  readonly remaining: string;
  /** Points reserved by holds. */
  readonly held: string;
  /** Points spent (redeemed, paid, transferred, converted). */
  readonly spent: string;
  /** Points expired. */
  readonly expired: string;
  /** Points clawed back (refunds, debt repayment, negative adjustments). */
  readonly clawedBack: string;
}

/**
 * A share of a debit taken from (or given back to) one lot.
 *
 * @example
 * ```ts
 * const allocation: Allocation = { lotId: 'order-1001#0', points: '12' };
 * ```
 */
export interface Allocation {
  /** The lot. */
  readonly lotId: string;
  /** Points (decimal string). */
  readonly points: string;
}

/**
 * The terms of a lot created by a posting.
 *
 * @example
 * ```ts
 * const terms: LotTerms = { source: 'earn', earnedAt: 0, pending: true, availableAt: 2592000000, expiresAt: null, orderId: '1001' };
 * ```
 */
export interface LotTerms {
  /** Where the lot came from. */
  readonly source: LotSource;
  /** When the points were earned (epoch ms). */
  readonly earnedAt: number;
  /** Whether the points are still locked. */
  readonly pending: boolean;
  /** When pending points unlock (epoch ms), or `null` while waiting for the host. */
  readonly availableAt: number | null;
  /** When the points expire (exclusive, epoch ms), or `null` for no per-lot expiry. */
  readonly expiresAt: number | null;
  /** The order. */
  readonly orderId?: string;
}

/**
 * An order line as kept for refunds: quantity and net amount (decimal string, currency units).
 *
 * @example
 * ```ts
 * const line: OrderLine = { sku: 'BEANS-1KG', quantity: 2, net: '33.00' };
 * ```
 */
export interface OrderLine {
  /** Product id. */
  readonly sku: string;
  /** Quantity. */
  readonly quantity: number;
  /** Net amount of the line (currency decimal string). */
  readonly net: string;
}

/**
 * What the account remembers of a purchase, for refunds and cancellations.
 *
 * @example
 * ```ts
 * const order: OrderRecord = {
 *   orderId: '1001', eventKey: 'order-1001', at: 1714816800000, day: 19847, amount: '42.50', lines: [],
 *   awarded: '42', earnPostingId: 'order-1001#0', lineAwards: [], orderAward: '42', refundedAmount: '0',
 *   refundedQuantities: [], clawedBack: '0', restored: '0', status: 'open',
 * };
 * ```
 */
export interface OrderRecord {
  /** The order. */
  readonly orderId: string;
  /** Idempotency key of the event. */
  readonly eventKey: string;
  /** When (epoch ms). */
  readonly at: number;
  /** Local day of the purchase (refunds adjust the tier qualification of that day). */
  readonly day: number;
  /** Order amount, currency decimal string. */
  readonly amount: string;
  /** The order lines. */
  readonly lines: readonly OrderLine[];
  /** Points of the order's earn posting. */
  readonly awarded: string;
  /** Id of the earn posting of the order, or `null` when it earned nothing. */
  readonly earnPostingId: string | null;
  /** The award attributed to each line (same order as `lines`); refunds by line claw back these shares. */
  readonly lineAwards: readonly string[];
  /** The award attributed to the order as a whole (fixed bonuses, shipping, bonus campaigns). */
  readonly orderAward: string;
  /** Refunded by amount so far (currency decimal string). */
  readonly refundedAmount: string;
  /** Refunded quantity per line (same order as `lines`). */
  readonly refundedQuantities: readonly number[];
  /** Points clawed back so far (including forgiven and debt parts). */
  readonly clawedBack: string;
  /** Spent points given back so far (points the member paid for the order with). */
  readonly restored: string;
  /** Whether the order is open, partially refunded, refunded or cancelled. */
  readonly status: 'open' | 'partially-refunded' | 'refunded' | 'cancelled';
}

/**
 * Points reserved at checkout, waiting for capture or release.
 *
 * @example
 * ```ts
 * const hold: Hold = {
 *   holdId: 'h-1', postingId: 'hold-h-1#0', at: 0, expiresAt: 900000, points: '500',
 *   allocations: [{ lotId: 'order-1001#0', points: '500' }], orderId: '1002',
 * };
 * ```
 */
export interface Hold {
  /** The hold. */
  readonly holdId: string;
  /** The posting. */
  readonly postingId: string;
  /** When (epoch ms). */
  readonly at: number;
  /** When the points expire (exclusive, epoch ms), or `null` for no per-lot expiry. */
  readonly expiresAt: number;
  /** Points (decimal string). */
  readonly points: string;
  /** Shares per lot. */
  readonly allocations: readonly Allocation[];
  /** The reward. */
  readonly rewardId?: string;
  /** Quantity. */
  readonly quantity?: number;
  /** The order. */
  readonly orderId?: string;
  /** The order amount (currency decimal string). */
  readonly orderAmount?: string;
}

/**
 * A downgrade scheduled at a review, carried out after the grace period unless the member requalifies.
 *
 * @example
 * ```ts
 * const downgrade: ScheduledDowngrade = { at: Date.UTC(2026, 0, 31), to: 'silver' };
 * ```
 */
export interface ScheduledDowngrade {
  /** When it falls due (epoch ms). */
  readonly at: number;
  /** The tier it leads to. */
  readonly to: string;
}

/**
 * Tier state: current tier, since when, the tier held at the start of the review period (refunds never revert
 * below it) and a scheduled downgrade.
 *
 * @example
 * ```ts
 * const tier: TierState = { current: 'gold', since: 0, baseTier: 'silver', downgrade: null };
 * ```
 */
export interface TierState {
  /** The current tier id (`null` without tiers). */
  readonly current: string | null;
  /** Since when (epoch ms). */
  readonly since: number;
  /** The tier held at the start of the review period (refunds never revert below it). */
  readonly baseTier: string | null;
  /** A scheduled downgrade: when, and to which tier. */
  readonly downgrade: ScheduledDowngrade | null;
}

/**
 * Qualification totals of one local day: points earned (net of clawbacks), spend (currency decimal string, net of
 * refunds) and orders (net of cancellations).
 *
 * @example
 * ```ts
 * const day: QualificationDay = { day: 19847, points: '42', spend: '42.50', orders: 1 };
 * ```
 */
export interface QualificationDay {
  /** Local day number in the programme time zone. */
  readonly day: number;
  /** Points (decimal string). */
  readonly points: string;
  /** Spend (currency decimal string). */
  readonly spend: string;
  /** Orders. */
  readonly orders: number;
}

/**
 * A usage counter for a limit or cap within a period (`lifetime`, `2024-05-04`, `2024-05`, `2024`).
 *
 * @example
 * ```ts
 * const usage: UsageCounter = { period: '2024-05', times: 2, points: '200' };
 * ```
 */
export interface UsageCounter {
  /** The period key (`lifetime`, `2024-05-04`, `2024-05`, `2024`). */
  readonly period: string;
  /** Uses in the period. */
  readonly times: number;
  /** Points (decimal string). */
  readonly points: string;
}

/**
 * Points spent on an order (a `spend` posting with an order id) and how much of each lot share was given back.
 *
 * @example
 * ```ts
 * const payment: Payment = {
 *   postingId: 'pay-1#0', orderId: '1002', allocations: [{ lotId: 'order-1001#0', points: '500' }], restored: [],
 * };
 * ```
 */
export interface Payment {
  /** The posting. */
  readonly postingId: string;
  /** The order. */
  readonly orderId: string;
  /** Shares per lot. */
  readonly allocations: readonly Allocation[];
  /** Points given back so far, per lot. */
  readonly restored: readonly Allocation[];
}

/**
 * Upcoming time-driven work the programme scheduled: the next tier review, the inactivity expiry deadline, the
 * next birthday window start.
 *
 * @example
 * ```ts
 * const schedule: Schedule = { tierReviewAt: 1735686000000, inactivityExpiresAt: null, birthdayAt: null };
 * ```
 */
export interface Schedule {
  /** The next tier review. */
  readonly tierReviewAt: number | null;
  /** When every point expires for inactivity. */
  readonly inactivityExpiresAt: number | null;
  /** When the next birthday window opens. */
  readonly birthdayAt: number | null;
}

/**
 * The member profile fields the programme uses.
 *
 * @example
 * ```ts
 * const profile: MemberProfile = { joinedAt: 0, birthDate: '1990-05-04', referredBy: 'm-7' };
 * ```
 */
export interface MemberProfile {
  /** When the member joined (signup). */
  readonly joinedAt: number | null;
  /** Birth date `YYYY-MM-DD`. */
  readonly birthDate: string | null;
  /** The referring member. */
  readonly referredBy: string | null;
}

/**
 * Running totals of the account (decimal strings). `earned = available + pending + held + spent + expired +
 * clawedBack`; `debt` is clawback not yet recovered (repaid by future earnings).
 *
 * @example
 * ```ts
 * const totals: AccountTotals = { earned: '100', available: '60', pending: '0', held: '0', spent: '40', expired: '0', clawedBack: '0', debt: '0' };
 * ```
 */
export interface AccountTotals {
  /** Points earned. */
  readonly earned: string;
  /** Spendable points. */
  readonly available: string;
  /** Whether the points are still locked. */
  readonly pending: string;
  /** Points reserved by holds. */
  readonly held: string;
  /** Points spent (redeemed, paid, transferred, converted). */
  readonly spent: string;
  /** Points expired. */
  readonly expired: string;
  /** Points clawed back (refunds, debt repayment, negative adjustments). */
  readonly clawedBack: string;
  /** Clawback not yet recovered (repaid by future earnings). */
  readonly debt: string;
}

/**
 * What every posting has.
 *
 * @example
 * ```ts
 * const base: PostingBase = { id: 'order-1001#0', eventKey: 'order-1001', at: 1714816800000, points: '42', programVersion: 1 };
 * ```
 */
export interface PostingBase {
  /** Unique id: `<eventKey>#<index>`. */
  readonly id: string;
  /** Idempotency key of the event that produced the posting. */
  readonly eventKey: string;
  /** Effective instant (for scheduled work: when it became due). */
  readonly at: number;
  /** Points moved (non-negative decimal string). */
  readonly points: string;
  /** Version of the programme that produced it. */
  readonly programVersion: number;
}

/**
 * The state changes an event makes besides points (the journal header; always the last posting of an event).
 *
 * @example
 * ```ts
 * const record: EventRecord = {
 *   eventType: 'tick', postings: 1, activity: false,
 *   schedule: { tierReviewAt: null, inactivityExpiresAt: null, birthdayAt: null },
 * };
 * ```
 */
export interface EventRecord {
  /** The event type. */
  readonly eventType: LoyaltyEventType;
  /** Number of postings of this event, this one included (apply checks it). */
  readonly postings: number;
  /** Whether the event counts as member activity (inactivity expiry). */
  readonly activity: boolean;
  /** Scheduled work after the event. */
  readonly schedule: Schedule;
  /** The order record after this event (purchase, refund, cancel, activate). */
  readonly order?: OrderRecord;
  /** Whether this event is a purchase (counts towards first-purchase and streak rules). */
  readonly purchase?: boolean;
  /** Qualification totals of the days the event changed. */
  readonly qualification?: readonly QualificationDay[];
  /** Usage counters the event changed. */
  readonly usage?: readonly UsageChange[];
  /** Profile fields the event set. */
  readonly profile?: Partial<MemberProfile>;
}

/**
 * A usage counter as an event left it.
 *
 * @example
 * ```ts
 * const change: UsageChange = { key: 'rule:review', period: '2024-05', times: 2, points: '50' };
 * ```
 */
export interface UsageChange extends UsageCounter {
  /** The counter key (`rule:<id>`, `campaign:<id>`, `reward:<id>`, `member:day`…). */
  readonly key: string;
}

/**
 * The journal header of an event: its state changes besides points; always the last posting of an event.
 *
 * @example
 * ```ts
 * const header: EventPosting = {
 *   id: 'tick-1#0', eventKey: 'tick-1', at: 0, points: '0', programVersion: 1, kind: 'event',
 *   record: { eventType: 'tick', postings: 1, activity: false, schedule: { tierReviewAt: null, inactivityExpiresAt: null, birthdayAt: null } },
 * };
 * ```
 */
export interface EventPosting extends PostingBase {
  /** `event`. */
  readonly kind: 'event';
  /** The state changes. */
  readonly record: EventRecord;
}

/**
 * Points earned: creates a lot.
 *
 * @example
 * ```ts
 * const earn: EarnPosting = {
 *   id: 'order-1001#0', eventKey: 'order-1001', kind: 'earn', at: 0, points: '42', programVersion: 1,
 *   lot: { source: 'earn', earnedAt: 0, pending: false, availableAt: 0, expiresAt: null, orderId: '1001' }, orderId: '1001', rules: ['base'],
 * };
 * ```
 */
export interface EarnPosting extends PostingBase {
  /** `earn`. */
  readonly kind: 'earn';
  /** The lot it creates. */
  readonly lot: LotTerms;
  /** The order that earned it. */
  readonly orderId?: string;
  /** Rules and campaigns (`campaign:<id>`) that granted points. */
  readonly rules: readonly string[];
  /** Part of the points used at once to repay debt. */
  readonly debtRepaid?: string;
}

/**
 * Pending points unlocked.
 *
 * @example
 * ```ts
 * const activate: ActivatePosting = { id: 't#0', eventKey: 't', kind: 'activate', at: 0, points: '42', programVersion: 1, lotId: 'o-1#0', expiresAt: null };
 * ```
 */
export interface ActivatePosting extends PostingBase {
  /** `activate`. */
  readonly kind: 'activate';
  /** The lot unlocked. */
  readonly lotId: string;
  /** Its expiry from now on. */
  readonly expiresAt: number | null;
  /** The order that earned it. */
  readonly orderId?: string;
}

/**
 * Points spent on a reward or a payment (possibly from a hold).
 *
 * @example
 * ```ts
 * const spend: SpendPosting = {
 *   id: 'r#0', eventKey: 'r', kind: 'spend', at: 0, points: '150', programVersion: 1, purpose: 'reward',
 *   allocations: [{ lotId: 'o-1#0', points: '150' }], rewardId: 'free-coffee', quantity: 1,
 * };
 * ```
 */
export interface SpendPosting extends PostingBase {
  /** `spend`. */
  readonly kind: 'spend';
  /** A catalogue reward or a payment. */
  readonly purpose: 'reward' | 'payment';
  /** Shares per lot. */
  readonly allocations: readonly Allocation[];
  /** The hold captured. */
  readonly fromHold?: string;
  /** The reward. */
  readonly rewardId?: string;
  /** Reward units. */
  readonly quantity?: number;
  /** The order it belongs to. */
  readonly orderId?: string;
  /** Currency discount bought with the points (payments). */
  readonly discount?: string;
}

/**
 * Points reserved.
 *
 * @example
 * ```ts
 * const hold: HoldPosting = { id: 'h#0', eventKey: 'h', kind: 'hold', at: 0, points: '500', programVersion: 1, holdId: 'h-1', allocations: [], expiresAt: 900000 };
 * ```
 */
export interface HoldPosting extends PostingBase {
  /** `hold`. */
  readonly kind: 'hold';
  /** The hold. */
  readonly holdId: string;
  /** Shares per lot. */
  readonly allocations: readonly Allocation[];
  /** When it lapses. */
  readonly expiresAt: number;
  /** The reward held for. */
  readonly rewardId?: string;
  /** Reward units. */
  readonly quantity?: number;
  /** The order it belongs to. */
  readonly orderId?: string;
  /** The order amount (currency decimal string). */
  readonly orderAmount?: string;
}

/**
 * Held points given back.
 *
 * @example
 * ```ts
 * const release: ReleasePosting = { id: 'x#0', eventKey: 'x', kind: 'release', at: 0, points: '500', programVersion: 1, holdId: 'h-1', reverses: 'h#0', allocations: [], reason: 'released' };
 * ```
 */
export interface ReleasePosting extends PostingBase {
  /** `release`. */
  readonly kind: 'release';
  /** The hold. */
  readonly holdId: string;
  /** The hold posting it reverses. */
  readonly reverses: string;
  /** Shares per lot. */
  readonly allocations: readonly Allocation[];
  /** Released on request, lapsed, or the rest after a partial capture. */
  readonly reason: 'released' | 'expired' | 'capture-remainder';
}

/**
 * Points expired (a lot's expiry, or every point after inactivity).
 *
 * @example
 * ```ts
 * const expire: ExpirePosting = { id: 't#0', eventKey: 't', kind: 'expire', at: 0, points: '40', programVersion: 1, allocations: [], reason: 'lot' };
 * ```
 */
export interface ExpirePosting extends PostingBase {
  /** `expire`. */
  readonly kind: 'expire';
  /** Shares per lot. */
  readonly allocations: readonly Allocation[];
  /** Lot expiry or inactivity. */
  readonly reason: 'lot' | 'inactivity';
}

/**
 * Points of a refunded order taken back: `points` = allocated + `debt` + `forgiven`.
 *
 * @example
 * ```ts
 * const clawback: ClawbackPosting = {
 *   id: 'r#0', eventKey: 'r', kind: 'clawback', at: 0, points: '72', programVersion: 1, reverses: 'o-1#0', orderId: 'o-1',
 *   allocations: [{ lotId: 'o-1#0', points: '72' }], debt: '0', forgiven: '0',
 * };
 * ```
 */
export interface ClawbackPosting extends PostingBase {
  /** `clawback`. */
  readonly kind: 'clawback';
  /** The earn posting it reverses (`null` when the order earned nothing). */
  readonly reverses: string | null;
  /** The order. */
  readonly orderId: string;
  /** Shares per lot. */
  readonly allocations: readonly Allocation[];
  /** Part of the clawback recorded as debt (not covered by the balance). */
  readonly debt: string;
  /** Part not recovered under the `pending-only` policy. */
  readonly forgiven: string;
}

/**
 * Points the member spent on a refunded order, given back to the lots they came from.
 *
 * @example
 * ```ts
 * const refund: RefundPosting = { id: 'r#1', eventKey: 'r', kind: 'refund', at: 0, points: '50', programVersion: 1, reverses: 'pay#0', orderId: 'o-2', allocations: [] };
 * ```
 */
export interface RefundPosting extends PostingBase {
  /** `refund`. */
  readonly kind: 'refund';
  /** The spend posting it reverses. */
  readonly reverses: string;
  /** The order. */
  readonly orderId: string;
  /** Shares per lot. */
  readonly allocations: readonly Allocation[];
}

/**
 * One side of a transfer between members: `out` is allocated to lots, `in` creates a lot.
 *
 * @example
 * ```ts
 * const out: TransferPosting = { id: 't#0', eventKey: 't', kind: 'transfer', at: 0, points: '300', programVersion: 1, direction: 'out', transferId: 't-1', counterparty: 'bob', allocations: [] };
 * ```
 */
export interface TransferPosting extends PostingBase {
  /** `transfer`. */
  readonly kind: 'transfer';
  /** Sent or received. */
  readonly direction: 'out' | 'in';
  /** The transfer. */
  readonly transferId: string;
  /** The other member. */
  readonly counterparty: string;
  /** Shares per lot (out). */
  readonly allocations?: readonly Allocation[];
  /** The lot created (in). */
  readonly lot?: LotTerms;
}

/**
 * A conversion: to a partner (allocated) or from a partner (a lot).
 *
 * @example
 * ```ts
 * const miles: ConvertPosting = { id: 'm#0', eventKey: 'm', kind: 'convert', at: 0, points: '2000', programVersion: 1, direction: 'to-partner', partnerId: 'sky-miles', partnerUnits: '500', allocations: [] };
 * ```
 */
export interface ConvertPosting extends PostingBase {
  /** `convert`. */
  readonly kind: 'convert';
  /** Which way. */
  readonly direction: 'to-partner' | 'from-partner';
  /** The partner. */
  readonly partnerId: string;
  /** Partner units delivered or received. */
  readonly partnerUnits: string;
  /** Shares per lot (to the partner). */
  readonly allocations?: readonly Allocation[];
  /** The lot created (from the partner). */
  readonly lot?: LotTerms;
}

/**
 * A manual adjustment: a credit (a lot) or a debit (allocated).
 *
 * @example
 * ```ts
 * const fix: AdjustPosting = { id: 'a#0', eventKey: 'a', kind: 'adjust', at: 0, points: '50', programVersion: 1, reason: 'goodwill', allocations: [] };
 * ```
 */
export interface AdjustPosting extends PostingBase {
  /** `adjust`. */
  readonly kind: 'adjust';
  /** Why. */
  readonly reason: string;
  /** Shares per lot (debits). */
  readonly allocations?: readonly Allocation[];
  /** The lot created (credits). */
  readonly lot?: LotTerms;
  /** Part of a credit used at once to repay debt. */
  readonly debtRepaid?: string;
}

/**
 * A tier change: upgrade, downgrade, scheduled downgrade, requalification, refund revert.
 *
 * @example
 * ```ts
 * const up: TierPosting = { id: 'o#1', eventKey: 'o', kind: 'tier', at: 0, points: '0', programVersion: 1, from: 'green', to: 'gold', reason: 'upgrade', downgrade: null, periodStart: false };
 * ```
 */
export interface TierPosting extends PostingBase {
  /** `tier`. */
  readonly kind: 'tier';
  /** The tier before. */
  readonly from: string | null;
  /** The tier after. */
  readonly to: string | null;
  /** Why. */
  readonly reason: 'upgrade' | 'downgrade' | 'downgrade-scheduled' | 'requalified' | 'refund-revert';
  /** The downgrade scheduled from now on (`null`: none). */
  readonly downgrade: ScheduledDowngrade | null;
  /** Whether the tier review period restarts (the base tier becomes `to`). */
  readonly periodStart: boolean;
}

/**
 * A ledger posting. Kinds:
 * `event` (journal header), `earn`, `activate`, `spend` (redemptions, payments, captures), `hold`, `release`,
 * `expire`, `clawback`, `refund` (spent points given back when a paid order is refunded), `transfer`, `convert`,
 * `adjust`, `tier`. Lot-creating postings carry `lot`; debits carry `allocations`; reversals name the posting they
 * reverse in `reverses`.
 *
 * @example
 * ```ts
 * const earn: Posting = {
 *   id: 'order-1001#0', eventKey: 'order-1001', kind: 'earn', at: 1714816800000, points: '42', programVersion: 1,
 *   lot: { source: 'earn', earnedAt: 1714816800000, pending: false, availableAt: 1714816800000, expiresAt: null, orderId: '1001' },
 *   orderId: '1001', rules: ['base'],
 * };
 * ```
 */
export type Posting =
  | EventPosting
  | EarnPosting
  | ActivatePosting
  | SpendPosting
  | HoldPosting
  | ReleasePosting
  | ExpirePosting
  | ClawbackPosting
  | RefundPosting
  | TransferPosting
  | ConvertPosting
  | AdjustPosting
  | TierPosting;

/**
 * The kinds of {@link Posting}.
 *
 * @example
 * ```ts
 * const kind: PostingKind = 'clawback';
 * ```
 */
export type PostingKind = Posting['kind'];

/**
 * A member's loyalty account: the state the postings produce. Treat it as an immutable value: `apply` returns a new
 * account and never changes the one it is given. The postings themselves are the ledger the host stores
 * (append-only); the account is their projection — store it with `serializeAccount`, or rebuild it by applying
 * the stored postings to `emptyAccount`.
 *
 * @example
 * ```ts
 * const account: Account = emptyAccount(program, { memberId: 'm-1', openedAt: Date.UTC(2024, 0, 1) });
 * account.totals.available //=> '0'
 * ```
 */
export interface Account {
  /** The account format. */
  readonly format: typeof ACCOUNT_FORMAT;
  /** The member. */
  readonly memberId: string;
  /** The programme. */
  readonly programId: string;
  /** Decimal places of points (fixed for the account's life). */
  readonly decimals: number;
  /** When the account was opened (epoch ms). */
  readonly openedAt: number;
  /** Profile fields the event set. */
  readonly profile: MemberProfile;
  /** Running totals. */
  readonly totals: AccountTotals;
  /** Lots in creation order. */
  readonly lots: readonly Lot[];
  /** Points spent on orders (payments and order-linked redemptions), for giving them back on refunds. */
  readonly payments: readonly Payment[];
  /** Idempotency keys of applied events, sorted. */
  readonly eventKeys: readonly string[];
  /** Time of the latest applied event (the ordering watermark). */
  readonly lastEventAt: number | null;
  /** Time of the latest member activity. */
  readonly lastActivityAt: number | null;
  /** Purchases ever applied. */
  readonly purchaseCount: number;
  /** Order records, sorted by order id. */
  readonly orders: readonly OrderRecord[];
  /** Active holds. */
  readonly holds: readonly Hold[];
  /** Tier state. */
  readonly tier: TierState;
  /** Qualification totals per local day, sorted by day. */
  readonly qualification: readonly QualificationDay[];
  /** Usage counters of limits and caps, by key (`rule:<id>`, `campaign:<id>`, `reward:<id>`, `member:day`...). */
  readonly usage: Readonly<Record<string, UsageCounter>>;
  /** Scheduled work after the event. */
  readonly schedule: Schedule;
  /**
   * A lower bound of the earliest instant at which time-driven work (activation, expiry, review) is due; evaluate
   * runs scheduled work only for events at or after it.
   */
  readonly nextDueAt: number | null;
}

/**
 * Options of {@link emptyAccount}.
 *
 * @example
 * ```ts
 * const options: EmptyAccountOptions = { memberId: 'm-1', openedAt: Date.UTC(2024, 0, 1) };
 * ```
 */
export interface EmptyAccountOptions {
  /** The member's id. */
  readonly memberId: string;
  /** When the account was opened (membership start until a `signup` event says otherwise), epoch ms. */
  readonly openedAt: number;
}

/**
 * A new, empty account for a member of a programme, in the entry tier.
 *
 * @example
 * ```ts
 * const account = emptyAccount(program, { memberId: 'm-1', openedAt: Date.UTC(2024, 0, 1) });
 * account.tier.current //=> 'member' (the programme's first tier)
 * ```
 */
export function emptyAccount(program: Program, options: EmptyAccountOptions): Account {
  const zero = formatUnits(0, program.decimals);
  const entryTier = program.tiers?.levels[0]?.id ?? null;
  return {
    format: ACCOUNT_FORMAT,
    memberId: options.memberId,
    programId: program.id,
    decimals: program.decimals,
    openedAt: options.openedAt,
    profile: { joinedAt: null, birthDate: null, referredBy: null },
    totals: {
      earned: zero,
      available: zero,
      pending: zero,
      held: zero,
      spent: zero,
      expired: zero,
      clawedBack: zero,
      debt: zero,
    },
    lots: [],
    payments: [],
    eventKeys: [],
    lastEventAt: null,
    lastActivityAt: null,
    purchaseCount: 0,
    orders: [],
    holds: [],
    tier: { current: entryTier, since: options.openedAt, baseTier: entryTier, downgrade: null },
    qualification: [],
    usage: {},
    schedule: { tierReviewAt: null, inactivityExpiresAt: null, birthdayAt: null },
    nextDueAt: null,
  };
}

/**
 * Binary search in a sorted array of strings: the index of `key` or, when absent, `-(insertionPoint + 1)`.
 *
 * @example
 * ```ts
 * searchSorted(['a', 'c'], 'b') //=> -2
 * ```
 */
export function searchSorted(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = sorted[mid]!;
    if (value < key) lo = mid + 1;
    else if (value > key) hi = mid - 1;
    else return mid;
  }
  return -(lo + 1);
}

/**
 * Whether an event key has already been applied to the account.
 *
 * @example
 * ```ts
 * hasEventKey(account, 'order-1001') //=> false
 * ```
 */
export function hasEventKey(account: Account, key: string): boolean {
  return searchSorted(account.eventKeys, key) >= 0;
}

/**
 * Finds an order record by id (binary search), or `undefined`.
 *
 * @example
 * ```ts
 * findOrder(account, '1001')?.status //=> 'open'
 * ```
 */
export function findOrder(account: Account, orderId: string): OrderRecord | undefined {
  const orders = account.orders;
  let lo = 0;
  let hi = orders.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const id = orders[mid]!.orderId;
    if (id < orderId) lo = mid + 1;
    else if (id > orderId) hi = mid - 1;
    else return orders[mid];
  }
  return undefined;
}
