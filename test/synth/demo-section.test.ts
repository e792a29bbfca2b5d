import { describe, expect, it } from 'vitest';
import { synthSection } from '../../examples/sections/synth.js';
import { sharedBase } from './fixtures.js';

describe('demo section "Generated base"', () => {
  it('summarises the base in an aligned plain-text table', () => {
    const text = synthSection(sharedBase());
    for (const label of ['persons (true customers)', 'source records', 'purchases', 'refunds', 'survey responses', 'complaints', 'engagement events', 'alive at as-of (truth)']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('6,000');
    expect(text.includes(String.fromCharCode(27))).toBe(false);
    const [header, ...rows] = text.split('\n').filter((l) => l.includes('   '));
    const countColumnEnd = header!.indexOf('count') + 'count'.length;
    // Counts are right-aligned under the header: each row has a digit just before the column end and a space after.
    expect(rows.every((l) => /\d/.test(l.charAt(countColumnEnd - 1)) && l.charAt(countColumnEnd) === ' ')).toBe(true);
  });
});
