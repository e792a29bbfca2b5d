/**
 * Validated typed rows of a scale-based score (CSAT, CES): which scale each response uses, its point, its weight.
 * Missing or unknown scale names, out-of-scale values and invalid weights are reported per response.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { joinPath, makeIssue, type SurveyResponse, type ValidationIssue } from '../core/index.js';
import { programmerError, type ResolvedCommonOptions } from './options.js';
import { describeScale, resolveScale, scalePointIndex, type ResolvedScale, type ScaleInput } from './scales.js';
import type { SatisfactionRefusal } from './types.js';
import { readWeight, responseAt } from './validate.js';

/**
 * Where a response's scale name comes from: the `survey` field, or a host function.
 *
 * @example
 * ```ts
 * const byAttribute: ScaleNameSource = (response) => String(response.attributes?.['questionnaire'] ?? '');
 * ```
 */
export type ScaleNameSource = 'survey' | ((response: SurveyResponse) => string | undefined);

/**
 * The scales a scoring call may meet: named scales, and a fallback for responses without a name.
 *
 * @example
 * ```ts
 * const table = resolveScaleTable({ scales: { a: '1-5', b: '1-7' } }, '1-5');
 * table.scales.length //=> 2
 * table.fallback //=> -1
 * ```
 */
export interface ScaleTable {
  readonly scales: readonly ResolvedScale[];
  /** Index of the scale used when a response names none, or −1 (then a missing name is an issue). */
  readonly fallback: number;
  readonly byName: ReadonlyMap<string, number>;
}

/**
 * Resolves `scale` / `scales` options into a {@link ScaleTable}. With `scales` only, every response must name
 * one of them; with `scale` too, it is the fallback; with neither, `defaultScale` applies to all.
 *
 * @example
 * ```ts
 * resolveScaleTable({}, '1-7').scales[0].label //=> '1-7'
 * ```
 */
export function resolveScaleTable(
  options: { readonly scale?: ScaleInput; readonly scales?: Readonly<Record<string, ScaleInput>> },
  defaultScale: ScaleInput,
): ScaleTable {
  const scales: ResolvedScale[] = [];
  const byName = new Map<string, number>();
  let fallback = -1;
  if (options.scales !== undefined) {
    for (const [name, input] of Object.entries(options.scales)) {
      byName.set(name, scales.length);
      scales.push(resolveScale(input));
    }
    if (scales.length === 0) programmerError('scales must name at least one scale');
  }
  if (options.scale !== undefined || options.scales === undefined) {
    fallback = scales.length;
    scales.push(resolveScale(options.scale ?? defaultScale));
  }
  if (scales.length > 65535) programmerError('too many scales');
  return { scales, fallback, byName };
}

function scaleIndexOf(
  table: ScaleTable,
  response: SurveyResponse,
  root: string,
  index: number,
  source: ScaleNameSource | undefined,
  issues: ValidationIssue[],
): number {
  if (table.byName.size === 0) return table.fallback;
  const name = typeof source === 'function' ? source(response) : response.survey;
  const fieldPath = joinPath(joinPath(root, index), typeof source === 'function' ? 'scale' : 'survey');
  if (name === undefined || name === '') {
    if (table.fallback >= 0) return table.fallback;
    issues.push(makeIssue(fieldPath, `scale name, one of: ${[...table.byName.keys()].join(', ')} (missing)`, name));
    return -1;
  }
  const scaleIndex = table.byName.get(name);
  if (scaleIndex === undefined) {
    issues.push(makeIssue(fieldPath, `known scale, one of: ${[...table.byName.keys()].join(', ')}`, name));
    return -1;
  }
  return scaleIndex;
}

/**
 * Typed rows of valid responses for one scale-based field.
 *
 * @example
 * ```ts
 * const rows: ScaleRows = readScaleRows([], 'csat', resolveScaleTable({}, '1-5'), undefined, resolveCommonOptions({}));
 * rows.rows //=> 0
 * ```
 */
export interface ScaleRows {
  readonly rows: number;
  /** Scale of each row (index into the table). */
  readonly scaleIndex: Uint16Array;
  /** Point of each row on its scale (0-based). */
  readonly pointIndex: Uint32Array;
  /** Raw value of each row. */
  readonly values: Float64Array;
  /** Weight of each row (1 without weights). */
  readonly weights: Float64Array;
  /** Input index of each row. */
  readonly recordIndex: Int32Array;
  /** Issues of the excluded responses. */
  readonly issues: ValidationIssue[];
}

/**
 * Reads and validates one scale-based field (`csat` or `ces`) of every response.
 *
 * @example
 * ```ts
 * const rows = readScaleRows([{ id: 's', respondedAt: 0, csat: 9 }], 'csat', resolveScaleTable({}, '1-5'), undefined, resolveCommonOptions({}));
 * rows.issues[0].path //=> 'responses[0].csat'
 * ```
 */
export function readScaleRows(
  responses: readonly SurveyResponse[],
  field: 'csat' | 'ces',
  table: ScaleTable,
  source: ScaleNameSource | undefined,
  resolved: ResolvedCommonOptions,
): ScaleRows {
  if (!Array.isArray(responses)) programmerError('responses must be an array');
  const length = responses.length;
  const scaleIndex = new Uint16Array(length);
  const pointIndex = new Uint32Array(length);
  const values = new Float64Array(length);
  const weights = new Float64Array(length);
  const recordIndex = new Int32Array(length);
  const issues: ValidationIssue[] = [];
  let rows = 0;
  for (let i = 0; i < length; i++) {
    const response = responseAt(responses, i, resolved.root, issues);
    if (response === undefined) continue;
    const s = scaleIndexOf(table, response, resolved.root, i, source, issues);
    const value: unknown = response[field];
    let point = -1;
    if (s >= 0) {
      const scale = table.scales[s]!;
      point = typeof value === 'number' ? scalePointIndex(scale, value) : -1;
      if (point < 0) {
        const expected = describeScale(scale);
        issues.push(makeIssue(joinPath(joinPath(resolved.root, i), field), value === undefined ? `${expected} (missing)` : expected, value));
      }
    }
    const weight = readWeight(response, resolved.root, i, resolved.useWeights, issues);
    if (s < 0 || point < 0 || Number.isNaN(weight)) continue;
    scaleIndex[rows] = s;
    pointIndex[rows] = point;
    values[rows] = value as number;
    weights[rows] = weight;
    recordIndex[rows] = i;
    rows++;
  }
  return { rows, scaleIndex, pointIndex, values, weights, recordIndex: recordIndex.subarray(0, rows), issues };
}

/**
 * Wraps plain scores (and optional weights) as survey responses for the scale-based fast paths.
 *
 * @example
 * ```ts
 * scoresAsResponses([5, 4], 'csat', undefined)[1] //=> { id: '1', respondedAt: 0, csat: 4 }
 * ```
 */
export function scoresAsResponses(scores: ArrayLike<number>, field: 'csat' | 'ces', weights: ArrayLike<number> | undefined): SurveyResponse[] {
  if (weights !== undefined && weights.length !== scores.length) programmerError(`weights has ${weights.length} entries for ${scores.length} scores`);
  const responses = new Array<SurveyResponse>(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const base = { id: String(i), respondedAt: 0 };
    const scored = field === 'csat' ? { ...base, csat: scores[i]! } : { ...base, ces: scores[i]! };
    responses[i] = weights === undefined ? scored : { ...scored, weight: weights[i]! };
  }
  return responses;
}

function rebaseIssue(issue: ValidationIssue, root: string, field: string): ValidationIssue {
  const match = /^(.*)\[(\d+)\]\.(\w+)$/.exec(issue.path);
  if (match?.[1] !== root) return issue;
  const path = match[3] === 'weight' ? `weights[${match[2]!}]` : match[3] === field ? `${root}[${match[2]!}]` : issue.path;
  return { ...issue, path, message: `${path}${issue.message.slice(issue.path.length)}` };
}

/**
 * Rewrites the issue paths of a fast-path result from `scores[i].csat` / `scores[i].weight` to `scores[i]` /
 * `weights[i]`.
 *
 * @example
 * ```ts
 * // rebaseFastPathResult(csat(scoresAsResponses([9], 'csat', undefined), { root: 'scores' }), 'csat')
 * // → left({ issues: [{ path: 'scores[0]', ... }] })
 * ```
 */
export function rebaseFastPathResult<R extends { readonly issues: readonly ValidationIssue[] }>(
  result: E.Either<SatisfactionRefusal, R>,
  field: string,
  root = 'scores',
): E.Either<SatisfactionRefusal, R> {
  if (E.isRight(result)) return E.right({ ...result.right, issues: result.right.issues.map((issue) => rebaseIssue(issue, root, field)) });
  const refusal = result.left;
  return E.left(refusal.issues === undefined ? refusal : { ...refusal, issues: refusal.issues.map((issue) => rebaseIssue(issue, root, field)) });
}
