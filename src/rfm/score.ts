/**
 * `score`: turn per-customer values into 1..levels scores per dimension.
 *
 * @module
 */
import { type DimensionBreakpoints, type RfmBreakpoints, type ScoringMethod, type TiePolicy } from './breakpoints.js';
import { dimensionValues, higherIsBetter } from './dimension-values.js';
import { orderStatistics, stableRanks } from './order-statistics.js';
import { RFM_DIMENSIONS, type RfmDimension, type RfmSummary, type RfmWarning } from './types.js';

/**
 * Options of {@link score}.
 *
 * @example
 * ```ts
 * const options: ScoreOptions = {
 *   levels: 5,
 *   method: { recency: 'thresholds', frequency: 'quantile', monetary: 'quantile' },
 *   thresholds: { recency: [30, 60, 90, 180] },
 *   ties: 'shared',
 *   weights: { recency: 2, frequency: 1, monetary: 1 },
 * };
 * ```
 */
export interface ScoreOptions {
  /** Score levels per dimension, 2..20 (default 5, or the breakpoints' levels). */
  readonly levels?: number;
  /** Dimensions to score (default `['recency', 'frequency', 'monetary']`). */
  readonly dimensions?: readonly RfmDimension[];
  /** One method for all dimensions, or one per dimension (missing ones use `quantile`). Default `quantile`. */
  readonly method?: ScoringMethod | Readonly<Partial<Record<RfmDimension, ScoringMethod>>>;
  /** Tie policy of quantile scoring (default `shared`). */
  readonly ties?: TiePolicy;
  /** Fixed cuts (`levels - 1`, non-decreasing) per dimension scored by `thresholds`. Bins are closed on the right. */
  readonly thresholds?: Readonly<Partial<Record<RfmDimension, readonly number[]>>>;
  /** Breakpoints of an earlier run, for dimensions scored by `breakpoints`. */
  readonly breakpoints?: RfmBreakpoints;
  /** Weight of each dimension in the combined score (default 1 each). */
  readonly weights?: Readonly<Partial<Record<RfmDimension, number>>>;
  /** Per-customer engagement values aligned with the summary's customers (for the `engagement` dimension, RFE). */
  readonly engagement?: ArrayLike<number>;
  /** Below this many scored customers a `small-sample` warning is given (default 10 × levels). */
  readonly minCustomers?: number;
}

/**
 * The result of {@link score}: per-customer scores aligned with `summary.customers`, the breakpoints used, and
 * warnings. A score of 0 means "not scored" (no purchase before `asOf`, or no finite engagement value).
 *
 * @example
 * ```ts
 * const scoring: RfmScoring = score(summary);
 * scoring.scores.recency![0]; // 1..5
 * scoring.breakpoints.dimensions[0]!.cuts; // the recency cuts
 * ```
 */
export interface RfmScoring {
  /** The summary that was scored. */
  readonly summary: RfmSummary;
  /** Score levels per dimension. */
  readonly levels: number;
  /** The scored dimensions, in order. */
  readonly dimensions: readonly RfmDimension[];
  /** Scores 1..levels per dimension and customer; 0 for customers that were not scored. */
  readonly scores: Readonly<Partial<Record<RfmDimension, Uint8Array>>>;
  /** The weighted mean of a customer's scores (`NaN` when not scored). */
  readonly combined: Float64Array;
  /** The weights used for `combined`. */
  readonly weights: Readonly<Partial<Record<RfmDimension, number>>>;
  /** The engagement values used, when the `engagement` dimension was scored. */
  readonly engagement?: Float64Array;
  /** Customers that received scores. */
  readonly scoredCustomers: number;
  /** The cuts used per dimension. */
  readonly breakpoints: RfmBreakpoints;
  /** Small samples, collapsed bins, unscored customers, inexact breakpoints. */
  readonly warnings: readonly RfmWarning[];
}

interface NormalisedOptions {
  readonly levels: number;
  readonly dimensions: readonly RfmDimension[];
  readonly methods: Readonly<Record<string, ScoringMethod>>;
  readonly ties: TiePolicy;
  readonly weights: Readonly<Partial<Record<RfmDimension, number>>>;
  readonly minCustomers: number;
}

function fail(message: string): never {
  throw new RangeError(`[clientele] score: ${message}`);
}

function checkCuts(cuts: readonly number[] | undefined, levels: number, what: string): readonly number[] {
  if (cuts?.length !== levels - 1) fail(`${what} needs ${levels - 1} cuts, got ${cuts?.length ?? 'none'}`);
  for (let j = 0; j < cuts.length; j++) {
    if (!Number.isFinite(cuts[j])) fail(`${what} cuts must be finite numbers`);
    if (j > 0 && cuts[j]! < cuts[j - 1]!) fail(`${what} cuts must be non-decreasing`);
  }
  return cuts;
}

function normalise(options: ScoreOptions): NormalisedOptions {
  const levels = options.levels ?? options.breakpoints?.levels ?? 5;
  if (!Number.isInteger(levels) || levels < 2 || levels > 20) fail(`levels must be an integer 2..20, got ${levels}`);
  const dimensions = options.dimensions ?? (['recency', 'frequency', 'monetary'] as const);
  if (dimensions.length === 0) fail('at least one dimension is needed');
  const seen = new Set<string>();
  for (const dimension of dimensions) {
    if (!RFM_DIMENSIONS.includes(dimension)) fail(`unknown dimension ${dimension}`);
    if (seen.has(dimension)) fail(`dimension ${dimension} is listed twice`);
    seen.add(dimension);
  }
  const methods: Record<string, ScoringMethod> = {};
  for (const dimension of dimensions) {
    const method = typeof options.method === 'string' ? options.method : (options.method?.[dimension] ?? 'quantile');
    if (method !== 'quantile' && method !== 'thresholds' && method !== 'breakpoints') {
      fail(`unknown method ${String(method)}`);
    }
    methods[dimension] = method;
    if (method === 'thresholds') checkCuts(options.thresholds?.[dimension], levels, `thresholds.${dimension}`);
    if (method === 'breakpoints') {
      if (options.breakpoints?.levels !== levels) fail(`breakpoints are for ${options.breakpoints?.levels} levels`);
      const entry = options.breakpoints.dimensions.find((d) => d.dimension === dimension);
      if (entry === undefined) fail(`breakpoints have no entry for ${dimension}`);
      checkCuts(entry.cuts, levels, `breakpoints.${dimension}`);
    }
  }
  const ties = options.ties ?? 'shared';
  if (ties !== 'shared' && ties !== 'first') fail(`unknown tie policy ${String(ties)}`);
  const weights: Partial<Record<RfmDimension, number>> = {};
  let weightTotal = 0;
  for (const dimension of dimensions) {
    const weight = options.weights?.[dimension] ?? 1;
    if (!Number.isFinite(weight) || weight < 0) fail(`weight of ${dimension} must be a finite number >= 0`);
    weights[dimension] = weight;
    weightTotal += weight;
  }
  if (!(weightTotal > 0)) fail('at least one weight must be positive');
  const minCustomers = options.minCustomers ?? 10 * levels;
  return { levels, dimensions, methods, ties, weights, minCustomers };
}

/** Numpy's linear interpolation between neighbouring order statistics (pandas `quantile`). */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t < 0.5 ? a + d * t : b - d * (1 - t);
}

interface DimensionResult {
  readonly scores: Uint8Array;
  readonly breakpoints: DimensionBreakpoints;
}

/** Scores every scored customer by the bin of its value (`1 + #{j : cuts[j] < value}`), reversed when lower is better. */
function scoreByCuts(
  values: Float64Array,
  scored: Uint8Array,
  cuts: readonly number[],
  better: boolean,
  levels: number,
  scores: Uint8Array,
): void {
  const c = Float64Array.from(cuts);
  const k = c.length;
  const top = better ? 0 : levels + 1;
  const sign = better ? 1 : -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let bin = 1;
    for (let j = 0; j < k; j++) bin += c[j]! < v ? 1 : 0;
    scores[i] = scored[i] === 1 ? top + sign * bin : 0;
  }
}

function scoreDimension(
  values: Float64Array,
  scored: Uint8Array,
  scoredCount: number,
  dimension: RfmDimension,
  method: ScoringMethod,
  options: ScoreOptions,
  settings: NormalisedOptions,
): DimensionResult {
  const n = values.length;
  const levels = settings.levels;
  const better = higherIsBetter(dimension);
  const scores = new Uint8Array(n);
  const toScore = (bin: number): number => (better ? bin : levels + 1 - bin);

  if (method === 'thresholds' || method === 'breakpoints') {
    const given =
      method === 'thresholds'
        ? { method: 'thresholds' as const, cuts: options.thresholds![dimension]!, exact: true }
        : options.breakpoints!.dimensions.find((d) => d.dimension === dimension)!;
    const cuts = given.cuts;
    scoreByCuts(values, scored, cuts, better, levels, scores);
    const breakpoints: DimensionBreakpoints = {
      dimension,
      method: given.method,
      ...('ties' in given && given.ties !== undefined ? { ties: given.ties } : {}),
      higherIsBetter: better,
      cuts: [...cuts],
      exact: given.exact,
    };
    return { scores, breakpoints };
  }

  // Quantile scoring on the scored customers' values, compacted in customer (= ascending id) order.
  const m = scoredCount;
  // Every customer scored (the usual case): the values are already compact (nothing below modifies them).
  let compact = values;
  if (m < n) {
    compact = new Float64Array(m);
    for (let i = 0, k = 0; i < n; i++) if (scored[i] === 1) compact[k++] = values[i]!;
  }
  if (m === 0) {
    return {
      scores,
      breakpoints: {
        dimension,
        method: 'quantile',
        ties: settings.ties,
        higherIsBetter: better,
        cuts: [],
        exact: true,
      },
    };
  }
  // Cut j (1..levels-1) sits at position h = (m - 1) j / levels of the ascending values (numpy "linear").
  const lower: number[] = [];
  const fraction: number[] = [];
  for (let j = 1; j < levels; j++) {
    const numerator = (m - 1) * j;
    const lo = Math.floor(numerator / levels);
    lower.push(lo);
    fraction.push((numerator - lo * levels) / levels);
  }

  if (settings.ties === 'shared') {
    const needed = [...new Set(lower.flatMap((lo) => [lo, Math.min(lo + 1, m - 1)]))].sort((a, b) => a - b);
    const stats = orderStatistics(compact, needed);
    const at = (rank: number): number => stats[needed.indexOf(rank)]!;
    const cuts = lower.map((lo, j) => lerp(at(lo), at(Math.min(lo + 1, m - 1)), fraction[j]!));
    scoreByCuts(values, scored, cuts, better, levels, scores);
    return {
      scores,
      breakpoints: { dimension, method: 'quantile', ties: 'shared', higherIsBetter: better, cuts, exact: true },
    };
  }

  // 'first': rank k in a stable ascending sort (ties by customer id), bin = 1 + #{j : k > 1 + (m - 1) j / levels}.
  const { ranks, sorted } = stableRanks(compact);
  for (let i = 0, k = 0; i < n; i++) {
    if (scored[i] !== 1) continue;
    const rank = ranks[k++]!;
    const bin = rank === 1 || m === 1 ? 1 : Math.min(levels, Math.ceil((levels * (rank - 1)) / (m - 1)));
    scores[i] = toScore(bin);
  }
  // Value cuts: the largest value of each lower bin; inexact when equal values straddle a cut.
  const cuts = lower.map((lo) => sorted[lo]!);
  const exact = lower.every((lo) => lo + 1 >= m || sorted[lo + 1]! > sorted[lo]!);
  return {
    scores,
    breakpoints: { dimension, method: 'quantile', ties: 'first', higherIsBetter: better, cuts, exact },
  };
}

/**
 * Scores every customer of a summary on each dimension, 1..levels, higher = better (recency is scored in reverse:
 * recent = high).
 *
 * - `quantile` (default) with `ties: 'shared'` (default): cuts at the numpy-linear quantiles `j / levels` of the
 *   values, bins closed on the right — pandas `qcut(values, levels)`, except that equal values always share a score
 *   (bins can be unequal or empty instead of raising "Bin edges must be unique").
 * - `quantile` with `ties: 'first'`: pandas-compatible `qcut(values.rank(method='first'), levels)` — rank k in a stable
 *   ascending sort where ties go by ascending customer id; cut points at the numpy linear quantiles
 *   `e_j = 1 + (m - 1) j / levels` of ranks 1..m; bin = 1 + #{j : k > e_j} (computed in exact integer arithmetic).
 * - `thresholds`: fixed business cuts per dimension; `breakpoints`: the cuts of an earlier run.
 *
 * Every result carries the breakpoints it used and warnings as data: `small-sample` (fewer than `minCustomers`
 * scored), `collapsed-bins` (fewer distinct scores than levels), `unscored-customers`, `inexact-breakpoints`.
 * Customers without a purchase before `asOf` are not scored (score 0).
 *
 * @example
 * ```ts
 * const summary = summarize(transactions, { asOf: '2024-06-30' });
 * const scoring = score(summary, { levels: 5 });
 * scoring.scores.recency; // Uint8Array of 1..5 (0 = no purchase)
 * scoring.breakpoints; // { levels: 5, dimensions: [{ dimension: 'recency', cuts: [...], ... }, ...] }
 * // Score a new customer in a browser exactly like this run:
 * scoreCustomer({ recency: 3, frequency: 2, monetary: 80 }, scoring.breakpoints);
 * ```
 */
export function score(summary: RfmSummary, options: ScoreOptions = {}): RfmScoring {
  const settings = normalise(options);
  const n = summary.customers.purchaseRows.length;
  const usesEngagement = settings.dimensions.includes('engagement');
  const engagement = usesEngagement ? dimensionValues(summary, 'engagement', options.engagement) : undefined;
  const scored = new Uint8Array(n);
  let scoredCount = 0;
  const purchaseRows = summary.customers.purchaseRows;
  for (let i = 0; i < n; i++) {
    if (purchaseRows[i]! > 0 && (engagement === undefined || Number.isFinite(engagement[i]))) {
      scored[i] = 1;
      scoredCount++;
    }
  }
  const warnings: RfmWarning[] = [];
  if (n > scoredCount) {
    warnings.push({
      code: 'unscored-customers',
      count: n - scoredCount,
      message: `${n - scoredCount} customers have no purchase before asOf${usesEngagement ? ' or no finite engagement value' : ''} and were not scored`,
    });
  }
  if (scoredCount === 0) {
    warnings.push({ code: 'no-customers', count: 0, message: 'no customer could be scored' });
  } else if (scoredCount < settings.minCustomers) {
    warnings.push({
      code: 'small-sample',
      count: scoredCount,
      message: `only ${scoredCount} customers were scored (fewer than ${settings.minCustomers}); quantile cuts are unstable`,
    });
  }

  const scores: Partial<Record<RfmDimension, Uint8Array>> = {};
  const dimensionBreakpoints: DimensionBreakpoints[] = [];
  let widened: Float64Array | undefined;
  for (const dimension of settings.dimensions) {
    const raw = dimension === 'engagement' ? engagement! : dimensionValues(summary, dimension, undefined);
    // Integer columns are widened into one reused buffer, so that every loop below sees a Float64Array.
    let values: Float64Array;
    if (raw instanceof Float64Array) values = raw;
    else {
      widened ??= new Float64Array(n);
      widened.set(raw);
      values = widened;
    }
    const result = scoreDimension(
      values,
      scored,
      scoredCount,
      dimension,
      settings.methods[dimension]!,
      options,
      settings,
    );
    scores[dimension] = result.scores;
    dimensionBreakpoints.push(result.breakpoints);
    if (scoredCount > 0) {
      const used = new Uint8Array(settings.levels + 1);
      for (let i = 0; i < n; i++) used[result.scores[i]!] = 1;
      let distinct = 0;
      for (let level = 1; level <= settings.levels; level++) distinct += used[level]!;
      if (distinct < settings.levels) {
        warnings.push({
          code: 'collapsed-bins',
          dimension,
          count: distinct,
          message: `${dimension}: ${settings.levels} levels asked, only ${distinct} distinct scores (ties or too few distinct values)`,
        });
      }
    }
    if (!result.breakpoints.exact) {
      warnings.push({
        code: 'inexact-breakpoints',
        dimension,
        message: `${dimension}: equal values straddle a cut (tie policy 'first'); scoring values against these breakpoints gives tied customers the lower bin`,
      });
    }
  }

  const combined = new Float64Array(n);
  const columns = settings.dimensions.map((dimension) => scores[dimension]!);
  const weights = settings.dimensions.map((dimension) => settings.weights[dimension]!);
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    if (scored[i] !== 1) {
      combined[i] = Number.NaN;
      continue;
    }
    let sum = 0;
    for (let d = 0; d < columns.length; d++) sum += weights[d]! * columns[d]![i]!;
    combined[i] = sum / weightTotal;
  }

  return {
    summary,
    levels: settings.levels,
    dimensions: [...settings.dimensions],
    scores,
    combined,
    weights: settings.weights,
    ...(engagement instanceof Float64Array ? { engagement } : {}),
    scoredCustomers: scoredCount,
    breakpoints: { levels: settings.levels, dimensions: dimensionBreakpoints },
    warnings,
  };
}
