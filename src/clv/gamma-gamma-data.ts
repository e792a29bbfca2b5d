/**
 * Input of the Gamma-Gamma fit: (x, mean repeat spend) per customer as rows or columns, validated, with customers
 * outside the model (no repeat purchase, non-positive mean spend) counted rather than dropped silently, and the
 * spend–frequency correlation the model assumes to be zero.
 *
 * @module
 */
import { joinPath, makeIssue, type ValidationIssue } from '../core/index.js';
import { hasNumberColumns, isNumberColumn } from './column-input.js';
import { rejectAllRows, screenRows } from './row-screening.js';
import type { TimeUnit } from './units.js';

/**
 * One customer (or `weight` identical customers) for the spend model: `x` repeat purchases with mean value `mean`
 * (the mean of the repeat transactions, the first purchase excluded, as in lifetimes and Fader & Hardie 2013).
 *
 * @example
 * ```ts
 * const row: GammaGammaRow = { x: 2, mean: 22.35 };
 * ```
 */
export interface GammaGammaRow {
  /** Number of repeat purchases (periods with a purchase after the first). */
  readonly x: number;
  /** Mean value of those repeat purchases. */
  readonly mean: number;
  /** Number of customers with this row (default 1). */
  readonly weight?: number | undefined;
}

/**
 * Spend-model data in columns (typed arrays welcome).
 *
 * @example
 * ```ts
 * const columns: GammaGammaColumns = { x: new Float64Array([2, 1, 0]), mean: new Float64Array([22.35, 11.77, 0]) };
 * ```
 */
export interface GammaGammaColumns {
  /** Repeat purchases per customer. */
  readonly x: ArrayLike<number>;
  /** Mean repeat-purchase value per customer. */
  readonly mean: ArrayLike<number>;
  /** Customers per row (default 1). */
  readonly weight?: ArrayLike<number> | undefined;
}

/**
 * The spend columns of a calibration summary in columnar form (`x` and `meanSpend`; other columns are ignored).
 *
 * @example
 * ```ts
 * const columns: CalibrationSpendColumns = { x: Int32Array.from([2, 0]), meanSpend: Float64Array.from([22.35, 0]) };
 * ```
 */
export interface CalibrationSpendColumns {
  /** Repeat purchases per customer. */
  readonly x: ArrayLike<number>;
  /** Mean repeat spend per customer. */
  readonly meanSpend: ArrayLike<number>;
}

/**
 * Everything the Gamma-Gamma fit accepts: rows `{ x, mean }` (or `{ x, meanSpend }`), columns `{ x, mean }`, a
 * calibration summary (its `customers` rows, whose `meanSpend` is used) or the summary's columns (`x`, `meanSpend`).
 *
 * @example
 * ```ts
 * const data: GammaGammaData = [{ x: 2, mean: 22.35 }, { x: 0, mean: 0 }];
 * ```
 */
export type GammaGammaData = readonly GammaGammaRow[] | readonly CalibrationSpendRow[] | GammaGammaColumns | CalibrationSpendColumns | CalibrationSpendSummary;

/**
 * The spend fields of a calibration-summary row (`x` and `meanSpend`; other fields are ignored).
 *
 * @example
 * ```ts
 * const row: CalibrationSpendRow = { x: 2, meanSpend: 22.35 };
 * ```
 */
export interface CalibrationSpendRow {
  /** Repeat purchases. */
  readonly x: number;
  /** Mean value of the repeat purchases. */
  readonly meanSpend: number;
  /** Customers with this row (default 1). */
  readonly weight?: number | undefined;
}

/**
 * A calibration summary as the spend model reads it: its `customers` rows (and its time unit).
 *
 * @example
 * ```ts
 * const summary: CalibrationSpendSummary = { customers: [{ x: 2, meanSpend: 22.35 }], timeUnit: 'week' };
 * ```
 */
export interface CalibrationSpendSummary {
  /** One row per customer. */
  readonly customers: readonly CalibrationSpendRow[];
  /** Time unit of the summary. */
  readonly timeUnit?: TimeUnit | undefined;
}

/**
 * What the data check found: who was used, who was left out and why, and the warnings.
 *
 * @example
 * ```ts
 * const check: GammaGammaDataCheck = {
 *   customersUsed: 946, excludedNoRepeatPurchases: 1411, excludedNonPositiveSpend: 0,
 *   spendFrequencyCorrelation: 0.1139, correlationThreshold: 0.3, warnings: [],
 * };
 * ```
 */
export interface GammaGammaDataCheck {
  /** Customers (sum of weights) with x > 0 and a positive mean spend: the ones the model is fitted on. */
  readonly customersUsed: number;
  /** Customers with x = 0 (no repeat purchase, so no observed repeat spend); not an error. */
  readonly excludedNoRepeatPurchases: number;
  /** Customers with x > 0 but a mean spend ≤ 0 (refunds, free orders): outside the model, excluded. */
  readonly excludedNonPositiveSpend: number;
  /**
   * Weighted Pearson correlation between x and the mean spend over the customers used; `null` when undefined
   * (fewer than two distinct values). The model assumes spend is independent of frequency.
   */
  readonly spendFrequencyCorrelation: number | null;
  /** The |correlation| above which a warning is raised. */
  readonly correlationThreshold: number;
  /** Warnings (the fit still runs). */
  readonly warnings: GammaGammaWarning[];
}

/**
 * A data warning of the spend model.
 *
 * @example
 * ```ts
 * const warning: GammaGammaWarning = {
 *   code: 'spend-frequency-correlation',
 *   message: 'mean spend correlates with purchase frequency (Pearson r = 0.42, threshold 0.3): the Gamma-Gamma model assumes independence',
 * };
 * ```
 */
export interface GammaGammaWarning {
  /** `spend-frequency-correlation` (|r| above the threshold) or `non-positive-spend` (customers excluded). */
  readonly code: 'spend-frequency-correlation' | 'non-positive-spend';
  /** A readable explanation with the numbers. */
  readonly message: string;
}

/**
 * Validated spend data: the customers used (x > 0, mean > 0) and the data check.
 *
 * @example
 * ```ts
 * const prepared: PreparedGammaGammaData = prepareGammaGammaData([{ x: 2, mean: 20 }, { x: 0, mean: 0 }], {});
 * prepared.check.excludedNoRepeatPurchases //=> 1
 * ```
 */
export interface PreparedGammaGammaData {
  /** Repeat purchases of the customers used. */
  readonly x: number[];
  /** Mean spends of the customers used. */
  readonly mean: number[];
  /** Weights of the customers used. */
  readonly weight: number[];
  /** Sum of `weight`. */
  readonly customers: number;
  /** The data check. */
  readonly check: GammaGammaDataCheck;
  /** Input indices of invalid rows, ascending. */
  readonly rejected: number[];
  /** Issues of the invalid rows. */
  readonly issues: ValidationIssue[];
}

/** Default |Pearson r| between frequency and mean spend above which the data check warns. */
export const DEFAULT_SPEND_CORRELATION_THRESHOLD = 0.3;

/**
 * Weighted Pearson correlation of two equally long arrays; `null` when either has no variance.
 *
 * @example
 * ```ts
 * weightedPearsonCorrelation([1, 2, 3], [2, 4, 6], [1, 1, 1]) //≈ 1
 * ```
 */
export function weightedPearsonCorrelation(a: readonly number[], b: readonly number[], weight: readonly number[]): number | null {
  let total = 0;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < a.length; i++) {
    total += weight[i]!;
    meanA += weight[i]! * a[i]!;
    meanB += weight[i]! * b[i]!;
  }
  if (!(total > 0)) return null;
  meanA /= total;
  meanB /= total;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    covariance += weight[i]! * da * db;
    varianceA += weight[i]! * da * da;
    varianceB += weight[i]! * db * db;
  }
  if (!(varianceA > 0) || !(varianceB > 0)) return null;
  return Math.max(-1, Math.min(1, covariance / Math.sqrt(varianceA * varianceB)));
}

/**
 * Validates spend rows or columns, keeps customers with x > 0 and a positive mean spend, counts the others, and
 * computes the spend–frequency correlation with its warning.
 *
 * @example
 * ```ts
 * const prepared = prepareGammaGammaData({ x: [2, 1, 3], mean: [22.35, -5, 10] }, {});
 * prepared.check.excludedNonPositiveSpend //=> 1
 * prepared.check.warnings[0]?.code //=> 'non-positive-spend'
 * ```
 */
export function prepareGammaGammaData(data: GammaGammaData, options: { readonly correlationThreshold?: number }, root = 'data'): PreparedGammaGammaData {
  const threshold = options.correlationThreshold ?? DEFAULT_SPEND_CORRELATION_THRESHOLD;
  const issues: ValidationIssue[] = [];
  const rejected: number[] = [];
  const x: number[] = [];
  const mean: number[] = [];
  const weight: number[] = [];
  let noRepeat = 0;
  let nonPositive = 0;
  /** Checks one row, appending its issues to `rowIssues`; a valid row is counted or kept. */
  const consider = (
    rowIssues: ValidationIssue[],
    xi: unknown,
    mi: unknown,
    wi: unknown,
    path: (field: string) => string,
    meanField: string,
  ): void => {
    const before = rowIssues.length;
    if (!(typeof xi === 'number' && Number.isInteger(xi) && xi >= 0)) rowIssues.push(makeIssue(path('x'), 'non-negative integer', xi));
    if (!(typeof mi === 'number' && Number.isFinite(mi))) rowIssues.push(makeIssue(path(meanField), 'finite number', mi));
    if (wi !== undefined && !(typeof wi === 'number' && Number.isFinite(wi) && wi >= 0)) {
      rowIssues.push(makeIssue(path('weight'), 'finite non-negative number', wi));
    }
    if (rowIssues.length > before) return;
    const w = (wi as number | undefined) ?? 1;
    if (xi === 0) noRepeat += w;
    else if ((mi as number) <= 0) nonPositive += w;
    else if (w > 0) {
      x.push(xi as number);
      mean.push(mi as number);
      weight.push(w);
    }
  };
  const isSummary = data !== null && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { customers?: unknown }).customers);
  const rows: unknown = isSummary ? (data as { customers: unknown }).customers : data;
  const rowsRoot = isSummary ? joinPath(root, 'customers') : root;
  if (Array.isArray(rows)) {
    const list = rows as readonly unknown[];
    const screened = screenRows(list.length, (i, rowIssues) => {
      const row = list[i];
      const rowPath = joinPath(rowsRoot, i);
      if (row === null || typeof row !== 'object') {
        rowIssues.push(makeIssue(rowPath, 'object {x, mean (or meanSpend), weight?}', row));
        return;
      }
      const r = row as Record<string, unknown>;
      const meanField = r.mean === undefined && r.meanSpend !== undefined ? 'meanSpend' : 'mean';
      consider(rowIssues, r.x, r[meanField], r.weight, (field) => joinPath(rowPath, field), meanField);
    });
    issues.push(...screened.issues);
    rejected.push(...screened.rejected);
  } else if (!hasNumberColumns(data, ['x']) || !(hasNumberColumns(data, ['mean']) || hasNumberColumns(data, ['meanSpend']))) {
    issues.push(makeIssue(root, 'rows {x, mean, weight?}, columns {x, mean, weight?}, or a calibration summary (rows or columns)', data));
  } else {
    const columns = data as GammaGammaColumns | CalibrationSpendColumns;
    const meanField = 'mean' in columns && isNumberColumn(columns.mean) ? 'mean' : 'meanSpend';
    const means = meanField === 'mean' ? (columns as GammaGammaColumns).mean : (columns as CalibrationSpendColumns).meanSpend;
    const weights = 'weight' in columns ? columns.weight : undefined;
    const length = columns.x.length;
    const lengthIssues: ValidationIssue[] = [];
    if (means.length !== length) lengthIssues.push(makeIssue(joinPath(root, meanField), `a column of length ${length}`, `length ${means.length}`));
    if (weights !== undefined && (!isNumberColumn(weights) || weights.length !== length)) {
      lengthIssues.push(makeIssue(joinPath(root, 'weight'), `a column of length ${length}`, weights));
    }
    const screened =
      lengthIssues.length > 0
        ? rejectAllRows(length, lengthIssues)
        : screenRows(length, (i, rowIssues) => {
            consider(rowIssues, columns.x[i], means[i], weights?.[i], (field) => joinPath(joinPath(root, field), i), meanField);
          });
    issues.push(...screened.issues);
    rejected.push(...screened.rejected);
  }
  // Sorted by (x, mean) so sums, and so the fit, do not depend on the input order.
  const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]! || mean[a]! - mean[b]! || weight[a]! - weight[b]!);
  const sortedX = order.map((i) => x[i]!);
  const sortedMean = order.map((i) => mean[i]!);
  const sortedWeight = order.map((i) => weight[i]!);
  let customers = 0;
  for (const w of sortedWeight) customers += w;
  const correlation = weightedPearsonCorrelation(sortedX, sortedMean, sortedWeight);
  const warnings: GammaGammaWarning[] = [];
  if (correlation !== null && Math.abs(correlation) > threshold) {
    warnings.push({
      code: 'spend-frequency-correlation',
      message: `mean spend correlates with purchase frequency (Pearson r = ${correlation.toFixed(4)}, threshold ${threshold}): the Gamma-Gamma model assumes they are independent`,
    });
  }
  if (nonPositive > 0) {
    warnings.push({
      code: 'non-positive-spend',
      message: `${nonPositive} customer(s) with repeat purchases but a mean spend <= 0 were excluded: the Gamma-Gamma model needs positive spends`,
    });
  }
  return {
    x: sortedX,
    mean: sortedMean,
    weight: sortedWeight,
    customers,
    check: {
      customersUsed: customers,
      excludedNoRepeatPurchases: noRepeat,
      excludedNonPositiveSpend: nonPositive,
      spendFrequencyCorrelation: correlation,
      correlationThreshold: threshold,
      warnings,
    },
    rejected,
    issues,
  };
}
