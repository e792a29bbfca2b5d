/**
 * `clientele/loyalty`: a loyalty programme engine as pure functions over a ledger — programme as validated JSON,
 * earning rules and campaigns with caps and exact rounding, pending points, expiry, tiers, redemption, holds,
 * transfers, partner conversion, an order life cycle with proportional clawback, idempotent evaluation, and the
 * programme's economics (liability with breakage, simulation, comparison of versions).
 *
 * @module
 */
export type * from './program-types.js';
export * from './program-definition.js';
export type {
  AllCondition,
  AnyCondition,
  BetweenCondition,
  ChannelCondition,
  ComparisonCondition,
  ComparisonOperator,
  CompiledCondition,
  ConditionContext,
  ConditionDefinition,
  ConditionField,
  ConditionLimits,
  ConditionScalar,
  DateWindow,
  DateWindowCondition,
  DaysOfWeekCondition,
  HourRange,
  HoursCondition,
  InCondition,
  MinBasketCondition,
  NotCondition,
  NotInCondition,
  SegmentCondition,
  TierCondition,
} from './condition.js';
export { CONDITION_LIMITS, ConditionCodec } from './condition.js';
export { parseProgram } from './program.js';
export type {
  Program,
  CompiledRule,
  CompiledRuleBase,
  CompiledSpendRule,
  SpendSteps,
  CompiledMultiplierRule,
  CompiledProductBonusRule,
  CompiledFixedRule,
  CompiledReferralRule,
  RewardLimit,
  ConversionBlock,
  CompiledLotExpiry,
  NoLotExpiry,
  LotExpiryAfter,
  LotExpiryOnDates,
  CompiledPayWithPoints,
  CompiledTransfers,
  CompiledCampaign,
  CompiledTiers,
  CompiledTierLevel,
  CompiledReward,
  CompiledPartner,
  CompiledLimit,
  ResolvedEarningBase,
} from './program.js';
export type { Zone } from './calendar.js';
export type { Int, Ratio } from './units.js';
export * from './events.js';
export * from './account.js';
export { apply, earliestDue } from './apply.js';
export type * from './evaluation-types.js';
export { evaluate } from './evaluate.js';
export type { EvaluateOptions } from './evaluate.js';
export * from './operations.js';
export * from './replay.js';
export * from './balance.js';
export { tierAsOf, tierStatus } from './tiers.js';
export type {
  CurrentTier,
  NextTier,
  TierKeep,
  TierStatus,
  TierStatusOptions,
  TierSummary,
  TierWindowDates,
} from './tiers.js';
export * from './serialize.js';
export * from './economics.js';
export * from './simulate.js';
export { EXAMPLE_PROGRAM } from './example-program.js';
