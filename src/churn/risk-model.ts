/**
 * Calibration of the risk score: `fitRiskModel` fits the signal weights by L2-regularised logistic regression on
 * labelled history (customers who lapsed within a horizon) with a seeded train / holdout split and reports AUC,
 * precision at k and a calibration table on the holdout. `labelLapses` builds such labels from transactions.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { createRng, toInstant, type ColumnarTransactions, type DateInput, type Transaction } from '../core/index.js';
import { SIGNAL_CODES, type SignalCode } from './codes.js';
import type { SignalReport } from './extract-signals.js';
import { buildPurchaseIndex } from './history.js';
import { ownValue } from './inputs.js';
import { fitLogisticRegression } from './logistic.js';
import { areaUnderRoc, brierScore, calibrationTable, logLoss, precisionAtK, type CalibrationBin, type PrecisionAtK } from './metrics.js';
import { logistic, reportRiskModel, riskLogits, type RiskModel } from './risk.js';

/**
 * Options of {@link fitRiskModel}.
 *
 * @example
 * ```ts
 * const options: FitRiskModelOptions = { seed: 7, holdoutFraction: 0.3, l2: 1 };
 * ```
 */
export interface FitRiskModelOptions {
  /** Seed of the train / holdout split (required: the split is random but reproducible). */
  readonly seed: number | string;
  /** Share of labelled customers held out for evaluation (default 0.3). */
  readonly holdoutFraction?: number;
  /** L2 penalty on the weights (default 1). */
  readonly l2?: number;
  /**
   * What the penalty shrinks the weights toward: `default-weights` (default; the report's uncalibrated weights, so
   * the fit re-weighs the expert defaults where the data says so) or `zero` (plain ridge regression).
   */
  readonly shrinkToward?: 'default-weights' | 'zero';
  /** k values for precision at k on the holdout (default: 1 %, 5 % and 10 % of the holdout, at least 1). */
  readonly precisionAt?: readonly number[];
  /** Calibration bins (default 10). */
  readonly calibrationBins?: number;
  /** Minimum positives and negatives in the training set (default 10 each). */
  readonly minimumPerClass?: number;
}

/**
 * Holdout evaluation of one scoring model.
 *
 * @example
 * ```ts
 * const e: HoldoutEvaluation = { auc: 0.81, precisionAtK: [{ k: 50, truePositives: 31, precision: 0.62 }], calibration: [], brierScore: 0.08, logLoss: 0.27 };
 * ```
 */
export interface HoldoutEvaluation {
  /** ROC AUC of the scores against the labels. */
  readonly auc: number;
  /** Precision among the top k, for each requested k. */
  readonly precisionAtK: readonly PrecisionAtK[];
  /** Deciles of the score: mean predicted vs observed rate. */
  readonly calibration: readonly CalibrationBin[];
  /** Mean squared error of the probabilities. */
  readonly brierScore: number;
  /** Mean cross-entropy of the probabilities. */
  readonly logLoss: number;
}

/**
 * How many labelled customers a set holds and how many of them are positive.
 *
 * @example
 * ```ts
 * const counts: LabelCounts = { customers: 700, positives: 84 };
 * ```
 */
export interface LabelCounts {
  /** Labelled customers. */
  readonly customers: number;
  /** Customers labelled `true` (churned). */
  readonly positives: number;
}

/**
 * A calibrated risk model and its evaluation on the holdout, next to the uncalibrated (default) model's.
 *
 * @example
 * ```ts
 * const fitted = fitRiskModel(report, labels, { seed: 7 });
 * if (fitted._tag === 'Right') assessRisk(report, { model: fitted.right.model });
 * ```
 */
export interface FittedRiskModel {
  /** The fitted model (pass to `assessRisk`). */
  readonly model: RiskModel;
  /** Standard errors of the intercept and weights (penalised Hessian). */
  readonly standardErrors: {
    /** Standard error of the intercept. */
    readonly intercept: number;
    /** Standard error of each weight. */
    readonly weights: Readonly<Record<SignalCode, number>>;
  };
  /** Whether the optimiser converged. */
  readonly converged: boolean;
  /** Optimiser iterations. */
  readonly iterations: number;
  /** The training set. */
  readonly training: LabelCounts;
  /** The holdout set. */
  readonly holdout: LabelCounts;
  /** The fitted model on the holdout. */
  readonly calibrated: HoldoutEvaluation;
  /** The configuration's uncalibrated model on the same holdout. */
  readonly uncalibrated: HoldoutEvaluation;
  /** Labels whose customer is not in the report. */
  readonly unmatchedLabels: number;
}

/**
 * Why a risk model could not be fitted.
 *
 * @example
 * ```ts
 * const refusal: RiskModelRefusal = { code: 'insufficient-labels', message: 'need 10 positives and 10 negatives in training, got 3 and 400' };
 * ```
 */
export interface RiskModelRefusal {
  /** Machine-readable reason. */
  readonly code: 'insufficient-labels' | 'insufficient-holdout' | 'invalid-options';
  /** Human-readable explanation. */
  readonly message: string;
}

function evaluate(scores: Float64Array, labels: Uint8Array, ks: readonly number[], bins: number): HoldoutEvaluation {
  return {
    auc: areaUnderRoc(scores, labels),
    precisionAtK: ks.map((k) => precisionAtK(scores, labels, k)),
    calibration: calibrationTable(scores, labels, { bins }),
    brierScore: brierScore(scores, labels),
    logLoss: logLoss(scores, labels),
  };
}

/**
 * Fits the risk model's weights on labelled history: `labels[customerId] = true` when the customer lapsed within
 * the horizon after the report's `asOf` (see {@link labelLapses}). Customers of the report without a label are
 * left out. The split is seeded and independent of input order (customers are taken in the report's canonical
 * order). Returns a refusal (never throws) when a class is too small to fit or evaluate.
 *
 * @example
 * ```ts
 * const past = extractSignals({ columns }, { asOf: '2024-04-01' });
 * const labels = labelLapses({ columns }, { asOf: '2024-04-01', horizonDays: 90 });
 * const fitted = fitRiskModel(past, labels, { seed: 1 });
 * // fitted.right.calibrated.auc vs fitted.right.uncalibrated.auc
 * ```
 */
export function fitRiskModel(
  report: SignalReport,
  labels: Readonly<Record<string, boolean>>,
  options: FitRiskModelOptions,
): E.Either<RiskModelRefusal, FittedRiskModel> {
  const holdoutFraction = options.holdoutFraction ?? 0.3;
  if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
    return E.left({ code: 'invalid-options', message: `holdoutFraction must lie strictly between 0 and 1, got ${holdoutFraction}` });
  }
  const minimum = options.minimumPerClass ?? 10;
  const width = report.codes.length;
  const rng = createRng(options.seed);
  const train: number[] = [];
  const hold: number[] = [];
  const outcome = new Uint8Array(report.customers.length);
  let matched = 0;
  for (let i = 0; i < report.customers.length; i++) {
    const label = ownValue(labels, report.customers[i]!.customerId);
    if (label === undefined) continue;
    matched++;
    outcome[i] = label ? 1 : 0;
    (rng.uniform() < holdoutFraction ? hold : train).push(i);
  }
  const unmatchedLabels = Object.keys(labels).length - matched;
  const countPositives = (rows: readonly number[]): number => rows.reduce((sum, i) => sum + outcome[i]!, 0);
  const trainPositives = countPositives(train);
  if (trainPositives < minimum || train.length - trainPositives < minimum) {
    return E.left({
      code: 'insufficient-labels',
      message: `need ${minimum} positives and ${minimum} negatives in training, got ${trainPositives} and ${train.length - trainPositives}`,
    });
  }
  const holdPositives = countPositives(hold);
  if (holdPositives === 0 || holdPositives === hold.length) {
    return E.left({ code: 'insufficient-holdout', message: `the holdout needs both classes, got ${holdPositives} positives of ${hold.length}` });
  }
  const x = new Float64Array(train.length * width);
  const y = new Uint8Array(train.length);
  for (let r = 0; r < train.length; r++) {
    const i = train[r]!;
    x.set(report.strengths.subarray(i * width, (i + 1) * width), r * width);
    y[r] = outcome[i]!;
  }
  const uncalibrated = reportRiskModel(report);
  const priorCoefficients = (options.shrinkToward ?? 'default-weights') === 'zero' ? undefined : report.codes.map((code) => uncalibrated.weights[code]);
  const fit = fitLogisticRegression(x, width, y, { l2: options.l2 ?? 1, ...(priorCoefficients === undefined ? {} : { priorCoefficients }) });
  const weights = {} as Record<SignalCode, number>;
  const weightErrors = {} as Record<SignalCode, number>;
  for (const code of SIGNAL_CODES) {
    weights[code] = 0;
    weightErrors[code] = Number.NaN;
  }
  for (let c = 0; c < width; c++) {
    weights[report.codes[c]!] = fit.coefficients[c]!;
    weightErrors[report.codes[c]!] = fit.standardErrors[c + 1]!;
  }
  const model: RiskModel = { source: 'fitted', intercept: fit.intercept, weights };
  const fittedLogits = riskLogits(report, model);
  const defaultLogits = riskLogits(report, uncalibrated);
  const holdLabels = new Uint8Array(hold.length);
  const fittedScores = new Float64Array(hold.length);
  const defaultScores = new Float64Array(hold.length);
  for (let r = 0; r < hold.length; r++) {
    const i = hold[r]!;
    holdLabels[r] = outcome[i]!;
    fittedScores[r] = logistic(fittedLogits[i]!);
    defaultScores[r] = logistic(defaultLogits[i]!);
  }
  const ks = options.precisionAt ?? [0.01, 0.05, 0.1].map((share) => Math.max(1, Math.round(share * hold.length)));
  const bins = options.calibrationBins ?? 10;
  return E.right({
    model,
    standardErrors: { intercept: fit.standardErrors[0]!, weights: weightErrors },
    converged: fit.converged,
    iterations: fit.iterations,
    training: { customers: train.length, positives: trainPositives },
    holdout: { customers: hold.length, positives: holdPositives },
    calibrated: evaluate(fittedScores, holdLabels, ks, bins),
    uncalibrated: evaluate(defaultScores, holdLabels, ks, bins),
    unmatchedLabels,
  });
}

/**
 * Options of {@link labelLapses}.
 *
 * @example
 * ```ts
 * const options: LabelLapsesOptions = { asOf: '2024-04-01', horizonDays: 90, definition: 'no-purchase' };
 * ```
 */
export interface LabelLapsesOptions {
  /** The date the signals were taken at. */
  readonly asOf: DateInput;
  /** The horizon in days from `asOf`. */
  readonly horizonDays: number;
  /**
   * What counts as churned within the horizon:
   * - `no-purchase` (default): no purchase in the `horizonDays` from `asOf` (the customer lapsed);
   * - `final-purchase`: the customer's last purchase falls in the horizon — at least one purchase in it and none in
   *   the `followUpDays` after it (they left during the horizon; already-gone customers are not counted as leaving).
   */
  readonly definition?: 'no-purchase' | 'final-purchase';
  /** Silence after the horizon that confirms a `final-purchase` (default 180 days). */
  readonly followUpDays?: number;
  /** IANA zone for calendar days (default UTC). */
  readonly timeZone?: string;
}

/**
 * Labels for calibration from what happened after `asOf`, for every customer with a purchase before `asOf`:
 * `true` when the customer churned within the horizon under the chosen definition (see
 * {@link LabelLapsesOptions.definition}), `false` otherwise. The data must reach `asOf + horizonDays` (plus
 * `followUpDays` for `final-purchase`).
 *
 * @example
 * ```ts
 * labelLapses({ transactions }, { asOf: '2024-04-01', horizonDays: 90 }) //=> { c1: false, c2: true, ... }
 * labelLapses({ transactions }, { asOf: '2023-10-01', horizonDays: 90, definition: 'final-purchase', followUpDays: 180 });
 * ```
 */
export function labelLapses(
  data: { readonly transactions?: readonly Transaction[]; readonly columns?: ColumnarTransactions },
  options: LabelLapsesOptions,
): Record<string, boolean> {
  const calendar = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const asOfMs = toInstant(options.asOf, calendar);
  const definition = options.definition ?? 'no-purchase';
  const followUp = definition === 'final-purchase' ? (options.followUpDays ?? 180) : 0;
  const horizonEnd = asOfMs + (options.horizonDays + followUp) * 86_400_000;
  const before = buildPurchaseIndex(data, { asOfMs, timeZone: options.timeZone });
  const buyers: string[] = [];
  for (let k = 0; k < before.ids.length; k++) {
    for (let j = before.offsets[k]!; j < before.offsets[k + 1]!; j++) {
      if (before.refund[j] === 0) {
        buyers.push(before.ids[k]!);
        break;
      }
    }
  }
  const through = buildPurchaseIndex(data, { asOfMs: horizonEnd, timeZone: options.timeZone, customerIds: buyers });
  const entries: [string, boolean][] = [];
  const windowEnd = before.endDay + options.horizonDays;
  for (let k = 0; k < through.ids.length; k++) {
    let inWindow = false;
    let afterWindow = false;
    for (let j = through.offsets[k]!; j < through.offsets[k + 1]!; j++) {
      if (through.refund[j] === 1) continue;
      const d = through.day[j]!;
      if (d >= before.endDay && d < windowEnd) inWindow = true;
      else if (d >= windowEnd) afterWindow = true;
    }
    entries.push([through.ids[k]!, definition === 'no-purchase' ? !inWindow : inWindow && !afterWindow]);
  }
  return Object.fromEntries(entries);
}
