/**
 * Codecs for scoring configuration that arrives as JSON: breakpoints from an earlier run, score options.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import {
  boundedInteger,
  decodeWith,
  FiniteNumberCodec,
  joinPath,
  makeIssue,
  strictObject,
  strictPartial,
  type ValidationIssue,
} from '../core/index.js';
import type { DimensionBreakpoints, RfmBreakpoints } from './breakpoints.js';
import type { ScoreOptions } from './score.js';
import { RFM_DIMENSIONS, type RfmDimension } from './types.js';

const LevelsCodec = boundedInteger(2, 20, 'integer 2..20');

const DimensionCodec = t.keyof(
  Object.fromEntries(RFM_DIMENSIONS.map((d) => [d, null])) as Record<RfmDimension, null>,
  'dimension (recency, frequency, monetary, length, tenure or engagement)',
);

const TiesCodec = t.keyof({ shared: null, first: null }, "'shared' or 'first'");
const MethodCodec = t.keyof(
  { quantile: null, thresholds: null, breakpoints: null },
  "'quantile', 'thresholds' or 'breakpoints'",
);

const DimensionBreakpointsCodec = strictObject(
  'dimension breakpoints',
  {
    dimension: DimensionCodec,
    method: t.keyof({ quantile: null, thresholds: null }, "'quantile' or 'thresholds'"),
    higherIsBetter: t.boolean,
    cuts: t.array(FiniteNumberCodec),
    exact: t.boolean,
  },
  { ties: TiesCodec },
);

const BreakpointsCodec = strictObject(
  'breakpoints',
  { levels: LevelsCodec, dimensions: t.array(DimensionBreakpointsCodec) },
  {},
);

function cutIssues(cuts: readonly number[], levels: number, path: string, allowEmpty: boolean): ValidationIssue[] {
  if (cuts.length !== levels - 1 && !(allowEmpty && cuts.length === 0)) {
    return [makeIssue(path, `${levels - 1} cuts (levels - 1)`, cuts)];
  }
  for (let j = 1; j < cuts.length; j++) {
    if (cuts[j]! < cuts[j - 1]!)
      return [makeIssue(joinPath(path, j), `a cut >= the previous one (${cuts[j - 1]})`, cuts[j])];
  }
  return [];
}

function breakpointIssues(breakpoints: RfmBreakpoints, root: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  breakpoints.dimensions.forEach((entry: DimensionBreakpoints, i) => {
    const path = joinPath(joinPath(root, 'dimensions'), i);
    if (seen.has(entry.dimension))
      issues.push(makeIssue(joinPath(path, 'dimension'), 'a dimension not listed before', entry.dimension));
    seen.add(entry.dimension);
    issues.push(...cutIssues(entry.cuts, breakpoints.levels, joinPath(path, 'cuts'), true));
  });
  return issues;
}

/**
 * Decodes breakpoints received as JSON (e.g. by a browser from the server's scoring run): levels 2..20, known and
 * unique dimensions, `levels - 1` finite non-decreasing cuts each. Returns every issue with its path.
 *
 * @example
 * ```ts
 * const result = decodeBreakpoints(JSON.parse(json));
 * if (E.isRight(result)) scoreCustomer({ recency: 3, frequency: 2, monetary: 80 }, result.right);
 * ```
 */
export function decodeBreakpoints(input: unknown, root = 'breakpoints'): E.Either<ValidationIssue[], RfmBreakpoints> {
  const decoded = decodeWith(BreakpointsCodec, input, root);
  if (E.isLeft(decoded)) return decoded;
  const issues = breakpointIssues(decoded.right, root);
  return issues.length > 0 ? E.left(issues) : decoded;
}

const ScoreOptionsCodec = strictPartial('score options', {
  levels: LevelsCodec,
  dimensions: t.array(DimensionCodec),
  method: t.union([MethodCodec, t.record(t.string, MethodCodec)]),
  ties: TiesCodec,
  thresholds: t.record(t.string, t.array(FiniteNumberCodec)),
  breakpoints: BreakpointsCodec,
  weights: t.record(t.string, FiniteNumberCodec),
  minCustomers: boundedInteger(0, Number.MAX_SAFE_INTEGER, 'non-negative integer'),
});

/**
 * Decodes score options kept as JSON configuration (levels, dimensions, methods, tie policy, thresholds, breakpoints,
 * weights, minimum sample). Checks that record keys are dimensions, that every dimension scored by `thresholds` has
 * `levels - 1` non-decreasing thresholds, that `breakpoints` are present when used, and that weights are >= 0 with
 * one positive. Returns every issue with its path. (Per-customer `engagement` values are data, not configuration.)
 *
 * @example
 * ```ts
 * decodeScoreOptions({ levels: 5, method: { recency: 'thresholds' }, thresholds: { recency: [30, 60, 90] } })
 * //=> left([{ path: 'scoreOptions.thresholds.recency', expected: '4 cuts (levels - 1)', ... }])
 * ```
 */
export function decodeScoreOptions(input: unknown, root = 'scoreOptions'): E.Either<ValidationIssue[], ScoreOptions> {
  const decoded = decodeWith(ScoreOptionsCodec, input, root);
  if (E.isLeft(decoded)) return decoded;
  const options = decoded.right;
  const issues: ValidationIssue[] = [];
  const levels = options.levels ?? options.breakpoints?.levels ?? 5;
  const dimensions: readonly RfmDimension[] = options.dimensions ?? ['recency', 'frequency', 'monetary'];
  const isDimension = (key: string): key is RfmDimension => (RFM_DIMENSIONS as readonly string[]).includes(key);
  for (const field of ['method', 'thresholds', 'weights'] as const) {
    const value = options[field];
    if (typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      if (!isDimension(key)) issues.push(makeIssue(joinPath(joinPath(root, field), key), 'a dimension name', key));
    }
  }
  const seen = new Set<string>();
  if (dimensions.length === 0)
    issues.push(makeIssue(joinPath(root, 'dimensions'), 'at least one dimension', dimensions));
  dimensions.forEach((dimension, i) => {
    if (seen.has(dimension)) {
      issues.push(makeIssue(joinPath(joinPath(root, 'dimensions'), i), 'a dimension not listed before', dimension));
      return;
    }
    seen.add(dimension);
    const method = typeof options.method === 'string' ? options.method : (options.method?.[dimension] ?? 'quantile');
    if (method === 'thresholds') {
      const cuts = options.thresholds?.[dimension];
      const path = joinPath(joinPath(root, 'thresholds'), dimension);
      if (cuts === undefined) issues.push(makeIssue(path, `${levels - 1} thresholds for ${dimension}`, undefined));
      else issues.push(...cutIssues(cuts, levels, path, false));
    }
    if (method === 'breakpoints') {
      const entry = options.breakpoints?.dimensions.find((d) => d.dimension === dimension);
      if (entry?.cuts.length !== levels - 1) {
        issues.push(
          makeIssue(joinPath(root, 'breakpoints'), `${levels - 1} cuts for ${dimension}`, options.breakpoints),
        );
      }
    }
  });
  if (options.breakpoints !== undefined) {
    issues.push(...breakpointIssues(options.breakpoints, joinPath(root, 'breakpoints')));
    if (options.breakpoints.levels !== levels) {
      issues.push(
        makeIssue(
          joinPath(joinPath(root, 'breakpoints'), 'levels'),
          `${levels} (the score levels)`,
          options.breakpoints.levels,
        ),
      );
    }
  }
  if (options.weights !== undefined) {
    let positive = false;
    for (const dimension of seen) {
      const w = options.weights[dimension as RfmDimension] ?? 1;
      if (w < 0) issues.push(makeIssue(joinPath(joinPath(root, 'weights'), dimension), 'a weight >= 0', w));
      if (w > 0) positive = true;
    }
    if (!positive) issues.push(makeIssue(joinPath(root, 'weights'), 'at least one positive weight', options.weights));
  }
  return issues.length > 0 ? E.left(issues) : E.right(options);
}
