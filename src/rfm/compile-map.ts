/**
 * Cell arithmetic and map compilation: every segment map becomes a lookup table from score cell to segment.
 *
 * @module
 */
import type { SegmentDefinition, SegmentMap } from './segment-map.js';

/**
 * A segment map compiled to lookup tables over all `levels ^ dimensions` score cells.
 *
 * @example
 * ```ts
 * const compiled = compileSegmentMap(DEFAULT_SEGMENT_MAP);
 * compiled.segments[compiled.cellSegment[cellIndex([5, 5, 5], 5)]!]!.id //=> 'champions'
 * ```
 */
export interface CompiledSegmentMap {
  /** Score levels. */
  readonly levels: number;
  /** Number of dimensions of a cell. */
  readonly width: number;
  /** Segment definitions in map order (cells removed). */
  readonly segments: readonly SegmentDefinition[];
  /** Segment index of every cell; -1 when no entry covers it. */
  readonly cellSegment: Int16Array;
  /** The entry that assigned each cell (segment index for cell maps, rule index for rule maps); -1 when none. */
  readonly cellRule: Int16Array;
  /** Whether the matching entries of a cell name more than one segment. */
  readonly cellConflict: Uint8Array;
}

/**
 * The index of a score cell: scores (1..levels, in dimension order) read as a base-`levels` number.
 *
 * @example
 * ```ts
 * cellIndex([1, 1, 1], 5) //=> 0
 * cellIndex([5, 5, 5], 5) //=> 124
 * cellIndex([2, 1, 3], 5) //=> 27
 * ```
 */
export function cellIndex(scores: readonly number[], levels: number): number {
  let index = 0;
  for (const s of scores) index = index * levels + (s - 1);
  return index;
}

/**
 * The scores of a cell index (inverse of {@link cellIndex}).
 *
 * @example
 * ```ts
 * cellScores(27, 5, 3) //=> [2, 1, 3]
 * ```
 */
export function cellScores(index: number, levels: number, width: number): number[] {
  const scores = new Array<number>(width);
  let rest = index;
  for (let d = width - 1; d >= 0; d--) {
    scores[d] = (rest % levels) + 1;
    rest = Math.floor(rest / levels);
  }
  return scores;
}

/**
 * The display code of a cell: digits (`'213'`) when levels ≤ 9, else scores joined by `-` (`'2-10-3'`).
 *
 * @example
 * ```ts
 * cellCode(27, 5, 3) //=> '213'
 * cellCode(cellIndex([2, 10, 3], 12), 12, 3) //=> '2-10-3'
 * ```
 */
export function cellCode(index: number, levels: number, width: number): string {
  return cellScores(index, levels, width).join(levels <= 9 ? '' : '-');
}

/**
 * Compiles a (decoded) segment map to lookup tables. Cell maps: the first segment listing a cell owns it. Rule maps:
 * the first matching rule assigns the cell. Throws when the map spans more than 1,000,000 cells (a decoded map never
 * does).
 *
 * @example
 * ```ts
 * const compiled = compileSegmentMap(RF_GRID_SEGMENT_MAP);
 * compiled.cellSegment.length //=> 25
 * ```
 */
export function compileSegmentMap(map: SegmentMap): CompiledSegmentMap {
  const levels = map.levels;
  const width = map.dimensions.length;
  const cells = levels ** width;
  if (!(cells <= 1_000_000)) {
    throw new RangeError(`[clientele] segment map spans ${cells} cells (levels ^ dimensions); at most 1000000`);
  }
  const cellSegment = new Int16Array(cells).fill(-1);
  const cellRule = new Int16Array(cells).fill(-1);
  const cellConflict = new Uint8Array(cells);
  const segmentIndex = new Map(map.segments.map((s, i) => [s.id, i]));
  const claim = (cell: number, segment: number, entry: number): void => {
    if (cellSegment[cell] === -1) {
      cellSegment[cell] = segment;
      cellRule[cell] = entry;
    } else if (cellSegment[cell] !== segment) cellConflict[cell] = 1;
  };
  if (map.type === 'cells') {
    map.segments.forEach((segment, s) => {
      const listed = new Set<number>();
      for (const code of segment.cells) {
        const cell = cellIndex(Array.from(code, Number), levels);
        if (cell < 0 || cell >= cells || listed.has(cell)) continue;
        listed.add(cell);
        claim(cell, s, s);
      }
    });
  } else {
    for (let cell = 0; cell < cells; cell++) {
      const scores = cellScores(cell, levels, width);
      map.rules.forEach((rule, r) => {
        const segment = segmentIndex.get(rule.segment);
        if (segment === undefined) return;
        for (let d = 0; d < width; d++) {
          const range = rule.ranges[map.dimensions[d]!];
          if (range !== undefined && (scores[d]! < range[0] || scores[d]! > range[1])) return;
        }
        claim(cell, segment, r);
      });
    }
  }
  const segments = map.segments.map((segment): SegmentDefinition => {
    const { id, name, description, action, category } = segment;
    return {
      id,
      name,
      ...(description === undefined ? {} : { description }),
      ...(action === undefined ? {} : { action }),
      ...(category === undefined ? {} : { category }),
    };
  });
  return { levels, width, segments, cellSegment, cellRule, cellConflict };
}
