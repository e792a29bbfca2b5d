import { describe, expect, it } from 'vitest';
import { COMPLAINT_TEXTS } from '../../src/synth/feedback-templates.js';
import { DAY, sharedBase } from './fixtures.js';

describe('complaints', () => {
  const base = sharedBase();
  const truth = new Map(base.truth.map((t) => [t.customerId, t]));
  const orders = new Map(base.transactions.filter((t) => t.kind === 'purchase').map((t) => [t.orderId, t]));

  it('keep their times in order: opened ≤ first response ≤ resolved ≤ asOf', () => {
    const broken = base.complaints.filter((c) => {
      if (c.firstResponseAt !== undefined && c.firstResponseAt < c.openedAt) return true;
      if (c.resolvedAt !== undefined && (c.firstResponseAt === undefined || c.resolvedAt < c.firstResponseAt)) return true;
      return Math.max(c.openedAt, c.firstResponseAt ?? 0, c.resolvedAt ?? 0) > base.asOf;
    });
    expect(broken).toEqual([]);
  });

  it('include unanswered, unresolved and reopened cases', () => {
    const unanswered = base.complaints.filter((c) => c.firstResponseAt === undefined).length;
    const unresolved = base.complaints.filter((c) => c.resolvedAt === undefined).length;
    const reopened = base.complaints.filter((c) => (c.reopenCount ?? 0) > 0).length;
    expect(unanswered).toBeGreaterThan(0);
    expect(unresolved / base.complaints.length).toBeGreaterThan(0.04);
    expect(unresolved / base.complaints.length).toBeLessThan(0.2);
    expect(reopened / base.complaints.length).toBeGreaterThan(0.05);
    expect(reopened / base.complaints.length).toBeLessThan(0.16);
  });

  it('have realistic response and resolution times (median first response of hours, resolution of about a day or two)', () => {
    const firstResponseHours = base.complaints.filter((c) => c.firstResponseAt !== undefined).map((c) => (c.firstResponseAt! - c.openedAt) / 3_600_000).sort((a, b) => a - b);
    const median = firstResponseHours[Math.floor(firstResponseHours.length / 2)]!;
    expect(median).toBeGreaterThan(2);
    expect(median).toBeLessThan(4.5);
    const resolutionHours = base.complaints.filter((c) => c.resolvedAt !== undefined).map((c) => (c.resolvedAt! - c.openedAt) / 3_600_000).sort((a, b) => a - b);
    const medianResolution = resolutionHours[Math.floor(resolutionHours.length / 2)]!;
    expect(medianResolution).toBeGreaterThan(20);
    expect(medianResolution).toBeLessThan(60);
  });

  it('concern an order of the same person, opened after it, with a category and a matching text', () => {
    const categories = new Set(Object.keys(COMPLAINT_TEXTS));
    const broken = base.complaints.filter((c) => {
      const order = orders.get(c.orderId ?? '');
      if (order?.customerId !== c.customerId || c.openedAt < order.occurredAt) return true;
      return !categories.has(c.category ?? '') || (c.text ?? '{').includes('{');
    });
    expect(broken).toEqual([]);
    expect(new Set(base.complaints.map((c) => c.category)).size).toBe(6);
    expect(new Set(base.complaints.map((c) => c.severity)).size).toBe(4);
    expect(base.complaints.some((c) => /[\u4e00-\u9fff]/.test(c.text ?? ''))).toBe(true);
  });

  it('come more often from unsatisfied persons and in the weeks before dropout', () => {
    const counts = new Map<string, number>();
    for (const c of base.complaints) counts.set(c.customerId, (counts.get(c.customerId) ?? 0) + 1);
    const purchasesBy = new Map<string, number>();
    for (const t of base.transactions) if (t.kind === 'purchase') purchasesBy.set(t.customerId, (purchasesBy.get(t.customerId) ?? 0) + 1);
    const rate = (keep: (s: number) => boolean): number => {
      let complaints = 0;
      let purchases = 0;
      for (const t of base.truth) {
        if (!keep(t.satisfaction)) continue;
        complaints += counts.get(t.customerId) ?? 0;
        purchases += purchasesBy.get(t.customerId) ?? 0;
      }
      return complaints / purchases;
    };
    expect(rate((s) => s < 0)).toBeGreaterThan(1.5 * rate((s) => s > 0.5));
    // Complaints about orders placed in the 42 days before dropout vs earlier orders of dropped-out persons.
    let near = 0;
    let nearOrders = 0;
    let far = 0;
    let farOrders = 0;
    const complainedOrders = new Set(base.complaints.map((c) => c.orderId));
    for (const t of base.transactions) {
      if (t.kind !== 'purchase') continue;
      const person = truth.get(t.customerId)!;
      if (person.alive) continue;
      const before = person.dropoutAt - t.occurredAt;
      const hit = complainedOrders.has(t.orderId) ? 1 : 0;
      if (before <= 42 * DAY) {
        near += hit;
        nearOrders++;
      } else {
        far += hit;
        farOrders++;
      }
    }
    expect(near / nearOrders).toBeGreaterThan(far / farOrders);
  });
});
