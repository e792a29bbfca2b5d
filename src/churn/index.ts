/**
 * `clientele/churn`: churn early warning — signals with reasons per customer, a risk score with levels and
 * value-weighted priority, calibration by logistic regression, churn-reason mix, playbook actions, win-back
 * evaluation, cohort retention, Kaplan–Meier survival with the log-rank test, and a KPI monitor.
 *
 * @module
 */
export { SIGNAL_CODES, SIGNAL_FAMILIES, isSignalCode, type SignalCode, type SignalFamily } from './codes.js';
export {
  DEFAULT_SIGNAL_CONFIG,
  decodeSignalConfig,
  effectiveWeight,
  type SignalConfig,
  type RiskLevelBounds,
  type SignalConfigOverrides,
  type SignalRule,
} from './config.js';
export type {
  BgNbdModelInput,
  BgNbdParams,
  BtydSummary,
  ChurnData,
  ColumnarEvents,
  CustomerModelValues,
  LoyaltyState,
  ModelInput,
  PerCustomerModelInput,
} from './inputs.js';
export type { ReasonParam, Signal, SignalSeverity } from './signal.js';
export { REASON_TEMPLATES, renderReason, type ReasonTemplateId, type SignalReason } from './templates.js';
export {
  extractSignals,
  type CustomerSignals,
  type ExtractSignalsOptions,
  type RecordUsage,
  type SignalReport,
} from './extract-signals.js';
export { bgnbdDropoutProbability, bgnbdExpectedPurchases, bgnbdProbabilityAlive } from './bgnbd.js';
export {
  assessRisk,
  defaultRiskModel,
  reportRiskModel,
  riskLevel,
  type AssessRiskOptions,
  type RiskAssessment,
  type RiskLevel,
  type RiskModel,
  type RiskReason,
  type RiskResult,
} from './risk.js';
export {
  fitRiskModel,
  labelLapses,
  type FitRiskModelOptions,
  type FittedRiskModel,
  type HoldoutEvaluation,
  type LabelCounts,
  type LabelLapsesOptions,
  type RiskModelRefusal,
} from './risk-model.js';
export { fitLogisticRegression, type LogisticFit, type LogisticOptions } from './logistic.js';
export { areaUnderRoc, brierScore, calibrationTable, logLoss, precisionAtK, type CalibrationBin, type PrecisionAtK } from './metrics.js';
export {
  DEFAULT_REASON_TAXONOMY,
  decodeReasonTaxonomy,
  reasonOfCategory,
  summarizeChurnReasons,
  type ChurnReasonDefinition,
  type ChurnReasonSummary,
  type ReasonMix,
  type ReasonShare,
  type UnmappedCategory,
  type ReasonTaxonomy,
} from './reasons.js';
export {
  DEFAULT_PLAYBOOK,
  decodePlaybook,
  planActions,
  type ActionKind,
  type ActionPlan,
  type PastAction,
  type PlanActionsOptions,
  type PlannedAction,
  type Playbook,
  type PlaybookCondition,
  type PlaybookRule,
  type SuppressedAction,
} from './playbook.js';
export {
  evaluateWinBack,
  winBackPower,
  winBackSampleSize,
  type EvaluateWinBackOptions,
  type GroupSizes,
  type RequiredSampleSize,
  type SampleSizeOptions,
  type WinBackArm,
  type WinBackEvaluation,
  type WinBackRefusal,
} from './winback.js';
export type { CohortPeriod } from './periods.js';
export {
  cohortRetention,
  type CohortRetentionOptions,
  type CohortRetentionTable,
  type CohortRow,
  type RepeatRate,
  type WindowedRepeatRate,
} from './cohort.js';
export {
  kaplanMeier,
  logRank,
  survivalAt,
  timeToLapse,
  type KaplanMeierCurve,
  type KaplanMeierOptions,
  type KaplanMeierRow,
  type LapseObservation,
  type LogRankResult,
  type SurvivalObservation,
  type TimeToLapseOptions,
} from './survival.js';
export {
  KPI_NAMES,
  monitorKpis,
  type KpiAlert,
  type KpiMonitor,
  type KpiName,
  type KpiPoint,
  type MonitorKpisOptions,
} from './kpi.js';
