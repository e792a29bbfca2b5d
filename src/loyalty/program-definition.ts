/**
 * The loyalty programme as JSON: codecs and types of every section (earning rules, campaigns, caps, rounding,
 * pending points, expiry, tiers, redemption, transfers, partners). Structural problems are reported by these codecs;
 * cross-field checks live in `parseProgram`.
 *
 * @module
 */
import * as t from 'io-ts';
import { CurrencyCodec } from '../core/index.js';
import {
  boundedArray,
  boundedInteger,
  documentedCodec,
  IdentifierCodec,
  LocalInstantCodec,
  MonthDayCodec,
  NonNegativeDecimalCodec,
  PositiveDecimalCodec,
  ShareCodec,
  strictObject,
  taggedUnion,
} from './codec-helpers.js';
import { ConditionCodec } from './condition.js';
import type {
  CampaignDefinition,
  CapsDefinition,
  EarningBaseDefinition,
  EarningRuleDefinition,
  ExpiryDefinition,
  LimitDefinition,
  PartnerDefinition,
  ProgramDefinition,
  RedemptionDefinition,
  RewardDefinition,
  TierLevelDefinition,
  TiersDefinition,
  TransfersDefinition,
} from './program-types.js';

/**
 * The programme format this version of the library reads.
 *
 * @example
 * ```ts
 * const json = { format: PROGRAM_FORMAT, id: 'club', version: 1, effectiveFrom: '2024-01-01', timeZone: 'UTC', currency: 'EUR', rules: [] };
 * ```
 */
export const PROGRAM_FORMAT = 'clientele.loyalty.program/1';

const keyof = <K extends string>(name: string, keys: readonly K[]): t.Type<K, unknown> =>
  new t.Type<K, unknown, unknown>(
    `${name} (one of: ${keys.join(', ')})`,
    (u): u is K => typeof u === 'string' && (keys as readonly string[]).includes(u),
    (u, c) => (typeof u === 'string' && (keys as readonly string[]).includes(u) ? t.success(u as K) : t.failure(u, c)),
    (a) => a,
  );

const TimeZoneTextCodec = new t.Type<string, unknown, unknown>(
  'IANA time zone name',
  (u): u is string => typeof u === 'string' && u !== '',
  (u, c) => (typeof u === 'string' && /^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/.test(u) ? t.success(u) : t.failure(u, c)),
  (a) => a,
);

const StringListCodec = boundedArray(t.string, 10_000, 'array of strings');

/**
 * Codec of {@link EarningBaseDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(EarningBaseCodec, { tax: 'include' }, 'base') //=> right({ tax: 'include' })
 * ```
 */
export const EarningBaseCodec: t.Type<EarningBaseDefinition, unknown> = documentedCodec<EarningBaseDefinition>()(
  strictObject(
    'earning base options',
    {},
    {
      discounts: keyof('discounts', ['after', 'before'] as const),
      tax: keyof('tax', ['exclude', 'include'] as const),
      shipping: keyof('shipping', ['exclude', 'include'] as const),
      pointsPaid: keyof('points-paid part', ['exclude', 'include'] as const),
      excludeSkus: StringListCodec,
      excludeCategories: StringListCodec,
    },
  ),
);

/**
 * Codec of {@link LimitDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(LimitCodec, { period: 'month', maxTimes: 2 }, 'limit') //=> right({ period: 'month', maxTimes: 2 })
 * ```
 */
export const LimitCodec: t.Type<LimitDefinition, unknown> = documentedCodec<LimitDefinition>()(
  strictObject(
    'limit',
    { period: keyof('period', ['day', 'month', 'year', 'lifetime'] as const) },
    { maxPoints: NonNegativeDecimalCodec, maxTimes: boundedInteger(0, 1_000_000) },
  ),
);

const ruleCommon = {
  id: IdentifierCodec,
};
const ruleOptional = {
  name: t.string,
  condition: ConditionCodec,
  limit: LimitCodec,
};

const SpendRuleCodec = strictObject(
  'spend rule',
  { ...ruleCommon, kind: t.literal('spend'), points: PositiveDecimalCodec },
  {
    ...ruleOptional,
    per: PositiveDecimalCodec,
    mode: keyof('mode', ['proportional', 'steps'] as const),
    base: EarningBaseCodec,
  },
);
const MultiplierRuleCodec = strictObject(
  'multiplier rule',
  { ...ruleCommon, kind: t.literal('multiplier'), factor: PositiveDecimalCodec },
  { ...ruleOptional, skus: StringListCodec, categories: StringListCodec },
);
const ProductBonusRuleCodec = strictObject(
  'product-bonus rule',
  { ...ruleCommon, kind: t.literal('product-bonus'), points: PositiveDecimalCodec },
  { ...ruleOptional, skus: StringListCodec, categories: StringListCodec, perUnit: t.boolean },
);
const FixedRuleCodec = strictObject(
  'fixed rule',
  { ...ruleCommon, kind: t.literal('fixed'), points: PositiveDecimalCodec },
  ruleOptional,
);
const FirstPurchaseRuleCodec = strictObject(
  'first-purchase rule',
  { ...ruleCommon, kind: t.literal('first-purchase'), points: PositiveDecimalCodec },
  ruleOptional,
);
const SignupRuleCodec = strictObject(
  'signup rule',
  { ...ruleCommon, kind: t.literal('signup'), points: PositiveDecimalCodec },
  ruleOptional,
);
const BirthdayRuleCodec = strictObject(
  'birthday rule',
  { ...ruleCommon, kind: t.literal('birthday'), points: PositiveDecimalCodec },
  { ...ruleOptional, daysBefore: boundedInteger(0, 183), daysAfter: boundedInteger(0, 183) },
);
const ReferralRuleCodec = strictObject(
  'referral rule',
  {
    ...ruleCommon,
    kind: t.literal('referral'),
    referrerPoints: NonNegativeDecimalCodec,
    refereePoints: NonNegativeDecimalCodec,
  },
  ruleOptional,
);
const CustomRuleCodec = strictObject(
  'custom rule',
  { ...ruleCommon, kind: t.literal('custom'), eventName: IdentifierCodec, points: PositiveDecimalCodec },
  ruleOptional,
);
const StreakRuleCodec = strictObject(
  'streak rule',
  {
    ...ruleCommon,
    kind: t.literal('streak'),
    purchases: boundedInteger(2, 1000),
    withinDays: boundedInteger(1, 3660),
    points: PositiveDecimalCodec,
  },
  ruleOptional,
);

/**
 * Codec of {@link EarningRuleDefinition}, told apart by `kind`.
 *
 * @example
 * ```ts
 * decodeWith(EarningRuleCodec, { id: 'base', kind: 'spend', points: 1 }, 'rule') //=> right({ id: 'base', kind: 'spend', points: '1' })
 * ```
 */
export const EarningRuleCodec: t.Type<EarningRuleDefinition, unknown> = documentedCodec<EarningRuleDefinition>()(
  taggedUnion('earning rule', 'kind', {
    spend: SpendRuleCodec,
    multiplier: MultiplierRuleCodec,
    'product-bonus': ProductBonusRuleCodec,
    fixed: FixedRuleCodec,
    'first-purchase': FirstPurchaseRuleCodec,
    signup: SignupRuleCodec,
    birthday: BirthdayRuleCodec,
    referral: ReferralRuleCodec,
    custom: CustomRuleCodec,
    streak: StreakRuleCodec,
  }),
);

const CampaignEffectCodec = taggedUnion('campaign effect', 'kind', {
  multiplier: strictObject('multiplier effect', { kind: t.literal('multiplier'), factor: PositiveDecimalCodec }, {}),
  bonus: strictObject('bonus effect', { kind: t.literal('bonus'), points: PositiveDecimalCodec }, {}),
});

/**
 * Codec of {@link CampaignDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(CampaignCodec, { id: 'c', from: '2024-06-01', to: '2024-07-01', effect: { kind: 'bonus', points: '50' } }, 'campaign')
 * ```
 */
export const CampaignCodec: t.Type<CampaignDefinition, unknown> = documentedCodec<CampaignDefinition>()(
  strictObject(
    'campaign',
    {
      id: IdentifierCodec,
      from: LocalInstantCodec,
      to: LocalInstantCodec,
      effect: CampaignEffectCodec,
    },
    {
      name: t.string,
      condition: ConditionCodec,
      stacking: keyof('stacking', ['additive', 'best-of', 'exclusive', 'priority'] as const),
      priority: boundedInteger(-1_000_000, 1_000_000),
      appliesTo: boundedArray(IdentifierCodec, 1000, 'array of rule ids'),
      budget: NonNegativeDecimalCodec,
      limit: LimitCodec,
    },
  ),
);

/**
 * Codec of {@link CapsDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(CapsCodec, { perTransaction: 500 }, 'caps') //=> right({ perTransaction: '500' })
 * ```
 */
export const CapsCodec: t.Type<CapsDefinition, unknown> = documentedCodec<CapsDefinition>()(
  strictObject(
    'caps',
    {},
    {
      perTransaction: NonNegativeDecimalCodec,
      perMemberPerDay: NonNegativeDecimalCodec,
      perMemberPerMonth: NonNegativeDecimalCodec,
      perMemberPerYear: NonNegativeDecimalCodec,
    },
  ),
);

const PendingCodec = taggedUnion('pending policy', 'mode', {
  none: strictObject('no pending points', { mode: t.literal('none') }, {}),
  'return-window': strictObject(
    'return-window pending',
    { mode: t.literal('return-window'), days: boundedInteger(1, 3660) },
    { expiryFrom: keyof('expiry from', ['activation', 'earning'] as const) },
  ),
  host: strictObject(
    'host-activated pending',
    { mode: t.literal('host') },
    { expiryFrom: keyof('expiry from', ['activation', 'earning'] as const) },
  ),
});

const LotExpiryCodec = taggedUnion('lot expiry', 'kind', {
  after: strictObject(
    'expiry after a period',
    { kind: t.literal('after') },
    {
      months: boundedInteger(0, 1200),
      days: boundedInteger(0, 36600),
      roundTo: keyof('round to', ['day', 'month', 'quarter', 'year'] as const),
    },
  ),
  'fixed-date': strictObject(
    'expiry on fixed dates',
    { kind: t.literal('fixed-date'), dates: boundedArray(MonthDayCodec, 20, 'array of 1-20 month-days MM-DD') },
    { minDays: boundedInteger(0, 3660) },
  ),
});

/**
 * Codec of {@link ExpiryDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(ExpiryCodec, { inactivityMonths: 18 }, 'expiry') //=> right({ inactivityMonths: 18 })
 * ```
 */
export const ExpiryCodec: t.Type<ExpiryDefinition, unknown> = documentedCodec<ExpiryDefinition>()(
  strictObject(
    'expiry',
    {},
    {
      lot: LotExpiryCodec,
      inactivityMonths: boundedInteger(1, 1200),
      spendOrder: keyof('spend order', ['soonest-expiring', 'fifo'] as const),
    },
  ),
);

/**
 * Codec of {@link TierLevelDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(TierLevelCodec, { id: 'gold', threshold: 1000 }, 'level') //=> right({ id: 'gold', threshold: '1000' })
 * ```
 */
export const TierLevelCodec: t.Type<TierLevelDefinition, unknown> = documentedCodec<TierLevelDefinition>()(
  strictObject(
    'tier level',
    { id: IdentifierCodec, threshold: NonNegativeDecimalCodec },
    { name: t.string, multiplier: PositiveDecimalCodec, perks: boundedArray(t.string, 100, 'array of perk names') },
  ),
);

const TierWindowCodec = taggedUnion('tier window', 'kind', {
  rolling: strictObject('rolling window', { kind: t.literal('rolling'), months: boundedInteger(1, 120) }, {}),
  'calendar-year': strictObject('calendar-year window', { kind: t.literal('calendar-year') }, {}),
  'anniversary-year': strictObject('anniversary-year window', { kind: t.literal('anniversary-year') }, {}),
});

/**
 * Codec of {@link TiersDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(TiersCodec, { basis: 'spend', window: { kind: 'calendar-year' }, levels: [{ id: 'base', threshold: '0' }] }, 'tiers')
 * ```
 */
export const TiersCodec: t.Type<TiersDefinition, unknown> = documentedCodec<TiersDefinition>()(
  strictObject(
    'tiers',
    {
      basis: keyof('tier basis', ['points-earned', 'spend', 'orders'] as const),
      window: TierWindowCodec,
      levels: boundedArray(TierLevelCodec, 50, 'array of 1-50 tier levels'),
    },
    {
      downgrade: strictObject(
        'downgrade policy',
        { mode: keyof('downgrade mode', ['one-step', 'recompute'] as const) },
        { graceDays: boundedInteger(0, 3660) },
      ),
    },
  ),
);

/**
 * Codec of {@link RewardDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(RewardCodec, { id: 'mug', cost: 800 }, 'reward') //=> right({ id: 'mug', cost: '800' })
 * ```
 */
export const RewardCodec: t.Type<RewardDefinition, unknown> = documentedCodec<RewardDefinition>()(
  strictObject(
    'reward',
    { id: IdentifierCodec, cost: PositiveDecimalCodec },
    {
      name: t.string,
      stock: boundedInteger(0, Number.MAX_SAFE_INTEGER),
      perMemberLimit: strictObject(
        'per-member limit',
        { maxTimes: boundedInteger(1, 1_000_000) },
        { period: keyof('period', ['day', 'month', 'year', 'lifetime'] as const) },
      ),
      minTier: IdentifierCodec,
      value: NonNegativeDecimalCodec,
    },
  ),
);

/**
 * Codec of {@link RedemptionDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(RedemptionCodec, { minBalance: 100 }, 'redemption') //=> right({ minBalance: '100' })
 * ```
 */
export const RedemptionCodec: t.Type<RedemptionDefinition, unknown> = documentedCodec<RedemptionDefinition>()(
  strictObject(
    'redemption',
    {},
    {
      minBalance: NonNegativeDecimalCodec,
      holdMinutes: boundedInteger(1, 525_600),
      rewards: boundedArray(RewardCodec, 10_000, 'array of rewards'),
      payWithPoints: strictObject(
        'pay with points',
        { pointsPerUnit: PositiveDecimalCodec },
        { minShare: ShareCodec, maxShare: ShareCodec, minPoints: NonNegativeDecimalCodec },
      ),
    },
  ),
);

/**
 * Codec of {@link TransfersDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(TransfersCodec, { enabled: true }, 'transfers') //=> right({ enabled: true })
 * ```
 */
export const TransfersCodec: t.Type<TransfersDefinition, unknown> = documentedCodec<TransfersDefinition>()(
  strictObject(
    'transfers',
    { enabled: t.boolean },
    { minPoints: NonNegativeDecimalCodec, maxPoints: PositiveDecimalCodec },
  ),
);

const BlockCodec = strictObject(
  'conversion block',
  { points: PositiveDecimalCodec, partnerUnits: PositiveDecimalCodec },
  {},
);
/**
 * Codec of {@link PartnerDefinition}.
 *
 * @example
 * ```ts
 * decodeWith(PartnerCodec, { id: 'miles', toPartner: { points: 1000, partnerUnits: 250 } }, 'partner')
 * ```
 */
export const PartnerCodec: t.Type<PartnerDefinition, unknown> = documentedCodec<PartnerDefinition>()(
  strictObject('partner', { id: IdentifierCodec }, { name: t.string, toPartner: BlockCodec, fromPartner: BlockCodec }),
);

/**
 * Codec of the whole programme, sections decoded strictly.
 *
 * @example
 * ```ts
 * decodeWith(ProgramDefinitionCodec, EXAMPLE_PROGRAM, 'program') // right(...); parseProgram adds the cross-field checks
 * ```
 */
export const ProgramDefinitionCodec: t.Type<ProgramDefinition, unknown> = documentedCodec<ProgramDefinition>()(
  strictObject(
    'loyalty programme',
    {
      format: t.literal(PROGRAM_FORMAT),
      id: IdentifierCodec,
      version: boundedInteger(1, 1_000_000_000),
      effectiveFrom: LocalInstantCodec,
      timeZone: TimeZoneTextCodec,
      currency: CurrencyCodec,
      rules: boundedArray(EarningRuleCodec, 500, 'array of at most 500 earning rules'),
    },
    {
      name: t.string,
      effectiveTo: LocalInstantCodec,
      points: strictObject('points', {}, { decimals: boundedInteger(0, 6), value: NonNegativeDecimalCodec }),
      rounding: strictObject(
        'rounding',
        {},
        {
          mode: keyof('rounding mode', ['floor', 'half-up', 'half-even', 'ceiling'] as const),
          scope: keyof('rounding scope', ['line', 'order'] as const),
        },
      ),
      earningBase: EarningBaseCodec,
      pending: PendingCodec,
      expiry: ExpiryCodec,
      negativeBalance: keyof('negative balance policy', ['pending-only', 'within-balance', 'allow-negative'] as const),
      caps: CapsCodec,
      campaigns: boundedArray(CampaignCodec, 500, 'array of at most 500 campaigns'),
      tiers: TiersCodec,
      redemption: RedemptionCodec,
      transfers: TransfersCodec,
      partners: boundedArray(PartnerCodec, 100, 'array of at most 100 partners'),
    },
  ),
);
