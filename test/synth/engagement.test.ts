import { describe, expect, it } from 'vitest';
import { generateCustomerBase } from '../../src/synth/index.js';
import { DAY, sharedBase } from './fixtures.js';

describe('engagement events', () => {
  const base = sharedBase();
  const truth = new Map(base.truth.map((t) => [t.customerId, t]));
  const fade = 42 * DAY;

  it('fade in the weeks before dropout and die away after it', () => {
    // Persons who dropped out more than 90 days before asOf after a long enough life.
    const eligible = new Set(
      base.truth.filter((t) => !t.alive && t.dropoutAt - t.acquiredAt > 4 * fade && t.dropoutAt + 90 * DAY < base.asOf).map((t) => t.customerId),
    );
    expect(eligible.size).toBeGreaterThan(200);
    let earlier = 0;
    let fading = 0;
    let after = 0;
    for (const e of base.engagementEvents) {
      if (!eligible.has(e.customerId)) continue;
      const d = truth.get(e.customerId)!.dropoutAt;
      if (e.occurredAt > d - 3 * fade && e.occurredAt <= d - fade) earlier++;
      else if (e.occurredAt > d - fade && e.occurredAt <= d) fading++;
      else if (e.occurredAt > d && e.occurredAt <= d + 90 * DAY) after++;
    }
    const perDay = { earlier: earlier / (2 * 42), fading: fading / 42, after: after / 90 };
    // Expected: fading ≈ 0.575 × earlier (linear fade to 15 %), after ≈ 15 % × (1 − e^{−0.75})/0.75 ≈ 0.08 × earlier.
    expect(perDay.fading / perDay.earlier).toBeGreaterThan(0.45);
    expect(perDay.fading / perDay.earlier).toBeLessThan(0.7);
    expect(perDay.after / perDay.earlier).toBeLessThan(0.2);
  });

  it('happen engagementEventsPerWeek times a week on average while active', () => {
    // With p ≈ 0 almost everyone stays active (no selection by dropout), so the population mean rate shows directly.
    const loyal = generateCustomerBase({
      seed: 'engagement-rate',
      customers: 3000,
      asOf: '2025-01-01',
      purchaseProcess: { a: 0.01, b: 1000 },
      engagementEventsPerWeek: 0.5,
      include: { transactions: false, surveyResponses: false, complaints: false },
    });
    const active = loyal.truth.filter((t) => t.dropoutAt > loyal.asOf + fade);
    expect(active.length / loyal.truth.length).toBeGreaterThan(0.98);
    const signup = new Map(loyal.customers.slice(0, loyal.truth.length).map((c) => [c.id, c.signupAt!]));
    const counts = new Map<string, number>();
    for (const e of loyal.engagementEvents) counts.set(e.customerId, (counts.get(e.customerId) ?? 0) + 1);
    const perPerson = active.map((t) => (counts.get(t.customerId) ?? 0) / ((loyal.asOf - signup.get(t.customerId)!) / (7 * DAY)));
    const rate = perPerson.reduce((a, b) => a + b, 0) / perPerson.length;
    expect(rate).toBeGreaterThan(0.45);
    expect(rate).toBeLessThan(0.55);
  });

  it('are visits, logins, e-mail opens and clicks; e-mail ones only with e-mail consent', () => {
    const types = new Set(base.engagementEvents.map((e) => e.type));
    expect([...types].sort()).toEqual(['email_click', 'email_open', 'login', 'visit']);
    const consent = new Map(
      base.customers.slice(0, base.truth.length).map((c) => [c.id, c.consents?.find((k) => k.purpose === 'email-marketing')?.status === 'granted']),
    );
    const withoutConsent = base.engagementEvents.filter((e) => e.type.startsWith('email') && consent.get(e.customerId) !== true);
    expect(withoutConsent).toEqual([]);
    expect(base.engagementEvents.every((e) => (e.type.startsWith('email') ? e.channel === 'email' : e.channel === 'web' || e.channel === 'app'))).toBe(true);
  });

  it('start at signup and end by asOf', () => {
    const signup = new Map(base.customers.slice(0, base.truth.length).map((c) => [c.id, c.signupAt!]));
    expect(base.engagementEvents.filter((e) => e.occurredAt < signup.get(e.customerId)! || e.occurredAt > base.asOf)).toEqual([]);
  });
});
