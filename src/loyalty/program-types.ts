/**
 * The loyalty programme as JSON: one documented interface per section. The codecs in `program-definition.ts`
 * decode into these types (amounts normalised to decimal strings).
 *
 * @module
 */
import type { ConditionDefinition } from './condition.js';

/**
 * A calendar period of a per-member limit, in the programme's time zone.
 *
 * @example
 * ```ts
 * const period: LimitPeriod = 'month';
 * ```
 */
export type LimitPeriod = 'day' | 'month' | 'year' | 'lifetime';

/**
 * Which amount earns points. Defaults: after discounts, tax excluded, shipping excluded, the part paid with points
 * excluded, no excluded SKUs or categories.
 *
 * @example
 * ```ts
 * const base: EarningBaseDefinition = { discounts: 'after', tax: 'exclude', shipping: 'exclude', excludeCategories: ['gift-card'] };
 * ```
 */
export interface EarningBaseDefinition {
  /** Lines count after their discounts (default) or before. */
  readonly discounts?: 'after' | 'before';
  /** Tax is excluded (default) or included. */
  readonly tax?: 'exclude' | 'include';
  /** Shipping is excluded (default) or included. */
  readonly shipping?: 'exclude' | 'include';
  /** The part of the order paid with points is excluded (default) or included. */
  readonly pointsPaid?: 'exclude' | 'include';
  /** SKUs that never earn. */
  readonly excludeSkus?: readonly string[];
  /** Categories that never earn. */
  readonly excludeCategories?: readonly string[];
}

/**
 * A per-member limit of a rule or campaign over a calendar period in the programme's time zone.
 *
 * @example
 * ```ts
 * const limit: LimitDefinition = { period: 'month', maxTimes: 4, maxPoints: '400' };
 * ```
 */
export interface LimitDefinition {
  /** The period the limit counts over. */
  readonly period: LimitPeriod;
  /** Most points per period (decimal string). */
  readonly maxPoints?: string;
  /** Most times per period. */
  readonly maxTimes?: number;
}

/**
 * What every earning rule has.
 *
 * @example
 * ```ts
 * const common: RuleCommonDefinition = { id: 'app', name: 'App orders', condition: { channel: ['app'] }, limit: { period: 'month', maxTimes: 4 } };
 * ```
 */
export interface RuleCommonDefinition {
  /** Unique id (letters, digits, `_ - . :`). */
  readonly id: string;
  /** A readable name. */
  readonly name?: string;
  /** When the rule applies (always when absent). */
  readonly condition?: ConditionDefinition;
  /** A per-member limit. */
  readonly limit?: LimitDefinition;
}

/**
 * `points` per `per` currency units of the earning base.
 *
 * @example
 * ```ts
 * const rule: SpendRuleDefinition = { id: 'base', kind: 'spend', points: '5', per: '2.50', mode: 'steps' };
 * ```
 */
export interface SpendRuleDefinition extends RuleCommonDefinition {
  /** The rule kind. */
  readonly kind: 'spend';
  /** Points per `per`. */
  readonly points: string;
  /** Currency units per `points` (default 1). */
  readonly per?: string;
  /** `proportional` (default) or `steps` (whole steps of `per` only). */
  readonly mode?: 'proportional' | 'steps';
  /** Earning base options overriding the programme's. */
  readonly base?: EarningBaseDefinition;
}

/**
 * Multiplies the spend points of matching lines.
 *
 * @example
 * ```ts
 * const rule: MultiplierRuleDefinition = { id: 'beans-x2', kind: 'multiplier', factor: '2', categories: ['beans'] };
 * ```
 */
export interface MultiplierRuleDefinition extends RuleCommonDefinition {
  /** The rule kind. */
  readonly kind: 'multiplier';
  /** The factor. */
  readonly factor: string;
  /** Matching SKUs. */
  readonly skus?: readonly string[];
  /** Matching categories (all lines when neither SKUs nor categories are given). */
  readonly categories?: readonly string[];
}

/**
 * Fixed points per unit (or per line) of matching products.
 *
 * @example
 * ```ts
 * const rule: ProductBonusRuleDefinition = { id: 'beans-bonus', kind: 'product-bonus', points: '10', skus: ['BEANS-1KG'] };
 * ```
 */
export interface ProductBonusRuleDefinition extends RuleCommonDefinition {
  /** The rule kind. */
  readonly kind: 'product-bonus';
  /** Points per unit or per line. */
  readonly points: string;
  /** Matching SKUs. */
  readonly skus?: readonly string[];
  /** Matching categories. */
  readonly categories?: readonly string[];
  /** Per unit (default) or per line. */
  readonly perUnit?: boolean;
}

/**
 * Fixed points for an event: per qualifying purchase (`fixed`), on the first purchase, on signup.
 *
 * @example
 * ```ts
 * const rule: FixedPointsRuleDefinition = { id: 'welcome', kind: 'first-purchase', points: '50' };
 * ```
 */
export interface FixedPointsRuleDefinition extends RuleCommonDefinition {
  /** The rule kind. */
  readonly kind: 'fixed' | 'first-purchase' | 'signup';
  /** Points awarded. */
  readonly points: string;
}

/**
 * Points once a year when the birthday window opens.
 *
 * @example
 * ```ts
 * const rule: BirthdayRuleDefinition = { id: 'birthday', kind: 'birthday', points: '200', daysBefore: 0, daysAfter: 6 };
 * ```
 */
export interface BirthdayRuleDefinition extends RuleCommonDefinition {
  /** The rule kind. */
  readonly kind: 'birthday';
  /** Points awarded. */
  readonly points: string;
  /** Days before the birthday the window opens (default 0). */
  readonly daysBefore?: number;
  /** Days after the birthday the window lasts (default 6). */
  readonly daysAfter?: number;
}

/**
 * Points for both sides of a referral, on the referee's first purchase that meets the condition.
 *
 * @example
 * ```ts
 * const rule: ReferralRuleDefinition = { id: 'refer', kind: 'referral', referrerPoints: '300', refereePoints: '100', condition: { minBasket: '20' } };
 * ```
 */
export interface ReferralRuleDefinition extends RuleCommonDefinition {
  /** The rule kind. */
  readonly kind: 'referral';
  /** Points to the referrer. */
  readonly referrerPoints: string;
  /** Points to the referee. */
  readonly refereePoints: string;
}

/**
 * Points per custom event of a name (review, survey answered, event attended, social share…).
 *
 * @example
 * ```ts
 * const rule: CustomRuleDefinition = { id: 'review', kind: 'custom', eventName: 'review', points: '25' };
 * ```
 */
export interface CustomRuleDefinition extends RuleCommonDefinition {
  /** The rule kind. */
  readonly kind: 'custom';
  /** The custom event name. */
  readonly eventName: string;
  /** Points awarded. */
  readonly points: string;
}

/**
 * Points when `purchases` purchases fall within `withinDays` days.
 *
 * @example
 * ```ts
 * const rule: StreakRuleDefinition = { id: 'regular', kind: 'streak', purchases: 3, withinDays: 30, points: '75' };
 * ```
 */
export interface StreakRuleDefinition extends RuleCommonDefinition {
  /** The rule kind. */
  readonly kind: 'streak';
  /** Purchases needed (2-1000). */
  readonly purchases: number;
  /** Within this many days (1-3660). */
  readonly withinDays: number;
  /** Points awarded. */
  readonly points: string;
}

/**
 * An earning rule, told apart by `kind`:
 * - `spend`: `points` per `per` of the earning base (default per 1 currency unit); `mode: 'steps'` awards only whole
 *   steps ("every 2.50 gives 5 points": 3.00 gives 5, not 6); `base` overrides the programme's earning base.
 * - `multiplier`: multiplies the spend points of matching lines; when several match a line the largest applies.
 * - `product-bonus`: fixed points per unit (or per line with `perUnit: false`) of matching products.
 * - `fixed`: fixed points per qualifying purchase. `first-purchase`: on the member's first purchase.
 * - `signup`: on the signup event. `birthday`: once a year in a window around the birthday.
 * - `referral`: on the referee's first qualifying purchase, `refereePoints` to the referee and `referrerPoints` to
 *   the referrer (through a `referral-completed` event the evaluation hands to the host).
 * - `custom`: on a custom event with `eventName`.
 * - `streak`: when `purchases` purchases fall within `withinDays` days (purchases counted once per streak).
 *
 * @example
 * ```ts
 * const rule: EarningRuleDefinition = { id: 'base', kind: 'spend', points: '1', per: '1' };
 * ```
 */
export type EarningRuleDefinition =
  | SpendRuleDefinition
  | MultiplierRuleDefinition
  | ProductBonusRuleDefinition
  | FixedPointsRuleDefinition
  | BirthdayRuleDefinition
  | ReferralRuleDefinition
  | CustomRuleDefinition
  | StreakRuleDefinition;

/**
 * What a campaign does: multiply spend points, or add fixed points per qualifying purchase.
 *
 * @example
 * ```ts
 * const effect: CampaignEffectDefinition = { kind: 'multiplier', factor: '2' };
 * ```
 */
export type CampaignEffectDefinition =
  | {
      /** Multiplies spend points. */
      readonly kind: 'multiplier';
      /** The factor (decimal string). */
      readonly factor: string;
    }
  | {
      /** Adds fixed points. */
      readonly kind: 'bonus';
      /** The points (decimal string). */
      readonly points: string;
    };

/**
 * How campaigns combine: `additive`, `best-of`, `exclusive`, `priority`.
 *
 * @example
 * ```ts
 * const stacking: CampaignStacking = 'best-of';
 * ```
 */
export type CampaignStacking = 'additive' | 'best-of' | 'exclusive' | 'priority';

/**
 * A date-bounded campaign (`from` inclusive, `to` exclusive; zone-less values in the programme's time zone): a
 * multiplier of spend rules (`appliesTo` rule ids, default every spend rule) or a fixed bonus per qualifying
 * purchase. Stacking: `additive` (all apply; multipliers add their extra, 1 + Σ(mᵢ − 1)), `best-of` (only the
 * best of this group), `priority` (only the highest `priority` of this group), `exclusive` (suppresses every other
 * campaign). `budget` caps the points the campaign grants across all members (the host passes the amount used
 * so far); `limit` caps it per member.
 *
 * @example
 * ```ts
 * const weekend: CampaignDefinition = {
 *   id: 'double-weekend', from: '2024-06-01', to: '2024-07-01', effect: { kind: 'multiplier', factor: '2' },
 *   condition: { daysOfWeek: [6, 7] }, stacking: 'additive', budget: '1000000',
 * };
 * ```
 */
export interface CampaignDefinition {
  /** Unique id. */
  readonly id: string;
  /** Start (inclusive): ISO date or date-time, or epoch ms. */
  readonly from: string | number;
  /** End (exclusive). */
  readonly to: string | number;
  /** What it does. */
  readonly effect: CampaignEffectDefinition;
  /** A readable name. */
  readonly name?: string;
  /** When it applies. */
  readonly condition?: ConditionDefinition;
  /** How it combines with other campaigns (default `additive`). */
  readonly stacking?: CampaignStacking;
  /** Rank within its stacking group (higher first; default 0). */
  readonly priority?: number;
  /** Spend rules it multiplies (default all). */
  readonly appliesTo?: readonly string[];
  /** Points it may grant across all members. */
  readonly budget?: string;
  /** A per-member limit. */
  readonly limit?: LimitDefinition;
}

/**
 * Programme-wide caps on earned points: per transaction (event) and per member per calendar day / month / year in
 * the programme's time zone.
 *
 * @example
 * ```ts
 * const caps: CapsDefinition = { perTransaction: '5000', perMemberPerMonth: '20000' };
 * ```
 */
export interface CapsDefinition {
  /** Most points per event. */
  readonly perTransaction?: string;
  /** Most points per member per day. */
  readonly perMemberPerDay?: string;
  /** Most points per member per month. */
  readonly perMemberPerMonth?: string;
  /** Most points per member per year. */
  readonly perMemberPerYear?: string;
}

/**
 * Pending points: `none` (spendable at once), `return-window` (locked `days` days after the purchase, then
 * activated automatically), `host` (locked until an `activate` event). `expiryFrom` says whether the expiry
 * period counts from activation (default) or from earning.
 *
 * @example
 * ```ts
 * const pending: PendingDefinition = { mode: 'return-window', days: 30, expiryFrom: 'activation' };
 * ```
 */
export type PendingDefinition =
  | {
      /** No pending points. */
      readonly mode: 'none';
    }
  | {
      /** Locked for a return window. */
      readonly mode: 'return-window';
      /** Length of the window in days. */
      readonly days: number;
      /** Expiry counted from activation (default) or earning. */
      readonly expiryFrom?: 'activation' | 'earning';
    }
  | {
      /** Locked until the host activates them. */
      readonly mode: 'host';
      /** Expiry counted from activation (default) or earning. */
      readonly expiryFrom?: 'activation' | 'earning';
    };

/**
 * Per-lot expiry: after a period rounded to the end of a day / month / quarter / year, or on fixed month-days.
 *
 * @example
 * ```ts
 * const lot: LotExpiryDefinition = { kind: 'after', months: 12, roundTo: 'month' };
 * ```
 */
export type LotExpiryDefinition =
  | {
      /** After a period. */
      readonly kind: 'after';
      /** Months. */
      readonly months?: number;
      /** Days. */
      readonly days?: number;
      /** Rounded up to the end of this period (default `day`). */
      readonly roundTo?: 'day' | 'month' | 'quarter' | 'year';
    }
  | {
      /** On fixed calendar dates. */
      readonly kind: 'fixed-date';
      /** Month-days `MM-DD`. */
      readonly dates: readonly string[];
      /** At least this many days after the lot starts (default 0). */
      readonly minDays?: number;
    };

/**
 * Expiry: each lot expires at the end of the local day / month / quarter / year reached `months` + `days` after it
 * starts (`after`), or at the end of the first listed calendar date at least `minDays` days after it starts
 * (`fixed-date`); and/or every point expires after `inactivityMonths` months without activity. Spending consumes the
 * soonest-expiring lots first (default) or the oldest (`fifo`).
 *
 * @example
 * ```ts
 * const expiry: ExpiryDefinition = { lot: { kind: 'after', months: 12, roundTo: 'month' }, spendOrder: 'soonest-expiring' };
 * ```
 */
export interface ExpiryDefinition {
  /** Per-lot expiry. */
  readonly lot?: LotExpiryDefinition;
  /** Every point expires after this many months without activity. */
  readonly inactivityMonths?: number;
  /** Which lots spending consumes first. */
  readonly spendOrder?: 'soonest-expiring' | 'fifo';
}

/**
 * One tier: qualification threshold (in the basis' unit), earning multiplier (default 1) and perks.
 *
 * @example
 * ```ts
 * const gold: TierLevelDefinition = { id: 'gold', name: 'Gold', threshold: '2000', multiplier: '1.5', perks: ['free shipping'] };
 * ```
 */
export interface TierLevelDefinition {
  /** Unique id. */
  readonly id: string;
  /** Qualification threshold (points, currency or orders). */
  readonly threshold: string;
  /** A readable name. */
  readonly name?: string;
  /** Earning multiplier of spend rules (default 1). */
  readonly multiplier?: string;
  /** Perks, as names. */
  readonly perks?: readonly string[];
}

/**
 * The qualification window of tiers.
 *
 * @example
 * ```ts
 * const window: TierWindowDefinition = { kind: 'rolling', months: 12 };
 * ```
 */
export type TierWindowDefinition =
  | {
      /** The last `months` months. */
      readonly kind: 'rolling';
      /** Length in months. */
      readonly months: number;
    }
  | {
      /** The calendar year. */
      readonly kind: 'calendar-year';
    }
  | {
      /** The membership anniversary year. */
      readonly kind: 'anniversary-year';
    };

/**
 * How tiers drop at a review: one level at a time or to the level earned, after grace days.
 *
 * @example
 * ```ts
 * const downgrade: TierDowngradeDefinition = { mode: 'one-step', graceDays: 30 };
 * ```
 */
export interface TierDowngradeDefinition {
  /** `one-step` or `recompute`. */
  readonly mode: 'one-step' | 'recompute';
  /** Days between the review and the downgrade (default 0). */
  readonly graceDays?: number;
}

/**
 * Tiers: qualification by points earned (never the balance), spend or order count over a rolling window of
 * `months`, the calendar year or the membership anniversary year; upgrades are immediate, downgrades happen at the
 * period's review (calendar year: 1 January; anniversary: each anniversary; rolling: the first of each month) after
 * `graceDays`, one level at a time (`one-step`) or straight to the level earned (`recompute`). Levels are listed
 * in ascending threshold order; the first has threshold 0.
 *
 * @example
 * ```ts
 * const tiers: TiersDefinition = {
 *   basis: 'points-earned', window: { kind: 'calendar-year' }, downgrade: { mode: 'one-step', graceDays: 30 },
 *   levels: [{ id: 'member', threshold: '0' }, { id: 'gold', threshold: '2000', multiplier: '1.5' }],
 * };
 * ```
 */
export interface TiersDefinition {
  /** What qualifies. */
  readonly basis: 'points-earned' | 'spend' | 'orders';
  /** Over which window. */
  readonly window: TierWindowDefinition;
  /** The levels, ascending. */
  readonly levels: readonly TierLevelDefinition[];
  /** The downgrade policy (default one-step, no grace). */
  readonly downgrade?: TierDowngradeDefinition;
}

/**
 * A catalogue reward: cost in points, initial stock (the host tracks what is left), per-member limit, minimum tier,
 * and its value to the business in currency (for cost reporting).
 *
 * @example
 * ```ts
 * const coffee: RewardDefinition = { id: 'free-coffee', cost: '150', perMemberLimit: { maxTimes: 2, period: 'month' }, value: '3.20' };
 * ```
 */
export interface RewardDefinition {
  /** Unique id. */
  readonly id: string;
  /** Points per unit. */
  readonly cost: string;
  /** A readable name. */
  readonly name?: string;
  /** Initial stock. */
  readonly stock?: number;
  /** How many times a member may redeem it per period (default lifetime). */
  readonly perMemberLimit?: {
    /** Most times. */
    readonly maxTimes: number;
    /** Per period (default lifetime). */
    readonly period?: LimitPeriod;
  };
  /** The lowest tier that may redeem it. */
  readonly minTier?: string;
  /** Its value in currency (cost reports). */
  readonly value?: string;
}

/**
 * Paying with points: `pointsPerUnit` points buy one currency unit; the discount must stay within
 * `minShare`…`maxShare` of the order; at least `minPoints` points per payment.
 *
 * @example
 * ```ts
 * const pay: PayWithPointsDefinition = { pointsPerUnit: '100', maxShare: '0.5' };
 * ```
 */
export interface PayWithPointsDefinition {
  /** Points per currency unit. */
  readonly pointsPerUnit: string;
  /** Smallest share of the order paid with points (default 0). */
  readonly minShare?: string;
  /** Largest share of the order paid with points (default 1). */
  readonly maxShare?: string;
  /** Fewest points per payment. */
  readonly minPoints?: string;
}

/**
 * Redemption: the minimum balance a member needs before redeeming, how long holds last (default 15 minutes), the
 * rewards catalogue and paying with points.
 *
 * @example
 * ```ts
 * const redemption: RedemptionDefinition = { minBalance: '100', payWithPoints: { pointsPerUnit: '100', maxShare: '0.5' } };
 * ```
 */
export interface RedemptionDefinition {
  /** Balance needed before redeeming. */
  readonly minBalance?: string;
  /** Hold lifetime in minutes. */
  readonly holdMinutes?: number;
  /** The catalogue. */
  readonly rewards?: readonly RewardDefinition[];
  /** Paying with points. */
  readonly payWithPoints?: PayWithPointsDefinition;
}

/**
 * Member-to-member transfers (points keep their original expiry).
 *
 * @example
 * ```ts
 * const transfers: TransfersDefinition = { enabled: true, minPoints: '100' };
 * ```
 */
export interface TransfersDefinition {
  /** Whether transfers are allowed. */
  readonly enabled: boolean;
  /** Fewest points per transfer. */
  readonly minPoints?: string;
  /** Most points per transfer. */
  readonly maxPoints?: string;
}

/**
 * A conversion block: `points` ⇄ `partnerUnits`.
 *
 * @example
 * ```ts
 * const block: ConversionBlockDefinition = { points: '1000', partnerUnits: '250' };
 * ```
 */
export interface ConversionBlockDefinition {
  /** Points per block. */
  readonly points: string;
  /** Partner units per block. */
  readonly partnerUnits: string;
}

/**
 * A partner currency (airline miles...): conversions happen in whole blocks, `points` ⇄ `partnerUnits`.
 *
 * @example
 * ```ts
 * const airline: PartnerDefinition = { id: 'sky-miles', toPartner: { points: '1000', partnerUnits: '250' } };
 * ```
 */
export interface PartnerDefinition {
  /** Unique id. */
  readonly id: string;
  /** A readable name. */
  readonly name?: string;
  /** Points into partner units. */
  readonly toPartner?: ConversionBlockDefinition;
  /** Partner units into points. */
  readonly fromPartner?: ConversionBlockDefinition;
}

/**
 * A loyalty programme as JSON (the input of `parseProgram`, after normalisation: amounts as decimal strings).
 * `format` is the schema version, `version` the programme's own revision; `effectiveFrom`/`effectiveTo` bound the
 * events it accepts. Points have `points.decimals` decimal places (default 0) and are worth `points.value`
 * currency units each (default 0.01) for liability and cost reports.
 *
 * @example
 * ```ts
 * const program: ProgramDefinition = {
 *   format: 'clientele.loyalty.program/1', id: 'coffee-club', version: 1, effectiveFrom: '2024-01-01',
 *   timeZone: 'Europe/Paris', currency: 'EUR', rules: [{ id: 'base', kind: 'spend', points: '1' }],
 * };
 * ```
 */
export interface ProgramDefinition {
  /** `clientele.loyalty.program/1`. */
  readonly format: 'clientele.loyalty.program/1';
  /** The programme's id. */
  readonly id: string;
  /** The programme's revision (postings carry it). */
  readonly version: number;
  /** When it takes effect: ISO date or date-time (zone-less = programme zone), or epoch ms. */
  readonly effectiveFrom: string | number;
  /** IANA time zone of every calendar computation. */
  readonly timeZone: string;
  /** ISO 4217 currency of amounts. */
  readonly currency: string;
  /** The earning rules. */
  readonly rules: readonly EarningRuleDefinition[];
  /** A readable name. */
  readonly name?: string;
  /** When earning ends (exclusive). */
  readonly effectiveTo?: string | number;
  /** Decimal places of points (0-6, default 0) and the currency value of one point (default 0.01). */
  readonly points?: {
    /** Decimal places. */
    readonly decimals?: number;
    /** Currency per point. */
    readonly value?: string;
  };
  /** Rounding mode (default floor) and scope (default order). */
  readonly rounding?: {
    /** The mode. */
    readonly mode?: 'floor' | 'half-up' | 'half-even' | 'ceiling';
    /** Once per order, or per line and component. */
    readonly scope?: 'line' | 'order';
  };
  /** Default earning base of spend rules. */
  readonly earningBase?: EarningBaseDefinition;
  /** Pending points. */
  readonly pending?: PendingDefinition;
  /** Expiry and spend order. */
  readonly expiry?: ExpiryDefinition;
  /** What a clawback may do to the balance (default `within-balance`). */
  readonly negativeBalance?: 'pending-only' | 'within-balance' | 'allow-negative';
  /** Programme-wide caps. */
  readonly caps?: CapsDefinition;
  /** Campaigns. */
  readonly campaigns?: readonly CampaignDefinition[];
  /** Tiers. */
  readonly tiers?: TiersDefinition;
  /** Redemption. */
  readonly redemption?: RedemptionDefinition;
  /** Transfers. */
  readonly transfers?: TransfersDefinition;
  /** Partner currencies. */
  readonly partners?: readonly PartnerDefinition[];
}
