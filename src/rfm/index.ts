/**
 * `clientele/rfm`: RFM and value segmentation — per-customer summaries (records or columnar, mergeable across
 * shards), scoring with explicit tie policies and breakpoints, segment maps as validated data (the complete 125-cell
 * default), segment summaries, value tiers, migration between snapshots, RFE / LRFM / weighted variants, k-means
 * clustering and grouped summaries by profile attribute.
 *
 * @module
 */
export { analyze } from './analyze.js';
export type {
  AnalyzeOptions,
  RfmAnalysisBase,
  RfmAnalysisColumns,
  RfmAnalysisOfColumns,
  RfmAnalysisOfRecords,
  RfmCustomerResult,
} from './analyze.js';
export { binOf, scoreCustomer } from './breakpoints.js';
export type { DimensionBreakpoints, RfmBreakpoints, ScoringMethod, TiePolicy } from './breakpoints.js';
export { cellCode, cellIndex, cellScores, compileSegmentMap } from './compile-map.js';
export type { CompiledSegmentMap } from './compile-map.js';
export { DEFAULT_SEGMENT_MAP, RF_GRID_SEGMENT_MAP } from './default-maps.js';
export { summarizeEngagement } from './engagement.js';
export type { EngagementOptions, EngagementSummary } from './engagement.js';
export { explainCustomer } from './explain.js';
export type { CustomerExplanation, DimensionExplanation, ExplanationRule } from './explain.js';
export { segmentSummaryBy } from './grouped.js';
export type {
  AgeBandGrouping,
  AttributeGrouping,
  GroupBy,
  GroupedSegmentRow,
  GroupedSegmentSummary,
  GroupedSummaryOptions,
  GroupSegmentShare,
  ProfileField,
} from './grouped.js';
export { chooseClusterCount, kmeans } from './kmeans.js';
export type {
  ChooseClusterCountOptions,
  ClusterCountCandidate,
  ClusterCountChoice,
  ClusterDimension,
  RfmCluster,
  RfmFeatureTransform,
  RfmKMeans,
  RfmKMeansOptions,
} from './kmeans.js';
export { kmeansPoints } from './kmeans-points.js';
export type { KMeansOptions, KMeansResult } from './kmeans-points.js';
export { mergeSummaries } from './merge.js';
export { migration } from './migration.js';
export type { MigrationFlow, MigrationLabel, SegmentMigration } from './migration.js';
export { customerRow, customerRows } from './rows.js';
export type { CustomerRfm } from './rows.js';
export { score } from './score.js';
export type { RfmScoring, ScoreOptions } from './score.js';
export { decodeBreakpoints, decodeScoreOptions } from './scoring-codecs.js';
export { segment } from './segment.js';
export type { RfmSegmentation, SegmentOptions } from './segment.js';
export { decodeSegmentMap, renameSegments } from './segment-map.js';
export type {
  CellSegment,
  CellSegmentMap,
  RangeRule,
  RuleSegmentMap,
  SegmentDefinition,
  SegmentMap,
} from './segment-map.js';
export { segmentSummary } from './segment-summary.js';
export type { SegmentSummary, SegmentSummaryRow } from './segment-summary.js';
export { silhouetteScore } from './silhouette.js';
export type { SilhouetteOptions } from './silhouette.js';
export { isColumnarInput, summarize } from './summarize.js';
export { NO_DAY, RFM_DIMENSIONS } from './types.js';
export type {
  FrequencyBasis,
  MergeRefusal,
  MonetaryBasis,
  RejectReason,
  RfmCustomerColumns,
  RfmDimension,
  RfmMergeState,
  RfmRejections,
  RfmRowCounts,
  RfmSummary,
  RfmTotals,
  RfmWarning,
  RfmWarningCode,
  SummarizeOptions,
} from './types.js';
export { validateSegmentMap } from './validate-map.js';
export type { SegmentMapOverlap, SegmentMapValidation, UnreachableEntry } from './validate-map.js';
export { DEFAULT_VALUE_TIERS, valueTiers } from './value-tiers.js';
export type { CustomerValues, ValueTierDefinition, ValueTierOptions, ValueTierRow, ValueTiers } from './value-tiers.js';
