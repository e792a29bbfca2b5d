/**
 * The records every module works on, as io-ts codecs and their TypeScript types.
 *
 * Decoded records are normalised: instants are epoch milliseconds (`number`), amounts are finite non-negative
 * numbers in major units (`12.5` = 12.50 in the record's currency), currency codes are upper case.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/consistent-type-definitions --
   Record types are type aliases, not interfaces, so they stay assignable to Record<string, unknown>. */
import * as t from 'io-ts';
import { parseDecimal } from './money.js';
import { parseInstant } from './time.js';

/** A point in time: ISO date / date-time string, `Date` or epoch ms in; epoch milliseconds out. */
export const InstantCodec = new t.Type<number, number, unknown>(
  'ISO date or date-time',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) => {
    const ms = parseInstant(u);
    return ms === undefined ? t.failure(u, c) : t.success(ms);
  },
  (a) => a,
);

/** A calendar date `YYYY-MM-DD` (e.g. a birth date), validated and kept as a string. */
export const IsoDateCodec = new t.Type<string, string, unknown>(
  'ISO date YYYY-MM-DD',
  (u): u is string => typeof u === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(u),
  (u, c) =>
    typeof u === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(u) && parseInstant(u) !== undefined
      ? t.success(u)
      : t.failure(u, c),
  (a) => a,
);

/** A non-negative decimal amount from a string or number; decoded to a JS number in major units. */
export const AmountCodec = new t.Type<number, number, unknown>(
  'non-negative decimal amount',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0,
  (u, c) => {
    const d = parseDecimal(u);
    return d === undefined || d.isNegative() ? t.failure(u, c) : t.success(d.toNumber());
  },
  (a) => a,
);

/** A finite number (rejects NaN and ±Infinity). */
export const FiniteNumberCodec = new t.Type<number, number, unknown>(
  'finite number',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) => (typeof u === 'number' && Number.isFinite(u) ? t.success(u) : t.failure(u, c)),
  (a) => a,
);

/** A positive integer (≥ 1). */
export const PositiveIntegerCodec = new t.Type<number, number, unknown>(
  'positive integer',
  (u): u is number => Number.isInteger(u) && (u as number) >= 1,
  (u, c) => (Number.isInteger(u) && (u as number) >= 1 ? t.success(u as number) : t.failure(u, c)),
  (a) => a,
);

/** A non-negative integer (≥ 0). */
export const NonNegativeIntegerCodec = new t.Type<number, number, unknown>(
  'non-negative integer',
  (u): u is number => Number.isInteger(u) && (u as number) >= 0,
  (u, c) => (Number.isInteger(u) && (u as number) >= 0 ? t.success(u as number) : t.failure(u, c)),
  (a) => a,
);

/** A non-empty string (after trimming), kept as given. */
export const NonEmptyStringCodec = new t.Type<string, string, unknown>(
  'non-empty string',
  (u): u is string => typeof u === 'string' && u.trim() !== '',
  (u, c) => (typeof u === 'string' && u.trim() !== '' ? t.success(u) : t.failure(u, c)),
  (a) => a,
);

/** A record id: a non-empty string, or a safe integer converted to its decimal string. */
export const IdCodec = new t.Type<string, string, unknown>(
  'id (non-empty string or integer)',
  (u): u is string => typeof u === 'string' && u !== '',
  (u, c) => {
    if (typeof u === 'string' && u.trim() !== '') return t.success(u);
    if (typeof u === 'number' && Number.isSafeInteger(u)) return t.success(String(u));
    return t.failure(u, c);
  },
  (a) => a,
);

/** An ISO 4217 currency code, three letters, normalised to upper case. */
export const CurrencyCodec = new t.Type<string, string, unknown>(
  'ISO 4217 currency code',
  (u): u is string => typeof u === 'string' && /^[A-Z]{3}$/.test(u),
  (u, c) => (typeof u === 'string' && /^[A-Za-z]{3}$/.test(u) ? t.success(u.toUpperCase()) : t.failure(u, c)),
  (a) => a,
);

/** Free-form attributes: string, number, boolean or null values. */
export const AttributesCodec = t.record(t.string, t.union([t.string, FiniteNumberCodec, t.boolean, t.null]));

/** A consent decision for one purpose (marketing email, SMS, profiling, ...). */
export const ConsentCodec: t.Type<Consent, unknown> = t.intersection([
  t.type({
    purpose: NonEmptyStringCodec,
    status: t.keyof({ granted: null, denied: null, unknown: null }),
  }),
  t.partial({ at: InstantCodec, source: t.string }),
]);
/**
 * A consent decision for one purpose.
 *
 * @example
 * ```ts
 * const consent: Consent = { purpose: 'email-marketing', status: 'granted', at: Date.UTC(2024, 0, 5), source: 'shop' };
 * ```
 */
export type Consent = {
  /** What the consent is for, e.g. `email-marketing`, `sms`, `profiling`. */
  purpose: string;
  /** The decision. */
  status: 'granted' | 'denied' | 'unknown';
  /** When it was given or withdrawn (epoch ms). */
  at?: number;
  /** Where it was recorded (source system or form). */
  source?: string;
};

/** Codec of {@link Customer}. */
export const CustomerCodec: t.Type<Customer, unknown> = t.intersection([
  t.type({ id: IdCodec }),
  t.partial({
    source: t.string,
    sourceRecordId: t.string,
    externalIds: t.record(t.string, t.string),
    email: t.string,
    phone: t.string,
    name: t.string,
    firstName: t.string,
    lastName: t.string,
    birthDate: IsoDateCodec,
    gender: t.string,
    occupation: t.string,
    country: t.string,
    region: t.string,
    city: t.string,
    postalCode: t.string,
    acquisitionChannel: t.string,
    signupAt: InstantCodec,
    updatedAt: InstantCodec,
    consents: t.array(ConsentCodec),
    attributes: AttributesCodec,
  }),
]);
/**
 * A customer record as a host or source system holds it. Only `id` is required; contact fields are kept as given
 * (the `profile` module normalises them).
 *
 * @example
 * ```ts
 * const customer: Customer = {
 *   id: 'c-1', source: 'shop', email: 'Ann.Lee@Example.com', phone: '020 7946 0018', country: 'GB',
 *   birthDate: '1988-04-12', signupAt: Date.UTC(2023, 4, 1),
 * };
 * ```
 */
export type Customer = {
  /** The record's id in its source system (integers are converted to strings). */
  id: string;
  /** The source system, e.g. `shop`, `crm`, `store`, `support`. */
  source?: string;
  /** The record's id inside its source, when `id` is a global key. */
  sourceRecordId?: string;
  /** Ids of the same customer in other systems, by system name. */
  externalIds?: Record<string, string>;
  /** Email address as given (see `normalizeEmail` in `clientele/profile`). */
  email?: string;
  /** Phone number as given (see `normalizePhone` in `clientele/profile`). */
  phone?: string;
  /** Full name as given. */
  name?: string;
  /** Given name. */
  firstName?: string;
  /** Family name. */
  lastName?: string;
  /** Birth date, `YYYY-MM-DD`. */
  birthDate?: string;
  /** Gender as given. */
  gender?: string;
  /** Occupation. */
  occupation?: string;
  /** Country name or code as given. */
  country?: string;
  /** Region / province / state. */
  region?: string;
  /** City. */
  city?: string;
  /** Postal code. */
  postalCode?: string;
  /** How the customer was acquired (e.g. `search`, `social`, `referral`, `store`). */
  acquisitionChannel?: string;
  /** When the customer signed up (epoch ms). */
  signupAt?: number;
  /** When the record was last updated in its source (epoch ms). */
  updatedAt?: number;
  /** Consent decisions per purpose. */
  consents?: Consent[];
  /** Free-form attributes. */
  attributes?: Record<string, string | number | boolean | null>;
};

/** Codec of {@link TransactionLine}. */
export const TransactionLineCodec: t.Type<TransactionLine, unknown> = t.intersection([
  t.type({ sku: NonEmptyStringCodec, quantity: FiniteNumberCodec, unitPrice: AmountCodec }),
  t.partial({ category: t.string, discount: AmountCodec, name: t.string }),
]);
/**
 * One line of an order: `quantity × unitPrice − discount` is the line's net amount.
 *
 * @example
 * ```ts
 * const line: TransactionLine = { sku: 'TEA-01', category: 'tea', quantity: 2, unitPrice: 4.5, discount: 1 };
 * ```
 */
export type TransactionLine = {
  /** Stock-keeping unit. */
  sku: string;
  /** Quantity (may be fractional, e.g. weight). */
  quantity: number;
  /** Price per unit, major units. */
  unitPrice: number;
  /** Product category. */
  category?: string;
  /** Discount on the whole line, major units. */
  discount?: number;
  /** Product name. */
  name?: string;
};

/** Codec of {@link Transaction}. */
export const TransactionCodec: t.Type<Transaction, unknown> = t.intersection([
  t.type({
    id: IdCodec,
    customerId: IdCodec,
    occurredAt: InstantCodec,
    kind: t.keyof({ purchase: null, refund: null }),
    amount: AmountCodec,
    currency: CurrencyCodec,
  }),
  t.partial({
    orderId: IdCodec,
    refundOf: IdCodec,
    channel: t.string,
    lines: t.array(TransactionLineCodec),
    attributes: AttributesCodec,
  }),
]);
/**
 * A purchase or a refund. `amount` is always non-negative; the kind says its sign. A refund may name the
 * transaction it refunds in `refundOf`. `orderId` groups several rows of one order (defaults to `id`).
 *
 * @example
 * ```ts
 * const purchase: Transaction = {
 *   id: 't-1', customerId: 'c-1', occurredAt: Date.UTC(2024, 2, 1, 10), kind: 'purchase', amount: 25.5,
 *   currency: 'EUR', channel: 'web', lines: [{ sku: 'TEA-01', category: 'tea', quantity: 3, unitPrice: 8.5 }],
 * };
 * const refund: Transaction = { ...purchase, id: 't-2', kind: 'refund', amount: 8.5, refundOf: 't-1' };
 * ```
 */
export type Transaction = {
  /** Transaction id (integers are converted to strings). */
  id: string;
  /** The customer's id. */
  customerId: string;
  /** When it happened (epoch ms). */
  occurredAt: number;
  /** A purchase or a refund. */
  kind: 'purchase' | 'refund';
  /** Amount, non-negative, major units of `currency`; the kind gives the sign. */
  amount: number;
  /** ISO 4217 code, upper case. */
  currency: string;
  /** The order this row belongs to (defaults to `id`). */
  orderId?: string;
  /** For a refund: the id of the transaction it refunds. */
  refundOf?: string;
  /** Sales channel, e.g. `web`, `app`, `store`. */
  channel?: string;
  /** Order lines. */
  lines?: TransactionLine[];
  /** Free-form attributes. */
  attributes?: Record<string, string | number | boolean | null>;
};

/** Codec of {@link SurveyResponse}. */
export const SurveyResponseCodec: t.Type<SurveyResponse, unknown> = t.intersection([
  t.type({ id: IdCodec, respondedAt: InstantCodec }),
  t.partial({
    customerId: IdCodec,
    survey: t.string,
    nps: FiniteNumberCodec,
    csat: FiniteNumberCodec,
    ces: FiniteNumberCodec,
    aspects: t.record(t.string, FiniteNumberCodec),
    comment: t.string,
    channel: t.string,
    weight: FiniteNumberCodec,
    attributes: AttributesCodec,
  }),
]);
/**
 * One answer to a survey. Scores are kept as given; scale checks (NPS 0-10, CSAT 1-5, ...) belong to the
 * `satisfaction` module, which reports out-of-scale answers per response.
 *
 * @example
 * ```ts
 * const response: SurveyResponse = {
 *   id: 's-1', customerId: 'c-1', respondedAt: Date.UTC(2024, 2, 3), nps: 9, csat: 4, ces: 2,
 *   aspects: { productQuality: 5, serviceAttitude: 4, afterSales: 3 }, comment: 'Fast delivery',
 * };
 * ```
 */
export type SurveyResponse = {
  /** Response id. */
  id: string;
  /** When it was answered (epoch ms). */
  respondedAt: number;
  /** The respondent, when known. */
  customerId?: string;
  /** Which survey or touchpoint. */
  survey?: string;
  /** Likelihood to recommend, 0-10. */
  nps?: number;
  /** Satisfaction score on the survey's CSAT scale. */
  csat?: number;
  /** Customer-effort score on the survey's CES scale. */
  ces?: number;
  /** Per-aspect ratings, e.g. `{ productQuality: 4, serviceAttitude: 5, afterSales: 3 }`. */
  aspects?: Record<string, number>;
  /** Free-text comment. */
  comment?: string;
  /** Channel of the survey (email, app, phone, ...). */
  channel?: string;
  /** Survey weight (default 1). */
  weight?: number;
  /** Free-form attributes. */
  attributes?: Record<string, string | number | boolean | null>;
};

/** Codec of {@link Complaint}. */
export const ComplaintCodec: t.Type<Complaint, unknown> = t.intersection([
  t.type({ id: IdCodec, customerId: IdCodec, openedAt: InstantCodec }),
  t.partial({
    firstResponseAt: InstantCodec,
    resolvedAt: InstantCodec,
    reopenCount: NonNegativeIntegerCodec,
    category: t.string,
    channel: t.string,
    severity: t.keyof({ low: null, medium: null, high: null, critical: null }),
    orderId: IdCodec,
    text: t.string,
  }),
]);
/**
 * A complaint or support case. Unresolved while `resolvedAt` is absent.
 *
 * @example
 * ```ts
 * const complaint: Complaint = {
 *   id: 'k-1', customerId: 'c-1', openedAt: Date.UTC(2024, 2, 4, 9), firstResponseAt: Date.UTC(2024, 2, 4, 11),
 *   category: 'delivery', severity: 'medium', text: 'Parcel arrived damaged',
 * };
 * ```
 */
export type Complaint = {
  /** Complaint id. */
  id: string;
  /** The customer's id. */
  customerId: string;
  /** When it was opened (epoch ms). */
  openedAt: number;
  /** First response from the company (epoch ms). */
  firstResponseAt?: number;
  /** When it was resolved (epoch ms); absent while open. */
  resolvedAt?: number;
  /** How many times it was reopened. */
  reopenCount?: number;
  /** Category, e.g. `delivery`, `product quality`, `billing`. */
  category?: string;
  /** Channel it came through. */
  channel?: string;
  /** Severity. */
  severity?: 'low' | 'medium' | 'high' | 'critical';
  /** The order it is about. */
  orderId?: string;
  /** The complaint's text. */
  text?: string;
};

/** Codec of {@link EngagementEvent}. */
export const EngagementEventCodec: t.Type<EngagementEvent, unknown> = t.intersection([
  t.type({ id: IdCodec, customerId: IdCodec, occurredAt: InstantCodec, type: NonEmptyStringCodec }),
  t.partial({ channel: t.string, attributes: AttributesCodec }),
]);
/**
 * A sign of engagement: a visit, a login, an email open or click, an app session... `type` is free text; the
 * library's defaults use `visit`, `login`, `email_open`, `email_click`.
 *
 * @example
 * ```ts
 * const event: EngagementEvent = { id: 'e-1', customerId: 'c-1', occurredAt: Date.UTC(2024, 2, 5), type: 'email_open' };
 * ```
 */
export type EngagementEvent = {
  /** Event id. */
  id: string;
  /** The customer's id. */
  customerId: string;
  /** When it happened (epoch ms). */
  occurredAt: number;
  /** What happened: `visit`, `login`, `email_open`, `email_click`, ... */
  type: string;
  /** Channel. */
  channel?: string;
  /** Free-form attributes. */
  attributes?: Record<string, string | number | boolean | null>;
};
