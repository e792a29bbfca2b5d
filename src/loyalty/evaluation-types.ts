/**
 * What an evaluation returns: postings, a summary, a full explanation, and work for other accounts or for the
 * host's shared counters (campaign budgets, reward stock). Business refusals are a separate type with a code.
 *
 * @module
 */
import type { Posting } from './account.js';
import type { LoyaltyEvent, LoyaltyEventType } from './events.js';

/**
 * Codes of business refusals (`Either` lefts).
 *
 * @example
 * ```ts
 * const code: RefusalCode = 'insufficient-points';
 * ```
 */
export type RefusalCode =
  | 'out-of-order'
  | 'future-event'
  | 'program-not-effective'
  | 'program-mismatch'
  | 'wrong-member'
  | 'invalid-event'
  | 'key-reused'
  | 'order-exists'
  | 'unknown-order'
  | 'order-closed'
  | 'refund-exceeds-order'
  | 'unknown-line'
  | 'nothing-pending'
  | 'insufficient-points'
  | 'below-min-balance'
  | 'unknown-reward'
  | 'out-of-stock'
  | 'member-limit-reached'
  | 'tier-too-low'
  | 'pay-with-points-disabled'
  | 'below-min-points'
  | 'share-below-minimum'
  | 'share-above-maximum'
  | 'unknown-hold'
  | 'hold-exists'
  | 'transfers-disabled'
  | 'same-member'
  | 'below-minimum'
  | 'above-maximum'
  | 'unknown-partner'
  | 'conversion-unavailable'
  | 'not-a-whole-block'
  | 'unknown-rule';

/**
 * A business refusal: the event is valid data but the programme or the account does not allow it.
 *
 * @example
 * ```ts
 * const refusal: Refusal = { code: 'insufficient-points', message: 'needs 500 points, 320 available', eventKey: 'redeem-7' };
 * ```
 */
export interface Refusal {
  /** Why, as a code. */
  readonly code: RefusalCode;
  /** Why, in words. */
  readonly message: string;
  /** The event key. */
  readonly eventKey: string;
}

/**
 * The caps and limits an explanation may report: a rule's per-member points or times limit, a campaign's budget,
 * per-member points or times limit, and the programme-wide caps per transaction and per member per day / month /
 * year.
 *
 * @example
 * ```ts
 * const kind: CapKind = 'per-member-month';
 * ```
 */
export type CapKind =
  | 'rule-limit'
  | 'rule-times'
  | 'campaign-budget'
  | 'campaign-limit'
  | 'campaign-times'
  | 'per-transaction'
  | 'per-member-day'
  | 'per-member-month'
  | 'per-member-year';

/**
 * The member's tier when earning and the earning multiplier it gives.
 *
 * @example
 * ```ts
 * const tier: TierMultiplier = { id: 'gold', multiplier: '1.5' };
 * ```
 */
export interface TierMultiplier {
  /** Tier id (`null`: the programme has no tiers). */
  readonly id: string | null;
  /** Its multiplier of spend points, as written. */
  readonly multiplier: string;
}

/**
 * How the points of an earning were rounded.
 *
 * @example
 * ```ts
 * const rounding: RoundingExplanation = { mode: 'floor', scope: 'order', exact: '42.5', rounded: '42' };
 * ```
 */
export interface RoundingExplanation {
  /** Rounding mode. */
  readonly mode: string;
  /** Rounding scope (`line` or `order`). */
  readonly scope: string;
  /** Exact value (at most 12 decimals). */
  readonly exact: string;
  /** Rounded value. */
  readonly rounded: string;
}

/**
 * A cap or limit that applied: what was wanted, what was granted.
 *
 * @example
 * ```ts
 * const cap: CapExplanation = { cap: 'per-transaction', limit: '500', wanted: '640', granted: '500' };
 * ```
 */
export interface CapExplanation {
  /** Which cap or limit. */
  readonly cap: CapKind;
  /** Points still allowed (or the limit on times, as a count). */
  readonly limit: string;
  /** Points wanted. */
  readonly wanted: string;
  /** Points granted. */
  readonly granted: string;
}

/**
 * One line of the earning base of a spend rule.
 *
 * @example
 * ```ts
 * const line: BaseLineExplanation = { sku: 'BEANS-1KG', eligible: true, base: '33', multiplier: '2', points: '66' };
 * ```
 */
export interface BaseLineExplanation {
  /** Product id. */
  readonly sku: string;
  /** Product category. */
  readonly category?: string;
  /** Whether the line earns. */
  readonly eligible: boolean;
  /** What excluded it. */
  readonly excludedBy?: 'sku' | 'category';
  /** Base amount of the line in currency units (exact, at most 12 decimals). */
  readonly base: string;
  /** Product / category multiplier applied to the line. */
  readonly multiplier: string;
  /** The multiplier rule applied to the line. */
  readonly multiplierRule?: string;
  /** Points of the line before tier and campaign multipliers (exact, or rounded under `line` rounding). */
  readonly points: string;
}

/**
 * How one rule contributed (or why it did not).
 *
 * @example
 * ```ts
 * const rule: RuleExplanation = {
 *   ruleId: 'base', kind: 'spend', matched: true, base: '42.5', rate: '1 point per 1 EUR', tierMultiplier: '1.5',
 *   exact: '63.75', wanted: '63.75', granted: '63.75', caps: [],
 * };
 * ```
 */
export interface RuleExplanation {
  /** The rule. */
  readonly ruleId: string;
  /** The rule kind. */
  readonly kind: string;
  /** Whether it applied. */
  readonly matched: boolean;
  /** Why the rule did not match (first failing condition, limit, not first purchase...). */
  readonly reason?: string;
  /** Earning base in currency units (spend rules). */
  readonly base?: string;
  /** The rate or effect in words. */
  readonly rate?: string;
  /** The order lines. */
  readonly lines?: readonly BaseLineExplanation[];
  /** The tier multiplier. */
  readonly tierMultiplier?: string;
  /** Exact points before caps (decimal string, at most 12 decimals). */
  readonly exact?: string;
  /** Points wanted. */
  readonly wanted?: string;
  /** Points granted. */
  readonly granted?: string;
  /** Caps that applied. */
  readonly caps?: readonly CapExplanation[];
}

/**
 * How one campaign contributed (or why it did not).
 *
 * @example
 * ```ts
 * const campaign: CampaignExplanation = { campaignId: 'double-weekend', matched: true, applied: true, stacking: 'additive', factor: '2', wanted: '42.5', granted: '42.5', caps: [] };
 * ```
 */
export interface CampaignExplanation {
  /** The campaign. */
  readonly campaignId: string;
  /** Whether it applied. */
  readonly matched: boolean;
  /** Whether it applied after stacking. */
  readonly applied: boolean;
  /** Its stacking mode. */
  readonly stacking: string;
  /** Why not. */
  readonly reason?: string;
  /** Its multiplier. */
  readonly factor?: string;
  /** Its bonus points. */
  readonly bonus?: string;
  /** Points wanted. */
  readonly wanted?: string;
  /** Points granted. */
  readonly granted?: string;
  /** Caps that applied. */
  readonly caps?: readonly CapExplanation[];
}

/**
 * The explanation of an earning: rules, campaigns, caps and rounding.
 *
 * @example
 * ```ts
 * const earning: EarningExplanation = {
 *   rules: [], campaigns: [], caps: [], tier: { id: 'member', multiplier: '1' },
 *   rounding: { mode: 'floor', scope: 'order', exact: '42.5', rounded: '42' }, wanted: '42', granted: '42',
 * };
 * ```
 */
export interface EarningExplanation {
  /** Every rule. */
  readonly rules: readonly RuleExplanation[];
  /** Every campaign. */
  readonly campaigns: readonly CampaignExplanation[];
  /** Programme-wide caps that applied after rounding. */
  readonly caps: readonly CapExplanation[];
  /** The member's tier when earning and its multiplier. */
  readonly tier: TierMultiplier;
  /** How the total was rounded. */
  readonly rounding: RoundingExplanation;
  /** Points after rounding, before programme-wide caps. */
  readonly wanted: string;
  /** Points granted. */
  readonly granted: string;
  /** Points used at once to repay debt. */
  readonly debtRepaid?: string;
  /** When the points unlock (`null`: waiting for the host). */
  readonly pendingUntil?: number | null;
  /** When the lot expires (`null`: no expiry yet). */
  readonly expiresAt?: number | null;
}

/**
 * The full explanation of an evaluation.
 *
 * @example
 * ```ts
 * evaluation.explanation.notes //=> ['expired 40 points of 2 lots due 2024-05-01T00:00:00.000Z', 'earned 42 points']
 * ```
 */
export interface Explanation {
  /** The event type. */
  readonly eventType: LoyaltyEventType;
  /** Event time (epoch ms). */
  readonly at: number;
  /** Local wall-clock time of the event in the programme's time zone, `YYYY-MM-DD HH:00 <zone>`. */
  readonly localTime: string;
  /** Readable notes on scheduled work and on the event, in order. */
  readonly notes: readonly string[];
  /** The earning explanation. */
  readonly earning?: EarningExplanation;
}

/**
 * An event for another member's account that the host must evaluate too (a referrer's reward, the receiving side
 * of a transfer).
 *
 * @example
 * ```ts
 * const effect: Effect = { memberId: 'm-7', event: { type: 'referral-completed', key: 'referral:m-1:ref', occurredAt: 0, refereeId: 'm-1', ruleId: 'ref' } };
 * ```
 */
export interface Effect {
  /** The other member. */
  readonly memberId: string;
  /** The event to evaluate on their account. */
  readonly event: LoyaltyEvent;
}

/**
 * A summary of what an evaluation does to the points (decimal strings).
 *
 * @example
 * ```ts
 * evaluation.summary //=> { earned: '42', pending: false, spent: '0', clawedBack: '0', expired: '0', activated: '0', debt: '0' }
 * ```
 */
export interface EvaluationSummary {
  /** Points earned. */
  readonly earned: string;
  /** Whether the earned points are pending. */
  readonly pending: boolean;
  /** Points spent (redeemed, paid, transferred, converted). */
  readonly spent: string;
  /** Points clawed back (refunds, debt repayment, negative adjustments). */
  readonly clawedBack: string;
  /** Points expired. */
  readonly expired: string;
  /** Points unlocked. */
  readonly activated: string;
  /** Debt added by a clawback. */
  readonly debt: string;
}

/**
 * Points a campaign granted in one evaluation (for the host's budget counter).
 *
 * @example
 * ```ts
 * const usage: CampaignUsage = { campaignId: 'double-june', points: '42' };
 * ```
 */
export interface CampaignUsage {
  /** The campaign. */
  readonly campaignId: string;
  /** Points granted. */
  readonly points: string;
}

/**
 * Reward units one evaluation took from stock.
 *
 * @example
 * ```ts
 * const usage: StockUsage = { rewardId: 'free-coffee', quantity: 1 };
 * ```
 */
export interface StockUsage {
  /** The reward. */
  readonly rewardId: string;
  /** Units taken. */
  readonly quantity: number;
}

/**
 * The member's tier before and after an evaluation.
 *
 * @example
 * ```ts
 * const change: TierChange = { before: 'green', after: 'gold' };
 * ```
 */
export interface TierChange {
  /** Tier before (`null`: no tiers). */
  readonly before: string | null;
  /** Tier after. */
  readonly after: string | null;
}

/**
 * The result of `evaluate` (and of `redeem`, `hold`...): the postings to store and apply, or `duplicate` when the
 * account already applied this event key (no postings).
 *
 * @example
 * ```ts
 * const result = evaluate(program, account, purchase, { now });
 * if (E.isRight(result) && result.right.status === 'accepted') store(result.right.postings);
 * ```
 */
export interface Evaluation {
  /** `accepted`, or `duplicate` when the key was already applied. */
  readonly status: 'accepted' | 'duplicate';
  /** The event key. */
  readonly eventKey: string;
  /** Postings to store and apply. */
  readonly postings: readonly Posting[];
  /** What the points do. */
  readonly summary: EvaluationSummary;
  /** Why. */
  readonly explanation: Explanation;
  /** Events for other accounts. */
  readonly effects: readonly Effect[];
  /** Points granted per campaign: add them to the host's campaign budget counters in the same transaction. */
  readonly campaignUsage: readonly CampaignUsage[];
  /** Reward units taken: subtract them from the host's stock in the same transaction. */
  readonly stockUsage: readonly StockUsage[];
  /** Tier before and after. */
  readonly tier: TierChange;
  /** Currency discount bought with points (pay-with-points, captured payment holds). */
  readonly discount?: string;
  /** Partner units delivered or received (conversions). */
  readonly partnerUnits?: string;
}
