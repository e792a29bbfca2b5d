/**
 * Before/after an improvement action: the score in a window before and a window after a date, the effect
 * (after − before) with its interval and significance.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { isoDateTime, joinPath, MS_PER_DAY, toInstant, type DateInput, type SurveyResponse, type ValidationIssue } from '../core/index.js';
import { compareScores, prepareScore, type ScoreOptions, type ScoreResult } from './metric.js';
import { programmerError } from './options.js';
import { respondedAtOf } from './time-grouping.js';
import type { ComparisonResult, SatisfactionRefusal } from './types.js';

/**
 * Options of {@link beforeAfter}.
 *
 * @example
 * ```ts
 * const options: BeforeAfterOptions = { metric: 'nps', actionAt: '2024-06-01', windowDays: 60, washoutDays: 7 };
 * ```
 */
export type BeforeAfterOptions = ScoreOptions & {
  /** When the action took effect. */
  readonly actionAt: DateInput;
  /** Length of each window in days. Default: everything before, everything after. */
  readonly windowDays?: number;
  /** Days after the action left out of the after window (roll-out time). Default 0. */
  readonly washoutDays?: number;
};

/**
 * The windows, their scores and the effect.
 *
 * @example
 * ```ts
 * // { before: { from: '2024-04-02T00:00:00.000Z', to: '2024-06-01T00:00:00.000Z', result: {...} }, after: {...},
 * //   effect: { difference: 7.5, interval: { lower: 1.2, upper: 13.8 }, pValue: 0.02, significant: true } }
 * ```
 */
export interface BeforeAfterResult {
  /** The action instant (ISO date-time). */
  readonly actionAt: string;
  /** The before window and its score. */
  readonly before: ScoreWindow;
  /** The after window and its score. */
  readonly after: ScoreWindow;
  /** after − before with its test. */
  readonly effect: ComparisonResult;
  /** Valid responses outside both windows (including the washout). */
  readonly outsideWindows: number;
  /** Responses left out because of bad or missing input. */
  readonly excluded: number;
  /** Their issues, with paths. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * A half-open time window [from, to) and the score of its responses.
 *
 * @example
 * ```ts
 * // { from: '2024-04-02T00:00:00.000Z', to: '2024-06-01T00:00:00.000Z', result: { score: 31.5, ... } }
 * ```
 */
export interface ScoreWindow {
  /** Start (inclusive, ISO date-time); null when unbounded. */
  readonly from: string | null;
  /** End (exclusive, ISO date-time); null when unbounded. */
  readonly to: string | null;
  /** The window's score. */
  readonly result: ScoreResult;
}

/**
 * Compares the score after an action with the score before it (after − before), with interval, p-value and
 * significance. Windows are half-open: before = [actionAt − windowDays, actionAt), after = [actionAt + washout,
 * actionAt + washout + windowDays). A before/after difference is not proof of cause (seasonality, mix changes);
 * compare a control segment the same way when one exists. Left `no-responses-before` / `no-responses-after` when a
 * window is empty, or the comparison's own refusal.
 *
 * @example
 * ```ts
 * const result = beforeAfter(responses, { metric: 'csat', actionAt: '2024-06-01', windowDays: 90 });
 * // right({ effect: { difference: 6.2, unit: 'percentage-points', pValue: 0.01, significant: true, ... }, ... })
 * ```
 */
export function beforeAfter(responses: readonly SurveyResponse[], options: BeforeAfterOptions): E.Either<SatisfactionRefusal, BeforeAfterResult> {
  const actionAt = toInstant(options.actionAt);
  const windowDays = options.windowDays;
  const washoutDays = options.washoutDays ?? 0;
  if (windowDays !== undefined && !(windowDays > 0 && Number.isFinite(windowDays))) programmerError(`windowDays must be > 0, got ${String(windowDays)}`);
  if (!(washoutDays >= 0 && Number.isFinite(washoutDays))) programmerError(`washoutDays must be ≥ 0, got ${String(washoutDays)}`);
  const beforeFrom = windowDays === undefined ? Number.NEGATIVE_INFINITY : actionAt - windowDays * MS_PER_DAY;
  const afterFrom = actionAt + washoutDays * MS_PER_DAY;
  const afterTo = windowDays === undefined ? Number.POSITIVE_INFINITY : afterFrom + windowDays * MS_PER_DAY;
  const engine = prepareScore(responses, options);
  const issues: ValidationIssue[] = [...engine.issues];
  let excluded = engine.excluded;
  const root = options.root ?? 'responses';
  const beforeRows: number[] = [];
  const afterRows: number[] = [];
  let outside = 0;
  for (let row = 0; row < engine.rows; row++) {
    const index = engine.recordIndex[row]!;
    const at = respondedAtOf(responses[index]!, joinPath(root, index), issues);
    if (at === undefined) {
      excluded++;
      continue;
    }
    if (at >= beforeFrom && at < actionAt) beforeRows.push(row);
    else if (at >= afterFrom && at < afterTo) afterRows.push(row);
    else outside++;
  }
  if (beforeRows.length === 0) return E.left({ code: 'no-responses-before', message: 'no valid response in the before window', excluded, issues });
  if (afterRows.length === 0) return E.left({ code: 'no-responses-after', message: 'no valid response in the after window', excluded, issues });
  const before = engine.finish(engine.sum(beforeRows), 0, []);
  const after = engine.finish(engine.sum(afterRows), 0, []);
  const effect = compareScores(after, before, options);
  if (E.isLeft(effect)) return E.left({ ...effect.left, excluded, issues });
  return E.right({
    actionAt: isoDateTime(actionAt),
    before: { from: Number.isFinite(beforeFrom) ? isoDateTime(beforeFrom) : null, to: isoDateTime(actionAt), result: before },
    after: { from: isoDateTime(afterFrom), to: Number.isFinite(afterTo) ? isoDateTime(afterTo) : null, result: after },
    effect: effect.right,
    outsideWindows: outside,
    excluded,
    issues,
  });
}
