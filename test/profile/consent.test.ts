import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Consent } from '../../src/core/index.js';
import { hasConsent, resolveConsents } from '../../src/profile/index.js';
import { shuffled } from './fixtures.js';
import { latestDecisions } from '../../src/profile/consent.js';

const at = (iso: string): number => Date.parse(iso);

describe('resolveConsents', () => {
  it('lets the latest decision win and reports never-collected purposes', () => {
    expect(
      resolveConsents(
        [
          { purpose: 'email', status: 'granted', at: at('2024-01-05T00:00:00Z'), source: 'shop' },
          { purpose: 'email', status: 'denied', at: at('2024-05-02T00:00:00Z'), source: 'crm' },
        ],
        { purposes: ['sms'] },
      ),
    ).toEqual([
      {
        purpose: 'email',
        status: 'denied',
        collected: true,
        at: at('2024-05-02T00:00:00Z'),
        source: 'crm',
        decisions: 2,
      },
      { purpose: 'sms', status: 'unknown', collected: false, decisions: 0 },
    ]);
  });

  it('treats undated decisions as older than dated ones and ties as the most restrictive', () => {
    const states = resolveConsents([
      { purpose: 'sms', status: 'denied' },
      { purpose: 'sms', status: 'granted', at: at('2023-01-01T00:00:00Z') },
      { purpose: 'email', status: 'granted', at: at('2024-01-01T00:00:00Z'), source: 'a' },
      { purpose: 'email', status: 'denied', at: at('2024-01-01T00:00:00Z'), source: 'b' },
      { purpose: 'profiling', status: 'unknown', at: at('2024-01-01T00:00:00Z') },
    ]);
    expect(states.map((s) => [s.purpose, s.status])).toEqual([
      ['email', 'denied'],
      ['profiling', 'unknown'],
      ['sms', 'granted'],
    ]);
    expect(states.find((s) => s.purpose === 'profiling')!.collected).toBe(true);
  });

  it('ignores decisions after asOf', () => {
    const decisions: Consent[] = [
      { purpose: 'email', status: 'granted', at: at('2024-01-01T00:00:00Z') },
      { purpose: 'email', status: 'denied', at: at('2024-06-01T00:00:00Z') },
    ];
    expect(hasConsent(decisions, 'email', { asOf: '2024-03-01' })).toBe(true);
    expect(hasConsent(decisions, 'email')).toBe(false);
    expect(hasConsent([], 'email')).toBe(false);
  });

  it('does not depend on the order of decisions (property)', () => {
    const decision = fc.record(
      {
        purpose: fc.constantFrom('email', 'sms'),
        status: fc.constantFrom('granted' as const, 'denied' as const, 'unknown' as const),
        at: fc.integer({ min: 0, max: 3 }),
        source: fc.constantFrom('shop', 'crm'),
      },
      { requiredKeys: ['purpose', 'status'] },
    );
    fc.assert(
      fc.property(fc.array(decision, { maxLength: 8 }), fc.integer(), (decisions, seed) => {
        expect(resolveConsents(shuffled(decisions, seed))).toEqual(resolveConsents(decisions));
      }),
      { numRuns: 200 },
    );
  });
});

describe('latestDecisions', () => {
  it('returns the winning decision objects of resolveConsents, sorted by purpose', () => {
    const decisions: Consent[] = [
      { purpose: 'sms', status: 'granted', at: 5, source: 'shop' },
      { purpose: 'email', status: 'granted', at: 3 },
      { purpose: 'sms', status: 'denied', at: 5, source: 'crm' },
      { purpose: 'email', status: 'unknown' },
    ];
    const latest = latestDecisions(decisions);
    expect(latest).toHaveLength(2);
    expect(latest[0]).toBe(decisions[1]);
    expect(latest[1]).toBe(decisions[2]);
    const states = resolveConsents(decisions);
    expect(latest.map((d) => [d.purpose, d.status, d.at, d.source])).toEqual(
      states.map((s) => [s.purpose, s.status, s.at, s.source]),
    );
  });
});
