/**
 * Options of the generator: what can be tuned, the documented defaults, and their validation.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import {
  decodeWith,
  FiniteNumberCodec,
  InstantCodec,
  makeIssue,
  type DateInput,
  type ValidationIssue,
} from '../core/index.js';
import { solvePurchaseScale } from './expected.js';

/**
 * Parameters of the BG/NBD purchase process, time unit **days**: each person buys at rate λ ~ Gamma(r, α) (shape r,
 * rate α, mean r/α per day) while active and drops out after each repeat purchase with probability p ~ Beta(a, b).
 *
 * @example
 * ```ts
 * const cdnowLike: BgNbdParameters = { r: 0.75, alpha: 9, a: 0.793, b: 4.852 };
 * ```
 */
export interface BgNbdParameters {
  /** Shape r of the Gamma distribution of purchase rates. */
  readonly r: number;
  /** Rate α of the Gamma distribution of purchase rates, in days (mean rate r/α per day). */
  readonly alpha: number;
  /** First shape a of the Beta distribution of dropout probabilities. */
  readonly a: number;
  /** Second shape b of the Beta distribution of dropout probabilities (mean p = a/(a+b)). */
  readonly b: number;
}

/**
 * Parameters of the Gamma-Gamma spend model, in major currency units: each person has ν ~ Gamma(q, γ) (shape q,
 * rate γ) and each order's value is z ~ Gamma(p, ν), so the person's mean order value is p/ν and the population's
 * is pγ/(q−1).
 *
 * @example
 * ```ts
 * const cdnow: GammaGammaParameters = { p: 6.25, q: 3.74, gamma: 15.44 }; // mean order value ≈ 35.2
 * ```
 */
export interface GammaGammaParameters {
  /** Shape p of each order's value. */
  readonly p: number;
  /** Shape q of the per-person scale ν. */
  readonly q: number;
  /** Rate γ of the per-person scale ν (scales every amount linearly). */
  readonly gamma: number;
}

/**
 * The disengagement phase before dropout (gradual churn): over the D days before a person's `dropoutAt`, with D drawn
 * per person uniformly from [`minDays`, `maxDays`], the purchase rate falls exponentially (a constant share lost per
 * day) from λ to `purchaseRateFloor`·λ, order values shrink exponentially to `spendFloor` of their usual size,
 * engagement fades exponentially to 15 % of its usual rate and the experience (which drives complaints and survey
 * answers) deteriorates linearly by 0.6. The first purchase (acquisition) is never removed. The BG/NBD process underneath (λ, p, purchase times,
 * dropout times) is the same as without the phase for the same seed; the phase only removes purchases and shrinks
 * baskets inside it.
 *
 * @example
 * ```ts
 * const decline: DeclinePhaseParameters = { minDays: 60, maxDays: 120, purchaseRateFloor: 0.2, spendFloor: 0.7 };
 * ```
 */
export interface DeclinePhaseParameters {
  /** Shortest phase, days (default 60). */
  readonly minDays: number;
  /** Longest phase, days (default 120); each person's length is uniform between `minDays` and `maxDays`. */
  readonly maxDays: number;
  /** Purchase rate at the moment of dropout as a share of the person's rate λ (default 0.2). */
  readonly purchaseRateFloor: number;
  /** Order value at the moment of dropout as a share of the usual value (default 0.7). */
  readonly spendFloor: number;
}

/**
 * How often a person also appears in another source system (a duplicate record of the same person).
 *
 * @example
 * ```ts
 * const rates: SourceDuplicationRates = { shop: 0.02, crm: 0.3, store: 0.18, support: 0.03, supportAfterComplaint: 0.6 };
 * ```
 */
export interface SourceDuplicationRates {
  /** Probability of a second shop account (registered again with another e-mail address). */
  readonly shop: number;
  /** Probability of a CRM record. */
  readonly crm: number;
  /** Probability of a record created at a store's till. */
  readonly store: number;
  /** Probability of a support-desk contact for a person who never complained. */
  readonly support: number;
  /** Probability of a support-desk contact for a person who complained at least once. */
  readonly supportAfterComplaint: number;
}

/**
 * Which record arrays to materialise. The simulation behind them always runs (so switching one off never changes the
 * others); a switched-off array is returned empty.
 *
 * @example
 * ```ts
 * const profilesOnly: IncludedOutputs = { transactions: false, surveyResponses: false, complaints: false, engagementEvents: false };
 * ```
 */
export interface IncludedOutputs {
  /** Transaction records (default true). */
  readonly transactions: boolean;
  /** Survey responses (default true). */
  readonly surveyResponses: boolean;
  /** Complaints (default true). */
  readonly complaints: boolean;
  /** Engagement events (default true). */
  readonly engagementEvents: boolean;
}

/**
 * Options of {@link generateCustomerBase} and {@link generateTransactionColumns}. Only `seed`, `customers` and
 * `asOf` are required; every other option has the default listed in {@link DEFAULT_SYNTH_PARAMETERS}.
 *
 * @example
 * ```ts
 * const options: SynthOptions = { seed: 'demo', customers: 20_000, asOf: '2025-01-01', refundRate: 0.05 };
 * ```
 */
export interface SynthOptions {
  /** Seed of every random draw: the same seed and options give the same base on every platform. */
  readonly seed: number | string;
  /** Number of persons (distinct real customers); source records are more because of duplicates. */
  readonly customers: number;
  /** The observation date: nothing after it is generated (except the truth's future dropout times). */
  readonly asOf: DateInput;
  /** Persons are acquired (first purchase) uniformly over this many days before `asOf` (default 730). */
  readonly acquisitionWindowDays?: number;
  /** BG/NBD parameters in days; missing fields take the defaults. */
  readonly purchaseProcess?: Partial<BgNbdParameters>;
  /**
   * Target mean number of purchases per person observed by `asOf` (first purchase included, refunds excluded).
   * When given, α is solved so that the model's expectation equals this target (the other parameters stay).
   */
  readonly purchasesPerCustomer?: number;
  /** Gamma-Gamma spend parameters; missing fields take the defaults. */
  readonly spend?: Partial<GammaGammaParameters>;
  /** ISO 4217 currency of every amount (default `EUR`); amounts are rounded to its minor unit. */
  readonly currency?: string;
  /** Mean probability that a purchase is (partly or fully) refunded (default 0.04). */
  readonly refundRate?: number;
  /** Share of refunds that are partial (default 0.4). */
  readonly partialRefundShare?: number;
  /** Share of order lines sold at a discount (default 0.2). */
  readonly discountedLineShare?: number;
  /** Mean probability that a purchase is followed by a survey response (default 0.08). */
  readonly surveyResponseRate?: number;
  /** Probability that a survey response carries a free-text comment (default 0.4). */
  readonly commentRate?: number;
  /** Complaint probability per order at a typical experience (default 0.01; refunds add their own complaints). */
  readonly complaintRate?: number;
  /**
   * Mean tracked engagement events (site or app sessions, logins, e-mail opens and clicks) per week of an active
   * person (default 3: a customer who shops about every two weeks, receives a couple of newsletters a week and uses
   * the app or site between orders).
   */
  readonly engagementEventsPerWeek?: number;
  /**
   * Engagement and experience fade over this many days before a person's dropout (default 42). Used only when
   * `declinePhase` is `false`; with a decline phase they fade over the person's phase instead.
   */
  readonly engagementFadeDays?: number;
  /**
   * The disengagement phase before dropout: `false` turns it off (the pure BG/NBD purchase process, engagement and
   * experience fading over `engagementFadeDays`), `true` or an object (missing fields take the defaults) turns it on.
   * Default on, see {@link DeclinePhaseParameters}.
   */
  readonly declinePhase?: Partial<DeclinePhaseParameters> | boolean;
  /** Probabilities of duplicate records in other sources; missing fields take the defaults. */
  readonly duplicates?: Partial<SourceDuplicationRates>;
  /** Probability that a record carries a junk e-mail or phone such as `test@test.com` or `000000` (default 0.01). */
  readonly junkRate?: number;
  /** Probability that a store record carries the store's own phone number instead of the person's (default 0.06). */
  readonly sharedPhoneRate?: number;
  /** Also return the transactions as columns (`columns`), built from the same rows (default false). */
  readonly columnar?: boolean;
  /** Which record arrays to materialise (all by default). */
  readonly include?: Partial<IncludedOutputs>;
}

/**
 * Options with every default applied, `asOf` as epoch ms and the currency upper case — what the generator runs on.
 *
 * @example
 * ```ts
 * const resolved: ResolvedSynthOptions = resolveSynthOptions({ seed: 1, customers: 10, asOf: '2025-01-01' });
 * resolved.purchaseProcess.alpha //=> 9
 * ```
 */
export interface ResolvedSynthOptions {
  /** See {@link SynthOptions.seed}. */
  readonly seed: number | string;
  /** See {@link SynthOptions.customers}. */
  readonly customers: number;
  /** `asOf` in epoch milliseconds. */
  readonly asOf: number;
  /** See {@link SynthOptions.acquisitionWindowDays}. */
  readonly acquisitionWindowDays: number;
  /** The BG/NBD parameters in effect (α solved when `purchasesPerCustomer` was given). */
  readonly purchaseProcess: BgNbdParameters;
  /** See {@link SynthOptions.spend}. */
  readonly spend: GammaGammaParameters;
  /** See {@link SynthOptions.currency}. */
  readonly currency: string;
  /** See {@link SynthOptions.refundRate}. */
  readonly refundRate: number;
  /** See {@link SynthOptions.partialRefundShare}. */
  readonly partialRefundShare: number;
  /** See {@link SynthOptions.discountedLineShare}. */
  readonly discountedLineShare: number;
  /** See {@link SynthOptions.surveyResponseRate}. */
  readonly surveyResponseRate: number;
  /** See {@link SynthOptions.commentRate}. */
  readonly commentRate: number;
  /** See {@link SynthOptions.complaintRate}. */
  readonly complaintRate: number;
  /** See {@link SynthOptions.engagementEventsPerWeek}. */
  readonly engagementEventsPerWeek: number;
  /** See {@link SynthOptions.engagementFadeDays}. */
  readonly engagementFadeDays: number;
  /** The decline phase in effect, or `false` when off (see {@link SynthOptions.declinePhase}). */
  readonly declinePhase: DeclinePhaseParameters | false;
  /** See {@link SynthOptions.duplicates}. */
  readonly duplicates: SourceDuplicationRates;
  /** See {@link SynthOptions.junkRate}. */
  readonly junkRate: number;
  /** See {@link SynthOptions.sharedPhoneRate}. */
  readonly sharedPhoneRate: number;
  /** See {@link SynthOptions.columnar}. */
  readonly columnar: boolean;
  /** See {@link SynthOptions.include}. */
  readonly include: IncludedOutputs;
}

/**
 * The optional part of {@link ResolvedSynthOptions}: the shape of {@link DEFAULT_SYNTH_PARAMETERS}.
 *
 * @example
 * ```ts
 * const defaults: SynthParameterDefaults = DEFAULT_SYNTH_PARAMETERS;
 * ```
 */
export type SynthParameterDefaults = Omit<ResolvedSynthOptions, 'seed' | 'customers' | 'asOf'>;

/** The decline phase that `declinePhase: true` (and the default) turns on. */
const DEFAULT_DECLINE_PHASE: DeclinePhaseParameters = Object.freeze({ minDays: 60, maxDays: 120, purchaseRateFloor: 0.2, spendFloor: 0.7 });

function deepFreeze<T extends object>(value: T): T {
  for (const nested of Object.values(value)) if (typeof nested === 'object' && nested !== null) deepFreeze(nested as object);
  return Object.freeze(value);
}

/**
 * The defaults of every optional option.
 *
 * The purchase process keeps the dropout shape a of the BG/NBD fit on CDNOW (Fader, Hardie & Lee 2005: r 0.243,
 * α 4.414 weeks, a 0.793, b 2.426), doubles b (fewer one-purchase dropouts) and triples r (less extreme rate
 * heterogeneity), and sets α = 9 days, so a base acquired over two years averages about 10 purchases per person
 * (≈ 200k transactions for 20k customers). The spend model is the Gamma-Gamma fit on CDNOW (Fader & Hardie 2013:
 * p 6.25, q 3.74, γ 15.44; mean order value ≈ 35.2). Churn is gradual: a 60-120-day decline phase precedes each
 * dropout (see {@link DeclinePhaseParameters}), and an active person leaves about one engagement trace (visit, login,
 * e-mail open or click) a week. The reasons are given in docs/synth.md.
 *
 * @example
 * ```ts
 * DEFAULT_SYNTH_PARAMETERS.purchaseProcess //=> { r: 0.75, alpha: 9, a: 0.793, b: 4.852 }
 * ```
 */
export const DEFAULT_SYNTH_PARAMETERS: SynthParameterDefaults = deepFreeze({
  acquisitionWindowDays: 730,
  purchaseProcess: { r: 0.75, alpha: 9, a: 0.793, b: 4.852 },
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
  currency: 'EUR',
  refundRate: 0.04,
  partialRefundShare: 0.4,
  discountedLineShare: 0.2,
  surveyResponseRate: 0.08,
  commentRate: 0.4,
  complaintRate: 0.01,
  engagementEventsPerWeek: 3,
  engagementFadeDays: 42,
  declinePhase: { ...DEFAULT_DECLINE_PHASE },
  duplicates: { shop: 0.02, crm: 0.3, store: 0.18, support: 0.03, supportAfterComplaint: 0.6 },
  junkRate: 0.01,
  sharedPhoneRate: 0.06,
  columnar: false,
  include: { transactions: true, surveyResponses: true, complaints: true, engagementEvents: true },
});

/** Largest supported number of persons (the columnar form indexes persons with 32-bit integers). */
const MAX_CUSTOMERS = 50_000_000;

function numberIn(name: string, ok: (x: number) => boolean): t.Type<number> {
  return new t.Type<number>(
    name,
    (u): u is number => typeof u === 'number' && ok(u),
    (u, c) => (typeof u === 'number' && Number.isFinite(u) && ok(u) ? t.success(u) : t.failure(u, c)),
    (a) => a,
  );
}

const Positive = numberIn('positive finite number', (x) => x > 0 && Number.isFinite(x));
const Probability = numberIn('probability in [0, 1]', (x) => x >= 0 && x <= 1);
const NonNegative = numberIn('non-negative finite number', (x) => x >= 0 && Number.isFinite(x));
const WindowDays = numberIn('number of days in (0, 36500]', (x) => x > 0 && x <= 36_500);
const CustomerCount = numberIn(`integer in [1, ${MAX_CUSTOMERS}]`, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_CUSTOMERS);
const PurchasesTarget = numberIn('number of purchases per customer > 1', (x) => x > 1 && Number.isFinite(x));
const Currency = new t.Type<string, string, unknown>(
  'ISO 4217 currency code',
  (u): u is string => typeof u === 'string' && /^[A-Z]{3}$/.test(u),
  (u, c) => (typeof u === 'string' && /^[A-Za-z]{3}$/.test(u) ? t.success(u.toUpperCase()) : t.failure(u, c)),
  (a) => a,
);
const Seed = t.union([FiniteNumberCodec, t.string], 'seed (finite number or string)');

const OPTION_SHAPES = {
  purchaseProcess: { r: Positive, alpha: Positive, a: Positive, b: Positive },
  spend: { p: Positive, q: Positive, gamma: Positive },
  duplicates: { shop: Probability, crm: Probability, store: Probability, support: Probability, supportAfterComplaint: Probability },
  include: { transactions: t.boolean, surveyResponses: t.boolean, complaints: t.boolean, engagementEvents: t.boolean },
  declinePhase: { minDays: NonNegative, maxDays: NonNegative, purchaseRateFloor: Probability, spendFloor: Probability },
} as const;

const SynthOptionsCodec = t.intersection([
  t.type({ seed: Seed, customers: CustomerCount, asOf: InstantCodec }),
  t.partial({
    acquisitionWindowDays: WindowDays,
    purchaseProcess: t.partial(OPTION_SHAPES.purchaseProcess),
    purchasesPerCustomer: PurchasesTarget,
    spend: t.partial(OPTION_SHAPES.spend),
    currency: Currency,
    refundRate: Probability,
    partialRefundShare: Probability,
    discountedLineShare: Probability,
    surveyResponseRate: Probability,
    commentRate: Probability,
    complaintRate: Probability,
    engagementEventsPerWeek: numberIn('events per week in [0, 1000]', (x) => x >= 0 && x <= 1000),
    engagementFadeDays: NonNegative,
    declinePhase: t.union([t.boolean, t.partial(OPTION_SHAPES.declinePhase)]),
    duplicates: t.partial(OPTION_SHAPES.duplicates),
    junkRate: Probability,
    sharedPhoneRate: Probability,
    columnar: t.boolean,
    include: t.partial(OPTION_SHAPES.include),
  }),
]);

const TOP_LEVEL_KEYS = new Set([
  'seed',
  'customers',
  'asOf',
  'acquisitionWindowDays',
  'purchaseProcess',
  'purchasesPerCustomer',
  'spend',
  'currency',
  'refundRate',
  'partialRefundShare',
  'discountedLineShare',
  'surveyResponseRate',
  'commentRate',
  'complaintRate',
  'engagementEventsPerWeek',
  'engagementFadeDays',
  'declinePhase',
  'duplicates',
  'junkRate',
  'sharedPhoneRate',
  'columnar',
  'include',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function unknownKeys(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isPlainObject(input)) return issues;
  for (const key of Object.keys(input)) {
    if (!TOP_LEVEL_KEYS.has(key)) issues.push(makeIssue(`options.${key}`, 'a known option (see SynthOptions)', key));
  }
  for (const [group, shape] of Object.entries(OPTION_SHAPES)) {
    const nested = input[group];
    if (!isPlainObject(nested)) continue;
    for (const key of Object.keys(nested)) {
      if (!(key in shape)) issues.push(makeIssue(`options.${group}.${key}`, `one of ${Object.keys(shape).join(', ')}`, key));
    }
  }
  return issues;
}

/** The defaults overridden by the defined fields of `given` (an explicit `undefined` keeps the default). */
function withDefaults<T extends object>(defaults: T, given: { readonly [K in keyof T]?: T[K] | undefined } | undefined): T {
  const out = { ...defaults };
  if (given === undefined) return out;
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const value = given[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function resolveDeclinePhase(given: Partial<DeclinePhaseParameters> | boolean | undefined): DeclinePhaseParameters | false {
  const configured = DEFAULT_SYNTH_PARAMETERS.declinePhase;
  const defaults = configured === false ? DEFAULT_DECLINE_PHASE : configured;
  if (given === false || (given === undefined && configured === false)) return false;
  if (given === undefined || given === true) return { ...defaults };
  return withDefaults<DeclinePhaseParameters>(defaults, given);
}

/**
 * Validates untrusted generator options and applies the defaults. Returns every issue with its path
 * (`options.purchaseProcess.r`), including unknown keys and a `purchasesPerCustomer` target the purchase process
 * cannot reach.
 *
 * @example
 * ```ts
 * validateSynthOptions({ seed: 1, customers: 0, asOf: '2025-01-01' })
 * //=> left([{ path: 'options.customers', expected: 'integer in [1, 50000000]', received: '0', ... }])
 * ```
 */
export function validateSynthOptions(input: unknown): E.Either<ValidationIssue[], ResolvedSynthOptions> {
  const decoded = decodeWith(SynthOptionsCodec, input, 'options');
  const extra = unknownKeys(input);
  if (E.isLeft(decoded)) return E.left([...decoded.left, ...extra]);
  if (extra.length > 0) return E.left(extra);
  const o = decoded.right;
  const d = DEFAULT_SYNTH_PARAMETERS;
  const declinePhase = resolveDeclinePhase(o.declinePhase);
  if (declinePhase !== false && declinePhase.minDays > declinePhase.maxDays) {
    return E.left([makeIssue('options.declinePhase.maxDays', `at least minDays (${String(declinePhase.minDays)})`, declinePhase.maxDays)]);
  }
  const windowDays = o.acquisitionWindowDays ?? d.acquisitionWindowDays;
  let purchaseProcess: BgNbdParameters = withDefaults<BgNbdParameters>(d.purchaseProcess, o.purchaseProcess);
  if (o.purchasesPerCustomer !== undefined) {
    const alpha = solvePurchaseScale(purchaseProcess, windowDays, o.purchasesPerCustomer);
    if (E.isLeft(alpha)) {
      return E.left([makeIssue('options.purchasesPerCustomer', alpha.left, o.purchasesPerCustomer)]);
    }
    purchaseProcess = { ...purchaseProcess, alpha: alpha.right };
  }
  return E.right({
    seed: o.seed,
    customers: o.customers,
    asOf: o.asOf,
    acquisitionWindowDays: windowDays,
    purchaseProcess,
    spend: withDefaults<GammaGammaParameters>(d.spend, o.spend),
    currency: o.currency ?? d.currency,
    refundRate: o.refundRate ?? d.refundRate,
    partialRefundShare: o.partialRefundShare ?? d.partialRefundShare,
    discountedLineShare: o.discountedLineShare ?? d.discountedLineShare,
    surveyResponseRate: o.surveyResponseRate ?? d.surveyResponseRate,
    commentRate: o.commentRate ?? d.commentRate,
    complaintRate: o.complaintRate ?? d.complaintRate,
    engagementEventsPerWeek: o.engagementEventsPerWeek ?? d.engagementEventsPerWeek,
    engagementFadeDays: o.engagementFadeDays ?? d.engagementFadeDays,
    declinePhase,
    duplicates: withDefaults<SourceDuplicationRates>(d.duplicates, o.duplicates),
    junkRate: o.junkRate ?? d.junkRate,
    sharedPhoneRate: o.sharedPhoneRate ?? d.sharedPhoneRate,
    columnar: o.columnar ?? d.columnar,
    include: withDefaults<IncludedOutputs>(d.include, o.include),
  });
}

/**
 * Like {@link validateSynthOptions} for trusted options in code: returns the resolved options or throws a
 * `RangeError` listing every issue (invalid generator options are a programming error).
 *
 * @example
 * ```ts
 * resolveSynthOptions({ seed: 1, customers: 100, asOf: '2025-01-01' }).acquisitionWindowDays //=> 730
 * ```
 */
export function resolveSynthOptions(options: SynthOptions): ResolvedSynthOptions {
  const resolved = validateSynthOptions(options);
  if (E.isLeft(resolved)) {
    throw new RangeError(`[clientele] invalid synth options: ${resolved.left.map((issue) => issue.message).join('; ')}`);
  }
  return resolved.right;
}
