/**
 * Per-response validation shared by the scoring functions: every excluded response is reported with its path.
 *
 * @module
 */
import { joinPath, makeIssue, type SurveyResponse, type ValidationIssue } from '../core/index.js';
import { isValidWeight } from './weights.js';

/**
 * Returns the response at index `i` when it is an object, otherwise records an issue and returns `undefined`.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * responseAt([null as never], 0, 'responses', issues) //=> undefined (issues[0].path === 'responses[0]')
 * ```
 */
export function responseAt(
  responses: readonly SurveyResponse[],
  i: number,
  root: string,
  issues: ValidationIssue[],
): SurveyResponse | undefined {
  const response: unknown = responses[i];
  if (response === null || typeof response !== 'object') {
    issues.push(makeIssue(joinPath(root, i), 'survey response object', response));
    return undefined;
  }
  return response as SurveyResponse;
}

/**
 * Reads a response's weight: 1 when weighting is off or the field is absent, the weight when it is a positive
 * finite number, otherwise `NaN` after recording an issue at `root[index].weight` (the path is built only then).
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * readWeight({ id: 's', respondedAt: 0, weight: 2 }, 'responses', 0, true, issues) //=> 2
 * readWeight({ id: 's', respondedAt: 0, weight: -1 }, 'responses', 1, true, issues) //=> NaN
 * ```
 */
export function readWeight(response: SurveyResponse, root: string, index: number, useWeights: boolean, issues: ValidationIssue[]): number {
  if (!useWeights) return 1;
  const weight: unknown = response.weight;
  if (weight === undefined) return 1;
  if (isValidWeight(weight)) return weight;
  issues.push(makeIssue(joinPath(joinPath(root, index), 'weight'), 'positive finite weight', weight));
  return Number.NaN;
}

/**
 * Records an issue for a missing or invalid score field and returns `false`; returns `true` when `valid`.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * checkScore(undefined, false, 'responses[2]', 'nps', 'NPS score (integer 0..10)', issues) //=> false
 * // issues[0].message === 'responses[2].nps: expected NPS score (integer 0..10), received undefined'
 * ```
 */
export function checkScore(
  value: unknown,
  valid: boolean,
  path: string,
  field: string,
  expected: string,
  issues: ValidationIssue[],
): boolean {
  if (valid) return true;
  issues.push(makeIssue(joinPath(path, field), value === undefined ? `${expected} (missing)` : expected, value));
  return false;
}
