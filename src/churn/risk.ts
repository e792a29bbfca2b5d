/**
 * `assessRisk`: turns a signal report into a 0-1 risk score per customer with a level, the reasons ordered by
 * their contribution, and a value-weighted priority (risk × value) so that valuable customers at risk come first.
 *
 * @module
 */
import { SIGNAL_CODES, type SignalCode } from './codes.js';
import { DEFAULT_SIGNAL_CONFIG, effectiveWeight, type RiskLevelBounds, type SignalConfig } from './config.js';
import type { SignalReport } from './extract-signals.js';
import { ownValue } from './inputs.js';
import { rankDescending } from './ranking.js';
import type { ReasonParam, SignalSeverity } from './signal.js';
import type { ReasonTemplateId } from './templates.js';

/**
 * A risk level on the 0-1 score.
 *
 * @example
 * ```ts
 * const level: RiskLevel = 'high';
 * ```
 */
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

/**
 * A logistic risk model over signal strengths: score = 1 / (1 + exp(−(intercept + Σ weight × strength))).
 * `default` models come from the configuration's weights; `fitted` ones from {@link fitRiskModel}.
 *
 * @example
 * ```ts
 * const model: RiskModel = { source: 'default', intercept: -3, weights: { ...defaultRiskModel().weights, 'recency-overdue': 2.5 } };
 * ```
 */
export interface RiskModel {
  /** `default` (configuration weights) or `fitted` (by {@link fitRiskModel}). */
  readonly source: 'default' | 'fitted';
  /** Log-odds of a customer without any signal. */
  readonly intercept: number;
  /** Log-odds per unit strength, one per signal code. */
  readonly weights: Readonly<Record<SignalCode, number>>;
}

/**
 * The uncalibrated model of a configuration: its intercept and each signal's weight in effect (0 when disabled,
 * 0 for the signals a purchase model supersedes when `withModel`).
 *
 * @example
 * ```ts
 * defaultRiskModel().intercept //=> -3
 * defaultRiskModel().weights['recency-overdue'] //=> 2.2
 * defaultRiskModel(DEFAULT_SIGNAL_CONFIG, { withModel: true }).weights['recency-overdue'] //=> 0
 * ```
 */
export function defaultRiskModel(config?: SignalConfig, options: { readonly withModel?: boolean } = {}): RiskModel {
  const c = config ?? DEFAULT_SIGNAL_CONFIG;
  const weights = {} as Record<SignalCode, number>;
  for (const code of SIGNAL_CODES) weights[code] = effectiveWeight(c, code, options.withModel ?? false);
  return { source: 'default', intercept: c.risk.intercept, weights };
}

/**
 * The uncalibrated model that applies to a signal report (its configuration, with or without a purchase model).
 *
 * @example
 * ```ts
 * reportRiskModel(extractSignals(data, { asOf: '2024-07-01' })).source //=> 'default'
 * ```
 */
export function reportRiskModel(report: SignalReport): RiskModel {
  return defaultRiskModel(report.config, { withModel: report.modelHorizonDays !== null });
}

/**
 * One reason behind a customer's risk: a reported signal with its contribution under the model used. Under the
 * configuration's own (uncalibrated) model the reasons are the report's {@link Signal} objects themselves, which
 * have these fields.
 *
 * @example
 * ```ts
 * const reason: RiskReason = { code: 'loyalty-tier-downgrade', severity: 'critical', contribution: 0.3, reasonId: 'loyalty-tier-downgrade', params: { daysToTierDowngrade: 5 } };
 * ```
 */
export interface RiskReason {
  /** The signal. */
  readonly code: SignalCode;
  /** Its severity. */
  readonly severity: SignalSeverity;
  /** Log-odds this signal adds under the model (its share: contribution ÷ the assessment's `positiveContribution`). */
  readonly contribution: number;
  /** The signal's reason sentence id (render with `renderReason(reason)`). */
  readonly reasonId: ReasonTemplateId;
  /** The parameters of the reason sentence. */
  readonly params: Readonly<Record<string, ReasonParam>>;
}

/**
 * The risk of one customer.
 *
 * @example
 * ```ts
 * const a: RiskAssessment = { customerId: 'c1', score: 0.82, level: 'critical', reasons: [], positiveContribution: 2.1, otherContribution: 0.1, value: 1200, priority: 984 };
 * ```
 */
export interface RiskAssessment {
  /** The customer. */
  readonly customerId: string;
  /** Risk score 0-1. */
  readonly score: number;
  /** The score's level. */
  readonly level: RiskLevel;
  /** Reported signals with a positive contribution, largest first. */
  readonly reasons: readonly RiskReason[];
  /** Σ of all positive contributions (log-odds), reported or not. */
  readonly positiveContribution: number;
  /** Positive log-odds from signals below their reporting threshold (not listed as reasons). */
  readonly otherContribution: number;
  /** The customer's value (from `values`), `null` when none was given. */
  readonly value: number | null;
  /** score × value (score alone without a value): the ranking key. */
  readonly priority: number;
}

/**
 * Options of {@link assessRisk}.
 *
 * @example
 * ```ts
 * const options: AssessRiskOptions = { values: 'spend-last-year' };
 * ```
 */
export interface AssessRiskOptions {
  /** The model (default: the report's uncalibrated model, see {@link reportRiskModel}). */
  readonly model?: RiskModel;
  /**
   * Value per customer id (CLV, RFM monetary, margin...), or `'spend-last-year'` to use the report's trailing net
   * spend. Without values the priority is the score itself. Negative values count as 0.
   */
  readonly values?: Readonly<Record<string, number>> | 'spend-last-year';
  /** Lower bounds of the levels (default: the report configuration's `risk.levels`). */
  readonly levels?: RiskLevelBounds;
}

/**
 * The result of {@link assessRisk}.
 *
 * @example
 * ```ts
 * const result = assessRisk(report, { values: clvByCustomer });
 * result.customers[0]; // the highest priority (risk × value)
 * ```
 */
export interface RiskResult {
  /** The model that produced the scores. */
  readonly model: RiskModel;
  /** Ordered by priority (descending), then score (descending), then customer id. */
  readonly customers: readonly RiskAssessment[];
  /** Customers per level. */
  readonly levelCounts: Readonly<Record<RiskLevel, number>>;
  /** Σ score × value over customers with a value (expected value lost if nothing is done). */
  readonly valueAtRisk: number;
}

/** The shared empty reason list of customers without reasons. */
const NO_REASONS: readonly RiskReason[] = Object.freeze([]);

/**
 * The level of a score under level bounds.
 *
 * @example
 * ```ts
 * riskLevel(0.6, { medium: 0.25, high: 0.5, critical: 0.75 }) //=> 'high'
 * ```
 */
export function riskLevel(score: number, levels: RiskLevelBounds): RiskLevel {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.high) return 'high';
  if (score >= levels.medium) return 'medium';
  return 'low';
}

/**
 * The model's linear predictor (log-odds) for every customer of a report, as a typed array.
 *
 * @example
 * ```ts
 * const logits = riskLogits(report, defaultRiskModel(report.config));
 * ```
 */
export function riskLogits(report: SignalReport, model: RiskModel): Float64Array {
  const codes = report.codes;
  const width = codes.length;
  const w = new Float64Array(width);
  for (let c = 0; c < width; c++) w[c] = model.weights[codes[c]!];
  const n = report.customers.length;
  const out = new Float64Array(n);
  const s = report.strengths;
  for (let i = 0; i < n; i++) {
    let z = model.intercept;
    const base = i * width;
    for (let c = 0; c < width; c++) z += w[c]! * s[base + c]!;
    out[i] = z;
  }
  return out;
}

/**
 * The logistic function 1 / (1 + e^−z), stable for large |z|.
 *
 * @example
 * ```ts
 * logistic(0) //=> 0.5
 * ```
 */
export function logistic(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Scores every customer of a signal report: a 0-1 risk score, its level, the reported signals as reasons ordered
 * by contribution (log-odds under the model), and a priority = score × value. The default model is the
 * configuration's uncalibrated one; pass `fitRiskModel(...).model` for the calibrated score.
 *
 * @example
 * ```ts
 * const report = extractSignals({ columns }, { asOf: '2024-07-01' });
 * const risk = assessRisk(report, { values: clvByCustomer });
 * risk.customers.slice(0, 10).map((c) => [c.customerId, c.level, c.reasons[0]?.code]);
 * ```
 */
export function assessRisk(report: SignalReport, options: AssessRiskOptions = {}): RiskResult {
  const config = report.config;
  const model = options.model ?? reportRiskModel(report);
  const levels = options.levels ?? config.risk.levels;
  const logits = riskLogits(report, model);
  const n = report.customers.length;
  const width = report.codes.length;
  const weights = model.weights;
  const w = new Float64Array(width);
  // Under the configuration's own weights the report's signals already carry the contributions: reuse them.
  let sameWeights = true;
  for (let c = 0; c < width; c++) {
    const code = report.codes[c]!;
    w[c] = weights[code];
    if (w[c] !== effectiveWeight(config, code, report.modelHorizonDays !== null)) sameWeights = false;
  }
  const values = options.values;
  const scores = new Float64Array(n);
  const priorities = new Float64Array(n);
  const assessments = new Array<RiskAssessment>(n);
  const counts: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  let valueAtRisk = 0;
  const s = report.strengths;
  for (let i = 0; i < n; i++) {
    const row = report.customers[i]!;
    const score = logistic(logits[i]!);
    let positive = 0;
    const base = i * width;
    for (let c = 0; c < width; c++) {
      const contribution = w[c]! * s[base + c]!;
      if (contribution > 0) positive += contribution;
    }
    const signals = row.signals;
    let reasons: readonly RiskReason[] = NO_REASONS;
    let listed = 0;
    if (signals.length > 0) {
      if (sameWeights) {
        let allPositive = true;
        for (const signal of signals) {
          if (signal.contribution > 0) listed += signal.contribution;
          else allPositive = false;
        }
        reasons = allPositive ? signals : signals.filter((signal) => signal.contribution > 0);
      } else {
        const list: RiskReason[] = [];
        for (const signal of signals) {
          const contribution = weights[signal.code] * signal.strength;
          if (!(contribution > 0)) continue;
          listed += contribution;
          list.push({ code: signal.code, severity: signal.severity, contribution, reasonId: signal.reasonId, params: signal.params });
        }
        if (list.length > 1) list.sort((a, b) => b.contribution - a.contribution);
        reasons = list;
      }
    }
    let value: number | null = null;
    if (values === 'spend-last-year') value = Math.max(0, row.spendLastYear);
    else if (values !== undefined) {
      const v = ownValue(values, row.customerId);
      if (v !== undefined && Number.isFinite(v)) value = Math.max(0, v);
    }
    const priority = value === null ? score : score * value;
    if (value !== null) valueAtRisk += priority;
    const level = riskLevel(score, levels);
    counts[level]++;
    scores[i] = score;
    priorities[i] = priority;
    assessments[i] = {
      customerId: row.customerId,
      score,
      level,
      reasons,
      positiveContribution: positive,
      otherContribution: Math.max(0, positive - listed),
      value,
      priority,
    };
  }
  const order = rankDescending(priorities, values === undefined ? undefined : scores);
  const customers = new Array<RiskAssessment>(n);
  for (let i = 0; i < n; i++) customers[i] = assessments[order[i]!]!;
  return { model, customers, levelCounts: counts, valueAtRisk };
}
