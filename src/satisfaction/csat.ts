/**
 * Customer satisfaction (CSAT): share satisfied (top box) with a Wilson interval, and the mean with a t interval,
 * on any scale (1-5, 1-7, 1-10, custom), several scales at once when surveys differ.
 *
 * Sources: CSAT % = (#4 + #5) / #responses on 1-5 (SoGoSurvey, AskNicely, QuestionPro); scale-dependent positive
 * sets (Zencity); Wilson (1927), Brown, Cai & DasGupta (2001).
 *
 * @module
 */
import type { either as E } from 'fp-ts';
import type { SurveyResponse, ValidationIssue } from '../core/index.js';
import { scoreAll, sumWith, type ScoreEngine } from './engine.js';
import { meanEstimate, type MeanEstimate } from './mean.js';
import { programmerError, resolveCommonOptions, type ResolvedCommonOptions } from './options.js';
import { proportionEstimate, type ProportionEstimate } from './proportion.js';
import { assessReliability } from './reliability.js';
import { percentOfMaximum, type ResolvedScale, type ScaleInput } from './scales.js';
import { readScaleRows, rebaseFastPathResult, resolveScaleTable, scoresAsResponses, type ScaleNameSource, type ScaleTable } from './scale-rows.js';
import type { SumVector } from './sums.js';
import type { CommonScoreOptions, SatisfactionRefusal, ScoreCommon } from './types.js';
import { effectiveSampleSizeFromSums } from './weights.js';

/**
 * Options of {@link csat}.
 *
 * @example
 * ```ts
 * // one scale, mean as the headline
 * const a: CsatOptions = { scale: '1-7', statistic: 'mean' };
 * // two surveys on different scales, chosen by the response's `survey` field
 * const b: CsatOptions = { scales: { 'post-purchase': '1-5', support: { min: 1, max: 10, satisfied: [8, 9, 10] } } };
 * ```
 */
export interface CsatOptions extends CommonScoreOptions {
  /** The scale of every response (or the fallback when `scales` is given). Default `'1-5'` when `scales` is absent. */
  readonly scale?: ScaleInput;
  /** Named scales; each response's scale name comes from `scaleOf`. Unknown names are reported and excluded. */
  readonly scales?: Readonly<Record<string, ScaleInput>>;
  /** Where a response's scale name comes from: its `survey` field (default) or a function. */
  readonly scaleOf?: ScaleNameSource;
  /** Headline statistic: `share` satisfied (default) or `mean`. */
  readonly statistic?: 'share' | 'mean';
}

/**
 * A CSAT result: share satisfied, mean (when one scale is used) and the mean as percent of maximum.
 *
 * @example
 * ```ts
 * const r = csat(responses); // right({ statistic: 'share', score: 80, interval: { lower: 71.1, upper: 86.7 }, ... })
 * ```
 */
export interface CsatResult extends ScoreCommon {
  /** Always `csat`. */
  readonly metric: 'csat';
  /** What `score` is: `share` (percent satisfied), `mean` (raw mean), or `percent-of-maximum` (mean with mixed scales). */
  readonly statistic: 'share' | 'mean' | 'percent-of-maximum';
  /** The scales that occurred, with their satisfied sets and response counts. */
  readonly scales: readonly CsatScaleUsage[];
  /** Share satisfied with its Wilson interval (percent). */
  readonly satisfied: ProportionEstimate;
  /** Mean on the scale with its t interval; null when responses come from several scales. */
  readonly mean: MeanEstimate | null;
  /** Mean as percent of the maximum possible (0..100, 100 = best end), comparable across scales. */
  readonly percentOfMaximum: MeanEstimate;
}

/**
 * A scale that occurred in a CSAT result.
 *
 * @example
 * ```ts
 * const usage: CsatScaleUsage = { label: '1-5', satisfied: [4, 5], satisfiedRule: 'top-2-box (default for a 5-point scale)', n: 120 };
 * ```
 */
export interface CsatScaleUsage {
  /** The scale's label. */
  readonly label: string;
  /** Its satisfied points. */
  readonly satisfied: readonly number[];
  /** How the satisfied set was chosen. */
  readonly satisfiedRule: string;
  /** Responses on this scale. */
  readonly n: number;
}

const COUNT = 0;
const WEIGHT = 1;
const WEIGHT2 = 2;
const SAT_W = 3;
const SAT_C = 4;
const X = 5;
const X2 = 6;
const P = 7;
const P2 = 8;
const PER_SCALE = 9;

function finishCsat(
  sums: Float64Array,
  excluded: number,
  issues: readonly ValidationIssue[],
  table: ScaleTable,
  resolved: ResolvedCommonOptions,
  statistic: 'share' | 'mean',
): CsatResult {
  const level = resolved.level;
  const n = sums[COUNT]!;
  const weightSum = sums[WEIGHT]!;
  const effectiveN = effectiveSampleSizeFromSums(weightSum, sums[WEIGHT2]!);
  const used: CsatScaleUsage[] = [];
  let single: ResolvedScale | undefined;
  table.scales.forEach((scale, s) => {
    const count = sums[PER_SCALE + s]!;
    if (count > 0) {
      used.push({ label: scale.label, satisfied: scale.satisfied, satisfiedRule: scale.satisfiedRule, n: count });
      single = scale;
    }
  });
  if (used.length !== 1) single = undefined;
  const satisfied = proportionEstimate({ count: sums[SAT_C]!, successes: sums[SAT_W]!, n, weightSum, effectiveN }, level);
  const mean =
    single === undefined
      ? null
      : meanEstimate(
          { n, weightSum, effectiveN, shiftedSum: sums[X]!, shiftedSquareSum: sums[X2]!, shift: single.min, min: single.min, max: single.max, scale: single.label },
          level,
        );
  const pomp = meanEstimate(
    { n, weightSum, effectiveN, shiftedSum: sums[P]!, shiftedSquareSum: sums[P2]!, shift: 0, min: 0, max: 100, scale: 'percent of maximum' },
    level,
  );
  const headline =
    statistic === 'share'
      ? { statistic: 'share' as const, score: satisfied.percent, standardError: satisfied.standardError, interval: satisfied.interval }
      : mean === null
        ? { statistic: 'percent-of-maximum' as const, score: pomp.value, standardError: pomp.standardError, interval: pomp.interval }
        : { statistic: 'mean' as const, score: mean.value, standardError: mean.standardError, interval: mean.interval };
  const verdict = assessReliability(n, effectiveN, (headline.interval.upper - headline.interval.lower) / 2, resolved.minimumSample);
  return {
    metric: 'csat',
    statistic: headline.statistic,
    n,
    weightSum,
    effectiveN,
    level,
    score: headline.score,
    standardError: headline.standardError,
    interval: headline.interval,
    reliable: verdict.reliable,
    reliabilityReason: verdict.reason,
    excluded,
    issues,
    scales: used,
    satisfied,
    mean,
    percentOfMaximum: pomp,
  };
}

/**
 * Validates survey responses for CSAT into typed rows (internal building block of {@link csat}, trends and
 * breakdowns).
 *
 * @example
 * ```ts
 * prepareCsat([{ id: 's1', respondedAt: 0, csat: 5 }], {}).rows //=> 1
 * ```
 */
export function prepareCsat(responses: readonly SurveyResponse[], options: CsatOptions): ScoreEngine<CsatResult> {
  const resolved = resolveCommonOptions(options);
  const table = resolveScaleTable(options, '1-5');
  const statistic = options.statistic ?? 'share';
  if (statistic !== 'share' && statistic !== 'mean') programmerError(`statistic must be 'share' or 'mean', got ${String(statistic)}`);
  const data = readScaleRows(responses, 'csat', table, options.scaleOf, resolved);
  const scales = table.scales;
  return {
    width: PER_SCALE + scales.length,
    rows: data.rows,
    recordIndex: data.recordIndex,
    excluded: responses.length - data.rows,
    issues: data.issues,
    sum: (rows) => sumWith(PER_SCALE + scales.length, data.rows, rows, (row: number, acc: SumVector): void => {
      const s = data.scaleIndex[row]!;
      const scale = scales[s]!;
      const w = data.weights[row]!;
      const x = data.values[row]! - scale.min;
      const pomp = percentOfMaximum(scale, data.values[row]!);
      acc.add(COUNT, 1);
      acc.add(WEIGHT, w);
      acc.add(WEIGHT2, w * w);
      if (scale.satisfiedMask[data.pointIndex[row]!] === 1) {
        acc.add(SAT_W, w);
        acc.add(SAT_C, 1);
      }
      acc.add(X, w * x);
      acc.add(X2, w * x * x);
      acc.add(P, w * pomp);
      acc.add(P2, w * pomp * pomp);
      acc.add(PER_SCALE + s, 1);
    }),
    finish: (sums, excluded, groupIssues) => finishCsat(sums, excluded, groupIssues, table, resolved, statistic),
  };
}

/**
 * CSAT of survey responses (field `csat`): share satisfied with a Wilson interval, mean with a t interval, and
 * percent of maximum, with weights through Kish's effective n. Out-of-scale or missing scores, unknown scale names
 * and invalid weights are reported per response and excluded. Left `no-valid-responses` when nothing is left.
 *
 * @example
 * ```ts
 * const result = csat(responses, { scale: '1-5' });
 * // right({ statistic: 'share', score: 80, satisfied: { count: 80, interval: { lower: 71.12, upper: 86.66 } },
 * //         mean: { value: 4.1, interval: ... }, n: 100, excluded: 0, ... })
 * ```
 */
export function csat(responses: readonly SurveyResponse[], options: CsatOptions = {}): E.Either<SatisfactionRefusal, CsatResult> {
  return scoreAll(prepareCsat(responses, options), 'CSAT');
}

/**
 * CSAT of a plain array or typed array of scores on one scale (fast path; issues read `scores[i]`).
 *
 * @example
 * ```ts
 * csatFromScores([5, 4, 3, 5, 2], { scale: '1-5' }) // right({ score: 60, satisfied: { count: 3 }, mean: { value: 3.8 }, ... })
 * ```
 */
export function csatFromScores(
  scores: ArrayLike<number>,
  options: Omit<CsatOptions, 'scales' | 'scaleOf'> & { readonly weights?: ArrayLike<number> } = {},
): E.Either<SatisfactionRefusal, CsatResult> {
  const { weights, ...rest } = options;
  const root = options.root ?? 'scores';
  return rebaseFastPathResult(csat(scoresAsResponses(scores, 'csat', weights), { ...rest, root }), 'csat', root);
}
