/**
 * Checks of options passed in code (programmer errors throw; untrusted configuration goes through the decoders).
 *
 * @module
 */
import { DEFAULT_MINIMUM_SAMPLE, type CommonScoreOptions, type MinimumSampleRule } from './types.js';

/**
 * Options after defaults, used internally by every scoring function.
 *
 * @example
 * ```ts
 * const resolved: ResolvedCommonOptions = resolveCommonOptions({});
 * resolved.level //=> 0.95
 * ```
 */
export interface ResolvedCommonOptions {
  readonly level: number;
  readonly minimumSample: Required<Omit<MinimumSampleRule, 'maxMarginOfError'>> & { readonly maxMarginOfError?: number };
  readonly useWeights: boolean;
  readonly root: string;
}

/**
 * Throws a `[clientele]` RangeError: a broken invariant or a bad option passed in code.
 *
 * @example
 * ```ts
 * programmerError('level must be in (0, 1)'); // throws RangeError('[clientele] level must be in (0, 1)')
 * ```
 */
export function programmerError(message: string): never {
  throw new RangeError(`[clientele] ${message}`);
}

/**
 * Validates a confidence level (0 < level < 1); the default is 0.95.
 *
 * @example
 * ```ts
 * resolveLevel(undefined) //=> 0.95
 * ```
 */
export function resolveLevel(level: number | undefined): number {
  const value = level ?? 0.95;
  if (!(typeof value === 'number' && value > 0 && value < 1)) programmerError(`level must be in (0, 1), got ${String(value)}`);
  return value;
}

/**
 * Validates a minimum-sample rule and fills its defaults.
 *
 * @example
 * ```ts
 * resolveMinimumSample({ minimumN: 50 }) //=> { minimumN: 50, basis: 'effective', smallGroups: 'flag' }
 * ```
 */
export function resolveMinimumSample(rule: MinimumSampleRule | undefined): ResolvedCommonOptions['minimumSample'] {
  const value = rule ?? DEFAULT_MINIMUM_SAMPLE;
  if (!(typeof value.minimumN === 'number' && value.minimumN >= 0 && Number.isFinite(value.minimumN))) {
    programmerError(`minimumSample.minimumN must be a finite number ≥ 0, got ${String(value.minimumN)}`);
  }
  if (value.maxMarginOfError !== undefined && !(value.maxMarginOfError > 0)) {
    programmerError(`minimumSample.maxMarginOfError must be > 0, got ${String(value.maxMarginOfError)}`);
  }
  return {
    minimumN: value.minimumN,
    basis: value.basis ?? 'effective',
    smallGroups: value.smallGroups ?? 'flag',
    ...(value.maxMarginOfError === undefined ? {} : { maxMarginOfError: value.maxMarginOfError }),
  };
}

/**
 * Resolves the options shared by every scoring function.
 *
 * @example
 * ```ts
 * resolveCommonOptions({ weighting: 'none' }).useWeights //=> false
 * ```
 */
export function resolveCommonOptions(options: CommonScoreOptions, defaultRoot = 'responses'): ResolvedCommonOptions {
  return {
    level: resolveLevel(options.level),
    minimumSample: resolveMinimumSample(options.minimumSample),
    useWeights: (options.weighting ?? 'field') === 'field',
    root: options.root ?? defaultRoot,
  };
}

/**
 * Validates a positive finite number option.
 *
 * @example
 * ```ts
 * resolvePositive('sla.firstResponseHours', undefined, 24) //=> 24
 * ```
 */
export function resolvePositive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!(typeof v === 'number' && v > 0 && Number.isFinite(v))) programmerError(`${name} must be a positive finite number, got ${String(v)}`);
  return v;
}
