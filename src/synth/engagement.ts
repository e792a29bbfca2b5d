/**
 * Engagement events (visits, logins, e-mail opens and clicks) from a Poisson process per person whose rate fades
 * before the person's dropout and dies away after it.
 *
 * Rate of person i (events per week): ρ_i = engagementEventsPerWeek · g_i · (λ_i/λ̄)^0.3 / E[(λ/λ̄)^0.3], with
 * g_i ~ Gamma(2, 2) (mean 1) and λ̄ = r/α, so people who buy often also visit more and the mean is the option's value.
 * From signup to dropout the intensity is ρ_i · 0.15^fade(t) during the person's decline phase (fade rises linearly
 * from 0 to 1 over it, so engagement decays exponentially like the purchase rate), or ρ_i · (1 − 0.85·fade(t)) over
 * the `engagementFadeDays` before dropout when the generator runs with `declinePhase: false`; after dropout it is 0.15·ρ_i·e^{−(t − dropout)/120 d}. E-mail events only
 * happen for people who granted e-mail marketing consent (otherwise they are visits).
 *
 * @module
 */
import { lgamma, MS_PER_DAY, type EngagementEvent } from '../core/index.js';
import { fadeLengthMs, preDropoutFade } from './experience.js';
import { sequenceId } from './ids.js';
import type { ResolvedSynthOptions } from './options.js';
import type { PurchaseSimulation } from './purchases.js';
import { streamFor } from './streams.js';

/** Share of the active intensity left at and after dropout. */
const RESIDUAL_SHARE = 0.15;
const AFTER_DROPOUT_DECAY_MS = 120 * MS_PER_DAY;
const RATE_LINK_EXPONENT = 0.3;
const TYPES: readonly string[] = ['visit', 'login', 'email_open', 'email_click'];
const TYPE_WEIGHTS: readonly number[] = [45, 20, 25, 10];
const APP_USER_SHARE = 0.35;

/**
 * Generates the engagement events of every person from the `engagement` stream.
 *
 * @example
 * ```ts
 * const events = simulateEngagement(sim, config, ids, signupAt, emailConsent);
 * events[0]?.type // 'visit', 'login', 'email_open' or 'email_click'
 * ```
 */
export function simulateEngagement(
  sim: PurchaseSimulation,
  config: ResolvedSynthOptions,
  customerIds: readonly string[],
  signupAt: Float64Array,
  emailConsent: Uint8Array,
): EngagementEvent[] {
  const rng = streamFor(config.seed, 'engagement');
  const asOf = config.asOf;
  const { r, alpha } = config.purchaseProcess;
  const meanRate = r / alpha;
  const k = RATE_LINK_EXPONENT;
  const linkMean = Math.exp(lgamma(r + k) - lgamma(r) - k * Math.log(r));
  const perMs = config.engagementEventsPerWeek / (7 * MS_PER_DAY);
  const geometric = config.declinePhase !== false;
  const out: EngagementEvent[] = [];
  for (let i = 0; i < sim.customers; i++) {
    const lambda = sim.latent.purchaseRatePerDay[i]!;
    const link = lambda > 0 ? Math.pow(lambda / meanRate, k) / linkMean : 0;
    const rate = perMs * rng.gamma(2, 2) * link;
    const visitChannel = rng.uniform() < APP_USER_SHARE ? 'app' : 'web';
    if (!(rate > 0) || !Number.isFinite(rate)) continue;
    const consent = emailConsent[i] === 1;
    const dropoutAt = sim.latent.dropoutAt[i]!;
    const fadeMs = fadeLengthMs(config, dropoutAt, sim.latent.declineStartAt[i]!);
    const customerId = customerIds[i]!;
    const emit = (at: number): void => {
      let type = TYPES[rng.weightedIndex(TYPE_WEIGHTS)]!;
      if (!consent && type.startsWith('email')) type = 'visit';
      out.push({
        id: sequenceId('E', out.length + 1),
        customerId,
        occurredAt: Math.round(at / 1000) * 1000,
        type,
        channel: type.startsWith('email') ? 'email' : visitChannel,
      });
    };
    let t = signupAt[i]!;
    const activeEnd = Math.min(asOf, dropoutAt);
    for (;;) {
      t += rng.exponential(rate);
      if (t > activeEnd) break;
      const fade = preDropoutFade(dropoutAt, fadeMs, t);
      const keep = geometric ? Math.pow(RESIDUAL_SHARE, fade) : 1 - (1 - RESIDUAL_SHARE) * fade;
      if (rng.uniform() < keep) emit(t);
    }
    if (dropoutAt < asOf) {
      t = dropoutAt;
      const residualRate = rate * RESIDUAL_SHARE;
      for (;;) {
        t += rng.exponential(residualRate);
        if (t > asOf) break;
        if (rng.uniform() < Math.exp(-(t - dropoutAt) / AFTER_DROPOUT_DECAY_MS)) emit(t);
      }
    }
  }
  return out;
}
