/**
 * A person's experience over time: latent satisfaction, lowered by recent refunds and complaints (strongly while a
 * complaint is unresolved) and by a deterioration in the weeks before the person drops out. It drives complaint
 * probabilities and survey answers.
 *
 *   experience(t) = s − 0.6·fade(t) − Σ_refunds 0.3·e^{−(t − t_r)/60 d}
 *                   − Σ_complaints (0.7 while open, else 0.45·e^{−(t − t_resolved)/90 d})
 *
 * where fade(t) rises linearly from 0 to 1 over the fade window before the dropout time and stays 1 after it. The
 * fade window is the person's decline phase (see `DeclinePhaseParameters`), or the last `engagementFadeDays` before
 * dropout when the generator runs with `declinePhase: false`.
 *
 * @module
 */
import { MS_PER_DAY } from '../core/index.js';
import type { ResolvedSynthOptions } from './options.js';

/** Weight of the pre-dropout deterioration. */
const FADE_PENALTY = 0.6;
/** Penalty of a refund, decaying with a 60-day time constant. */
const REFUND_PENALTY = 0.3;
const REFUND_DECAY_MS = 60 * MS_PER_DAY;
/** Penalty of an open complaint. */
const OPEN_COMPLAINT_PENALTY = 0.7;
/** Penalty of a resolved complaint, decaying with a 90-day time constant. */
const RESOLVED_COMPLAINT_PENALTY = 0.45;
const COMPLAINT_DECAY_MS = 90 * MS_PER_DAY;

/**
 * The fade factor in [0, 1]: 0 until `fadeMs` before `dropoutAt`, rising linearly to 1 at `dropoutAt`, 1 after it.
 * With `fadeMs` 0 it is a step at `dropoutAt`.
 *
 * @example
 * ```ts
 * preDropoutFade(100, 40, 80) //=> 0.5
 * ```
 */
export function preDropoutFade(dropoutAt: number, fadeMs: number, t: number): number {
  if (t >= dropoutAt) return 1;
  if (fadeMs <= 0) return 0;
  const start = dropoutAt - fadeMs;
  return t <= start ? 0 : (t - start) / fadeMs;
}

/**
 * Length of person's fade window in ms: their decline phase (`dropoutAt − declineStartAt`), or `engagementFadeDays`
 * when the generator runs without a decline phase.
 *
 * @example
 * ```ts
 * fadeLengthMs(resolveSynthOptions({ seed: 1, customers: 1, asOf: 0, declinePhase: false }), 100, 100) //=> 42 × 86 400 000
 * ```
 */
export function fadeLengthMs(config: Pick<ResolvedSynthOptions, 'declinePhase' | 'engagementFadeDays'>, dropoutAt: number, declineStartAt: number): number {
  return config.declinePhase === false ? config.engagementFadeDays * MS_PER_DAY : dropoutAt - declineStartAt;
}

/**
 * What the experience of one person depends on.
 *
 * @example
 * ```ts
 * const history: ExperienceHistory = { satisfaction: 0.4, dropoutAt: Infinity, fadeMs: 0, refundTimes: [], complaints: [] };
 * ```
 */
export interface ExperienceHistory {
  /** Latent satisfaction in [−1, 1]. */
  readonly satisfaction: number;
  /** True dropout instant. */
  readonly dropoutAt: number;
  /** Length of the pre-dropout deterioration, ms. */
  readonly fadeMs: number;
  /** Instants of the person's refunds. */
  readonly refundTimes: readonly number[];
  /** The person's complaints: opening instant and resolution instant (`Infinity` when never resolved). */
  readonly complaints: readonly { readonly openedAt: number; readonly resolvedAt: number }[];
}

/**
 * Experience at `t` without complaint effects (what drives the chance of a new complaint).
 *
 * @example
 * ```ts
 * baseExperience({ satisfaction: 0.4, dropoutAt: Infinity, fadeMs: 0, refundTimes: [], complaints: [] }, 0) //=> 0.4
 * ```
 */
export function baseExperience(history: ExperienceHistory, t: number): number {
  let value = history.satisfaction - FADE_PENALTY * preDropoutFade(history.dropoutAt, history.fadeMs, t);
  for (const at of history.refundTimes) {
    if (at <= t) value -= REFUND_PENALTY * Math.exp(-(t - at) / REFUND_DECAY_MS);
  }
  return value;
}

/**
 * Experience at `t` including the effect of complaints.
 *
 * @example
 * ```ts
 * experienceAt({ satisfaction: 0.4, dropoutAt: Infinity, fadeMs: 0, refundTimes: [], complaints: [{ openedAt: 0, resolvedAt: Infinity }] }, 1)
 * //≈ -0.3
 * ```
 */
export function experienceAt(history: ExperienceHistory, t: number): number {
  let value = baseExperience(history, t);
  for (const complaint of history.complaints) {
    if (complaint.openedAt > t) continue;
    value -= t < complaint.resolvedAt ? OPEN_COMPLAINT_PENALTY : RESOLVED_COMPLAINT_PENALTY * Math.exp(-(t - complaint.resolvedAt) / COMPLAINT_DECAY_MS);
  }
  return value;
}
