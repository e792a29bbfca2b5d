/**
 * Small hand-built records for the churn tests.
 */
import type { Complaint, EngagementEvent, SurveyResponse, Transaction } from '../../src/core/index.js';

export const DAY = 86_400_000;
/** The analysis date of most fixtures: 2024-07-01T00:00Z. */
export const AS_OF = Date.UTC(2024, 6, 1);


let sequence = 0;

/** A purchase `days` days before AS_OF (at noon). */
export function purchase(customerId: string, days: number, amount = 50, extra: Partial<Transaction> = {}): Transaction {
  sequence++;
  return { id: `t${sequence}`, customerId, occurredAt: AS_OF - days * DAY + 12 * 3_600_000, kind: 'purchase', amount, currency: 'EUR', ...extra };
}

/** A refund `days` days before AS_OF. */
export function refund(customerId: string, days: number, amount: number): Transaction {
  sequence++;
  return { id: `r${sequence}`, customerId, occurredAt: AS_OF - days * DAY + 12 * 3_600_000, kind: 'refund', amount, currency: 'EUR' };
}

/** Purchases of one customer on each of the given days-ago. */
export function purchases(customerId: string, days: readonly number[], amount = 50): Transaction[] {
  return days.map((d) => purchase(customerId, d, amount));
}

/** A survey answer `days` days before AS_OF. */
export function survey(customerId: string, days: number, answer: { nps?: number; csat?: number }): SurveyResponse {
  sequence++;
  return { id: `s${sequence}`, customerId, respondedAt: AS_OF - days * DAY + 12 * 3_600_000, ...answer };
}

/** A complaint opened `days` days before AS_OF, resolved `resolvedAfterDays` later (open when undefined). */
export function complaint(customerId: string, days: number, resolvedAfterDays?: number, extra: Partial<Complaint> = {}): Complaint {
  sequence++;
  const openedAt = AS_OF - days * DAY + 12 * 3_600_000;
  return {
    id: `k${sequence}`,
    customerId,
    openedAt,
    ...(resolvedAfterDays === undefined ? {} : { resolvedAt: openedAt + resolvedAfterDays * DAY }),
    ...extra,
  };
}

/** Engagement events of one customer on each of the given days-ago. */
export function events(customerId: string, days: readonly number[], type = 'visit'): EngagementEvent[] {
  return days.map((d) => {
    sequence++;
    return { id: `e${sequence}`, customerId, occurredAt: AS_OF - d * DAY + 12 * 3_600_000, type };
  });
}

/** `count` evenly spread days-ago values in [from, to). */
export function spread(count: number, from: number, to: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.round(from + ((to - from) * i) / count));
}
