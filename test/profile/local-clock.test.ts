import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/index.js';
import { createLocalClock } from '../../src/profile/local-clock.js';

describe('createLocalClock', () => {
  it('gives UTC days and hours by default', () => {
    const clock = createLocalClock(undefined);
    const t = Date.parse('2024-03-01T23:30:00Z');
    expect(clock.dayOf(t)).toBe(dayNumber('2024-03-01'));
    expect(clock.hourOf(t)).toBe(23);
    expect(clock.hourOf(Date.parse('1969-12-31T22:00:00Z'))).toBe(22);
  });

  it('follows daylight-saving transitions of a zone', () => {
    const ny = createLocalClock('America/New_York');
    expect(ny.hourOf(Date.parse('2024-03-10T06:59:00Z'))).toBe(1);
    expect(ny.hourOf(Date.parse('2024-03-10T07:00:00Z'))).toBe(3);
    expect(ny.hourOf(Date.parse('2024-11-03T05:30:00Z'))).toBe(1);
    expect(ny.hourOf(Date.parse('2024-11-03T06:30:00Z'))).toBe(1);
    const kathmandu = createLocalClock('Asia/Kathmandu');
    expect(kathmandu.hourOf(Date.parse('2024-01-01T00:15:00Z'))).toBe(6);
  });

  it('agrees with core dayNumber in several zones (property)', () => {
    const zones = ['Asia/Shanghai', 'Europe/London', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Pacific/Chatham'];
    const clocks = zones.map((zone) => createLocalClock(zone));
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.nat(zones.length - 1),
        (t, z) => {
          expect(clocks[z]!.dayOf(t)).toBe(dayNumber(t, { timeZone: zones[z]! }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws for an unknown zone', () => {
    expect(() => createLocalClock('Mars/Olympus')).toThrow(/\[clientele\] unknown time zone/);
  });
});
