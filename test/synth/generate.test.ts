import { describe, expect, it } from 'vitest';
import {
  decodeComplaints,
  decodeCustomers,
  decodeEngagementEvents,
  decodeSurveyResponses,
  decodeTransactions,
} from '../../src/core/index.js';
import { generateCustomerBase } from '../../src/synth/index.js';
import { sharedBase } from './fixtures.js';

const SMALL = { seed: 42, customers: 400, asOf: '2024-07-01' } as const;

describe('generateCustomerBase', () => {
  it('is deterministic: the same seed and options give a deep-equal base', () => {
    const a = generateCustomerBase(SMALL);
    const b = generateCustomerBase({ ...SMALL, asOf: new Date(Date.UTC(2024, 6, 1)) });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('does not depend on the host time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = JSON.stringify(generateCustomerBase(SMALL));
      process.env.TZ = 'Asia/Shanghai';
      const shanghai = JSON.stringify(generateCustomerBase(SMALL));
      process.env.TZ = 'America/Los_Angeles';
      const losAngeles = JSON.stringify(generateCustomerBase(SMALL));
      expect(shanghai).toBe(utc);
      expect(losAngeles).toBe(utc);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('changes with the seed (and a number seed differs from its string)', () => {
    const a = generateCustomerBase(SMALL);
    const b = generateCustomerBase({ ...SMALL, seed: 43 });
    const c = generateCustomerBase({ ...SMALL, seed: '42' });
    expect(b.transactions).not.toEqual(a.transactions);
    expect(b.customers).not.toEqual(a.customers);
    expect(c.truth).not.toEqual(a.truth);
  });

  it('keeps every other output when one output is switched off', () => {
    const full = generateCustomerBase(SMALL);
    const lean = generateCustomerBase({ ...SMALL, include: { transactions: false, engagementEvents: false } });
    expect(lean.transactions).toEqual([]);
    expect(lean.engagementEvents).toEqual([]);
    expect(lean.customers).toEqual(full.customers);
    expect(lean.surveyResponses).toEqual(full.surveyResponses);
    expect(lean.complaints).toEqual(full.complaints);
    expect(lean.truth).toEqual(full.truth);
    const noComplaints = generateCustomerBase({ ...SMALL, include: { complaints: false, surveyResponses: false } });
    expect(noComplaints.complaints).toEqual([]);
    expect(noComplaints.surveyResponses).toEqual([]);
    expect(noComplaints.transactions).toEqual(full.transactions);
    expect(noComplaints.engagementEvents).toEqual(full.engagementEvents);
  });

  it('returns the base shape with asOf in epoch ms and columns only on request', () => {
    const base = generateCustomerBase(SMALL);
    expect(Object.keys(base).sort()).toEqual(['asOf', 'complaints', 'customers', 'engagementEvents', 'surveyResponses', 'transactions', 'truth']);
    expect(base.asOf).toBe(Date.UTC(2024, 6, 1));
    expect(base.truth).toHaveLength(400);
  });

  describe('on a 6,000-person base', () => {
    const base = sharedBase();

    it('produces records that all pass the core decoders, unchanged', () => {
      const customers = decodeCustomers(base.customers);
      const transactions = decodeTransactions(base.transactions);
      const surveys = decodeSurveyResponses(base.surveyResponses);
      const complaints = decodeComplaints(base.complaints);
      const events = decodeEngagementEvents(base.engagementEvents);
      for (const batch of [customers, transactions, surveys, complaints, events]) {
        expect(batch.issues).toEqual([]);
        expect(batch.rejected).toEqual([]);
      }
      expect(customers.valid).toEqual(base.customers);
      expect(transactions.valid).toEqual(base.transactions);
      expect(surveys.valid).toEqual(base.surveyResponses);
      expect(complaints.valid).toEqual(base.complaints);
      expect(events.valid).toEqual(base.engagementEvents);
    });

    it('survives a JSON round trip through the decoders', () => {
      const json = JSON.parse(JSON.stringify({ c: base.complaints, s: base.surveyResponses })) as { c: unknown; s: unknown };
      expect(decodeComplaints(json.c).valid).toEqual(base.complaints);
      expect(decodeSurveyResponses(json.s).valid).toEqual(base.surveyResponses);
    });

    it('has unique ids in every array', () => {
      for (const records of [base.customers, base.transactions, base.surveyResponses, base.complaints, base.engagementEvents]) {
        expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      }
    });

    it('partitions the source records among the persons of the truth', () => {
      const owners = new Map<string, number>();
      for (const t of base.truth) for (const id of t.recordIds) owners.set(id, (owners.get(id) ?? 0) + 1);
      expect(base.truth.every((t) => t.recordIds[0] === t.customerId)).toBe(true);
      expect(owners.size).toBe(base.customers.length);
      expect([...owners.values()].every((count) => count === 1)).toBe(true);
      expect(base.customers.every((c) => owners.has(c.id))).toBe(true);
    });

    it('uses canonical customer ids in transactions, surveys, complaints and events', () => {
      const canonical = new Set(base.truth.map((t) => t.customerId));
      for (const records of [base.transactions, base.complaints, base.engagementEvents]) {
        expect(records.every((r) => canonical.has(r.customerId))).toBe(true);
      }
      expect(base.surveyResponses.every((r) => r.customerId !== undefined && canonical.has(r.customerId))).toBe(true);
    });

    it('puts nothing after asOf', () => {
      const asOf = base.asOf;
      const late = [
        ...base.transactions.filter((r) => r.occurredAt > asOf),
        ...base.surveyResponses.filter((r) => r.respondedAt > asOf),
        ...base.complaints.filter((r) => r.openedAt > asOf || (r.firstResponseAt ?? 0) > asOf || (r.resolvedAt ?? 0) > asOf),
        ...base.engagementEvents.filter((r) => r.occurredAt > asOf),
        ...base.customers.filter((r) => (r.signupAt ?? 0) > asOf || (r.updatedAt ?? 0) > asOf),
      ];
      expect(late).toEqual([]);
    });

    it('groups every array by person in person order, in time order within a person', () => {
      const order = new Map(base.truth.map((t, i) => [t.customerId, i]));
      const check = (rows: readonly { customerId?: string | undefined }[], time: (i: number) => number): boolean =>
        rows.every((row, i) => {
          if (i === 0) return true;
          const prev = order.get(rows[i - 1]!.customerId!)!;
          const cur = order.get(row.customerId!)!;
          return cur > prev || (cur === prev && time(i) >= time(i - 1));
        });
      expect(check(base.transactions, (i) => base.transactions[i]!.occurredAt)).toBe(true);
      expect(check(base.surveyResponses, (i) => base.surveyResponses[i]!.respondedAt)).toBe(true);
      expect(check(base.complaints, (i) => base.complaints[i]!.openedAt)).toBe(true);
      expect(check(base.engagementEvents, (i) => base.engagementEvents[i]!.occurredAt)).toBe(true);
    });

    it('has the volumes of a realistic base', () => {
      const persons = base.truth.length;
      const purchases = base.transactions.filter((t) => t.kind === 'purchase').length;
      // ≈ 10 per person from the BG/NBD process, ≈ 8 after the decline phase thins the last months before dropout.
      expect(purchases / persons).toBeGreaterThan(7.5);
      expect(purchases / persons).toBeLessThan(9.5);
      expect(base.customers.length / persons).toBeGreaterThan(1.4);
      expect(base.customers.length / persons).toBeLessThan(2);
      expect(base.surveyResponses.length / purchases).toBeGreaterThan(0.06);
      expect(base.surveyResponses.length / purchases).toBeLessThan(0.12);
      expect((base.complaints.length / purchases) * 1000).toBeGreaterThan(15);
      expect((base.complaints.length / purchases) * 1000).toBeLessThan(35);
      expect(base.engagementEvents.length / persons).toBeGreaterThan(40);
      expect(base.engagementEvents.length / persons).toBeLessThan(90);
    });
  });
});
