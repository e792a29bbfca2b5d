/**
 * One entry point for "a score of some metric": used by trends, breakdowns and before/after comparisons.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import type { SurveyResponse } from '../core/index.js';
import { compareMeans, compareNetScores, compareNps, compareProportions } from './compare.js';
import { prepareCes, type CesOptions, type CesResult } from './ces.js';
import { prepareCsat, type CsatOptions, type CsatResult } from './csat.js';
import type { ScoreEngine } from './engine.js';
import { prepareNps, type NpsOptions, type NpsResult } from './nps.js';
import { programmerError } from './options.js';
import type { ComparisonResult, SatisfactionRefusal } from './types.js';

/**
 * Which score to compute, with that score's options: `{ metric: 'nps', ... }`, `{ metric: 'csat', ... }` or
 * `{ metric: 'ces', ... }`.
 *
 * @example
 * ```ts
 * const a: ScoreOptions = { metric: 'nps' };
 * const b: ScoreOptions = { metric: 'csat', scale: '1-5', statistic: 'mean' };
 * const c: ScoreOptions = { metric: 'ces', convention: 'index' };
 * ```
 */
export type ScoreOptions = NpsScoreOptions | CsatScoreOptions | CesScoreOptions;

/**
 * NPS selected as the metric, with the NPS options.
 *
 * @example
 * ```ts
 * const options: NpsScoreOptions = { metric: 'nps', interval: 'adjusted-wald' };
 * ```
 */
export interface NpsScoreOptions extends NpsOptions {
  /** The metric: NPS. */
  readonly metric: 'nps';
}

/**
 * CSAT selected as the metric, with the CSAT options.
 *
 * @example
 * ```ts
 * const options: CsatScoreOptions = { metric: 'csat', scale: '1-7' };
 * ```
 */
export interface CsatScoreOptions extends CsatOptions {
  /** The metric: CSAT. */
  readonly metric: 'csat';
}

/**
 * CES selected as the metric, with the CES options.
 *
 * @example
 * ```ts
 * const options: CesScoreOptions = { metric: 'ces', convention: 'index' };
 * ```
 */
export interface CesScoreOptions extends CesOptions {
  /** The metric: CES. */
  readonly metric: 'ces';
}

/**
 * Any score result; narrow on `metric`. Every variant has `score`, `interval`, `standardError`, `n`,
 * `effectiveN` and `reliable`.
 *
 * @example
 * ```ts
 * function headline(result: ScoreResult): string {
 *   return `${result.metric} ${result.score.toFixed(1)} [${result.interval.lower.toFixed(1)}, ${result.interval.upper.toFixed(1)}]`;
 * }
 * ```
 */
export type ScoreResult = NpsResult | CsatResult | CesResult;

/**
 * Validates responses for the selected metric (internal building block).
 *
 * @example
 * ```ts
 * prepareScore(responses, { metric: 'nps' }).rows // number of responses with a valid NPS score
 * ```
 */
export function prepareScore(responses: readonly SurveyResponse[], options: ScoreOptions): ScoreEngine<ScoreResult> {
  switch (options.metric) {
    case 'nps':
      return prepareNps(responses, options);
    case 'csat':
      return prepareCsat(responses, options);
    case 'ces':
      return prepareCes(responses, options);
    default:
      return programmerError(`metric must be 'nps', 'csat' or 'ces', got ${String((options as { metric: unknown }).metric)}`);
  }
}

/**
 * Compares two results of the same metric (a − b) with the test that fits their headline statistic: NPS and CES
 * index → trinomial z test; shares → two-proportion z test; means → Welch t test.
 *
 * @example
 * ```ts
 * // compareScores(thisMonth, lastMonth, { metric: 'nps' }) → right({ test: 'nps-z', difference: 4.2, ... })
 * ```
 */
export function compareScores(a: ScoreResult, b: ScoreResult, options: ScoreOptions): E.Either<SatisfactionRefusal, ComparisonResult> {
  const level = a.level;
  if (a.metric === 'nps' && b.metric === 'nps') {
    const npsOptions: NpsOptions = options.metric === 'nps' ? options : {};
    return compareNps(a, b, {
      level,
      ...(npsOptions.interval === undefined ? {} : { method: npsOptions.interval }),
      ...(npsOptions.smallSampleThreshold === undefined ? {} : { smallSampleThreshold: npsOptions.smallSampleThreshold }),
    });
  }
  if (a.metric === 'csat' && b.metric === 'csat') {
    if (a.statistic === 'share' && b.statistic === 'share') return compareProportions(a.satisfied, b.satisfied, { level });
    if (a.mean !== null && b.mean !== null && a.mean.scale === b.mean.scale) return compareMeans(a.mean, b.mean, { level });
    return compareMeans(a.percentOfMaximum, b.percentOfMaximum, { level });
  }
  if (a.metric === 'ces' && b.metric === 'ces') {
    if (a.convention === 'mean') return compareMeans(a.mean, b.mean, { level });
    if (a.convention === 'agree') return compareProportions(a.agree, b.agree, { level });
    const cesOptions: CesOptions = options.metric === 'ces' ? options : {};
    return compareNetScores(
      { positive: a.index.easy.share, negative: a.index.difficult.share, n: a.effectiveN },
      { positive: b.index.easy.share, negative: b.index.difficult.share, n: b.effectiveN },
      {
        level,
        ...(cesOptions.interval === undefined ? {} : { method: cesOptions.interval }),
        ...(cesOptions.smallSampleThreshold === undefined ? {} : { smallSampleThreshold: cesOptions.smallSampleThreshold }),
      },
    );
  }
  return E.left({ code: 'incompatible-results', message: `cannot compare a ${a.metric} result with a ${b.metric} result` });
}
