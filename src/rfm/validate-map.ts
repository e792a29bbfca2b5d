/**
 * `validateSegmentMap`: coverage, overlaps and unreachable rules of a segment map.
 *
 * @module
 */
import { cellCode, cellScores, compileSegmentMap } from './compile-map.js';
import type { SegmentMap } from './segment-map.js';

/**
 * A cell claimed by entries that name different segments.
 *
 * @example
 * ```ts
 * const overlap: SegmentMapOverlap = { cell: '555', entries: [0, 1], segments: ['champions', 'loyal'] };
 * ```
 */
export interface SegmentMapOverlap {
  /** Cell code. */
  readonly cell: string;
  /** Indices of the matching entries (segments of a cell map, rules of a rule map), in map order. */
  readonly entries: readonly number[];
  /** Distinct segment ids of those entries, in map order; the first one wins. */
  readonly segments: readonly string[];
}

/**
 * An entry (segment of a cell map, rule of a rule map) that never assigns any cell.
 *
 * @example
 * ```ts
 * const rule: UnreachableEntry = { index: 3, segment: 'new-customers' };
 * ```
 */
export interface UnreachableEntry {
  /** Index of the entry. */
  readonly index: number;
  /** Segment id of the entry. */
  readonly segment: string;
}

/**
 * Report of {@link validateSegmentMap}. Lists are capped at 1000 entries; the counts are complete.
 *
 * @example
 * ```ts
 * const report: SegmentMapValidation = validateSegmentMap(DEFAULT_SEGMENT_MAP);
 * report.isPartition //=> true
 * ```
 */
export interface SegmentMapValidation {
  /** True when every cell is assigned and no cell is claimed by two segments. */
  readonly isPartition: boolean;
  /** `levels ^ dimensions`. */
  readonly cells: number;
  /** Cells some entry assigns. */
  readonly coveredCells: number;
  /** Number of cells no entry covers (customers there stay unassigned). */
  readonly uncoveredCount: number;
  /** Codes of uncovered cells. */
  readonly uncoveredCells: readonly string[];
  /** Number of cells claimed by entries of different segments. */
  readonly overlapCount: number;
  /** The overlapping cells. */
  readonly overlaps: readonly SegmentMapOverlap[];
  /** Entries that never assign a cell (shadowed by earlier entries, or matching nothing). */
  readonly unreachableEntries: readonly UnreachableEntry[];
  /** Segments that no cell ends up in. */
  readonly unusedSegments: readonly string[];
}

const MAX_LISTED = 1000;

/**
 * Checks a segment map for cells no entry covers, cells claimed by more than one segment (resolved first-match, but
 * usually a mistake), entries that can never win, and segments no cell reaches. The default 125-cell map is a
 * partition; the classic R `rfm` range table, applied first-match, leaves 36 cells uncovered and New Customers,
 * Promising, Can't Lose Them and Lost unreachable.
 *
 * @example
 * ```ts
 * validateSegmentMap(DEFAULT_SEGMENT_MAP)
 * //=> { isPartition: true, cells: 125, coveredCells: 125, uncoveredCount: 0, uncoveredCells: [], overlapCount: 0,
 * //     overlaps: [], unreachableEntries: [], unusedSegments: [] }
 * ```
 */
export function validateSegmentMap(map: SegmentMap): SegmentMapValidation {
  const compiled = compileSegmentMap(map);
  const { levels, width } = compiled;
  const cells = compiled.cellSegment.length;
  const uncoveredCells: string[] = [];
  const overlaps: SegmentMapOverlap[] = [];
  let covered = 0;
  let overlapCount = 0;
  const entryCount = map.type === 'cells' ? map.segments.length : map.rules.length;
  const entryWins = new Uint8Array(entryCount);
  const segmentUsed = new Uint8Array(map.segments.length);
  const segmentOfEntry = (entry: number): string =>
    map.type === 'cells' ? map.segments[entry]!.id : map.rules[entry]!.segment;
  const entriesOf = (cell: number): number[] => {
    const out: number[] = [];
    if (map.type === 'cells') {
      const code = cellCode(cell, levels, width);
      map.segments.forEach((segment, s) => {
        if (segment.cells.includes(code)) out.push(s);
      });
      return out;
    }
    const scores = cellScores(cell, levels, width);
    map.rules.forEach((rule, r) => {
      const matches = map.dimensions.every((dimension, d) => {
        const range = rule.ranges[dimension];
        return range === undefined || (scores[d]! >= range[0] && scores[d]! <= range[1]);
      });
      if (matches) out.push(r);
    });
    return out;
  };
  for (let cell = 0; cell < cells; cell++) {
    const segment = compiled.cellSegment[cell]!;
    if (segment === -1) {
      if (uncoveredCells.length < MAX_LISTED) uncoveredCells.push(cellCode(cell, levels, width));
      continue;
    }
    covered++;
    segmentUsed[segment] = 1;
    entryWins[compiled.cellRule[cell]!] = 1;
    if (compiled.cellConflict[cell] === 1) {
      overlapCount++;
      if (overlaps.length < MAX_LISTED) {
        const entries = entriesOf(cell);
        overlaps.push({
          cell: cellCode(cell, levels, width),
          entries,
          segments: [...new Set(entries.map(segmentOfEntry))],
        });
      }
    }
  }
  const unreachableEntries: UnreachableEntry[] = [];
  for (let entry = 0; entry < entryCount && unreachableEntries.length < MAX_LISTED; entry++) {
    if (entryWins[entry] === 0) unreachableEntries.push({ index: entry, segment: segmentOfEntry(entry) });
  }
  const unusedSegments = map.segments.filter((_, s) => segmentUsed[s] === 0).map((s) => s.id);
  return {
    isPartition: covered === cells && overlapCount === 0,
    cells,
    coveredCells: covered,
    uncoveredCount: cells - covered,
    uncoveredCells,
    overlapCount,
    overlaps,
    unreachableEntries,
    unusedSegments,
  };
}
