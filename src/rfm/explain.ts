/**
 * `explainCustomer`: why a customer is in its segment — values, cuts, scores, cell and the rule that matched.
 *
 * @module
 */
import { cellCode, compileSegmentMap } from './compile-map.js';
import { dimensionValues } from './dimension-values.js';
import type { RfmSegmentation } from './segment.js';
import type { RangeRule, SegmentDefinition } from './segment-map.js';
import type { RfmDimension } from './types.js';

/**
 * How one dimension of a customer was scored.
 *
 * @example
 * ```ts
 * const step: DimensionExplanation = {
 *   dimension: 'recency', value: 12, score: 5, cuts: [17, 50, 143, 261], higherIsBetter: false, lower: null, upper: 17,
 * };
 * ```
 */
export interface DimensionExplanation {
  /** Dimension. */
  readonly dimension: RfmDimension;
  /** The customer's value. */
  readonly value: number;
  /** The score it received. */
  readonly score: number;
  /** The cuts of the dimension. */
  readonly cuts: readonly number[];
  /** False for recency (low values score high). */
  readonly higherIsBetter: boolean;
  /** The value's bin is `(lower, upper]`; `null` for an open end. */
  readonly lower: number | null;
  /** Upper end of the bin (`null` for the last bin). */
  readonly upper: number | null;
}

/**
 * The map entry that assigned a customer's cell: the segment's cell list (cell maps) or the first matching rule.
 *
 * @example
 * ```ts
 * const rule: ExplanationRule = { index: 2, type: 'rules', ranges: { recency: [3, 5], frequency: [1, 3] } };
 * ```
 */
export interface ExplanationRule {
  /** Index of the segment (cell maps) or of the rule (rule maps). */
  readonly index: number;
  /** Kind of map. */
  readonly type: 'cells' | 'rules';
  /** The matching rule's ranges (rule maps only). */
  readonly ranges?: RangeRule['ranges'];
}

/**
 * The explanation of one customer's segment.
 *
 * @example
 * ```ts
 * const why: CustomerExplanation = explainCustomer(segmentation, 'c-42')!;
 * why.cell; //=> '545'
 * why.segment?.name; //=> 'Champions'
 * ```
 */
export interface CustomerExplanation {
  /** Customer id. */
  readonly customerId: string | number;
  /** `scored` / `unscored` (no purchase before asOf) / `uncovered` (the map has no segment for the cell). */
  readonly status: 'scored' | 'unscored' | 'uncovered';
  /** Per-dimension values, cuts and scores. */
  readonly dimensions: readonly DimensionExplanation[];
  /** Cell code in the map's dimension order. */
  readonly cell: string | null;
  /** The segment. */
  readonly segment: SegmentDefinition | null;
  /** The map entry that assigned the cell: the segment's cell list, or the first matching rule. */
  readonly rule: ExplanationRule | null;
}

function findCustomer(ids: Float64Array | readonly string[], id: string | number): number {
  if (ids instanceof Float64Array ? typeof id === 'number' : typeof id === 'string') {
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < ids.length && ids[lo] === id ? lo : -1;
  }
  const text = String(id);
  for (let i = 0; i < ids.length; i++) if (String(ids[i]) === text) return i;
  return -1;
}

/**
 * Explains a customer's segment: for every scored dimension the value, the cuts, the bin it fell in and the score;
 * then the cell code and the map entry that assigned the segment. `undefined` when the customer is not in the
 * summary.
 *
 * @example
 * ```ts
 * explainCustomer(segmentation, 12347)
 * //=> { customerId: 12347, status: 'scored', cell: '555', segment: { id: 'champions', ... },
 * //     dimensions: [{ dimension: 'recency', value: 3, score: 5, lower: null, upper: 13, ... }, ...],
 * //     rule: { index: 0, type: 'cells' } }
 * ```
 */
export function explainCustomer(
  segmentation: RfmSegmentation,
  customerId: string | number,
): CustomerExplanation | undefined {
  const scoring = segmentation.scoring;
  const summary = scoring.summary;
  const i = findCustomer(summary.customers.customerId, customerId);
  if (i < 0) return undefined;
  const id = summary.customers.customerId[i]!;
  const scored = scoring.combined[i] === scoring.combined[i];
  const dimensions: DimensionExplanation[] = [];
  if (scored) {
    for (const entry of scoring.breakpoints.dimensions) {
      const values = dimensionValues(summary, entry.dimension, scoring.engagement);
      const s = scoring.scores[entry.dimension]![i]!;
      const bin = entry.higherIsBetter ? s : scoring.levels + 1 - s;
      dimensions.push({
        dimension: entry.dimension,
        value: values[i]!,
        score: s,
        cuts: entry.cuts,
        higherIsBetter: entry.higherIsBetter,
        lower: bin > 1 ? (entry.cuts[bin - 2] ?? null) : null,
        upper: bin <= entry.cuts.length ? (entry.cuts[bin - 1] ?? null) : null,
      });
    }
  }
  const cell = segmentation.cell[i]!;
  const s = segmentation.segmentIndex[i]!;
  const map = segmentation.map;
  let rule: ExplanationRule | null = null;
  if (s >= 0) {
    const entry = compileSegmentMap(map).cellRule[cell]!;
    rule =
      map.type === 'cells'
        ? { index: entry, type: 'cells' }
        : { index: entry, type: 'rules', ranges: map.rules[entry]!.ranges };
  }
  return {
    customerId: id,
    status: !scored ? 'unscored' : s < 0 ? 'uncovered' : 'scored',
    dimensions,
    cell: cell >= 0 ? cellCode(cell, scoring.levels, segmentation.dimensions.length) : null,
    segment: s >= 0 ? segmentation.segments[s]! : null,
    rule,
  };
}
