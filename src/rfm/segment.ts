/**
 * `segment`: assign every scored customer to a segment of a segment map.
 *
 * @module
 */
import { compileSegmentMap } from './compile-map.js';
import { DEFAULT_SEGMENT_MAP } from './default-maps.js';
import type { RfmScoring } from './score.js';
import type { SegmentDefinition, SegmentMap } from './segment-map.js';
import type { RfmDimension, RfmWarning } from './types.js';

/**
 * Options of {@link segment}.
 *
 * @example
 * ```ts
 * // RFE: read the default R-F-M map with engagement in place of monetary.
 * const options: SegmentOptions = { dimensions: ['recency', 'frequency', 'engagement'] };
 * ```
 */
export interface SegmentOptions {
  /** The scored dimensions bound to the map's positions, in order (default: the map's own dimensions). */
  readonly dimensions?: readonly RfmDimension[];
}

/**
 * The result of {@link segment}: a segment per customer (aligned with `scoring.summary.customers`), the segment
 * definitions and counts. `segmentIndex` is -1 for customers that were not scored or whose cell the map does not
 * cover.
 *
 * @example
 * ```ts
 * const segmentation: RfmSegmentation = segment(score(summary));
 * segmentation.segments[segmentation.segmentIndex[0]!]?.name; // e.g. 'Champions'
 * ```
 */
export interface RfmSegmentation {
  /** The scoring that was segmented. */
  readonly scoring: RfmScoring;
  /** The map used. */
  readonly map: SegmentMap;
  /** The scored dimensions bound to the map's positions. */
  readonly dimensions: readonly RfmDimension[];
  /** Segment definitions in map order. */
  readonly segments: readonly SegmentDefinition[];
  /** Segment index per customer; -1 when unassigned. */
  readonly segmentIndex: Int16Array;
  /** Score cell index per customer (see `cellIndex` / `cellCode`); -1 when not scored. */
  readonly cell: Int32Array;
  /** Customers per segment, in map order. */
  readonly counts: readonly number[];
  /** Scored customers whose cell the map does not cover. */
  readonly uncovered: number;
  /** Customers that were not scored (no purchase before asOf). */
  readonly unscored: number;
  /** Warnings (uncovered cells). */
  readonly warnings: readonly RfmWarning[];
}

/**
 * Assigns every scored customer to a segment: the customer's scores on the map's dimensions form a cell, the map
 * gives the cell's segment (cell maps by lookup, rule maps by first match). The default map is the complete
 * 11-segment 125-cell R-F-M lookup ({@link DEFAULT_SEGMENT_MAP}). Throws when the map's levels differ from the
 * scoring's or a map dimension was not scored (programming errors).
 *
 * @example
 * ```ts
 * const segmentation = segment(score(summarize(transactions, { asOf: '2024-06-30' })));
 * segmentation.counts; // customers per segment, in DEFAULT_SEGMENT_MAP order
 * const rf = segment(score(summary, { dimensions: ['recency', 'frequency'] }), RF_GRID_SEGMENT_MAP);
 * ```
 */
export function segment(
  scoring: RfmScoring,
  map: SegmentMap = DEFAULT_SEGMENT_MAP,
  options: SegmentOptions = {},
): RfmSegmentation {
  if (map.levels !== scoring.levels) {
    throw new RangeError(`[clientele] segment: the map is for ${map.levels} levels, the scores have ${scoring.levels}`);
  }
  const dimensions = options.dimensions ?? map.dimensions;
  if (dimensions.length !== map.dimensions.length) {
    throw new RangeError(
      `[clientele] segment: the map needs ${map.dimensions.length} dimensions, got ${dimensions.length}`,
    );
  }
  const columns = dimensions.map((dimension) => {
    const column = scoring.scores[dimension];
    if (column === undefined) throw new RangeError(`[clientele] segment: dimension ${dimension} was not scored`);
    return column;
  });
  const compiled = compileSegmentMap(map);
  const levels = scoring.levels;
  const n = scoring.combined.length;
  const segmentIndex = new Int16Array(n).fill(-1);
  const cell = new Int32Array(n).fill(-1);
  const counts = new Array<number>(compiled.segments.length).fill(0);
  let uncovered = 0;
  let unscored = 0;
  const width = columns.length;
  for (let i = 0; i < n; i++) {
    if (columns[0]![i] === 0) {
      unscored++;
      continue;
    }
    let index = 0;
    for (let d = 0; d < width; d++) index = index * levels + columns[d]![i]! - 1;
    cell[i] = index;
    const s = compiled.cellSegment[index]!;
    segmentIndex[i] = s;
    if (s === -1) uncovered++;
    else counts[s]!++;
  }
  const warnings: RfmWarning[] = [];
  if (uncovered > 0) {
    warnings.push({
      code: 'unassigned-customers',
      count: uncovered,
      message: `${uncovered} customers fall in cells the map "${map.name}" does not cover (see validateSegmentMap)`,
    });
  }
  return {
    scoring,
    map,
    dimensions: [...dimensions],
    segments: compiled.segments,
    segmentIndex,
    cell,
    counts,
    uncovered,
    unscored,
    warnings,
  };
}
