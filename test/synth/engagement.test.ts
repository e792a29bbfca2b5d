import { describe, expect, it } from 'vitest';
import { generateCustomerBase } from '../../src/synth/index.js';
import { DAY, sharedBase } from './fixtures.js';

describe('engagement events', () => {
  const base = sharedBase();
  const truth = new Map(base.truth.map((t) => [t.customerId, t]));
  const fade = 42 * DAY;

  it('fade over the decline phase before dropout and die away after it', () => {
    // Persons who dropped out more than 90 days before asOf after a long enough life.
    const eligible = new Set(
      base.truth
        .filter((t) => !t.alive && t.declineStartAt - 2 * (t.dropoutAt - t.declineStartAt) > t.acquiredAt && t.dropoutAt + 90 * DAY < base.asOf)
        .map((t) => t.customerId),
    );
    expect(eligible.size).toBeGreaterThan(200);
    let earlier = 0;
    let fading = 0;
    let after = 0;
    let earlierDays = 0;
    let fadingDays = 0;
    for (const id of eligible) {
      const t = truth.get(id)!;
      earlierDays += (2 * (t.dropoutAt - t.declineStartAt)) / DAY;
      fadingDays += (t.dropoutAt - t.declineStartAt) / DAY;
    }
    for (const e of base.engagementEvents) {
      if (!eligible.has(e.customerId)) continue;
      const t = truth.get(e.customerId)!;
      const length = t.dropoutAt - t.declineStartAt;
      if (e.occurredAt >= t.declineStartAt - 2 * length && e.occurredAt < t.declineStartAt) earlier++;
      else if (e.occurredAt >= t.declineStartAt && e.occurredAt <= t.dropoutAt) fading++;
      else if (e.occurredAt > t.dropoutAt && e.occurredAt <= t.dropoutAt + 90 * DAY) after++;
    }
    const perDay = { earlier: earlier / earlierDays, fading: fading / fadingDays, after: after / (90 * eligible.size) };
    // Expected: fading ≈ (1 − 0.15)/ln(1/0.15) ≈ 0.45 × earlier (exponential fade to 15 %), after ≈ 0.08 × earlier.
    expect(perDay.fading / perDay.earlier).toBeGreaterThan(0.35);
    expect(perDay.fading / perDay.earlier).toBeLessThan(0.55);
    expect(perDay.after / perDay.earlier).toBeLessThan(0.2);
  });

  it('fade linearly over engagementFadeDays without a decline phase', () => {
    const pure = generateCustomerBase({
      seed: 'engagement-fade',
      customers: 3000,
      asOf: '2025-01-01',
      declinePhase: false,
      include: { transactions: false, surveyResponses: false, complaints: false },
    });
    const eligible = new Set(
      pure.truth.filter((t) => !t.alive && t.dropoutAt - t.acquiredAt > 4 * fade && t.dropoutAt + 90 * DAY < pure.asOf).map((t) => t.customerId),
    );
    expect(eligible.size).toBeGreaterThan(100);
    expect(pure.truth.every((t) => t.declineStartAt === t.dropoutAt)).toBe(true);
    const dropout = new Map(pure.truth.map((t) => [t.customerId, t.dropoutAt]));
    let earlier = 0;
    let fading = 0;
    for (const e of pure.engagementEvents) {
      if (!eligible.has(e.customerId)) continue;
      const d = dropout.get(e.customerId)!;
      if (e.occurredAt > d - 3 * fade && e.occurredAt <= d - fade) earlier++;
      else if (e.occurredAt > d - fade && e.occurredAt <= d) fading++;
    }
    // Expected: fading ≈ 0.575 × earlier (linear fade to 15 %).
    const ratio = fading / 42 / (earlier / 84);
    expect(ratio).toBeGreaterThan(0.42);
    expect(ratio).toBeLessThan(0.73);
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
