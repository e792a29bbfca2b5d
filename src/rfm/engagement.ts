/**
 * `summarizeEngagement`: per-customer engagement (weighted event counts) for RFE scoring.
 *
 * @module
 */
import { MS_PER_DAY, toInstant, type DateInput, type EngagementEvent } from '../core/index.js';
import type { RfmSummary } from './types.js';

/**
 * Options of {@link summarizeEngagement}.
 *
 * @example
 * ```ts
 * const options: EngagementOptions = { windowDays: 90, weights: { visit: 1, email_click: 3, login: 2 } };
 * ```
 */
export interface EngagementOptions {
  /** Count events up to this instant (default: the summary's `asOf`). */
  readonly asOf?: DateInput;
  /** Count only events in the last `windowDays` × 24 h before `asOf` (default: all events up to `asOf`). */
  readonly windowDays?: number;
  /** Weight per event type (types not listed weigh `defaultWeight`). */
  readonly weights?: Readonly<Record<string, number>>;
  /** Weight of event types not in `weights` (default 1). */
  readonly defaultWeight?: number;
}

/**
 * Result of {@link summarizeEngagement}: one engagement value per summary customer (aligned with
 * `summary.customers`), ready for `score(summary, { dimensions: [..., 'engagement'], engagement })`.
 *
 * @example
 * ```ts
 * const { engagement, unknownCustomers } = summarizeEngagement(summary, events, { windowDays: 90 });
 * ```
 */
export interface EngagementSummary {
  /** Weighted event count per customer of the summary (0 when none). */
  readonly engagement: Float64Array;
  /** Events read. */
  readonly events: number;
  /** Events counted. */
  readonly counted: number;
  /** Events after `asOf`. */
  readonly afterAsOf: number;
  /** Events before the window. */
  readonly beforeWindow: number;
  /** Events whose customer is not in the summary (engaged but no transaction up to `asOf`). */
  readonly unknownCustomers: number;
  /** Events with an unusable time or customer id. */
  readonly invalid: number;
}

/**
 * Weighted engagement per customer — the E of RFE (recency, frequency, engagement): visits, logins, email opens and
 * clicks, weighted per event type, within an optional window before `asOf`. Customers are the summary's.
 *
 * @example
 * ```ts
 * const { engagement } = summarizeEngagement(summary, events, { weights: { email_click: 3 }, windowDays: 90 });
 * const rfe = score(summary, { dimensions: ['recency', 'frequency', 'engagement'], engagement });
 * const segments = segment(rfe, DEFAULT_SEGMENT_MAP, { dimensions: ['recency', 'frequency', 'engagement'] });
 * ```
 */
export function summarizeEngagement(
  summary: RfmSummary,
  events: readonly EngagementEvent[],
  options: EngagementOptions = {},
): EngagementSummary {
  const asOf = options.asOf === undefined ? summary.asOf : toInstant(options.asOf);
  const windowDays = options.windowDays;
  if (windowDays !== undefined && !(windowDays > 0)) {
    throw new RangeError('[clientele] summarizeEngagement: windowDays must be positive');
  }
  const from = windowDays === undefined ? Number.NEGATIVE_INFINITY : asOf - windowDays * MS_PER_DAY;
  const defaultWeight = options.defaultWeight ?? 1;
  const ids = summary.customers.customerId;
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(String(ids[i]), i);
  const engagement = new Float64Array(ids.length);
  let counted = 0;
  let afterAsOf = 0;
  let beforeWindow = 0;
  let unknownCustomers = 0;
  let invalid = 0;
  for (const event of events) {
    const at = event.occurredAt;
    if (typeof at !== 'number' || !Number.isFinite(at) || typeof event.customerId !== 'string') {
      invalid++;
      continue;
    }
    if (at > asOf) {
      afterAsOf++;
      continue;
    }
    if (!(at > from)) {
      beforeWindow++;
      continue;
    }
    const i = index.get(event.customerId);
    if (i === undefined) {
      unknownCustomers++;
      continue;
    }
    const weight = options.weights?.[event.type] ?? defaultWeight;
    engagement[i] = engagement[i]! + weight;
    counted++;
  }
  return { engagement, events: events.length, counted, afterAsOf, beforeWindow, unknownCustomers, invalid };
}
