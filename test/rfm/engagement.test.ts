import { describe, expect, it } from 'vitest';
import type { EngagementEvent } from '../../src/core/index.js';
import { summarize, summarizeEngagement } from '../../src/rfm/index.js';
import { DAY } from './fixtures.js';

describe('summarizeEngagement', () => {
  const summary = summarize(
    { customerId: ['a', 'b'], day: Int32Array.of(1, 2), amount: Float64Array.of(5, 5) },
    { asOf: 100 * DAY },
  );
  const event = (customerId: string, day: number, type: string): EngagementEvent => ({
    id: `${customerId}${day}${type}`,
    customerId,
    occurredAt: day * DAY,
    type,
  });
  const events = [
    event('a', 95, 'visit'),
    event('a', 96, 'email_click'),
    event('a', 20, 'visit'),
    event('b', 99, 'login'),
    event('b', 101, 'visit'),
    event('z', 98, 'visit'),
  ];

  it('weights events per type within the window before asOf, aligned with the summary', () => {
    const result = summarizeEngagement(summary, events, { windowDays: 30, weights: { email_click: 3, login: 2 } });
    expect(Array.from(result.engagement)).toEqual([4, 2]);
    expect(result).toMatchObject({
      events: 6,
      counted: 3,
      afterAsOf: 1,
      beforeWindow: 1,
      unknownCustomers: 1,
      invalid: 0,
    });
  });

  it('counts every event up to asOf by default', () => {
    expect(Array.from(summarizeEngagement(summary, events).engagement)).toEqual([3, 1]);
    expect(() => summarizeEngagement(summary, events, { windowDays: 0 })).toThrow(/windowDays/);
  });
});
