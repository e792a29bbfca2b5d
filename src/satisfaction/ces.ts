/**
 * Customer Effort Score (CES) under both common conventions, named in the output:
 * - `mean`: the mean answer on the CES 2.0 agreement scale 1-7 ("made it easy for me…", 7 = strongly agree);
 * - `index`: % easy (6-7) − % difficult (1-3), on −100..100, with the NPS-style trinomial variance;
 * - `agree`: % agree (5-7) with a Wilson interval.
 *
 * Sources: Nicereply and CYS group ("7-point to average", "7-point to index"), Zonka (% agree 5-7). The original
 * CES 1.0 was a 5-point scale where lower meant less effort: pass `{ min: 1, max: 5, direction: 'lower-is-better' }`.
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
import { readScaleRows, rebaseFastPathResult, resolveScaleTable, scoresAsResponses } from './scale-rows.js';
import { scalePointIndex, type ResolvedScale, type ScaleInput } from './scales.js';
import type { SumVector } from './sums.js';
import {
  adjustedWaldNetScore,
  chooseNetScoreMethod,
  waldNetScore,
  type NetScoreEstimate,
  type NetScoreIntervalMethod,
} from './trinomial.js';
import type { CommonScoreOptions, SatisfactionRefusal, ScoreCommon } from './types.js';
import { effectiveSampleSizeFromSums } from './weights.js';

/**
 * The CES convention of the headline score.
 *
 * @example
 * ```ts
 * const convention: CesConvention = 'index';
 * ```
 */
export type CesConvention = 'mean' | 'index' | 'agree';

/**
 * Options of {@link ces}.
 *
 * @example
 * ```ts
 * const options: CesOptions = { convention: 'index', scale: '1-7' };
 * const original: CesOptions = { scale: { min: 1, max: 5, direction: 'lower-is-better' } };
 * ```
 */
export interface CesOptions extends CommonScoreOptions {
  /** The CES scale. Default `'1-7'` (CES 2.0, higher = easier). */
  readonly scale?: ScaleInput;
  /** Headline convention. Default `mean`. */
  readonly convention?: CesConvention;
  /** Points counted as easy for the index. Default: the best two points (6-7 on 1-7). */
  readonly easy?: readonly number[];
  /** Points counted as difficult for the index. Default: the points below the midpoint (1-3 on 1-7). */
  readonly difficult?: readonly number[];
  /** Points counted as agree. Default: the points above the midpoint (5-7 on 1-7). */
  readonly agree?: readonly number[];
  /** Interval method of the index (as for NPS). Default `auto`. */
  readonly interval?: NetScoreIntervalMethod;
  /** Effective n below which `auto` uses adjusted-Wald for the index. Default 100. */
  readonly smallSampleThreshold?: number;
}

/**
 * The CES index: % easy − % difficult with its intervals.
 *
 * @example
 * ```ts
 * // result.index.score === 100 * (result.index.easy.share − result.index.difficult.share)
 * ```
 */
export interface CesIndex {
  /** Points counted as easy. */
  readonly easyPoints: readonly number[];
  /** Points counted as difficult. */
  readonly difficultPoints: readonly number[];
  /** Share easy with its Wilson interval. */
  readonly easy: ProportionEstimate;
  /** Share difficult with its Wilson interval. */
  readonly difficult: ProportionEstimate;
  /** % easy − % difficult, −100..100. */
  readonly score: number;
  /** Standard error of the index (points), by the chosen method. */
  readonly standardError: number;
  /** Interval of the index (points), clamped to ±100. */
  readonly interval: ScoreCommon['interval'];
  /** Method of `interval`. */
  readonly intervalMethod: 'wald' | 'adjusted-wald';
  /** Why that method was used. */
  readonly intervalRule: string;
  /** Wald estimate. */
  readonly wald: NetScoreEstimate;
  /** Adjusted-Wald estimate (+¾ easy, +¾ difficult, +3 n). */
  readonly adjustedWald: NetScoreEstimate;
}

/**
 * The CES scale as reported in a result.
 *
 * @example
 * ```ts
 * const scale: CesScaleInfo = { label: '1-7', min: 1, max: 7, direction: 'higher-is-better' };
 * ```
 */
export interface CesScaleInfo {
  /** The scale's label. */
  readonly label: string;
  /** Lowest point. */
  readonly min: number;
  /** Highest point. */
  readonly max: number;
  /** Which end means less effort. */
  readonly direction: 'higher-is-better' | 'lower-is-better';
}

/**
 * The CES "% agree" convention: share of agreeing answers with its Wilson interval and the points counted.
 *
 * @example
 * ```ts
 * // result.agree → { points: [5, 6, 7], percent: 71.2, interval: { lower: 69.9, upper: 72.5, level: 0.95 }, ... }
 * ```
 */
export interface CesAgree extends ProportionEstimate {
  /** Points counted as agree. */
  readonly points: readonly number[];
}

/**
 * A CES result: all three conventions computed, the headline one named.
 *
 * @example
 * ```ts
 * const r = ces(responses, { convention: 'index' });
 * // right({ convention: 'index', conventionLabel: '% easy (6, 7) − % difficult (1, 2, 3) on 1-7', score: 42, ... })
 * ```
 */
export interface CesResult extends ScoreCommon {
  /** Always `ces`. */
  readonly metric: 'ces';
  /** What `score` is (same as `convention`). */
  readonly statistic: CesConvention;
  /** The headline convention. */
  readonly convention: CesConvention;
  /** The convention in words, with the points used. */
  readonly conventionLabel: string;
  /** The scale used. */
  readonly scale: CesScaleInfo;
  /** Mean answer with its t interval. */
  readonly mean: MeanEstimate;
  /** % easy − % difficult with its intervals. */
  readonly index: CesIndex;
  /** % agree with its Wilson interval. */
  readonly agree: CesAgree;
}

const COUNT = 0;
const WEIGHT = 1;
const WEIGHT2 = 2;
const X = 3;
const X2 = 4;
const EASY_W = 5;
const DIFFICULT_W = 6;
const AGREE_W = 7;
const EASY_C = 8;
const DIFFICULT_C = 9;
const AGREE_C = 10;
const WIDTH = 11;

function pointsInOrder(scale: ResolvedScale): number[] {
  const values: number[] = [];
  for (let i = 0; i < scale.points; i++) values.push(Number((scale.min + i * scale.step).toFixed(12)));
  return scale.direction === 'higher-is-better' ? values : values.reverse();
}

function maskOf(scale: ResolvedScale, points: readonly number[], name: string): Uint8Array {
  const mask = new Uint8Array(scale.points);
  for (const value of points) {
    const index = scalePointIndex(scale, value);
    if (index < 0) programmerError(`${name} point ${String(value)} is not on the ${scale.label} scale`);
    mask[index] = 1;
  }
  return mask;
}

interface CesSets {
  readonly easy: number[];
  readonly difficult: number[];
  readonly agree: number[];
  readonly masks: { readonly easy: Uint8Array; readonly difficult: Uint8Array; readonly agree: Uint8Array };
}

function resolveSets(scale: ResolvedScale, options: CesOptions): CesSets {
  const worstToBest = pointsInOrder(scale);
  const half = Math.floor(scale.points / 2);
  const easy = [...(options.easy ?? worstToBest.slice(scale.points >= 4 ? -2 : -1))].sort((a, b) => a - b);
  const difficult = [...(options.difficult ?? worstToBest.slice(0, half))].sort((a, b) => a - b);
  const agree = [...(options.agree ?? worstToBest.slice(scale.points - half))].sort((a, b) => a - b);
  const masks = { easy: maskOf(scale, easy, 'easy'), difficult: maskOf(scale, difficult, 'difficult'), agree: maskOf(scale, agree, 'agree') };
  for (let i = 0; i < scale.points; i++) {
    if (masks.easy[i] === 1 && masks.difficult[i] === 1) programmerError('a CES point cannot be both easy and difficult');
  }
  return { easy, difficult, agree, masks };
}

function finishCes(
  sums: Float64Array,
  excluded: number,
  issues: readonly ValidationIssue[],
  scale: ResolvedScale,
  sets: CesSets,
  resolved: ResolvedCommonOptions,
  options: CesOptions,
  convention: CesConvention,
): CesResult {
  const level = resolved.level;
  const n = sums[COUNT]!;
  const weightSum = sums[WEIGHT]!;
  const effectiveN = effectiveSampleSizeFromSums(weightSum, sums[WEIGHT2]!);
  const base = { n, weightSum, effectiveN };
  const mean = meanEstimate(
    { ...base, shiftedSum: sums[X]!, shiftedSquareSum: sums[X2]!, shift: scale.min, min: scale.min, max: scale.max, scale: scale.label },
    level,
  );
  const easy = proportionEstimate({ ...base, count: sums[EASY_C]!, successes: sums[EASY_W]! }, level);
  const difficult = proportionEstimate({ ...base, count: sums[DIFFICULT_C]!, successes: sums[DIFFICULT_W]! }, level);
  const agree = { ...proportionEstimate({ ...base, count: sums[AGREE_C]!, successes: sums[AGREE_W]! }, level), points: sets.agree };
  const wald = waldNetScore(easy.share, difficult.share, effectiveN, level);
  const adjustedWald = adjustedWaldNetScore(easy.share, difficult.share, effectiveN, level);
  const threshold = options.smallSampleThreshold;
  const choice = chooseNetScoreMethod(options.interval ?? 'auto', easy.share, difficult.share, effectiveN, {
    level,
    ...(threshold === undefined ? {} : { smallSampleThreshold: threshold }),
  });
  const chosen = choice.method === 'wald' ? wald : adjustedWald;
  const index: CesIndex = {
    easyPoints: sets.easy,
    difficultPoints: sets.difficult,
    easy,
    difficult,
    score: 100 * (easy.share - difficult.share),
    standardError: chosen.standardError,
    interval: chosen.interval,
    intervalMethod: choice.method,
    intervalRule: choice.rule,
    wald,
    adjustedWald,
  };
  const direction = scale.direction === 'higher-is-better' ? 'higher = easier' : 'lower = easier';
  const headline =
    convention === 'mean'
      ? { score: mean.value, standardError: mean.standardError, interval: mean.interval, label: `mean on the ${scale.label} scale (${direction})` }
      : convention === 'index'
        ? {
            score: index.score,
            standardError: index.standardError,
            interval: index.interval,
            label: `% easy (${sets.easy.join(', ')}) − % difficult (${sets.difficult.join(', ')}) on ${scale.label}`,
          }
        : { score: agree.percent, standardError: agree.standardError, interval: agree.interval, label: `% agree (${sets.agree.join(', ')}) on ${scale.label}` };
  const verdict = assessReliability(n, effectiveN, (headline.interval.upper - headline.interval.lower) / 2, resolved.minimumSample);
  return {
    metric: 'ces',
    statistic: convention,
    convention,
    conventionLabel: headline.label,
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
    scale: { label: scale.label, min: scale.min, max: scale.max, direction: scale.direction },
    mean,
    index,
    agree,
  };
}

/**
 * Validates survey responses for CES into typed rows (internal building block of {@link ces}, trends and
 * breakdowns).
 *
 * @example
 * ```ts
 * prepareCes([{ id: 's1', respondedAt: 0, ces: 6 }], {}).rows //=> 1
 * ```
 */
export function prepareCes(responses: readonly SurveyResponse[], options: CesOptions): ScoreEngine<CesResult> {
  const resolved = resolveCommonOptions(options);
  const convention = options.convention ?? 'mean';
  if (convention !== 'mean' && convention !== 'index' && convention !== 'agree') {
    programmerError(`convention must be 'mean', 'index' or 'agree', got ${String(convention)}`);
  }
  const table = resolveScaleTable({ scale: options.scale ?? '1-7' }, '1-7');
  const scale = table.scales[0]!;
  const sets = resolveSets(scale, options);
  const data = readScaleRows(responses, 'ces', table, undefined, resolved);
  return {
    width: WIDTH,
    rows: data.rows,
    recordIndex: data.recordIndex,
    excluded: responses.length - data.rows,
    issues: data.issues,
    sum: (rows) => sumWith(WIDTH, data.rows, rows, (row: number, acc: SumVector): void => {
      const w = data.weights[row]!;
      const point = data.pointIndex[row]!;
      const x = data.values[row]! - scale.min;
      acc.add(COUNT, 1);
      acc.add(WEIGHT, w);
      acc.add(WEIGHT2, w * w);
      acc.add(X, w * x);
      acc.add(X2, w * x * x);
      if (sets.masks.easy[point] === 1) {
        acc.add(EASY_W, w);
        acc.add(EASY_C, 1);
      }
      if (sets.masks.difficult[point] === 1) {
        acc.add(DIFFICULT_W, w);
        acc.add(DIFFICULT_C, 1);
      }
      if (sets.masks.agree[point] === 1) {
        acc.add(AGREE_W, w);
        acc.add(AGREE_C, 1);
      }
    }),
    finish: (sums, excluded, groupIssues) => finishCes(sums, excluded, groupIssues, scale, sets, resolved, options, convention),
  };
}

/**
 * Customer Effort Score of survey responses (field `ces`), all three conventions computed and the headline one
 * (`convention`, default `mean`) named in `conventionLabel`. Bad or missing scores are reported and excluded.
 * Left `no-valid-responses` when nothing is left.
 *
 * @example
 * ```ts
 * const r = ces(responses, { convention: 'index' });
 * // right({ convention: 'index', score: 35.5, interval: {...}, mean: { value: 5.4, ... }, agree: { percent: 71.2, ... }, ... })
 * ```
 */
export function ces(responses: readonly SurveyResponse[], options: CesOptions = {}): E.Either<SatisfactionRefusal, CesResult> {
  return scoreAll(prepareCes(responses, options), 'CES');
}

/**
 * CES of a plain array or typed array of scores (fast path; issues read `scores[i]`).
 *
 * @example
 * ```ts
 * cesFromScores([7, 6, 2, 5], { convention: 'index' }) // right({ score: 25, ... }) (50 % easy − 25 % difficult)
 * ```
 */
export function cesFromScores(
  scores: ArrayLike<number>,
  options: CesOptions & { readonly weights?: ArrayLike<number> } = {},
): E.Either<SatisfactionRefusal, CesResult> {
  const { weights, ...rest } = options;
  const root = options.root ?? 'scores';
  return rebaseFastPathResult(ces(scoresAsResponses(scores, 'ces', weights), { ...rest, root }), 'ces', root);
}
