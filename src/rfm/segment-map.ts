/**
 * Segment maps as data: cell lookups (every score combination listed) and range-rule maps (first match), with a
 * codec that reports every problem with its path.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import {
  boundedInteger,
  decodeWith,
  joinPath,
  makeIssue,
  NonEmptyStringCodec,
  strictObject,
  type ValidationIssue,
} from '../core/index.js';
import { RFM_DIMENSIONS, type RfmDimension } from './types.js';

/**
 * A segment: id, display name, and what it means and what to do about it.
 *
 * @example
 * ```ts
 * const champions: SegmentDefinition = {
 *   id: 'champions', name: 'Champions', category: 'high-value',
 *   description: 'Bought recently, buy often and spend the most',
 *   action: 'Dedicated service, early access to new products, ask for reviews and referrals',
 * };
 * ```
 */
export interface SegmentDefinition {
  /** Stable identifier (used in results and migrations). */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** What the customers of the segment have in common. */
  readonly description?: string;
  /** Recommended action. */
  readonly action?: string;
  /** Value group, e.g. `high-value`, `potential`, `ordinary`, `at-risk`. */
  readonly category?: string;
}

/**
 * A segment of a {@link CellSegmentMap}: its definition plus the score cells it owns, as digit codes in the order of
 * the map's dimensions (`'545'` = R5 F4 M5).
 *
 * @example
 * ```ts
 * const lost: CellSegment = { id: 'lost', name: 'Lost', cells: ['111', '112', '121', '131', '141', '151'] };
 * ```
 */
export interface CellSegment extends SegmentDefinition {
  /** Score codes, one digit per dimension (levels at most 9). */
  readonly cells: readonly string[];
}

/**
 * A lookup map: every score cell is listed under one segment. Complete and disjoint when
 * {@link validateSegmentMap} finds no uncovered cell and no overlap; a cell listed twice goes to the first segment.
 *
 * @example
 * ```ts
 * const map: CellSegmentMap = {
 *   type: 'cells', name: 'two-by-two', levels: 2, dimensions: ['recency', 'frequency'],
 *   segments: [
 *     { id: 'active', name: 'Active', cells: ['21', '22'] },
 *     { id: 'lapsed', name: 'Lapsed', cells: ['11', '12'] },
 *   ],
 * };
 * ```
 */
export interface CellSegmentMap {
  /** Discriminant. */
  readonly type: 'cells';
  /** Name of the map. */
  readonly name: string;
  /** Version label. */
  readonly version?: string;
  /** Description of the map. */
  readonly description?: string;
  /** Score levels per dimension (2..9). */
  readonly levels: number;
  /** The dimensions the digits of a cell code refer to, in order. */
  readonly dimensions: readonly RfmDimension[];
  /** Segments with their cells. */
  readonly segments: readonly CellSegment[];
}

/**
 * A range rule: a customer matches when every listed dimension's score lies in `[min, max]` (unlisted dimensions
 * match anything).
 *
 * @example
 * ```ts
 * const rule: RangeRule = { segment: 'champions', ranges: { recency: [4, 5], frequency: [4, 5], monetary: [4, 5] } };
 * ```
 */
export interface RangeRule {
  /** Id of the segment the rule assigns. */
  readonly segment: string;
  /** Inclusive score range per dimension. */
  readonly ranges: Readonly<Partial<Record<RfmDimension, readonly [number, number]>>>;
}

/**
 * A first-match rule map (the form of the R `rfm` package's segment tables): rules are tried in order, the first
 * that matches assigns the segment; customers no rule matches stay unassigned.
 *
 * @example
 * ```ts
 * const map: RuleSegmentMap = {
 *   type: 'rules', name: 'simple', levels: 5, dimensions: ['recency', 'frequency', 'monetary'],
 *   segments: [{ id: 'best', name: 'Best' }, { id: 'rest', name: 'Everyone else' }],
 *   rules: [
 *     { segment: 'best', ranges: { recency: [4, 5], frequency: [4, 5], monetary: [4, 5] } },
 *     { segment: 'rest', ranges: {} },
 *   ],
 * };
 * ```
 */
export interface RuleSegmentMap {
  /** Discriminant. */
  readonly type: 'rules';
  /** Name of the map. */
  readonly name: string;
  /** Version label. */
  readonly version?: string;
  /** Description of the map. */
  readonly description?: string;
  /** Score levels per dimension (2..20). */
  readonly levels: number;
  /** The dimensions rules may refer to. */
  readonly dimensions: readonly RfmDimension[];
  /** The segments, in display order. */
  readonly segments: readonly SegmentDefinition[];
  /** Rules, tried in order. */
  readonly rules: readonly RangeRule[];
}

/**
 * A segment map: a cell lookup or a first-match rule list. Plain JSON data.
 *
 * @example
 * ```ts
 * const map: SegmentMap = DEFAULT_SEGMENT_MAP; // the 11-segment 125-cell lookup
 * ```
 */
export type SegmentMap = CellSegmentMap | RuleSegmentMap;

/** Largest number of cells (levels ^ dimensions) a map may span. */
const MAX_MAP_CELLS = 1_000_000;

const integerIn = (lo: number, hi: number): t.Type<number, number> => boundedInteger(lo, hi, `integer ${lo}..${hi}`);

const DimensionCodec = t.keyof(
  Object.fromEntries(RFM_DIMENSIONS.map((d) => [d, null])) as Record<RfmDimension, null>,
  'dimension (recency, frequency, monetary, length, tenure or engagement)',
);

const definitionFields = {
  required: { id: NonEmptyStringCodec, name: NonEmptyStringCodec },
  optional: { description: t.string, action: t.string, category: t.string },
};

const SegmentDefinitionCodec = strictObject('segment', definitionFields.required, definitionFields.optional);

const CellSegmentCodec = strictObject(
  'cell segment',
  { ...definitionFields.required, cells: t.array(t.string) },
  definitionFields.optional,
);

const headerOptional = { version: t.string, description: t.string };

const CellSegmentMapCodec = strictObject(
  'cell segment map',
  {
    type: t.literal('cells'),
    name: NonEmptyStringCodec,
    levels: integerIn(2, 9),
    dimensions: t.array(DimensionCodec),
    segments: t.array(CellSegmentCodec),
  },
  headerOptional,
);

const RangeCodec = t.tuple([t.number, t.number]);

const RuleSegmentMapCodec = strictObject(
  'rule segment map',
  {
    type: t.literal('rules'),
    name: NonEmptyStringCodec,
    levels: integerIn(2, 20),
    dimensions: t.array(DimensionCodec),
    segments: t.array(SegmentDefinitionCodec),
    rules: t.array(
      strictObject('range rule', { segment: NonEmptyStringCodec, ranges: t.record(t.string, RangeCodec) }, {}),
    ),
  },
  headerOptional,
);

function semanticIssues(map: SegmentMap, root: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const dimsPath = joinPath(root, 'dimensions');
  if (map.dimensions.length === 0) issues.push(makeIssue(dimsPath, 'at least one dimension', map.dimensions));
  const dimSet = new Set<string>();
  map.dimensions.forEach((dimension, i) => {
    if (dimSet.has(dimension))
      issues.push(makeIssue(joinPath(dimsPath, i), 'a dimension not listed before', dimension));
    dimSet.add(dimension);
  });
  if (map.levels ** map.dimensions.length > MAX_MAP_CELLS) {
    issues.push(makeIssue(dimsPath, `at most ${MAX_MAP_CELLS} cells (levels ^ dimensions)`, map.dimensions));
  }
  const segmentsPath = joinPath(root, 'segments');
  if (map.segments.length === 0) issues.push(makeIssue(segmentsPath, 'at least one segment', map.segments));
  const ids = new Set<string>();
  map.segments.forEach((segment, i) => {
    if (ids.has(segment.id)) {
      issues.push(makeIssue(joinPath(joinPath(segmentsPath, i), 'id'), 'a segment id not used before', segment.id));
    }
    ids.add(segment.id);
  });
  if (map.type === 'cells') {
    const digits = map.dimensions.length;
    const pattern = new RegExp(`^[1-${map.levels}]{${digits}}$`);
    map.segments.forEach((segment, i) => {
      segment.cells.forEach((cell, j) => {
        if (!pattern.test(cell)) {
          const path = joinPath(joinPath(joinPath(segmentsPath, i), 'cells'), j);
          issues.push(makeIssue(path, `${digits} digits 1..${map.levels}`, cell));
        }
      });
    });
  } else {
    map.rules.forEach((rule, i) => {
      const rulePath = joinPath(joinPath(root, 'rules'), i);
      if (!ids.has(rule.segment))
        issues.push(makeIssue(joinPath(rulePath, 'segment'), 'a segment id of the map', rule.segment));
      for (const [dimension, range] of Object.entries(rule.ranges)) {
        const path = joinPath(joinPath(rulePath, 'ranges'), dimension);
        if (!dimSet.has(dimension)) {
          issues.push(makeIssue(path, `a dimension of the map (${map.dimensions.join(', ')})`, dimension));
          continue;
        }
        const [lo, hi] = range;
        if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi > map.levels || lo > hi) {
          issues.push(makeIssue(path, `[min, max] integers with 1 <= min <= max <= ${map.levels}`, range));
        }
      }
    });
  }
  return issues;
}

/**
 * Decodes an untrusted segment map (e.g. parsed JSON): structure first, then meaning — unique dimensions and segment
 * ids, cell codes with one digit 1..levels per dimension, rules that name existing segments and valid score ranges of
 * the map's dimensions. Returns every issue with its path (`segmentMap.segments[2].cells[5]`). Coverage and overlaps
 * are not decoding errors: see {@link validateSegmentMap}.
 *
 * @example
 * ```ts
 * decodeSegmentMap(JSON.parse(JSON.stringify(DEFAULT_SEGMENT_MAP))) // right(map)
 * decodeSegmentMap({ type: 'cells', name: 'x', levels: 5, dimensions: ['recency'], segments: [{ id: 'a', name: 'A', cells: ['7'] }] })
 * //=> left([{ path: 'segmentMap.segments[0].cells[0]', expected: '1 digits 1..5', ... }])
 * ```
 */
export function decodeSegmentMap(input: unknown, root = 'segmentMap'): E.Either<ValidationIssue[], SegmentMap> {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  let decoded: E.Either<ValidationIssue[], SegmentMap>;
  if (type === 'cells') decoded = decodeWith(CellSegmentMapCodec, input, root);
  else if (type === 'rules') decoded = decodeWith(RuleSegmentMapCodec, input, root);
  else {
    const path = typeof input === 'object' && input !== null && !Array.isArray(input) ? joinPath(root, 'type') : root;
    return E.left([makeIssue(path, "a segment map with type 'cells' or 'rules'", path === root ? input : type)]);
  }
  if (E.isLeft(decoded)) return decoded;
  const issues = semanticIssues(decoded.right, root);
  return issues.length > 0 ? E.left(issues) : decoded;
}

/**
 * A copy of a segment map with some segments renamed (custom names, translations); ids, cells and rules are kept, so
 * results stay comparable. Throws on an id the map does not have.
 *
 * @example
 * ```ts
 * const german = renameSegments(DEFAULT_SEGMENT_MAP, { champions: 'Champions', lost: 'Verloren' });
 * german.segments.find((s) => s.id === 'lost')?.name //=> 'Verloren'
 * ```
 */
export function renameSegments<M extends SegmentMap>(map: M, names: Readonly<Record<string, string>>): M {
  const ids = new Set(map.segments.map((s) => s.id));
  for (const id of Object.keys(names)) {
    if (!ids.has(id)) throw new RangeError(`[clientele] renameSegments: the map has no segment ${id}`);
  }
  const segments = map.segments.map((s) => (Object.hasOwn(names, s.id) ? { ...s, name: names[s.id]! } : s));
  return { ...map, segments };
}
