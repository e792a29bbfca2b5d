/**
 * Rating scales: 1-5, 1-7, 1-10, 0-10 or custom, their direction and their "satisfied" (top-box) set.
 *
 * @module
 */
import { programmerError } from './options.js';

/**
 * A rating scale given as data. `satisfied` lists the points that count as satisfied (or an inclusive range);
 * when omitted, the top-box default for the number of points applies (see {@link defaultTopBoxSize}).
 *
 * @example
 * ```ts
 * const fivePoint: ScaleSpec = { min: 1, max: 5 };                           // satisfied = {4, 5}
 * const slider: ScaleSpec = { min: 0, max: 100, step: 10, satisfied: { from: 80, to: 100 } };
 * const schoolGrades: ScaleSpec = { min: 1, max: 6, direction: 'lower-is-better', label: 'grade 1-6' };
 * ```
 */
export interface ScaleSpec {
  /** Lowest point. */
  readonly min: number;
  /** Highest point (> min). */
  readonly max: number;
  /** Distance between points. Default 1. The scale has (max − min) / step + 1 points (2..100,001). */
  readonly step?: number;
  /** Which end is good. Default `higher-is-better`. */
  readonly direction?: 'higher-is-better' | 'lower-is-better';
  /** Points counted as satisfied: a list, or an inclusive range. Required for scales with more than 11 points. */
  readonly satisfied?: readonly number[] | SatisfiedRange;
  /** Display name. Default `min-max`. */
  readonly label?: string;
}

/**
 * An inclusive range of satisfied points.
 *
 * @example
 * ```ts
 * const range: SatisfiedRange = { from: 80, to: 100 };
 * ```
 */
export interface SatisfiedRange {
  /** Lowest satisfied value (inclusive). */
  readonly from: number;
  /** Highest satisfied value (inclusive). */
  readonly to: number;
}

/**
 * A scale as a {@link ScaleSpec} or the shorthand `'min-max'` for an integer scale (`'1-5'`, `'0-10'`).
 *
 * @example
 * ```ts
 * const a: ScaleInput = '1-7';
 * const b: ScaleInput = { min: 1, max: 7, satisfied: [6, 7] };
 * ```
 */
export type ScaleInput = ScaleSpec | string;

/**
 * A validated scale with everything precomputed for hot loops.
 *
 * @example
 * ```ts
 * const scale: ResolvedScale = resolveScale('1-5');
 * scale.satisfied //=> [4, 5]
 * scale.satisfiedRule //=> 'top-2-box (default for a 5-point scale)'
 * ```
 */
export interface ResolvedScale {
  /** Display name (`1-5`, `1-5 (lower is better)`, or the spec's label). */
  readonly label: string;
  /** Lowest point. */
  readonly min: number;
  /** Highest point. */
  readonly max: number;
  /** Distance between points. */
  readonly step: number;
  /** Number of points. */
  readonly points: number;
  /** Which end is good. */
  readonly direction: 'higher-is-better' | 'lower-is-better';
  /** Satisfied points, ascending. */
  readonly satisfied: readonly number[];
  /** How the satisfied set was chosen. */
  readonly satisfiedRule: string;
  /** 1 at the index of each satisfied point (index = (value − min) / step). */
  readonly satisfiedMask: Uint8Array;
}

/** Largest number of points a scale may have. */
const MAX_POINTS = 100_001;
const TOLERANCE = 1e-9;

/**
 * The default size of the satisfied top box for a scale with `points` points, or `undefined` above 11 points
 * (then the satisfied set must be given). 2-3 points: top 1; 4-5: top 2; 6-8: top 3 (Zencity's table);
 * 9-11: top 2 (QuestionPro treats 9-10 as positive on 1-10, like NPS promoters on 0-10).
 *
 * @example
 * ```ts
 * defaultTopBoxSize(5) //=> 2
 * defaultTopBoxSize(7) //=> 3
 * defaultTopBoxSize(10) //=> 2
 * defaultTopBoxSize(101) //=> undefined
 * ```
 */
export function defaultTopBoxSize(points: number): number | undefined {
  if (points < 2) return undefined;
  if (points <= 3) return 1;
  if (points <= 5) return 2;
  if (points <= 8) return 3;
  if (points <= 11) return 2;
  return undefined;
}

/**
 * One problem with a scale specification: where (path segments below the scale), what was expected, what was there.
 *
 * @example
 * ```ts
 * const problem: ScaleProblem = { path: ['satisfied', 0], expected: 'a point of the scale', value: 9 };
 * ```
 */
export interface ScaleProblem {
  /** Path below the checked value (keys and indices). */
  readonly path: readonly (string | number)[];
  /** What was expected there. */
  readonly expected: string;
  /** What was there. */
  readonly value: unknown;
}

const SHORTHAND = /^\s*(-?\d{1,6})\s*-\s*(-?\d{1,6})\s*$/;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function parseShorthand(input: string): ScaleSpec | undefined {
  const match = SHORTHAND.exec(input);
  if (match === null) return undefined;
  return { min: Number(match[1]), max: Number(match[2]) };
}

/**
 * Whether a value lies on the points of a scale described by min, max and step.
 *
 * @example
 * ```ts
 * isScalePoint(4, 1, 5, 1) //=> true
 * isScalePoint(4.5, 1, 5, 1) //=> false
 * ```
 */
export function isScalePoint(value: number, min: number, max: number, step: number): boolean {
  if (!(value >= min - TOLERANCE && value <= max + TOLERANCE)) return false;
  const position = (value - min) / step;
  return Math.abs(position - Math.round(position)) < TOLERANCE * Math.max(1, Math.abs(position));
}

/**
 * Lists every problem of an untrusted scale description (empty when valid). The codecs and
 * {@link resolveScale} both use it.
 *
 * @example
 * ```ts
 * scaleProblems('1-5') //=> []
 * scaleProblems({ min: 5, max: 1 })[0].expected //=> 'a number greater than min'
 * ```
 */
export function scaleProblems(input: unknown): ScaleProblem[] {
  if (typeof input === 'string') {
    const spec = parseShorthand(input);
    if (spec === undefined) return [{ path: [], expected: "scale shorthand 'min-max' such as '1-5'", value: input }];
    return scaleProblems(spec);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return [{ path: [], expected: "scale ('1-5' or { min, max, step?, direction?, satisfied?, label? })", value: input }];
  }
  const spec = input as Record<string, unknown>;
  const problems: ScaleProblem[] = [];
  const { min, max } = spec;
  const step = spec.step ?? 1;
  if (!isFiniteNumber(min)) problems.push({ path: ['min'], expected: 'finite number', value: min });
  if (!isFiniteNumber(max)) problems.push({ path: ['max'], expected: 'finite number', value: max });
  if (!(isFiniteNumber(step) && step > 0)) problems.push({ path: ['step'], expected: 'positive number', value: spec.step });
  if (spec.direction !== undefined && spec.direction !== 'higher-is-better' && spec.direction !== 'lower-is-better') {
    problems.push({ path: ['direction'], expected: "'higher-is-better' or 'lower-is-better'", value: spec.direction });
  }
  if (spec.label !== undefined && typeof spec.label !== 'string') problems.push({ path: ['label'], expected: 'string', value: spec.label });
  for (const key of Object.keys(spec)) {
    if (!['min', 'max', 'step', 'direction', 'satisfied', 'label'].includes(key)) {
      problems.push({ path: [key], expected: 'no such key (min, max, step, direction, satisfied, label)', value: spec[key] });
    }
  }
  if (problems.length > 0 || !isFiniteNumber(min) || !isFiniteNumber(max) || !isFiniteNumber(step)) return problems;
  if (!(max > min)) return [{ path: ['max'], expected: 'a number greater than min', value: max }];
  const span = (max - min) / step;
  const points = Math.round(span) + 1;
  if (Math.abs(span - Math.round(span)) > TOLERANCE * Math.max(1, span)) {
    return [{ path: ['step'], expected: 'a step that divides max − min', value: step }];
  }
  if (points > MAX_POINTS) return [{ path: ['step'], expected: `at most ${MAX_POINTS} points`, value: step }];
  const satisfied = spec.satisfied;
  if (satisfied === undefined) {
    if (defaultTopBoxSize(points) === undefined) {
      problems.push({ path: ['satisfied'], expected: 'an explicit satisfied set (scales of more than 11 points have no default)', value: undefined });
    }
  } else if (Array.isArray(satisfied)) {
    if (satisfied.length === 0) problems.push({ path: ['satisfied'], expected: 'a non-empty list of scale points', value: satisfied });
    satisfied.forEach((value: unknown, i) => {
      if (!(isFiniteNumber(value) && isScalePoint(value, min, max, step))) {
        problems.push({ path: ['satisfied', i], expected: `a point of the scale ${min}-${max}`, value });
      }
    });
  } else if (satisfied !== null && typeof satisfied === 'object') {
    const range = satisfied as Record<string, unknown>;
    if (!(isFiniteNumber(range.from) && range.from >= min && range.from <= max)) {
      problems.push({ path: ['satisfied', 'from'], expected: `a number within ${min}-${max}`, value: range.from });
    }
    if (!(isFiniteNumber(range.to) && range.to >= min && range.to <= max)) {
      problems.push({ path: ['satisfied', 'to'], expected: `a number within ${min}-${max}`, value: range.to });
    }
    if (isFiniteNumber(range.from) && isFiniteNumber(range.to) && range.to < range.from) {
      problems.push({ path: ['satisfied', 'to'], expected: 'a number ≥ from', value: range.to });
    }
    for (const key of Object.keys(range)) {
      if (key !== 'from' && key !== 'to') problems.push({ path: ['satisfied', key], expected: 'no such key (from, to)', value: range[key] });
    }
  } else {
    problems.push({ path: ['satisfied'], expected: 'a list of points or { from, to }', value: satisfied });
  }
  return problems;
}

/**
 * Validates and precomputes a scale. Throws a `[clientele]` RangeError for an invalid scale passed in code
 * (decode untrusted configuration with `decodeScale` first).
 *
 * @example
 * ```ts
 * resolveScale('1-7').satisfied //=> [5, 6, 7]
 * resolveScale({ min: 1, max: 5, direction: 'lower-is-better' }).satisfied //=> [1, 2]
 * ```
 */
export function resolveScale(input: ScaleInput): ResolvedScale {
  const problems = scaleProblems(input);
  if (problems.length > 0) {
    const first = problems[0]!;
    programmerError(`invalid scale ${JSON.stringify(input)}: ${first.path.join('.')} expected ${first.expected}`);
  }
  const spec = typeof input === 'string' ? parseShorthand(input)! : input;
  const step = spec.step ?? 1;
  const direction = spec.direction ?? 'higher-is-better';
  const points = Math.round((spec.max - spec.min) / step) + 1;
  const pointValue = (index: number): number => roundToStep(spec.min + index * step, step);
  const mask = new Uint8Array(points);
  let rule: string;
  if (spec.satisfied === undefined) {
    const size = defaultTopBoxSize(points)!;
    for (let i = 0; i < size; i++) mask[direction === 'higher-is-better' ? points - 1 - i : i] = 1;
    rule = `top-${size}-box (default for a ${points}-point scale)`;
  } else if (Array.isArray(spec.satisfied)) {
    for (const value of spec.satisfied as readonly number[]) mask[Math.round((value - spec.min) / step)] = 1;
    rule = 'explicit satisfied points';
  } else {
    const { from, to } = spec.satisfied as SatisfiedRange;
    for (let i = 0; i < points; i++) {
      const value = pointValue(i);
      if (value >= from - TOLERANCE && value <= to + TOLERANCE) mask[i] = 1;
    }
    rule = `satisfied range ${from}-${to}`;
  }
  const satisfied: number[] = [];
  for (let i = 0; i < points; i++) if (mask[i] === 1) satisfied.push(pointValue(i));
  const defaultLabel = `${spec.min}-${spec.max}${step === 1 ? '' : ` step ${step}`}${direction === 'lower-is-better' ? ' (lower is better)' : ''}`;
  return {
    label: spec.label ?? defaultLabel,
    min: spec.min,
    max: spec.max,
    step,
    points,
    direction,
    satisfied,
    satisfiedRule: rule,
    satisfiedMask: mask,
  };
}

function roundToStep(value: number, step: number): number {
  // Removes float noise such as 0.30000000000000004 from min + i·step.
  const decimals = Math.max(0, Math.min(12, Math.ceil(-Math.log10(step)) + 2));
  return Number(value.toFixed(decimals));
}

/**
 * The index (0-based) of a value on a scale, or -1 when the value is not one of its points.
 *
 * @example
 * ```ts
 * scalePointIndex(resolveScale('1-5'), 4) //=> 3
 * scalePointIndex(resolveScale('1-5'), 6) //=> -1
 * ```
 */
export function scalePointIndex(scale: ResolvedScale, value: number): number {
  if (!isScalePoint(value, scale.min, scale.max, scale.step)) return -1;
  return Math.round((value - scale.min) / scale.step);
}

/**
 * A fast point lookup for hot loops: returns the 0-based point index of a value, or −1 when the value is not a
 * number on the scale. Integer scales with step 1 use an integer check instead of the general arithmetic.
 *
 * @example
 * ```ts
 * const indexOf = pointIndexer(resolveScale('1-5'));
 * indexOf(4) //=> 3
 * indexOf('4') //=> -1
 * ```
 */
export function pointIndexer(scale: ResolvedScale): (value: unknown) => number {
  const { min, max } = scale;
  if (scale.step === 1 && Number.isInteger(min)) {
    return (value) => (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value - min : -1);
  }
  return (value) => (typeof value === 'number' ? scalePointIndex(scale, value) : -1);
}

/**
 * A score as percent of the maximum possible (POMP, 0..100), oriented so that 100 is always the good end.
 *
 * @example
 * ```ts
 * percentOfMaximum(resolveScale('1-5'), 4) //=> 75
 * percentOfMaximum(resolveScale({ min: 1, max: 5, direction: 'lower-is-better' }), 4) //=> 25
 * ```
 */
export function percentOfMaximum(scale: ResolvedScale, value: number): number {
  const fraction = (value - scale.min) / (scale.max - scale.min);
  return 100 * (scale.direction === 'higher-is-better' ? fraction : 1 - fraction);
}

/**
 * A short description of the expected values of a scale, for validation issues.
 *
 * @example
 * ```ts
 * describeScale(resolveScale('1-5')) //=> 'score on the 1-5 scale (integer 1..5)'
 * ```
 */
export function describeScale(scale: ResolvedScale): string {
  const values = scale.step === 1 && Number.isInteger(scale.min) ? `integer ${scale.min}..${scale.max}` : `${scale.min}..${scale.max} in steps of ${scale.step}`;
  return `score on the ${scale.label} scale (${values})`;
}
