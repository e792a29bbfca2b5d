/**
 * Scores per group of any attribute (channel, RFM segment, loyalty tier, product...) with the minimum-sample
 * guard and a test of each group against the rest.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import type { SurveyResponse, ValidationIssue } from '../core/index.js';
import { compareScores, prepareScore, type ScoreOptions, type ScoreResult } from './metric.js';
import { programmerError, resolveMinimumSample } from './options.js';
import { subtractSums } from './sums.js';
import type { ComparisonResult } from './types.js';

/**
 * How a response is assigned to a group:
 * - a function of the response;
 * - `{ field }`: the response's `channel`, `survey` or `customerId`;
 * - `{ attribute }`: a key of the response's `attributes`;
 * - `{ map, key? }`: a key → group map looked up by the response's `customerId` (default) or another field, e.g.
 *   RFM segments or loyalty tiers computed elsewhere and passed in as data.
 *
 * @example
 * ```ts
 * const byChannel: GroupBy = { field: 'channel' };
 * const bySegment: GroupBy = { map: { 'c-1': 'Champions', 'c-2': 'At Risk' } };
 * const byProduct: GroupBy = (response) => response.attributes?.['product']?.toString();
 * ```
 */
export type GroupBy = ((response: SurveyResponse) => string | null | undefined) | GroupByField | GroupByAttribute | GroupByMap;

/**
 * Group by a field of the response.
 *
 * @example
 * ```ts
 * const by: GroupByField = { field: 'channel' };
 * ```
 */
export interface GroupByField {
  /** The response field whose value is the group. */
  readonly field: 'channel' | 'survey' | 'customerId';
}

/**
 * Group by a key of the response's `attributes`.
 *
 * @example
 * ```ts
 * const by: GroupByAttribute = { attribute: 'tier' };
 * ```
 */
export interface GroupByAttribute {
  /** The attribute key; string, number and boolean values become group names. */
  readonly attribute: string;
}

/**
 * Group through a key → group map computed elsewhere (RFM segments, loyalty tiers, products...).
 *
 * @example
 * ```ts
 * const by: GroupByMap = { map: { 'c-1': 'Champions', 'c-2': 'At Risk' }, key: 'customerId' };
 * ```
 */
export interface GroupByMap {
  /** Key → group name (own properties only; prototype keys never match). */
  readonly map: Readonly<Record<string, string>>;
  /** The response field looked up in the map. Default `customerId`. */
  readonly key?: 'customerId' | 'id' | 'channel' | 'survey';
}

/**
 * Options of {@link breakdown}.
 *
 * @example
 * ```ts
 * const options: BreakdownOptions = { metric: 'nps', by: { field: 'channel' }, minimumSample: { minimumN: 50, smallGroups: 'suppress' } };
 * ```
 */
export type BreakdownOptions = ScoreOptions & {
  /** How responses are grouped. */
  readonly by: GroupBy;
  /** Test each group against all other responses. Default true. */
  readonly compareWithRest?: boolean;
  /** Put responses without a group into a group of this name (default: count them as `ungrouped`). */
  readonly missingGroup?: string;
  /** Order of groups: by `group` name (default), by `n` descending, or by `score` descending. */
  readonly sort?: 'group' | 'n' | 'score';
};

/**
 * One group of a breakdown.
 *
 * @example
 * ```ts
 * // { group: 'web', result: { score: 12.5, interval: ..., reliable: true }, vsRest: { difference: -8.1, significant: true } }
 * ```
 */
export interface BreakdownGroup {
  /** The group's name. */
  readonly group: string;
  /** The group's score. */
  readonly result: ScoreResult;
  /** This group minus all other grouped responses; null when disabled or impossible (see `vsRestNote`). */
  readonly vsRest: ComparisonResult | null;
  /** Why `vsRest` is null, when it is. */
  readonly vsRestNote?: string;
}

/**
 * A breakdown: the overall score, one score per group, suppressed small groups, ungrouped and excluded responses.
 *
 * @example
 * ```ts
 * const b = breakdown(responses, { metric: 'csat', by: { attribute: 'tier' } });
 * b.groups.map((g) => `${g.group}: ${g.result.score.toFixed(1)}% (n=${g.result.n})`);
 * ```
 */
export interface BreakdownResult {
  /** The metric scored. */
  readonly metric: ScoreOptions['metric'];
  /** Score of every valid grouped response; null when there is none. */
  readonly overall: ScoreResult | null;
  /** One entry per reported group, in the requested order. */
  readonly groups: readonly BreakdownGroup[];
  /** Groups left out by `minimumSample.smallGroups: 'suppress'`. */
  readonly suppressed: readonly SuppressedGroup[];
  /** Valid responses without a group (not scored unless `missingGroup` is set). */
  readonly ungrouped: number;
  /** Responses left out because of bad or missing input. */
  readonly excluded: number;
  /** Their issues, with paths. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * A group left out of a breakdown because it failed the minimum-sample rule.
 *
 * @example
 * ```ts
 * const group: SuppressedGroup = { group: 'shop', n: 3, effectiveN: 3, reason: 'effective n 3.0 < minimum 30' };
 * ```
 */
export interface SuppressedGroup {
  /** The group's name. */
  readonly group: string;
  /** Responses in the group. */
  readonly n: number;
  /** Their effective sample size. */
  readonly effectiveN: number;
  /** The failed rule, in words. */
  readonly reason: string;
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * The group of one response under a {@link GroupBy}, or `undefined` when it has none.
 *
 * @example
 * ```ts
 * groupOf({ id: 's1', respondedAt: 0, channel: 'web' }, { field: 'channel' }) //=> 'web'
 * groupOf({ id: 's1', respondedAt: 0, customerId: 'c9' }, { map: { c1: 'VIP' } }) //=> undefined
 * ```
 */
export function groupOf(response: SurveyResponse, by: GroupBy): string | undefined {
  let value: unknown;
  if (typeof by === 'function') value = by(response);
  else if ('field' in by) value = response[by.field];
  else if ('attribute' in by) {
    const attributes = response.attributes;
    value = attributes !== undefined && hasOwn(attributes, by.attribute) ? attributes[by.attribute] : undefined;
  } else if ('map' in by) {
    const key: unknown = response[by.key ?? 'customerId'];
    value = typeof key === 'string' && hasOwn(by.map, key) ? by.map[key] : undefined;
  } else programmerError('by must be a function, { field }, { attribute } or { map }');
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Scores per group with intervals, the minimum-sample guard (`reliable` flags, or suppression with
 * `minimumSample.smallGroups: 'suppress'`) and, by default, a test of each group against the rest of the grouped
 * responses (the complement is computed from the same sums, so it costs nothing extra).
 *
 * @example
 * ```ts
 * const byChannel = breakdown(responses, { metric: 'nps', by: { field: 'channel' } });
 * // byChannel.groups → [{ group: 'app', result: { score: 41.2, ... }, vsRest: { difference: 9.3, pValue: 0.004, significant: true } }, ...]
 * const bySegment = breakdown(responses, { metric: 'csat', by: { map: rfmSegmentByCustomerId } });
 * ```
 */
export function breakdown(responses: readonly SurveyResponse[], options: BreakdownOptions): BreakdownResult {
  const rule = resolveMinimumSample(options.minimumSample);
  const engine = prepareScore(responses, options);
  const groups = new Map<string, number[]>();
  const groupedRows: number[] = [];
  let ungrouped = 0;
  for (let row = 0; row < engine.rows; row++) {
    const group = groupOf(responses[engine.recordIndex[row]!]!, options.by) ?? options.missingGroup;
    if (group === undefined) {
      ungrouped++;
      continue;
    }
    groupedRows.push(row);
    const rows = groups.get(group);
    if (rows === undefined) groups.set(group, [row]);
    else rows.push(row);
  }
  const total = engine.sum(groupedRows);
  const overall = groupedRows.length > 0 ? engine.finish(total, engine.excluded, engine.issues) : null;
  const compareWithRest = options.compareWithRest ?? true;
  const entries: BreakdownGroup[] = [];
  const suppressed: SuppressedGroup[] = [];
  for (const [group, rows] of groups) {
    const sums = engine.sum(rows);
    const result = engine.finish(sums, 0, []);
    if (rule.smallGroups === 'suppress' && !result.reliable) {
      suppressed.push({ group, n: result.n, effectiveN: result.effectiveN, reason: result.reliabilityReason });
      continue;
    }
    if (!compareWithRest) {
      entries.push({ group, result, vsRest: null, vsRestNote: 'comparison with the rest disabled' });
      continue;
    }
    const restSums = subtractSums(total, sums);
    if (!(restSums[0]! > 0)) {
      entries.push({ group, result, vsRest: null, vsRestNote: 'no other grouped responses' });
      continue;
    }
    const rest = engine.finish(restSums, 0, []);
    const comparison = compareScores(result, rest, options);
    entries.push(
      E.isRight(comparison)
        ? { group, result, vsRest: comparison.right }
        : { group, result, vsRest: null, vsRestNote: `${comparison.left.code}: ${comparison.left.message}` },
    );
  }
  const sort = options.sort ?? 'group';
  entries.sort((a, b) => {
    if (sort === 'n' && a.result.n !== b.result.n) return b.result.n - a.result.n;
    if (sort === 'score' && a.result.score !== b.result.score) return b.result.score - a.result.score;
    return a.group < b.group ? -1 : a.group > b.group ? 1 : 0;
  });
  suppressed.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return { metric: options.metric, overall, groups: entries, suppressed, ungrouped, excluded: engine.excluded, issues: engine.issues };
}
