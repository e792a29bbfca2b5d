/**
 * `parseProgram`: decode a programme (every structural problem with its path), check it (cross-field rules, again
 * every problem with its path) and compile it once into the form the engine runs on.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import type { RoundingMode, ValidationIssue } from '../core/index.js';
import { currencyExponent, decodeWith, joinPath, makeIssue, parseInstant } from '../core/index.js';
import { isValidTimeZone, makeZone, type Zone } from './calendar.js';
import { compileCondition, referencedTiers, type CompiledCondition, type ConditionDefinition } from './condition.js';
import type {
  CampaignDefinition,
  EarningBaseDefinition,
  EarningRuleDefinition,
  LimitDefinition,
  ProgramDefinition,
  TierWindowDefinition,
} from './program-types.js';
import { ProgramDefinitionCodec } from './program-definition.js';
import {
  parseUnits,
  pow10,
  ratioCompare,
  ratioDiv,
  ratioFromDecimal,
  ratioMul,
  ratioOfInteger,
  type Ratio,
} from './units.js';

/**
 * The earning base options with every default filled in, plus exclusion sets.
 *
 * @example
 * ```ts
 * const base: ResolvedEarningBase = {
 *   discounts: 'after', tax: 'exclude', shipping: 'exclude', pointsPaid: 'exclude',
 *   excludeSkus: new Set(), excludeCategories: new Set(['gift-card']),
 * };
 * ```
 */
export interface ResolvedEarningBase {
  /** Lines count after or before their discounts. */
  readonly discounts: 'after' | 'before';
  /** Tax excluded or included. */
  readonly tax: 'exclude' | 'include';
  /** Shipping excluded or included. */
  readonly shipping: 'exclude' | 'include';
  /** The part paid with points excluded or included. */
  readonly pointsPaid: 'exclude' | 'include';
  /** SKUs that never earn. */
  readonly excludeSkus: ReadonlySet<string>;
  /** Categories that never earn. */
  readonly excludeCategories: ReadonlySet<string>;
}

/**
 * A compiled per-member limit (points in point units).
 *
 * @example
 * ```ts
 * const limit: CompiledLimit = { period: 'month', maxTimes: 4 };
 * ```
 */
export interface CompiledLimit {
  /** The period key (`lifetime`, `2024-05-04`, `2024-05`, `2024`). */
  readonly period: 'day' | 'month' | 'year' | 'lifetime';
  /** Most point units per period. */
  readonly maxUnits?: number;
  /** Most times per period. */
  readonly maxTimes?: number;
}

/**
 * What every compiled earning rule has, whatever its kind.
 *
 * @example
 * ```ts
 * const rule: CompiledRuleBase = program.rules[0]!;
 * rule.description //=> '1 points per 1 EUR'
 * ```
 */
export interface CompiledRuleBase {
  /** Id, unique in the programme. */
  readonly id: string;
  /** Readable name (the id when none was given). */
  readonly name: string;
  /** The rule in words (for explanations). */
  readonly description: string;
  /** Compiled condition, if any. */
  readonly condition: CompiledCondition | undefined;
  /** Per-member limit, if any. */
  readonly limit: CompiledLimit | undefined;
  /** The definition as decoded. */
  readonly definition: EarningRuleDefinition;
}

/**
 * A compiled `spend` rule: points per amount of earning base.
 *
 * @example
 * ```ts
 * const rule = program.rules[0] as CompiledSpendRule;
 * rule.kind //=> 'spend'
 * ```
 */
export interface CompiledSpendRule extends CompiledRuleBase {
  /** The rule kind. */
  readonly kind: 'spend';
  /** Points per one minor currency unit of base, exact. */
  readonly ratePerMinor: Ratio;
  /** Whole-step mode: the step in minor units and its points in units. */
  readonly steps: SpendSteps | undefined;
  /** Resolved earning base. */
  readonly base: ResolvedEarningBase;
}

/**
 * The whole-step mode of a spend rule: `pointsUnits` point units per complete `perMinor` minor currency units.
 *
 * @example
 * ```ts
 * const steps: SpendSteps = { perMinor: { n: 1000, d: 1 }, pointsUnits: 1 };
 * ```
 */
export interface SpendSteps {
  /** The step, in minor currency units. */
  readonly perMinor: Ratio;
  /** Point units per complete step. */
  readonly pointsUnits: number;
}

/**
 * A compiled `multiplier` rule: multiplies the spend points of matching lines.
 *
 * @example
 * ```ts
 * const rule = program.rules[1] as CompiledMultiplierRule;
 * rule.categories?.has('beans') //=> true
 * ```
 */
export interface CompiledMultiplierRule extends CompiledRuleBase {
  /** The rule kind. */
  readonly kind: 'multiplier';
  /** The factor, exact. */
  readonly factor: Ratio;
  /** SKUs it applies to (none = no SKU filter). */
  readonly skus: ReadonlySet<string> | undefined;
  /** Categories it applies to (none = no category filter). */
  readonly categories: ReadonlySet<string> | undefined;
}

/**
 * A compiled `product-bonus` rule: fixed points per matching line or unit.
 *
 * @example
 * ```ts
 * const bonus: CompiledRule['kind'] = 'product-bonus';
 * ```
 */
export interface CompiledProductBonusRule extends CompiledRuleBase {
  /** The rule kind. */
  readonly kind: 'product-bonus';
  /** Points per line (or per unit), exact. */
  readonly points: Ratio;
  /** SKUs it applies to. */
  readonly skus: ReadonlySet<string> | undefined;
  /** Categories it applies to. */
  readonly categories: ReadonlySet<string> | undefined;
  /** Points per unit rather than per line. */
  readonly perUnit: boolean;
}

/**
 * A compiled rule granting a fixed number of points: `fixed`, `first-purchase`, `signup`, `custom`, `streak` or
 * `birthday`, with the parameters of its kind.
 *
 * @example
 * ```ts
 * const rule = program.rules[2] as CompiledFixedRule;
 * rule.pointsUnits //=> 50
 * ```
 */
export interface CompiledFixedRule extends CompiledRuleBase {
  /** The rule kind. */
  readonly kind: 'fixed' | 'first-purchase' | 'signup' | 'custom' | 'streak' | 'birthday';
  /** Points in point units. */
  readonly pointsUnits: number;
  /** Custom event name (`custom`). */
  readonly eventName?: string;
  /** Purchases needed (`streak`). */
  readonly purchases?: number;
  /** Within this many days (`streak`). */
  readonly withinDays?: number;
  /** Days before the birthday the window opens (`birthday`). */
  readonly daysBefore?: number;
  /** Days after the birthday the window closes (`birthday`). */
  readonly daysAfter?: number;
}

/**
 * A compiled `referral` rule: points for the referrer and the referee on the referee's first qualifying purchase.
 *
 * @example
 * ```ts
 * const rule = program.rules[6] as CompiledReferralRule;
 * rule.referrerUnits //=> 300
 * ```
 */
export interface CompiledReferralRule extends CompiledRuleBase {
  /** The rule kind. */
  readonly kind: 'referral';
  /** Points of the referrer, in point units. */
  readonly referrerUnits: number;
  /** Points of the referee, in point units. */
  readonly refereeUnits: number;
}

/**
 * An earning rule compiled for the engine: decimals parsed to exact rationals or point units, sets built.
 *
 * @example
 * ```ts
 * const rule = program.rules[0]; // CompiledRule
 * rule.kind //=> 'spend'
 * ```
 */
export type CompiledRule =
  CompiledSpendRule | CompiledMultiplierRule | CompiledProductBonusRule | CompiledFixedRule | CompiledReferralRule;

/**
 * A compiled campaign.
 *
 * @example
 * ```ts
 * program.campaigns[0]?.stacking //=> 'additive'
 * ```
 */
export interface CompiledCampaign {
  /** Id. */
  readonly id: string;
  /** Readable name. */
  readonly name: string;
  /** Start (epoch ms, inclusive). */
  readonly from: number;
  /** End (epoch ms, exclusive). */
  readonly to: number;
  /** Compiled condition. */
  readonly condition: CompiledCondition | undefined;
  /** Its stacking mode. */
  readonly stacking: 'additive' | 'best-of' | 'exclusive' | 'priority';
  /** Rank within its stacking group. */
  readonly priority: number;
  /** Spend rules it multiplies (all when absent). */
  readonly appliesTo: ReadonlySet<string> | undefined;
  /** Budget in point units. */
  readonly budgetUnits: number | undefined;
  /** Per-member limit. */
  readonly limit: CompiledLimit | undefined;
  /** Multiplier, exact. */
  readonly multiplier: Ratio | undefined;
  /** Multiplier as written. */
  readonly factorText: string | undefined;
  /** Bonus in point units. */
  readonly bonusUnits: number | undefined;
  /** The definition as decoded. */
  readonly definition: CampaignDefinition;
}

/**
 * A compiled tier level (threshold in the basis' unit: point units, minor currency units or orders).
 *
 * @example
 * ```ts
 * program.tiers?.levels[1]?.id //=> 'gold'
 * ```
 */
export interface CompiledTierLevel {
  /** Id. */
  readonly id: string;
  /** Readable name. */
  readonly name: string;
  /** Position in the levels. */
  readonly index: number;
  /** Threshold in the basis unit. */
  readonly threshold: number;
  /** Threshold as written. */
  readonly thresholdText: string;
  /** Multiplier, exact. */
  readonly multiplier: Ratio;
  /** Multiplier as written. */
  readonly multiplierText: string;
  /** Perks. */
  readonly perks: readonly string[];
}

/**
 * The compiled tier configuration.
 *
 * @example
 * ```ts
 * program.tiers?.basis //=> 'points-earned'
 * ```
 */
export interface CompiledTiers {
  /** What qualifies. */
  readonly basis: 'points-earned' | 'spend' | 'orders';
  /** The qualification window. */
  readonly window: TierWindowDefinition;
  /** One step at a time or recompute. */
  readonly downgradeMode: 'one-step' | 'recompute';
  /** Days of grace before a downgrade. */
  readonly graceDays: number;
  /** The levels, ascending. */
  readonly levels: readonly CompiledTierLevel[];
}

/**
 * A compiled reward.
 *
 * @example
 * ```ts
 * program.rewards['free-coffee']?.costUnits //=> 150
 * ```
 */
export interface CompiledReward {
  /** Id. */
  readonly id: string;
  /** Readable name. */
  readonly name: string;
  /** Cost in point units. */
  readonly costUnits: number;
  /** Initial stock. */
  readonly stock: number | undefined;
  /** How many times a member may redeem it per period. */
  readonly perMemberLimit: RewardLimit | undefined;
  /** Index of the minimum tier. */
  readonly minTierIndex: number | undefined;
  /** The minimum tier. */
  readonly minTier: string | undefined;
  /** Value in currency (decimal string). */
  readonly value: string | undefined;
}

/**
 * A compiled partner currency.
 *
 * @example
 * ```ts
 * program.partners['sky-miles']?.toPartner?.pointsUnits //=> 1000
 * ```
 */
export interface CompiledPartner {
  /** Id. */
  readonly id: string;
  /** Readable name. */
  readonly name: string;
  /** Points into partner units, per block. */
  readonly toPartner: ConversionBlock | undefined;
  /** Partner units into points, per block. */
  readonly fromPartner: ConversionBlock | undefined;
}

/**
 * A per-member redemption limit of a reward.
 *
 * @example
 * ```ts
 * const limit: RewardLimit = { maxTimes: 2, period: 'month' };
 * ```
 */
export interface RewardLimit {
  /** Most redemptions per period. */
  readonly maxTimes: number;
  /** The period. */
  readonly period: 'day' | 'month' | 'year' | 'lifetime';
}

/**
 * One conversion block: `pointsUnits` point units for `partnerUnits` partner units.
 *
 * @example
 * ```ts
 * const block: ConversionBlock = { pointsUnits: 1000, partnerUnits: '100' };
 * ```
 */
export interface ConversionBlock {
  /** Point units per block. */
  readonly pointsUnits: number;
  /** Partner units per block (decimal string). */
  readonly partnerUnits: string;
}

/**
 * Compiled per-lot expiry: none, after a period (`months` + `days`, rounded to the end of `roundTo`), or on the
 * first of fixed month-days at least `minDays` days after the lot starts.
 *
 * @example
 * ```ts
 * const expiry: CompiledLotExpiry = { kind: 'after', months: 12, days: 0, roundTo: 'month' };
 * ```
 */
export type CompiledLotExpiry = NoLotExpiry | LotExpiryAfter | LotExpiryOnDates;

/**
 * Lots never expire.
 *
 * @example
 * ```ts
 * const expiry: NoLotExpiry = { kind: 'none' };
 * ```
 */
export interface NoLotExpiry {
  /** The rule kind. */
  readonly kind: 'none';
}

/**
 * Lots expire a period after they start, rounded up to the end of a day / month / quarter / year.
 *
 * @example
 * ```ts
 * const expiry: LotExpiryAfter = { kind: 'after', months: 12, days: 0, roundTo: 'month' };
 * ```
 */
export interface LotExpiryAfter {
  /** The rule kind. */
  readonly kind: 'after';
  /** Months after the start. */
  readonly months: number;
  /** Days after the start (added to the months). */
  readonly days: number;
  /** Rounded to the end of this period. */
  readonly roundTo: 'day' | 'month' | 'quarter' | 'year';
}

/**
 * Lots expire at the end of the first listed month-day at least `minDays` days after they start.
 *
 * @example
 * ```ts
 * const expiry: LotExpiryOnDates = { kind: 'fixed-date', dates: ['12-31'], minDays: 90 };
 * ```
 */
export interface LotExpiryOnDates {
  /** The rule kind. */
  readonly kind: 'fixed-date';
  /** Month-days `MM-DD`. */
  readonly dates: readonly string[];
  /** Fewest days between the start and the expiry. */
  readonly minDays: number;
}

/**
 * Compiled pay-with-points settings.
 *
 * @example
 * ```ts
 * program.payWithPoints?.pointsPerUnitText //=> '100'
 * ```
 */
export interface CompiledPayWithPoints {
  /** Points per currency unit. */
  readonly pointsPerUnit: Ratio;
  /** Points per currency unit, as written. */
  readonly pointsPerUnitText: string;
  /** Smallest share of the order. */
  readonly minShare: Ratio;
  /** Largest share of the order. */
  readonly maxShare: Ratio;
  /** Fewest point units per payment. */
  readonly minPointsUnits: number;
}

/**
 * Compiled transfer policy.
 *
 * @example
 * ```ts
 * program.transfers.enabled //=> true
 * ```
 */
export interface CompiledTransfers {
  /** Whether members may transfer points. */
  readonly enabled: boolean;
  /** Fewest point units per transfer. */
  readonly minUnits: number;
  /** Most point units per transfer. */
  readonly maxUnits: number | undefined;
}

/**
 * A validated, compiled loyalty programme: the handle every engine function takes. Parse once with
 * {@link parseProgram} and reuse it (compiling is the slow part; evaluation never re-validates). `definition` is
 * the normalised JSON; the other fields are derived and should be treated as read-only.
 *
 * @example
 * ```ts
 * const program = E.getOrElseW(() => { throw new Error('bad programme'); })(parseProgram(json));
 * program.decimals //=> 0
 * ```
 */
export interface Program {
  /** The definition as decoded. */
  readonly definition: ProgramDefinition;
  /** Id. */
  readonly id: string;
  /** The programme revision. */
  readonly version: number;
  /** ISO 4217 currency. */
  readonly currency: string;
  /** Decimal places of the currency. */
  readonly currencyExponent: number;
  /** Decimal places of points. */
  readonly decimals: number;
  /** The time zone. */
  readonly zone: Zone;
  /** When it takes effect. */
  readonly effectiveFrom: number;
  /** When earning ends. */
  readonly effectiveTo: number | undefined;
  /** Currency value of one point, exact. */
  readonly pointValue: Ratio;
  /** Currency value of one point, as written. */
  readonly pointValueText: string;
  /** Rounding mode. */
  readonly roundingMode: RoundingMode;
  /** Rounding scope. */
  readonly roundingScope: 'line' | 'order';
  /** Points locked until they unlock. */
  readonly pending: {
    /** Pending mode. */
    readonly mode: 'none' | 'return-window' | 'host';
    /** Return window in days (0 unless `return-window`). */
    readonly days: number;
    /** Expiry counted from activation or earning. */
    readonly expiryFrom: 'activation' | 'earning';
  };
  /** Per-lot expiry. */
  readonly lotExpiry: CompiledLotExpiry;
  /** Months of inactivity after which every point expires. */
  readonly inactivityMonths: number | undefined;
  /** Which lots spending consumes first. */
  readonly spendOrder: 'soonest-expiring' | 'fifo';
  /** What a clawback may do to the balance. */
  readonly negativeBalance: 'pending-only' | 'within-balance' | 'allow-negative';
  /** Caps that applied. */
  readonly caps: {
    /** Most point units per event. */
    readonly perTransaction?: number;
    /** Most point units per member per day. */
    readonly perMemberPerDay?: number;
    /** Most point units per member per month. */
    readonly perMemberPerMonth?: number;
    /** Most point units per member per year. */
    readonly perMemberPerYear?: number;
  };
  /** Every rule. */
  readonly rules: readonly CompiledRule[];
  /** Rules by id. */
  readonly ruleById: ReadonlyMap<string, CompiledRule>;
  /** Every campaign. */
  readonly campaigns: readonly CompiledCampaign[];
  /** Campaigns by id. */
  readonly campaignById: ReadonlyMap<string, CompiledCampaign>;
  /** Tiers. */
  readonly tiers: CompiledTiers | undefined;
  /** Balance needed before redeeming, in point units. */
  readonly minBalanceUnits: number;
  /** Hold lifetime in minutes. */
  readonly holdMinutes: number;
  /** Rewards by id. */
  readonly rewards: Readonly<Record<string, CompiledReward>>;
  /** Paying with points, when enabled. */
  readonly payWithPoints: CompiledPayWithPoints | undefined;
  /** Transfer policy. */
  readonly transfers: CompiledTransfers;
  /** Partners by id. */
  readonly partners: Readonly<Record<string, CompiledPartner>>;
  /**
   * Memos of calendar computations, an internal cache bounded in size: lot expiry and tier review by local day,
   * the next birthday window by birth date and day.
   */
  readonly calendarMemo: {
    /** Lot expiry by local day. */
    readonly expiry: Map<number, number | null>;
    /** Tier review by local day. */
    readonly review: Map<number, number | null>;
    /** Next birthday window by birth date and day. */
    readonly birthday: Map<string, number | null>;
  };
}

const DEFAULT_BASE: EarningBaseDefinition = {};

function resolveBase(
  program: EarningBaseDefinition | undefined,
  rule: EarningBaseDefinition | undefined,
): ResolvedEarningBase {
  const merged = { ...DEFAULT_BASE, ...program, ...rule };
  return {
    discounts: merged.discounts ?? 'after',
    tax: merged.tax ?? 'exclude',
    shipping: merged.shipping ?? 'exclude',
    pointsPaid: merged.pointsPaid ?? 'exclude',
    excludeSkus: new Set(merged.excludeSkus ?? []),
    excludeCategories: new Set(merged.excludeCategories ?? []),
  };
}

function listText(values: readonly string[] | undefined): string {
  if (values === undefined) return '';
  return `${values.slice(0, 5).join(', ')}${values.length > 5 ? ` … (${values.length} in all)` : ''}`;
}

function describeRule(rule: EarningRuleDefinition, currency: string): string {
  switch (rule.kind) {
    case 'spend':
      return rule.mode === 'steps'
        ? `${rule.points} points per whole ${rule.per ?? '1'} ${currency}`
        : `${rule.points} points per ${rule.per ?? '1'} ${currency}`;
    case 'multiplier':
    case 'product-bonus': {
      const parts: string[] = [];
      if (rule.skus !== undefined) parts.push(`SKUs ${listText(rule.skus)}`);
      if (rule.categories !== undefined) parts.push(`categories ${listText(rule.categories)}`);
      const target = parts.length === 0 ? 'every line' : parts.join(' and ');
      return rule.kind === 'multiplier'
        ? `× ${rule.factor} on ${target}`
        : `${rule.points} points per ${rule.perUnit === false ? 'line' : 'unit'} of ${target}`;
    }
    case 'referral':
      return `${rule.refereePoints} points to the referee and ${rule.referrerPoints} to the referrer on the first qualifying purchase`;
    case 'custom':
      return `${rule.points} points per ${rule.eventName} event`;
    case 'streak':
      return `${rule.points} points for ${rule.purchases} purchases within ${rule.withinDays} days`;
    case 'birthday':
      return `${rule.points} points in the birthday window`;
    default:
      return `${rule.points} points per ${rule.kind} event`;
  }
}

function ratio(text: string): Ratio {
  const r = ratioFromDecimal(text);
  if (r === undefined) throw new RangeError(`[clientele] decoded decimal is not plain: ${text}`);
  return r;
}

function checkUnique(ids: readonly string[], path: string, issues: ValidationIssue[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      issues.push(makeIssue(joinPath(joinPath(path, i), 'id'), 'an id not used before in this list', id));
    seen.add(id);
  });
}

/**
 * Decodes, validates and compiles a loyalty programme. Returns every problem found, each with its path
 * (`program.rules[2].condition.all[0].channel`), or the compiled {@link Program}.
 *
 * Structural problems (types, unknown fields, malformed decimals or dates) come from the codecs; the cross-field
 * checks then cover: a valid time zone; `effectiveFrom` before `effectiveTo`; unique ids of rules, campaigns,
 * tiers, rewards and partners; point amounts representable with `points.decimals` decimals; campaigns with
 * `from` before `to` and `appliesTo` naming spend rules; tiers in strictly ascending threshold order starting at 0
 * (whole numbers for the `orders` basis); tier ids used in conditions and rewards exist; `minShare ≤ maxShare`; a
 * non-zero expiry period.
 *
 * @example
 * ```ts
 * const result = parseProgram({
 *   format: 'clientele.loyalty.program/1', id: 'coffee-club', version: 1, effectiveFrom: '2024-01-01',
 *   timeZone: 'Europe/Paris', currency: 'EUR', rules: [{ id: 'base', kind: 'spend', points: '1' }],
 * });
 * E.isRight(result) //=> true
 * ```
 */
export function parseProgram(input: unknown): E.Either<ValidationIssue[], Program> {
  const decoded = decodeWith(ProgramDefinitionCodec, input, 'program');
  if (E.isLeft(decoded)) return decoded;
  const definition = decoded.right;
  const issues: ValidationIssue[] = [];
  const decimals = definition.points?.decimals ?? 0;
  const exponent = currencyExponent(definition.currency);

  const pointsAt = (text: string | undefined, path: string): number | undefined => {
    if (text === undefined) return undefined;
    const units = parseUnits(text, decimals);
    if (units === undefined) issues.push(makeIssue(path, `points with at most ${decimals} decimal places`, text));
    return units;
  };

  if (!isValidTimeZone(definition.timeZone))
    issues.push(makeIssue('program.timeZone', 'IANA time zone name known to the runtime', definition.timeZone));
  const timeZone = issues.length === 0 ? definition.timeZone : 'UTC';
  const zone = makeZone(timeZone);
  const instant = (value: string | number): number => parseInstant(value, { timeZone })!;
  const effectiveFrom = instant(definition.effectiveFrom);
  const effectiveTo = definition.effectiveTo === undefined ? undefined : instant(definition.effectiveTo);
  if (effectiveTo !== undefined && effectiveTo <= effectiveFrom) {
    issues.push(makeIssue('program.effectiveTo', 'an instant after effectiveFrom', definition.effectiveTo));
  }

  const tierIds = (definition.tiers?.levels ?? []).map((l) => l.id);
  const conditionOptions = { zone, currencyExponent: exponent };
  const compileChecked = (condition: ConditionDefinition | undefined, path: string): CompiledCondition | undefined => {
    if (condition === undefined) return undefined;
    for (const tier of referencedTiers(condition)) {
      if (!tierIds.includes(tier))
        issues.push(makeIssue(path, `tier ids that exist (${tierIds.join(', ') || 'no tiers defined'})`, tier));
    }
    return compileCondition(condition, conditionOptions, path);
  };
  const compileLimit = (limit: LimitDefinition | undefined, path: string): CompiledLimit | undefined => {
    if (limit === undefined) return undefined;
    const maxUnits = pointsAt(limit.maxPoints, joinPath(path, 'maxPoints'));
    if (limit.maxPoints === undefined && limit.maxTimes === undefined)
      issues.push(makeIssue(path, 'maxPoints or maxTimes', limit));
    return {
      period: limit.period,
      ...(maxUnits === undefined ? {} : { maxUnits }),
      ...(limit.maxTimes === undefined ? {} : { maxTimes: limit.maxTimes }),
    };
  };

  checkUnique(
    definition.rules.map((r) => r.id),
    'program.rules',
    issues,
  );
  const minorScale = pow10(exponent);
  const rules: CompiledRule[] = definition.rules.map((rule, i): CompiledRule => {
    const path = `program.rules[${i}]`;
    const common = {
      id: rule.id,
      name: rule.name ?? rule.id,
      description: describeRule(rule, definition.currency),
      condition: compileChecked(rule.condition, joinPath(path, 'condition')),
      limit: compileLimit(rule.limit, joinPath(path, 'limit')),
      definition: rule,
    };
    switch (rule.kind) {
      case 'spend': {
        const per = ratio(rule.per ?? '1');
        const points = ratio(rule.points);
        // points per minor unit = points / (per × 10^exponent)
        const perMinor = ratioMul(per, ratioOfInteger(minorScale));
        const ratePerMinor: Ratio = ratioDiv(points, perMinor);
        const steps =
          rule.mode === 'steps'
            ? { perMinor, pointsUnits: pointsAt(rule.points, joinPath(path, 'points')) ?? 0 }
            : undefined;
        return { ...common, kind: 'spend', ratePerMinor, steps, base: resolveBase(definition.earningBase, rule.base) };
      }
      case 'multiplier':
        return {
          ...common,
          kind: 'multiplier',
          factor: ratio(rule.factor),
          skus: rule.skus === undefined ? undefined : new Set(rule.skus),
          categories: rule.categories === undefined ? undefined : new Set(rule.categories),
        };
      case 'product-bonus':
        return {
          ...common,
          kind: 'product-bonus',
          points: ratio(rule.points),
          skus: rule.skus === undefined ? undefined : new Set(rule.skus),
          categories: rule.categories === undefined ? undefined : new Set(rule.categories),
          perUnit: rule.perUnit ?? true,
        };
      case 'referral':
        return {
          ...common,
          kind: 'referral',
          referrerUnits: pointsAt(rule.referrerPoints, joinPath(path, 'referrerPoints')) ?? 0,
          refereeUnits: pointsAt(rule.refereePoints, joinPath(path, 'refereePoints')) ?? 0,
        };
      case 'custom':
        return {
          ...common,
          kind: 'custom',
          pointsUnits: pointsAt(rule.points, joinPath(path, 'points')) ?? 0,
          eventName: rule.eventName,
        };
      case 'streak':
        return {
          ...common,
          kind: 'streak',
          pointsUnits: pointsAt(rule.points, joinPath(path, 'points')) ?? 0,
          purchases: rule.purchases,
          withinDays: rule.withinDays,
        };
      case 'birthday':
        return {
          ...common,
          kind: 'birthday',
          pointsUnits: pointsAt(rule.points, joinPath(path, 'points')) ?? 0,
          daysBefore: rule.daysBefore ?? 0,
          daysAfter: rule.daysAfter ?? 6,
        };
      default:
        return { ...common, kind: rule.kind, pointsUnits: pointsAt(rule.points, joinPath(path, 'points')) ?? 0 };
    }
  });

  const spendRuleIds = new Set(rules.filter((r) => r.kind === 'spend').map((r) => r.id));
  const campaignDefs = definition.campaigns ?? [];
  checkUnique(
    campaignDefs.map((c) => c.id),
    'program.campaigns',
    issues,
  );
  const campaigns: CompiledCampaign[] = campaignDefs.map((campaign, i) => {
    const path = `program.campaigns[${i}]`;
    const from = instant(campaign.from);
    const to = instant(campaign.to);
    if (to <= from) issues.push(makeIssue(joinPath(path, 'to'), 'an instant after from', campaign.to));
    (campaign.appliesTo ?? []).forEach((id, j) => {
      if (!spendRuleIds.has(id)) issues.push(makeIssue(`${path}.appliesTo[${j}]`, 'the id of a spend rule', id));
    });
    if (campaign.effect.kind === 'bonus' && campaign.appliesTo !== undefined) {
      issues.push(
        makeIssue(
          joinPath(path, 'appliesTo'),
          'no appliesTo on a bonus campaign (bonuses are per purchase)',
          campaign.appliesTo,
        ),
      );
    }
    return {
      id: campaign.id,
      name: campaign.name ?? campaign.id,
      from,
      to,
      condition: compileChecked(campaign.condition, joinPath(path, 'condition')),
      stacking: campaign.stacking ?? 'additive',
      priority: campaign.priority ?? 0,
      appliesTo: campaign.appliesTo === undefined ? undefined : new Set(campaign.appliesTo),
      budgetUnits: pointsAt(campaign.budget, joinPath(path, 'budget')),
      limit: compileLimit(campaign.limit, joinPath(path, 'limit')),
      multiplier: campaign.effect.kind === 'multiplier' ? ratio(campaign.effect.factor) : undefined,
      factorText: campaign.effect.kind === 'multiplier' ? campaign.effect.factor : undefined,
      bonusUnits:
        campaign.effect.kind === 'bonus'
          ? pointsAt(campaign.effect.points, joinPath(path, 'effect.points'))
          : undefined,
      definition: campaign,
    };
  });

  let tiers: CompiledTiers | undefined;
  if (definition.tiers !== undefined) {
    const def = definition.tiers;
    checkUnique(tierIds, 'program.tiers.levels', issues);
    if (def.levels.length === 0) issues.push(makeIssue('program.tiers.levels', 'at least one level', def.levels));
    const levels = def.levels.map((level, i): CompiledTierLevel => {
      const path = `program.tiers.levels[${i}].threshold`;
      let threshold: number | undefined;
      if (def.basis === 'points-earned') threshold = pointsAt(level.threshold, path);
      else if (def.basis === 'spend') {
        threshold = parseUnits(level.threshold, exponent);
        if (threshold === undefined)
          issues.push(makeIssue(path, `an amount with at most ${exponent} decimals`, level.threshold));
      } else {
        threshold = parseUnits(level.threshold, 0);
        if (threshold === undefined) issues.push(makeIssue(path, 'a whole number of orders', level.threshold));
      }
      return {
        id: level.id,
        name: level.name ?? level.id,
        index: i,
        threshold: threshold ?? 0,
        thresholdText: level.threshold,
        multiplier: ratio(level.multiplier ?? '1'),
        multiplierText: level.multiplier ?? '1',
        perks: level.perks ?? [],
      };
    });
    levels.forEach((level, i) => {
      if (i === 0 && level.threshold !== 0)
        issues.push(makeIssue('program.tiers.levels[0].threshold', '0 (the entry tier)', level.thresholdText));
      if (i > 0 && level.threshold <= levels[i - 1]!.threshold) {
        issues.push(
          makeIssue(
            `program.tiers.levels[${i}].threshold`,
            `a threshold above ${levels[i - 1]!.thresholdText} (levels ascend)`,
            level.thresholdText,
          ),
        );
      }
    });
    tiers = {
      basis: def.basis,
      window: def.window,
      downgradeMode: def.downgrade?.mode ?? 'one-step',
      graceDays: def.downgrade?.graceDays ?? 0,
      levels,
    };
  }

  const redemption = definition.redemption ?? {};
  const rewardDefs = redemption.rewards ?? [];
  checkUnique(
    rewardDefs.map((r) => r.id),
    'program.redemption.rewards',
    issues,
  );
  const rewards: Record<string, CompiledReward> = {};
  rewardDefs.forEach((reward, i) => {
    const path = `program.redemption.rewards[${i}]`;
    let minTierIndex: number | undefined;
    if (reward.minTier !== undefined) {
      minTierIndex = tierIds.indexOf(reward.minTier);
      if (minTierIndex < 0) {
        issues.push(
          makeIssue(
            joinPath(path, 'minTier'),
            `a tier id (${tierIds.join(', ') || 'no tiers defined'})`,
            reward.minTier,
          ),
        );
        minTierIndex = undefined;
      }
    }
    rewards[reward.id] = {
      id: reward.id,
      name: reward.name ?? reward.id,
      costUnits: pointsAt(reward.cost, joinPath(path, 'cost')) ?? 0,
      stock: reward.stock,
      perMemberLimit:
        reward.perMemberLimit === undefined
          ? undefined
          : { maxTimes: reward.perMemberLimit.maxTimes, period: reward.perMemberLimit.period ?? 'lifetime' },
      minTierIndex,
      minTier: reward.minTier,
      value: reward.value,
    };
  });
  let payWithPoints: Program['payWithPoints'];
  if (redemption.payWithPoints !== undefined) {
    const pwp = redemption.payWithPoints;
    const minShare = ratio(pwp.minShare ?? '0');
    const maxShare = ratio(pwp.maxShare ?? '1');
    if (ratioCompare(minShare, maxShare) > 0) {
      issues.push(
        makeIssue(
          'program.redemption.payWithPoints.maxShare',
          `a share ≥ minShare (${pwp.minShare ?? '0'})`,
          pwp.maxShare,
        ),
      );
    }
    payWithPoints = {
      pointsPerUnit: ratio(pwp.pointsPerUnit),
      pointsPerUnitText: pwp.pointsPerUnit,
      minShare,
      maxShare,
      minPointsUnits: pointsAt(pwp.minPoints, 'program.redemption.payWithPoints.minPoints') ?? 0,
    };
  }

  const partnerDefs = definition.partners ?? [];
  checkUnique(
    partnerDefs.map((p) => p.id),
    'program.partners',
    issues,
  );
  const partners: Record<string, CompiledPartner> = {};
  partnerDefs.forEach((partner, i) => {
    const path = `program.partners[${i}]`;
    if (partner.toPartner === undefined && partner.fromPartner === undefined) {
      issues.push(makeIssue(path, 'toPartner or fromPartner', partner));
    }
    const block = (b: { points: string; partnerUnits: string } | undefined, key: string) =>
      b === undefined
        ? undefined
        : { pointsUnits: pointsAt(b.points, `${path}.${key}.points`) ?? 0, partnerUnits: b.partnerUnits };
    partners[partner.id] = {
      id: partner.id,
      name: partner.name ?? partner.id,
      toPartner: block(partner.toPartner, 'toPartner'),
      fromPartner: block(partner.fromPartner, 'fromPartner'),
    };
  });

  const lot = definition.expiry?.lot;
  if (lot?.kind === 'after' && (lot.months ?? 0) === 0 && (lot.days ?? 0) === 0) {
    issues.push(makeIssue('program.expiry.lot', 'months or days greater than 0', lot));
  }
  if (lot?.kind === 'fixed-date' && lot.dates.length === 0)
    issues.push(makeIssue('program.expiry.lot.dates', 'at least one month-day', lot.dates));

  const caps = definition.caps ?? {};
  const capUnits = {
    ...(caps.perTransaction === undefined
      ? {}
      : { perTransaction: pointsAt(caps.perTransaction, 'program.caps.perTransaction') ?? 0 }),
    ...(caps.perMemberPerDay === undefined
      ? {}
      : { perMemberPerDay: pointsAt(caps.perMemberPerDay, 'program.caps.perMemberPerDay') ?? 0 }),
    ...(caps.perMemberPerMonth === undefined
      ? {}
      : { perMemberPerMonth: pointsAt(caps.perMemberPerMonth, 'program.caps.perMemberPerMonth') ?? 0 }),
    ...(caps.perMemberPerYear === undefined
      ? {}
      : { perMemberPerYear: pointsAt(caps.perMemberPerYear, 'program.caps.perMemberPerYear') ?? 0 }),
  };

  const transfersDef = definition.transfers;
  const transfers = {
    enabled: transfersDef?.enabled ?? false,
    minUnits: pointsAt(transfersDef?.minPoints, 'program.transfers.minPoints') ?? 0,
    maxUnits: pointsAt(transfersDef?.maxPoints, 'program.transfers.maxPoints'),
  };
  const minBalanceUnits = pointsAt(redemption.minBalance, 'program.redemption.minBalance') ?? 0;

  if (issues.length > 0) return E.left(issues);
  const pending = definition.pending ?? { mode: 'none' as const };
  const pointValueText = definition.points?.value ?? '0.01';
  return E.right({
    definition,
    id: definition.id,
    version: definition.version,
    currency: definition.currency,
    currencyExponent: exponent,
    decimals,
    zone,
    effectiveFrom,
    effectiveTo,
    pointValue: ratio(pointValueText),
    pointValueText,
    roundingMode: definition.rounding?.mode ?? 'floor',
    roundingScope: definition.rounding?.scope ?? 'order',
    pending: {
      mode: pending.mode,
      days: pending.mode === 'return-window' ? pending.days : 0,
      expiryFrom: pending.mode === 'none' ? 'activation' : (pending.expiryFrom ?? 'activation'),
    },
    lotExpiry:
      lot === undefined
        ? { kind: 'none' }
        : lot.kind === 'after'
          ? { kind: 'after', months: lot.months ?? 0, days: lot.days ?? 0, roundTo: lot.roundTo ?? 'day' }
          : { kind: 'fixed-date', dates: lot.dates, minDays: lot.minDays ?? 0 },
    inactivityMonths: definition.expiry?.inactivityMonths,
    spendOrder: definition.expiry?.spendOrder ?? 'soonest-expiring',
    negativeBalance: definition.negativeBalance ?? 'within-balance',
    caps: capUnits,
    rules,
    ruleById: new Map(rules.map((r) => [r.id, r])),
    campaigns,
    campaignById: new Map(campaigns.map((c) => [c.id, c])),
    tiers,
    minBalanceUnits,
    holdMinutes: redemption.holdMinutes ?? 15,
    rewards,
    payWithPoints,
    transfers,
    partners,
    calendarMemo: { expiry: new Map(), review: new Map(), birthday: new Map() },
  });
}
