/**
 * Key driver analysis of an overall score (NPS, CSAT, CES or an "overall" aspect) from aspect ratings (product
 * quality, service attitude, after-sales...): Pearson and Spearman correlations, relative importance that handles
 * correlated drivers (exact Shapley decomposition of R² and Johnson's relative weights, checked against each
 * other), and an importance × performance quadrant.
 *
 * Sources: Displayr/Q "Driver (Importance) Analysis"; Lindeman, Merenda & Gold (1980); Grömping (2006, R
 * `relaimpo`); Johnson (2000); Qualtrics Key Drivers widget (importance vs performance).
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { describeReceived, joinPath, makeIssue, type Interval, type SurveyResponse, type ValidationIssue } from '../core/index.js';
import { correlationInference, midRanks, midRanksOfPoints, weightedCorrelationMatrix } from './correlation.js';
import { programmerError, resolveCommonOptions } from './options.js';
import { MAX_SHAPLEY_PREDICTORS, relativeWeights, shapleyDecomposition, standardizedCoefficients } from './relative-importance.js';
import { assessReliability } from './reliability.js';
import { describeScale, percentOfMaximum, pointIndexer, resolveScale, type ResolvedScale, type ScaleInput } from './scales.js';
import type { CommonScoreOptions, SatisfactionRefusal } from './types.js';
import { readWeight, responseAt } from './validate.js';
import { effectiveSampleSizeFromSums } from './weights.js';

/**
 * Quadrant thresholds: a driver is "important" when its importance share is ≥ the importance threshold, and
 * "performing" when its performance (percent of maximum, 0..100) is ≥ the performance threshold. `mean` (the
 * default for both) uses the average over the drivers: 1/k for importance, the mean performance for performance.
 *
 * @example
 * ```ts
 * const thresholds: QuadrantThresholds = { importance: 'mean', performance: 70 };
 * ```
 */
export interface QuadrantThresholds {
  /** Importance share threshold in [0, 1], or `mean` (1/k). Default `mean`. */
  readonly importance?: 'mean' | number;
  /** Performance threshold in percent of maximum [0, 100], or `mean` (mean over drivers). Default `mean`. */
  readonly performance?: 'mean' | number;
}

/**
 * An aspect rating used as the outcome of a key driver analysis.
 *
 * @example
 * ```ts
 * const outcome: AspectOutcome = { aspect: 'overall' };
 * ```
 */
export interface AspectOutcome {
  /** The aspect name in `aspects`. */
  readonly aspect: string;
}

/**
 * The importance × performance quadrant of a driver:
 * important and under-performing → `fix-first`; important and performing → `keep-up`;
 * less important and performing → `maintain`; less important and under-performing → `low-priority`.
 *
 * @example
 * ```ts
 * const quadrant: DriverQuadrant = 'fix-first';
 * ```
 */
export type DriverQuadrant = 'fix-first' | 'keep-up' | 'maintain' | 'low-priority';

/**
 * Options of {@link keyDrivers}.
 *
 * @example
 * ```ts
 * const options: KeyDriverOptions = {
 *   outcome: 'nps', drivers: ['productQuality', 'serviceAttitude', 'afterSales'], driverScale: '1-5',
 * };
 * ```
 */
export interface KeyDriverOptions extends CommonScoreOptions {
  /** What is explained: the raw 0-10 NPS answer (default), CSAT, CES, or an aspect such as `{ aspect: 'overall' }`. */
  readonly outcome?: 'nps' | 'csat' | 'ces' | AspectOutcome;
  /** Aspect names used as drivers. Default: every aspect found in the responses (except the outcome), sorted. */
  readonly drivers?: readonly string[];
  /** Scale of the outcome. Default: 0-10 for NPS, 1-5 for CSAT, 1-7 for CES, `driverScale` for an aspect. */
  readonly outcomeScale?: ScaleInput;
  /** Scale of every driver. Default `'1-5'`. */
  readonly driverScale?: ScaleInput;
  /** Per-driver scales overriding `driverScale`. */
  readonly driverScales?: Readonly<Record<string, ScaleInput>>;
  /** Importance measure used for ranking and the quadrant. Default `shapley` when computed, else `johnson`. */
  readonly importance?: 'shapley' | 'johnson';
  /** Shapley is computed when there are at most this many drivers (2^k regressions). Default 12, at most 16. */
  readonly maxShapleyDrivers?: number;
  /** Quadrant thresholds. Default `mean` for both. */
  readonly quadrant?: QuadrantThresholds;
}

/**
 * Everything known about one driver.
 *
 * @example
 * ```ts
 * // { driver: 'serviceAttitude', mean: 3.6, performance: 65, pearson: { r: 0.52, ... }, spearman: { rho: 0.5, ... },
 * //   standardizedBeta: 0.31, shapley: { value: 0.14, share: 0.41 }, johnson: { weight: 0.142, share: 0.41 },
 * //   importance: 0.41, rank: 1, direction: 'positive', quadrant: 'fix-first' }
 * ```
 */
export interface DriverImportance {
  /** The aspect name. */
  readonly driver: string;
  /** Its scale's label. */
  readonly scale: string;
  /** Weighted mean rating. */
  readonly mean: number;
  /** Mean as percent of maximum, 0..100 (100 = best). */
  readonly performance: number;
  /** Pearson correlation with the outcome (weighted), Fisher-z interval and t-test p-value on n_eff − 2 df. */
  readonly pearson: PearsonCorrelation;
  /** Spearman rank correlation (Pearson on mid-ranks) with its t-test p-value. */
  readonly spearman: SpearmanCorrelation;
  /** Coefficient in the standardised full regression. */
  readonly standardizedBeta: number;
  /** Shapley R² share: `value` in R² units, `share` of the total (0..1); null when not computed. */
  readonly shapley: ShapleyImportance | null;
  /** Johnson's relative weight: `weight` in R² units, `share` of the total (0..1). */
  readonly johnson: JohnsonImportance;
  /** Importance share used for ranking and the quadrant. */
  readonly importance: number;
  /** 1 = most important. */
  readonly rank: number;
  /** Sign of the Pearson correlation. */
  readonly direction: 'positive' | 'negative' | 'none';
  /** Importance × performance quadrant. */
  readonly quadrant: DriverQuadrant;
}

/**
 * A Pearson correlation with its inference.
 *
 * @example
 * ```ts
 * const pearson: PearsonCorrelation = { r: 0.52, interval: { lower: 0.49, upper: 0.55, level: 0.95 }, pValue: 1e-40, significant: true };
 * ```
 */
export interface PearsonCorrelation {
  /** The coefficient, −1..1. */
  readonly r: number;
  /** Fisher-z interval. */
  readonly interval: Interval;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** p < 1 − level. */
  readonly significant: boolean;
}

/**
 * A Spearman rank correlation with its p-value.
 *
 * @example
 * ```ts
 * const spearman: SpearmanCorrelation = { rho: 0.5, pValue: 1e-30, significant: true };
 * ```
 */
export interface SpearmanCorrelation {
  /** The coefficient, −1..1. */
  readonly rho: number;
  /** Two-sided p-value (t approximation). */
  readonly pValue: number;
  /** p < 1 − level. */
  readonly significant: boolean;
}

/**
 * A driver's Shapley value of R².
 *
 * @example
 * ```ts
 * const shapley: ShapleyImportance = { value: 0.14, share: 0.41 };
 * ```
 */
export interface ShapleyImportance {
  /** Average R² increment over all orders of entry (R² units). */
  readonly value: number;
  /** value / R² (0..1). */
  readonly share: number;
}

/**
 * A driver's Johnson relative weight.
 *
 * @example
 * ```ts
 * const johnson: JohnsonImportance = { weight: 0.142, share: 0.41 };
 * ```
 */
export interface JohnsonImportance {
  /** Relative weight ε (R² units). */
  readonly weight: number;
  /** weight / R² (0..1). */
  readonly share: number;
}

/**
 * A driver left out of the analysis.
 *
 * @example
 * ```ts
 * const dropped: DroppedDriver = { driver: 'packaging', reason: 'constant rating in every complete response' };
 * ```
 */
export interface DroppedDriver {
  /** The aspect name. */
  readonly driver: string;
  /** Why it was left out. */
  readonly reason: string;
}

/**
 * The thresholds a quadrant was drawn with.
 *
 * @example
 * ```ts
 * const thresholds: AppliedQuadrantThresholds = { importance: 0.3333, performance: 63.5, rule: 'important: shapley share ≥ 0.3333 (1/k); …' };
 * ```
 */
export interface AppliedQuadrantThresholds {
  /** Importance share threshold. */
  readonly importance: number;
  /** Performance threshold (percent of maximum). */
  readonly performance: number;
  /** The rule in words. */
  readonly rule: string;
}

/**
 * How Shapley and Johnson agree.
 *
 * @example
 * ```ts
 * const agreement: MethodAgreement = { rankCorrelation: 1, sameOrder: true, maxShareDifference: 0.004 };
 * ```
 */
export interface MethodAgreement {
  /** Spearman correlation of the two share vectors. */
  readonly rankCorrelation: number;
  /** Whether both order the drivers identically. */
  readonly sameOrder: boolean;
  /** Largest absolute difference between the two shares of a driver (0..1). */
  readonly maxShareDifference: number;
}

/**
 * A key driver analysis.
 *
 * @example
 * ```ts
 * const result = keyDrivers(responses, { outcome: 'nps' });
 * // right({ rSquared: 0.34, importanceMethod: 'shapley', drivers: [{ driver: 'serviceAttitude', rank: 1, ... }, ...],
 * //         agreement: { sameOrder: true, rankCorrelation: 1, maxShareDifference: 0.01 }, ... })
 * ```
 */
export interface KeyDriversResult {
  /** `nps`, `csat`, `ces` or `aspect:<name>`. */
  readonly outcome: string;
  /** The outcome scale's label. */
  readonly outcomeScale: string;
  /** Complete responses used. */
  readonly n: number;
  /** Sum of their weights. */
  readonly weightSum: number;
  /** Kish's effective sample size (used by every p-value and interval). */
  readonly effectiveN: number;
  /** Confidence level. */
  readonly level: number;
  /** Effective n ≥ max(minimumN, 10 × drivers). */
  readonly reliable: boolean;
  /** Why. */
  readonly reliabilityReason: string;
  /** R² of the full linear model (weighted when weights are used). */
  readonly rSquared: number;
  /** 1 − (1 − R²)(n_eff − 1)/(n_eff − k − 1). */
  readonly adjustedRSquared: number;
  /** The measure behind `importance`, ranks and quadrants. */
  readonly importanceMethod: 'shapley' | 'johnson';
  /** Drivers by decreasing importance (ties by name). */
  readonly drivers: readonly DriverImportance[];
  /** Drivers left out, with the reason (constant ratings). */
  readonly droppedDrivers: readonly DroppedDriver[];
  /** The thresholds of the quadrant. */
  readonly quadrantThresholds: AppliedQuadrantThresholds;
  /** How Shapley and Johnson agree on the ordering; null when Shapley was not computed. */
  readonly agreement: MethodAgreement | null;
  /** Why Shapley was skipped, when it was. */
  readonly shapleyNote?: string;
  /** Responses left out (incomplete or invalid). */
  readonly excluded: number;
  /** Their issues, with paths such as `responses[4].aspects.afterSales`. */
  readonly issues: readonly ValidationIssue[];
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** An own property of a record (never an inherited one such as `constructor`). */
function ownValue(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && hasOwn(record, key) ? record[key] : undefined;
}

function discoverDrivers(responses: readonly SurveyResponse[], outcomeAspect: string | undefined): string[] {
  const names = new Set<string>();
  for (const response of responses) {
    const aspects: unknown = (response as Partial<SurveyResponse> | null)?.aspects;
    if (aspects === null || typeof aspects !== 'object') continue;
    for (const key of Object.keys(aspects)) if (key !== outcomeAspect) names.add(key);
  }
  return [...names].sort();
}

function outcomeSpec(options: KeyDriverOptions): { label: string; field: 'nps' | 'csat' | 'ces' | 'aspect'; aspect?: string; scale: ScaleInput } {
  const outcome = options.outcome ?? 'nps';
  if (typeof outcome === 'object') {
    if (typeof outcome.aspect !== 'string' || outcome.aspect === '') programmerError('outcome.aspect must be a non-empty string');
    return { label: `aspect:${outcome.aspect}`, field: 'aspect', aspect: outcome.aspect, scale: options.outcomeScale ?? options.driverScale ?? '1-5' };
  }
  const defaults = { nps: '0-10', csat: '1-5', ces: '1-7' } as const;
  if (!(outcome in defaults)) programmerError(`outcome must be 'nps', 'csat', 'ces' or { aspect }, got ${describeReceived(outcome)}`);
  return { label: outcome, field: outcome, scale: options.outcomeScale ?? defaults[outcome] };
}

/** Spearman rank correlation of two short vectors (for the Shapley/Johnson agreement). */
function rankCorrelation(a: readonly number[], b: readonly number[]): number {
  const ra = midRanks(Float64Array.from(a));
  const rb = midRanks(Float64Array.from(b));
  const m = weightedCorrelationMatrix([ra, rb], null);
  return m.standardDeviations[0] === 0 || m.standardDeviations[1] === 0 ? 1 : m.matrix[1]!;
}

function orderByShare(names: readonly string[], shares: readonly number[]): string[] {
  return names
    .map((name, i) => ({ name, share: shares[i]! }))
    .sort((x, y) => (Math.abs(y.share - x.share) > 1e-12 ? y.share - x.share : x.name < y.name ? -1 : 1))
    .map((entry) => entry.name);
}

function shares(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => (total > 0 ? value / total : 0));
}

/**
 * Key driver analysis: which aspects move the overall score. For complete responses (every driver and the
 * outcome valid; others reported and excluded), it computes Pearson and Spearman correlations with significance,
 * standardised betas, Johnson's relative weights and (for at most `maxShapleyDrivers` drivers) the exact Shapley
 * decomposition of R², their agreement, and each driver's importance × performance quadrant.
 * Lefts: `too-few-responses` (fewer than drivers + 2 complete responses), `constant-outcome`, `no-drivers`.
 *
 * @example
 * ```ts
 * const result = keyDrivers(responses, { outcome: 'nps', drivers: ['productQuality', 'serviceAttitude', 'afterSales'] });
 * // right({ drivers: [{ driver: 'afterSales', importance: 0.46, quadrant: 'fix-first', ... }, ...], rSquared: 0.41, ... })
 * ```
 */
export function keyDrivers(responses: readonly SurveyResponse[], options: KeyDriverOptions = {}): E.Either<SatisfactionRefusal, KeyDriversResult> {
  if (!Array.isArray(responses)) programmerError('responses must be an array');
  const resolved = resolveCommonOptions(options);
  const outcome = outcomeSpec(options);
  const outcomeScale = resolveScale(outcome.scale);
  const driverNames = [...(options.drivers ?? discoverDrivers(responses, outcome.aspect))];
  if (new Set(driverNames).size !== driverNames.length) programmerError('drivers must be distinct');
  if (outcome.aspect !== undefined && driverNames.includes(outcome.aspect)) programmerError('the outcome aspect cannot also be a driver');
  const maxShapley = options.maxShapleyDrivers ?? 12;
  if (!(Number.isInteger(maxShapley) && maxShapley >= 0 && maxShapley <= MAX_SHAPLEY_PREDICTORS)) {
    programmerError(`maxShapleyDrivers must be an integer 0..${MAX_SHAPLEY_PREDICTORS}, got ${String(maxShapley)}`);
  }
  const driverScales: ResolvedScale[] = driverNames.map((name) =>
    resolveScale(options.driverScales !== undefined && hasOwn(options.driverScales, name) ? options.driverScales[name]! : (options.driverScale ?? '1-5')),
  );
  const k = driverNames.length;
  if (k === 0) return E.left({ code: 'no-drivers', message: 'no driver aspects given or found', excluded: 0, issues: [] });

  // 1. Complete, valid rows (values and point indices, for counting-based ranks).
  const length = responses.length;
  const outcomeIndexOf = pointIndexer(outcomeScale);
  const driverIndexOf = driverScales.map(pointIndexer);
  const y = new Float64Array(length);
  const yPoints = new Uint32Array(length);
  const x = driverNames.map(() => new Float64Array(length));
  const xPoints = driverNames.map(() => new Uint32Array(length));
  const weights = new Float64Array(length);
  const issues: ValidationIssue[] = [];
  const aspectPath = (i: number, name: string): string => joinPath(joinPath(joinPath(resolved.root, i), 'aspects'), name);
  const describeMissing = (scale: ResolvedScale, value: unknown): string => (value === undefined ? `${describeScale(scale)} (missing)` : describeScale(scale));
  let rows = 0;
  for (let i = 0; i < length; i++) {
    const response = responseAt(responses, i, resolved.root, issues);
    if (response === undefined) continue;
    let ok = true;
    const aspects: unknown = response.aspects;
    const aspectRecord = aspects !== null && typeof aspects === 'object' ? (aspects as Record<string, unknown>) : undefined;
    const outcomeValue: unknown = outcome.field === 'aspect' ? ownValue(aspectRecord, outcome.aspect!) : response[outcome.field];
    const outcomePoint = outcomeIndexOf(outcomeValue);
    if (outcomePoint < 0) {
      const outcomePath = outcome.field === 'aspect' ? aspectPath(i, outcome.aspect!) : joinPath(joinPath(resolved.root, i), outcome.field);
      issues.push(makeIssue(outcomePath, describeMissing(outcomeScale, outcomeValue), outcomeValue));
      ok = false;
    }
    for (let d = 0; d < k; d++) {
      const value = ownValue(aspectRecord, driverNames[d]!);
      const point = driverIndexOf[d]!(value);
      if (point < 0) {
        issues.push(makeIssue(aspectPath(i, driverNames[d]!), describeMissing(driverScales[d]!, value), value));
        ok = false;
      } else if (ok) {
        x[d]![rows] = value as number;
        xPoints[d]![rows] = point;
      }
    }
    const weight = readWeight(response, resolved.root, i, resolved.useWeights, issues);
    if (!ok || Number.isNaN(weight)) continue;
    y[rows] = outcomeValue as number;
    yPoints[rows] = outcomePoint;
    weights[rows] = weight;
    rows++;
  }
  const excluded = length - rows;
  if (rows < k + 2) {
    return E.left({ code: 'too-few-responses', message: `${rows} complete responses; at least ${k + 2} are needed for ${k} drivers`, excluded, issues });
  }
  const yColumn = y.subarray(0, rows);
  const xColumns = x.map((column) => column.subarray(0, rows));
  const w = weights.subarray(0, rows);
  let weightSum = 0;
  let weightSquareSum = 0;
  let unitWeights = true;
  for (let i = 0; i < rows; i++) {
    weightSum += w[i]!;
    weightSquareSum += w[i]! * w[i]!;
    if (w[i] !== 1) unitWeights = false;
  }
  const effectiveN = effectiveSampleSizeFromSums(weightSum, weightSquareSum);
  const weightColumn = unitWeights ? null : w;

  // 2. Pearson correlations; drop constant drivers.
  const pearsonAll = weightedCorrelationMatrix([yColumn, ...xColumns], weightColumn);
  if (pearsonAll.standardDeviations[0] === 0) {
    return E.left({ code: 'constant-outcome', message: 'every complete response has the same outcome score', excluded, issues });
  }
  const kept: number[] = [];
  const droppedDrivers: DroppedDriver[] = [];
  for (let d = 0; d < k; d++) {
    if (pearsonAll.standardDeviations[d + 1] === 0) droppedDrivers.push({ driver: driverNames[d]!, reason: 'constant rating in every complete response' });
    else kept.push(d);
  }
  if (kept.length === 0) return E.left({ code: 'no-drivers', message: 'every driver has a constant rating', excluded, issues });
  const kk = kept.length;
  const m = k + 1;
  const rxx = new Float64Array(kk * kk);
  const rxy = new Float64Array(kk);
  kept.forEach((a, i) => {
    rxy[i] = pearsonAll.matrix[(a + 1) * m]!;
    kept.forEach((b, j) => {
      rxx[i * kk + j] = pearsonAll.matrix[(a + 1) * m + (b + 1)]!;
    });
  });
  const ranks = [
    midRanksOfPoints(yPoints.subarray(0, rows), outcomeScale.points),
    ...kept.map((d) => midRanksOfPoints(xPoints[d]!.subarray(0, rows), driverScales[d]!.points)),
  ];
  const spearman = weightedCorrelationMatrix(ranks, weightColumn);

  // 3. Relative importance.
  const johnson = relativeWeights(rxx, rxy);
  const shapley = kk <= maxShapley ? shapleyDecomposition(rxx, rxy) : undefined;
  const betas = standardizedCoefficients(rxx, rxy);
  const rSquared = shapley?.rSquared ?? johnson.rSquared;
  const johnsonShares = shares(johnson.values);
  const shapleyShares = shapley === undefined ? undefined : shares(shapley.values);
  const importanceMethod = options.importance ?? (shapley === undefined ? 'johnson' : 'shapley');
  if (importanceMethod === 'shapley' && shapley === undefined) programmerError(`importance 'shapley' needs at most maxShapleyDrivers (${maxShapley}) drivers`);
  const importance = importanceMethod === 'shapley' ? shapleyShares! : johnsonShares;

  // 4. Performance and quadrant.
  const keptNames = kept.map((d) => driverNames[d]!);
  const performance = kept.map((d) => percentOfMaximum(driverScales[d]!, pearsonAll.means[d + 1]!));
  const thresholds = options.quadrant ?? {};
  const importanceThreshold = thresholds.importance === undefined || thresholds.importance === 'mean' ? 1 / kk : thresholds.importance;
  const performanceThreshold =
    thresholds.performance === undefined || thresholds.performance === 'mean'
      ? performance.reduce((sum, value) => sum + value, 0) / kk
      : thresholds.performance;
  if (!Number.isFinite(importanceThreshold) || !Number.isFinite(performanceThreshold)) programmerError('quadrant thresholds must be finite');
  const order = orderByShare(keptNames, importance);
  const alpha = 1 - resolved.level;
  const drivers: DriverImportance[] = kept.map((d, i) => {
    const r = rxy[i]!;
    const inference = correlationInference(r, effectiveN, resolved.level);
    const rho = spearman.matrix[i + 1]!;
    const rhoInference = correlationInference(rho, effectiveN, resolved.level);
    const important = importance[i]! >= importanceThreshold;
    const performing = performance[i]! >= performanceThreshold;
    return {
      driver: driverNames[d]!,
      scale: driverScales[d]!.label,
      mean: pearsonAll.means[d + 1]!,
      performance: performance[i]!,
      pearson: { r, interval: inference.interval, pValue: inference.pValue, significant: inference.pValue < alpha },
      spearman: { rho, pValue: rhoInference.pValue, significant: rhoInference.pValue < alpha },
      standardizedBeta: betas[i]!,
      shapley: shapley === undefined ? null : { value: shapley.values[i]!, share: shapleyShares![i]! },
      johnson: { weight: johnson.values[i]!, share: johnsonShares[i]! },
      importance: importance[i]!,
      rank: order.indexOf(driverNames[d]!) + 1,
      direction: r > 0 ? 'positive' : r < 0 ? 'negative' : 'none',
      quadrant: important ? (performing ? 'keep-up' : 'fix-first') : performing ? 'maintain' : 'low-priority',
    };
  });
  drivers.sort((a, b) => a.rank - b.rank);
  const agreement =
    shapleyShares === undefined
      ? null
      : {
          rankCorrelation: rankCorrelation(shapleyShares, johnsonShares),
          sameOrder: orderByShare(keptNames, shapleyShares).join('\u0000') === orderByShare(keptNames, johnsonShares).join('\u0000'),
          maxShareDifference: Math.max(...shapleyShares.map((share, i) => Math.abs(share - johnsonShares[i]!))),
        };
  const minimum = Math.max(resolved.minimumSample.minimumN, 10 * kk);
  const verdict = assessReliability(rows, effectiveN, 0, { ...resolved.minimumSample, minimumN: minimum });
  const dfResidual = effectiveN - kk - 1;
  const rule = `important: ${importanceMethod} share ≥ ${importanceThreshold.toFixed(4)}${thresholds.importance === undefined || thresholds.importance === 'mean' ? ' (1/k)' : ''}; performing: percent of maximum ≥ ${performanceThreshold.toFixed(2)}${thresholds.performance === undefined || thresholds.performance === 'mean' ? ' (mean over drivers)' : ''}`;
  return E.right({
    outcome: outcome.label,
    outcomeScale: outcomeScale.label,
    n: rows,
    weightSum,
    effectiveN,
    level: resolved.level,
    reliable: verdict.reliable,
    reliabilityReason: `${verdict.reason} (minimum = max(minimumN, 10 × drivers))`,
    rSquared,
    adjustedRSquared: dfResidual > 0 ? 1 - ((1 - rSquared) * (effectiveN - 1)) / dfResidual : rSquared,
    importanceMethod,
    drivers,
    droppedDrivers,
    quadrantThresholds: { importance: importanceThreshold, performance: performanceThreshold, rule },
    agreement,
    ...(shapley === undefined ? { shapleyNote: `Shapley skipped: ${kk} drivers > maxShapleyDrivers ${maxShapley}` } : {}),
    excluded,
    issues,
  });
}
