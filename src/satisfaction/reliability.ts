/**
 * The `reliable` flag: a minimum-sample rule applied to one result.
 *
 * @module
 */
import type { ResolvedCommonOptions } from './options.js';

/**
 * The outcome of applying a minimum-sample rule.
 *
 * @example
 * ```ts
 * const verdict: ReliabilityVerdict = { reliable: false, reason: 'effective n 12.0 < minimum 30' };
 * ```
 */
export interface ReliabilityVerdict {
  readonly reliable: boolean;
  readonly reason: string;
}

/**
 * Applies a resolved minimum-sample rule to a sample and the half-width of its interval.
 *
 * @example
 * ```ts
 * assessReliability(100, 100, 15.3, { minimumN: 30, basis: 'effective', smallGroups: 'flag' })
 * //=> { reliable: true, reason: 'effective n 100.0 ≥ minimum 30' }
 * ```
 */
export function assessReliability(
  n: number,
  effectiveN: number,
  halfWidth: number,
  rule: ResolvedCommonOptions['minimumSample'],
): ReliabilityVerdict {
  const basisLabel = rule.basis === 'effective' ? 'effective n' : 'n';
  const observed = rule.basis === 'effective' ? effectiveN : n;
  const shown = rule.basis === 'effective' ? observed.toFixed(1) : String(observed);
  if (!(observed >= rule.minimumN)) return { reliable: false, reason: `${basisLabel} ${shown} < minimum ${rule.minimumN}` };
  if (rule.maxMarginOfError !== undefined && !(halfWidth <= rule.maxMarginOfError)) {
    return {
      reliable: false,
      reason: `margin of error ${halfWidth.toFixed(2)} > maximum ${rule.maxMarginOfError} (${basisLabel} ${shown})`,
    };
  }
  const margin = rule.maxMarginOfError === undefined ? '' : `, margin of error ${halfWidth.toFixed(2)} ≤ ${rule.maxMarginOfError}`;
  return { reliable: true, reason: `${basisLabel} ${shown} ≥ minimum ${rule.minimumN}${margin}` };
}
