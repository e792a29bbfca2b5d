/**
 * Net Promoter Score: counts, shares, score on −100..100, trinomial standard error, Wald and adjusted-Wald
 * intervals, reliability, and the excluded responses.
 *
 * Definitions: 0-10 "likelihood to recommend"; promoters 9-10, passives 7-8, detractors 0-6;
 * NPS = %promoters − %detractors (Reichheld 2003; Rocks' CRAN `NPS` package `npc()`).
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { joinPath, makeIssue, type SurveyResponse, type ValidationIssue } from '../core/index.js';
import { refuseNoValidResponses, scoreAll, sumWith, type ScoreEngine } from './engine.js';
import { programmerError, resolveCommonOptions, type ResolvedCommonOptions } from './options.js';
import { assessReliability } from './reliability.js';
import {
  adjustedWaldNetScore,
  chooseNetScoreMethod,
  waldNetScore,
  type NetScoreEstimate,
  type NetScoreIntervalMethod,
} from './trinomial.js';
import type { CommonScoreOptions, SatisfactionRefusal, ScoreCommon } from './types.js';
import { effectiveSampleSizeFromSums } from './weights.js';
import { readWeight, responseAt } from './validate.js';

/**
 * Options of {@link nps}, {@link npsFromScores} and {@link npsFromCounts}.
 *
 * @example
 * ```ts
 * const options: NpsOptions = { interval: 'adjusted-wald', level: 0.9, minimumSample: { minimumN: 50 } };
 * ```
 */
export interface NpsOptions extends CommonScoreOptions {
  /** Interval method. Default `auto`: adjusted-Wald below `smallSampleThreshold` effective responses or for degenerate samples. */
  readonly interval?: NetScoreIntervalMethod;
  /** Effective sample size below which `auto` picks adjusted-Wald. Default 100. */
  readonly smallSampleThreshold?: number;
  /** Lowest promoter score. Default 9. */
  readonly promoterMin?: number;
  /** Highest detractor score. Default 6. */
  readonly detractorMax?: number;
}

/**
 * An NPS with everything needed to report and compare it.
 *
 * @example
 * ```ts
 * const r = E.getOrElseW(() => undefined)(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }))!;
 * r.score //=> 30
 * r.intervalMethod //=> 'adjusted-wald'
 * ```
 */
export interface NpsResult extends ScoreCommon {
  /** Always `nps`. */
  readonly metric: 'nps';
  /** What `score` is: the NPS in points. */
  readonly statistic: 'nps';
  /** Unweighted counts. */
  readonly counts: NpsCounts;
  /** Weighted counts (sums of weights). */
  readonly weighted: NpsCounts;
  /** Weighted shares, 0..1. */
  readonly shares: NpsCounts;
  /** Trinomial variance per response, p + d − (p − d)², on the −1..1 scale. */
  readonly variance: number;
  /** Half-width z·SE of the reported interval before clamping, in points. */
  readonly marginOfError: number;
  /** The method of `interval`. */
  readonly intervalMethod: 'wald' | 'adjusted-wald';
  /** Why that method was used. */
  readonly intervalRule: string;
  /** The Wald estimate (centred on the observed score). */
  readonly wald: NetScoreEstimate;
  /** The adjusted-Wald estimate (+¾ promoter, +¾ detractor, +3 n). */
  readonly adjustedWald: NetScoreEstimate;
  /** The category breaks used. */
  readonly breaks: NpsBreaks;
}

/**
 * NPS category breaks: promoters score ≥ promoterMin, detractors ≤ detractorMax.
 *
 * @example
 * ```ts
 * const standard: NpsBreaks = { promoterMin: 9, detractorMax: 6 };
 * ```
 */
export interface NpsBreaks {
  /** Lowest promoter score (default 9). */
  readonly promoterMin: number;
  /** Highest detractor score (default 6). */
  readonly detractorMax: number;
}

/**
 * Values per NPS category: counts for {@link npsFromCounts}; counts, weight sums or shares in an {@link NpsResult}.
 *
 * @example
 * ```ts
 * const counts: NpsCounts = { promoters: 50, passives: 30, detractors: 20 };
 * ```
 */
export interface NpsCounts {
  /** Promoters (default 9-10). */
  readonly promoters: number;
  /** Passives (default 7-8). */
  readonly passives: number;
  /** Detractors (default 0-6). */
  readonly detractors: number;
}

// Sum slots: count, Σw, Σw², then weighted detractors/passives/promoters, then unweighted counts.
const COUNT = 0;
const WEIGHT = 1;
const WEIGHT2 = 2;
const WEIGHTED = 3;
const COUNTS = 6;
const WIDTH = 9;

type Breaks = NpsBreaks;

function resolveBreaks(options: NpsOptions): Breaks {
  const promoterMin = options.promoterMin ?? 9;
  const detractorMax = options.detractorMax ?? 6;
  if (!(Number.isInteger(promoterMin) && Number.isInteger(detractorMax) && detractorMax >= 0 && promoterMin <= 10 && detractorMax < promoterMin)) {
    programmerError(`NPS breaks need integers 0 ≤ detractorMax < promoterMin ≤ 10, got ${String(detractorMax)} / ${String(promoterMin)}`);
  }
  return { promoterMin, detractorMax };
}

/** 0 detractor, 1 passive, 2 promoter, −1 not an NPS score. */
function categorise(score: unknown, breaks: Breaks): number {
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) return -1;
  return score <= breaks.detractorMax ? 0 : score >= breaks.promoterMin ? 2 : 1;
}

const EXPECTED_SCORE = 'NPS score (integer 0..10)';

function finishNps(
  sums: Float64Array,
  excluded: number,
  issues: readonly ValidationIssue[],
  resolved: ResolvedCommonOptions,
  options: NpsOptions,
  breaks: Breaks,
): NpsResult {
  const n = sums[COUNT]!;
  const weightSum = sums[WEIGHT]!;
  const effectiveN = effectiveSampleSizeFromSums(weightSum, sums[WEIGHT2]!);
  const weighted = { detractors: sums[WEIGHTED]!, passives: sums[WEIGHTED + 1]!, promoters: sums[WEIGHTED + 2]! };
  const p = weightSum > 0 ? weighted.promoters / weightSum : 0;
  const d = weightSum > 0 ? weighted.detractors / weightSum : 0;
  const level = resolved.level;
  const wald = waldNetScore(p, d, effectiveN, level);
  const adjustedWald = adjustedWaldNetScore(p, d, effectiveN, level);
  const threshold = options.smallSampleThreshold;
  const choice = chooseNetScoreMethod(options.interval ?? 'auto', p, d, effectiveN, {
    level,
    ...(threshold === undefined ? {} : { smallSampleThreshold: threshold }),
  });
  const chosen = choice.method === 'wald' ? wald : adjustedWald;
  const verdict = assessReliability(n, effectiveN, chosen.marginOfError, resolved.minimumSample);
  return {
    metric: 'nps',
    statistic: 'nps',
    n,
    weightSum,
    effectiveN,
    level,
    score: 100 * (p - d),
    standardError: chosen.standardError,
    interval: chosen.interval,
    reliable: verdict.reliable,
    reliabilityReason: verdict.reason,
    excluded,
    issues,
    counts: { promoters: sums[COUNTS + 2]!, passives: sums[COUNTS + 1]!, detractors: sums[COUNTS]! },
    weighted: { promoters: weighted.promoters, passives: weighted.passives, detractors: weighted.detractors },
    shares: { promoters: p, passives: weightSum > 0 ? weighted.passives / weightSum : 0, detractors: d },
    variance: wald.variance,
    marginOfError: chosen.marginOfError,
    intervalMethod: choice.method,
    intervalRule: choice.rule,
    wald,
    adjustedWald,
    breaks: { promoterMin: breaks.promoterMin, detractorMax: breaks.detractorMax },
  };
}

function validateThreshold(options: NpsOptions): void {
  const t = options.smallSampleThreshold;
  if (t !== undefined && !(t >= 0 && Number.isFinite(t))) programmerError(`smallSampleThreshold must be a finite number ≥ 0, got ${String(t)}`);
}

/**
 * Validates survey responses for NPS into typed rows (internal building block of {@link nps}, trends and
 * breakdowns).
 *
 * @example
 * ```ts
 * const engine = prepareNps([{ id: 's1', respondedAt: 0, nps: 10 }], {});
 * engine.rows //=> 1
 * ```
 */
export function prepareNps(responses: readonly SurveyResponse[], options: NpsOptions): ScoreEngine<NpsResult> {
  if (!Array.isArray(responses)) programmerError('responses must be an array');
  validateThreshold(options);
  const resolved = resolveCommonOptions(options);
  const breaks = resolveBreaks(options);
  const length = responses.length;
  const category = new Uint8Array(length);
  const weights = new Float64Array(length);
  const recordIndex = new Int32Array(length);
  const issues: ValidationIssue[] = [];
  let rows = 0;
  let unitWeights = true;
  for (let i = 0; i < length; i++) {
    const response = responseAt(responses, i, resolved.root, issues);
    if (response === undefined) continue;
    const score: unknown = response.nps;
    const cat = categorise(score, breaks);
    if (cat < 0) issues.push(makeIssue(joinPath(joinPath(resolved.root, i), 'nps'), score === undefined ? `${EXPECTED_SCORE} (missing)` : EXPECTED_SCORE, score));
    const weight = readWeight(response, resolved.root, i, resolved.useWeights, issues);
    if (cat < 0 || Number.isNaN(weight)) continue;
    category[rows] = cat;
    weights[rows] = weight;
    if (weight !== 1) unitWeights = false;
    recordIndex[rows] = i;
    rows++;
  }
  return {
    width: WIDTH,
    rows,
    recordIndex: recordIndex.subarray(0, rows),
    excluded: length - rows,
    issues,
    sum: (selected) => (unitWeights ? countCategories(category, rows, selected) : sumWeightedCategories(category, weights, rows, selected)),
    finish: (sums, excluded, groupIssues) => finishNps(sums, excluded, groupIssues, resolved, options, breaks),
  };
}

/** Sums of unit-weight rows: integer counts, exact in any order. */
function countCategories(category: Uint8Array, rowCount: number, selected: ArrayLike<number> | undefined): Float64Array {
  const counts = [0, 0, 0];
  if (selected === undefined) for (let row = 0; row < rowCount; row++) counts[category[row]!]!++;
  else for (let i = 0; i < selected.length; i++) counts[category[selected[i]!]!]!++;
  const [detractors, passives, promoters] = counts as [number, number, number];
  const n = detractors + passives + promoters;
  return Float64Array.of(n, n, n, detractors, passives, promoters, detractors, passives, promoters);
}

/** Sums of weighted rows, compensated so that the order of the rows does not matter beyond the last bit. */
function sumWeightedCategories(category: Uint8Array, weights: Float64Array, rowCount: number, selected: ArrayLike<number> | undefined): Float64Array {
  return sumWith(WIDTH, rowCount, selected, (row, acc) => {
    const w = weights[row]!;
    const c = category[row]!;
    acc.add(COUNT, 1);
    acc.add(WEIGHT, w);
    acc.add(WEIGHT2, w * w);
    acc.add(WEIGHTED + c, w);
    acc.add(COUNTS + c, 1);
  });
}

/**
 * The NPS of survey responses (field `nps`, 0-10) with intervals and reliability. Responses with a missing or
 * out-of-scale score or an invalid weight are excluded and reported (`responses[i].nps`); weights (field `weight`)
 * enter the shares and, through Kish's effective n, every interval. Left `no-valid-responses` when nothing is left.
 *
 * @example
 * ```ts
 * const result = nps([
 *   { id: 's1', respondedAt: Date.UTC(2024, 2, 1), nps: 10 },
 *   { id: 's2', respondedAt: Date.UTC(2024, 2, 1), nps: 3 },
 *   { id: 's3', respondedAt: Date.UTC(2024, 2, 2), nps: 12 },
 * ]);
 * // right({ score: 0, n: 2, excluded: 1, issues: [{ path: 'responses[2].nps', ... }], interval: ..., ... })
 * ```
 */
export function nps(responses: readonly SurveyResponse[], options: NpsOptions = {}): E.Either<SatisfactionRefusal, NpsResult> {
  return scoreAll(prepareNps(responses, options), 'NPS');
}

/**
 * The fast path: the NPS of a plain array or typed array of 0-10 scores, optionally with a parallel array of
 * weights. Same result as {@link nps}; invalid entries are reported as `scores[i]` (or `weights[i]`).
 *
 * @example
 * ```ts
 * npsFromScores(Uint8Array.of(10, 9, 8, 3, 10)) // right({ score: 40, n: 5, ... })
 * npsFromScores([10, 0], { weights: [3, 1] }) // right({ score: 50, effectiveN: 1.6, ... })
 * ```
 */
export function npsFromScores(
  scores: ArrayLike<number>,
  options: NpsOptions & { readonly weights?: ArrayLike<number> } = {},
): E.Either<SatisfactionRefusal, NpsResult> {
  validateThreshold(options);
  const resolved = resolveCommonOptions(options, 'scores');
  const breaks = resolveBreaks(options);
  const { weights } = options;
  const length = scores.length;
  if (weights !== undefined && weights.length !== length) {
    programmerError(`weights has ${weights.length} entries for ${length} scores`);
  }
  const issues: ValidationIssue[] = [];
  const low = breaks.detractorMax;
  const high = breaks.promoterMin;
  let sums: Float64Array;
  if (weights === undefined || !resolved.useWeights) {
    // Histogram of the eleven scores in one pass; integer typed arrays need no integer check.
    const histogram = new Float64Array(11);
    if (scores instanceof Uint8Array || scores instanceof Uint16Array || scores instanceof Uint32Array || scores instanceof Uint8ClampedArray) {
      for (let i = 0; i < length; i++) {
        const score = scores[i]!;
        if (score <= 10) histogram[score]!++;
        else issues.push(makeIssue(joinPath(resolved.root, i), EXPECTED_SCORE, score));
      }
    } else {
      for (let i = 0; i < length; i++) {
        const score = scores[i]!;
        if (score >= 0 && score <= 10 && Math.floor(score) === score) histogram[score]!++;
        else issues.push(makeIssue(joinPath(resolved.root, i), EXPECTED_SCORE, score));
      }
    }
    let detractors = 0;
    let passives = 0;
    let promoters = 0;
    for (let score = 0; score <= 10; score++) {
      if (score <= low) detractors += histogram[score]!;
      else if (score >= high) promoters += histogram[score]!;
      else passives += histogram[score]!;
    }
    const n = detractors + passives + promoters;
    sums = Float64Array.of(n, n, n, detractors, passives, promoters, detractors, passives, promoters);
  } else {
    // Inline Neumaier sums (hot loop): weighted categories and Σw²; counts are integers.
    const sum = [0, 0, 0, 0];
    const compensation = [0, 0, 0, 0];
    const counts = [0, 0, 0];
    const add = (slot: number, term: number): void => {
      const current = sum[slot]!;
      const total = current + term;
      compensation[slot]! += Math.abs(current) >= Math.abs(term) ? current - total + term : term - total + current;
      sum[slot] = total;
    };
    for (let i = 0; i < length; i++) {
      const score = scores[i]!;
      const weight = weights[i]!;
      const cat = score >= 0 && score <= 10 && Number.isInteger(score) ? (score <= low ? 0 : score >= high ? 2 : 1) : -1;
      const validWeight = typeof weight === 'number' && weight > 0 && weight < Number.POSITIVE_INFINITY;
      if (cat < 0) issues.push(makeIssue(joinPath(resolved.root, i), EXPECTED_SCORE, score));
      if (!validWeight) issues.push(makeIssue(joinPath('weights', i), 'positive finite weight', weight));
      if (cat < 0 || !validWeight) continue;
      add(cat, weight);
      add(3, weight * weight);
      counts[cat]!++;
    }
    const wd = sum[0]! + compensation[0]!;
    const wpa = sum[1]! + compensation[1]!;
    const wp = sum[2]! + compensation[2]!;
    const n = counts[0]! + counts[1]! + counts[2]!;
    sums = Float64Array.of(n, wd + wpa + wp, sum[3]! + compensation[3]!, wd, wpa, wp, counts[0]!, counts[1]!, counts[2]!);
  }
  const excluded = length - sums[COUNT]!;
  if (sums[COUNT] === 0) return refuseNoValidResponses('NPS', excluded, issues);
  return E.right(finishNps(sums, excluded, issues, resolved, options, breaks));
}

/**
 * The NPS of already-counted categories (unweighted; n = promoters + passives + detractors).
 *
 * @example
 * ```ts
 * const r = npsFromCounts({ promoters: 50, passives: 30, detractors: 20 });
 * // right({ score: 30, wald: { interval: { lower: 14.69, upper: 45.31 } }, adjustedWald: { interval: { lower: 14.05, upper: 44.20 } }, ... })
 * ```
 */
export function npsFromCounts(counts: NpsCounts, options: NpsOptions = {}): E.Either<SatisfactionRefusal, NpsResult> {
  validateThreshold(options);
  for (const key of ['promoters', 'passives', 'detractors'] as const) {
    const value = counts[key];
    if (!(Number.isInteger(value) && value >= 0)) programmerError(`counts.${key} must be a non-negative integer, got ${String(value)}`);
  }
  const resolved = resolveCommonOptions(options, 'counts');
  const breaks = resolveBreaks(options);
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return refuseNoValidResponses('NPS', 0, []);
  const sums = Float64Array.of(n, n, n, counts.detractors, counts.passives, counts.promoters, counts.detractors, counts.passives, counts.promoters);
  return E.right(finishNps(sums, 0, [], resolved, options, breaks));
}
