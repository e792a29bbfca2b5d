/**
 * Loyalty signals from per-customer programme state passed in as data: points about to expire unused, an
 * imminent tier downgrade, and no redemption for a long time.
 *
 * @module
 */
import { MS_PER_DAY, parseInstant } from '../core/index.js';
import type { SignalConfig } from './config.js';
import type { LoyaltyState } from './inputs.js';
import { measure, report, type SignalSink } from './sink.js';

/**
 * Raises the loyalty signals of one customer from their state.
 *
 * - `loyalty-points-expiring`: value = `pointsExpiringSoon`, counted only when no redemption happened in the last
 *   `recentRedemptionDays` and, when `pointsExpiringAt` is given, the expiry is within `expiringWithinDays`.
 * - `loyalty-tier-downgrade`: value = `daysToTierDowngrade` (lower is worse).
 * - `loyalty-no-redemption`: value = days since `lastRedemptionAt`, or since `enrolledAt` for a customer who never
 *   redeemed.
 *
 * Unparseable dates and negative numbers are ignored (the signal is not judged).
 *
 * @example
 * ```ts
 * loyaltySignals(sink, { daysToTierDowngrade: 5 }, Date.UTC(2024, 6, 1), DEFAULT_SIGNAL_CONFIG);
 * ```
 */
export function loyaltySignals(sink: SignalSink, state: LoyaltyState, asOfMs: number, config: SignalConfig): void {
  const l = config.loyalty;
  const lastRedemption = state.lastRedemptionAt === undefined || state.lastRedemptionAt === null ? undefined : parseInstant(state.lastRedemptionAt);
  const daysSinceRedemption = lastRedemption === undefined ? Number.NaN : (asOfMs - lastRedemption) / MS_PER_DAY;
  const points = state.pointsExpiringSoon;
  if (points !== undefined && Number.isFinite(points) && points > 0) {
    const expiresAt = state.pointsExpiringAt === undefined ? undefined : parseInstant(state.pointsExpiringAt);
    const daysLeft = expiresAt === undefined ? Number.NaN : (expiresAt - asOfMs) / MS_PER_DAY;
    const soon = state.pointsExpiringAt === undefined || (daysLeft >= 0 && daysLeft <= l.expiringWithinDays);
    const unused = !(daysSinceRedemption >= 0 && daysSinceRedemption <= l.recentRedemptionDays);
    if (soon && unused) {
      const severity = measure(sink, 'loyalty-points-expiring', points);
      if (severity !== undefined) {
        report(sink, 'loyalty-points-expiring', points, severity, Number.isFinite(daysLeft) ? 'loyalty-points-expiring' : 'loyalty-points-expiring.undated', {
          points,
          daysUntilExpiry: Number.isFinite(daysLeft) ? daysLeft : null,
        });
      }
    }
  }
  const downgrade = state.daysToTierDowngrade;
  if (downgrade !== undefined && Number.isFinite(downgrade) && downgrade >= 0) {
    const severity = measure(sink, 'loyalty-tier-downgrade', downgrade);
    if (severity !== undefined) {
      report(sink, 'loyalty-tier-downgrade', downgrade, severity, 'loyalty-tier-downgrade', { daysToTierDowngrade: downgrade });
    }
  }
  let sinceDays = daysSinceRedemption;
  let never = false;
  if (!Number.isFinite(sinceDays) && state.enrolledAt !== undefined) {
    const enrolled = parseInstant(state.enrolledAt);
    if (enrolled !== undefined) {
      sinceDays = (asOfMs - enrolled) / MS_PER_DAY;
      never = true;
    }
  }
  if (Number.isFinite(sinceDays) && sinceDays >= 0) {
    const severity = measure(sink, 'loyalty-no-redemption', sinceDays);
    if (severity !== undefined) {
      report(sink, 'loyalty-no-redemption', sinceDays, severity, never ? 'loyalty-no-redemption.never' : 'loyalty-no-redemption', {
        daysWithoutRedemption: sinceDays,
        neverRedeemed: never ? 'yes' : 'no',
      });
    }
  }
}
