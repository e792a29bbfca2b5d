/**
 * `analyze`: summarize + score + segment + segment summary in one call.
 *
 * @module
 */
import type { ColumnarTransactions, Transaction } from '../core/index.js';
import type { RfmBreakpoints } from './breakpoints.js';
import { cellCode } from './compile-map.js';
import { customerRow, type CustomerRfm } from './rows.js';
import { score, type ScoreOptions } from './score.js';
import { segment, type RfmSegmentation } from './segment.js';
import type { SegmentMap } from './segment-map.js';
import { segmentSummary, type SegmentSummary } from './segment-summary.js';
import { isColumnarInput, summarize } from './summarize.js';
import type { RfmCustomerColumns, RfmDimension, RfmWarning, SummarizeOptions } from './types.js';

/**
 * Options of {@link analyze}: those of {@link summarize} and {@link score}, plus the segment map.
 *
 * @example
 * ```ts
 * const options: AnalyzeOptions = { asOf: '2024-06-30', frequency: 'orders', levels: 5, ties: 'shared' };
 * ```
 */
export interface AnalyzeOptions extends SummarizeOptions, ScoreOptions {
  /** Segment map (default the 125-cell map). */
  readonly map?: SegmentMap;
  /** Scored dimensions bound to the map's positions (default the map's dimensions). */
  readonly segmentDimensions?: readonly RfmDimension[];
}

/**
 * Per-customer columns of a columnar analysis: the summary columns plus scores and segments (no copies).
 *
 * @example
 * ```ts
 * const { customers } = analyze(columns, { asOf: '2024-06-30' });
 * customers.scores.monetary![0]; customers.segmentIndex[0];
 * ```
 */
export interface RfmAnalysisColumns extends RfmCustomerColumns {
  /** Scores per dimension (0 = not scored). */
  readonly scores: Readonly<Partial<Record<RfmDimension, Uint8Array>>>;
  /** Weighted mean score (`NaN` when not scored). */
  readonly combined: Float64Array;
  /** Index into `segments` of the analysis' segmentation; -1 when unassigned. */
  readonly segmentIndex: Int16Array;
}

/**
 * One customer of a record-input analysis: summary fields, scores, cell code and segment.
 *
 * @example
 * ```ts
 * const row: RfmCustomerResult = {
 *   customerId: 'c-1', recencyDays: 4, frequency: 9, monetary: 812.5, ..., scores: { recency: 5, frequency: 5, monetary: 4 },
 *   code: '554', combinedScore: 4.67, segment: 'champions', segmentName: 'Champions',
 * };
 * ```
 */
export interface RfmCustomerResult extends CustomerRfm {
  /** Scores per dimension (`null` when not scored). */
  readonly scores: Readonly<Partial<Record<RfmDimension, number>>> | null;
  /** Cell code (e.g. `'554'`), `null` when not scored. */
  readonly code: string | null;
  /** Weighted mean score, `null` when not scored. */
  readonly combinedScore: number | null;
  /** Segment id, `null` when unassigned. */
  readonly segment: string | null;
  /** Segment name, `null` when unassigned. */
  readonly segmentName: string | null;
}

/**
 * What every analysis returns besides its per-customer data.
 *
 * @example
 * ```ts
 * const { segments, breakpoints, warnings } = analyze(transactions, { asOf: '2024-06-30' });
 * ```
 */
export interface RfmAnalysisBase {
  /** The full segmentation (with its scoring and summary), for migration, value tiers, explanations. */
  readonly segmentation: RfmSegmentation;
  /** Segment summary rows and total. */
  readonly segments: SegmentSummary;
  /** The cuts used, to score new customers the same way. */
  readonly breakpoints: RfmBreakpoints;
  /** Warnings of all three steps. */
  readonly warnings: readonly RfmWarning[];
}

/**
 * Result of {@link analyze} for columnar input.
 *
 * @example
 * ```ts
 * const result: RfmAnalysisOfColumns = analyze(columns, { asOf: '2024-06-30' });
 * ```
 */
export interface RfmAnalysisOfColumns extends RfmAnalysisBase {
  /** Per-customer columns. */
  readonly customers: RfmAnalysisColumns;
}

/**
 * Result of {@link analyze} for record input.
 *
 * @example
 * ```ts
 * const result: RfmAnalysisOfRecords = analyze(transactions, { asOf: '2024-06-30' });
 * result.customers[0]!.segmentName; //=> 'Champions'
 * ```
 */
export interface RfmAnalysisOfRecords extends RfmAnalysisBase {
  /** One object per customer. */
  readonly customers: readonly RfmCustomerResult[];
}

function scoreOptionsOf(options: AnalyzeOptions): ScoreOptions {
  const { levels, dimensions, method, ties, thresholds, breakpoints, weights, engagement, minCustomers } = options;
  const all = { levels, dimensions, method, ties, thresholds, breakpoints, weights, engagement, minCustomers };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
}

/**
 * Runs {@link summarize}, {@link score}, {@link segment} and {@link segmentSummary} in one call. Columnar input gives
 * columnar per-customer output (typed arrays, the fast path); record input gives one object per customer. Both also
 * return the segment summary, the breakpoints and every warning.
 *
 * @example
 * ```ts
 * const { customers, segments } = analyze(transactions, { asOf: '2024-06-30' });
 * customers[0] //=> { customerId: 'c-1', recencyDays: 4, ..., code: '554', segment: 'champions', segmentName: 'Champions' }
 * segments.rows.map((r) => `${r.name}: ${r.customers} customers, ${(100 * (r.revenueShare ?? 0)).toFixed(1)}% of revenue`);
 * ```
 */
export function analyze(input: ColumnarTransactions, options: AnalyzeOptions): RfmAnalysisOfColumns;
/**
 * {@link analyze} for records: one plain object per customer (summary fields, scores, cell code, segment).
 *
 * @example
 * ```ts
 * analyze(transactions, { asOf: '2024-06-30' }).customers[0]!.segmentName //=> 'Champions'
 * ```
 */
export function analyze(input: readonly Transaction[], options: AnalyzeOptions): RfmAnalysisOfRecords;
export function analyze(
  input: readonly Transaction[] | ColumnarTransactions,
  options: AnalyzeOptions,
): RfmAnalysisOfColumns | RfmAnalysisOfRecords {
  const summary = summarize(input, options);
  const scoring = score(summary, scoreOptionsOf(options));
  const segmentation = segment(
    scoring,
    options.map,
    options.segmentDimensions === undefined ? {} : { dimensions: options.segmentDimensions },
  );
  const base: RfmAnalysisBase = {
    segmentation,
    segments: segmentSummary(segmentation),
    breakpoints: scoring.breakpoints,
    warnings: [...summary.warnings, ...scoring.warnings, ...segmentation.warnings],
  };
  if (isColumnarInput(input)) {
    return {
      ...base,
      customers: {
        ...summary.customers,
        scores: scoring.scores,
        combined: scoring.combined,
        segmentIndex: segmentation.segmentIndex,
      },
    };
  }
  const n = summary.customers.purchaseRows.length;
  const customers = new Array<RfmCustomerResult>(n);
  const width = segmentation.dimensions.length;
  for (let i = 0; i < n; i++) {
    const scored = !Number.isNaN(scoring.combined[i]);
    const scores: Partial<Record<RfmDimension, number>> = {};
    if (scored) for (const dimension of scoring.dimensions) scores[dimension] = scoring.scores[dimension]![i]!;
    const s = segmentation.segmentIndex[i]!;
    const cell = segmentation.cell[i]!;
    customers[i] = {
      ...customerRow(summary, i),
      scores: scored ? scores : null,
      code: cell >= 0 ? cellCode(cell, scoring.levels, width) : null,
      combinedScore: scored ? scoring.combined[i]! : null,
      segment: s >= 0 ? segmentation.segments[s]!.id : null,
      segmentName: s >= 0 ? segmentation.segments[s]!.name : null,
    };
  }
  return { ...base, customers };
}
