/**
 * The data the churn functions read: transactions (records or columns), surveys, complaints, engagement events,
 * loyalty state and fitted-model output, all as plain data.
 *
 * @module
 */
import type { ColumnarTransactions, Complaint, DateInput, EngagementEvent, SurveyResponse, Transaction } from '../core/index.js';

/**
 * Engagement events in columnar form (the fast path): one row per event, already filtered to the types that count.
 *
 * @example
 * ```ts
 * const events: ColumnarEvents = { customerId: ['a', 'a', 'b'], day: Int32Array.from([19700, 19710, 19705]) };
 * ```
 */
export interface ColumnarEvents {
  /** Customer of each event (strings or integers, like {@link ColumnarTransactions.customerId}). */
  readonly customerId: ArrayLike<string> | ArrayLike<number>;
  /** Day number of each event. */
  readonly day: Int32Array;
}

/**
 * Loyalty-programme state of one customer as the host's loyalty system reports it. Every field is optional; a
 * signal is only judged when its inputs are present.
 *
 * @example
 * ```ts
 * const state: LoyaltyState = { pointsExpiringSoon: 1200, pointsExpiringAt: '2024-07-15', daysToTierDowngrade: 12, lastRedemptionAt: '2023-02-01' };
 * ```
 */
export interface LoyaltyState {
  /** Points that will expire soon (unless used). */
  readonly pointsExpiringSoon?: number;
  /** When those points expire; when given, only points expiring within `loyalty.expiringWithinDays` count. */
  readonly pointsExpiringAt?: DateInput;
  /** Days until the customer's tier is downgraded unless they qualify again. */
  readonly daysToTierDowngrade?: number;
  /** When the customer last redeemed points; `null` = never. */
  readonly lastRedemptionAt?: DateInput | null;
  /** When the customer joined the programme (the start of "no redemption" for those who never redeemed). */
  readonly enrolledAt?: DateInput;
}

/**
 * BG/NBD parameters (Fader, Hardie & Lee 2005) as fitted by `clientele/clv` or any BTYD package.
 *
 * @example
 * ```ts
 * const params: BgNbdParams = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
 * ```
 */
export interface BgNbdParams {
  /** Shape of the Gamma distribution of purchase rates. */
  readonly r: number;
  /** Scale (rate) of the Gamma distribution of purchase rates, in the model's time unit. */
  readonly alpha: number;
  /** First shape of the Beta distribution of dropout probabilities. */
  readonly a: number;
  /** Second shape of the Beta distribution of dropout probabilities. */
  readonly b: number;
}

/**
 * A customer's BTYD summary in the model's time unit: repeat purchases `x`, time of the last purchase `tx` and
 * age `T`, both measured from the first purchase.
 *
 * @example
 * ```ts
 * const summary: BtydSummary = { x: 2, tx: 30.43, T: 38.86 };
 * ```
 */
export interface BtydSummary {
  /** Repeat purchases (purchase occasions after the first). */
  readonly x: number;
  /** Time of the last purchase since the first. */
  readonly tx: number;
  /** Time from the first purchase to the end of observation. */
  readonly T: number;
}

/**
 * One customer's model output (each field optional).
 *
 * @example
 * ```ts
 * const values: CustomerModelValues = { probabilityAlive: 0.31, expectedPurchases: 0.4, dropoutProbability: 0.2 };
 * ```
 */
export interface CustomerModelValues {
  /** Probability that the customer is still active. */
  readonly probabilityAlive?: number;
  /** Expected purchases in the horizon. */
  readonly expectedPurchases?: number;
  /** Probability that the customer, if still active, drops out within the horizon. */
  readonly dropoutProbability?: number;
}

/**
 * Fitted-model output per customer: probability alive, expected purchases in the next `horizonDays`, and/or the
 * probability of dropping out within them.
 *
 * @example
 * ```ts
 * const model: PerCustomerModelInput = { kind: 'per-customer', horizonDays: 90, values: { c1: { probabilityAlive: 0.31, expectedPurchases: 0.4 } } };
 * ```
 */
export interface PerCustomerModelInput {
  /** Discriminant. */
  readonly kind: 'per-customer';
  /** Horizon of `expectedPurchases`, days. */
  readonly horizonDays: number;
  /** Per customer id. */
  readonly values: Readonly<Record<string, CustomerModelValues>>;
}

/**
 * A fitted BG/NBD model: the churn module computes P(alive) and expected purchases itself with the closed forms.
 * Summaries (x, tx, T) are derived from the transactions (distinct purchase days, in `timeUnitDays` units) unless
 * given per customer.
 *
 * @example
 * ```ts
 * const model: BgNbdModelInput = { kind: 'bg-nbd', params: { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 }, timeUnitDays: 7, horizonDays: 90 };
 * ```
 */
export interface BgNbdModelInput {
  /** Discriminant. */
  readonly kind: 'bg-nbd';
  /** The fitted parameters. */
  readonly params: BgNbdParams;
  /** Length of the model's time unit in days (7 for a model fitted in weeks). */
  readonly timeUnitDays: number;
  /** Horizon of expected purchases, days. */
  readonly horizonDays: number;
  /** Optional per-customer summaries in the model's time unit (override the ones derived from transactions). */
  readonly summaries?: Readonly<Record<string, BtydSummary>>;
}

/**
 * Model output passed in as data (see {@link PerCustomerModelInput} and {@link BgNbdModelInput}).
 *
 * @example
 * ```ts
 * const model: ModelInput = { kind: 'per-customer', horizonDays: 90, values: { c1: { probabilityAlive: 0.4 } } };
 * ```
 */
export type ModelInput = PerCustomerModelInput | BgNbdModelInput;

/**
 * Everything the signal scan can read. Give transactions as records or as columns (the fast path; when both are
 * given the columns are used). All other inputs are optional.
 *
 * @example
 * ```ts
 * const data: ChurnData = { transactions, surveyResponses, complaints, engagementEvents, loyalty: { c1: { daysToTierDowngrade: 10 } } };
 * ```
 */
export interface ChurnData {
  /** Transactions as records. */
  readonly transactions?: readonly Transaction[];
  /** Transactions as columns (preferred for large inputs). */
  readonly columns?: ColumnarTransactions;
  /** Survey answers (NPS 0-10 and/or CSAT on the configured scale). */
  readonly surveyResponses?: readonly SurveyResponse[];
  /** Complaints / support cases. */
  readonly complaints?: readonly Complaint[];
  /** Engagement events as records (filtered by `engagement.types`) or as columns (taken as given). */
  readonly engagementEvents?: readonly EngagementEvent[] | ColumnarEvents;
  /** Loyalty state per customer id. */
  readonly loyalty?: Readonly<Record<string, LoyaltyState>>;
  /** Fitted-model output. */
  readonly model?: ModelInput;
  /**
   * The customers to score. Default: every customer with a transaction before `asOf`. Records of customers not in
   * this list are ignored and counted in the report.
   */
  readonly customerIds?: readonly string[];
}

/**
 * Reads an own property of a record-shaped input without touching the prototype chain (`__proto__` is just a key).
 *
 * @example
 * ```ts
 * ownValue({ a: 1 }, 'a') //=> 1
 * ownValue({}, '__proto__') //=> undefined
 * ```
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  if (record === undefined) return undefined;
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
