/**
 * `clientele/satisfaction`: NPS, CSAT and CES with honest statistics (sample sizes, effective n under weights,
 * intervals, reliability flags), comparisons and trends with significance tests, breakdowns by any attribute,
 * before/after evaluation, key driver analysis, feedback categorisation and complaint handling metrics.
 *
 * @module
 */
export { DEFAULT_MINIMUM_SAMPLE } from './types.js';
export type { CommonScoreOptions, ComparisonResult, MinimumSampleRule, SatisfactionRefusal, ScoreCommon } from './types.js';

export { defaultTopBoxSize, isScalePoint, percentOfMaximum, resolveScale, scaleProblems } from './scales.js';
export type { ResolvedScale, SatisfiedRange, ScaleInput, ScaleProblem, ScaleSpec } from './scales.js';

export { effectiveSampleSize } from './weights.js';

export {
  adjustedWaldNetScore,
  chooseNetScoreMethod,
  DEFAULT_SMALL_SAMPLE_THRESHOLD,
  trinomialVariance,
  waldNetScore,
} from './trinomial.js';
export type { NetScoreEstimate, NetScoreIntervalMethod, NetScoreMethodChoice } from './trinomial.js';

export type { ProportionEstimate } from './proportion.js';
export type { MeanEstimate } from './mean.js';

export { nps, npsFromCounts, npsFromScores } from './nps.js';
export type { NpsBreaks, NpsCounts, NpsOptions, NpsResult } from './nps.js';

export { csat, csatFromScores } from './csat.js';
export type { CsatOptions, CsatResult, CsatScaleUsage } from './csat.js';
export type { ScaleNameSource } from './scale-rows.js';

export { ces, cesFromScores } from './ces.js';
export type { CesAgree, CesConvention, CesIndex, CesOptions, CesResult, CesScaleInfo } from './ces.js';

export { compareMeans, compareNetScores, compareNps, compareProportions } from './compare.js';
export type { CompareNpsOptions, CountSample, MeanSample, NpsSample, NpsShares, ProportionSample, ShareSample } from './compare.js';

export type { CesScoreOptions, CsatScoreOptions, NpsScoreOptions, ScoreOptions, ScoreResult } from './metric.js';

export { trend } from './trend.js';
export type { SuppressedPeriod, TrendOptions, TrendPeriod, TrendResult } from './trend.js';

export { breakdown, groupOf } from './breakdown.js';
export type {
  BreakdownGroup,
  BreakdownOptions,
  BreakdownResult,
  GroupBy,
  GroupByAttribute,
  GroupByField,
  GroupByMap,
  SuppressedGroup,
} from './breakdown.js';

export { beforeAfter } from './before-after.js';
export type { BeforeAfterOptions, BeforeAfterResult, ScoreWindow } from './before-after.js';

export { MAX_SHAPLEY_PREDICTORS, relativeWeights, shapleyDecomposition, standardizedCoefficients } from './relative-importance.js';
export type { RelativeImportance } from './relative-importance.js';

export { keyDrivers } from './drivers.js';
export type {
  AppliedQuadrantThresholds,
  AspectOutcome,
  DriverImportance,
  DriverQuadrant,
  DroppedDriver,
  JohnsonImportance,
  KeyDriverOptions,
  KeyDriversResult,
  MethodAgreement,
  PearsonCorrelation,
  QuadrantThresholds,
  ShapleyImportance,
  SpearmanCorrelation,
} from './drivers.js';

export { compileKeyword, containsKeyword, foldText } from './text.js';
export type { CompiledKeyword } from './text.js';
export { compileTaxonomy, matchCategories } from './taxonomy.js';
export type { CategoryMatch, CompiledCategory, CompiledTaxonomy, FeedbackCategory, KeywordHits, Taxonomy } from './taxonomy.js';

export { categorizeFeedback } from './feedback.js';
export type { CategorizedItem, CategorizeFeedbackOptions, CategoryCount, CategoryTally, FeedbackPeriod, FeedbackResult } from './feedback.js';

export { poissonInterval } from './poisson.js';

export { complaintMetrics } from './complaints.js';
export type {
  Backlog,
  BacklogBucket,
  ComplaintCategorySummary,
  ComplaintMetricsOptions,
  ComplaintMetricsResult,
  ComplaintRate,
  ComplaintSla,
  ComplaintSlaSummaries,
  DurationSummary,
  RateEstimate,
  ReopenSummary,
  SlaSummary,
} from './complaints.js';

export {
  ComplaintSettingsCodec,
  decodeComplaintSettings,
  decodeMinimumSampleRule,
  decodeQuadrantThresholds,
  decodeSatisfactionConfig,
  decodeScale,
  decodeTaxonomy,
  MinimumSampleRuleCodec,
  optionsFromConfig,
  QuadrantThresholdsCodec,
  SatisfactionConfigCodec,
  ScaleCodec,
  TaxonomyCodec,
} from './config.js';
export type { ComplaintSettings, SatisfactionConfig, SatisfactionOptions } from './config.js';
