/**
 * One churn signal as data, and the rule arithmetic shared by every signal family: strength from the ramp,
 * severity from the threshold and critical levels, contribution from the weight.
 *
 * @module
 */
import { SIGNAL_FAMILIES, type SignalCode, type SignalFamily } from './codes.js';
import type { SignalRule } from './config.js';
import type { ReasonTemplateId } from './templates.js';

/**
 * How serious a reported signal is: `warning` from the rule's threshold, `critical` from its critical level.
 *
 * @example
 * ```ts
 * const severity: SignalSeverity = 'critical';
 * ```
 */
export type SignalSeverity = 'warning' | 'critical';

/**
 * A parameter of a reason sentence (numbers are rounded for display in the text, exact here).
 *
 * @example
 * ```ts
 * const value: ReasonParam = 42;
 * ```
 */
export type ReasonParam = string | number | null;

/**
 * One signal raised for one customer: what was measured, against what, how strongly it counts, and why, as a
 * sentence plus the parameters that fill it.
 *
 * @example
 * ```ts
 * const signal: Signal = {
 *   code: 'recency-overdue', family: 'recency', severity: 'critical', value: 3.2, threshold: 1.5, strength: 0.73,
 *   contribution: 1.61,
 *   reasonId: 'recency-overdue.own-cadence',
 *   params: { daysSinceLastPurchase: 128, expectedGapDays: 40, probabilityOfGap: 0.041, purchaseDays: 9, basis: 'own-cadence' },
 * };
 * ```
 */
export interface Signal {
  /** The signal code. */
  readonly code: SignalCode;
  /** The kind of evidence. */
  readonly family: SignalFamily;
  /** `warning` at the threshold, `critical` at the critical level. */
  readonly severity: SignalSeverity;
  /** The measured value (units per code, see docs/churn.md). */
  readonly value: number;
  /** The rule's threshold the value reached. */
  readonly threshold: number;
  /** Strength 0-1 from the rule's ramp. */
  readonly strength: number;
  /** Log-odds added to the uncalibrated risk score (`weight × strength`; 0 when the weight is superseded by a model). */
  readonly contribution: number;
  /** Why: the id of the reason sentence in `REASON_TEMPLATES` (render with `renderReason(signal)`). */
  readonly reasonId: ReasonTemplateId;
  /** The parameters of the reason sentence (exact values; the sentence rounds them). */
  readonly params: Readonly<Record<string, ReasonParam>>;
}

/**
 * The strength of a value under a rule's ramp: clamp((value − rampFrom) / (rampTo − rampFrom), 0, 1).
 *
 * @example
 * ```ts
 * rampStrength({ enabled: true, weight: 1, rampFrom: 1, rampTo: 3, threshold: 1.5, critical: 2.5 }, 2) //=> 0.5
 * ```
 */
export function rampStrength(rule: SignalRule, value: number): number {
  const s = (value - rule.rampFrom) / (rule.rampTo - rule.rampFrom);
  return s > 1 ? 1 : s > 0 ? s : 0;
}

/**
 * The severity a value reaches under a rule (`undefined` below the threshold).
 *
 * @example
 * ```ts
 * const rule = { enabled: true, weight: 1, rampFrom: 0.9, rampTo: 0.1, threshold: 0.5, critical: 0.2 };
 * severityOf(rule, 0.4) //=> 'warning'
 * severityOf(rule, 0.1) //=> 'critical'
 * severityOf(rule, 0.7) //=> undefined
 * ```
 */
export function severityOf(rule: SignalRule, value: number): SignalSeverity | undefined {
  if (rule.rampTo > rule.rampFrom) {
    if (value >= rule.critical) return 'critical';
    return value >= rule.threshold ? 'warning' : undefined;
  }
  if (value <= rule.critical) return 'critical';
  return value <= rule.threshold ? 'warning' : undefined;
}

/**
 * Builds a {@link Signal} (used by the signal families once a value reached its threshold) with the weight in
 * effect for the uncalibrated score.
 *
 * @example
 * ```ts
 * const rule = { enabled: true, weight: 2, rampFrom: 1, rampTo: 4, threshold: 1.5, critical: 3 };
 * makeSignal('recency-overdue', rule, 2, 2.5, 'warning', 'recency-overdue.own-cadence', { daysSinceLastPurchase: 100 }).contribution //=> 1
 * ```
 */
export function makeSignal(
  code: SignalCode,
  rule: SignalRule,
  weight: number,
  value: number,
  severity: SignalSeverity,
  reasonId: ReasonTemplateId,
  params: Readonly<Record<string, ReasonParam>>,
): Signal {
  const strength = rampStrength(rule, value);
  return {
    code,
    family: SIGNAL_FAMILIES[code],
    severity,
    value,
    threshold: rule.threshold,
    strength,
    contribution: weight * strength,
    reasonId,
    params,
  };
}

/**
 * Formats a number for a reason sentence: fixed decimals, no exponent, `-0` shown as `0`.
 *
 * @example
 * ```ts
 * formatNumber(12.345, 1) //=> '12.3'
 * formatNumber(-0.0001, 2) //=> '0.00'
 * ```
 */
export function formatNumber(value: number, decimals = 0): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
